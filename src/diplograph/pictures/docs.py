"""``diplograph docs``: browsable, self-contained HTML documentation of what the graph may say.

* the OWL ontology through pyLODE's OntPub profile (the community's standard ontology page);
* the SHACL shapes and the SKOS vocabularies through small generators of our own: pyLODE 3
  documents OWL classes and properties only, so it shows neither a NodeShape's constraints
  nor the concepts of a scheme, which are what a reader of those files is after;
* a class diagram drawn with Graphviz from the ontology file itself (never a hand-kept list),
  so the picture cannot drift from the TBox.

Everything is written for offline reading: CSS inlined, no script or stylesheet fetched from
the web (checked by :func:`external_assets` after rendering). Output is deterministic.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import InputError
from diplograph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

DG = PREFIXES["dg"]
# Prefixes used to shorten IRIs on the pages: the project's, plus SHACL's for the shapes page.
SHOWN_PREFIXES = {**PREFIXES, "sh": "http://www.w3.org/ns/shacl#"}
FONT = "DejaVu Sans"
# Leaf subclasses of a class are folded into its box when there are at least this many and none
# of them is the domain or range of a property: a list of 13 event kinds reads better than 13 boxes.
FOLD_AT = 4
RANKDIR = "LR"

_EXTERNAL = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']https?://[^"']*["'][^>]*>"""
    r"""|<script\b[^>]*\bsrc\s*=\s*["']https?://[^"']*["'][^>]*>\s*</script>"""
    r"""|@import\s+(?:url\()?["']?https?://[^;]*;""",
    re.IGNORECASE,
)


def external_assets(page: str) -> list[str]:
    """Stylesheets, scripts or CSS imports that a page would fetch from the web."""
    return [m.group(0) for m in _EXTERNAL.finditer(page)]


def strip_external_assets(page: str) -> str:
    """Drop references to remote CSS/JS: the page must render offline, with its inlined CSS."""
    return _EXTERNAL.sub("", page)


def _css() -> str:
    """pyLODE's own stylesheet, so our pages look like the ontology page they sit next to."""
    from importlib import resources

    try:
        return (resources.files("pylode") / "pylode.css").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - pyLODE always ships it
        return "body { font-family: sans-serif; max-width: 70em; margin: auto; }"


_EXTRA_CSS = """
table.terms { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
table.terms th, table.terms td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top;
  text-align: left; }
table.terms th { background: #eee; overflow-wrap: anywhere; }
code { font-size: 90%; }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>\n{_css()}\n{_EXTRA_CSS}</style>\n</head>\n"
        f"<body>\n<div id=\"content\">\n{body}\n</div>\n</body>\n</html>\n"
    )


def _qname(graph: Graph, node: Node, depth: int = 0) -> str:
    """Prefixed name when a project prefix fits, else the full IRI; literal text as is.

    A blank node is written out in Turtle style (``[ sh:class dg:Person ]``, ``( a b )`` for
    lists) instead of its label, which rdflib draws at random on every parse: the pages must
    be byte-identical from one run to the next, and a reader learns nothing from ``_:n42``.
    """
    from rdflib import RDF, BNode, URIRef

    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in sorted(SHOWN_PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return text
    if isinstance(node, BNode):
        if depth > 4:
            return "[ … ]"
        if (node, RDF.first, None) in graph:
            items = [_qname(graph, item, depth + 1) for item in graph.items(node)]
            return "( " + " ".join(items) + " )"
        pairs = sorted(f"{_qname(graph, p, depth + 1)} {_qname(graph, o, depth + 1)}"
                       for p, o in graph.predicate_objects(node))
        return "[ " + " ; ".join(pairs) + " ]"
    return str(node)


def _literals(graph: Graph, subject: Node, *predicates: Node) -> str:
    """All literal values of some predicates, shown with their language tag, sorted."""
    from rdflib import Literal

    values = sorted({(o.language or "", str(o)) for p in predicates for o in graph.objects(subject, p)
                     if isinstance(o, Literal)})
    return "<br>".join(html.escape(f"{text} ({lang})" if lang else text) for lang, text in values)


def _links(graph: Graph, subject: Node, predicate: Node) -> str:
    return ", ".join(f"<code>{html.escape(q)}</code>"
                     for q in sorted(_qname(graph, o) for o in graph.objects(subject, predicate)))


# ------------------------------------------------------------------------------------ vocabularies

def vocabulary_page(path: Path) -> str:
    """HTML of a SKOS file: one table per concept scheme; other resources grouped by type."""
    from rdflib import DCTERMS, RDF, SKOS, BNode, Graph

    graph = Graph().parse(path, format="turtle")
    sections: list[str] = []
    shown: set[Node] = set()
    for scheme in sorted(set(graph.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        concepts = sorted({c for c in graph.subjects(SKOS.inScheme, scheme)}
                          | set(graph.objects(scheme, SKOS.hasTopConcept)), key=str)
        shown.update(concepts)
        rows = [
            f"<tr id=\"{html.escape(_qname(graph, c).replace(':', '-'))}\">"
            f"<td><code>{html.escape(_qname(graph, c))}</code></td>"
            f"<td>{_literals(graph, c, SKOS.prefLabel)}</td><td>{_literals(graph, c, SKOS.altLabel)}</td>"
            f"<td>{_literals(graph, c, SKOS.definition)}</td><td>{_links(graph, c, SKOS.broader)}</td>"
            f"<td>{_links(graph, c, SKOS.exactMatch)} {_links(graph, c, SKOS.closeMatch)}</td></tr>"
            for c in concepts
        ]
        sections.append(
            f"<h2>{_literals(graph, scheme, SKOS.prefLabel) or html.escape(str(scheme))}</h2>\n"
            f"<p><code>{html.escape(str(scheme))}</code> — {len(concepts)} concepts</p>\n"
            f"<p>{_literals(graph, scheme, SKOS.definition, DCTERMS.description)}</p>\n"
            "<table class=\"terms\"><tr><th>IRI</th><th>label</th><th>other labels</th><th>definition</th>"
            "<th>broader</th><th>matches</th></tr>\n" + "\n".join(rows) + "\n</table>")
    # Anything else described in the file (gazetteer entries, lexicon additions), by type.
    by_type: dict[str, list[Node]] = defaultdict(list)
    for subject in sorted(set(graph.subjects()), key=str):
        if subject in shown or (subject, RDF.type, SKOS.ConceptScheme) in graph or isinstance(subject, BNode):
            continue
        types = sorted(_qname(graph, t) for t in graph.objects(subject, RDF.type)) or ["(untyped)"]
        by_type[types[0]].append(subject)
    for type_name, subjects in sorted(by_type.items()):
        predicates = sorted({p for s in subjects for p in graph.predicates(s)} - {RDF.type}, key=str)
        head = "".join(f"<th>{html.escape(_qname(graph, p))}</th>" for p in predicates)
        rows = []
        for subject in subjects:
            cells = "".join(f"<td>{_literals(graph, subject, p) or _links(graph, subject, p)}</td>"
                            for p in predicates)
            rows.append(f"<tr><td><code>{html.escape(_qname(graph, subject))}</code></td>{cells}</tr>")
        sections.append(f"<h2>{html.escape(type_name)}</h2>\n<p>{len(subjects)} resources</p>\n"
                        f"<table class=\"terms\"><tr><th>IRI</th>{head}</tr>\n"
                        + "\n".join(rows) + "\n</table>")
    title = f"Vocabulary {path.stem}"
    intro = f"<h1>{html.escape(title)}</h1>\n<p>Source file: <code>{html.escape(path.name)}</code></p>\n"
    return _page(title, intro + "\n".join(sections))


# ------------------------------------------------------------------------------------ shapes

def shapes_page(path: Path) -> str:
    """HTML of a SHACL file: every node shape with its target, property constraints and messages."""
    from rdflib import RDF, Graph, Namespace, URIRef

    sh = Namespace("http://www.w3.org/ns/shacl#")
    graph = Graph().parse(path, format="turtle")
    # named shapes get a section; blank-node shapes are shown where they are used (sh:or, sh:node)
    shapes = sorted((s for s in set(graph.subjects(RDF.type, sh.NodeShape)) if isinstance(s, URIRef)), key=str)
    sections = []
    for shape in shapes:
        targets = " ".join(_links(graph, shape, p) for p in (sh.targetClass, sh.targetNode,
                                                               sh.targetSubjectsOf, sh.targetObjectsOf))
        rows = []
        for prop in sorted(graph.objects(shape, sh.property), key=lambda n: (_qname(graph, graph.value(n, sh.path)),
                                                                             _qname(graph, n))):
            constraints = sorted(
                (_qname(graph, p), _qname(graph, o)) for p, o in graph.predicate_objects(prop)
                if p not in (sh.path, sh.message, sh.name, sh.description) and str(p).startswith(str(sh))
            )
            text = "<br>".join(f"<code>{html.escape(p)}</code> {html.escape(o)}" for p, o in constraints)
            path_node = graph.value(prop, sh.path)
            shown_path = _qname(graph, path_node) if path_node else ""
            rows.append(f"<tr><td><code>{html.escape(shown_path)}</code></td>"
                        f"<td>{text}</td><td>{_literals(graph, prop, sh.message)}</td></tr>")
        sparql = []
        for constraint in sorted(graph.objects(shape, sh.sparql), key=lambda n: _qname(graph, n)):
            query = str(graph.value(constraint, sh.select) or graph.value(constraint, sh.ask) or "")
            sparql.append(f"<p>{_literals(graph, constraint, sh.message)}</p>"
                          f"<pre>{html.escape(query.strip())}</pre>")
        anchor = html.escape(_qname(graph, shape).replace(":", "-"))
        sections.append(
            f"<h2 id=\"{anchor}\">{html.escape(_qname(graph, shape))}</h2>\n<p>targets: {targets}</p>\n"
            f"<p>{_literals(graph, shape, sh.message, sh.description)}</p>\n"
            + ("<table class=\"terms\"><tr><th>path</th><th>constraints</th><th>message</th></tr>\n"
               + "\n".join(rows) + "\n</table>\n" if rows else "")
            + "\n".join(sparql))
    title = "SHACL shapes"
    toc = "<ul>" + "".join(f"<li><a href=\"#{html.escape(_qname(graph, s).replace(':', '-'))}\">"
                           f"{html.escape(_qname(graph, s))}</a></li>" for s in shapes) + "</ul>"
    return _page(title, f"<h1>{title}</h1>\n<p>Source file: <code>{html.escape(path.name)}</code> — "
                 f"{len(shapes)} node shapes</p>\n{toc}\n" + "\n".join(sections))


# ------------------------------------------------------------------------------------ ontology

def one_language(graph: Graph, lang: str) -> Graph:
    """Keep, for each (subject, naming property), only the literals in ``lang`` when there is one.

    pyLODE joins every rdfs:label of a term into one string ("meetingrencontre"); a page per
    language reads properly, and untranslated text (or a term without ``lang``) is kept as is.
    """
    from rdflib import DCTERMS, RDFS, SKOS, Literal

    for predicate in (RDFS.label, RDFS.comment, SKOS.prefLabel, SKOS.definition, SKOS.scopeNote,
                      DCTERMS.title, DCTERMS.description):
        for subject in set(graph.subjects(predicate, None)):
            values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
            if any(v.language == lang for v in values):
                for value in values:
                    if value.language and value.language != lang:
                        graph.remove((subject, predicate, value))
    return graph


def _import_ontpub():  # -> type[pylode.OntPub]
    """pyLODE's OntPub class, working around the 3.4 wheels that cannot be imported.

    pyLODE 3.4.x reads its version from a ``pyproject.toml`` that its wheel does not ship, so
    ``import pylode`` raises FileNotFoundError. The version is only printed in the page footer:
    we provide it from the installed distribution's metadata and import again.
    """
    import importlib
    import sys
    import types
    from importlib import metadata

    try:
        return importlib.import_module("pylode").OntPub
    except FileNotFoundError:
        for name in [m for m in sys.modules if m == "pylode" or m.startswith("pylode.")]:
            del sys.modules[name]
        shim = types.ModuleType("pylode.version")
        shim.__version__ = metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = shim
    try:
        return importlib.import_module("pylode").OntPub
    except Exception as exc:
        raise InputError(f"pyLODE is not usable ({type(exc).__name__}: {exc}); "
                         "install pylode>=3.2,<3.4") from exc


def ontology_page(path: Path, lang: str = "en") -> str:
    """pyLODE OntPub page of the OWL file in one language, CSS inlined, remote assets removed."""
    import logging

    from rdflib import Graph

    OntPub = _import_ontpub()

    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    graph = one_language(Graph().parse(path, format="turtle"), lang)
    try:
        page = OntPub(graph, sort_subjects=True).make_html(include_css=True)
    except Exception as exc:  # pyLODE raises bare Exception for missing metadata
        raise InputError(f"{path}: pyLODE cannot document it: {exc}") from exc
    return strip_external_assets(page)


def class_diagram(path: Path):  # -> graphviz.Digraph (lazy import)
    """UML-like class diagram read from the OWL file.

    Boxes: the ontology's classes (plus outside classes used as a domain or range, in grey),
    with their datatype properties as attributes; hollow arrows: rdfs:subClassOf; labelled
    arrows: object properties from domain to range (rdfs:domain/range and schema:domainIncludes/
    rangeIncludes), parallel ones merged, one property of each inverse pair.
    """
    import graphviz
    from rdflib import OWL, RDF, RDFS, Graph, URIRef

    schema = URIRef(PREFIXES["schema"])
    domain_includes, range_includes = URIRef(schema + "domainIncludes"), URIRef(schema + "rangeIncludes")
    graph = Graph().parse(path, format="turtle")

    def own(node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(DG)

    def name(node: Node) -> str:
        q = _qname(graph, node)
        return q[3:] if q.startswith("dg:") else q

    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if own(c)}
    edges: dict[tuple[Node, Node], list[str]] = defaultdict(list)
    skipped: set[Node] = set()
    for prop in sorted((p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if own(p)), key=str):
        if prop in skipped:
            continue
        skipped.update(graph.objects(prop, OWL.inverseOf))
        skipped.update(graph.subjects(OWL.inverseOf, prop))
        domains = set(graph.objects(prop, RDFS.domain)) | set(graph.objects(prop, domain_includes))
        ranges = set(graph.objects(prop, RDFS.range)) | set(graph.objects(prop, range_includes))
        for d in domains:
            for r in ranges:
                if isinstance(d, URIRef) and isinstance(r, URIRef):
                    edges[(d, r)].append(name(prop))
    attributes: dict[Node, list[str]] = defaultdict(list)
    for prop in sorted((p for p in graph.subjects(RDF.type, OWL.DatatypeProperty) if own(p)), key=str):
        declared = set(graph.objects(prop, RDFS.range)) | set(graph.objects(prop, range_includes))
        ranges = sorted(name(r) for r in declared if isinstance(r, URIRef))
        for d in set(graph.objects(prop, RDFS.domain)) | set(graph.objects(prop, domain_includes)):
            if isinstance(d, URIRef):
                attributes[d].append(f"{name(prop)} : {' | '.join(ranges) or '?'}")

    used = {n for pair in edges for n in pair}
    drawn = classes | {n for n in used if n != OWL.Thing} | set(attributes)
    parents: dict[Node, list[Node]] = defaultdict(list)
    for c in sorted(classes, key=str):
        for sup in graph.objects(c, RDFS.subClassOf):
            if isinstance(sup, URIRef) and (sup in classes or sup in used):
                parents[c].append(sup)
    children: dict[Node, list[Node]] = defaultdict(list)
    for c, sups in parents.items():
        for sup in sups:
            children[sup].append(c)
    folded: dict[Node, list[str]] = {}
    for parent, kids in children.items():
        leaves = [k for k in kids if not children.get(k) and k not in used and k not in attributes
                  and len(parents[k]) == 1]
        if len(leaves) >= FOLD_AT:
            folded[parent] = sorted(name(k) for k in leaves)
            drawn -= set(leaves)

    dot = graphviz.Digraph("classes", graph_attr={
        "rankdir": RANKDIR, "fontname": FONT, "nodesep": "0.3", "ranksep": "0.55", "bgcolor": "white",
        "labelloc": "t", "label": "diplograph ontology: classes and properties", "fontsize": "16",
    }, node_attr={"fontname": FONT, "fontsize": "10", "shape": "plain"},
        edge_attr={"fontname": FONT, "fontsize": "8", "color": "#666666", "fontcolor": "#333333"})
    ids = {n: f"c{i}" for i, n in enumerate(sorted(drawn, key=str))}
    for node, node_id in ids.items():
        mine = own(node)
        fill = "#d6e4f0" if mine else "#e6e6e6"
        rows = [f'<TR><TD BGCOLOR="{fill}"><B>{html.escape(name(node))}</B></TD></TR>']
        if attributes.get(node):
            rows.append('<TR><TD ALIGN="LEFT" BALIGN="LEFT">'
                        + "<BR/>".join(html.escape(a) for a in attributes[node]) + "</TD></TR>")
        if folded.get(node):
            kinds = ", ".join(folded[node])
            wrapped = textwrap.wrap(kinds, 60)
            rows.append('<TR><TD ALIGN="LEFT" BALIGN="LEFT"><I>subclasses: '
                        + "<BR/>".join(html.escape(w) for w in wrapped) + "</I></TD></TR>")
        dot.node(node_id, f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" '
                          f'COLOR="{"#4a6f8a" if mine else "#999999"}">{"".join(rows)}</TABLE>>')
    for child in sorted(parents, key=str):
        for sup in sorted(parents[child], key=str):
            if child in ids and sup in ids:
                dot.edge(ids[child], ids[sup], arrowhead="onormal", color="#333333")
    for (d, r), props in sorted(edges.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        if d in ids and r in ids:
            dot.edge(ids[d], ids[r], label="\n".join(sorted(props)), arrowsize="0.6", constraint="false"
                     if d == r else "true")
    return dot


def write_class_diagram(path: Path, output: Path) -> bytes:
    """Render :func:`class_diagram` to ``output`` (.svg or .png)."""
    import graphviz

    from diplograph.pictures import write_output

    try:
        data = class_diagram(path).pipe(format=output.suffix.lower().lstrip("."))
    except graphviz.ExecutableNotFound as exc:
        raise InputError("Graphviz `dot` not found: install it (Debian: apt-get install graphviz)") from exc
    write_output(output, data)
    return data


# ------------------------------------------------------------------------------------ all

def build_docs(output: Path, ontology: Path | None = None, shapes: Path | None = None,
               vocabularies: list[Path] | None = None, lang: str = "en") -> list[Path]:
    """Write the whole documentation folder; returns the files written (sorted).

    Paths default to the shipped files (diplograph.resources), so an installed diplograph
    documents the ontology it actually uses. A missing shapes file is noted, not fatal.
    """
    from diplograph import resources
    from diplograph.pictures import write_output

    ontology = ontology or resources.ontology_file()
    shapes = shapes if shapes is not None else resources.shapes_file()
    vocabularies = vocabularies if vocabularies is not None else resources.vocab_files()
    if not ontology.is_file():
        raise InputError(f"{ontology}: ontology file not found")
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write(name: str, page: str) -> None:
        target = output / name
        write_output(target, page.encode("utf-8"))
        written.append(target)

    write("ontology.html", ontology_page(ontology, lang))
    write_class_diagram(ontology, output / "class-diagram.svg")
    written.append(output / "class-diagram.svg")
    items = [("ontology.html", "Ontology (OWL, pyLODE)", ontology.name)]
    if shapes.is_file():
        write("shapes.html", shapes_page(shapes))
        items.append(("shapes.html", "SHACL shapes", shapes.name))
    for vocab in vocabularies:
        name = f"vocab-{vocab.stem}.html"
        write(name, vocabulary_page(vocab))
        items.append((name, f"Vocabulary: {vocab.stem}", f"vocab/{vocab.name}"))
    links = "\n".join(f"<li><a href=\"{href}\">{html.escape(text)}</a> — <code>{html.escape(src)}</code></li>"
                      for href, text, src in items)
    missing = "" if shapes.is_file() else f"<p>No shapes file at <code>{html.escape(str(shapes))}</code>.</p>"
    write("index.html", _page("diplograph documentation", (
        "<h1>diplograph documentation</h1>\n<ul>\n" + links + "\n</ul>\n" + missing +
        "<h2>Class diagram</h2>\n<p>Hollow arrows: subclass of. Labelled arrows: object properties "
        "(domain → range; one of each inverse pair). Grey boxes: reused classes.</p>\n"
        "<p><a href=\"class-diagram.svg\"><img src=\"class-diagram.svg\" alt=\"class diagram\" "
        "style=\"max-width:100%\"></a></p>")))
    return sorted(written)
