"""Latency of every stored query per engine, on the seed graph and on a synthetic corpus.

    python benchmarks/queries.py --triples 10000 --triples 100000 [--repeat 5] [--oxrdflib]

For each data set and each stored query: the median wall time of ``--repeat`` runs on bare
pyoxigraph as ``diplograph query`` uses it (distinct union copied into the default graph, see
sparql.UnionStore), on pure rdflib (``Dataset(default_union=True)``), optionally on rdflib over
the oxrdflib store and on pyoxigraph's ``use_default_graph_as_union``, with the ratio to bare
pyoxigraph. Prints
a Markdown table on stdout (progress on stderr). Not a test: numbers depend on the machine.

The synthetic corpus follows docs/data-model.md: one named graph per document with its text
(nif:Context), mentions with true offsets, actors from a shared pool (labels fr/en, Wikidata
links, role holdings), typed events with participations and sides, quotes, positions and
disagreement points. It is seeded, so the same --triples gives the same data.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from diplograph import sparql

BASE = "https://w3id.org/diplograph/"
DG = BASE + "ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_EXACT = "http://www.w3.org/2004/02/skos/core#exactMatch"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
GAF_DENOTED = "http://groundedannotationframework.org/gaf#denotedBy"
XSD = "http://www.w3.org/2001/XMLSchema#"
ROOT = Path(__file__).resolve().parents[1]

EVENT_KINDS = [("Meeting", "meeting", "a rencontré"), ("Statement", "statement", "a déclaré"),
               ("Accusation", "accusation", "a accusé"), ("Warning", "warning", "a averti"),
               ("Criticism", "criticism", "a critiqué"), ("Appeal", "appeal", "a appelé"),
               ("Announcement", "announcement", "a annoncé"), ("Reaction", "reaction", "a réagi")]
ISSUES = ["occupied-territories", "security-guarantees", "security-demands", "frozen-assets", "sanctions",
          "peace-plan"]
ROLES = ["president", "envoy", "diplomatic-adviser", "foreign-minister"]


def _iri(value: str) -> str:
    return f"<{value}>"


def _lit(value: str | int, datatype: str | None = None, lang: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{text}"@{lang}'
    if datatype:
        return f'"{text}"^^<{XSD}{datatype}>'
    return f'"{text}"'


def _pool(rng: random.Random, people: int = 300, states: int = 40) -> tuple[list[tuple], list[tuple]]:
    state_list = [(f"{BASE}id/state/state-{i}", f"État {i}", f"State {i}", f"Q{1000 + i}") for i in range(states)]
    person_list = []
    for i in range(people):
        state = rng.choice(state_list)
        person_list.append((f"{BASE}id/person/person-{i}", f"Personne {i}", f"Person {i}", f"Q{5000 + i}",
                            state[0], rng.choice(ROLES)))
    return person_list, state_list


def synthetic_document(index: int, rng: random.Random, people: list[tuple], states: list[tuple]) -> list[str]:
    """N-Quads lines of one synthetic document graph that follows the data model."""
    slug = f"synthetic-{index:06d}"
    doc = f"{BASE}doc/{slug}"
    graph = _iri(f"{BASE}graph/{slug}")
    quads: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        quads.append(f"{s} {p} {o} {graph} .")

    text_parts: list[str] = []
    mentions: list[tuple[str, int, int, str]] = []

    def write(fragment: str, denotes: str | None = None) -> str:
        begin = sum(len(p) for p in text_parts)
        text_parts.append(fragment)
        end = begin + len(fragment)
        iri = f"{doc}#char={begin},{end}"
        mentions.append((iri, begin, end, fragment))
        if denotes:
            add(_iri(denotes), _iri(GAF_DENOTED), _iri(iri))
        return iri

    def entity(person: tuple) -> None:
        iri, fr, en, qid, state, role = person
        add(_iri(iri), _iri(RDF_TYPE), _iri(DG + "Person"))
        add(_iri(iri), _iri(RDFS_LABEL), _lit(fr, lang="fr"))
        add(_iri(iri), _iri(RDFS_LABEL), _lit(en, lang="en"))
        add(_iri(iri), _iri(SKOS_EXACT), _iri("http://www.wikidata.org/entity/" + qid))
        add(_iri(iri), _iri(DG + "affiliatedWith"), _iri(state))
        holding = f"{BASE}id/holding/{iri.rsplit('/', 1)[1]}/{role}/{state.rsplit('/', 1)[1]}"
        add(_iri(holding), _iri(RDF_TYPE), _iri(DG + "RoleHolding"))
        add(_iri(holding), _iri(DG + "heldBy"), _iri(iri))
        add(_iri(iri), _iri(DG + "holds"), _iri(holding))
        add(_iri(holding), _iri(DG + "role"), _iri(f"{BASE}vocab/role/{role}"))
        add(_iri(holding), _iri(DG + "forOrganization"), _iri(state))

    def state_entity(state: tuple) -> None:
        iri, fr, en, qid = state
        add(_iri(iri), _iri(RDF_TYPE), _iri(DG + "State"))
        add(_iri(iri), _iri(RDFS_LABEL), _lit(fr, lang="fr"))
        add(_iri(iri), _iri(RDFS_LABEL), _lit(en, lang="en"))
        add(_iri(iri), _iri(SKOS_EXACT), _iri("http://www.wikidata.org/entity/" + qid))

    day = rng.randint(1, 28)
    published = f"2025-12-{min(day + 1, 28):02d}"
    events = []
    for sentence in range(rng.randint(2, 4)):
        a, b = rng.sample(people, 2)
        cls, etype, trigger = rng.choice(EVENT_KINDS)
        write(f"Le {day} décembre 2025, " if sentence == 0 else "Ensuite, ")
        write(a[1], a[0])
        write(" ")
        trigger_iri = write(trigger)
        begin = int(trigger_iri.rsplit("=", 1)[1].split(",")[0])
        write(" ")
        write(b[1], b[0])
        write(". ")
        event = f"{BASE}id/event/{slug}/{begin}"
        events.append(event)
        for person in (a, b):
            entity(person)
        for state in {a[4], b[4]}:
            state_entity(next(s for s in states if s[0] == state))
        e = _iri(event)
        add(e, _iri(RDF_TYPE), _iri(DG + cls))
        add(e, _iri(DG + "eventType"), _iri(f"{BASE}vocab/event-type/{etype}"))
        status = "planned" if rng.random() < 0.1 else "occurred"
        add(e, _iri(DG + "status"), _iri(f"{BASE}vocab/event-status/{status}"))
        add(e, _iri(RDFS_LABEL), _lit(f"{cls} : {a[1]}, {b[1]}", lang="fr"))
        add(e, _iri(DG + "date"), _lit(f"2025-12-{day:02d}", "date"))
        add(e, _iri(DG + "reportedIn"), _iri(doc))
        add(e, _iri(GAF_DENOTED), _iri(trigger_iri))
        add(e, _iri(DG + "agent"), _iri(a[0]))
        if cls == "Meeting":
            add(e, _iri(DG + "duration"), _lit(f"PT{rng.randint(1, 6)}H", "duration"))
            for person in (a, b):
                node = _iri(f"{BASE}id/participation/{slug}/{begin}/{person[0].rsplit('/', 1)[1]}")
                add(node, _iri(RDF_TYPE), _iri(DG + "Participation"))
                add(e, _iri(DG + "participation"), node)
                add(node, _iri(DG + "ofEvent"), e)
                add(node, _iri(DG + "participant"), _iri(person[0]))
                add(node, _iri(DG + "role"), _iri(f"{BASE}vocab/role/{person[5]}"))
                add(node, _iri(DG + "side"), _iri(person[4]))
                add(e, _iri(DG + "hasParticipant"), _iri(person[0]))
        elif cls in ("Accusation", "Warning", "Criticism"):
            add(e, _iri(DG + "target"), _iri(b[0]))
            add(e, _iri(DG + "topic"), _iri(f"{BASE}vocab/issue/{rng.choice(ISSUES)}"))
        elif cls == "Statement":
            write("« ")
            quote_text = f"nous avons parlé de {rng.choice(ISSUES).replace('-', ' ')}"
            quote_mention = write(quote_text)
            write(" ». ")
            quote = _iri(f"{BASE}id/quote/{slug}/{quote_mention.rsplit('=', 1)[1].split(',')[0]}")
            add(quote, _iri(RDF_TYPE), _iri(DG + "Quote"))
            add(quote, _iri(DG + "text"), _lit(quote_text))
            add(quote, _iri(DG + "speaker"), _iri(a[0]))
            add(quote, _iri(DG + "statedIn"), e)
            add(quote, _iri(DG + "reportedIn"), _iri(doc))
            add(quote, _iri(GAF_DENOTED), _iri(quote_mention))
        elif cls == "Reaction" and len(events) > 1:
            add(e, _iri(DG + "reactsTo"), _iri(events[0]))
    issue = rng.choice(ISSUES)
    evidence = write(f"Aucun accord sur {issue.replace('-', ' ')}.")
    begin = evidence.rsplit("=", 1)[1].split(",")[0]
    point = _iri(f"{BASE}id/issuepoint/{slug}/{begin}")
    add(point, _iri(RDF_TYPE), _iri(DG + "Disagreement"))
    add(point, _iri(DG + "onIssue"), _iri(f"{BASE}vocab/issue/{issue}"))
    position = _iri(f"{BASE}id/position/{slug}/{begin}")
    add(position, _iri(RDF_TYPE), _iri(DG + "Position"))
    add(position, _iri(DG + "holder"), _iri(people[index % len(people)][0]))
    add(position, _iri(DG + "onIssue"), _iri(f"{BASE}vocab/issue/{issue}"))
    add(position, _iri(DG + "stance"), _iri(f"{BASE}vocab/stance/opposes"))
    add(position, _iri(DG + "evidence"), _iri(evidence))
    for party in rng.sample(states, 2):
        add(point, _iri(DG + "party"), _iri(party[0]))
        state_entity(party)
    for concept_iri, label in [(f"{BASE}vocab/issue/{issue}", issue.replace("-", " "))]:
        add(_iri(concept_iri), _iri(RDF_TYPE), _iri(DG + "Issue"))
        add(_iri(concept_iri), _iri(RDFS_LABEL), _lit(label, lang="fr"))
    text = "".join(text_parts)
    context = _iri(f"{doc}#char=0,{len(text)}")
    add(_iri(doc), _iri(RDF_TYPE), _iri(DG + "SourceDocument"))
    add(_iri(doc), _iri(DG + "published"), _lit(published, "date"))
    add(context, _iri(RDF_TYPE), _iri(NIF + "Context"))
    add(context, _iri(NIF + "isString"), _lit(text))
    add(context, _iri(DG + "document"), _iri(doc))
    for iri, begin_, end, fragment in mentions:
        m = _iri(iri)
        add(m, _iri(RDF_TYPE), _iri(DG + "Mention"))
        add(m, _iri(NIF + "beginIndex"), _lit(begin_, "nonNegativeInteger"))
        add(m, _iri(NIF + "endIndex"), _lit(end, "nonNegativeInteger"))
        add(m, _iri(NIF + "anchorOf"), _lit(fragment))
        add(m, _iri(NIF + "referenceContext"), context)
    return quads


def synthetic_corpus(triples: int, path: Path, seed: int = 7) -> tuple[int, int]:
    """Write documents to an N-Quads file until ``triples`` quads; returns (documents, quads)."""
    rng = random.Random(seed)
    people, states = _pool(rng)
    count = documents = 0
    with path.open("w", encoding="utf-8") as out:
        while count < triples:
            lines = synthetic_document(documents, rng, people, states)
            out.write("\n".join(lines) + "\n")
            count += len(lines)
            documents += 1
    return documents, count


def median_time(run: Callable[[], object], repeat: int, budget: float) -> float:
    """Median seconds over ``repeat`` runs (fewer when one run already exceeds ``budget``).

    One untimed warm-up run first, so rdflib's query parsing (cached) is not counted as evaluation.
    """
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
        if times[-1] > budget:
            break
    return statistics.median(times)


def engines(path: Path, with_oxrdflib: bool, with_union_mode: bool) -> dict[str, object]:
    from diplograph import rdfio

    loaded: dict[str, object] = {}
    start = time.perf_counter()
    loaded["pyoxigraph"] = sparql.UnionStore(rdfio.load_store([path]))
    print(f"  pyoxigraph load + distinct union {time.perf_counter() - start:.2f}s", file=sys.stderr)
    if with_union_mode:
        loaded["pyoxigraph union mode"] = rdfio.load_store([path])
    start = time.perf_counter()
    loaded["rdflib"] = rdfio.load_dataset([path])
    print(f"  rdflib load {time.perf_counter() - start:.2f}s", file=sys.stderr)
    if with_oxrdflib:
        from rdflib import Dataset

        start = time.perf_counter()
        dataset = Dataset(store="Oxigraph", default_union=True)
        fmt = rdfio.rdf_format(path)[0]
        dataset.parse(path, format=fmt)
        loaded["rdflib+oxrdflib"] = dataset
        print(f"  oxrdflib load {time.perf_counter() - start:.2f}s", file=sys.stderr)
    return loaded


def bench(label: str, path: Path, repeat: int, budget: float, with_oxrdflib: bool,
          with_union_mode: bool) -> tuple[list[str], list[str]]:
    """Markdown rows for one data set."""
    from rdflib import URIRef

    print(f"{label}: loading {path}", file=sys.stderr)
    loaded = engines(path, with_oxrdflib, with_union_mode)
    names = list(loaded)
    rows = []
    some_person = URIRef(BASE + "id/person/vladimir-putin")
    found = sparql.run(sparql.resolve_query("actors"), loaded["pyoxigraph"]).rows
    if found:
        some_person = found[0][0]
    for query in sparql.stored_queries():
        bindings = {"_resource_iri": some_person} if query.name == "provenance" else {}
        times = {}
        for name in names:
            data = loaded[name]
            if name == "rdflib+oxrdflib":
                # oxrdflib hands initBindings to pyoxigraph as substitutions: same projection rule.
                text = sparql._project_variables(query.text, list(bindings)) if bindings else query.text

                def run(data=data, text=text, bindings=bindings) -> object:
                    return list(data.query(text, initBindings=bindings))  # type: ignore[attr-defined]
            else:
                def run(data=data, query=query, bindings=bindings) -> object:
                    return sparql.run(query, data, bindings)
            times[name] = median_time(run, repeat, budget)
        count = len(sparql.run(query, loaded["pyoxigraph"], bindings).rows)
        base = times["pyoxigraph"]
        cells = [f"{times[n] * 1000:.1f}" + ("" if n == "pyoxigraph" else f" ({times[n] / base:.1f}x)")
                 for n in names]
        rows.append(f"| {label} | {query.name} | {count} | " + " | ".join(cells) + " |")
        print(f"  {query.name}: " + ", ".join(f"{n} {times[n] * 1000:.1f} ms" for n in names), file=sys.stderr)
    return rows, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append", default=[],
                        help="size of a synthetic corpus (repeatable); default 10000")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and engine (median)")
    parser.add_argument("--budget", type=float, default=30.0,
                        help="stop repeating a query once one run takes longer than this many seconds")
    parser.add_argument("--seed-graph", type=Path, default=None,
                        help="the seed graph (default graph/2025-12-02-kremlin-meeting-fr.ttl, else tests/data)")
    parser.add_argument("--oxrdflib", action="store_true", help="also time rdflib over the oxrdflib store")
    parser.add_argument("--union-mode", action="store_true",
                        help="also time pyoxigraph's use_default_graph_as_union (keeps duplicate triples)")
    args = parser.parse_args()
    seed = args.seed_graph
    if seed is None:
        built = ROOT / "graph" / "2025-12-02-kremlin-meeting-fr.ttl"
        seed = built if built.is_file() else ROOT / "tests" / "data" / "kremlin-meeting.ttl"
    table: list[str] = []
    names: list[str] = []
    rows, names = bench(f"seed ({seed.name})", seed, args.repeat, args.budget, args.oxrdflib, args.union_mode)
    table += rows
    with tempfile.TemporaryDirectory() as folder:
        for triples in args.triples or [10000]:
            path = Path(folder) / f"synthetic-{triples}.nq"
            documents, quads = synthetic_corpus(triples, path)
            rows, _ = bench(f"{quads} quads / {documents} docs", path, args.repeat, args.budget, args.oxrdflib,
                            args.union_mode)
            table += rows
    header = "| data | query | rows | " + " | ".join(f"{n} ms" for n in names) + " |"
    print(header)
    print("|" + "---|" * (3 + len(names)))
    print("\n".join(table))


if __name__ == "__main__":
    main()
