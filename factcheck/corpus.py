"""Which sources a command looks at, and how a document becomes indexed evidence.

The order is the contract's: ``--source`` (an in-memory index built now), else a non-empty
index at ``--db`` / ``FACTCHECK_DB`` / the user data directory, else the bundled example.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import SourceError
from factcheck.passages import passages_of
from factcheck.records import Document, Passage, Quote
from factcheck.sources import bundled_sources, iter_folder, read_source
from factcheck.store import Index, content_hash
from factcheck.text import sentence_spans

BATCH_DOCUMENTS = 100  # documents per transaction: what a crash can lose at most
BATCH_BYTES = 8 * 2**20  # ... and a bound on the text a batch holds in memory


def default_db_path() -> Path:
    """``index.db`` in the user data directory: ``$XDG_DATA_HOME/factcheck`` when set, else
    ``~/Library/Application Support/factcheck`` on macOS, ``%LOCALAPPDATA%\\factcheck`` on
    Windows, ``~/.local/share/factcheck`` elsewhere (the XDG default)."""
    return user_data_dir(sys.platform, os.environ, Path.home()) / "factcheck" / "index.db"


def user_data_dir(platform: str, environ: Mapping[str, str], home: Path) -> Path:
    if environ.get("XDG_DATA_HOME"):
        return Path(environ["XDG_DATA_HOME"])
    if platform == "darwin":
        return home / "Library" / "Application Support"
    if platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"])
    return home / ".local" / "share"


def resolve_db_path(db: str | None) -> Path:
    return Path(db or os.environ.get("FACTCHECK_DB") or default_db_path())


def analyse(
    document: Document, *, reference_date: str | None = None
) -> tuple[list[Quote], list[Passage]]:
    """Attribution then passages: everything the index stores about one document. Both
    read the same sentences, split once."""
    from factcheck.attribution import extract_quotes

    sentences = sentence_spans(document.text)
    quotes = extract_quotes(document, reference_date=reference_date, sentences=sentences)
    return quotes, passages_of(document, quotes, sentences)


@dataclass
class Corpus:
    index: Index
    bundled: bool = False

    @property
    def document_count(self) -> int:
        return self.index.document_count()


@dataclass
class AddSummary:
    """What :func:`add_sources` did, document by document."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    bytes: int = 0  # text analysed and stored

    @property
    def seen(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed


def source_items(sources: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each file of a folder (recursively), other sources (files, URLs) as given: the unit of
    progress, and of failure, so one unreadable file never hides the rest of its folder.
    The flag says whether the item was found inside a folder."""
    for source in sources:
        if Path(source).is_dir():
            files = iter_folder(Path(source))
            first = next(files, None)
            if first is None:
                yield source, False  # reading it reports "folder has no readable files"
                continue
            yield str(first), True
            yield from ((str(file), True) for file in files)
        else:
            yield source, False


def source_key(source: str) -> str:
    """A source as documents read from it are labelled: paths normalised, URLs as given."""
    return source if "://" in source else str(Path(source))


def stale_sources(indexed: Iterable[str], given: Iterable[str], seen: set[str]) -> list[str]:
    """Indexed sources equal to, or inside, one of ``given`` that were not ``seen``: inside
    a folder (``archive/story.txt``) or a JSON file of records (``records.jsonl#3``)."""
    roots = [source_key(source) for source in given]
    prefixes = tuple(root.rstrip("/") + mark for root in roots for mark in "/#")
    return [
        source
        for source in indexed
        if source not in seen and (source in roots or source.startswith(prefixes))
    ]


def add_sources(
    index: Index,
    sources: Iterable[str],
    *,
    reference_date: str | None = None,
    prune: bool = False,
    on_progress: Callable[[str], None] | None = None,
    on_error: Callable[[SourceError], None] | None = None,
) -> AddSummary:
    """Index ``sources`` incrementally, streaming: a source whose text is already indexed is
    skipped before analysis, a changed one replaces its old version, and documents are
    committed in batches so an interrupted run keeps every batch before the interruption.

    ``prune`` then removes indexed documents under ``sources`` that are gone. A source that
    fails goes to ``on_error`` (else raises); ``on_progress`` gets each source when done."""
    sources = list(sources)
    summary, seen = AddSummary(), set()
    batch: list[tuple[Document, list[Passage]]] = []
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch_bytes
        index.add_batch(batch)
        batch.clear()
        batch_bytes = 0

    for item, in_folder in source_items(sources):
        try:
            for document in read_source(item):
                if prune:  # a set of every source read: kept only when it is needed
                    seen.add(document.source)
                known = index.indexed_hash(document.source)
                if known == content_hash(document.text):
                    summary.unchanged += 1
                    continue
                if known is None:
                    summary.added += 1
                else:
                    summary.updated += 1
                size = len(document.text.encode("utf-8", "surrogatepass"))
                summary.bytes += size
                batch_bytes += size
                batch.append((document, analyse(document, reference_date=reference_date)[1]))
                if len(batch) >= BATCH_DOCUMENTS or batch_bytes > BATCH_BYTES:
                    flush()
        except SourceError as error:
            summary.failed += 1
            if on_error is not None:
                on_error(error)
            elif not in_folder:  # a binary or unreadable file inside a folder is skipped
                raise
        if on_progress is not None:
            on_progress(item)
    flush()
    if prune:
        summary.removed = index.remove(stale_sources(index.sources(), sources, seen))
    return summary


def build_corpus(
    sources: Iterable[str],
    *,
    reference_date: str | None = None,
    on_error: Callable[[SourceError], None] | None = None,
) -> Index:
    """An in-memory index of ``sources``, built as ``factcheck index add`` builds one.

    A source that fails goes to ``on_error`` (when given) once the others are read; when no
    document at all could be read, the run fails with the first error, as one error."""
    index = Index(None)
    errors: list[SourceError] = []
    add_sources(index, sources, reference_date=reference_date, on_error=errors.append)
    if not index.document_count():
        raise errors[0] if errors else SourceError("no readable documents in the given sources")
    for error in errors:
        if on_error is None:
            raise error
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
