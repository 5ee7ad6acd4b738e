"""Synthetic corpus generator: realistic French diplomatic dispatches for scale runs.

    python benchmarks/corpus.py --docs 10000 --seed 1 --out benchmarks/out/corpus

Actors, roles, places and issues are drawn from the gazetteer and vocabularies in
``ontology/vocab/`` (so the extractor links them) mixed with invented names (so it also has
to mint). Structure and length vary (1,500-5,000 characters): lead, context, quotes,
disagreement list, reactions, follow-ups, in several journalistic styles. The output is
deterministic for a given ``--seed`` (``random.Random(seed)``, sorted inputs) and every
document says in its front matter that it is synthetic.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DURATIONS = ["environ deux heures", "près de trois heures", "plus de quatre heures", "une heure et demie",
             "environ cinq heures", "trois heures et demie", "deux jours"]
FIRST = ["Anton", "Marta", "Oleh", "Irina", "Pavel", "Laura", "Tomas", "Elena", "Jonas", "Sofia", "Dmytro",
         "Nadia", "Viktor", "Clara", "Andriy", "Lena", "Mikhaïl", "Ana", "Piotr", "Julia"]
LAST = ["Kovalenko", "Varga", "Sorokine", "Lindqvist", "Moreau", "Hadjiev", "Novak", "Berger", "Petrenko",
        "Kaminski", "Oliveira", "Reinholt", "Tkatchenko", "Dubois", "Marchetti", "Holm", "Bondar", "Szabo"]
ADJ_QUOTE = ["constructif", "difficile", "franc", "utile", "prématuré", "encourageant", "décevant"]


@dataclass(frozen=True)
class Person:
    name: str
    state: str  # French name of the state
    demonym: str  # masculine singular demonym
    role: str  # French role label


@dataclass(frozen=True)
class Vocabulary:
    people: list[Person]
    places: list[str]
    issues: list[str]
    states: list[tuple[str, str]]  # (French name, masculine singular demonym)


def load_vocabulary() -> Vocabulary:
    """Read people, places, issues and states from the project's vocabularies (rdflib)."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, SKOS

    from diplograph.namespaces import DG
    from diplograph.resources import vocab_files

    graph = Graph()
    for path in vocab_files():
        graph.parse(path, format="turtle")

    def fr(node: object) -> str | None:
        labels = sorted(str(o) for o in graph.objects(node, SKOS.prefLabel)
                        if isinstance(o, Literal) and o.language == "fr")
        return labels[0] if labels else None

    states: dict[object, tuple[str, str]] = {}
    for state in sorted(graph.subjects(RDF.type, DG.State)):
        name = fr(state)
        demonyms = sorted(str(o) for o in graph.objects(state, DG.demonym)
                          if isinstance(o, Literal) and o.language == "fr")
        if name and demonyms:
            # shortest form is the masculine singular ("russe" < "russes", "américain" < "américaine")
            states[state] = (name, min(demonyms, key=lambda d: (len(d), d)))
    people = []
    for person in sorted(graph.subjects(RDF.type, DG.Person)):
        name = fr(person)
        state = next((s for s in graph.objects(person, DG.affiliatedWith) if s in states), None)
        roles = sorted(fr(r) or "" for h in graph.objects(person, DG.holds) for r in graph.objects(h, DG.role))
        if name and state is not None:
            people.append(Person(name, states[state][0], states[state][1], roles[0] if roles else "ministre"))
    places = sorted(filter(None, (fr(p) for p in graph.subjects(RDF.type, DG.Place))))
    issues = sorted(filter(None, (fr(i) for i in graph.subjects(RDF.type, DG.Issue))))
    if not people or not places or not issues:
        raise SystemExit("vocabularies are empty: ontology/vocab/*.ttl are needed")
    return Vocabulary(people, places, issues, sorted(states.values()))


def _article(word: str) -> str:
    return "l'" if word[:1].lower() in "aeiouyéèêh" else "le "


def _date_phrase(rng: random.Random, day: date) -> str:
    return f"le {day.day} {MONTHS[day.month - 1]} {day.year}" if rng.random() < 0.7 else WEEKDAYS[day.weekday()]


def _invented(rng: random.Random, vocab: Vocabulary) -> Person:
    state, demonym = rng.choice(vocab.states)
    return Person(f"{rng.choice(FIRST)} {rng.choice(LAST)}", state, demonym,
                  rng.choice(["négociateur", "porte-parole", "conseiller diplomatique", "ambassadeur"]))


def document(rng: random.Random, vocab: Vocabulary, number: int) -> str:
    """One synthetic dispatch with front matter (structure, length and style vary)."""
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 730))
    event_day = published - timedelta(days=rng.randrange(0, 4))
    earlier = event_day - timedelta(days=rng.randrange(10, 60))
    host = rng.choice(vocab.people)
    guests = [p for p in vocab.people if p.state != host.state]
    guest = rng.choice(guests) if guests else _invented(rng, vocab)
    extra = _invented(rng, vocab) if rng.random() < 0.5 else rng.choice(vocab.people)
    place, other_place = rng.sample(vocab.places, k=2)
    issues = rng.sample(vocab.issues, k=min(len(vocab.issues), rng.randint(3, 5)))
    style = rng.choice(["dispatch", "article", "communique"])
    headed = style == "article"
    when = _date_phrase(rng, event_day)
    title = f"{host.name} et {guest.name} se rencontrent à {place}"
    out: list[str] = []

    def heading(text: str) -> None:
        if headed:
            out.append(text)

    heading("Introduction")
    if style == "dispatch":
        out.append(f"{place.upper()}, {event_day.day} {MONTHS[event_day.month - 1]} (dépêche) - "
                   f"{_article(host.role).capitalize()}{host.role} {host.demonym} {host.name} a reçu {when} "
                   f"à {place} {_article(guest.role)}{guest.role} {guest.demonym} {guest.name} pour des "
                   f"entretiens consacrés à plusieurs dossiers : {issues[0]} et {issues[1]}.")
    else:
        opening = when[0].upper() + when[1:]
        out.append(f"{opening}, {host.name}, {host.role} {host.demonym}, a rencontré {guest.name} à {place}. "
                   f"La réunion, qui a duré {rng.choice(DURATIONS)}, a porté sur deux dossiers : "
                   f"{issues[0]} et {issues[1]}.")
    out.append(f"{guest.name} était accompagné de {extra.name}, {extra.role} {extra.demonym}. Selon un "
               f"communiqué officiel, les deux parties ont examiné plusieurs documents sans adopter de texte final.")
    if rng.random() < 0.7:
        heading("Contexte")
        out.append(f"Ces entretiens font suite à une première série de discussions tenues le {earlier.day} "
                   f"{MONTHS[earlier.month - 1]} {earlier.year} à {other_place}, où les délégations avaient "
                   f"échangé sur {issues[-1]}. {host.name} avait alors qualifié ces échanges de prématurés.")
    heading("Déclarations")
    out.append(f"« Nous avons eu un échange {rng.choice(ADJ_QUOTE)} sur {issues[0]} », a déclaré {host.name} "
               f"à l'issue de la rencontre. {guest.name} a affirmé que « beaucoup reste à faire » et a estimé "
               f"que les positions restaient éloignées.")
    if rng.random() < 0.6:
        out.append(f"{host.name} a par ailleurs averti qu'une escalade serait possible si des mesures hostiles "
                   f"étaient prises contre son pays, et a critiqué les positions de {guest.state}.")
    if rng.random() < 0.7:
        heading("Points de désaccord")
        out.append("Les deux délégations ont identifié plusieurs sujets sans accord :")
        out.extend(f"- {issue} ;" for issue in issues[1:])
    if rng.random() < 0.8:
        heading("Réactions")
        other = rng.choice(vocab.people)
        out.append(f"{other.name} a exprimé des réserves et accusé {guest.state} de vouloir gagner du temps. "
                   f"Des responsables {host.demonym}s ont appelé à un cessez-le-feu.")
        if rng.random() < 0.5:
            third = _invented(rng, vocab)
            out.append(f"« Ce n'est qu'un premier pas », a estimé {third.name}, {third.role} {third.demonym}, "
                       f"qui a appelé les deux parties à poursuivre le dialogue sur {issues[-1]}.")
    if rng.random() < 0.6:
        heading("Situation sur le terrain")
        out.append(f"Les combats se sont poursuivis en {MONTHS[earlier.month - 1]}, selon plusieurs instituts "
                   f"d'analyse, qui ont signalé des gains territoriaux limités. Sur le plan intérieur, la "
                   f"démission d'un haut responsable a alimenté les critiques contre le gouvernement.")
    for _ in range(rng.randint(1, 8)):
        filler = rng.choice(vocab.people)
        out.append(f"{filler.name}, {filler.role} {filler.demonym}, a souligné la nécessité de poursuivre "
                   f"les consultations sur le dossier suivant : {rng.choice(vocab.issues)}.")
    heading("Suites annoncées")
    later = rng.choice([f"en {MONTHS[event_day.month % 12]}", "la semaine prochaine", f"à {other_place}"])
    out.append(f"Une nouvelle rencontre entre {host.name} et {guest.name} est prévue {later}. Les deux "
               f"capitales ont annoncé la poursuite des contacts avec leurs partenaires.")
    body = "\n".join(out) + "\n"
    front = (f"---\ntitle: \"{title}\"\npublished: {published.isoformat()}\nlanguage: fr\n"
             f"source: \"diplograph synthetic corpus (benchmarks/corpus.py), document {number}\"\n"
             f"synthetic: true\n---\n")
    return front + body


def generate(out_dir: Path, docs: int, seed: int) -> list[Path]:
    """Write ``docs`` synthetic documents into ``out_dir`` (names zero-padded, sorted = generation order)."""
    vocab = load_vocabulary()
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(docs):
        path = out_dir / f"synthetic-{seed}-{number:05d}.fr.txt"
        path.write_text(document(rng, vocab, number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "corpus")
    args = parser.parse_args()
    paths = generate(args.out, args.docs, args.seed)
    sizes = [p.stat().st_size for p in paths]
    print(f"{len(paths)} documents in {args.out} ({min(sizes)}-{max(sizes)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
