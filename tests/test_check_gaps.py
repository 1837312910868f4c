"""False alarms of draft checking whose cause lay (or lies) in verification or the index, not
in finding the draft's quotes. Each draft here quotes its source exactly, so every quote
should be VERIFIED; known gaps are strict xfails, so a fix shows up as a pass to turn into
a plain test."""

from __future__ import annotations

import pytest

from factcheck.corpus import build_corpus
from factcheck.draft import check_draft, read_draft

FRONT = "---\ndate: 2016-01-10\n---\n"


def statuses(tmp_path, text: str, draft_text: str | None = None) -> list[tuple[str, str]]:
    """The draft's quotes and their statuses; the draft is the source itself unless given."""
    source, draft = tmp_path / "source.md", tmp_path / "draft.md"
    source.write_text(FRONT + text, encoding="utf-8")
    draft.write_text(FRONT + (text if draft_text is None else draft_text), encoding="utf-8")
    index = build_corpus([str(source)])
    try:
        return [(f.quote.quote, f.status) for f in check_draft(read_draft(draft), index=index)]
    finally:
        index.close()


SPLIT = """Supporters of some other candidates gathered outside. Other candidates thanked
their supporters.

“Supporters of some other candidates,” Morton Blackwell added, “have focused largely on
paid advertising that has a limited effect on identifying voters and getting them to
participate personally in caucuses and primaries.”
"""


def test_a_split_quote_whose_first_half_has_only_common_words(tmp_path):
    found = statuses(tmp_path, SPLIT)
    assert [status for _, status in found] == ["VERIFIED"]


@pytest.mark.xfail(
    strict=True,
    reason="store.query_terms drops one-letter words, so a one-letter quote has no query"
    " and nothing is searched: NOT FOUND",
)
def test_a_one_letter_quote(tmp_path):
    found = statuses(tmp_path, "“A,” said Mary Smith when asked for her grade.\n")
    assert found == [("A,", "VERIFIED")]


@pytest.mark.parametrize(
    "source, draft",
    [
        # a body speaks through its spokesperson; its name has "and" in it
        (
            "The Department of Health and Social Care said the government was investing record "
            "sums. A spokesperson for the department said: 'We expect every trust to use its "
            "funding, and we will hold them to account.'",
            "# Health\n\nThe Department of Health and Social Care said it would 'hold them to "
            "account'.",
        ),
        # a relative called by first name in the draft, in full in the source
        (
            "Anna Lindqvist backs the port; her brother, Erik Lindqvist, opposes it. “They "
            "want to pour concrete over the spawning grounds,” Erik Lindqvist said.",
            "Her brother, Erik, put it differently: “They want to pour concrete over the "
            "spawning grounds.”",
        ),
        # a split quote whose first half has only common words
        (
            "Harbourvale's mayor, Johan Berg, said the council had not taken a position. “We "
            "will,” he said, “when we have seen the final environmental report.”",
            "The mayor, Johan Berg, was cautious. “We will,” he said, “when we have seen the "
            "final environmental report.”",
        ),
    ],
)
def test_a_draft_may_name_the_speaker_another_way(tmp_path, source, draft):
    assert [status for _, status in statuses(tmp_path, source, draft)] == ["VERIFIED"]
