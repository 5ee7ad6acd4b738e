"""IRI strings of the diplograph namespaces, without rdflib.

Why a module of its own: the stored-query path (``diplograph query`` on the Oxigraph engine)
must start without importing rdflib (0.2 s); :mod:`diplograph.namespaces` builds rdflib
``Namespace`` objects from the same strings and re-exports the builders below.
"""

from __future__ import annotations

import re
import unicodedata

BASE = "https://w3id.org/diplograph/"
ONTOLOGY_GRAPH_IRI = BASE + "graph/ontology"
VOCAB_GRAPH_IRI = BASE + "graph/vocab"
#: The distinct union of every pushed graph, which a remote store keeps as one named graph: a quad
#: store's union default graph (Virtuoso, Oxigraph server) holds one copy of a triple per graph, so
#: a gazetteer actor's label named by n documents joins n times; reading this graph instead keeps
#: the set semantics the local query store has (``_``: no document slug starts with it).
UNION_GRAPH_IRI = BASE + "graph/_union"

PREFIXES: dict[str, str] = {
    "dg": BASE + "ontology#",
    "dgsh": BASE + "shapes#",
    "vocab": BASE + "vocab/",
    "id": BASE + "id/",
    "doc": BASE + "doc/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug: stable across runs and platforms.

    Accents are stripped (``Défense`` -> ``defense``) so that IRIs stay readable and do
    not depend on the Unicode normal form of the input.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug or "x"


def id_iri(kind: str, *parts: str | int) -> str:
    """IRI string of a thing: ``id/<kind>/<part>/<part>`` (parts already slugs or ints)."""
    return BASE + "id/" + "/".join([kind, *(str(p) for p in parts)])


def doc_iri(doc_slug: str) -> str:
    """IRI string of a source document."""
    return BASE + "doc/" + doc_slug


def mention_iri(doc_slug: str, begin: int, end: int) -> str:
    """RFC 5147 fragment IRI of a span of the document body, as NIF does."""
    return f"{doc_iri(doc_slug)}#char={begin},{end}"


def graph_iri(doc_slug: str) -> str:
    """IRI string of a document's named graph."""
    return BASE + "graph/" + doc_slug


def vocab_iri(scheme: str, concept: str) -> str:
    """IRI string of a vocabulary concept ``vocab/<scheme>/<concept>``."""
    return BASE + "vocab/" + scheme + "/" + concept
