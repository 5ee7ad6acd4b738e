"""Reading a news document: front matter, NFC body, sections, paragraphs and sentences.

Everything downstream (mentions, events, quotes) is grounded in character offsets of the
body text this module returns, so the body is fixed here once: front matter removed,
NFC-normalised, leading blank lines and trailing whitespace dropped. The layout (headings,
paragraphs, list items, sentences) is found with plain string rules, not spaCy, so that
headings such as "Contexte" are known before any NER runs and are never taken for names.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
import warnings
from pathlib import Path

from diplograph.errors import DiplographWarning, InputError
from diplograph.model import Paragraph, Section, SourceText, Span
from diplograph.namespaces import slugify

#: Longest body accepted: spaCy's own default ``max_length``, which also bounds its memory use.
MAX_CHARACTERS = 1_000_000
#: Longest line (characters / words) still read as a heading such as "Points de désaccord".
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 10
_HEADING_END = ".:;,!?…»”\"'’)-–—"
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•–—]|\d{1,2}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+")
# Abbreviations after which a full stop does not end a French sentence.
ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle mlles dr pr prof me mgr sem exc st ste av apr cf vol art p pp env gén col cdt lt sgt".split()
)
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
_SPACES = " \t\u00a0\u202f\u2009"


def read_document(
    path: str | Path, *, published: datetime.date | None = None, encoding: str = "utf-8"
) -> SourceText:
    """Read a ``.txt``/``.md`` file; the slug is the file name without that suffix, slugified.

    ``published`` given here wins over the front matter (the caller knows better, e.g. a
    command-line option). Errors are one-line :class:`InputError` messages.
    """
    file = Path(path)
    if not file.exists():
        raise InputError(f"{file}: no such file")
    if file.is_dir():
        raise InputError(f"{file}: is a directory, not a document")
    data = file.read_bytes()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{file}: not {encoding} text (byte offset {exc.start})") from None
    except LookupError:
        raise InputError(f"{file}: unknown text encoding {encoding!r}") from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{file}: binary file, not a text document (NUL character at offset {nul})")
    name = file.name
    for suffix in (".txt", ".md", ".markdown"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    source = read_text(text, slugify(name), published=published, where=str(file))
    source.path = str(file)
    return source


def read_text(
    text: str, slug: str, *, published: datetime.date | None = None, where: str | None = None
) -> SourceText:
    """Turn raw document text into a :class:`SourceText` (``where`` only prefixes error messages)."""
    label = where or slug
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _split_front_matter(text, label)
    body = unicodedata.normalize("NFC", body)
    body = body.lstrip("\n").rstrip()
    if not body.strip():
        raise InputError(f"{label}: document body is empty")
    if len(body) > MAX_CHARACTERS:
        # spaCy's parser needs about 1 GB of memory per 100,000 characters: refuse before it does.
        raise InputError(f"{label}: document too long ({len(body):,} characters; the limit is "
                         f"{MAX_CHARACTERS:,}): split it into articles")
    front_date = _parse_date(meta.get("published"), label) if "published" in meta else None
    language = meta.get("language") or meta.get("lang") or "fr"
    if not str(language).strip().lower().startswith("fr"):
        warnings.warn(DiplographWarning(
            f"{label}: language {str(language).strip()!r} in front matter: the French pipeline may "
            "extract little from it"), stacklevel=2)
    source = SourceText(
        slug=slug,
        text=body,
        title=_clean_str(meta.get("title")),
        published=published if published is not None else front_date,
        language=str(language).strip() or "fr",
        source=_clean_str(meta.get("source")),
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )
    sections, paragraphs = _layout(body)
    source.sections = sections
    source.paragraphs = paragraphs
    source.sentences = [s for p in paragraphs for s in split_sentences(body, p.begin, p.end)]
    if source.title is None:
        source.title = _markdown_title(body, sections)
    return source


def _clean_str(value: object) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return unicodedata.normalize("NFC", cleaned) or None


def _split_front_matter(text: str, label: str) -> tuple[dict, str]:
    """YAML between a first line ``---`` and the next ``---`` (or ``...``) line."""
    if not text.startswith("---\n") and text.rstrip() != "---":
        return {}, text
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], flags=re.MULTILINE)
    if closing is None:
        raise InputError(f"{label}: front matter opened with '---' is never closed")
    raw = text[4 : 4 + closing.start()]
    body = text[4 + closing.end() :]
    meta, problem = _front_matter(raw)
    if problem is not None:
        raise InputError(f"{label}: {problem}")
    return dict(meta), body


@functools.lru_cache(maxsize=4096)
def _front_matter(raw: str) -> tuple[tuple[tuple[str, object], ...], str | None]:
    """(lower-cased keys and values, None) of the YAML between the ``---`` lines, or ((), the problem).

    Remembered (bounded) because a build reads each document's front matter twice (the
    language check, then the reading) and PyYAML's pure-Python parser is slow (~0.3 ms each).
    The values are only read, never changed, by the callers.
    """
    import yaml

    try:
        meta = yaml.load(raw, Loader=_yaml_loader()) if raw.strip() else {}  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        return (), f"invalid YAML front matter{where}: {problem}"
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return (), "front matter must be a YAML mapping (key: value lines)"
    return tuple({str(k).lower(): v for k, v in meta.items()}.items()), None


@functools.cache
def _yaml_loader() -> type:
    """Safe YAML that leaves dates as text, so that a bad date is reported as such (made once)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


def _parse_date(value: object, label: str) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        text = str(value).strip()
        return datetime.date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d\d-\d\d", text) else \
            datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{label}: invalid 'published' date {value!r} (expected YYYY-MM-DD)") from None


def _lines(body: str) -> list[tuple[int, int]]:
    """(begin, end) of every line, end excluding the newline."""
    spans = []
    start = 0
    for line in body.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _is_heading_line(line: str, next_nonblank: str | None) -> bool:
    stripped = line.strip()
    if not stripped or next_nonblank is None:
        return False
    if _MD_HEADING.match(stripped):
        return True
    if _LIST_ITEM.match(line):
        return False
    if len(stripped) > HEADING_MAX_CHARS or len(stripped.split()) > HEADING_MAX_WORDS:
        return False
    if stripped[-1] in _HEADING_END:
        return False
    first = stripped[0]
    return first.isupper() or first.isdigit()


def _layout(body: str) -> tuple[list[Section], list[Paragraph]]:
    """Headings, sections and paragraphs (list items are paragraphs of their own)."""
    lines = _lines(body)
    kinds: list[str] = []  # heading | item | text | blank
    for i, (b, e) in enumerate(lines):
        line = body[b:e]
        if not line.strip():
            kinds.append("blank")
            continue
        nxt = next((body[nb:ne] for nb, ne in lines[i + 1 :] if body[nb:ne].strip()), None)
        if _is_heading_line(line, nxt):
            kinds.append("heading")
        elif _LIST_ITEM.match(line):
            kinds.append("item")
        else:
            kinds.append("text")

    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    heading: Span | None = None
    section_begin: int | None = None
    para: list[int] | None = None  # [begin, end, is_item]

    def close_para() -> None:
        nonlocal para
        if para is not None:
            paragraphs.append(Paragraph(para[0], para[1], bool(para[2])))
            para = None

    def close_section(end: int) -> None:
        if section_begin is not None and (heading is not None or end > section_begin):
            sections.append(Section(heading, section_begin, end))

    last_end = 0
    for (b, e), kind in zip(lines, kinds, strict=True):
        line = body[b:e]
        if kind == "blank":
            close_para()
            continue
        lb = b + (len(line) - len(line.lstrip()))
        le = b + len(line.rstrip())
        if kind == "heading":
            close_para()
            close_section(last_end)
            md = _MD_HEADING.match(body[lb:le])
            hb = lb + (md.end() if md else 0)
            heading = Span(hb, le, body[hb:le])
            section_begin = lb
            last_end = le
            continue
        if section_begin is None:
            section_begin = lb
        if kind == "item":
            close_para()
            para = [lb, le, 1]
        elif para is not None and not _ends_sentence(body[para[0] : para[1]]) and not (
            para[2] and not line[:1].isspace()
        ):
            para[1] = le  # a wrapped line continues the paragraph
        else:
            close_para()
            para = [lb, le, 0]
        last_end = le
    close_para()
    close_section(last_end)
    return sections, paragraphs


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?…:;][\s»”\")]*$", text))


def _markdown_title(body: str, sections: list[Section]) -> str | None:
    if sections and sections[0].heading is not None:
        start = sections[0].heading.begin
        line_start = body.rfind("\n", 0, start) + 1
        if body[line_start:start].startswith("# "):
            return sections[0].heading.text
    return None


def split_sentences(body: str, begin: int, end: int) -> list[Span]:
    """Sentences of ``body[begin:end]``: a stop, then space, then a capital, outside quotes.

    A full stop after a known abbreviation ("M.", "Mme") or a single capital (an initial)
    does not end a sentence; neither does one inside a quotation that closes later in the
    same paragraph, so that a quote and the words attributing it stay in one sentence.
    """
    text = body[begin:end]
    closers = _closing_positions(text)
    spans: list[Span] = []
    start = 0
    stamp = _CLOCK_STAMP.match(text)
    if stamp:  # "09 h 05 – Des frappes ...": the live-blog time is no part of the first sentence
        _add_span(body, begin, begin + stamp.end(1), spans)
        start = stamp.end()
    depth = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES and i in closers:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth > 0:
            depth -= 1
            m = i + 1
            while m < n and text[m] in _SPACES:
                m += 1
            if depth == 0 and m > i + 1 and m < n and _starts_sentence(text[m]) \
                    and text[:i].rstrip(_SPACES)[-1:] in (".", "!", "?", "…"):
                # "« ... pas encore fait. » Durant la même conférence, ...": a quotation that ends its
                # own sentence, and a capital after it, end the sentence at the closing mark
                _add_span(body, begin + start, begin + i + 1, spans)
                start = m
                i = m
                continue
        if depth == 0 and ch in ".!?…":
            j = i + 1
            while j < n and text[j] in ".!?…":
                j += 1
            k = j
            # a straight double quote right after the stop, then a space, closes a quotation
            # ('"... pas encore fait." Durant ...'); before a word it opens one
            while k < n and text[k] in _CLOSE_QUOTES + ")\"" and (
                    text[k] != "\"" or k + 1 == n or text[k + 1] in _SPACES):
                k += 1
            m = k
            while m < n and text[m] in _SPACES:
                m += 1
            if m > k and m < n and _starts_sentence(text[m]) and not _is_abbreviation(text, i):
                _add_span(body, begin + start, begin + k, spans)
                start = m
                i = m
                continue
            i = j
            continue
        i += 1
    _add_span(body, begin + start, begin + n, spans)
    return spans


#: A live-blog update opens with its clock time and a dash ("09 h 05 –", "14h50 -", "18:00 —").
_CLOCK_STAMP = re.compile(r"^(\s*\d{1,2}\s?[h:]\s?\d{2}\s*[-–—])\s+(?=\S)")


def _closing_positions(text: str) -> set[int]:
    """Positions of opening quotes that are closed later (unbalanced ones are ignored)."""
    opened: list[int] = []
    good: set[int] = set()
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            opened.append(i)
        elif ch in _CLOSE_QUOTES and opened:
            good.add(opened.pop())
    return good


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "«“\"-–—("


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([\w°-]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Biden"
    return word.lower() in ABBREVIATIONS


def _add_span(body: str, b: int, e: int, spans: list[Span]) -> None:
    while b < e and body[b] in _SPACES + "\n":
        b += 1
    while e > b and body[e - 1] in _SPACES + "\n":
        e -= 1
    if e > b:
        spans.append(Span(b, e, body[b:e]))


# ------------------------------------------------------------------------------- language check

#: Languages the detector chooses among (restricting it keeps it fast and its answers stable):
#: French and the languages news in Europe most often come in.
_DETECTED = ("FRENCH", "ENGLISH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH",
             "RUSSIAN", "UKRAINIAN", "ARABIC", "CHINESE")
#: Below this many letters a text is too short to tell its language: it is taken as French.
MIN_LETTERS_TO_DETECT = 200
#: Characters of the body the detector reads: the opening is enough to tell, and bounds the cost.
DETECT_CHARS = 3000


class NotFrenchError(InputError):
    """A document that is not in French: the pipeline would extract nothing true from it."""


@functools.cache
def _detector():  # -> lingua.LanguageDetector
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _DETECTED]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


#: Frequent French words (function words, weekdays, months, a few words of every diplomatic
#: report) that are not words of the other languages the detector knows, nor of Catalan: left out
#: are "le" and "sur" (Spanish "le dijo", "Corea del Sur"), "du" (German), "il", "ne", "lui", "mai"
#: (Italian), "mais" (Portuguese), "novembre", "ministre" (Catalan) and the shared "la", "de", "à"...
_FRENCH_ONLY = frozenset("""au aux une est sont ont dans pour avec sous pas été cette ces cet leur leurs nous
vous ils elles elle qu selon lors ainsi aussi où être était avait avoir avons avez sera seront serait aurait après
depuis déjà très contre deux trois dont puis peut doit également notamment chez comme cela celle celui ceux tous
tout toute toutes encore toujours lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril juin
juillet août octobre décembre président gouvernement affaires étrangères""".split())
#: A sample is plainly French when these words make at least this share of its words (and number
#: at least :data:`_FRENCH_MIN_HITS`): French texts of this repository score 9.5-25 %; English,
#: German, Spanish, Italian, Portuguese, Dutch, Polish and Catalan prose 0 %, an English text
#: quoting a French sentence 6 % (tests/test_project.py).
_FRENCH_MIN_SHARE = 0.08
_FRENCH_MIN_HITS = 5
_WORD = re.compile(r"[^\W\d_]+")


def plainly_french(sample: str) -> bool:
    """Whether a sample is French by its function words alone, so the detector need not be asked.

    Why before lingua: its models cost ~0.07 s of CPU to load in every build that meets an
    undeclared document, then ~2.5 ms per document; this look-up costs ~0.05 ms. It only ever
    accepts: a sample it does not call French goes to the detector, which decides (a test checks
    that the detector agrees on every sample accepted here).
    """
    words = _WORD.findall(sample.lower())
    hits = sum(1 for word in words if word in _FRENCH_ONLY)
    return hits >= _FRENCH_MIN_HITS and hits >= _FRENCH_MIN_SHARE * len(words)


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of the language a body is written in, or None when it is too short to tell.

    Why lingua (lingua-language-detector): maintained, deterministic, its models ship in the
    wheel (nothing downloaded at run time), and in low-accuracy mode over a few languages it
    costs ~0.2 s to load and a few milliseconds per document (benchmarks/ measures it).
    """
    sample = body[:DETECT_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_TO_DETECT:
        return None
    language = _detector().detect_language_of(sample)
    return None if language is None else language.iso_code_639_1.name.lower()


def check_french(path: str | Path, *, encoding: str = "utf-8", force: bool = False) -> None:
    """Refuse a document that is not in French, before any extraction (:class:`NotFrenchError`).

    ``language:`` in the front matter decides when present; otherwise the body is detected.
    ``force`` (``--language fr``) skips the check. Unreadable files are left to
    :func:`read_document`, which reports them.
    """
    if force:
        return
    file = Path(path)
    try:
        text = file.read_bytes().decode(encoding)
    except (OSError, UnicodeDecodeError, LookupError):
        return
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _split_front_matter(text, str(file))
    declared = meta.get("language") or meta.get("lang")
    if declared is not None and str(declared).strip():
        code = str(declared).strip()
        if not code.lower().startswith("fr"):
            raise NotFrenchError(f"{file}: language {code!r} in front matter: diplograph extracts French "
                                 "text only (set `language: fr` or use --language fr to force it)")
        return
    body = unicodedata.normalize("NFC", body)
    if plainly_french(body[:DETECT_CHARS]):
        return
    detected = detect_language(body)
    if detected is not None and detected != "fr":
        raise NotFrenchError(f"{file}: the text is in {_language_name(detected)} ({detected}), not French: "
                             "diplograph extracts French text only (use --language fr to force it)")


def _language_name(code: str) -> str:
    from lingua import IsoCode639_1, Language

    language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    return language.name.capitalize()
