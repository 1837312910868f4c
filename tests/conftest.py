"""Fixtures shared by the test files. Tests never touch the user's real index or data dir."""

from __future__ import annotations

import re

import pytest

from factcheck.passages import passages_of
from factcheck.records import Document, Quote


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """The user data directory is a temporary one, and no FACTCHECK_DB leaks in."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


def quote_marks_analysis(document: Document, *, reference_date: str | None = None):
    """A stand-in for attribution: every "..." is a direct quote by nobody in particular."""
    quotes = [
        Quote(
            quote=m.group(1),
            speaker=None,
            role=None,
            kind="direct",
            date=None,
            date_text=None,
            source=document.source,
            line=document.line_of(m.start(1)),
            start=m.start(1),
            end=m.end(1),
        )
        for m in re.finditer(r'"([^"]+)"', document.text)
    ]
    return quotes, passages_of(document, quotes)


@pytest.fixture
def fake_attribution(monkeypatch):
    """Index with :func:`quote_marks_analysis`, so storage tests do not depend on attribution."""
    monkeypatch.setattr("factcheck.corpus.analyse", quote_marks_analysis)
