"""Quote marks: which marks in a text open and close quotations, paragraph by paragraph.

News uses straight, curly, single and guillemet quote marks, the ``''`` of some wire
services, and the German ``„…“``; the same characters are also apostrophes (``nation's``),
elisions (``’90s``), and foot and inch marks (``5' 11"``). A mark's role is read from its
neighbours, marks are paired within a paragraph, and a quote left open at a paragraph's end
continues only into a next paragraph that reopens it, so a stray mark never swallows the
rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MARK_RE = re.compile(r"'''|''|``|[\"“”„‟«»‹›‘’'″]")
_DOUBLE = frozenset(['"', "“", "”", "„", "‟", "«", "»", "''", "'''", "``", "″"])
_OPENERS = frozenset(["“", "„", "‟", "«", "‹", "‘", "``"])
_CLOSERS = frozenset(["”", "»", "›", "’", "″"])
_LINE_RE = re.compile(r"[^\n]+")
# A line broken mid-sentence: it ends in a word or comma, the next starts in lower case.
_WRAPPED_RE = re.compile(r"[\w,]\n[a-z]")
_GUILLEMETS = frozenset("«»‹›")  # French style puts spaces inside them: « Oui »
_OPEN_AFTER = set("([{—–-/:;,\"'“‘«„")
_CLOSE_BEFORE = set(".,;:!?)]}—–-/\"'”’»…")


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words between a pair of marks (or a paragraph end, for multi-paragraph quotes).

    ``opening``/``closing`` are the offsets of the marks' outer edges; ``start``/``end``
    those of the words. ``continues``: the paragraph ended inside the quote and the next
    paragraph reopens it; ``continued``: this span is such a reopening.
    """

    opening: int
    start: int
    end: int
    closing: int
    closed: bool = True
    continues: bool = False
    continued: bool = False


def _mark_roles(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a mark at ``text[start:end]`` can open and can close a quote."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    can_open = not after.isspace() and (before.isspace() or before in _OPEN_AFTER)
    can_close = not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)
    return can_open, can_close


def _classify(text: str, match: re.Match) -> tuple[bool, bool, bool] | None:
    """(is double, opens, closes) for a quote-mark match; None for apostrophes and the like."""
    mark, start, end = match.group(0), match.start(), match.end()
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    double = mark in _DOUBLE
    if not double and before.isalnum() and after.isalnum():
        return None  # apostrophe: don't, nation's, O'Neil
    if mark in ("'", '"', "″") and before.isdigit():
        return None  # foot and inch marks: 5' 11", a 55" screen
    can_open, can_close = _mark_roles(text, start, end)
    if mark == '"' and before == " " and text[start - 2 : start - 1] in ("'", "’"):
        return True, False, True  # "… 'a quote in a quote,' " said Fiorina
    if mark in _GUILLEMETS:
        return double, mark in "«‹", mark in "»›"
    if mark in _OPENERS:
        return double, can_open or not can_close, can_close and not can_open
    if mark in _CLOSERS:
        if mark == "’" and not can_close:
            return None  # elision: ’90s, rock ’n’ roll
        if mark == "”" and not before.isspace() and before not in "([{“‘«„:":
            return double, False, True  # a typed closer with no space after: “…,”Clinton said
        return double, can_open and not can_close, can_close or not can_open
    if can_open == can_close:
        return None
    return double, can_open, can_close


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a non-blank line, joined with the next one when the
    text was hard-wrapped there (a line ending mid-sentence, the next going on in lower case).
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(text):
        if not match.group(0).strip():
            continue
        if (
            spans
            and _WRAPPED_RE.match(text, spans[-1][1] - 1)
            and match.start() == spans[-1][1] + 1
        ):
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append((match.start(), match.end()))
    return spans


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _reopens(text: str, paragraph: tuple[int, int]) -> bool:
    """Whether a paragraph begins with an opening double quote mark."""
    start, end = trimmed(text, *paragraph)
    match = MARK_RE.match(text, start, end)
    if not match:
        return False
    roles = _classify(text, match)
    return bool(roles and roles[0] and roles[1])


def _pair(text: str, start: int, end: int, carried: bool) -> tuple[list[QuoteSpan], int | None]:
    """The quotes closed within one paragraph, and the opening of one left open (or None).

    Single quotes count only outside double ones (inside, they are quotes within the quote);
    a double opener inside an open double quote nests (``“… “your team” …”``).
    """
    spans: list[QuoteSpan] = []
    double_at: tuple[int, int] | None = None  # (start, end) of the open double mark
    single_at: tuple[int, int] | None = None
    depth = 0
    first = True
    continued = False
    for match in MARK_RE.finditer(text, start, end):
        roles = _classify(text, match)
        if roles is None:
            continue
        double, opens, closes = roles
        mark = (match.start(), match.end())
        if double and double_at is None:
            if opens:
                double_at, single_at, depth = mark, None, 0
                continued, first = carried and first, False
        elif double:
            if opens:
                depth += 1
            elif closes and depth:
                depth -= 1
            elif closes:
                words = trimmed(text, double_at[1], mark[0])
                if words[0] < words[1]:
                    spans.append(QuoteSpan(double_at[0], *words, mark[1], continued=continued))
                double_at = None
        elif double_at is None:
            if single_at is None:
                single_at = mark if opens else None
            elif closes:
                words = trimmed(text, single_at[1], mark[0])
                if words[0] < words[1]:
                    spans.append(QuoteSpan(single_at[0], *words, mark[1]))
                single_at = None
    if double_at is None:
        return spans, None
    words = trimmed(text, double_at[1], end)
    if words[0] < words[1]:
        spans.append(QuoteSpan(double_at[0], *words, end, closed=False, continued=continued))
    return spans, double_at[0]


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, in order; nested quotes stay inside theirs.
    ``paragraphs``: the text's :func:`paragraph_spans`, when the caller has them already."""
    spans: list[QuoteSpan] = []
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    carried = False
    for index, (start, end) in enumerate(paragraphs):
        found, left_open = _pair(text, start, end, carried)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        carried = left_open is not None and following is not None and _reopens(text, following)
        if carried and found and found[-1].opening == left_open:
            found[-1] = replace(found[-1], continues=True)
        spans.extend(found)
    return spans
