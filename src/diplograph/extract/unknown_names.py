"""Names the gazetteer does not know: typing and minting what NER and courtesy titles find.

spaCy's statistical NER tags capitalised sentence starts, headings and words such as "Côté",
and misses family names printed in capitals; a name is minted only when it looks like one,
typed as a person, place or organisation from the tag and the words around it, and a lone
family name ("a dit Durand") is the person named in full before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_linked_entity, add_minted_entity
from diplograph.extract.gazetteer_links import someone_elses_institution
from diplograph.extract.genders import gender_before, told_gender
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import (
    PARTICLES,
    article_opens_name,
    capitals_beyond_person,
    clean_name_tokens,
    given_name_and_capitals,
    initials_and_name,
    is_honorific,
    looks_like_name,
    lower_case_honorifics,
    person_label,
    title_tokens,
)
from diplograph.extract.syntax import is_locative
from diplograph.extract.venues import city_of_name, is_building, named_after_someone
from diplograph.lexicon import fold
from diplograph.model import Entity
from diplograph.namespaces import id_iri, slugify

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def honorific_names(ctx: Context, taken: set[int], full: bool) -> set[int]:
    """"S.E. M. Hisham EL-SAYED", "Mme Nadia FAHMY": a name after a courtesy title that NER missed.

    Official readouts print family names in capitals, often hyphenated, which the statistical
    recogniser leaves untagged; the honorific itself announces a person. Only runs of
    capitalised words that no recognised entity touches are read here: ``full`` names (two words
    or more) before the recogniser's names, so that "le Président EL-SAYED" finds its person, and
    lone family names after them, so that "M. KEOLA" finds "Bounthavy KEOLA".
    """
    doc = ctx.doc
    used: set[int] = set()
    titles = title_tokens(ctx)
    covered = {i for ent in ctx.ents for i in range(ent.start, ent.end) if ent.label_ != "PER"
               or not all(t.i in titles or t.pos_ == "DET" for t in ent)}
    for i in sorted(titles):
        if i in ctx.heading_tokens or i in taken:
            continue
        token = doc[i]
        j = i + 1
        if j in titles:
            continue  # "Excellence M. X": the last title opens the name
        k = j
        while k < len(doc) and k - j < 6:
            t = doc[k]
            if t.text[:1].isupper() and t.is_alpha:
                k += 1
            elif t.text == "-" and k > j and not t.whitespace_ and not doc[k - 1].whitespace_ \
                    and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                k += 1  # "EL-SAYED", split by the tokenizer
            elif t.lower_ in PARTICLES and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                k += 1
            else:
                break
        while k > j and doc[k - 1].lower_ in PARTICLES:
            k -= 1
        first = i
        while first - 1 in titles:  # "S. E. M. Macky SALL": the recogniser's name opens on the first title
            first -= 1
        if full and capitals_beyond_person(ctx, first, k):
            covered_here: set[int] = set()  # "M. Jean DUPONT MARTIN": NER stopped inside the name
        else:
            covered_here = covered
        if k == j or covered_here.intersection(range(j, k)) or taken.intersection(range(j, k)) \
                or any(i in ctx.heading_tokens for i in range(j, k)):
            continue
        words = [t for t in doc[j:k] if t.text != "-"]
        if (len(words) > 1) != full:
            continue  # full names first, lone family names after the recogniser's names
        if any(t.is_stop and not t.is_upper for t in words if t.lower_ not in PARTICLES) \
                or not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in words):
            continue
        text = " ".join(doc[j:k].text.split())
        span = ctx.span(j, k)
        linked = ctx.lex.names.get(fold(text)) or ctx.lex.people_written_otherwise(text) or None
        if linked and ctx.lex.actors[linked[0]].kind == "person":
            actor = ctx.lex.actors[linked[0]]
            ctx.add_mention(Mention(j, k, span, actor.iri, "person"))
            _written_as(ctx, add_linked_entity(ctx, actor, span), text)
        else:
            surname = surname_match(ctx, text, gender_before(ctx, j))
            if surname is None and len(words) == 1 and token.text in lower_case_honorifics(ctx):
                surname = given_name_match(ctx, text)  # "cheikh Mohammed" after "cheikh Mohammed ben X"
            if surname is None and len(words) == 1:
                surname = family_first_match(ctx, token, text)  # "M. Xi" after "Xi Jinping"
            if surname is not None:
                ctx.add_mention(Mention(j, k, span, surname.iri, "person"))
                surname.mentions.append(span)
            else:
                label = person_label(doc[j:k])
                iri = id_iri("person", slugify(label))
                ctx.add_mention(Mention(j, k, span, iri, "person"))
                add_minted_entity(ctx, iri, "person", label, span)
        used.update(range(j, k))
    return used


#: Words before a place name: a name in capitals after them stays a place ("à Saint-DENIS").
LOCATIVE_WORDS = frozenset({"à", "au", "aux", "en", "de", "d'", "d’", "du", "dans", "vers", "depuis"})


def ner_mention(ctx: Context, ent: SpacySpan) -> None:
    bounds = clean_name_tokens(ctx, ent)
    if bounds is None:
        return
    start, end = bounds
    doc = ctx.doc
    if any(h.start <= start and end <= h.end for h in ctx.hits_of("role")):
        return  # "Les deux Chanceliers", "le Directeur de cabinet": a capitalised title, not a name
    as_person = ent.label_ == "PER"
    visitor = _after_state_compound(ctx, start, end)
    if visitor is not None:  # "la visite d'État de X Y" tagged LOC as a whole: X Y is the visitor
        start, as_person = visitor, True
    if not as_person:  # "le Président EL-SAYED" tagged MISC or LOC: a title, then a family name
        title = max((h.end for h in ctx.hits_of("role") if h.start == start and h.end < end), default=None)
        if title is not None:
            rest = " ".join(doc[title:end].text.split())
            if surname_match(ctx, rest) is not None or any(t.is_upper and len(t) > 1 for t in doc[title:end]) \
                    or (end - title > 1 and all(t.is_alpha and t.is_title for t in doc[title:end])
                        and any(t.pos_ == "PROPN" for t in doc[title:end])):
                start, as_person = title, True  # "Premier ministre X Y Z" tagged MISC
        elif _organ_then_name(ctx, start, end):
            start, as_person = start + 1, True  # "la présidente de la Confédération X Y" tagged LOC
    if as_person and named_after_someone(ctx, start):
        return  # "le lycée Jacques Chirac": the school's name
    text = " ".join(doc[start:end].text.split())
    span = ctx.span(start, end)
    # an unknown name may still be an altLabel once the honorific is gone
    linked = ctx.lex.names.get(fold(text)) or ctx.lex.people_written_otherwise(text) or None
    minted_state = next((e for e in ctx.entities.values() if e.kind == "state" and not e.linked
                         and fold(e.label) == fold(text)), None)
    if minted_state is not None:  # "Norlande" after "la République de Norlande"
        ctx.add_mention(Mention(start, end, span, minted_state.iri, "state"))
        minted_state.mentions.append(span)
        return
    if start > 0 and doc[start - 1].text in ("Le", "La") and not any(ctx.by_token.get(start - 1, [])):
        # "Le Van Hai et X ont signé" tagged "Van Hai": the article-like family name is the name's
        # first word when the text has already named that person whole
        whole = fold(f"{doc[start - 1].text} {text}")
        named = next((e for e in ctx.entities.values() if e.kind == "person" and fold(e.label) == whole), None)
        if named is not None:
            start, span = start - 1, ctx.span(start - 1, end)
            ctx.add_mention(Mention(start, end, span, named.iri, "person"))
            named.mentions.append(span)
            return
    minted_person = next((e for e in ctx.entities.values() if e.kind == "person" and not e.linked
                          and fold(e.label) == fold(text)), None) if ent.label_ != "PER" else None
    if minted_person is not None and end - start > 1:
        # "Le Van Hai s'est félicité" tagged MISC at a sentence's start: the person the text named whole
        ctx.add_mention(Mention(start, end, span, minted_person.iri, "person"))
        minted_person.mentions.append(span)
        return
    if is_building(ctx, start, end):
        city = city_of_name(ctx, end)
        if city is not None:  # "Centre des congrès de <ville>": the city is part of the venue's name
            end = city
            span = ctx.span(start, end)
            text = " ".join(doc[start:end].text.split())
        building = doc[start].lower_ in cue_words(ctx.lex, "building")
        label = text[0].lower() + text[1:] if building and doc[start].is_title \
            and not doc[start].is_sent_start and start > 0 and doc[start - 1].lower_ in ("l'", "le") else text
        iri = id_iri("place", slugify(label))
        ctx.add_mention(Mention(start, end, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", label, span)
        return
    if linked:
        actor = ctx.lex.actors[linked[0]]
        if actor.kind == "org" and someone_elses_institution(ctx, doc[start:end], actor):
            return  # "informe la Présidence de la République" tagged ORG in a Chadian dispatch
        ctx.add_mention(Mention(start, end, span, actor.iri, actor.kind,
                                place=actor.iri if actor.kind == "place" else None))
        _written_as(ctx, add_linked_entity(ctx, actor, span), text)
        return
    if not as_person and end - start == 1 and doc[start].pos_ == "PROPN":
        surname = surname_match(ctx, text)  # "a déclaré Durand" tagged LOC: the person named before
        if surname is not None:
            ctx.add_mention(Mention(start, end, span, surname.iri, "person"))
            surname.mentions.append(span)
            return
    first = doc[start]
    sentence_start = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_punct
                                              and doc[first.i - 1].text in "«\"“-")
    label = "PER" if as_person else ent.label_
    if label != "PER" and (start > 0 and is_honorific(ctx, doc[start - 1])):
        label = "PER"  # "M. Kofi MENSAH-ADJEI" tagged MISC: an honorific announces a person
    if label != "PER" and doc[start].is_upper and any(h.end == start for h in ctx.hits_of("role")) \
            and surname_match(ctx, text) is not None:
        label = "PER"  # "le ministre DURAND" tagged ORG: a title, then a family name told before
    if label in ("MISC", "LOC") and given_name_and_capitals(doc[start:end]) and not linked \
            and not (start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS):
        label = "PER"  # "Anne DURAND, conseillère ...": a given name and a family name in capitals
    if label in ("MISC", "LOC") and not linked and initials_and_name(doc[start:end]):
        label = "PER"  # "L.E. Sloutski" tagged MISC: initials, then a family name
    if label in ("MISC", "LOC") and not linked and _listed_like_people(ctx, start, end):
        label = "PER"  # "les présidents X (A), Y Z (B)": a list of people
    if label in ("MISC", "LOC", "ORG") and not linked and _after_title_and_comma(ctx, start, end):
        label = "PER"  # "le président du pays, X Y" tagged MISC, "le Premier ministre du Togo, X Y" ORG
    if label == "PER" and start > 0 and doc[start - 1].lower_ == "à" and end + 1 < len(doc) \
            and doc[end].text == "," and doc[end + 1].lower_ == "où":
        label = "LOC"  # "doit se rendre à Hô Chi Minh-Ville, où elle rencontrera ...": a place
    if label == "PER":
        surname = surname_match(ctx, text, gender_before(ctx, start))
        if surname is None and end - start == 1 and start > 0 and doc[start - 1].text in lower_case_honorifics(ctx):
            surname = given_name_match(ctx, text)  # "cheikh Mohammed" after "cheikh Mohammed ben X"
        if surname is None and end - start == 1 and start > 0:
            surname = family_first_match(ctx, doc[start - 1], text)  # "M. Xi" after "Xi Jinping"
        if surname is not None:
            ctx.add_mention(Mention(start, end, span, surname.iri, "person"))
            surname.mentions.append(span)
            return
        if not looks_like_name(ctx, start, end, single_ok=not sentence_start):
            return
        if end - start == 1 and (first.pos_ != "PROPN" or first.is_stop):
            return
        label = person_label(doc[start:end])
        iri = id_iri("person", slugify(label))
        ctx.add_mention(Mention(start, end, span, iri, "person"))
        add_minted_entity(ctx, iri, "person", label, span)
    elif label == "LOC":
        if not looks_like_name(ctx, start, end, single_ok=True) and not _place_after_preposition(ctx, start, end):
            return
        if end - start == 1 and sentence_start and not is_locative(ctx, start):
            return
        iri = id_iri("place", slugify(text))
        ctx.add_mention(Mention(start, end, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", text, span)
    elif label == "ORG":
        if not looks_like_name(ctx, start, end, single_ok=not sentence_start or first.is_upper):
            return
        iri = id_iri("org", slugify(text))
        ctx.add_mention(Mention(start, end, span, iri, "org"))
        add_minted_entity(ctx, iri, "org", text, span)


def _after_state_compound(ctx: Context, start: int, end: int) -> int | None:
    """"la visite d'État de X Y", "le dîner d'État en l'honneur de ...": "d'État" completes the noun
    before it, so a recognised span opening on "État de" is no state's official name; what follows
    "de", two or more capitalised words, is the name of whom the visit is. Where that name starts."""
    doc = ctx.doc
    if start < 2 or end - start < 4 or fold(doc[start].text) not in ctx.lex.state_heads \
            or doc[start - 1].lower_ not in ("d'", "d’") or doc[start - 2].pos_ != "NOUN" \
            or doc[start + 1].lower_ not in ("de", "du"):
        return None
    name = doc[start + 2:end]
    if not all(t.is_alpha and t.is_title for t in name):
        return None
    return start + 2


def _organ_then_name(ctx: Context, start: int, end: int) -> bool:
    """"la présidente de la Confédération Marta Keller": the recogniser ran the organ a title
    completes ("de la Confédération", "du Conseil") into the name after it. The span opens on a
    capitalised common noun right after a role title's "de la", and the rest is a name of two or
    more capitalised words."""
    doc = ctx.doc
    head = doc[start]
    if start < 2 or not head.text[:1].isupper() or head.pos_ != "NOUN" or end - start < 3:
        return False
    k = start - 1
    while k > 0 and doc[k].pos_ in ("DET", "ADP"):
        k -= 1
    if k == start - 1 or not any(h.start <= k < h.end for h in ctx.hits_of("role")):
        return False
    rest = doc[start + 1:end]
    return all(t.text == "-" or (t.text.replace("-", "").isalpha() and t.text[:1].isupper()) for t in rest) \
        and any(t.pos_ == "PROPN" for t in rest)


def _written_as(ctx: Context, entity, text: str) -> None:
    """Keep the text's spelling of a gazetteer person found by another transcription
    (:meth:`Lexicon.people_written_otherwise`): the document calls them so, and a reader searching
    the graph for that spelling must find them."""
    if not ctx.lex.names.get(fold(text)) and text not in entity.written_as:
        entity.written_as.append(text)


def _after_title_and_comma(ctx: Context, start: int, end: int) -> bool:
    """"le président du pays, X Y", "président en exercice du mécanisme, Z
    W", "son homologue kazakh, X-Y Z": two or more capitalised proper nouns set off by a comma right
    after a title phrase (a role word, or the counterpart noun that stands for one, a few words before,
    no verb in between) name the title's holder, whatever tag the recogniser gave a name it did not
    know; a hyphenated given name is one of the name's words."""
    doc = ctx.doc
    tokens = [t for t in doc[start:end] if t.text != "-"]
    if len(tokens) < 2 or not all(t.is_alpha and t.is_title for t in tokens) \
            or not (any(t.pos_ == "PROPN" for t in tokens) or article_opens_name(ctx, start, end)) \
            or start < 2 or doc[start - 1].text != "," or (end < len(doc) and doc[end].pos_ == "PROPN"):
        return False
    sentence = ctx.sent_of(doc[start])
    titles = [h.start for h in ctx.hits_of("role") if sentence.start <= h.start and h.end <= start - 1
              and start - 1 - h.end <= 8]
    counterpart = cue_words(ctx.lex, "counterpart")
    titles += [t.i for t in doc[max(sentence.start, start - 9):start - 1] if t.lemma_.lower() in counterpart]
    if not titles:
        return False
    first = max(titles)
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[first:start - 1])


def _place_after_preposition(ctx: Context, start: int, end: int) -> bool:
    """"à X" where the tagger took the unknown city for a common noun: still a place name.

    NER said LOC; a capitalised word, not the first of its sentence, after a locative
    preposition is a place even when the part-of-speech tagger did not call it a proper noun.
    """
    tokens = ctx.doc[start:end]
    return end - start <= 3 and is_locative(ctx, start) and not tokens[0].is_sent_start \
        and all(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in tokens) \
        and not any(t.i in ctx.heading_tokens for t in tokens)


def lone_surnames(ctx: Context, taken: set[int]) -> None:
    """"« ... », a dit Durand": a capitalised word no recogniser tagged that is the family name of a
    person named in full before it is that person (agency prose names people by surname after
    the first mention)."""
    doc = ctx.doc
    people = [e for e in ctx.entities.values() if e.kind == "person"]
    if not people:
        return
    last_words = {fold(name).split()[-1] for e in people for name in [e.label, *(m.text for m in e.mentions)]
                  if len(name.split()) > 1}
    view = ctx.tokens  # the view's values (Token.is_title is str.istitle): a Token only for a likely surname
    for i, text in enumerate(view.text):
        if i in taken or i in ctx.heading_tokens or not text.istitle() or view.sent_start[i] \
                or view.pos[i] not in ("PROPN", "NOUN", "ADJ", "VERB") or fold(text) not in last_words:
            continue
        token = doc[i]
        if token.i + 1 < len(doc) and doc[token.i + 1].is_title and not doc[token.i + 1].is_sent_start:
            continue  # part of a longer name
        surname = surname_match(ctx, token.text)
        if surname is None or not any(m.begin < token.idx for m in surname.mentions):
            continue
        span = ctx.span(token.i, token.i + 1)
        ctx.add_mention(Mention(token.i, token.i + 1, span, surname.iri, "person"))
        surname.mentions.append(span)


def surname_match(ctx: Context, text: str, gender: str = "") -> Entity | None:
    """A lone family name ("Durand") refers to the person named in full earlier ("Marie Durand");
    so does a family name after the initial of the given name ("K. Jonaitis" for "Kęstutis Jonaitis"),
    and the given and family names without the middle ones ("Faustin Touadéra" for "Faustin Archange
    Touadéra")."""
    key = fold(text)
    initial = re.match(r"^(\w)\.\s*(\S.*)$", key)
    if initial is not None:
        found = surname_match(ctx, initial.group(2))
        return found if found is not None and fold(found.label)[:1] == initial.group(1) else None
    matches = []
    for entity in ctx.entities.values():
        if entity.kind != "person":
            continue
        names = [entity.label, *entity.labels.values(), *(m.text for m in entity.mentions)]
        for name in names:
            parts = fold(name).split()
            # "Mme Huamán" for "Rosa Huamán Quispe" (two family names, the first used alone), "M. Tran"
            # for "Tran Van Khoa" (family name first)
            # "M. Ould Bah" for "Mohamed Salem Ould Bah": a family name of several words is the tail
            words = key.split()
            tail = len(words)
            if 1 < tail < len(parts) and parts[0] == words[0] and parts[-1] == words[-1]:
                matches.append(entity)
                break
            if len(parts) > 1 and (parts[-1] == key or " ".join(parts[1:]) == key
                                   or (1 < tail < len(parts) and " ".join(parts[-tail:]) == key)
                                   or (len(parts) == 3 and key in (parts[0], parts[1]))):
                matches.append(entity)
                break
    if gender and len(matches) > 1:
        # "le président X Sarasvuo et son épouse, Y Sarasvuo ... M. Sarasvuo": the title's gender
        # leaves the one the text gave that gender
        matches = [e for e in matches if told_gender(ctx, e.iri) == gender]
    return matches[0] if len(matches) == 1 else None


def _listed_like_people(ctx: Context, start: int, end: int) -> bool:
    """A name of two words or more, in a list after a comma or "et" and followed by a state in
    parentheses, where the sentence already gave a person the same way ("X (Afrique du Sud), Y
    (Ouganda)"): the list names people with their countries, not places."""
    doc = ctx.doc
    if end - start < 2 or start == 0 or doc[start - 1].lower_ not in (",", "et") or end + 1 >= len(doc) \
            or doc[end].text != "(" or not any(m.kind == "state" and m.start == end + 1
                                               for m in ctx.by_token.get(end + 1, [])):
        return False
    sentence = doc[start].sent
    return any(m.kind == "person" and sentence.start <= m.start and m.end < start and doc[m.end].text == "("
               for m in ctx.mentions)


def given_name_match(ctx: Context, text: str) -> Entity | None:
    """"cheikh Mohammed", "le prince Faisal": Gulf and royal usage names a person by courtesy title and
    given name after the full name ("cheikh Ahmad ben Khalid Al-Nouri"); the given name is
    that person when exactly one person named before has it first."""
    key = fold(text)
    matches = [e for e in ctx.entities.values() if e.kind == "person"
               and any(len(fold(n).split()) > 1 and fold(n).split()[0] == key
                       for n in [e.label, *(m.text for m in e.mentions)])]
    return matches[0] if len(matches) == 1 else None


def family_first_match(ctx: Context, title: Token, text: str) -> Entity | None:
    """"M. Xi" after "Xi Jinping", "Mme Park" after "Park Ji-won": "M." and "Mme" stand before a
    family name, and Chinese, Korean and Vietnamese names put it first. After such a courtesy title
    (cue:masculine-courtesy, cue:feminine-courtesy, not a lower-case one such as "cheikha", which
    comes before a given name), a lone name that is the first word of exactly one two-word name told
    before, and the last word of none, is that person (:func:`surname_match` found nobody). An office
    title stands before the family name the same way ("le vice-président Xi", "le Premier ministre
    Li"): the title's last word ends a role the patterns read."""
    courtesy = title.text not in lower_case_honorifics(ctx) and title.lower_ in (
        cue_words(ctx.lex, "masculine-courtesy") | cue_words(ctx.lex, "feminine-courtesy"))
    if not courtesy and not any(h.end == title.i + 1 for h in ctx.hits_of("role")):
        return None
    key = fold(text)
    first, last = [], []
    for entity in ctx.entities.values():
        if entity.kind != "person":
            continue
        names = [fold(n).split() for n in (entity.label, *(m.text for m in entity.mentions))]
        if any(len(parts) > 1 and parts[-1] == key for parts in names):
            last.append(entity)
        elif any(len(parts) == 2 and parts[0] == key for parts in names):
            first.append(entity)
    return first[0] if len(first) == 1 and not last else None
