"""The world knowledge the extractor uses, read once from ontology/vocab/*.ttl.

This module is the only place on the NLP side that reads RDF: it turns the gazetteer
(actors, places), the role, issue and stance schemes, the event types and the trigger
lexicon into plain dataclasses, so the extractor never depends on how the vocabulary is
written in Turtle and the Python code never names a person, a place or a trigger word.
pyoxigraph parses the files (a few milliseconds, where rdflib would take a large part of
a second); the result is cached for the life of the process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from diplograph.namespaces import BASE

DG_NS = BASE + "ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
WIKIDATA = "http://www.wikidata.org/entity/"
SCHEMA = "https://schema.org/"
SINGLE_HOLDER = BASE + "vocab/role-collection/single-holder"
LEADER = BASE + "vocab/role-collection/leader"
GOVERNMENT = BASE + "vocab/role-collection/government"

_KIND_OF_CLASS = {
    "Person": "person",
    "State": "state",
    "Organization": "org",
    "Delegation": "delegation",
    "CollectiveActor": "group",
    "Place": "place",
}
_KIND_OF_PATH = {"person": "person", "state": "state", "org": "org", "organization": "org",
                 "delegation": "delegation", "group": "group", "place": "place", "city": "place",
                 "country": "state"}

# Characters that vary between typists but mean the same for matching, mapped one-to-one so
# that a "matching view" of a text has exactly the offsets of the original.
MATCH_TRANSLATION = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "-",
    "\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u2032": "'", "\u00b4": "'", "\u0060": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
})


def matching_view(text: str) -> str:
    """Same-length copy of ``text`` with typographic variants replaced by ASCII ones."""
    if text.isascii() and "`" not in text:  # nothing to replace (the one ASCII key): most names, most words
        return text
    return text.translate(MATCH_TRANSLATION)


def fold(text: str) -> str:
    """Key for comparing names: matching view, NFC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", matching_view(text)).lower().split())


@dataclass
class LexActor:
    """An actor or place of the gazetteer."""

    iri: str
    kind: str  # person | state | org | delegation | group | place
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    names: list[str] = field(default_factory=list)  # every label and altLabel, any language
    demonyms: list[str] = field(default_factory=list)
    affiliation: str | None = None
    stands_for: str | None = None
    located_in: str | None = None
    within: list[str] = field(default_factory=list)  # every place it lies in (dg:locatedIn), sorted
    wikidata: str | None = None

    @property
    def label(self) -> str:
        """French label first, then English, then any."""
        return self.labels.get("fr") or self.labels.get("en") or next(iter(self.labels.values()), self.iri)


@dataclass
class LexConcept:
    """A SKOS concept of a scheme (role, issue, stance, event-type, event-status, channel)."""

    iri: str
    scheme: str
    slug: str
    labels: dict[str, str] = field(default_factory=dict)
    alt_labels: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)  # dg:triggerLemma (fr)
    hidden: list[str] = field(default_factory=list)  # skos:hiddenLabel (fr)
    event_class: str | None = None
    broader: list[str] = field(default_factory=list)  # skos:broader concepts

    @property
    def label(self) -> str:
        """French label first, then English, then the slug."""
        return self.labels.get("fr") or self.labels.get("en") or self.slug

    @property
    def phrases(self) -> list[str]:
        """French (or untagged) labels and altLabels, for matching in text."""
        out = [self.labels["fr"]] if "fr" in self.labels else []
        out.extend(self.alt_labels)
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class LexHolding:
    """A gazetteer dg:RoleHolding: who held which office for whom, over which years."""

    person: str
    role: str
    organisation: str | None
    start: str | None  # schema:startDate as ISO text ("2024", "2024-01" or "2024-01-09"), None when unknown
    end: str | None  # schema:endDate as ISO text, None while in office

    def covers(self, when: date | int) -> bool:
        """Held on the day ``when`` (or at some time in the year ``when``).

        A gYear (gYearMonth) bound covers its whole year (month); a day bound is exact, the end
        day being the successor's first (so on a handover day only the successor holds the
        office). An unknown start or end does not exclude anything.
        """
        if isinstance(when, int):
            year = str(when)
            return (self.start is None or self.start[:4] <= year) and (self.end is None or year <= self.end[:4])
        day = when.isoformat()
        if self.start is not None and day[:len(self.start)] < self.start:
            return False
        if self.end is None:
            return True
        return day < self.end if len(self.end) == 10 else day[:len(self.end)] <= self.end


@dataclass
class Lexicon:
    """Everything the extractor knows about the world, keyed by IRI and by folded name."""

    actors: dict[str, LexActor] = field(default_factory=dict)
    concepts: dict[str, LexConcept] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)  # fold(name) -> actor IRIs
    demonyms: dict[str, str] = field(default_factory=dict)  # fold(inflected demonym) -> actor IRI
    holdings: list[LexHolding] = field(default_factory=list)
    single_holder: frozenset[str] = frozenset()  # roles one person at a time holds per organisation
    leader_roles: frozenset[str] = frozenset()  # heads of state and government (vocab/role-collection/leader)
    government_roles: frozenset[str] = frozenset()  # offices served at home (vocab/role-collection/government)
    home_state: str | None = None  # the state an unqualified formal title means (dg:homeState)
    state_heads: frozenset[str] = frozenset()  # first words of long state names ("république", "royaume")

    def holders_on(self, role: str, organisation: str, when: date | int) -> list[str]:
        """People the gazetteer says held ``role`` (or a narrower office) for ``organisation`` on the
        day (or in the year) ``when``.

        Only for single-holder offices (vocab/role-collection/single-holder): for an envoy
        or a minister in general, role + organisation + date do not identify anyone.
        """
        if role not in self.single_holder:
            return []
        found = [h.person for h in self.holdings if h.organisation == organisation and h.covers(when)
                 and self.narrower_or_same(h.role, role) and h.person in self.actors]
        return sorted(set(found))

    def scheme(self, name: str) -> list[LexConcept]:
        """Concepts of one scheme, sorted by IRI (deterministic).

        Sorted once per scheme and kept (a lexicon does not change once loaded): the extraction asks
        for schemes ~4,600 times over tests/texts, each a sort of every concept. A copy is returned.
        """
        schemes = self.__dict__.setdefault("_schemes", {})
        found = schemes.get(name)
        if found is None:
            found = schemes[name] = sorted((c for c in self.concepts.values() if c.scheme == name),
                                           key=lambda c: c.iri)
        return list(found)

    @property
    def roles(self) -> list[LexConcept]:
        return self.scheme("role")

    @property
    def issues(self) -> list[LexConcept]:
        return self.scheme("issue")

    @property
    def stances(self) -> list[LexConcept]:
        return self.scheme("stance")

    @property
    def event_types(self) -> list[LexConcept]:
        return self.scheme("event-type")

    @property
    def statuses(self) -> list[LexConcept]:
        return self.scheme("event-status")

    @property
    def channels(self) -> list[LexConcept]:
        return self.scheme("channel")

    def event_class(self, event_type: str) -> str:
        """OWL class of an event type: dg:eventClass, else dg:<CamelCase of the slug>."""
        concept = self.concepts.get(event_type)
        if concept is not None and concept.event_class:
            return concept.event_class
        slug = event_type.rstrip("/").rsplit("/", 1)[-1]
        return DG_NS + "".join(part.capitalize() for part in slug.split("-"))

    def narrower_or_same(self, concept: str, other: str) -> bool:
        """``concept`` is ``other`` or one of its narrower concepts (foreign minister < minister)."""
        seen: set[str] = set()
        todo = [concept]
        while todo:
            current = todo.pop()
            if current == other:
                return True
            if current in seen:
                continue
            seen.add(current)
            found = self.concepts.get(current)
            if found is not None:
                todo.extend(found.broader)
        return False

    def place_twin(self, actor: LexActor) -> LexActor | None:
        """The place of the same name that stands for ``actor`` (a state used as a location), if any."""
        twins = self.__dict__.get("_twins")
        if twins is None:
            twins = {}
            for p in sorted(self.actors.values(), key=lambda a: a.iri):
                if p.kind == "place" and p.stands_for is not None:
                    twins.setdefault((p.stands_for, fold(p.label)), p)
            self.__dict__["_twins"] = twins
        return twins.get((actor.iri, fold(actor.label)))

    def territory_state(self, place: str) -> LexActor | None:
        """The state whose territory ``place`` is (a place standing for a state under its label); kept per place."""
        known = self.__dict__.setdefault("_territories", {})
        if place not in known:
            known[place] = self._territory_state(place)
        return known[place]

    def _territory_state(self, place: str) -> LexActor | None:
        actor = self.actors.get(place)
        if actor is None or actor.kind != "place" or actor.stands_for is None:
            return None
        state = self.actors.get(actor.stands_for)
        if state is None or state.kind != "state" or fold(state.label) != fold(actor.label):
            return None
        return state

    def state_of(self, actor: str | None) -> str | None:
        """The state an actor belongs to (itself for a state; the affiliation of an organisation)."""
        seen: set[str] = set()
        while actor is not None and actor not in seen:
            seen.add(actor)
            found = self.actors.get(actor)
            if found is None or found.kind == "state":
                return actor
            actor = found.affiliation
        return None

    def candidates(self, name: str) -> list[str]:
        """Actor IRIs whose label, altLabel or demonym-free name folds to ``name``."""
        return self.names.get(fold(name), [])

    def people_written_otherwise(self, name: str) -> list[str]:
        """The gazetteer people whose full name (two words or more) is ``name`` transcribed another
        way: other accents ("Benyamin Nétanyahou" for "Benyamin Netanyahou"), or the French and
        English transliterations of one Arabic or Persian name ("Asaad Al-Chaybani" for "Asaad
        al-Shaibani", "Aymane Safadi" for "Ayman Safadi"): the press transcribes such names as it
        pleases. Only a name whose transcription key (:func:`_transcription_key`) is that of the names
        of one person."""
        key = _transcription_key(fold(name))
        if len(key.split()) < 2:
            return []
        index = self.__dict__.get("_transcribed_people")
        if index is None:
            index = {}
            for folded, iris in self.names.items():
                people = {i for i in iris if i in self.actors and self.actors[i].kind == "person"}
                if people:
                    index.setdefault(_transcription_key(folded), set()).update(people)
            self.__dict__["_transcribed_people"] = index
        found = index.get(key, set())
        return sorted(found) if len(found) == 1 else []


def _unaccented(text: str) -> str:
    """``text`` with its combining accents dropped ("nétanyahou" -> "netanyahou")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


#: Spellings the French and English transliterations of one name differ by: "sh"/"ch" (شيباني),
#: "ou"/"u", "y"/"i" between letters. (Not doubled letters: "Emanuel Macron" is someone else.)
_TRANSCRIPTIONS = ((re.compile(r"sh"), "ch"), (re.compile(r"ou"), "u"), (re.compile(r"(?<=\w)y"), "i"))
#: A French transcription's final mute "e" after a consonant ("Aymane", "Salmane" for "Ayman", "Salman").
_MUTE_E = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])e\b")


def _transcription_key(folded: str) -> str:
    """What two transcriptions of one name share: accents dropped, hyphens as spaces, the
    spelling pairs above made one, a word's final mute "e" dropped."""
    key = _unaccented(folded).replace("-", " ")
    for pattern, replacement in _TRANSCRIPTIONS:
        key = pattern.sub(replacement, key)
    return " ".join(_MUTE_E.sub("", word) if len(word) > 4 else word for word in key.split())


def demonym_forms(demonym: str) -> set[str]:
    """Masculine/feminine, singular/plural forms of a French demonym ("russe", "américain").

    Regular French adjective inflection; the gazetteer gives the masculine singular and
    may list irregular forms itself as further dg:demonym values.
    """
    base = fold(demonym)
    forms = {base}
    if base.endswith("e"):
        forms.add(base + "s")
    elif base.endswith(("ien", "éen", "en")):
        forms.update({base + "s", base + "ne", base + "nes"})
    elif base.endswith("al"):
        forms.update({base[:-2] + "aux", base + "e", base + "es"})
    elif base.endswith(("s", "x")):
        forms.update({base + "e", base + "es"})
    else:
        forms.update({base + "s", base + "e", base + "es"})
    return forms


def _concept_parts(iri: str) -> tuple[str, str] | None:
    prefix = BASE + "vocab/"
    if not iri.startswith(prefix):
        return None
    rest = iri[len(prefix):].strip("/").split("/")
    if len(rest) < 2:
        return None
    return rest[0], rest[-1]


def _actor_kind(iri: str, types: set[str]) -> str | None:
    for t in sorted(types):
        if t.startswith(DG_NS) and t[len(DG_NS):] in _KIND_OF_CLASS:
            return _KIND_OF_CLASS[t[len(DG_NS):]]
    prefix = BASE + "id/"
    if iri.startswith(prefix):
        return _KIND_OF_PATH.get(iri[len(prefix):].split("/", 1)[0])
    return None


def load_lexicon() -> Lexicon:
    """The lexicon from the shipped vocabulary files (read once per process)."""
    from diplograph.resources import vocab_files

    return _load(tuple(vocab_files()))


@cache
def _load(files: tuple[Path, ...]) -> Lexicon:
    """Parse the vocabulary files; a file that does not parse is reported, not skipped."""
    import pyoxigraph as ox

    from diplograph.errors import InputError

    subjects: dict[str, dict[str, list]] = {}
    for path in files:
        try:
            triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError, OSError) as exc:
            message = " ".join(str(exc).split())[:200]
            raise InputError(f"{path}: malformed vocabulary file: {message}") from exc
        for t in triples:
            if not isinstance(t.subject, ox.NamedNode):
                continue
            props = subjects.setdefault(t.subject.value, {})
            obj = t.object
            if isinstance(obj, ox.Literal):
                value: object = (obj.value, obj.language or "")
            elif isinstance(obj, ox.NamedNode):
                value = obj.value
            else:
                continue
            props.setdefault(t.predicate.value, []).append(value)
    # An RDF graph is a set: a triple stated twice (a project's vocab/ holding a copy of a shipped
    # file) says nothing more. Without this, a copied dg:homeState read as two home states and
    # the default state of unnamed office holders ("le Président de la République") was lost.
    for props in subjects.values():
        for predicate, values in props.items():
            if len(values) > 1:
                props[predicate] = list(dict.fromkeys(values))

    lex = Lexicon()
    single = subjects.get(SINGLE_HOLDER, {}).get(SKOS + "member", [])
    lex.single_holder = frozenset(v for v in single if isinstance(v, str))
    leaders = subjects.get(LEADER, {}).get(SKOS + "member", [])
    lex.leader_roles = frozenset(v for v in leaders if isinstance(v, str))
    government = subjects.get(GOVERNMENT, {}).get(SKOS + "member", [])
    lex.government_roles = frozenset(v for v in government if isinstance(v, str))
    homes = sorted(v for v in subjects.get(BASE + "vocab/role", {}).get(DG_NS + "homeState", []) if isinstance(v, str))
    lex.home_state = homes[0] if len(homes) == 1 else None  # two (a project naming its own): no default
    for iri in sorted(subjects):
        props = subjects[iri]
        types = {v for v in props.get(RDF_TYPE, []) if isinstance(v, str)}
        if DG_NS + "RoleHolding" in types:
            holding = _holding(props)
            if holding is not None:
                lex.holdings.append(holding)
            continue
        pref = _lang_map(props.get(SKOS + "prefLabel", []) + props.get(RDFS_LABEL, []))
        alts = [v for v, lang in _literals(props.get(SKOS + "altLabel", [])) if lang in ("fr", "")]
        all_alts = [v for v, _ in _literals(props.get(SKOS + "altLabel", []))]
        parts = _concept_parts(iri)
        if parts is not None:
            scheme, slug = parts
            classes = [v for v in props.get(DG_NS + "eventClass", []) if isinstance(v, str)]
            lex.concepts[iri] = LexConcept(
                iri=iri, scheme=scheme, slug=slug, labels=pref, alt_labels=sorted(set(alts)),
                triggers=sorted({v for v, lang in _literals(props.get(DG_NS + "triggerLemma", []))
                                 if lang in ("fr", "")}),
                hidden=sorted({v for v, lang in _literals(props.get(SKOS + "hiddenLabel", []))
                               if lang in ("fr", "")}),
                event_class=classes[0] if classes else None,
                broader=sorted(v for v in props.get(SKOS + "broader", []) if isinstance(v, str)),
            )
            continue
        kind = _actor_kind(iri, types)
        if kind is None or not (pref or alts):
            continue
        same = [v for v in props.get(SKOS + "exactMatch", []) + props.get(OWL_SAMEAS, [])
                if isinstance(v, str) and v.startswith(WIKIDATA)]
        actor = LexActor(
            iri=iri, kind=kind, labels=pref,
            names=sorted(set(pref.values()) | set(all_alts)),
            demonyms=sorted({v for v, lang in _literals(props.get(DG_NS + "demonym", []))
                             if lang in ("fr", "")}),
            affiliation=_first_iri(props.get(DG_NS + "affiliatedWith", [])),
            stands_for=_first_iri(props.get(DG_NS + "standsFor", [])),
            located_in=_first_iri(props.get(DG_NS + "locatedIn", [])),
            within=sorted({v for v in props.get(DG_NS + "locatedIn", []) if isinstance(v, str)}),
            wikidata=sorted(same)[0] if same else None,
        )
        lex.actors[iri] = actor
        for name in actor.names:
            key = fold(name)
            if key:
                lex.names.setdefault(key, [])
                if iri not in lex.names[key]:
                    lex.names[key].append(iri)
        for demonym in actor.demonyms:
            for form in demonym_forms(demonym):
                # a State wins over an organisation with the same adjective
                if form not in lex.demonyms or actor.kind == "state":
                    lex.demonyms[form] = iri
    _hide_territories(lex)
    lex.state_heads = _state_heads(lex)
    return lex


def _hide_territories(lex: Lexicon) -> None:
    """A state's territory (a place standing for the state under the state's own label) is
    reached through its state only (:meth:`Lexicon.place_twin`), not by name: "le Sénégal a
    annoncé" is the state, and only a locative use ("au Sénégal") is the place."""
    for actor in lex.actors.values():
        if lex.territory_state(actor.iri) is None:
            continue
        for name in actor.names:
            owners = lex.names.get(fold(name))
            if owners and actor.iri in owners:
                owners.remove(actor.iri)
                if not owners:
                    del lex.names[fold(name)]
        actor.names = []


_LONG_NAME = re.compile(r"^([\w-]+)(?: [\w-]+)*? (?:de|du|des|d')[ ']", re.UNICODE)


def _state_heads(lex: Lexicon) -> frozenset[str]:
    """Words that open the official names of states ("République du Mali", "Royaume de Suède").

    Learnt from the gazetteer's long names, so that "la République de X" is read as a state even
    when X is not in the gazetteer. A word must open at least three state names (not "Corée" of
    "Corée du Nord/du Sud") and no organisation's name ("Union africaine").
    """
    from collections import Counter

    counts: Counter[str] = Counter()
    excluded: set[str] = set()
    for actor in lex.actors.values():
        for name in actor.names:
            first = fold(name).split(" ", 1)[0]
            if actor.kind != "state":
                excluded.add(first)
                continue
            m = _LONG_NAME.match(fold(name))
            if m:
                counts[m.group(1)] += 1
    return frozenset(w for w, n in counts.items() if n >= 3 and w not in excluded)


def _when(values: list) -> str | None:
    """A schema:startDate/endDate literal as ISO text: "2024" (gYear), "2024-01" (gYearMonth) or
    "2024-01-09" (date)."""
    for text, _ in sorted(_literals(values)):
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            return text
    return None


def _holding(props: dict[str, list]) -> LexHolding | None:
    person = _first_iri(props.get(DG_NS + "heldBy", []))
    role = _first_iri(props.get(DG_NS + "role", []))
    if person is None or role is None:
        return None
    return LexHolding(person=person, role=role, organisation=_first_iri(props.get(DG_NS + "forOrganization", [])),
                      start=_when(props.get(SCHEMA + "startDate", [])), end=_when(props.get(SCHEMA + "endDate", [])))


def _literals(values: list) -> list[tuple[str, str]]:
    return [v for v in values if isinstance(v, tuple)]


def _lang_map(values: list) -> dict[str, str]:
    out: dict[str, str] = {}
    for text, lang in sorted(_literals(values)):
        out.setdefault(lang or "fr", text)
    return out


def _first_iri(values: list) -> str | None:
    iris = sorted(v for v in values if isinstance(v, str))
    return iris[0] if iris else None


_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of a vocabulary phrase, after folding (for building match patterns)."""
    return _WORD.findall(fold(text))
