"""Which sources a command looks at, and how a document becomes indexed evidence.

The order is the contract's: ``--source`` (an in-memory index built now), else a non-empty
index at ``--db`` / ``FACTCHECK_DB`` / the user data directory, else the bundled example.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path

from factcheck.errors import IndexingError, NotADocumentError, SourceError
from factcheck.passages import passages_of
from factcheck.records import Document, Passage, Quote
from factcheck.sources import HeldErrors, bundled_sources, iter_folder, read_source, require_paths
from factcheck.store import Index, content_hash
from factcheck.text import sentence_spans

BATCH_DOCUMENTS = 100  # documents per transaction: what a crash can lose at most
BATCH_BYTES = 8 * 2**20  # ... and a bound on the text a batch holds in memory
AHEAD = 4  # documents per worker process sent ahead of storing: workers never idle, memory flat


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
    skipped: int = 0  # files in a folder that are no documents (binary, too large)
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
    """A source as the persistent index labels it: local paths absolute, their folder resolved
    (symlinks followed), so one file added as ``archive/a.txt`` and as ``/home/me/archive/a.txt``
    is one document, and the label means the same from any folder; URLs as given."""
    if "://" in source:
        return source
    absolute = os.path.join(os.getcwd(), source)
    folder, name = os.path.split(absolute)
    if name in {"", ".", ".."} or os.path.isdir(absolute):
        return str(Path(absolute).resolve())
    return os.path.join(resolved_folder(folder), name)


@lru_cache(maxsize=1024)
def resolved_folder(folder: str) -> str:
    """An absolute folder, resolved once per process: resolving every file of an archive
    would cost 40 microseconds each (pathlib), 4 s for 100,000 files re-added unchanged."""
    return str(Path(folder).resolve())


def resolved_label(label: str, item: str) -> str:
    """The label of a document read from ``item`` (a path as the user gave it) with that path
    resolved (:func:`source_key`): how the persistent index labels it."""
    given = str(Path(item))
    if "://" in item or not label.startswith(given):
        return label  # a URL, or a bundled seed (cited as seeds/NAME wherever it is)
    return source_key(item) + label[len(given) :]


def source_roots(source: str) -> list[str]:
    """The labels ``source`` and what lies below it may be indexed under: resolved, and (in
    indexes made before paths were resolved) normalised as given."""
    as_given = source if "://" in source else str(Path(source))
    return list(dict.fromkeys([source_key(source), as_given]))


def stale_sources(indexed: Iterable[str], given: Iterable[str], seen: set[str]) -> list[str]:
    """Indexed sources equal to, or inside, one of ``given`` that were not ``seen``: inside
    a folder (``archive/story.txt``) or a JSON file of records (``records.jsonl#3``)."""
    roots = [root for source in given for root in source_roots(source)]
    prefixes = tuple(root.rstrip("/") + mark for root in roots for mark in "/#")
    return [
        source
        for source in indexed
        if source not in seen and (source in roots or source.startswith(prefixes))
    ]


def indexed_passages(document: Document, reference_date: str | None) -> list[Passage]:
    """What the index stores of a document: its passages (quotes are passages too). Runs in
    worker processes, so it is a module-level function, and it looks ``analyse`` up when
    called, so a forked worker uses the same one as this process."""
    return analyse(document, reference_date=reference_date)[1]


def start_worker() -> None:
    """A worker process's start. Ctrl-C reaches the whole process group, and only the main
    process should handle it (it stops the pool), so workers ignore it and print no
    traceback. And a worker exits when the main process is gone (killed): left alone, it
    would wait for work forever."""
    import multiprocessing
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=exit_after, args=(parent.join,), daemon=True).start()


def exit_after(wait: Callable[[], None]) -> None:
    """A worker's watch on the main process: ``wait`` returns when it has exited."""
    wait()
    os._exit(1)


Pending = Callable[[], list[Passage]]  # waits for, and returns, one document's passages


@contextmanager
def analyser(jobs: int, reference_date: str | None) -> Iterator[Callable[[Document], Pending]]:
    """``start(document)`` starts analysing ``document`` and returns what waits for its
    passages: with one job, the analysis is done at once in this process; with more, in a
    pool of ``jobs`` worker processes (forked on Linux: they start at once, with every module
    already imported). Leaving early (an error, Ctrl-C) cancels what has not started and
    waits for the documents being analysed, so no worker outlives the run."""
    if jobs <= 1:

        def now(document: Document) -> Pending:
            passages = indexed_passages(document, reference_date)
            return lambda: passages

        yield now
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=start_worker)
    try:
        yield lambda document: pool.submit(indexed_passages, document, reference_date).result
    except BrokenProcessPool:  # a worker was killed (out of memory, say)
        raise IndexingError(
            "a worker process died while analysing (out of memory?): run again with fewer "
            "--jobs; every batch stored before it is kept"
        ) from None
    finally:
        pool.shutdown(cancel_futures=True)


class InOrder:
    """Steps run in the order they are given, so results are stored, and callbacks called, in
    source order whatever finishes first. A step that waits for an analysis is held back
    until more than ``ahead`` of them are pending (or :meth:`finish`), which keeps that many
    documents being analysed while this process reads and stores; any other step runs as
    soon as every step before it has."""

    def __init__(self, ahead: int):
        self.ahead = ahead
        self.steps: deque[tuple[Callable[[], None], bool]] = deque()
        self.waiting = 0

    def then(self, step: Callable[[], None], *, waits: bool = False) -> None:
        self.steps.append((step, waits))
        self.waiting += waits
        self._run(self.ahead)

    def finish(self) -> None:
        self._run(0)

    def _run(self, ahead: int) -> None:
        while self.steps and (self.waiting > ahead or not self.steps[0][1]):
            step, waits = self.steps.popleft()
            self.waiting -= waits
            step()


def add_sources(
    index: Index,
    sources: Iterable[str],
    *,
    reference_date: str | None = None,
    prune: bool = False,
    on_progress: Callable[[str], None] | None = None,
    on_error: Callable[[SourceError], None] | None = None,
    jobs: int = 1,
    resolve_paths: bool = True,
) -> AddSummary:
    """Index ``sources`` incrementally, streaming: a source whose text is already indexed is
    skipped before analysis, a changed one replaces its old version, and documents are
    committed in batches so an interrupted run keeps every batch before the interruption.

    ``prune`` then removes indexed documents under ``sources`` that are gone. A source that
    fails goes to ``on_error`` (else raises) once a document was read; when none is, the
    last problem raises (:class:`HeldErrors`). A file in a folder that is no document is
    reported too, but counted as skipped, not failed. ``on_progress`` gets each source when
    done.
    ``jobs`` > 1 analyses documents in that many worker processes; reading, skipping
    unchanged documents, storing and the callbacks stay here, in source order, so the index
    and everything reported are the same as with one job.

    ``resolve_paths`` labels local files by :func:`source_key` (a persistent index); a
    document indexed under its path as given by an older version is recognised, and
    replaced by the resolved label only when it changed."""
    sources = list(sources)
    summary, seen = AddSummary(), set()
    relabelled: list[str] = []  # documents indexed under their old label, now stored anew
    batch: list[tuple[Document, list[Passage]]] = []
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch_bytes
        index.add_batch(batch)
        batch.clear()
        batch_bytes = 0

    def store(document: Document, size: int, passages: Pending) -> None:
        nonlocal batch_bytes
        batch.append((document, passages()))
        batch_bytes += size
        if len(batch) >= BATCH_DOCUMENTS or batch_bytes > BATCH_BYTES:
            flush()

    def fail(error: SourceError, in_folder: bool) -> None:
        if in_folder and isinstance(error, NotADocumentError):  # a picture beside articles
            summary.skipped += 1
            error = SourceError(f"{error} (skipped)")
        else:
            summary.failed += 1
        if problems is not None:
            problems(error)
        elif not in_folder:  # an unreadable file inside a folder is skipped
            raise error

    problems = HeldErrors(on_error) if on_error is not None else None
    found = False  # a document was read
    steps = InOrder(ahead=AHEAD * jobs if jobs > 1 else 0)

    def notice(error: SourceError) -> None:
        """A problem that does not stop its source (a bad record, a page cut short)."""
        if problems is not None:
            steps.then(partial(problems, error))

    with analyser(jobs, reference_date) as start:
        for item, in_folder in source_items(sources):
            try:
                for read in read_source(item, on_error=notice):  # errors name it as given
                    if not found and problems is not None:
                        steps.then(problems.release)
                    found = True
                    document = read
                    if resolve_paths:
                        document = replace(read, source=resolved_label(read.source, item))
                    label, known = indexed_under(index, document.source, read.source)
                    if prune:  # a set of every source read: kept only when it is needed
                        seen.update((label, document.source))
                    if known == content_hash(document.text):
                        summary.unchanged += 1
                        continue
                    if known is None:
                        summary.added += 1
                    else:
                        summary.updated += 1
                    if label != document.source:
                        relabelled.append(label)
                    size = len(document.text.encode("utf-8", "surrogatepass"))
                    summary.bytes += size
                    steps.then(partial(store, document, size, start(document)), waits=True)
            except SourceError as error:
                steps.then(partial(fail, error, in_folder))
            if on_progress is not None:
                steps.then(partial(on_progress, item))
        steps.finish()
    if not found and problems is not None:
        problems.raise_last()
    flush()
    if relabelled:
        index.remove(relabelled)
    if prune:
        summary.removed = index.remove(stale_sources(index.sources(), sources, seen))
    return summary


def indexed_under(index: Index, label: str, legacy: str) -> tuple[str, str | None]:
    """The label a document is indexed under (``label``, else its ``legacy`` label: the path
    as given, in indexes made before paths were resolved) and the hash of its indexed text;
    ``(label, None)`` when it is not indexed."""
    known = index.indexed_hash(label)
    if known is None and legacy != label and (old := index.indexed_hash(legacy)) is not None:
        return legacy, old
    return label, known


def build_corpus(
    sources: Iterable[str],
    *,
    reference_date: str | None = None,
    on_error: Callable[[SourceError], None] | None = None,
) -> Index:
    """An in-memory index of ``sources``, built as ``factcheck index add`` builds one.

    A source that fails goes to ``on_error`` (when given) once the others are read; when no
    document at all could be read, the run fails with the last error, as one error."""
    index = Index(None)
    errors: list[SourceError] = []
    try:
        add_sources(
            index,
            sources,
            reference_date=reference_date,
            on_error=errors.append,
            resolve_paths=False,
        )
    except SourceError:  # nothing could be read: the others first, then this one
        for error in errors if on_error is not None else ():
            on_error(error)
        raise
    if not index.document_count():
        raise SourceError("no readable documents in the given sources")
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
    require_db: bool = False,
) -> Corpus:
    """What a command reads: ``sources`` (each must exist), else the index at ``db`` when it
    holds documents (``require_db``: it must exist), else the bundled example corpus."""
    sources = list(sources)
    if sources:
        require_paths(sources)
        return Corpus(build_corpus(sources, reference_date=reference_date, on_error=on_error))
    path = resolve_db_path(db)
    if path.exists() or require_db:  # a --db that names nothing is an error, not the example
        index = Index(path, create=False, read_only=True)
        if index.document_count():
            return Corpus(index)
        index.close()
    return Corpus(build_corpus(bundled_sources(), reference_date=reference_date), bundled=True)
