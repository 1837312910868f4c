"""The index: passages and quotes in SQLite with FTS5, persistent or in memory.

``--source`` runs build an in-memory index through the same code as ``factcheck index add``,
so both paths give the same answers. Retrieval is two-step: BM25 over FTS5 finds candidate
passages cheaply, then :mod:`factcheck.match` re-ranks only those candidates.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path

from factcheck.errors import StoreError
from factcheck.records import Document, Passage
from factcheck.text import words

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT, url TEXT, author TEXT, outlet TEXT, date TEXT,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL, source TEXT NOT NULL, line INTEGER, start INTEGER, "end" INTEGER,
    kind TEXT NOT NULL, speaker TEXT, role TEXT, date TEXT, date_text TEXT,
    document_date TEXT, url TEXT
);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    text, speaker, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
PASSAGE_FIELDS = [f.name for f in fields(Passage)]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fts_query(text: str) -> str:
    """An FTS5 query matching any word of ``text``: each word quoted, so no user text can be
    FTS syntax (``AND``, ``NEAR``, ``*``, unbalanced quotes)."""
    unique = dict.fromkeys(w for w in words(text) if len(w) > 1)
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in unique)


class Index:
    """A passage index; ``path=None`` keeps it in memory."""

    def __init__(self, path: str | Path | None = None):
        self.path = str(path) if path else ":memory:"
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
            self.db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            self.db.commit()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable index ({error})") from None

    def close(self) -> None:
        self.db.close()

    def add(self, document: Document, passages: Iterable[Passage]) -> None:
        """Store a document and its passages, replacing an earlier version of the source."""
        with self.db:
            self.db.execute("DELETE FROM documents WHERE source = ?", (document.source,))
            cursor = self.db.execute(
                "INSERT INTO documents (source, hash, title, url, author, outlet, date, size)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.source,
                    content_hash(document.text),
                    document.title,
                    document.url,
                    document.author,
                    document.outlet,
                    document.date,
                    len(document.text),
                ),
            )
            document_id = cursor.lastrowid
            for passage in passages:
                values = [getattr(passage, name) for name in PASSAGE_FIELDS]
                row = self.db.execute(
                    f"INSERT INTO passages (document_id, {', '.join(map(_column, PASSAGE_FIELDS))})"
                    f" VALUES (?, {', '.join('?' * len(PASSAGE_FIELDS))})",
                    [document_id, *values],
                ).lastrowid
                self.db.execute(
                    "INSERT INTO passages_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                    (row, passage.text, passage.speaker or ""),
                )

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def candidates(self, text: str, *, limit: int = 100) -> list[Passage]:
        """Passages sharing words with ``text``, best BM25 first."""
        query = fts_query(text)
        if not query:
            return []
        columns = ", ".join(f"p.{_column(name)}" for name in PASSAGE_FIELDS)
        rows = self.db.execute(
            f"SELECT {columns} FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
            " WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?",
            (query, limit),
        )
        return [Passage(*row) for row in rows]


def _column(name: str) -> str:
    return '"end"' if name == "end" else name
