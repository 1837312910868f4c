"""`index add --jobs N`: analysis in worker processes gives the same index, and reports the
same things in the same order, as analysis in one."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from paths import FIXTURES

from factcheck.corpus import add_sources
from factcheck.errors import IndexingError, SourceError
from factcheck.store import Index


@pytest.fixture
def archive(tmp_path) -> list[str]:
    """The fixture articles, and a folder with a binary file among readable ones."""
    mixed = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "verify", mixed)
    (mixed / "binary.txt").write_bytes(b"\x00\x01binary")
    folders = [FIXTURES / "claims" / "articles", FIXTURES / "sources", mixed]
    return [*map(str, folders), str(tmp_path / "missing.txt")]


def contents(db: Path) -> dict[str, list[tuple]]:
    """Everything a run stored, but when it stored it."""
    with sqlite3.connect(db) as connection:
        documents = connection.execute(
            "SELECT id, source, hash, title, url, author, outlet, date, size, passages, quotes"
            " FROM documents ORDER BY id"
        )
        return {
            "documents": documents.fetchall(),
            "passages": connection.execute("SELECT * FROM passages ORDER BY id").fetchall(),
        }


def indexed(db: Path, sources: list[str], jobs: int) -> tuple:
    """What adding ``sources`` with ``jobs`` reported: its summary, and every progress and
    error callback in the order they came."""
    reported: list[tuple[str, str]] = []
    with Index(db) as index:
        summary = add_sources(
            index,
            sources,
            jobs=jobs,
            on_progress=lambda item: reported.append(("done", item)),
            on_error=lambda error: reported.append(("error", str(error))),
        )
    return summary, reported


def test_two_jobs_store_and_report_exactly_what_one_does(archive, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    (summary, reported) = indexed(one, archive, jobs=1)
    assert (summary, reported) == indexed(two, archive, jobs=2)
    assert contents(one) == contents(two)
    errors = [message for kind, message in reported if kind == "error"]
    assert sum(error.endswith("(skipped)") for error in errors) == summary.skipped
    assert f"{FIXTURES}/sources/records.jsonl#3: invalid JSON" in errors[0]  # bad records too
    assert errors[-2:] == [
        f"{archive[2]}/binary.txt: looks like a binary file, not text (skipped)",
        f"{archive[3]}: no such file or folder",
    ]
    assert sum(row[-1] for row in contents(two)["documents"]) > 20  # attribution found quotes


def test_unchanged_documents_are_not_analysed_again(archive, tmp_path, monkeypatch):
    db = tmp_path / "index.db"
    first, _ = indexed(db, archive, jobs=2)

    def analyse(document, **_):
        raise AssertionError(f"{document.source} analysed again")

    monkeypatch.setattr("factcheck.corpus.analyse", analyse)  # what forked workers call
    again, _ = indexed(db, archive, jobs=2)
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)


def test_a_source_that_fails_without_on_error_raises(archive, tmp_path):
    with Index(tmp_path / "index.db") as index, pytest.raises(SourceError, match="missing"):
        add_sources(index, archive, jobs=2)


def test_a_worker_that_dies_is_one_error_and_keeps_what_was_stored(tmp_path, monkeypatch):
    import os

    import factcheck.corpus

    monkeypatch.setattr(factcheck.corpus, "analyse", lambda *a, **k: os._exit(1))
    with Index(tmp_path / "index.db") as index, pytest.raises(IndexingError, match="fewer"):
        add_sources(index, [str(FIXTURES / "claims" / "articles")], jobs=2)
    with Index(tmp_path / "index.db") as index:
        assert index.integrity_check() == "ok"
