"""Attribution: who said what in an article, and when.

The stage works in four passes over one document, each linear in its length:

1. :func:`find_quote_spans` pairs quote marks paragraph by paragraph (straight, curly,
   single, guillemets, the ``''`` of some wires), telling apostrophes, inch marks and stray
   marks from quotes, and carrying an unclosed quote into a next paragraph that reopens it.
2. The narrative between quotes is read for people (:mod:`factcheck.names`) and dates.
3. Each quote is attributed from the words around it: ``“…,” X said``, ``said X``,
   ``X said: “…”``, ``according to X``, ``Agency quoted X as saying``, ``— X``; pronouns
   and role phrases resolve to earlier people; quotes with no attribution of their own
   inherit it from the quote before when they continue it.
4. Reported speech without quote marks (``X said that …``) becomes ``indirect`` quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.dates import find_dates, find_relative_dates, resolve_relative, split_iso
from factcheck.names import (
    OUTLET_WORDS,
    PRONOUNS,
    ROLE_HEADS,
    Mention,
    Register,
    find_mentions,
    surname,
)
from factcheck.records import Document, Quote
from factcheck.text import sentence_spans, word_pattern

# --- quote marks -------------------------------------------------------------------------

MARK_RE = re.compile(r"'''|''|``|[\"“”„‟«»‹›‘’'″]")
_DOUBLE = frozenset(['"', "“", "”", "„", "‟", "«", "»", "''", "'''", "``", "″"])
_OPENERS = frozenset(["“", "„", "‟", "«", "‹", "‘", "``"])
_CLOSERS = frozenset(["”", "»", "›", "’", "″"])
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
    if mark in _GUILLEMETS:
        return double, mark in "«‹", mark in "»›"
    if mark in _OPENERS:
        return double, can_open or not can_close, can_close and not can_open
    if mark in _CLOSERS:
        if mark == "’" and not can_close:
            return None  # elision: ’90s, rock ’n’ roll
        return double, can_open and not can_close, can_close or not can_open
    if can_open == can_close:
        return None
    return double, can_open, can_close


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _reopens(text: str, paragraph: tuple[int, int]) -> bool:
    """Whether a paragraph begins with an opening double quote mark."""
    start, end = _trimmed(text, *paragraph)
    match = MARK_RE.match(text, start, end)
    if not match:
        return False
    roles = _classify(text, match)
    return bool(roles and roles[0] and roles[1])


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, in order; nested quotes stay inside theirs."""
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        double_at: tuple[int, int] | None = None  # (mark start, mark end) of an open double
        single_at: tuple[int, int] | None = None
        first = True
        continued = False
        for match in MARK_RE.finditer(text, p_start, p_end):
            roles = _classify(text, match)
            if roles is None:
                continue
            double, opens, closes = roles
            if double and double_at is None:
                if opens:
                    double_at, single_at = (match.start(), match.end()), None
                    continued, first = carried and first, False
            elif double:
                if closes:
                    start, end = _trimmed(text, double_at[1], match.start())
                    if start < end:
                        spans.append(
                            QuoteSpan(double_at[0], start, end, match.end(), continued=continued)
                        )
                    double_at = None
                elif opens:
                    double_at = (match.start(), match.end())
            elif double_at is None:
                if single_at is None:
                    if opens:
                        single_at = (match.start(), match.end())
                elif closes:
                    start, end = _trimmed(text, single_at[1], match.start())
                    if start < end:
                        spans.append(QuoteSpan(single_at[0], start, end, match.end()))
                    single_at = None
        carried = False
        if double_at is not None:
            start, end = _trimmed(text, double_at[1], p_end)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            carried = following is not None and _reopens(text, following)
            if start < end:
                spans.append(
                    QuoteSpan(
                        double_at[0],
                        start,
                        end,
                        p_end,
                        closed=False,
                        continues=carried,
                        continued=continued,
                    )
                )
    return spans


# --- words that attribute --------------------------------------------------------------------


def _verb_forms(lemmas: str, irregular: str) -> list[str]:
    """All inflections of regular reporting verbs, plus irregular forms given verbatim."""
    forms = set(irregular.split())
    for verb in lemmas.split():
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        if verb.endswith("y") and verb[-2] not in "aeiou":
            forms |= {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
            continue
        double = verb + verb[-1] if verb in _DOUBLING else stem
        forms |= {verb, verb + ("es" if verb.endswith(("s", "sh", "ch")) else "s")}
        forms |= {double + "ed" if not verb.endswith("e") else verb + "d", double + "ing"}
    return sorted(forms)


_DOUBLING = frozenset("admit quip snap commit".split())
_PHRASES = ("went on", "goes on", "pointed out", "points out", "pointing out", "put it", "puts it")
_REPORTING = [
    *_PHRASES,
    *_verb_forms(
        """add note stress deny post tweet ask explain continue argue insist claim declare warn
    recall reply respond state acknowledge admit agree announce caution complain concede
    confirm emphasize emphasise joke observe predict quip remark report shout suggest urge
    vow boast counter muse lament conclude charge contend assert maintain promise tout
    testify recount reason scoff snap yell exclaim whisper mutter propose comment wonder
    echo fume gush marvel chime interject retort reiterate allege complain estimate cheer
    plead thunder concur recollect acknowledge opine reflect elaborate""",
        """said says say saying told tells tell telling wrote writes write writing written
    spoke speaks speaking cried cries""",
    ),
]
# Verbs that attribute a quoted fragment but not a whole utterance: called it “a disaster”.
_NAMING = _verb_forms("call describe label term brand dub", "")
SPEECH_VERB_RE = re.compile(rf"\b(?:{word_pattern(_REPORTING)})\b", re.IGNORECASE)
NAMING_VERB_RE = re.compile(rf"\b(?:{word_pattern(_REPORTING + _NAMING)})\b", re.IGNORECASE)
PARTICIPLE_RE = re.compile(r"\w+ing\b")
QUOTED_AS_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>.{1,120}?)\s+as\s+say(?:ing)?\b")
ACCORDING_RE = re.compile(r"\W*(?:according\s+to|said)\s+", re.IGNORECASE)
DASH_RE = re.compile(r"\s*(?:—|–|--|-\s)\s*")
PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b")
_HEAD = word_pattern(ROLE_HEADS)
DESCRIPTION_RE = re.compile(
    rf"\b(?:the|a|an|one|another|this|that|[A-Z][\w-]*['’]s)\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"(?:{_HEAD})\b(?![’'-])",
    re.IGNORECASE,
)
_DETERMINER_RE = re.compile(r"^(?:the|a|an|one|another|this|that)\s+", re.IGNORECASE)
# A mention right after one of these is an object, not the one speaking.
_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:with|to|of|by|for|from|at|in|on|about|against|than|like|into|toward|towards|"
    r"among|between|over|under|via|told|tell|tells|asked|asks|quoted|quotes|thanked|urged|"
    r"called|named|interviewed)\W*$",
    re.IGNORECASE,
)
_APPOSITIVE_RE = re.compile(r"^,\s*(?P<role>[^,.;:“”\"]{2,120}?),\s*$")
_ROLE_TRIM_RE = re.compile(r"\s+(?:who|which|that|whose|where)\b.*$|^(?:the|a|an)\s+", re.I)
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)]*$")
WORD_COUNT_RE = re.compile(r"[^\W_]+")


# --- who ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Who a clause names as speaking: a name, a pronoun, or a description."""

    start: int
    end: int
    kind: str  # name | pronoun | description
    words: str
    role: str | None = None


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    position: int  # where the text names them, to date the statement


_NOT_REPORTING_RE = re.compile(
    r"\b(?:will|would|to|can|could|should|must|may|might|not|n't|never|did|does|do|won't)\s+$",
    re.IGNORECASE,
)


def reporting_verbs(pattern: re.Pattern, text: str, start: int, end: int) -> list[re.Match]:
    """Reporting verbs in ``text[start:end]`` that report: not ``will agree``, ``to say``."""
    return [
        m
        for m in pattern.finditer(text, start, end)
        if not _NOT_REPORTING_RE.search(text, max(start, m.start() - 8), m.start())
    ]


def _is_object(text: str, start: int, floor: int) -> bool:
    return bool(_OBJECT_BEFORE_RE.search(text, max(floor, start - 20), start))


def _appositive(text: str, end: int, limit: int) -> str | None:
    """The role in ``Name, the Kremlin spokesman,`` right after a mention ending at ``end``."""
    if text.find(",", end, limit) != end:
        return None
    closing = text.find(",", end + 1, limit)
    phrase = text[end + 1 : closing if closing != -1 else limit].strip(" .")
    words = phrase.split()
    if not words or len(words) > 16 or SPEECH_VERB_RE.search(phrase):
        return None
    if not (_DETERMINER_RE.match(phrase) or any(w.lower() in ROLE_HEADS for w in words)):
        return None
    return _ROLE_TRIM_RE.sub("", phrase).strip() or None


def subjects(text: str, start: int, end: int) -> list[Subject]:
    """Candidate speakers in ``text[start:end]``, objects of prepositions and verbs left out."""
    found = []
    taken: list[tuple[int, int]] = []
    for match in DESCRIPTION_RE.finditer(text, start, end):
        words = _DETERMINER_RE.sub("", match.group(0))
        if any(w.lower() in OUTLET_WORDS for w in words.split()):
            continue
        inner = find_mentions(text, match.start(), match.end())
        if inner and inner[-1].name and inner[-1].end == match.end():
            continue  # "the Kremlin spokesman Dmitry Peskov" is a name with a role
        found.append(Subject(match.start(), match.end(), "description", words))
        taken.append((match.start(), match.end()))
    for mention in find_mentions(text, start, end):
        if mention.possessive or not mention.name:
            continue
        if any(a <= mention.start < b for a, b in taken):
            continue
        if any(w.lower().strip(".") in OUTLET_WORDS for w in mention.name.split()):
            continue
        found.append(Subject(mention.start, mention.end, "name", mention.name, mention.role))
    for match in PRONOUN_RE.finditer(text, start, end):
        found.append(Subject(match.start(), match.end(), "pronoun", match.group(0).lower()))
    found.sort(key=lambda s: s.start)
    return [s for s in found if not _is_object(text, s.start, start)]


# Words that may stand between a subject and its verb: ``Smith also said``, ``he has said``.
_GAP_WORDS = frozenset(
    """also later then previously recently once again further repeatedly simply flatly quickly
    still has had have was is earlier often never just even already""".split()
)


def _nearest_before(text: str, start: int, verb: int, known: frozenset[str]) -> Subject | None:
    """The subject of a verb: the last candidate before it that can govern it.

    Close candidates always can; a participle (``…, saying``) takes the clause's subject
    however far; ``Name, a long appositive, said`` skips the appositive; other far
    candidates must be people the document knows, not any capitalised word.
    """
    candidates = subjects(text, start, verb)
    if not candidates:
        return None
    before = text[start:verb].rstrip()
    if before.endswith(","):
        for candidate in candidates:
            if text.startswith(",", candidate.end) and _appositive(text, candidate.end, verb):
                return candidate
    subject = candidates[-1]
    gap = text[subject.end : verb]
    words = [w.lower() for w in WORD_COUNT_RE.findall(gap)]
    if all(w in _GAP_WORDS for w in words):
        return subject
    if before.endswith(",") and PARTICIPLE_RE.match(text, verb):
        return subject
    if gap.lstrip().startswith(",") and before.endswith(","):
        return subject  # Trump, speaking at a rally in Ohio on Tuesday, said
    strong = subject.kind != "name" or surname(subject.words).lower() in known
    return subject if strong and len(words) <= 3 else None


def _after_verb(text: str, verb_end: int, end: int) -> Subject | None:
    """The subject of an inverted attribution: ``said Tom Rath, a veteran …``."""
    candidates = subjects(text, verb_end, min(end, verb_end + 60))
    if not candidates:
        return None
    subject = candidates[0]
    if len(WORD_COUNT_RE.findall(text, verb_end, subject.start)) > 3:
        return None
    return subject


@dataclass(frozen=True)
class Clue:
    """An attribution found next to a quote: who, and where the reporting verb is."""

    subject: Subject
    verb: int
    role: str | None


def _with_role(text: str, subject: Subject, limit: int) -> Clue:
    return Clue(subject, subject.start, subject.role or _appositive(text, subject.end, limit))


def attribution_after(text: str, start: int, end: int) -> Clue | None:
    """Attribution in the words after a closing mark: ``, Peskov said`` / ``, said Peskov``."""
    head = start
    while head < end and text[head] in " ,;:\u00a0":
        head += 1
    quoted = QUOTED_AS_RE.search(text, head, end)
    if quoted and len(WORD_COUNT_RE.findall(text, head, quoted.start())) <= 6:
        found = subjects(text, quoted.start("who"), quoted.end("who"))
        return _with_role(text, found[-1], end) if found else None
    dash = DASH_RE.match(text, head, end)
    according = ACCORDING_RE.match(text, head, end)
    if dash or according:
        lead = (dash or according).end()
        found = subjects(text, lead, end)
        if found and len(WORD_COUNT_RE.findall(text, lead, found[0].start)) <= 1:
            return _with_role(text, found[0], end)
        if dash:
            return None
    verbs = reporting_verbs(SPEECH_VERB_RE, text, head, end)
    if not verbs:
        return None
    verb = verbs[0]
    between = text[head : verb.start()]
    if not WORD_COUNT_RE.search(between):
        subject = _after_verb(text, verb.end(), end)
        return _with_role(text, subject, end) if subject else None
    found = subjects(text, head, verb.start())
    if not found or len(WORD_COUNT_RE.findall(text, head, found[0].start)) > 0:
        return None
    subject = found[0]
    gap_words = len(WORD_COUNT_RE.findall(text, subject.end, verb.start()))
    role = subject.role or _appositive(text, subject.end, verb.start())
    if gap_words > 2 and not role:
        return None
    return Clue(subject, verb.start(), role)


def attribution_before(
    text: str, start: int, end: int, *, partial: bool, known: frozenset[str] = frozenset()
) -> Clue | None:
    """Attribution in the words before an opening mark: ``Peskov said: “`` / ``saying, “``."""
    pattern = NAMING_VERB_RE if partial else SPEECH_VERB_RE
    verbs = reporting_verbs(pattern, text, start, end)
    colon = text[start:end].rstrip().endswith(":")
    if not verbs:
        if not colon:
            return None
        found = subjects(text, start, end)
        return _with_role(text, found[-1], end) if found else None
    verb = verbs[-1]
    subject = _nearest_before(text, start, verb.start(), known)
    if subject is None:
        subject = _after_verb(text, verb.end(), end)
    if subject is None:
        return None
    return Clue(subject, verb.start(), subject.role or _appositive(text, subject.end, end))


class _People:
    """The document's people, and who was last spoken of, for pronouns and role phrases."""

    def __init__(self, text: str, narrative: list[tuple[int, int]]) -> None:
        self.text = text
        self.register = Register()
        self.subject_at: list[int] = []
        self.subject_person: list = []
        for start, end in narrative:
            for mention in find_mentions(text, start, end):
                self._introduce(mention, end)

    def _introduce(self, mention: Mention, limit: int) -> None:
        if not mention.name:
            return
        strong = " " in mention.name or mention.role or self.register.lookup(mention.name)
        if not strong:
            return
        role = mention.role or _appositive(self.text, mention.end, limit)
        if not role:
            role = _role_before(self.text, mention.start)
        person = self.register.add(mention.name, role, mention.start)
        honorific = _HONORIFIC_BEFORE_RE.search(self.text, max(0, mention.start - 6), mention.start)
        if honorific and not person.gender:
            person.gender = (
                "m"
                if honorific.group(0).startswith("Mr") and "s" not in honorific.group(0)
                else "f"
            )
        if not mention.possessive and not _is_object(self.text, mention.start, 0):
            self.note(mention.start, person)

    def note(self, position: int, person) -> None:
        """Record that ``person`` is the one last spoken of at ``position``."""
        index = bisect.bisect_right(self.subject_at, position)
        self.subject_at.insert(index, position)
        self.subject_person.insert(index, person)

    def last(self, position: int, pronoun: str):
        gender = PRONOUNS.get(pronoun)
        index = bisect.bisect_left(self.subject_at, position)
        for person in reversed(self.subject_person[max(0, index - 8) : index]):
            if not gender or not person.gender or person.gender == gender:
                return person
        return None

    def resolve(self, subject: Subject, role: str | None) -> Speaker:
        if subject.kind == "pronoun":
            person = self.last(subject.start, subject.words)
            if person is None or subject.words not in PRONOUNS:
                return Speaker(None, None, subject.start)
            return Speaker(person.name, person.role, subject.start)
        if subject.kind == "description":
            person = self.register.by_role(subject.words, subject.start)
            if person is None:
                return Speaker(None, subject.words, subject.start)
            return Speaker(person.name, person.role, subject.start)
        person = self.register.lookup(subject.words, subject.start)
        if person is None:
            person = self.register.add(subject.words, role, subject.start)
        elif role and not person.role:
            person.role = role
        self.note(subject.start, person)
        return Speaker(person.name, person.role or role, subject.start)


_HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss)\.?\s+$")
_ROLE_BEFORE_RE = re.compile(
    rf"(?:[A-Z][\w-]*['’]s\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_HEAD}),\s*$", re.IGNORECASE
)


def _role_before(text: str, start: int) -> str | None:
    """The role in ``Tokayev’s spokesman, Ruslan Zheldibay``, written before the name."""
    if not text.endswith(", ", 0, start):
        return None
    match = _ROLE_BEFORE_RE.search(text, max(0, start - 60), start)
    if not match:
        return None
    role = _DETERMINER_RE.sub("", match.group(0).strip(" ,"))
    return role if role[:1].isupper() or len(role.split()) > 1 else None


# --- when -----------------------------------------------------------------------------------

EVENT_RE = re.compile(
    r"\b(?:during|at|in|after|from)\s+(?:the|his|her|their|that|this|a|an)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>meeting|talks|interview|visit|call|conference|summit|speech|debate|rally|"
    r"hearing|briefing|session|address|appearance|event|remarks)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    words: str
    iso: str | None


class _Dates:
    """Dates the narrative mentions, resolved against the publication (or reference) date."""

    def __init__(self, text: str, narrative: list[tuple[int, int]], anchor: str | None) -> None:
        self.text = text
        found = []
        for start, end in narrative:
            segment = text[start:end]
            for s, e, words, iso in find_dates(segment):
                found.append(DateMention(start + s, start + e, words, _dated(iso, anchor)))
            for s, e, words in find_relative_dates(segment):
                found.append(
                    DateMention(start + s, start + e, words, resolve_relative(words, anchor))
                )
        found.sort(key=lambda d: d.start)
        self.mentions = found
        self.starts = [d.start for d in found]

    def within(self, start: int, end: int) -> DateMention | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.mentions) and self.mentions[index].start < end:
            return self.mentions[index]
        return None

    def last_between(self, start: int, end: int) -> DateMention | None:
        index = bisect.bisect_left(self.starts, end) - 1
        if index >= 0 and self.mentions[index].start >= start:
            return self.mentions[index]
        return None

    def of_event(self, start: int, end: int) -> DateMention | None:
        """The date of the event a clause refers back to: ``during the meeting``."""
        event = EVENT_RE.search(self.text, start, end)
        if not event:
            return None
        stem = event.group("noun")[:4].lower()
        index = bisect.bisect_left(self.starts, start) - 1
        while index >= 0:
            mention = self.mentions[index]
            line_start = self.text.rfind("\n", 0, mention.start) + 1
            line_end = self.text.find("\n", mention.end)
            if stem in self.text[line_start : line_end if line_end != -1 else None].lower():
                return mention
            index -= 1
        return None


def _dated(iso: str, anchor: str | None) -> str:
    """Give a year-less date the anchor's year; a statement cannot postdate its report."""
    parts = split_iso(iso)
    anchor_parts = split_iso(anchor) if anchor else None
    if not parts or parts[0] or not anchor_parts or not anchor_parts[0]:
        return iso
    year = anchor_parts[0] - 1 if parts[1:] > anchor_parts[1:] else anchor_parts[0]
    return f"{year:04d}{iso[1:]}"


def _anchor(document: Document, reference_date: str | None) -> str | None:
    for value in (document.date, reference_date):
        if value and split_iso(value[:10]):
            return value[:10]
    return None


# --- putting it together ----------------------------------------------------------------------

INDIRECT_RE = re.compile(
    r"(?:\s+(?:in|on|at|during|to|after|before|via)\s+[^,.;:“”\"]{1,50}?)?,?\s+that\s+"
    r"|\s+(?=(?:he|she|they|it|we|I|there|the|his|her|their|this|these|its|[A-Z][\w-]+)\s)"
)
_FINITE_RE = re.compile(
    r"\b(?:is|was|are|were|will|would|has|had|have|could|can|should|must|may|might|did|does|"
    r"do|won't|wouldn't|isn't|wasn't|didn't|doesn't)\b|\w\wed\b"
)
_QUOTE_CHAR_RE = re.compile(r"[\"“”«»„]|''")
_PARAGRAPH_START_PUNCT = " \t—–-*•"


@dataclass
class _Event:
    """One statement: a quote span or a reported clause, with what attributes it."""

    start: int
    end: int
    kind: str
    clue: Clue | None
    region: tuple[int, int]  # the attributing sentence, where the statement is dated
    paragraph: int
    span: QuoteSpan | None = None
    speaker: Speaker | None = None
    inherits: bool = False


def _narrative(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The stretches of ``text`` outside quotes."""
    segments, position = [], 0
    for span in spans:
        if span.opening > position:
            segments.append((position, span.opening))
        position = max(position, span.closing)
    segments.append((position, len(text)))
    return segments


def _sentence_start(text: str, start: int, end: int) -> int:
    """Where the sentence containing ``end`` begins, at or after ``start``."""
    sentences = sentence_spans(text[start:end])
    if not sentences:
        return end
    last_start, last_end = sentences[-1]
    if _SENTENCE_END_RE.search(text, start + last_start, start + last_end) or (
        text[start + last_end : end].strip() == "" and text[start:end].rstrip()[-1:] in ".!?"
    ):
        return end
    return start + last_start


def _sentence_end(text: str, start: int, end: int) -> int:
    sentences = sentence_spans(text[start:end])
    return start + sentences[0][1] if sentences else start


def _is_partial(text: str, pre_start: int, opening: int, quote_start: int) -> bool:
    """A quoted fragment inside a sentence, not a whole utterance introduced by a verb."""
    before = text[pre_start:opening].rstrip()
    if not before or before[-1] in ":,;—–(":
        return False
    last_word = before.rsplit(None, 1)[-1]
    if SPEECH_VERB_RE.fullmatch(last_word):
        return text[quote_start].islower()
    return True


def _introduced_by_colon(
    text: str, paragraphs: list[tuple[int, int]], number: int, known: frozenset[str]
) -> Clue | None:
    """Attribution of a paragraph-opening quote by the previous paragraph's ``X said:``."""
    if number < 1:
        return None
    p_start, p_end = paragraphs[number - 1]
    if not text[p_start:p_end].rstrip().endswith(":"):
        return None
    start = _sentence_start(text, p_start, p_end)
    return attribution_before(text, start, p_end, partial=False, known=known)


def _quote_events(
    text: str, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]], known: frozenset[str]
) -> list[_Event]:
    starts = [p[0] for p in paragraphs]
    events = []
    for index, span in enumerate(spans):
        number = bisect.bisect_right(starts, span.opening) - 1
        p_start, p_end = paragraphs[number] if number >= 0 else (0, len(text))
        previous = spans[index - 1] if index else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        floor = previous.closing if previous and previous.closing > p_start else p_start
        ceiling = following.opening if following and following.opening < p_end else p_end
        pre_start = _sentence_start(text, floor, span.opening)
        after_end = _sentence_end(text, span.closing, ceiling) if span.closed else span.closing
        partial = _is_partial(text, pre_start, span.opening, span.start)
        after = attribution_after(text, span.closing, after_end) if span.closed else None
        before = attribution_before(text, pre_start, span.opening, partial=partial, known=known)
        clue = (before or after) if partial else (after or before)
        if clue is None and pre_start == span.opening == _trimmed(text, p_start, p_end)[0]:
            clue = _introduced_by_colon(text, paragraphs, number, known)
        events.append(
            _Event(
                span.start,
                span.end,
                "partial" if partial else "direct",
                clue,
                (pre_start, after_end),
                number,
                span,
            )
        )
    return events


def _indirect_events(
    text: str, paragraphs: list[tuple[int, int]], known: frozenset[str]
) -> list[_Event]:
    starts = [p[0] for p in paragraphs]
    events = []
    for s_start, s_end in sentence_spans(text):
        if _QUOTE_CHAR_RE.search(text, s_start, s_end):
            continue
        for verb in reporting_verbs(SPEECH_VERB_RE, text, s_start, s_end):
            link = INDIRECT_RE.match(text, verb.end(), s_end)
            if not link:
                continue
            clause_start = link.end()
            clause_end = s_end
            while clause_end > clause_start and text[clause_end - 1] in ".!?;: ":
                clause_end -= 1
            clause = text[clause_start:clause_end]
            if "that" not in link.group(0) and not _FINITE_RE.search(clause):
                continue
            subject = _nearest_before(text, s_start, verb.start(), known)
            if subject is None or len(WORD_COUNT_RE.findall(clause)) < 3:
                continue
            role = subject.role or _appositive(text, subject.end, verb.start())
            number = bisect.bisect_right(starts, s_start) - 1
            events.append(
                _Event(
                    clause_start,
                    clause_end,
                    "indirect",
                    Clue(subject, verb.start(), role),
                    (s_start, s_end),
                    number,
                )
            )
            break
    return events


def _inherit(event: _Event, last: _Event | None, text: str) -> bool:
    """Whether a quote with no attribution of its own continues the statement before it."""
    span = event.span
    if last is None or last.speaker is None or span is None:
        return False
    if span.continued or (last.span is not None and last.span.continues):
        return True
    if event.paragraph == last.paragraph:
        own = surname(last.speaker.name or "")
        others = [m for m in find_mentions(text, last.end, span.opening) if m.name]
        short = len(WORD_COUNT_RE.findall(text, last.end, span.opening)) <= 25
        return short or all(surname(m.name) == own for m in others)
    paragraph_start = text.rfind("\n", 0, span.opening) + 1
    opens_paragraph = not text[paragraph_start : span.opening].strip(_PARAGRAPH_START_PUNCT)
    return opens_paragraph and event.paragraph - last.paragraph <= 1 and event.kind == "direct"


def _date(
    event: _Event, last: _Event | None, dates: _Dates, paragraphs: list[tuple[int, int]]
) -> DateMention | None:
    start, end = event.region
    found = dates.within(start, end) or dates.of_event(start, end)
    if found:
        return found
    if (
        last is not None
        and last.speaker
        and event.speaker
        and last.speaker.name == event.speaker.name
        and event.paragraph - last.paragraph <= 1
    ):
        return last.date
    floor = paragraphs[max(0, event.paragraph - 1)][0] if paragraphs else 0
    return dates.last_between(floor, start)


def extract_quotes(document: Document, *, reference_date: str | None = None) -> list[Quote]:
    """Every quote in the document, in document order."""
    text = document.text
    spans = find_quote_spans(text)
    paragraphs = _paragraphs(text)
    narrative = _narrative(text, spans)
    people = _People(text, narrative)
    dates = _Dates(text, narrative, _anchor(document, reference_date))
    known = frozenset(surname(p.name).lower() for p in people.register.people)
    events = sorted(
        _quote_events(text, spans, paragraphs, known) + _indirect_events(text, paragraphs, known),
        key=lambda e: e.start,
    )
    quotes = []
    last: _Event | None = None
    for event in events:
        if event.clue is not None:
            event.speaker = people.resolve(event.clue.subject, event.clue.role)
            if event.speaker.name:
                person = people.register.lookup(event.speaker.name)
                if person:
                    people.note(event.clue.verb, person)
        elif _inherit(event, last, text):
            event.speaker, event.inherits = last.speaker, True
        elif (
            event.kind != "direct"
            or not event.span.closed
            or len(WORD_COUNT_RE.findall(text, event.start, event.end)) < 5
        ):
            continue
        event.date = _date(event, last, dates, paragraphs)
        speaker = event.speaker
        quotes.append(
            Quote(
                quote=text[event.start : event.end],
                speaker=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                kind=event.kind,
                date=event.date.iso if event.date else None,
                date_text=event.date.words if event.date else None,
                source=document.source,
                line=document.line_of(event.start),
                start=event.start,
                end=event.end,
            )
        )
        if speaker is not None and (speaker.name or speaker.role):
            last = event
    return quotes
