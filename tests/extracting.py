"""Running the real extraction pipeline on a text written in a test.

Extraction tests check facts read from short texts of their own; they all run the pipeline
the same way (the real spaCy model, the shipped vocabulary), so the way is written once here
rather than in every test file.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplograph.model import ExtractedDocument


def extract_text(text: str, slug: str, published: datetime.date | None = None) -> ExtractedDocument:
    """``text`` (which may open with a YAML front matter) as document ``slug``, extracted."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    return extract(read_text(text, slug, published=published), load_nlp())


def extract_dated(text: str, slug: str, published: str) -> ExtractedDocument:
    """``text`` with a front matter giving its publication date, as a corpus file gives it."""
    return extract_text(f"---\npublished: {published}\n---\n{text}", slug)
