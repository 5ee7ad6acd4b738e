"""What a name looks like: courtesy titles, particles, capitals, the label a person gets.

French news and official readouts print names in their own ways ("S.E. M. Jean DUPONT", "le
prince X", "Al-Busaidi"): these rules strip titles, say whether words look like a name at all
and turn a name into a stable label (family names in capitals normalised). They read only
tokens, never the gazetteer, so the role and argument stages use them too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import SINGULAR_ARTICLES, Context
from diplograph.extract.kinds import cue_words

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


# Titles before a name are data (ontology/vocab/cues.ttl): cue:honorific ("M. X", "S.E.M. X",
# "Son Excellence Mme X"), cue:lower-case-honorific (a title only in lower case: "cheikh Ahmad X",
# "le prince X", while "Cheikh" opening a name is a first name) and cue:rank ("le général Z", in
# either case). They are no role concepts: nothing about them is an office.
_TITLES: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


#: Name particles that may stay lower case inside a person's name. They stay in code: they are the
#: prepositions and articles of names in many languages (grammar), not knowledge of the world:
#: "da Silva", "dos Santos", "del Castillo", "von der Leyen", "ben Salmane".
PARTICLES = frozenset("de du des da di do dos das del della von van der den bin ben al el le la ibn".split())


def lower_case_honorifics(ctx: Context) -> frozenset[str]:
    """Titles that are one only in lower case ("cheikh", "prince"), compared as written."""
    return _titles(ctx)[1]


def _titles(ctx: Context) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Courtesy titles, lower-case titles and ranks of the lexicon, looked up once per lexicon
    (is_honorific runs on every token of a document)."""
    lex = ctx.lex
    titles = _TITLES.get(id(lex))
    if titles is None:
        titles = _TITLES[id(lex)] = (cue_words(lex, "honorific"), cue_words(lex, "lower-case-honorific"),
                                     cue_words(lex, "rank"))
    return titles


def capitals_beyond_person(ctx: Context, title: int, end: int) -> bool:
    """The recogniser cuts names whose family names are printed in capitals ("M. Jean DUPONT"
    + "MARTIN", "Mme Anne Marie" + "DURAND", "M. LEROY" + "MOREAU" as two MISC): the name
    after the courtesy title runs on over them.

    True when every entity touching ``title..end`` is a person or MISC name inside the run, or a
    family name in capitals tagged as anything ("M. Aimé NGOLO-" + "MBEMBA" tagged ORG), and some
    word of the run written in capitals lies outside every person name the recogniser found.
    """
    doc = ctx.doc
    ents = [e for e in ctx.ents if e.start < end and e.end > title]

    def in_run(e) -> bool:
        capitals = all((t.is_upper and len(t) > 1) or t.text == "-" for t in e)
        return title <= e.start and e.end <= end and (e.label_ in ("PER", "MISC") or capitals)

    if not ents or not all(in_run(e) for e in ents):
        return False
    in_person = {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
    return any(t.is_upper and len(t) > 1 and t.i not in in_person for t in doc[title + 1:end])


def is_honorific(ctx: Context, token) -> bool:
    """A courtesy title before a person's name ("M.", "Mme", "S.E.", "SEM", lower-case "cheikh",
    a military rank): one of :func:`title_tokens` (``token`` is a token of ``ctx.doc``)."""
    return token.i in title_tokens(ctx)


def title_tokens(ctx: Context) -> frozenset[int]:
    """The courtesy titles of the document, found once over its token view: ~28,000
    :func:`is_honorific` questions over the test texts, each of which read a Token's strings."""
    found = ctx.cache.get("title-tokens")
    if found is None:
        found = ctx.cache["title-tokens"] = frozenset(_titles_in(ctx))
    return found  # type: ignore[return-value]


def _titles_in(ctx: Context) -> list[int]:
    honorifics, lower_case, ranks = _titles(ctx)
    view = ctx.tokens
    words, texts, count = view.lower, view.text, len(view)
    found = []
    for i, lower in enumerate(words):
        text = texts[i]
        if lower in honorifics or lower + "." in honorifics or lower in ranks or text in lower_case \
                or (lower.endswith(".") and lower[:-1] in honorifics) \
                or (lower in lower_case and i > 0
                    and (words[i - 1] in SINGULAR_ARTICLES or words[i - 1] in honorifics)):
            # "le Cheikh X", "Son Altesse Cheikh Y": capitalised after an article or another courtesy
            # title, still a title (a first name takes neither: "Cheikh Ibrahima Bâ")
            if text != "se" and text != "Se":  # "SE X" (Son Excellence) in capitals; "se" is a pronoun
                found.append(i)
        elif lower in ("s.", "e.", "e.m.") and ctx.doc[i].is_title:
            # "S. E. X", "S. E.M. X": "S.E." written with a space, two tokens; each half is the title
            pair = (i + 1 < count and words[i + 1] in ("e.", "e.m.")) if lower == "s." \
                else (i > 0 and words[i - 1] == "s.")
            if pair:
                found.append(i)
    return found


def _stray_mark(token) -> bool:
    """Punctuation at the edge of a name; a word the tagger calls PUNCT ("Irarrázaval") is kept."""
    return token.pos_ == "PUNCT" and not token.is_alpha


def clean_name_tokens(ctx: Context, ent: SpacySpan) -> tuple[int, int] | None:
    start, end = ent.start, ent.end
    if ent.label_ in ("PER", "MISC") and article_opens_name(ctx, start, end):
        return start, end
    # a word the tagger calls PUNCT is still a word ("Tomás Irarrázaval": accented rare names)
    while start < end and (ctx.doc[start].pos_ in ("DET", "ADP") or _stray_mark(ctx.doc[start])
                           or is_honorific(ctx, ctx.doc[start])):
        start += 1
    # "Président Kariuki", "Premier ministre Tavares": a title the recogniser took into the name
    title = max((h.end for h in ctx.hits_of("role") if h.start == start and h.end < end), default=None) \
        if ent.label_ == "PER" else None
    if title is not None:
        start = title
    while end > start and (_stray_mark(ctx.doc[end - 1]) or (
            ent.label_ == "PER" and ctx.doc[end - 1].pos_ in ("ADP", "DET") and ctx.doc[end - 1].is_lower)):
        end -= 1  # "M. Pierre Lambert à" (Linas): the recogniser ran on into the next phrase
    if start >= end:
        return None
    if ent.label_ == "PER" and start >= 2 and end - start == 1 and ctx.doc[start - 1].lower_ in ("de", "d'", "d’") \
            and is_honorific(ctx, ctx.doc[start - 2]):
        start -= 1  # "le général de Gaulle", "M. de Villepin": the particle is the family name's
    return start, end


def article_opens_name(ctx: Context, start: int, end: int) -> bool:
    """"Le Van Hai", "Le Thi Mai": Vietnamese family names written Le (Lê) look like the article.
    A capitalised "Le"/"La" followed by two or more capitalised words, all of which the recogniser
    took into one person-like name with it (the tagger may call them anything: "Thanh" a noun,
    "Son" a determiner), opens the name. The recogniser leaves the article out of the names it
    knows as names of things ("le Caire", "la Havane" are also one word after it)."""
    doc = ctx.doc
    if end - start < 3 or doc[start].text not in ("Le", "La"):
        return False
    # "Le Ministre Délégué Jean Claude Mbarga" tagged as one name: a capitalised title opens it
    titled = {i for h in ctx.hits_of("role") for i in range(h.start, h.end)} | title_tokens(ctx)
    return all(t.is_alpha and t.is_title and t.i not in titled for t in doc[start + 1:end])


def given_name_and_capitals(tokens) -> bool:
    """"Anne DURAND", "Jean-Marc DUPONT": given names, then family names printed in capitals
    (how readouts and reference works print people), which the recogniser may tag MISC."""
    words = [t for t in tokens if t.text != "-"]
    if len(words) < 2 or not all(t.is_alpha for t in words):
        return False
    caps = [t.is_upper and len(t) > 1 for t in words]
    if not caps[-1] or caps[0] or not words[0].is_title:
        return False
    first_cap = caps.index(True)
    return all(caps[first_cap:]) and all(t.is_title for t in words[:first_cap])


_INITIALS = re.compile(r"^(?:[A-Z]\.-?){1,3}$")


def initials_and_name(tokens) -> bool:
    """"S.V. Lavrov", "L.E. Sloutski": initials of the given and father's names, then a family
    name (how Russian and other readouts print people), which the recogniser may tag MISC."""
    words = [t for t in tokens if t.text != "-"]
    return len(words) >= 2 and _INITIALS.match(words[0].text) is not None \
        and all(t.is_alpha and t.is_title for t in words[1:])


def looks_like_name(ctx: Context, start: int, end: int, single_ok: bool) -> bool:
    tokens = ctx.doc[start:end]
    if any(t.i in ctx.heading_tokens for t in tokens):
        return False
    # "Park Min-ho", "Lee Jae-un": the lower-case tail joined by a hyphen is part of the word before it
    words = [t for t in tokens if t.lower_ not in PARTICLES and t.text not in ("-", "'")
             and not (t.i > start and ctx.doc[t.i - 1].text == "-" and not ctx.doc[t.i - 1].whitespace_
                      and not ctx.doc[t.i - 2].whitespace_)]
    if any(t.like_num and not t.is_alpha for t in words) or any(t.is_space for t in tokens):
        return False
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if article_opens_name(ctx, start, end):
        return True  # "Le Thanh Son": the tagger calls its words a determiner and nouns
    if any(t.is_stop and len(t.text) > 1 and not t.text.endswith(".") for t in words[:1]) \
            or (len(words) < 3 and any(t.is_stop and len(t.text) > 1 for t in words)):
        return False  # "R. Non", "C'est": capitalised function words are no names ("Tran Van Minh" is one)
    if not any(t.pos_ == "PROPN" for t in tokens):
        return False
    if len(words) > 1 and len(words[0].text.rstrip(".")) == 1 and words[-1].pos_ not in ("PROPN", "X"):
        return False  # "R. Non" in an interview: an initial must be followed by a name
    if len(words) == 1 and not single_ok:
        return False
    return True


def person_label(tokens) -> str:
    """A person's name as a label: surnames written in capitals ("Marie DURAND") in the usual case.

    Official readouts print family names in capitals; the label (and so the IRI) should not
    depend on that typographic habit, while the mention keeps the exact characters.
    """
    words = [t.text for t in tokens]
    if not any(w.isupper() and len(w) > 1 for w in words):
        # the text's own spacing: "Al-Busaidi" is split by the tokenizer but written as one word
        return " ".join("".join(t.text + t.whitespace_ for t in tokens).split())

    def normal(word: str) -> str:
        if not (word.isupper() and len(word) > 1):
            return word
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), word)

    text = "".join(normal(t.text) + t.whitespace_ for t in tokens)
    return " ".join(text.split())


def misspelt(word: str, other: str) -> bool:
    """``word`` is ``other`` with one letter left out, added, changed or two swapped ("Emanuel" for
    "Emmanuel"), accents and case aside; both of four letters or more and with the same first letter.

    Hand-written: one edit is all a typo in a given name needs, and no well-kept library the
    project already depends on offers it (a general edit distance would be a new dependency).
    """
    import unicodedata

    def bare(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))

    a, b = bare(word), bare(other)
    if a == b or min(len(a), len(b)) < 4 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]  # one letter added
    return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


#: Courtesy titles of several people ("MM. X et Y", "Mmes X et Y").
_PLURAL_TITLES = frozenset({"mm.", "mm", "mmes", "mmes."})


def names_under_plural_title(ctx: Context, subject) -> list:
    """"MM. Poutine et Trump ont approuvé ...": the parse makes the title the sentence's root, hangs
    the first name on it and keeps only the last as the verb's subject; the names listed after the
    plural title, before "et" and the subject, are subjects too (``subject`` is a token of ``ctx.doc``)."""
    doc = ctx.doc
    if subject.i < 3 or doc[subject.i - 1].lower_ != "et":
        return []
    start = ctx.sent_of(subject).start
    title = next((i for i in range(subject.i - 2, max(start, subject.i - 10) - 1, -1)
                  if doc[i].lower_ in _PLURAL_TITLES), None)
    if title is None:
        return []
    between = range(title + 1, subject.i - 1)
    # only a list of names under the title ("MM. A, B et C"): another phrase between is another clause
    if any(doc[i].text != "," and doc[i].pos_ != "PROPN"
           and not any(m.kind == "person" for m in ctx.by_token.get(i, [])) for i in between):
        return []
    return [doc[i] for i in between if any(m.start == i and m.kind == "person" for m in ctx.by_token.get(i, []))]

