"""Attribution: who said what in an article, and when.

:func:`extract_quotes` reads one document in a few linear passes:

1. :func:`factcheck.quotemarks.find_quote_spans` pairs the quote marks.
2. The narrative between quotes is read once for people (:mod:`factcheck.names`), dates and
   sentence boundaries (:class:`_Reader`).
3. Each quote is attributed from the words around it (:mod:`factcheck.cues`): ``“…,” X
   said``, ``said X``, ``X said: “…”``, ``according to X``, ``Agency quoted X as saying``,
   ``“…” — X``; reported speech without quote marks (``X said that …``) becomes an
   ``indirect`` quote.
4. In document order, pronouns and role phrases resolve to earlier people, quotes with no
   attribution of their own inherit the one before when they continue it, and each
   statement is dated from its sentence or the context before it.

Everything is rule-based and precompiled; no model, no network.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from factcheck.cues import (
    ACCORDING_RE,
    AFFILIATION_RE,
    APPOSITIVE_END_RE,
    CONJUNCTION_BEFORE_RE,
    DASH_RE,
    DESCRIPTION_RE,
    DETERMINER_RE,
    EVENT_RE,
    FINITE_RE,
    GENERIC_SUBJECT_RE,
    INDIRECT_RE,
    KINSHIP_BEFORE_RE,
    KINSHIP_GENDERS,
    LEADING_PUNCTUATION,
    LONGEST_ROLE_HEAD,
    MIN_UNATTRIBUTED_WORDS,
    NAMING_VERB_END_RE,
    NAMING_VERB_RE,
    NOT_REPORTING_RE,
    NOT_ROLE_WORD_RE,
    OBJECT_BEFORE_RE,
    PARTICIPLE_RE,
    PASSIVE_BEFORE_RE,
    PASSIVE_COLON_RE,
    PHRASE_END_RE,
    PRONOUN_RE,
    QUOTED_AS_RE,
    ROLE_BEFORE_RE,
    ROLE_HEAD_COMMA_RE,
    ROLE_HEAD_START_RE,
    ROLE_TRIM_RE,
    SO_CALLED_RE,
    SPEECH_VERB_RE,
    SUBORDINATE_BEFORE_RE,
    VERB_AFTER_RE,
    WORD_COUNT_RE,
    count_words,
    ends_in_word_and_space,
    only_gap_words,
    role_prefix,
)
from factcheck.dates import find_dates, find_relative_dates, resolve_relative, split_iso
from factcheck.names import (
    OUTLET_WORDS,
    PRONOUNS,
    PUBLICATION_WORDS,
    ROLE_HEADS,
    Mention,
    Person,
    Register,
    find_mentions,
    is_organisation_name,
    surname,
)
from factcheck.quotemarks import QuoteSpan, find_quote_spans, paragraph_spans, trimmed
from factcheck.records import Document, Quote
from factcheck.text import lowered, sentence_spans
from factcheck.text import words as normalised_words

# --- records of one reading -----------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Who a clause names as speaking: a name, a pronoun, or a description."""

    start: int
    end: int
    kind: str  # name | pronoun | description
    words: str
    role: str | None = None
    gender: str | None = None  # a name's honorific tells it: "Ms Lindqvist"


@dataclass(frozen=True)
class Clue:
    """An attribution next to a statement: who (None: not named), and where its verb is."""

    subject: Subject | None
    verb: int
    role: str | None


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to: a name as introduced, a role, both, or neither."""

    name: str | None
    role: str | None


@dataclass(frozen=True)
class DateMention:
    """A date the narrative mentions, in its own words, and as ISO when it can be."""

    start: int
    end: int
    words: str
    iso: str | None


@dataclass
class _Event:
    """One statement: a quote span or a reported clause, and what attributes and dates it."""

    start: int
    end: int
    kind: str
    clue: Clue | None
    region: tuple[int, int]  # the attributing sentence
    paragraph: int
    span: QuoteSpan | None = None
    speaker: Speaker | None = None
    date: DateMention | None = None


def _scan(pattern: re.Pattern, text: str, lowered: str | None) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern of lower-case words, ``\\b`` and
    ``\\s`` with IGNORECASE: found case-sensitively in the lower-cased text when there is
    one (:func:`factcheck.text.lowered`), several times faster, then matched again in
    ``text`` for the matches themselves."""
    if lowered is None:
        return list(pattern.finditer(text))
    matches = []
    for found in _case_sensitive(pattern).finditer(lowered):
        match = pattern.match(text, found.start())
        if match is None or match.end() != found.end():  # cannot happen: be safe anyway
            return list(pattern.finditer(text))
        matches.append(match)
    return matches


# QUOTE_CHAR_RE's two alternatives: its marks, and where two apostrophes begin (each of
# them, as a search of any window finds them).
_QUOTE_MARK_RE = re.compile(r"[\"“”«»„]")
_TWO_APOSTROPHES_RE = re.compile(r"'(?=')")


def _word_or_space(char: str) -> bool:
    """Whether ``char`` is a ``\\w`` or ``\\s`` character (the regex engine's tests)."""
    return char.isalnum() or char == "_" or char.isspace()


_CASE_SENSITIVE: dict[tuple[str, int], re.Pattern] = {}


def _case_sensitive(pattern: re.Pattern) -> re.Pattern:
    key = (pattern.pattern, pattern.flags)  # (a Pattern's own hash reads all its code)
    if key not in _CASE_SENSITIVE:
        _CASE_SENSITIVE[key] = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return _CASE_SENSITIVE[key]


def _plain_description(match: re.Match) -> bool:
    """A description that is one noun phrase naming a person: not ``the agency quoted
    Deputy``, not ``the news agency``."""
    words = match.group(0).split()
    return (
        not any(
            w.lower() in OUTLET_WORDS or w in _LINKING_WORDS or NOT_ROLE_WORD_RE.fullmatch(w)
            for w in words[1:-1]
        )
        and words[-1].lower() not in OUTLET_WORDS
    )


# A description whose head follows one of these is about something else: "Clinton’s
# campaign for president", "a vote against the chairman".
_LINKING_WORDS = frozenset("for to against with from".split())


# --- reading one document -------------------------------------------------------------------


class _Reader:
    """One document's text with what attribution looks up again and again, computed once:
    the quotes, the paragraphs, the sentences, and the mentions of people in the narrative.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.paragraphs = paragraph_spans(text)
        self.spans = find_quote_spans(text, self.paragraphs)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        sentences = sentence_spans(text) if sentences is None else sentences
        self.sentences = sentences
        self.sentence_starts = [start for start, _ in sentences]
        self.sentence_ends = [end for _, end in sentences]
        self.narrative = self._narrative()
        self.narrative_ends = [end for _, end in self.narrative]
        self.mentions = [m for seg in self.narrative for m in find_mentions(text, *seg)]
        self.mention_starts = [m.start for m in self.mentions]
        self.lowered = lowered(text)
        self._found: dict[int, tuple[list[int], list[re.Match]]] = {}  # by id(pattern)
        self._role_heads: list[int] | None = None
        self._quote_chars: tuple[list[int], list[int]] | None = None
        # Surnames of the people the document introduces (set once they are registered):
        # a far-off subject must be one of them, not any capitalised word.
        self.known: frozenset[str] = frozenset()

    def _narrative(self) -> list[tuple[int, int]]:
        """The stretches of text outside quotes."""
        segments, position = [], 0
        for span in self.spans:
            if span.opening > position:
                segments.append((position, span.opening))
            position = max(position, span.closing)
        segments.append((position, len(self.text)))
        return segments

    def narrative_end(self, position: int) -> int:
        """Where the narrative stretch that ``position`` is in ends (at a quote or the end)."""
        index = bisect.bisect_left(self.narrative_ends, position)
        return self.narrative_ends[index] if index < len(self.narrative_ends) else len(self.text)

    def in_narrative(self, position: int) -> bool:
        """Whether ``position`` is outside every quote."""
        index = bisect.bisect_right(self.narrative_ends, position)
        return index < len(self.narrative) and self.narrative[index][0] <= position

    def paragraph_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, position) - 1)

    def sentence_start(self, floor: int, position: int) -> int:
        """Where the sentence that ``position`` is in begins, not before ``floor``."""
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        return max(floor, self.sentence_starts[index]) if index >= 0 else floor

    def sentence_end(self, position: int, ceiling: int) -> int:
        """Where the sentence that goes on after ``position`` ends, not after ``ceiling``."""
        index = bisect.bisect_right(self.sentence_ends, position)
        return min(ceiling, self.sentence_ends[index]) if index < len(self.sentences) else ceiling

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        index = bisect.bisect_left(self.mention_starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].end <= end:
            found.append(self.mentions[index])
            index += 1
        return found

    # -- patterns matched once over the whole text --

    def finditer(self, pattern: re.Pattern, start: int, end: int) -> list[re.Match]:
        """``list(pattern.finditer(text, start, end))`` for a word-list pattern
        (:data:`SPEECH_VERB_RE`, :data:`NAMING_VERB_RE`), from one scan of the whole text.

        Such a pattern reads only word and space characters, so in ``text[start:end]`` it
        finds what it finds in the whole text up to the word-or-space characters the window
        ends with (where the window's end can cut a word); those are scanned again, and the
        whole window when a match of the whole text runs across its start."""
        found = self._found.get(id(pattern))  # (a Pattern's own hash reads all its code)
        if found is None:
            matches = _scan(pattern, self.text, self.lowered)
            found = self._found[id(pattern)] = ([m.start() for m in matches], matches)
        starts, matches = found
        text = self.text
        tail = end
        while tail > start and _word_or_space(text[tail - 1]):
            tail -= 1
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, tail)
        if first and matches[first - 1].end() > start:
            return list(pattern.finditer(text, start, end))
        inside = matches[first:last]
        return inside + list(pattern.finditer(text, tail, end)) if tail < end else inside

    def has_quote_char(self, start: int, end: int) -> bool:
        """``QUOTE_CHAR_RE.search(text, start, end)``, from the offsets of quote marks."""
        if self._quote_chars is None:
            self._quote_chars = (
                [m.start() for m in _QUOTE_MARK_RE.finditer(self.text)],
                [m.start() for m in _TWO_APOSTROPHES_RE.finditer(self.text)],
            )
        marks, pairs = self._quote_chars
        return bisect.bisect_left(marks, start) < bisect.bisect_left(marks, end) or (
            bisect.bisect_left(pairs, start) < bisect.bisect_left(pairs, end - 1)
        )

    def descriptions(self, start: int, end: int) -> list[re.Match]:
        """``list(DESCRIPTION_RE.finditer(text, start, end))``, skipping the search where no
        role word begins (after a space) inside the window: a description ends in one."""
        if not self.role_word_in(start + 1, end):
            return []
        return list(DESCRIPTION_RE.finditer(self.text, start, end))

    def role_word_in(self, start: int, end: int) -> bool:
        """Whether a role word (:data:`ROLE_HEAD_START_RE`) begins in ``text[start:end]``."""
        if self._role_heads is None:
            self._role_heads = [
                m.start() for m in _scan(ROLE_HEAD_START_RE, self.text, self.lowered)
            ]
        index = bisect.bisect_left(self._role_heads, start)
        return index < len(self._role_heads) and self._role_heads[index] < end

    # -- who: candidates and subjects --

    def is_object(self, start: int, floor: int) -> bool:
        floor = max(floor, start - 20)
        if not ends_in_word_and_space(self.text, floor, start):
            return False  # as the pattern must: it is quicker to look first
        return bool(OBJECT_BEFORE_RE.search(self.text, floor, start))

    def appositive(self, end: int, limit: int) -> str | None:
        """The role in ``Name, the Kremlin spokesman,`` right after a name ending at ``end``."""
        text = self.text
        if text.find(",", end, limit) != end:
            return None
        closing = APPOSITIVE_END_RE.search(text, end + 1, limit)
        phrase = text[end + 1 : closing.start() if closing else limit].strip(" .")
        words = phrase.split()
        if not words or len(words) > 16 or SPEECH_VERB_RE.search(phrase):
            return None
        if not (DETERMINER_RE.match(phrase) or any(w.lower() in ROLE_HEADS for w in words)):
            return None
        if words[0].lower() in ("who", "which", "that", "whose"):
            return None  # a relative clause, not a role
        return ROLE_TRIM_RE.sub("", phrase).strip() or None

    def role_before(self, start: int) -> str | None:
        """The role in ``Tokayev’s spokesman, Ruslan Zheldibay``, written before the name."""
        if not self.text.endswith(", ", 0, start):
            return None
        # the role's last word ends at the comma: without one there, the long search is vain
        floor = max(0, start - 60)
        if not ROLE_HEAD_COMMA_RE.search(
            self.text, max(floor, start - 2 - LONGEST_ROLE_HEAD), start
        ):
            return None
        match = ROLE_BEFORE_RE.search(self.text, floor, start)
        if not match:
            return None
        role = DETERMINER_RE.sub("", match.group(0).strip(" ,"))
        return role if role[:1].isupper() or len(role.split()) > 1 else None

    def role_of(self, mention: Mention, floor: int) -> tuple[int, str | None]:
        """Where a name's mention begins once the role words before it are counted, and the
        role: ``Doe’s top foreign policy aide Jo Li``, ``union president Maria Okafor``."""
        text = self.text
        if is_organisation_name(mention.name):
            return mention.start, None  # "the Department of Justice" has no role
        # a description that ends inside the mention has its role word there: look if any
        if self.role_word_in(mention.start, mention.end):
            for match in self.descriptions(max(floor, mention.start - 60), mention.end):
                inside = match.start() <= mention.start < match.end() <= mention.end
                if inside and _plain_description(match):
                    return match.start(), DETERMINER_RE.sub("", match.group(0))
        if mention.role:
            prefix = role_prefix(text, max(floor, mention.start - 30), mention.start)
            if prefix is not None:
                return prefix, text[prefix : mention.start] + mention.role
        return mention.start, mention.role

    def subjects(self, start: int, end: int) -> list[Subject]:
        """Who in ``text[start:end]`` could be speaking; objects of verbs and prepositions,
        possessives and news outlets are left out."""
        text = self.text
        found = []
        names = [m for m in self.mentions_in(start, end) if m.name and not m.possessive]
        for match in self.descriptions(start, end):
            if not _plain_description(match) or not self.in_narrative(match.start()):
                continue
            words = DETERMINER_RE.sub("", match.group(0))
            if any(match.start() <= m.start < match.end() <= m.end for m in names):
                continue  # "Doe’s top aide Jo Li" is a name with a role
            found.append(Subject(match.start(), match.end(), "description", words))
        for mention in names:
            if any(s.start <= mention.start < s.end for s in found):
                continue
            role_start, role = self.role_of(mention, start)
            mention = replace(mention, start=role_start)
            described = [d for d in found if d.kind == "description" and d.end <= mention.start]
            if described and text[described[-1].end : mention.start].strip() in ("", ","):
                found.remove(described[-1])  # Clinton’s top aide Jake Sullivan; his aide, Jo Li
                role = role or described[-1].words
            gender = mention.gender
            found.append(Subject(mention.start, mention.end, "name", mention.name, role, gender))
        for match in PRONOUN_RE.finditer(text, start, end):
            if not self.in_narrative(match.start()):
                continue  # "he" inside a quote is somebody the speaker talks about
            words = match.group(0).lower()
            words = "year-old" if words.endswith("year-old") else words  # the 45-year-old
            found.append(Subject(match.start(), match.end(), "pronoun", words))
        found.sort(key=lambda s: s.start)
        return [s for s in found if not self.is_object(s.start, start)]

    def subject_before(self, start: int, verb: int) -> Subject | None:
        """The subject of a verb: the last candidate before it that can govern it.

        ``Name, <any phrase>, [adverb] said`` skips the phrase (appositive, relative or
        participial clause); a participle (``…, saying``) takes its clause's subject however
        far; close candidates always can; far ones must be people the document knows, not
        any capitalised word.
        """
        text = self.text
        candidates = self.subjects(start, verb)
        if not candidates:
            return None
        comma = text.rfind(",", start, verb)
        if comma != -1 and only_gap_words(text, comma, verb):
            if PARTICIPLE_RE.match(text, verb):
                return self._participle_subject(start, verb, candidates)
            for candidate in candidates:
                if candidate.end < comma and text.startswith(",", candidate.end):
                    return candidate  # "Trump, who …, said" / "Smith, delivering it, asked"
        subject = self.with_phrase(candidates[-1], verb)
        if only_gap_words(text, subject.end, verb):
            return subject
        conjoined = CONJUNCTION_BEFORE_RE.search(text, max(start, verb - 10), verb)
        words = count_words(text, subject.end, verb)
        if self.strong(subject) and words <= (8 if conjoined else 3):
            return subject
        if conjoined or PARTICIPLE_RE.match(text, verb):
            # "Carson did not name his rivals, but told supporters", "… upon saying": the
            # verb goes with the sentence's main subject, if it is someone the text knows
            main = self._main_subject(start, candidates)
            return main if self.strong(main) else None
        return None

    def strong(self, subject: Subject) -> bool:
        """A subject that can govern a verb far from it: a pronoun, a description, or a
        person the document introduces (not any capitalised word, not a place)."""
        return subject.kind != "name" or surname(subject.words).lower() in self.known

    def _participle_subject(self, start: int, verb: int, candidates: list[Subject]) -> Subject:
        """Who a participle's clause is about: ``Spicer said, adding`` → the subject of the
        reporting verb before; ``Warren endorsed Clinton, saying`` → the main clause's."""
        earlier = self.reporting_verbs(SPEECH_VERB_RE, start, verb)
        if earlier:  # the verb just before, else the sentence's first: "X said on TV, adding"
            adjacent = count_words(self.text, earlier[-1].end(), verb) <= 1
            subject = self.subject_before(start, earlier[-1 if adjacent else 0].start())
            if subject:
                return subject
        return self._main_subject(start, candidates)

    def _main_subject(self, start: int, candidates: list[Subject]) -> Subject:
        """The first candidate that is not in a subordinate clause (``after Obama spoke``)."""
        main = [
            c
            for c in candidates
            if not SUBORDINATE_BEFORE_RE.search(self.text, max(start, c.start - 10), c.start)
        ]
        return (main or candidates)[0]

    def subject_after(self, verb_end: int, end: int) -> Subject | None:
        """The subject of an inverted attribution: ``said Tom Rath, a veteran …``, ``said
        Clinton ally James Carville`` (the last name before the phrase ends)."""
        limit = min(end, verb_end + 80)
        phrase_end = PHRASE_END_RE.search(self.text, verb_end, limit)
        candidates = self.subjects(verb_end, phrase_end.start() if phrase_end else limit)
        if not candidates or count_words(self.text, verb_end, candidates[0].start) > 3:
            return None
        names = [c for c in candidates if c.kind == "name"]
        subject = names[-1] if names else candidates[0]
        if VERB_AFTER_RE.match(self.text, subject.end):
            return None  # "said the candidate could win" reports, it does not attribute
        return subject

    def _clue(self, subject: Subject, limit: int) -> Clue:
        return Clue(subject, subject.start, subject.role or self.appositive(subject.end, limit))

    # -- attribution around a quote --

    def reporting_verbs(self, pattern: re.Pattern, start: int, end: int) -> list[re.Match]:
        return [
            m
            for m in (
                self.finditer(pattern, start, end)
                if pattern is SPEECH_VERB_RE  # searched all over; naming verbs seldom
                else pattern.finditer(self.text, start, end)
            )
            if not NOT_REPORTING_RE.search(self.text, max(start, m.start() - 8), m.start())
            and not (  # "he was told", "it is called": the subject does not speak
                PASSIVE_BEFORE_RE.search(self.text, max(start, m.start() - 8), m.start())
                and not m.group(0).endswith("ing")
            )
        ]

    def attribution_after(self, start: int, end: int) -> Clue | None:
        """In the words after a closing mark: ``, Peskov said`` / ``, said Peskov``."""
        text = self.text
        head = start
        while head < end and text[head] in " ,;:\u00a0":
            head += 1
        quoted = QUOTED_AS_RE.search(text, head, end)
        if quoted and count_words(text, head, quoted.start()) <= 6:
            found = self.subjects(quoted.start("who"), quoted.end("who"))
            return self._clue(found[-1], end) if found else None
        lead = DASH_RE.match(text, head, end) or ACCORDING_RE.match(text, head, end)
        if lead:
            found = self.subjects(lead.end(), end)
            if found and count_words(text, lead.end(), found[0].start) <= 1:
                return self._clue(found[0], end)
        verbs = self.reporting_verbs(SPEECH_VERB_RE, head, end)
        if not verbs or DASH_RE.match(text, head, end):
            return None
        verb = verbs[0].start()
        between = text[head:verb]
        if not WORD_COUNT_RE.search(between) and PARTICIPLE_RE.fullmatch(verbs[0].group(0)):
            return None  # “…,” promising more: the clause goes on about the one before
        if not WORD_COUNT_RE.search(between):
            subject = self.subject_after(verbs[0].end(), end)
            return self._clue(subject, end) if subject else Clue(None, verb, None)
        found = self.subjects(head, verb)
        if (
            found
            and (
                role_prefix(text, head, found[0].start) == head
                or (  # the Department of Justice (but not: the Trump campaign)
                    DETERMINER_RE.fullmatch(text[head : found[0].start])
                    and is_organisation_name(found[0].words)
                    and surname(found[0].words).lower() not in PUBLICATION_WORDS  # the Post
                )
            )
        ):
            found[0] = replace(found[0], start=head)  # “…,” warm-and-fuzzy Trump said
        if not found or count_words(text, head, found[0].start):
            generic = GENERIC_SUBJECT_RE.fullmatch(between.strip())
            if generic:  # “…,” the man shouted. / “…,” officials said.
                words = DETERMINER_RE.sub("", generic.group(0))
                return Clue(Subject(head, verb, "description", words), verb, None)
            return None
        subject = self.with_phrase(found[0], verb)
        role = subject.role or self.appositive(subject.end, verb)
        parenthetical = between.rstrip().endswith(",") and text.startswith(",", subject.end)
        if count_words(text, subject.end, verb) > 2 and not role and not parenthetical:
            return None  # but: Mr. Mahaney, of RBC Capital Markets, said
        return Clue(subject, verb, role)

    def with_phrase(self, subject: Subject, verb: int) -> Subject:
        """The subject with the phrase that ties it to an organisation, when only that stands
        before the verb: ``Jo Li of the National Retail Federation said``; a description
        takes it as its role: ``a spokesperson for the Department of Health``."""
        phrase = AFFILIATION_RE.fullmatch(self.text, subject.end, verb)
        if phrase is None:
            return subject
        end = phrase.end("phrase")
        if subject.kind == "description":
            return replace(subject, end=end, role=f"{subject.words}{self.text[subject.end : end]}")
        return replace(subject, end=end)

    def attribution_before(self, start: int, end: int, *, partial: bool) -> Clue | None:
        """In the words before an opening mark: ``Peskov said: “`` / ``…, saying, “``."""
        text = self.text
        verbs = self.reporting_verbs(NAMING_VERB_RE if partial else SPEECH_VERB_RE, start, end)
        clause = text.rfind(",", start, end) + 1 or start
        if PASSIVE_COLON_RE.search(text, max(start, end - 40), end):
            return None  # "Jo Li was told: “…”": the one told does not speak
        if text[start:end].rstrip().endswith(":") and (not verbs or verbs[-1].start() < clause):
            # Asked about it, Mr. Smith shot back: “…” / Trump paused, then boomed: “…”
            found = self.subjects(clause, end) or self.subjects(start, clause)
            return self._clue(found[-1], end) if found else None
        if not verbs:
            return None
        verb = verbs[-1]
        subject = self.subject_before(start, verb.start()) or self.subject_after(verb.end(), end)
        if subject is None and PARTICIPLE_RE.fullmatch(verb.group(0)):
            # X needled the “reporter,” saying, “…”: the subject stands before the last quote
            sentence = self.sentence_start(self.paragraphs[self.paragraph_of(start)][0], start)
            subject = self.subject_before(sentence, verb.start()) if sentence < start else None
        if subject is None:
            # "a man yelled “Stay there!”": the verb introduces the quote; nobody is named
            adjacent = not WORD_COUNT_RE.search(text, verb.end(), end)
            return Clue(None, verb.start(), None) if adjacent else None
        return Clue(subject, verb.start(), subject.role or self.appositive(subject.end, end))

    def introduced_by_colon(self, paragraph: int) -> Clue | None:
        """Attribution of a paragraph-opening quote by the previous paragraph's ``X said:``."""
        if paragraph < 1:
            return None
        start, end = self.paragraphs[paragraph - 1]
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        return self.attribution_before(self.sentence_start(start, end - 1), end, partial=False)

    def is_partial(self, pre_start: int, span: QuoteSpan) -> bool:
        """A quoted fragment inside a sentence, not a whole utterance introduced by a verb."""
        before = self.text[pre_start : span.opening].rstrip()
        if not before or before[-1] in ":,;—–-(":
            return False
        if SPEECH_VERB_RE.fullmatch(before.rsplit(None, 1)[-1]):
            return self.text[span.start].islower()
        return True

    # -- the statements --

    def quote_events(self) -> list[_Event]:
        events = []
        spans = self.spans
        for index, span in enumerate(spans):
            number = self.paragraph_of(span.opening)
            p_start, p_end = self.paragraphs[number]
            previous = spans[index - 1] if index else None
            following = spans[index + 1] if index + 1 < len(spans) else None
            floor = max(p_start, previous.closing) if previous else p_start
            ceiling = min(p_end, following.opening) if following else p_end
            pre_start = self.sentence_start(floor, span.opening)
            after_end = self.sentence_end(span.closing, ceiling) if span.closed else span.closing
            partial = self.is_partial(pre_start, span)
            after = self.attribution_after(span.closing, after_end) if span.closed else None
            before = self.attribution_before(pre_start, span.opening, partial=partial)
            clue = (before or after) if partial else (after or before)
            if clue is None and pre_start == span.opening == trimmed(self.text, p_start, p_end)[0]:
                clue = self.introduced_by_colon(number)
            kind = "partial" if partial else "direct"
            region = (pre_start, after_end)
            events.append(_Event(span.start, span.end, kind, clue, region, number, span))
        return events

    def indirect_events(self) -> list[_Event]:
        """``X said that …`` and ``X said Putin would …`` in sentences without quote marks."""
        text = self.text
        events = []
        for s_start, s_end in self.sentences:
            if self.has_quote_char(s_start, s_end):
                continue
            for verb in self.reporting_verbs(SPEECH_VERB_RE, s_start, s_end):
                link = INDIRECT_RE.match(text, verb.end(), s_end)
                if not link:
                    continue
                start, end = trimmed(text, link.end(), s_end)
                while end > start and text[end - 1] in ".!?;:":
                    end -= 1
                if "that" not in link.group(0) and not FINITE_RE.search(text, start, end):
                    continue
                subject = self.subject_before(s_start, verb.start())
                if subject is None or count_words(text, start, end) < 3:
                    continue
                role = subject.role or self.appositive(subject.end, verb.start())
                clue = Clue(subject, verb.start(), role)
                paragraph = self.paragraph_of(s_start)
                # dated by its attribution, not by its content ("said talks resume May 2")
                region = (s_start, start)
                events.append(_Event(start, end, "indirect", clue, region, paragraph))
                break
        return events


# --- people across the document -------------------------------------------------------------


class _People:
    """The document's people, and who was last spoken of, for pronouns and role phrases."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.register = Register()
        self._subject_at: list[int] = []
        self._subject_person: list[Person] = []
        # Whether each is the one spoken of there, None until asked: a narrative mention can
        # be an object ("with Putin"), which is looked at only when a pronoun looks back.
        self._spoken_of: list[bool | None] = []
        for mention in reader.mentions:
            self._introduce(mention)

    def _introduce(self, mention: Mention) -> None:
        """Register a person from a narrative mention: a full name, or one with a role."""
        if not mention.name:
            return
        if " " in mention.name or mention.role:
            person = self.register.add(mention.name, None, mention.start)
        else:  # a surname alone only refers to somebody introduced
            person = self.register.lookup(mention.name, gender=mention.gender)
            if person is None:
                return
            self.register.see(person, mention.start, mention.name)
        if not person.role:  # a person keeps the first role given: look for one only then
            person.role = self._role(mention)
        if not person.gender:
            person.gender = self._kinship_gender(mention.start) or self._honorific_gender(mention)
        if not mention.possessive:
            self.note(mention.start, person, None)

    def _honorific_gender(self, mention: Mention) -> str | None:
        """The gender a mention's honorific tells about the person it names, when it can
        name only one: a guess between two Lindqvists must not become a fact."""
        if not mention.gender:
            return None
        if " " in mention.name or len(self.register.bearers(mention.name, mention.gender)) == 1:
            return mention.gender
        return None

    def _kinship_gender(self, start: int) -> str | None:
        """The gender of a relative named right after the word for them: "her brother,
        Erik Lindqvist"."""
        kinship = KINSHIP_BEFORE_RE.search(self.reader.text, max(0, start - 14), start)
        return KINSHIP_GENDERS[kinship.group("noun")] if kinship else None

    def _role(self, mention: Mention) -> str | None:
        """The role written around a narrative mention: before it, or right after it."""
        reader = self.reader
        return (
            reader.role_of(mention, 0)[1]
            or reader.appositive(mention.end, reader.narrative_end(mention.end))
            or reader.role_before(mention.start)
        )

    def note(self, position: int, person: Person, spoken_of: bool | None = True) -> None:
        """Record that ``person`` is the one last spoken of at ``position`` (None: if the
        mention there is not an object)."""
        index = bisect.bisect_right(self._subject_at, position)
        self._subject_at.insert(index, position)
        self._subject_person.insert(index, person)
        self._spoken_of.insert(index, spoken_of)

    def _is_spoken_of(self, index: int) -> bool:
        if self._spoken_of[index] is None:
            self._spoken_of[index] = not self.reader.is_object(self._subject_at[index], 0)
        return bool(self._spoken_of[index])

    def last(self, position: int, pronoun: str) -> Person | None:
        """Who a pronoun at ``position`` refers to: the latest fitting person of the last
        eight spoken of."""
        gender = PRONOUNS.get(pronoun)
        index = bisect.bisect_left(self._subject_at, position)
        looked_at = 0
        while index and looked_at < 8:
            index -= 1
            if not self._is_spoken_of(index):
                continue
            looked_at += 1
            person = self._subject_person[index]
            if person.is_organisation:
                continue
            if not gender or not person.gender or person.gender == gender:
                return person
        return None

    def resolve(self, clue: Clue) -> Speaker:
        """The speaker a clue names: a name merged with the document's people, a pronoun or
        role phrase resolved to an earlier person, or an unnamed role."""
        subject, role = clue.subject, clue.role
        if subject is None:
            return Speaker(None, None)
        if subject.kind == "pronoun":  # he/she; "they", "I", "we" name nobody in particular
            person = self.last(subject.start, subject.words) if subject.words in PRONOUNS else None
            if person is None:
                return Speaker(None, None)
        elif subject.kind == "description":
            person = self.register.by_role(subject.words, subject.start)
            if person is None or not _same_affiliation(subject, person.role):
                head = subject.words.rsplit(None, 1)[-1].lower()
                return Speaker(
                    None, (subject.role or subject.words) if head in ROLE_HEADS else None
                )
        else:
            person = self.register.lookup(subject.words, subject.start, subject.gender)
            if person is None:
                person = self.register.add(subject.words, role, subject.start)
                person.gender = person.gender or subject.gender
            elif role and not person.role:
                person.role = role
        self.note(clue.verb, person)
        return Speaker(person.name, person.role or role)


def _same_affiliation(subject: Subject, role: str | None) -> bool:
    """Whether a description with an affiliation (``spokesperson for the ministry``) can
    name someone whose role is ``role``: every word of the affiliation is in it."""
    if not subject.role or not subject.role.startswith(subject.words):
        return True
    affiliation = set(normalised_words(subject.role[len(subject.words) :])) - _AFFILIATION_FILLERS
    return affiliation <= set(normalised_words(role or ""))


_AFFILIATION_FILLERS = frozenset("of for from at with the".split())


# --- when -----------------------------------------------------------------------------------


# Words that make a date that of something to come, not of what was said before it.
FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|'ll|scheduled|due|expected|set\s+to|plans?\s+to|planned|until|"
    r"next)\b",
    re.IGNORECASE,
)


class _Dates:
    """Dates the narrative mentions, resolved against the publication (or reference) date."""

    def __init__(self, reader: _Reader, anchor: str | None) -> None:
        self.text = reader.text
        self.lowered = reader.lowered
        self.anchor = anchor
        self._claimed: dict[int, str | None] = {}  # date offset -> whose statement it dates
        found = [
            DateMention(start, end, words, _dated(iso, anchor))
            for start, end, words, iso in find_dates(reader.text)
        ]
        found += [
            DateMention(start, end, words, resolve_relative(words, anchor))
            for start, end, words in find_relative_dates(reader.text)
        ]
        narrative_starts = [start for start, _ in reader.narrative]

        def in_narrative(mention: DateMention) -> bool:
            index = bisect.bisect_right(narrative_starts, mention.start) - 1
            return index >= 0 and mention.end <= reader.narrative[index][1]

        self.mentions = sorted(filter(in_narrative, found), key=lambda d: d.start)
        self.starts = [d.start for d in self.mentions]

    def within(self, start: int, end: int) -> DateMention | None:
        """The first date in ``text[start:end]`` a statement can have been made on: not one
        after the publication date (``adding that talks resume on May 2``)."""
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if not self._after_anchor(mention):
                return mention
            index += 1
        return None

    def _after_anchor(self, mention: DateMention) -> bool:
        return bool(
            self.anchor and mention.iso and len(mention.iso) == 10 and mention.iso > self.anchor
        )

    def last_between(self, start: int, end: int) -> DateMention | None:
        """The latest date in ``text[start:end]``, unless it is one no statement was made on:
        after the publication date, or that of a future event ("would start on March 4")."""
        index = bisect.bisect_left(self.starts, end) - 1
        if index < 0 or self.mentions[index].start < start:
            return None
        mention = self.mentions[index]
        if self._after_anchor(mention) or FUTURE_RE.search(self._words_before(mention.start)):
            return None
        return mention

    def _words_before(self, position: int) -> str:
        """The few words before ``position`` in its clause: what a date there belongs to."""
        head = self.text[max(0, position - 60) : position]
        return " ".join(re.split(r"[.,;:!?\n]", head)[-1].split()[-5:])

    def of_event(self, start: int, end: int) -> DateMention | None:
        """The date of the event a clause refers back to: ``during the meeting``."""
        if self.lowered is not None and not _case_sensitive(EVENT_RE).search(
            self.lowered, start, end
        ):
            return None  # as in _scan: the same answer, found several times faster
        event = EVENT_RE.search(self.text, start, end)
        if not event:
            return None
        stem = event.group("noun")[:4].lower()
        for index in range(bisect.bisect_left(self.starts, start) - 1, -1, -1):
            mention = self.mentions[index]
            line_start = self.text.rfind("\n", 0, mention.start) + 1
            line_end = self.text.find("\n", mention.end)
            if stem in self.text[line_start : line_end if line_end != -1 else None].lower():
                return mention
        return None

    def of_statement(
        self, event: _Event, last: _Event | None, paragraphs: list[tuple[int, int]]
    ) -> DateMention | None:
        """The date in the attributing sentence, else that of the event it refers to, else
        that of the same speaker's statement just before, else the latest date in the
        paragraph or the one before unless it dates somebody else's statement."""
        start, end = event.region
        speaker = event.speaker.name if event.speaker else None
        found = self.within(start, end)
        if found:
            self._claimed.setdefault(found.start, speaker)  # "Okafor said on Monday"
            return found
        found = self.of_event(start, end)
        if found:
            return found
        if _continues_speaker(event, last):
            return last.date
        found = self.last_between(paragraphs[max(0, event.paragraph - 1)][0], start)
        if found and self._claimed.get(found.start, speaker) != speaker:
            return None  # the date of someone else's statement
        return found


def _continues_speaker(event: _Event, last: _Event | None) -> bool:
    """Whether ``event`` is the same speaker's next statement, in the next paragraph at most."""
    if last is None or last.speaker is None or event.speaker is None:
        return False
    return last.speaker.name == event.speaker.name and event.paragraph - last.paragraph <= 1


def _dated(iso: str, anchor: str | None) -> str:
    """Give a year-less date the anchor's year; a statement cannot postdate its report."""
    parts = split_iso(iso)
    anchor_parts = split_iso(anchor) if anchor else None
    if not parts or parts[0] or not anchor_parts or not anchor_parts[0]:
        return iso
    year = anchor_parts[0] - 1 if parts[1:] > anchor_parts[1:] else anchor_parts[0]
    return f"{year:04d}{iso[1:]}"


def _anchor(document: Document, reference_date: str | None) -> str | None:
    """The full date relative expressions count from: publication date, else the user's."""
    for value in (document.date, reference_date):
        if value and split_iso(value[:10]):
            return value[:10]
    return None


# --- putting it together --------------------------------------------------------------------


def _inherits(event: _Event, last: _Event | None, previous: _Event | None, reader: _Reader) -> bool:
    """Whether a quote with no attribution of its own continues the statement before it
    (``last``, the latest with a speaker; ``previous``, the latest of all): the next part of
    a split or multi-paragraph quote, or a quote opening the paragraph after the speaker's."""
    span = event.span
    if last is None or last.speaker is None or span is None:
        return False
    if span.continued or (last.span is not None and last.span.continues):
        return previous is last  # not the rest of a quote nobody is named for
    text = reader.text
    if event.paragraph == last.paragraph:
        own = surname(last.speaker.name or "")
        if count_words(text, last.end, span.opening) <= 25:
            return True
        others = reader.mentions_in(last.end, span.opening)
        return all(surname(m.name) == own for m in others if m.name)
    line_start = text.rfind("\n", 0, span.opening) + 1
    opens_paragraph = not text[line_start : span.opening].strip(LEADING_PUNCTUATION)
    return (
        opens_paragraph
        and event.paragraph - last.paragraph <= 1
        and event.kind == "direct"
        and count_words(text, event.start, event.end) >= 3  # not a label: “Related:”
    )


def _is_title(text: str, start: int, end: int) -> bool:
    """``“New Day”``, ``“The Art of the Deal”``: short, and every longer word capitalised."""
    words = WORD_COUNT_RE.findall(text, start, end)
    long_words = [w for w in words if len(w) > 3]
    return len(words) <= 8 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _is_name_for(event: _Event, text: str) -> bool:
    """A partial quote that names something (a show, a book, a slogan) rather than quoting
    someone's words, unless a naming verb gives it: ``called it “Crooked Hillary”``; and any
    ``so-called “…”``."""
    if event.kind != "partial":
        return False
    if event.span and SO_CALLED_RE.search(
        text, max(0, event.span.opening - 12), event.span.opening
    ):
        return True
    if not _is_title(text, event.start, event.end):
        return False
    before = text[event.region[0] : event.span.opening if event.span else event.start]
    return not NAMING_VERB_END_RE.search(before)


def _unattributed_worth_keeping(event: _Event, text: str) -> bool:
    """A quote nobody is named for: kept when it reads as speech, not as a title."""
    return (
        event.kind == "direct"
        and event.span is not None
        and (event.span.closed or event.span.continues)  # a quote going on for paragraphs
        and count_words(text, event.start, event.end) >= MIN_UNATTRIBUTED_WORDS
    )


def extract_quotes(
    document: Document,
    *,
    reference_date: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Quote]:
    """Every quote in the document, in document order. ``sentences``: the text's
    :func:`~factcheck.text.sentence_spans`, when the caller has them already."""
    text = document.text
    reader = _Reader(text, sentences)
    people = _People(reader)
    reader.known = frozenset(surname(p.name).lower() for p in people.register.people)
    dates = _Dates(reader, _anchor(document, reference_date))
    events = sorted(reader.quote_events() + reader.indirect_events(), key=lambda e: e.start)
    quotes = []
    last: _Event | None = None
    previous: _Event | None = None
    for event in events:
        if _is_name_for(event, text):
            continue
        named = event.clue is not None and event.clue.subject is not None
        if named:
            event.speaker = people.resolve(event.clue)
        elif _inherits(event, last, previous, reader):
            event.speaker = last.speaker
        elif event.clue is not None:
            event.speaker = Speaker(None, None)  # attributed, to nobody named
        elif not _unattributed_worth_keeping(event, text):
            continue
        event.date = dates.of_statement(event, last, reader.paragraphs)
        speaker, date = event.speaker, event.date
        quotes.append(
            Quote(
                quote=text[event.start : event.end],
                speaker=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                kind=event.kind,
                date=date.iso if date else None,
                date_text=date.words if date else None,
                source=document.source,
                line=document.line_of(event.start),
                start=event.start,
                end=event.end,
            )
        )
        previous = event
        if event.speaker is not None:
            last = event
    return quotes
