"""Quote verification: did X say Y, on date D?

A quote is checked in three steps:

1. **Find** candidate passages through the index (BM25 on the quote's content words), and
   join runs of adjacent passages of one speaker, so a quote that attribution split in two
   can still be found whole.
2. **Match the words.** The quote is read as a pattern: verbatim pieces separated by
   editorial marks (``…``/``...`` elisions, ``[bracketed]`` insertions). A passage matches when
   every piece appears in it word for word, in order (case, typographic quotes and
   punctuation are ignored). That is the only way to VERIFIED. Failing that, the closest
   passage is aligned word by word with rapidfuzz and difflib; close enough is MISQUOTED with
   a word diff, anything else NOT FOUND.
3. **Check who and when** on the exact matches: the claimed speaker against the passages'
   speakers (aliases count, see :func:`speaker_matches`), the claimed date against their
   dates (a claimed date without a year matches on month and day).

Meaning guards: an elision or a bracket may not hide a negation ("This is … being
discussed"), and a fragment may not start right after one ("compromise our national
interests" from "We will never compromise our national interests"); both are MISQUOTED.
Changed numbers, antonyms and swapped words are never verbatim, so they are MISQUOTED too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from factcheck.dates import display_date, parse_date, same_day, split_iso
from factcheck.errors import InputError
from factcheck.names import ROLE_HEADS, ROLE_MODIFIERS, is_organisation_name
from factcheck.records import Passage
from factcheck.store import ROW_BUDGET, Index
from factcheck.text import _TRANSLATE, NEGATIONS, WORD_RE, normalize

# Thresholds -------------------------------------------------------------------------------
CANDIDATE_LIMIT = 60  # passages fetched from the index for one quote
# When they hold neither the quote verbatim nor anything close, every passage the index
# would rank is searched: in a large archive a quote can rank below passages that merely
# share its rarest word. (Something close found first is not searched past: at worst a
# verbatim quote is then MISQUOTED, never a changed one VERIFIED.)
WIDER_LIMIT = ROW_BUDGET
PREFILTER_SCORE = 50  # rapidfuzz partial_ratio (0-100): spans below are not aligned at all
ALIGNED_SPANS = 8  # the best spans by partial_ratio get a word-level alignment
# Word similarity (0-100, Indel over word lists) between the quote and the aligned source
# words. At or above: MISQUOTED, with a diff. Below: NOT FOUND. A one-word change in a
# six-word quote scores 83; an unrelated sentence that shares a few words scores under 50.
MISQUOTE_SCORE = 70
MISQUOTE_MIN_WORDS = 3  # quotes shorter than this are never MISQUOTED: too little to compare
JOIN_GAP = 80  # characters between two passages of one speaker that may still be one quote
BRACKET_SLACK = 4  # source words a [bracketed] insertion may stand for, beyond its own
OTHERS_LIMIT = 10  # other sources listed with a quote

STATUSES = ("VERIFIED", "MISQUOTED", "MISATTRIBUTED", "WRONG DATE", "NOT FOUND")
QUOTE_KINDS = frozenset({"direct", "partial"})  # passages whose words are the speaker's own
HONORIFICS = frozenset("mr mrs ms miss dr prof professor".split())  # always before a surname
TITLES = HONORIFICS | frozenset(
    """sir dame sen senator rep representative gov governor pres
    president vice prime minister secretary chancellor gen general col rev hon judge justice
    mayor ambassador spokesman spokeswoman the jr sr ii iii iv""".split()
)
_EDITORIAL_RE = re.compile(r"\[[^\]]*\]|\u2026|\.\s?\.\s?\.")
_NAME_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


# Words with their place in the original text ----------------------------------------------


@dataclass(frozen=True)
class Token:
    """A word: normalised for comparison, with its offsets in the original text."""

    word: str
    start: int
    end: int


# Typographic folding that keeps every character's offset ("…" becomes one dot).
_SAME_LENGTH = {k: v for k, v in _TRANSLATE.items() if len(v) == 1} | {ord("\u2026"): "."}


def fold(token: str) -> str:
    """Normalise one word like :func:`factcheck.text.normalize` does whole texts."""
    if not token.isascii():
        token = unicodedata.normalize("NFKC", token).translate(_TRANSLATE)
    return token.casefold()


def word_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normalised words of ``text`` and their (start, end) in it.

    Folds the whole text at once when that keeps offsets (nearly always), word by word
    otherwise; both give the same words."""
    folded = text.translate(_SAME_LENGTH).casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFKC", folded):
        found = list(WORD_RE.finditer(folded))
        return [m.group() for m in found], [m.span() for m in found]
    found = list(WORD_RE.finditer(text))
    return [fold(m.group()) for m in found], [m.span() for m in found]


def tokens(text: str) -> list[Token]:
    found, spans = word_spans(text)
    return [Token(word, start, end) for word, (start, end) in zip(found, spans, strict=True)]


# The quote as a pattern ---------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A verbatim run of the quote's words, and how many source words may precede it
    since the previous piece: ``None`` after an elision (any number), a bound after a
    bracket."""

    tokens: tuple[Token, ...]
    gap: int | None = 0
    bracketed: frozenset[str] = frozenset()  # the words of the bracket before this piece


@dataclass(frozen=True)
class Pattern:
    text: str
    pieces: tuple[Piece, ...]

    @property
    def words(self) -> list[str]:
        return [t.word for p in self.pieces for t in p.tokens]

    def gaps(self) -> dict[int, int | None]:
        """Quote word index -> how many source words an editorial mark there stands for."""
        found, position = {}, 0
        for piece in self.pieces:
            if position and piece.gap:
                found[position] = piece.gap
            if position and piece.gap is None:
                found[position] = None
            position += len(piece.tokens)
        return found

    @property
    def tokens(self) -> list[Token]:
        return [t for p in self.pieces for t in p.tokens]

    @property
    def elided(self) -> bool:
        return any(p.gap is None for p in self.pieces[1:])


def parse_quote(text: str) -> Pattern:
    """Split a quote at its editorial marks into verbatim pieces."""
    pieces: list[Piece] = []
    gap: int | None = 0
    bracketed: set[str] = set()
    position = 0
    for mark in [*_EDITORIAL_RE.finditer(text), None]:
        end = mark.start() if mark else len(text)
        found = tuple(
            Token(t.word, t.start + position, t.end + position) for t in tokens(text[position:end])
        )
        if found:
            pieces.append(Piece(found, gap if pieces else 0, frozenset(bracketed)))
            gap, bracketed = 0, set()
        if mark is None:
            break
        inside = mark.group()
        if inside.startswith("[") and not re.search(r"\.\.\.|\u2026", inside):
            words = [t.word for t in tokens(inside)]
            bracketed.update(words)
            gap = None if gap is None else gap + len(words) + BRACKET_SLACK
        else:
            gap = None
        position = mark.end()
    return Pattern(text, tuple(pieces))


# Source spans: one passage, or adjacent passages of one speaker ------------------------------


@dataclass(frozen=True)
class Span:
    """Passages aligned as one text: their texts joined by newlines."""

    passages: tuple[Passage, ...]

    @cached_property
    def text(self) -> str:
        return "\n".join(p.text for p in self.passages)

    @cached_property
    def folded(self) -> str:
        return self.text.casefold()

    @cached_property
    def key(self) -> str:
        """The normalised text, for a cheap first comparison."""
        return normalize(self.text)

    @cached_property
    def _word_spans(self) -> tuple[list[str], list[tuple[int, int]]]:
        return word_spans(self.text)

    @property
    def words(self) -> list[str]:
        return self._word_spans[0]

    @property
    def offsets(self) -> list[tuple[int, int]]:
        return self._word_spans[1]

    @property
    def head(self) -> Passage:
        return self.passages[0]

    def excerpt(self, lo: int, hi: int) -> str:
        """The source's own characters from word ``lo`` to word ``hi`` (exclusive); passages
        that were joined are separated by a space."""
        if lo >= hi:
            return ""
        return self.text[self.offsets[lo][0] : self.offsets[hi - 1][1]].replace("\n", " ")

    def locate(self, index: int) -> tuple[Passage, int]:
        """The passage holding word ``index``, and the line that word is on."""
        offset = self.offsets[index][0]
        for passage in self.passages:
            if offset <= len(passage.text):
                return passage, passage.line + passage.text.count("\n", 0, offset)
            offset -= len(passage.text) + 1
        raise IndexError(index)


def _joinable(a: Passage, b: Passage) -> bool:
    return (
        a.source == b.source
        and a.kind in QUOTE_KINDS
        and b.kind in QUOTE_KINDS
        and a.speaker == b.speaker
        and 0 <= b.start - a.end <= JOIN_GAP
    )


def spans_of(passages: Iterable[Passage]) -> list[Span]:
    """Every passage alone, plus each run of adjacent passages of one speaker joined."""
    ordered = sorted(set(passages), key=lambda p: (p.source, p.start))
    spans = [Span((p,)) for p in ordered]
    run: list[Passage] = []
    for passage in [*ordered, None]:
        if run and passage is not None and _joinable(run[-1], passage):
            run.append(passage)
            continue
        if len(run) > 1:
            spans.append(Span(tuple(run)))
        run = [passage] if passage is not None else []
    return spans


# Matching the words -------------------------------------------------------------------------


def _negation_hidden(span: Span, lo: int, hi: int, allowed: frozenset[str]) -> bool:
    return any(w in NEGATIONS and w not in allowed for w in span.words[lo:hi])


def find_verbatim(pattern: Pattern, span: Span) -> list[int] | None:
    """Where each piece of the pattern starts in the span's words, or None.

    Pieces must follow each other within their gaps; a gap may not swallow a negation the
    quote does not have, and the match may not start right after a negation."""
    if not pattern.pieces:
        return None
    words = span.words
    first = [t.word for t in pattern.pieces[0].tokens]
    for start in _occurrences(words, first, 0):
        if start > 0 and words[start - 1] in NEGATIONS:
            continue
        end, starts = start + len(first), [start]
        for piece in pattern.pieces[1:]:
            needle = [t.word for t in piece.tokens]
            found = next(iter(_occurrences(words, needle, end)), None)
            if found is None or (piece.gap is not None and found - end > piece.gap):
                break
            if _negation_hidden(span, end, found, piece.bracketed):
                break
            end = found + len(needle)
            starts.append(found)
        else:
            return starts
    return None


def _occurrences(words: list[str], needle: list[str], start: int) -> Iterable[int]:
    n = len(needle)
    for i in range(start, len(words) - n + 1):
        if words[i] == needle[0] and words[i : i + n] == needle:
            yield i


@dataclass(frozen=True)
class Alignment:
    span: Span
    lo: int
    hi: int
    score: float
    opcodes: tuple[tuple[str, int, int, int, int], ...]
    hidden: tuple[str, ...] = ()  # negations the quote's elisions or brackets leave out


def align(pattern: Pattern, span: Span) -> Alignment:
    """The stretch of the span closest to the quote, word by word.

    rapidfuzz's partial alignment finds the stretch on characters; difflib then aligns the
    words of that stretch (widened for the words a quote may leave out) and drops source words
    at either end that the quote does not have. A negation just before the stretch is kept in
    it, so a fragment that drops it shows up in the diff."""
    from rapidfuzz.distance import Indel

    quote_words, words = pattern.words, span.words
    lo, hi = _window(pattern, words)
    opcodes = _trim(_opcodes(words[lo:hi], quote_words))
    if opcodes:
        lo, hi = lo + opcodes[0][1], lo + opcodes[-1][2]
    if lo > 0 and words[lo - 1] in NEGATIONS and quote_words[:1] != words[lo - 1 : lo]:
        lo -= 1
    opcodes = _opcodes(words[lo:hi], quote_words)
    elided, hidden = _elided(opcodes, pattern.gaps(), words[lo:hi])
    score = Indel.normalized_similarity(quote_words, words[lo:hi]) * 100
    if elided:
        total = len(quote_words) + hi - lo
        score = score * total / (total - elided)
    return Alignment(span, lo, hi, min(score, 100.0), tuple(opcodes), tuple(hidden))


def _window(pattern: Pattern, words: list[str]) -> tuple[int, int]:
    """Word range of the span around rapidfuzz's best partial alignment of the quote."""
    from rapidfuzz import fuzz

    quote_text, span_text = " ".join(pattern.words), " ".join(words)
    if len(quote_text) >= len(span_text) or pattern.elided:
        return 0, len(words)  # an elision may leave out any number of words
    found = fuzz.partial_ratio_alignment(quote_text, span_text)
    # as many words again as the quote has: it may leave out that many ("every lead pipe
    # comes out" of "every lead pipe in this city comes out"); edge words it lacks are trimmed
    slack = len(pattern.words) + sum(pattern.gaps().values())
    starts = _word_starts(words)
    first = bisect.bisect_right(starts, found.dest_start) - 1
    last = bisect.bisect_left(starts, found.dest_end)
    return max(0, first - slack), min(len(words), last + slack)


def _opcodes(source: list[str], quote: list[str]) -> list[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, source, quote, autojunk=False).get_opcodes()


def _trim(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Drop source-only words at the ends, a lone word matched far beyond them, and at an end
    that replaces words, the source words beyond as many as the quote has there."""
    ops = list(opcodes)
    changed = True
    while changed and ops:
        changed = False
        for edge, inner in ((0, 1), (-1, -2)):
            if not ops:
                break
            tag, i1, i2 = ops[edge][:3]
            stray = (
                tag == "equal"
                and i2 - i1 == 1
                and len(ops) > 1
                and ops[inner][0] == "delete"
                and ops[inner][2] - ops[inner][1] > 1
            )
            if tag == "delete" or stray:
                ops.pop(edge)
                changed = True
    if ops and ops[0][0] == "replace":
        tag, i1, i2, j1, j2 = ops[0]
        ops[0] = (tag, max(i1, i2 - (j2 - j1)), i2, j1, j2)
    if ops and ops[-1][0] == "replace":
        tag, i1, i2, j1, j2 = ops[-1]
        ops[-1] = (tag, i1, min(i2, i1 + (j2 - j1)), j1, j2)
    return ops


def _elided(
    opcodes: Sequence[tuple], gaps: dict[int, int | None], words: list[str]
) -> tuple[int, list[str]]:
    """Source words the quote leaves out where it marks an elision or a bracket, which do not
    count against its score, and the negations among them, which do."""
    count, negations = 0, []
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "delete" and j1 in gaps:
            dropped = [w for w in words[i1:i2] if w in NEGATIONS]
            free = i2 - i1 - len(dropped)
            count += free if gaps[j1] is None else min(free, gaps[j1])
            negations += dropped
    return count, negations


def _word_starts(words: list[str]) -> list[int]:
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    return starts


def word_diff(alignment: Alignment, pattern: Pattern) -> str:
    """The source's words with the quote's changes: ``Nobody [-is-] {+was+} talking``.

    Unchanged and removed words are shown as the source writes them, added words as the quote
    does."""
    span, quote = alignment.span, pattern.tokens
    parts = []
    for tag, i1, i2, j1, j2 in alignment.opcodes:
        source = span.excerpt(alignment.lo + i1, alignment.lo + i2)
        added = pattern.text[quote[j1].start : quote[j2 - 1].end] if j2 > j1 else ""
        if tag == "equal":
            parts.append(source)
        if tag in ("delete", "replace"):
            parts.append(f"[-{source}-]")
        if tag in ("insert", "replace"):
            parts.append(f"{{+{added}+}}")
    return " ".join(parts)


def editorial_changes(pattern: Pattern, span: Span, starts: list[int]) -> tuple[str, ...]:
    """The changes a verbatim match (its pieces at ``starts``) accepted, for the report."""
    changes = []
    stripped = pattern.text.strip()
    if stripped and (not stripped[0].isalnum() or not stripped[-1].isalnum()):
        changes.append("surrounding punctuation")
    hi = starts[-1] + len(pattern.pieces[-1].tokens)
    if span.head.kind in QUOTE_KINDS and (starts[0] > 0 or hi < len(span.words)):
        changes.append("partial quote")
    if pattern.elided:
        changes.append("elision")
    if "[" in pattern.text:
        changes.append("bracketed insertion")
    pairs = [
        (pattern.text[q.start : q.end], span.text[s:e])
        for piece, start in zip(pattern.pieces, starts, strict=True)
        for q, (s, e) in zip(piece.tokens, span.offsets[start:], strict=False)
    ]
    if any(q.translate(_TRANSLATE) != s.translate(_TRANSLATE) for q, s in pairs):
        changes.append("capitalisation")
    if any(q != s and q.translate(_TRANSLATE) == s.translate(_TRANSLATE) for q, s in pairs):
        changes.append("typographic apostrophes")
    return tuple(changes)


# Who and when -------------------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """The words of a person's name without titles or suffixes: 'Mr. Peskov' -> ['peskov'],
    'Brent Bozell III' -> ['brent', 'bozell']."""
    found = [fold(w) for w in _NAME_WORD_RE.findall(name)]
    return [w for w in found if w not in TITLES] or found


def speaker_matches(claimed: str, speaker: str | None, role: str | None = None) -> bool:
    """Whether ``claimed`` names ``speaker`` (whose ``role`` the source gives): a surname, a
    full name, or either with a title; or the speaker's role.

    'Peskov', 'Mr. Peskov' and 'Dmitry Peskov' all name 'Dmitry Peskov'. Every word of the
    shorter name must be in the longer, and it must hold the surname: the last word, or
    after an honorific any word ('Ms. Acosta' is Melba Acosta Febo, 'Mr. Lou' Lou Jiwei).
    A first name alone names the same person too ('Margaret' is 'Margaret Pike'): news
    calls a relative or a child by first name ("His wife, Margaret, said"), so a draft or a
    source may give the one name where the other gives both. A role is matched by
    :func:`role_matches`."""
    if role_matches(claimed, speaker, role):
        return True
    if not speaker:
        return False
    (short, short_name), (long, _) = sorted(
        ((name_words(claimed), claimed), (name_words(speaker), speaker)), key=lambda n: len(n[0])
    )
    if not short or not set(short) <= set(long):
        return False
    first_name = len(short) == 1 and short[0] == long[0]
    return (
        first_name or short[-1] == long[-1] or fold(short_name.split()[0].rstrip(".")) in HONORIFICS
    )


# Words a role may be written with or without: "the agency spokesperson" is "a spokesperson
# for the agency", and "the ministry's spokesperson" too.
_ROLE_FILLERS = frozenset("the a an for of at s".split())


def role_words(text: str) -> set[str]:
    """The content words of a role or name, without articles, "for"/"of" or possessives."""
    return {fold(w) for w in _NAME_WORD_RE.findall(text)} - _ROLE_FILLERS


def role_matches(claimed: str, speaker: str | None, role: str | None) -> bool:
    """Whether ``claimed`` describes the speaker by role, or names the body they speak for.

    A role holds a role word (spokesperson, minister, chief executive…) and every one of its
    words is in the source's speaker and role: 'the agency spokesperson' is 'Mark Ellison, a
    spokesperson for the agency'. A body ('the Department of Health and Social Care'), or a
    role naming it in full, holds every word the source's role has besides its role words
    ('a spokesperson for the department')."""
    if not role:
        return False
    claimed_words, source_words = role_words(claimed), role_words(role)
    body = source_words - ROLE_HEADS - ROLE_MODIFIERS
    names_body = bool(body) and body <= claimed_words
    heads = claimed_words & ROLE_HEADS
    if heads:
        return claimed_words <= role_words(f"{speaker or ''} {role}") or (
            heads <= source_words and names_body
        )
    return is_organisation_name(claimed) and names_body


def unnamed(role: str | None) -> str:
    """Who an unnamed speaker is: "a spokesperson for the ministry" ("" without a role)."""
    if not role:
        return ""
    return f"{'an' if role[0].lower() in 'aeiou' else 'a'} {role}"


def when_said(passage: Passage) -> str | None:
    """The date of a passage: when it was said, else when its source was published."""
    return passage.date or passage.document_date


def day_before(date: str) -> str | None:
    """The ISO day before a full ISO date."""
    try:
        return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return None


def date_order(date: str | None) -> tuple:
    """Sort key: dated before undated, earlier first; a year-less date after dated years."""
    parts = split_iso(date) if date else None
    if not parts:
        return (1, 0, 0, 0)
    year, month, day = parts
    return (0, year or 9999, month, day)


# Records ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sighting:
    """Where the quote's words stand in a source."""

    passage: Passage
    line: int
    matched: str
    editorial: tuple[str, ...] = ()  # changes a verbatim match accepted

    @property
    def date(self) -> str | None:
        return when_said(self.passage)

    @property
    def attributed(self) -> bool:
        return self.passage.kind in QUOTE_KINDS and bool(self.passage.speaker or self.passage.role)

    def order(self) -> tuple:
        return (*date_order(self.date), self.passage.source, self.line)

    def to_dict(self) -> dict:
        p = self.passage
        return {
            "speaker": p.speaker,
            "role": p.role,
            "date": p.date,  # when it was said, as the text dates it
            "document_date": p.document_date,
            "kind": p.kind,
            "matched": self.matched,
            "source": p.source,
            "line": self.line,
        }


@dataclass(frozen=True)
class QuoteCheck:
    """The answer to "did X say Y, on date D?", with its evidence.

    ``status`` is one of :data:`STATUSES`; ``sighting`` is the evidence it rests on (None
    when NOT FOUND), ``others`` further sources with the same words, earliest first."""

    quote: str
    claimed_speaker: str | None
    claimed_date: str | None
    status: str
    searched: int
    sighting: Sighting | None = None
    score: float | None = None
    diff: str | None = None
    note: str | None = None
    editorial: tuple[str, ...] = ()
    others: tuple[Sighting, ...] = field(default_factory=tuple)

    @property
    def verified(self) -> bool:
        return self.status == "VERIFIED"

    @property
    def rationale(self) -> str:
        """One line saying why: who said it, when, where, or what differs."""
        if self.sighting is None:
            plural = "" if self.searched == 1 else "s"
            return f"nothing close enough in the {self.searched} document{plural} searched"
        p = self.sighting.passage
        who = " ".join(filter(None, [p.role, p.speaker])) if p.speaker else unnamed(p.role)
        said = f"said by {who}" if who else f"in the source's {p.kind} text"
        when = f" on {display_date(p.date)}" if p.date else ""
        if self.sighting.date and not p.date:  # undated in the text: when it was published
            when = f" (published {display_date(self.sighting.date)})"
        where = f"({p.source}:{self.sighting.line})"
        if self.status == "NOT FOUND":
            return f"{self.note} {where}"
        note = f"; {self.note}" if self.note else ""
        if self.status == "MISQUOTED":
            return f"the source's words differ: {self.diff} ({said}{when}) {where}{note}"
        if self.status == "MISATTRIBUTED":
            return f"{said}{when}, not by {self.claimed_speaker} {where}"
        if self.status == "WRONG DATE":
            return f"{said}{when}, not on {display_date(self.claimed_date)} {where}{note}"
        accepted = f"; accepted: {', '.join(self.editorial)}" if self.editorial else ""
        return f"{said}{when} {where}{accepted}{note}"

    def to_dict(self) -> dict:
        evidence = self.sighting.to_dict() if self.sighting else {}
        return {
            "quote": self.quote,
            "claimed_speaker": self.claimed_speaker,
            "claimed_date": self.claimed_date,
            "status": self.status,
            "speaker": evidence.get("speaker"),
            "role": evidence.get("role"),
            "date": evidence.get("date"),
            "document_date": evidence.get("document_date"),
            "matched": evidence.get("matched"),
            "score": None if self.score is None else round(self.score, 1),
            "diff": self.diff,
            "source": evidence.get("source"),
            "line": evidence.get("line"),
            "kind": evidence.get("kind"),
            "editorial": list(self.editorial),
            "note": self.note,
            "rationale": self.rationale,
            "others": [o.to_dict() for o in self.others],
            "searched": self.searched,
        }


# The decision -------------------------------------------------------------------------------


def parse_request(
    line: str, *, speaker: str | None = None, date: str | None = None
) -> tuple[str, str | None, str | None]:
    """(quote, speaker, date) from a line of batch input: plain text, or a JSON object
    ``{"quote", "speaker"?, "date"?}``. ``speaker``/``date`` apply where the line names none."""
    if not line.startswith("{"):
        return line, speaker, date
    try:
        request = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"not a valid JSON line ({error.msg}): {line[:60]}") from None
    if not isinstance(request, dict) or not isinstance(request.get("quote"), str):
        raise InputError(f'a JSON line needs a "quote" string: {line[:60]}')
    speaker, date = request.get("speaker", speaker), request.get("date", date)
    if not all(v is None or isinstance(v, str) for v in (speaker, date)):
        raise InputError(f'"speaker" and "date" must be strings: {line[:60]}')
    return request["quote"], speaker, date


def sighting(span: Span, lo: int, hi: int, editorial: tuple[str, ...] = ()) -> Sighting:
    passage, line = span.locate(lo)
    return Sighting(passage, line, span.excerpt(lo, hi), editorial)


def _unique(sightings: Iterable[Sighting]) -> list[Sighting]:
    """One sighting per place in a source, earliest first: a joined span repeats its passages'
    matches, and a narrative sentence the words of the quote it holds."""
    seen: dict[tuple, Sighting] = {}
    for s in sorted(sightings, key=lambda s: not s.attributed):
        key = (s.passage.source, s.line, s.matched)
        seen.setdefault(key, s)
    return sorted(seen.values(), key=Sighting.order)


def verify_quote(
    quote: str,
    *,
    speaker: str | None = None,
    date: str | None = None,
    index: Index,
) -> QuoteCheck:
    """Check that ``speaker`` said ``quote`` on ``date``, against the passages of ``index``.

    ``date`` is what the user typed (``2022-12-08``, ``December 8``, ``Dec 8, 2022``); an
    unparseable date raises :class:`InputError`."""
    claimed_date = parse_date(date) if date else None
    if date and claimed_date is None:
        raise InputError(f"not a date: {date!r} (try 2022-12-08 or December 8)")
    pattern = parse_quote(quote)
    if not pattern.pieces:
        raise InputError(f"no words in the quote: {quote!r}")
    check = _decide(pattern, index, speaker, claimed_date)
    return QuoteCheck(
        quote=quote,
        claimed_speaker=speaker,
        claimed_date=claimed_date,
        searched=index.document_count(),
        **check,
    )


def _decide(pattern: Pattern, index: Index, speaker: str | None, claimed_date: str | None) -> dict:
    query = " ".join(pattern.words)
    # First every passage holding all the quote's rarest words, when they are few: a quote
    # said word for word in one passage is among them however common its words are. Only
    # a verbatim sighting is taken from them (a quote across two passages of one speaker is
    # in neither, and would look misquoted), and only VERIFIED at once: any other verdict
    # yields to a verbatim sighting in the broad lookup's first candidates (which may join
    # two passages of the claimed speaker), but spares searching past them.
    narrow = index.candidates(query, limit=CANDIDATE_LIMIT, every=True)
    found = verbatim(pattern, spans_of(narrow)) if len(narrow) < CANDIDATE_LIMIT else []
    judged = _judge_exact(found, speaker, claimed_date) if found else None
    if judged and judged["status"] == "VERIFIED":
        return judged
    for limit in (CANDIDATE_LIMIT, WIDER_LIMIT):
        passages = index.candidates(query, limit=limit)
        spans = spans_of(passages)
        exact = verbatim(pattern, spans)
        if exact:
            return _judge_exact(exact, speaker, claimed_date)
        if judged:
            return judged
        close = _judge_close(pattern, closest(pattern, spans), speaker)
        if close["status"] != "NOT FOUND" or len(passages) < limit:
            break
    if close["status"] == "MISQUOTED":
        # The rest of a quote split around its attribution ("We will," he said, "when…")
        # may hold only common words, which no lookup ranks: join it, and look again.
        passage = close["sighting"].passage
        exact = verbatim(pattern, spans_of([passage, *index.neighbours(passage, JOIN_GAP)]))
        if exact:
            return _judge_exact(exact, speaker, claimed_date)
    return close


def verbatim(pattern: Pattern, spans: list[Span]) -> list[Sighting]:
    """Where the quote's words stand verbatim (up to editorial changes) in the spans."""
    # Cheap filters first: the quote's longest plain word in the raw text, then every word
    # in the normalised text.
    probe = max((w for w in pattern.words if w.isascii() and w.isalnum()), key=len, default="")
    needed = set(pattern.words)
    found = []
    for span in spans:
        if probe not in span.folded or not all(w in span.key for w in needed):
            continue
        starts = find_verbatim(pattern, span)
        if starts:
            hi = starts[-1] + len(pattern.pieces[-1].tokens)
            found.append(sighting(span, starts[0], hi, editorial_changes(pattern, span, starts)))
    return found


def closest(pattern: Pattern, spans: list[Span]) -> list[Span]:
    """The spans worth aligning word by word: of those that hold at least half the quote's
    words (a cheap test), the best by rapidfuzz partial_ratio."""
    from rapidfuzz import fuzz

    needed = set(pattern.words)
    quote_text = " ".join(pattern.words)
    scored = [
        (fuzz.partial_ratio(quote_text, s.key, score_cutoff=PREFILTER_SCORE), s)
        for s in spans
        if 2 * sum(w in s.folded for w in needed) >= len(needed)
    ]
    scored.sort(key=lambda pair: -pair[0])
    return [span for score, span in scored[:ALIGNED_SPANS] if score]


def _judge_exact(
    exact: list[Sighting],
    speaker: str | None,
    claimed_date: str | None,
) -> dict:
    sightings = _unique(exact)
    if speaker:
        attributed = [s for s in sightings if s.attributed]
        theirs = [
            s for s in attributed if speaker_matches(speaker, s.passage.speaker, s.passage.role)
        ]
        if not theirs and attributed:
            return _answer("MISATTRIBUTED", attributed[0], attributed)
        if not theirs:
            first = sightings[0]
            note = unquoted_note(first.passage)
            return _answer("NOT FOUND", first, sightings, note=note)
        sightings = theirs
    if claimed_date:
        on_day = [s for s in sightings if same_day(claimed_date, s.date)]
        dated = [s for s in sightings if s.passage.date]
        if not on_day and dated:
            return _answer("WRONG DATE", dated[0], sightings)
        published = [s for s in sightings if s.date]  # undated in the text: published then
        if not on_day and published:
            # News reports what was said that day or the day before ("Nair said").
            eve = [s for s in published if same_day(claimed_date, day_before(s.date))]
            if eve:
                note = "the text does not date it; published the next day"
                return _answer("VERIFIED", eve[0], sightings, note=note)
            note = "the text does not date it, so it is dated by when the source was published"
            return _answer("WRONG DATE", published[0], sightings, note=note)
        if not on_day:
            note = "the sources do not date it"
            return _answer("VERIFIED", sightings[0], sightings, note=note)
        sightings = on_day + [s for s in sightings if s not in on_day]
    return _answer("VERIFIED", sightings[0], sightings)


def unquoted_note(passage: Passage) -> str:
    """Why words found in a source are not a quote of anyone there."""
    if passage.kind == "narrative":
        return "the words are the source's own narrative, not quoted from anyone"
    if not passage.speaker:
        return "the words are quoted, but the source does not say who said them"
    return f"the words are reported speech of {passage.speaker}, not a direct quote"


def _answer(
    status: str,
    main: Sighting,
    sightings: list[Sighting],
    *,
    note: str | None = None,
) -> dict:
    others = tuple(s for s in sightings if s is not main)[:OTHERS_LIMIT]
    return {
        "status": status,
        "sighting": main,
        "score": 100.0,
        "note": note,
        "editorial": main.editorial,
        "others": others,
    }


def _judge_close(pattern: Pattern, spans: list[Span], speaker: str | None) -> dict:
    words = pattern.words
    alignments = [align(pattern, span) for span in spans]

    def preference(a: Alignment) -> tuple:
        passage = a.span.head
        claimed = bool(speaker) and speaker_matches(speaker, passage.speaker, passage.role)
        return (round(a.score), claimed, passage.kind in QUOTE_KINDS)

    best = max(alignments, key=preference, default=None)
    if best is None or best.score < MISQUOTE_SCORE or len(words) < MISQUOTE_MIN_WORDS:
        return {"status": "NOT FOUND"}
    return {
        "status": "MISQUOTED",
        "sighting": sighting(best.span, best.lo, best.hi),
        "score": best.score,
        "diff": word_diff(best, pattern),
        "note": f"the elision leaves out “{' '.join(best.hidden)}”" if best.hidden else None,
    }
