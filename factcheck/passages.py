"""Passages: the units of evidence a claim is checked against.

Every quote attribution found is a passage, carrying its speaker, role and date; every other
sentence of the article is a ``narrative`` passage (the article's own voice, e.g. "The
Kremlin on December 8 denied intentions to impose political terms."), dated when the sentence
names a date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from factcheck.dates import find_dates, with_year, year_of
from factcheck.names import is_organisation_name
from factcheck.records import Document, Passage, Quote
from factcheck.text import sentence_spans

_DIGIT_RE = re.compile(r"\d")


def _covered(start: int, end: int, quotes: list[Quote]) -> bool:
    """Whether a sentence is mostly made of quoted words already kept as quote passages."""
    quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return quoted >= 0.5 * (end - start)


def _coverage(quotes: list[Quote]) -> Callable[[int, int], bool]:
    """:func:`_covered` for many sentences: when the quotes come in order (starts and ends
    ascending, as attribution returns them) only those that overlap a sentence are summed;
    the others add nothing, so the sum is the same."""
    starts, ends = [q.start for q in quotes], [q.end for q in quotes]
    if starts != sorted(starts) or ends != sorted(ends):
        return lambda start, end: _covered(start, end, quotes)

    def covered(start: int, end: int) -> bool:
        first, last = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)
        return _covered(start, end, quotes[first:last])

    return covered


def narrative_passage(
    document: Document, start: int, end: int, *, has_digit: bool = True
) -> Passage:
    """A sentence of the article's own voice; ``has_digit`` False says it has no digit,
    so no date (every date has a day number) and it need not be searched."""
    sentence = document.text[start:end]
    dates = find_dates(sentence) if has_digit else []
    date, date_text = (dates[0][3], dates[0][2]) if dates else (None, None)
    return Passage(
        text=sentence,
        source=document.source,
        line=document.line_of(start),
        start=start,
        end=end,
        kind="narrative",
        date=with_year(date, year_of(document.date)),
        date_text=date_text,
        document_date=document.date,
        url=document.url,
    )


def passages_of(
    document: Document,
    quotes: list[Quote],
    sentences: list[tuple[int, int]] | None = None,
) -> list[Passage]:
    """Quote passages plus narrative sentences, in document order. ``sentences``: the
    document's :func:`~factcheck.text.sentence_spans`, when the caller has them already."""
    passages = [Passage.from_quote(q, document=document) for q in quotes if q.kind != "indirect"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    covered = _coverage([q for q in quotes if q.kind != "indirect"])
    if sentences is None:
        sentences = sentence_spans(document.text)
    said = [q for q in quotes if q.speaker]
    said_ends = [q.end for q in said]
    previous_start = 0  # where the sentence before this one starts
    for start, end in sentences:
        before, previous_start = previous_start, start
        if covered(start, end):
            continue
        reported = next((q for q in indirect if q.start < end and q.end > start), None)
        if reported is not None:
            passage = Passage.from_quote(reported, document=document)
            passages.append(replace(passage, text=document.text[start:end], start=start, end=end))
            continue
        has_digit = _DIGIT_RE.search(document.text, start, end) is not None
        passage = narrative_passage(document, start, end, has_digit=has_digit)
        if _PRONOUN_START_RE.match(document.text, start, end):
            index = bisect.bisect_right(said_ends, start) - 1
            last = said[index] if index >= 0 else None
            if last and last.end > before and not is_organisation_name(last.speaker):
                passage = replace(passage, speaker=last.speaker, role=last.role)
        passages.append(passage)
    return sorted(passages, key=lambda p: p.start)


# A sentence about the one quoted in the sentence just before: "She rejected the idea that
# ...", "He blamed misinformation ...". It is given that speaker, as the article's report.
_PRONOUN_START_RE = re.compile(r"(?:He|She)\s+(?:also\s+|later\s+|then\s+)?[a-z]")
