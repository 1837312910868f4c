"""The index: passages and quotes in SQLite with FTS5, persistent or in memory.

``--source`` runs build an in-memory index through the same code as ``factcheck index add``,
so both paths give the same answers. Retrieval is two-step: BM25 over FTS5 finds candidate
passages cheaply, then rapidfuzz re-ranks only those candidates.

Safety comes from SQLite itself: WAL mode (readers never wait for a writer), one
``BEGIN IMMEDIATE`` transaction per batch (a killed run keeps every batch committed before
it), and a busy timeout plus retries so two writers take turns instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from itertools import accumulate, combinations
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple, TypeVar

from factcheck.errors import StoreError
from factcheck.records import Document, Passage
from factcheck.text import STOPWORDS, normalize, words

T = TypeVar("T")

BUSY_TIMEOUT = 10.0  # seconds SQLite waits for another writer's lock, per attempt
WRITE_ATTEMPTS = 5
CONNECTION_PRAGMAS = ("foreign_keys = ON", "synchronous = NORMAL")
TOKENIZER = "porter unicode61 remove_diacritics 2"
ROW_BUDGET = 3000  # passages a lookup may rank by BM25 (about 5 microseconds each)
RARE_TERMS = 5  # the most words a lookup searches for

# Migration i upgrades schema version i to i + 1; a new database runs them all, so the
# upgrade path of old databases is exercised by every test that creates one.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: documents, passages and a full-text table holding its own copy of the text.
    f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        title TEXT, url TEXT, author TEXT, outlet TEXT, date TEXT,
        size INTEGER NOT NULL
    );
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL, source TEXT NOT NULL, line INTEGER, start INTEGER, "end" INTEGER,
        kind TEXT NOT NULL, speaker TEXT, role TEXT, date TEXT, date_text TEXT,
        document_date TEXT, url TEXT
    );
    CREATE INDEX passages_document ON passages(document_id);
    CREATE VIRTUAL TABLE passages_fts USING fts5(text, speaker, tokenize = '{TOKENIZER}');
    """,
    # 1 -> 2: per-document counts for `index list`; the full-text table reads its text from
    # `passages` (external content) so text is stored once, kept in step by triggers.
    f"""
    ALTER TABLE documents ADD COLUMN passages INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN indexed_at TEXT;
    UPDATE documents SET
        passages = (SELECT count(*) FROM passages p WHERE p.document_id = documents.id),
        quotes = (SELECT count(*) FROM passages p
                  WHERE p.document_id = documents.id AND p.kind != 'narrative');
    DROP TABLE passages_fts;
    CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, speaker, content = 'passages', content_rowid = 'id', tokenize = '{TOKENIZER}'
    );
    CREATE TRIGGER passages_insert AFTER INSERT ON passages BEGIN
        INSERT INTO passages_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END;
    CREATE TRIGGER passages_delete AFTER DELETE ON passages BEGIN
        INSERT INTO passages_fts (passages_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END;
    INSERT INTO passages_fts (passages_fts) VALUES ('rebuild');
    CREATE INDEX passages_quote ON passages(kind) WHERE kind != 'narrative';
    """,
    # 2 -> 3: the full-text table is written by one statement per document instead of
    # per-row triggers, which made FTS5 flush a tiny segment for every passage (8x slower).
    """
    DROP TRIGGER passages_insert;
    DROP TRIGGER passages_delete;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

PASSAGE_FIELDS = [f.name for f in fields(Passage)]
PASSAGE_COLUMNS = ", ".join(f'"{name}"' for name in PASSAGE_FIELDS)
passage_values = attrgetter(*PASSAGE_FIELDS)
DOCUMENT_FIELDS = ("source", "hash", "title", "url", "author", "outlet", "date", "size")


class Lookup(NamedTuple):
    """One FTS5 query of a lookup, and whether its matches are ranked by BM25."""

    query: str
    ranked: bool


@dataclass(frozen=True)
class IndexedDocument:
    """A row of ``factcheck index list``."""

    source: str
    title: str | None
    date: str | None
    passages: int
    quotes: int
    size: int
    indexed_at: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class IndexStats:
    path: str
    schema_version: int
    documents: int
    passages: int
    quotes: int
    speakers: int
    text_bytes: int
    size_on_disk: int

    def to_dict(self) -> dict:
        return asdict(self)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def query_terms(text: str) -> list[str]:
    """The distinct words of ``text`` worth searching for: stopwords go unless nothing else
    is left ("Who said it?" still finds something)."""
    unique = list(dict.fromkeys(w for w in words(text) if len(w) > 1 or w.isdigit()))
    content = [w for w in unique if w not in STOPWORDS]
    return content or unique


def fts_phrase(term: str) -> str:
    """One FTS5 string token: quoted, so no user text is ever FTS syntax (``AND``, ``NEAR``,
    ``*``, ``:``, unbalanced quotes)."""
    return '"' + term.replace('"', '""') + '"'


def any_of(queries: Iterable[str]) -> str:
    queries = list(queries)
    return queries[0] if len(queries) == 1 else " OR ".join(f"({q})" for q in queries)


def all_of(terms: Iterable[str]) -> str:
    return " AND ".join(map(fts_phrase, terms))


def quote_score(query: str, passage: str) -> float:
    """How well ``passage`` contains ``query``, 0-100, compared normalised: see
    :func:`containment`."""
    return containment(normalize(query), normalize(passage))


def containment(query: str, passage: str) -> float:
    """rapidfuzz ``partial_ratio`` when the passage is at least as long as the query, else
    plain ``ratio`` (so "No." does not match every query containing "no" perfectly)."""
    from rapidfuzz.fuzz import partial_ratio, ratio

    return (partial_ratio if len(passage) >= len(query) else ratio)(query, passage)


def describe(error: sqlite3.Error) -> str:
    """A short reason a user can act on, from SQLite's error message."""
    message = str(error)
    reasons = {
        "file is not a database": "not an index (not an SQLite database, or corrupt)",
        "database disk image is malformed": "the index is corrupt",
        "database or disk is full": "disk is full",
        "readonly database": "the index is read-only",
        "unable to open database file": "cannot open or create the index here",
        "database is locked": "the index is busy (another process keeps writing)",
    }
    return next((reason for key, reason in reasons.items() if key in message), message)


def prepare_location(path: Path, *, create: bool) -> None:
    """Create the index's folder when needed, or refuse a missing index when not creating."""
    if not create and not path.exists():
        raise StoreError(f"{path}: no index yet (add documents with 'factcheck index add')")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path}: cannot create its folder ({error.strerror})") from None


def is_writable(path: Path) -> bool:
    """Whether this process may write the index file and create its WAL files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, to an index on a read-only file or folder.

    ``mode=ro`` reads a WAL index when its ``-shm`` file exists or can be created; in a
    read-only folder without one, only ``immutable=1`` opens it (it assumes nobody changes
    the file meanwhile: nobody who can write there is expected to, on a read-only share).
    """
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


class Index:
    """A passage index in an SQLite file; ``path=None`` keeps it in memory.

    ``create=False`` refuses to create a missing file (for commands that only read or remove).
    ``read_only=True`` (for commands that only read) opens a file this process may not write
    without writing anything, so an archive index on a read-only share can be searched.
    """

    def __init__(
        self, path: str | Path | None = None, *, create: bool = True, read_only: bool = False
    ):
        self.path = str(path) if path else ":memory:"
        self._last_counted: tuple[tuple, list[tuple[int, int, str]]] = ((), [])
        self._last_document_count: tuple[int | None, int] = (None, 0)
        if self.path != ":memory:":
            prepare_location(Path(self.path), create=create and not read_only)
        with self._errors():
            if self.path != ":memory:" and read_only and not is_writable(Path(self.path)):
                self.db = connect_read_only(Path(self.path))
            else:
                self.db = self._connect()
            self._migrate()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        for pragma in CONNECTION_PRAGMAS:
            db.execute(f"PRAGMA {pragma}")
        if self.path != ":memory:" and db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        return db

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # Transactions and errors --------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {describe(error)}") from None

    def _write(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one IMMEDIATE transaction: all of it is committed, or none. A writer
        that finds the index locked longer than the busy timeout retries a few times."""
        self._last_counted = ((), [])
        self._last_document_count = (None, 0)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt + 1 == WRITE_ATTEMPTS:
                    raise StoreError(f"{self.path}: {describe(error)}") from None
                time.sleep(0.1 * 2**attempt)
                continue
            try:
                with self._errors():
                    result = work()
                    self.db.execute("COMMIT")
                return result
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        raise AssertionError("unreachable")

    # Schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        """0 for an empty database; raises when the file holds something else."""
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return 0
        if "meta" not in tables:
            raise StoreError(f"{self.path}: an SQLite database, but not a factcheck index")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        self._write(self._apply_migrations)

    def _apply_migrations(self) -> None:
        # Checked again inside the transaction: another process may have migrated meanwhile.
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer factcheck (schema {version}); upgrade factcheck"
            )
        for script in MIGRATIONS[version:]:
            for statement in sql_statements(script):
                self.db.execute(statement)
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )

    # Writing ------------------------------------------------------------------------------

    def add(self, document: Document, passages: Iterable[Passage]) -> None:
        """Store a document and its passages, replacing an earlier version of the source."""
        self.add_batch([(document, list(passages))])

    def add_batch(self, batch: Iterable[tuple[Document, Sequence[Passage]]]) -> int:
        """Store documents with their passages in one transaction; returns how many."""
        batch = list(batch)
        return self._write(lambda: sum(self._insert(d, p) for d, p in batch))

    def _insert(self, document: Document, passages: Sequence[Passage]) -> int:
        self._delete_sources([document.source])
        quotes = sum(p.kind != "narrative" for p in passages)
        document_id = self.db.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_FIELDS)}, passages, quotes, indexed_at)"
            f" VALUES ({', '.join('?' * len(DOCUMENT_FIELDS))}, ?, ?,"
            " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            (
                document.source,
                content_hash(document.text),
                document.title,
                document.url,
                document.author,
                document.outlet,
                document.date,
                len(document.text.encode("utf-8", "surrogatepass")),  # bytes, as stats says
                len(passages),
                quotes,
            ),
        ).lastrowid
        self.db.executemany(
            f"INSERT INTO passages (document_id, {PASSAGE_COLUMNS})"
            f" VALUES (?, {', '.join('?' * len(PASSAGE_FIELDS))})",
            ((document_id, *passage_values(p)) for p in passages),
        )
        self.db.execute(
            "INSERT INTO passages_fts (rowid, text, speaker)"
            " SELECT id, text, speaker FROM passages WHERE document_id = ?",
            (document_id,),
        )
        return 1

    def _delete_sources(self, sources: Sequence[str]) -> int:
        removed = 0
        for source in sources:
            row = self.db.execute("SELECT id FROM documents WHERE source = ?", (source,))
            found = row.fetchone()
            if found is None:
                continue
            # An external-content FTS5 table forgets a row only when told its indexed values.
            self.db.execute(
                "INSERT INTO passages_fts (passages_fts, rowid, text, speaker)"
                " SELECT 'delete', id, text, speaker FROM passages WHERE document_id = ?",
                found,
            )
            self.db.execute("DELETE FROM passages WHERE document_id = ?", found)
            removed += self.db.execute("DELETE FROM documents WHERE id = ?", found).rowcount
        return removed

    def remove(self, sources: Iterable[str]) -> int:
        """Remove documents by source, in one transaction; returns how many were indexed."""
        sources = list(sources)
        return self._write(lambda: self._delete_sources(sources))

    # Reading ------------------------------------------------------------------------------

    def indexed_hash(self, source: str) -> str | None:
        """The :func:`content_hash` of the source's indexed text, ``None`` when not indexed."""
        with self._errors():
            row = self.db.execute("SELECT hash FROM documents WHERE source = ?", (source,))
            found = row.fetchone()
        return found[0] if found else None

    def document_count(self) -> int:
        """Documents in the index. Counting costs milliseconds at 100,000 documents and every
        verification reports it, so the count is kept until the next write (by this connection,
        or by another, which changes SQLite's ``data_version``)."""
        with self._errors():
            version = self.db.execute("PRAGMA data_version").fetchone()[0]
            if self._last_document_count[0] != version:
                count = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
                self._last_document_count = (version, count)
            return self._last_document_count[1]

    def sources(self) -> list[str]:
        with self._errors():
            return [row[0] for row in self.db.execute("SELECT source FROM documents")]

    def documents(self) -> Iterator[IndexedDocument]:
        """Indexed documents, by source."""
        names = [f.name for f in fields(IndexedDocument)]
        with self._errors():
            rows = self.db.execute(
                f"SELECT {', '.join(names)} FROM documents ORDER BY source"
            ).fetchall()
        return (IndexedDocument(*row) for row in rows)

    def stats(self) -> IndexStats:
        with self._errors():
            documents, passages, quotes, text_bytes = self.db.execute(
                "SELECT count(*), coalesce(sum(passages), 0), coalesce(sum(quotes), 0),"
                " coalesce(sum(size), 0) FROM documents"
            ).fetchone()
            speakers = self.db.execute(
                "SELECT count(DISTINCT speaker) FROM passages WHERE speaker IS NOT NULL"
            ).fetchone()[0]
            version = self.schema_version()
        return IndexStats(
            path=self.path,
            schema_version=version,
            documents=documents,
            passages=passages,
            quotes=quotes,
            speakers=speakers,
            text_bytes=text_bytes,
            size_on_disk=self.size_on_disk(),
        )

    def size_on_disk(self) -> int:
        """Bytes of the database file and its write-ahead log."""
        if self.path == ":memory:":
            return 0
        files = (Path(self.path + suffix) for suffix in ("", "-wal"))
        return sum(f.stat().st_size for f in files if f.exists())

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of what is broken."""
        with self._errors():
            return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    # Retrieval ----------------------------------------------------------------------------

    def candidates(
        self, text: str, *, limit: int = 100, quotes: bool = False, every: bool = False
    ) -> list[Passage]:
        """Passages sharing the rarest words of ``text`` (see :meth:`match_queries`), so a
        lookup costs about the same in a thousand documents as in a hundred thousand;
        ``quotes=True`` keeps only quotes (passages of a kind other than ``narrative``).

        Passages matching any rare word come best BM25 first. Passages that must hold
        several common words come in index order: they are few, and BM25 would read every
        passage holding each of those words to weigh it.

        ``every=True`` is the narrow lookup for a quote said word for word: only passages
        holding all of its ``RARE_TERMS`` rarest words, in index order, and nothing when
        there are none (no looser lookup follows)."""
        only_quotes = "WHERE p.kind != 'narrative'" if quotes else ""
        columns = ", ".join(f'p."{name}"' for name in PASSAGE_FIELDS)
        # Rank inside the full-text table first: joining before the sort would fetch the
        # passage row of every match, not only of the ``limit`` best.
        select = (
            f"SELECT {columns} FROM (SELECT rowid, {{rank}} AS rank FROM passages_fts"
            "  WHERE passages_fts MATCH ? {order} LIMIT ?) AS hit"
            f" JOIN passages p ON p.id = hit.rowid {only_quotes} ORDER BY hit.rank"
        )
        ranked = select.format(rank="rank", order="ORDER BY rank")
        unranked = select.format(rank="rowid", order="")
        with self._errors():
            lookups = self.match_queries(text, every=every)
            for lookup in lookups:
                sql = ranked if lookup.ranked else unranked
                rows = self.db.execute(sql, (lookup.query, limit * (5 if quotes else 1)))
                found = rows.fetchall()
                if found:
                    return [Passage(*row) for row in found[:limit]]
        return []

    def neighbours(self, passage: Passage, gap: int) -> list[Passage]:
        """The quotes of ``passage``'s source that end at most ``gap`` characters before it
        starts or start at most ``gap`` after it ends: the other half of a split quote."""
        columns = ", ".join(f'p."{name}"' for name in PASSAGE_FIELDS)
        sql = (
            f"SELECT {columns} FROM passages p JOIN documents d ON p.document_id = d.id"
            " WHERE d.source = ? AND p.kind != 'narrative'"
            ' AND (p."end" BETWEEN ? AND ? OR p.start BETWEEN ? AND ?)'
        )
        start, end = passage.start, passage.end
        with self._errors():
            rows = self.db.execute(sql, (passage.source, start - gap, start, end, end + gap))
            return [Passage(*row) for row in rows.fetchall()]

    def match_queries(self, text: str, *, every: bool = False) -> list[Lookup]:
        """FTS5 queries for ``text``, to try in turn until one finds something.

        Words are counted first, up to ``ROW_BUDGET`` passages each (cheap: counting stops
        there). When at least three of them (or all) are rare enough to fit the budget
        together, any of those may match, ranked by BM25: a misquoted word then costs one
        term, not the match. Otherwise the rarest ``RARE_TERMS`` words must match all but
        one, then all but two, together; last, the rarest word alone.

        ``every=True``: the one query that the rarest ``RARE_TERMS`` words all match (none
        when a word of ``text`` is in no passage)."""
        counted = self._counted(text)
        if every:
            if not counted or counted[0][0] == 0:
                return []
            return [Lookup(all_of([term for _, _, term in counted[:RARE_TERMS]]), False)]
        present = [(rows, term) for rows, _, term in counted if rows]
        if not present:
            return []
        totals = accumulate(rows for rows, _ in present)
        rare = [t for (_, t), total in zip(present, totals, strict=True) if total <= ROW_BUDGET]
        terms = [term for _, term in present]
        lookups = []
        if len(rare) >= min(3, len(terms)):
            lookups.append(Lookup(any_of(all_of([term]) for term in rare), True))
        rarest = terms[:RARE_TERMS]
        for size in [n for n in (len(rarest) - 1, len(rarest) - 2) if n >= 2] or [len(rarest)]:
            lookups.append(Lookup(any_of(map(all_of, combinations(rarest, size))), False))
        lookups.append(Lookup(all_of(terms[:1]), False))
        return list(dict.fromkeys(lookups))

    def _counted(self, text: str) -> list[tuple[int, int, str]]:
        """(passages, position, term) for the :func:`query_terms` of ``text``, fewest
        passages first. The last text's counts are kept until the next write: a quote
        looked up narrowly, then broadly, counts its words once (a write by another
        connection changes SQLite's ``data_version``, which is part of the key)."""
        key = (self.db.execute("PRAGMA data_version").fetchone()[0], query_terms(text))
        if self._last_counted[0] != key:
            counted = sorted(
                (self._rows_with(term), position, term) for position, term in enumerate(key[1])
            )
            self._last_counted = (key, counted)
        return self._last_counted[1]

    def _rows_with(self, term: str) -> int:
        """Passages containing ``term``, counted up to ``ROW_BUDGET`` + 1 (so it stays cheap)."""
        return self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)",
            (fts_phrase(term), ROW_BUDGET + 1),
        ).fetchone()[0]

    def search(
        self, text: str, *, limit: int = 10, quotes: bool = False, candidates: int = 100
    ) -> list[tuple[Passage, float]]:
        """The ``limit`` passages that best contain ``text`` (:func:`quote_score`, 0-100),
        re-ranked from the first ``candidates`` of :meth:`candidates`."""
        found = self.candidates(text, limit=candidates, quotes=quotes)
        query = normalize(text)
        scored = [(passage, containment(query, normalize(passage.text))) for passage in found]
        scored.sort(key=lambda pair: pair[1], reverse=True)
        return scored[:limit]


def sql_statements(script: str) -> Iterator[str]:
    """Complete statements of an SQL script (triggers hold ``;`` inside ``BEGIN ... END``)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
