"""Draft checking as a library: verify_draft_quotes does each verification once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from paths import REPO

from factcheck import draft as draft_module
from factcheck.corpus import build_corpus
from factcheck.draft import find_draft_quotes, read_draft, verify_draft_quote, verify_draft_quotes

ARCHIVE = REPO / "fixtures/drafts/archive"
WEEK = REPO / "fixtures/drafts/drafts/transit-week.md"


@pytest.fixture(scope="module")
def index():
    index = build_corpus([str(ARCHIVE)])
    yield index
    index.close()


def quotes_of(path: Path):
    return find_draft_quotes(read_draft(path)).quotes


def test_findings_are_those_of_each_quote_alone_in_draft_order(index):
    quotes = quotes_of(WEEK)
    findings = verify_draft_quotes(quotes, index=index)
    assert [f.quote for f in findings] == list(quotes)
    assert [f.to_dict() for f in findings] == [
        verify_draft_quote(q, index=index).to_dict() for q in quotes
    ]


def test_a_quote_given_twice_is_verified_once(index, tmp_path, monkeypatch):
    again = tmp_path / "again.md"
    again.write_text(WEEK.read_text(encoding="utf-8"), encoding="utf-8")
    quotes = [*quotes_of(WEEK), *quotes_of(again)]
    asked = []

    def counting(quote, **kwargs):
        asked.append(quote)
        return verify_quote(quote, **kwargs)

    verify_quote = draft_module.verify_quote
    monkeypatch.setattr(draft_module, "verify_quote", counting)
    findings = verify_draft_quotes(quotes, index=index)
    assert len(asked) == len(quotes) // 2 == len(set(asked))
    half = len(quotes) // 2
    assert [f.status for f in findings[:half]] == [f.status for f in findings[half:]]
    assert {f.quote.file for f in findings[half:]} == {str(again)}


def test_the_same_words_with_another_speaker_are_verified_again(index):
    quote = quotes_of(WEEK)[0]
    other = replace(quote, speaker="Somebody Else")
    first, second = verify_draft_quotes([quote, other], index=index)
    assert second.check.claimed_speaker == "Somebody Else"
    assert first.check.claimed_speaker == quote.speaker


def test_the_index_is_counted_once_per_check(index):
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        findings = verify_draft_quotes(quotes_of(WEEK), index=index)
    finally:
        index.db.set_trace_callback(None)
    assert len(findings) > 1
    assert sum("count(*) FROM documents" in s for s in statements) <= 1
    assert {f.check.searched for f in findings} == {index.document_count()}


def draft_quotes(tmp_path, text: str) -> list[str]:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return [q.quote for q in quotes_of(path)]


def test_a_quote_split_around_its_attribution_is_one_quote(tmp_path):
    text = "“We will not,” the mayor said, “raise the fares this year.”\n"
    assert draft_quotes(tmp_path, text) == ["We will not, raise the fares this year."]


@pytest.mark.parametrize(
    "text",
    [
        "“As I look out my window, I see the lights of the city,” he said. The streets were"
        " deserted, he added, “but people need to connect somehow.”\n",
        "“We could win enough delegates all the way through California,” which votes June 7."
        " Still, Mr. Devine acknowledged, “we're going to need some big wins.”\n",
    ],
)
def test_quotes_in_two_sentences_are_not_one_quote(tmp_path, text):
    assert len(draft_quotes(tmp_path, text)) == 2
