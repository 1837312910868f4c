"""Which sources a command looks at, and how a document becomes indexed evidence.

The order is the contract's: ``--source`` (an in-memory index built now), else a non-empty
index at ``--db`` / ``FACTCHECK_DB`` / the user data directory, else the bundled example.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import SourceError
from factcheck.passages import passages_of
from factcheck.records import Document, Passage, Quote
from factcheck.sources import bundled_sources, read_source
from factcheck.store import Index


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/factcheck/index.db`` (``~/.local/share`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "factcheck" / "index.db"


def resolve_db_path(db: str | None) -> Path:
    return Path(db or os.environ.get("FACTCHECK_DB") or default_db_path())


def analyse(
    document: Document, *, reference_date: str | None = None
) -> tuple[list[Quote], list[Passage]]:
    """Attribution then passages: everything the index stores about one document."""
    from factcheck.attribution import extract_quotes

    quotes = extract_quotes(document, reference_date=reference_date)
    return quotes, passages_of(document, quotes)


@dataclass
class Corpus:
    index: Index
    bundled: bool = False

    @property
    def document_count(self) -> int:
        return self.index.document_count()


def build_corpus(
    sources: Iterable[str],
    *,
    reference_date: str | None = None,
    on_error: Callable[[SourceError], None] | None = None,
) -> Index:
    """An in-memory index of ``sources``.

    A source that fails goes to ``on_error`` (when given) once the others are read; when no
    document at all could be read, the run fails with the first error."""
    index = Index(None)
    errors: list[SourceError] = []
    for source in sources:
        try:
            for document in read_source(source, on_error=on_error):
                index.add(document, analyse(document, reference_date=reference_date)[1])
        except SourceError as error:
            errors.append(error)
    if errors and (on_error is None or not index.document_count()):
        raise errors[0]
    for error in errors:
        on_error(error)
    return index


def open_corpus(
    *,
    sources: Iterable[str] = (),
    db: str | None = None,
    reference_date: str | None = None,
    on_error: Callable[[SourceError], None] | None = None,
) -> Corpus:
    sources = list(sources)
    if sources:
        return Corpus(build_corpus(sources, reference_date=reference_date, on_error=on_error))
    path = resolve_db_path(db)
    if path.exists():
        index = Index(path)
        if index.document_count():
            return Corpus(index)
        index.close()
    return Corpus(build_corpus(bundled_sources(), reference_date=reference_date), bundled=True)
