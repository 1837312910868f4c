"""Hand-annotated sources for the quote verification tests: an index built without the
attribution stage, from ``fixtures/verify/annotations.json``."""

from __future__ import annotations

import json
from pathlib import Path

from paths import FIXTURES, REPO

from factcheck.passages import passages_of
from factcheck.records import Document, Quote
from factcheck.store import Index

ANNOTATIONS = FIXTURES / "verify" / "annotations.json"


def annotated(entry: dict) -> tuple[Document, list[Quote]]:
    """A source and its quotes, located in the text by their exact words."""
    text = (REPO / entry["source"]).read_text(encoding="utf-8")
    document = Document(source=entry["source"], text=text, date=entry["date"])
    quotes = []
    for q in entry["quotes"]:
        start = text.index(q["quote"])
        quotes.append(
            Quote(
                quote=q["quote"],
                speaker=q["speaker"],
                role=q["role"],
                kind=q["kind"],
                date=q["date"],
                date_text=None,
                source=document.source,
                line=document.line_of(start),
                start=start,
                end=start + len(q["quote"]),
            )
        )
    return document, quotes


def annotated_index(path: Path | None = None) -> Index:
    index = Index(path)
    for entry in json.loads(ANNOTATIONS.read_text(encoding="utf-8")):
        document, quotes = annotated(entry)
        index.add(document, passages_of(document, quotes))
    return index
