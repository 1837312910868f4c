"""Partial dates: parse what people and articles write, print ISO 8601 and short labels.

A date is an ISO string: ``YYYY-MM-DD`` when the year is known, ``--MM-DD`` (ISO 8601
month-day) when it is not. A year is never guessed: it comes from the text, the document's
metadata, or a reference date the user gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_ABBR = [
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# "December 8", "Dec. 8, 2022", "8 December 2022", "December 8th"
MONTH_DAY_RE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?"
    rf"{_MONTH.replace('month>', 'month2>')}(?:,?\s+{_YEAR.replace('year>', 'year2>')})?)\b",
    re.IGNORECASE,
)
ISO_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)$")
MONTH_DAY_ISO_RE = re.compile(r"^--(?P<month>\d\d)-(?P<day>\d\d)$")


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """ISO text for a (possibly year-less) date, or None when it is not a real date."""
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays valid
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def split_iso(value: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of an ISO date string produced by :func:`iso_date`."""
    match = ISO_RE.match(value) or MONTH_DAY_ISO_RE.match(value)
    if not match:
        return None
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    return year, int(groups["month"]), int(groups["day"])


def display_date(value: str | None) -> str:
    """A short human label: ``Dec 8`` or ``Dec 8, 2022``; empty when unknown."""
    parts = split_iso(value) if value else None
    if not parts:
        return ""
    year, month, day = parts
    label = f"{MONTH_ABBR[month]} {day}"
    return f"{label}, {year}" if year else label


def _from_match(match: re.Match) -> str | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    month = MONTHS[(groups.get("month") or groups["month2"]).lower()]
    day = int(groups.get("day") or groups["day2"])
    year_text = groups.get("year") or groups.get("year2")
    return iso_date(int(year_text) if year_text else None, month, day)


def _is_word(char: str) -> bool:
    """Whether ``char`` is a regex word character (``\\w``: the same Unicode test)."""
    return char.isalnum() or char == "_"


def _word_before(text: str, end: int, longest: int) -> int | None:
    """Where the word that ends at ``end`` begins (looking back at most ``longest``
    characters), or None when no word character ends there."""
    start = end
    while start > 0 and end - start < longest and _is_word(text[start - 1]):
        start -= 1
    return start if start < end else None


def _space_before(text: str, end: int) -> int:
    """Where the run of whitespace that ends at ``end`` begins (``end`` when there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_DIGITS_RE = re.compile(r"\d+")


def _date_starts(text: str) -> Iterator[int]:
    """Every offset a :data:`MONTH_DAY_RE` match can start at, ascending (with repeats), and
    a few more: the day's first digit follows a non-word character, and the match starts
    there (``8 December``) or at the month word before the whitespace before it
    (``Dec. 8``). Digits are rare, so this is much cheaper than trying every word."""
    for digits in _DIGITS_RE.finditer(text):
        day = digits.start()
        if day and _is_word(text[day - 1]):
            continue
        space = _space_before(text, day)
        if space < day and space:
            month_end = space - 1 if text[space - 1] == "." else space
            month = _word_before(text, month_end, 12)
            if month is not None:
                yield month
        yield day


def _matches(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` finds, trying only ``starts`` (ascending): the same
    matches whenever every match of ``pattern`` in ``text`` starts at one of them."""
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start)
        if match:
            position = match.end()
            yield match


def find_dates(text: str) -> list[tuple[int, int, str, str]]:
    """Explicit calendar dates in ``text``: (start, end, words as written, ISO date)."""
    found = []
    for match in _matches(MONTH_DAY_RE, text, _date_starts(text)):
        iso = _from_match(match)
        if iso:
            found.append((match.start(), match.end(), match.group(0), iso))
    return found


def parse_date(value: str) -> str | None:
    """Parse a date a user typed: ``2022-12-08``, ``--12-08``, ``December 8``, ``8 Dec 2022``.

    Returns the ISO string, or None when ``value`` is not a date.
    """
    value = value.strip()
    match = ISO_RE.match(value) or MONTH_DAY_ISO_RE.match(value)
    if match:
        parts = split_iso(value)
        return iso_date(*parts) if parts else None
    match = MONTH_DAY_RE.fullmatch(value.rstrip("."))
    return _from_match(match) if match else None


def with_year(value: str | None, year: int | None) -> str | None:
    """Give a year-less date the year known from elsewhere (document metadata, the user)."""
    if not value or not year or not value.startswith("--"):
        return value
    parts = split_iso(value)
    return iso_date(year, parts[1], parts[2]) if parts else value


def same_day(a: str | None, b: str | None) -> bool:
    """Whether two dates can be the same day; a missing year matches any year."""
    pa, pb = (split_iso(a) if a else None), (split_iso(b) if b else None)
    if not pa or not pb:
        return False
    if pa[0] and pb[0] and pa[0] != pb[0]:
        return False
    return pa[1:] == pb[1:]


def year_of(value: str | None) -> int | None:
    parts = split_iso(value) if value else None
    return parts[0] if parts else None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Relative day expressions as news writes them: "on Monday", "last Tuesday night", "yesterday".
RELATIVE_RE = re.compile(
    r"\b(?:(?:on|last|this|next|early|late)\s+)?(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?P<word>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:last|this|earlier\s+this)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_DAYS_BACK = {"yesterday": 1, "last night": 1, "today": 0, "tonight": 0}


# Every match of RELATIVE_RE has one of these at the end of its last word (the weekday or
# "day" word, or the word after "last", "this"): they are searched for in lower-cased text.
_RELATIVE_ANCHOR_RE = re.compile(r"(?:day|night|morning|afternoon|evening|week|month|year)\b")


def _relative_starts(text: str) -> Iterator[int] | None:
    """Every offset a :data:`RELATIVE_RE` match can start at, ascending: the start of a
    word holding an anchor, or of one of the two words before it (``earlier this week``).
    None when case-folding could hide an anchor (a dotless ``ı`` matches ``i`` under
    IGNORECASE, ``İ`` lower-cases to two characters): then every offset must be tried."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u0131" in text:
        return None
    starts = set()
    for anchor in _RELATIVE_ANCHOR_RE.finditer(lowered):
        word = _word_before(text, anchor.start(), 12)
        word = anchor.start() if word is None else word
        for _ in range(3):
            starts.add(word)
            space = _space_before(text, word)
            word = _word_before(text, space, 12) if space < word else None
            if word is None:
                break
    return iter(sorted(starts))


def find_relative_dates(text: str) -> list[tuple[int, int, str]]:
    """Weekday and relative day expressions in ``text``: (start, end, words as written)."""
    starts = _relative_starts(text)
    found = RELATIVE_RE.finditer(text) if starts is None else _matches(RELATIVE_RE, text, starts)
    return [(m.start(), m.end(), m.group(0)) for m in found]


def resolve_relative(expression: str, anchor: str | None) -> str | None:
    """The ISO day a relative expression names, counted back from ``anchor`` (YYYY-MM-DD).

    A weekday is the latest such day on or before the anchor (``last Monday``: strictly
    before); ``yesterday`` is the day before. Weeks, months and years name no single day,
    and without a full anchor date nothing resolves: the caller keeps the words only.
    """
    parts = split_iso(anchor) if anchor else None
    match = RELATIVE_RE.fullmatch(expression.strip())
    if not parts or not parts[0] or not match:
        return None
    day = dt.date(*parts)  # type: ignore[arg-type]
    if match.group("weekday"):
        words = expression.lower().split()
        back = (day.weekday() - WEEKDAYS.index(match.group("weekday").lower())) % 7
        if words[0] == "last" and back == 0:
            back = 7
        if words[0] == "next":
            back = back - 7 if back else -7
        return (day - dt.timedelta(days=back)).isoformat()
    back = _DAYS_BACK.get(_SPACE.sub(" ", match.group("word").lower()))
    if back is None:
        return None
    return (day - dt.timedelta(days=back)).isoformat()
