"""Gold files: the hand-made facts a document is scored against, read, checked and anchored.

The format and the scoring rules are :mod:`diplograph.evaluate`'s docstring. Why a module of its
own: reading a gold file (YAML, slugs checked, anchors found in the body, labels normalised)
does not need the predicted graph, and the scorers and the graph reader both use its
normalisers.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from diplograph.errors import InputError

ACTOR_TYPES = {"person", "state", "org", "group", "place"}
EVENT_TYPES = {
    "meeting", "negotiation", "consultation", "statement", "reaction", "accusation", "criticism",
    "warning", "appeal", "announcement", "agreement", "rejection", "proposal", "resignation",
    "military-action", "controversy", "media-report",
}
INTERACTION_TYPES = {"meeting", "negotiation", "consultation", "agreement"}
RELATIONS = {"precededBy", "followUpOf", "reactsTo", "partOf", "context"}
INVERSE_RELATIONS = {"precedes": "precededBy", "hasFollowUp": "followUpOf", "hasReaction": "reactsTo",
                     "hasPart": "partOf", "contextOf": "context"}
STATUSES = {"occurred", "planned", "announced"}
_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "the"}
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Length-preserving character folding used to find gold anchors in the body: the seed writes
# "États‑Unis" with U+2011, gold authors type "-"; offsets must stay those of the body.
_LOOSE = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\n": " ", "\t": " ",
})


# ------------------------------------------------------------------------------ normalising
def norm_label(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a label, without a leading article."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u0131", "i"))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _NON_WORD.sub(" ", ascii_text).split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def norm_quote(text: str) -> str:
    """Quote text compared loosely: NFC, one kind of apostrophe, single spaces, no outer marks."""
    text = unicodedata.normalize("NFC", text).translate(_LOOSE)
    text = " ".join(text.split())
    return text.strip(" «»“”\"'").strip()


def labels_of(value: Any) -> frozenset[str]:
    """A gold label or list of acceptable labels, normalised (:func:`norm_label`)."""
    values = value if isinstance(value, list) else [value]
    return frozenset(norm_label(str(v)) for v in values if v is not None)


def slugs_of(value: Any) -> tuple[str, ...]:
    """A gold slug or list of acceptable slugs, as a tuple."""
    values = value if isinstance(value, list) else [value]
    return tuple(str(v) for v in values if v is not None)


def shown(value: Any) -> str:
    """A gold value as the scores' missed / spurious lists show it (the first of a list)."""
    return str(value[0]) if isinstance(value, list) else str(value)


# ------------------------------------------------------------------------------ gold files
def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold YAML file; problems are one-line :class:`InputError` messages."""
    import yaml

    file = Path(path)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{file}: cannot read gold file ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{file}: malformed YAML: {' '.join(str(exc).split())[:200]}") from None
    if not isinstance(data, dict) or "document" not in data:
        raise InputError(f"{file}: a gold file is a mapping with at least a 'document' key")
    check_gold(data, str(file))
    return data


def check_gold(gold: dict[str, Any], where: str = "gold") -> None:
    """Catch typos in gold files (unknown slugs, missing keys) before they distort scores."""
    keys = set()
    for event in gold.get("events") or []:
        if "key" not in event or "type" not in event or not event.get("anchors"):
            raise InputError(f"{where}: every event needs key, type and anchors: {event}")
        if event["key"] in keys:
            raise InputError(f"{where}: duplicate event key {event['key']!r}")
        keys.add(event["key"])
        for slug in slugs_of(event["type"]):
            if slug not in EVENT_TYPES:
                raise InputError(f"{where}: event {event['key']}: unknown event type {slug!r}")
        for slug in slugs_of(event.get("status", "occurred")):
            if slug not in STATUSES:
                raise InputError(f"{where}: event {event['key']}: unknown status {slug!r}")
    for actor in gold.get("actors") or []:
        if not set(slugs_of(actor.get("type"))) <= ACTOR_TYPES or "label" not in actor:
            raise InputError(f"{where}: actor needs label and type in {sorted(ACTOR_TYPES)}: {actor}")
    for rel in gold.get("relations") or []:
        if rel.get("from") not in keys or rel.get("to") not in keys:
            raise InputError(f"{where}: relation between unknown event keys: {rel}")
        if not set(slugs_of(rel.get("relation"))) <= RELATIONS:
            raise InputError(f"{where}: unknown relation in {rel}")


def locate_anchors(gold: dict[str, Any], body: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of every gold event's anchors in the body; each anchor must occur exactly once."""
    loose_body = unicodedata.normalize("NFC", body).translate(_LOOSE)
    spans: dict[str, list[tuple[int, int]]] = {}
    for event in gold.get("events") or []:
        found = []
        for anchor in event["anchors"]:
            needle = unicodedata.normalize("NFC", str(anchor)).translate(_LOOSE)
            at = [m.start() for m in re.finditer(re.escape(needle), loose_body)]
            if len(at) != 1:
                what = "not found" if not at else f"found {len(at)} times"
                raise InputError(f"gold event {event['key']!r}: anchor {anchor!r} {what} in the text")
            found.append((at[0], at[0] + len(needle)))
        spans[event["key"]] = found
    return spans


def find_document(gold: dict[str, Any], gold_file: Path, texts_dir: Path | None = None) -> Path:
    """The text a gold file describes: in ``texts_dir`` by file name when given, else its
    ``document`` path relative to the working directory or to the repository holding the gold."""
    relative = Path(str(gold["document"]))
    candidates = []
    if texts_dir is not None:
        candidates.append(texts_dir / relative.name)
    candidates += [relative, gold_file.resolve().parent.parent.parent / relative]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_file}: document {str(relative)!r} not found")
