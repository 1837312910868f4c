"""Matching: how well a passage covers a claim's content, re-ranking index candidates.

A claim is split into its *names* (people, places, institutions: who it is about) and its
*predicate* (the other content words: what it says happened). A passage covers a name when
the name stands in its text, in its speaker or role, or elsewhere in the same article; it
covers a predicate word when the word or a synonym stands in its text. Relevance mixes that
coverage with rapidfuzz's token-set similarity of the two texts. The *focus* of a passage is
its clause that holds most of the claim's predicate: stance is read there, not in a
neighbouring clause about something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from factcheck.dates import MONTHS, find_dates, split_iso
from factcheck.lexicon import (
    ANTONYMS,
    FILLER_WORDS,
    IRREGULAR_VERBS,
    LIGHT_STEMS,
    METONYMS,
    MODALITY_STEMS,
    NOMINALISATIONS,
    NOT_NAMES,
    NUMBER_WORDS,
    PHRASAL_VERBS,
    ROLE_WORDS,
    SAME_PAST_VERBS,
    SYNONYM_WORDS,
    SYNONYMS,
)
from factcheck.records import Passage
from factcheck.text import STOPWORDS, content_words, normalize, stem, words

COVERAGE_WEIGHT = 0.75  # the rest of relevance is rapidfuzz token_set_ratio
# Capitalised words: names of people, places, institutions.
NAME_RE = re.compile(r"\b[A-Z][\w'’.-]*")
# Where one clause ends and another begins: sentence ends, semicolons, contrastive joins.
# A full stop after an initial or a title is no sentence end ("George W. Bush", "Sen. Vance").
CLAUSE_BREAK_RE = re.compile(
    r"(?-i:(?<!\b[A-Z])(?<!\b(?:Mr|Dr|St|Jr|Sr|Lt))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt)))"
    r"(?-i:(?<!\bCapt)(?<!\bProf))[.!?]+[\"'”’)\]]*\s+|;\s*|:\s+|\s+[-–—]\s+"
    r"|,?\s+\b(?:but|however|although|though|whereas|while|yet)\b\s*"
    # "rose 5 percent as prices fell": "as" joining a clause, not "such as", "as well as"
    r"|(?<!\bsuch)(?<!\bknown)(?<!\bwell)(?<!\bmuch)(?<!\bmany)(?<!\bsame)(?<!\bjust)"
    r"(?<!\bsoon)(?<!\blong)(?<!\bfar)(?<!\bas),?\s+\bas\s+"
    r"(?=(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){1,5}(?:\w+ed|fell|rose|grew|were|was|"
    r"are|is|had|have|has)\b)"
    r"|,\s+(?:saying|adding|arguing|insisting|citing|noting|explaining|ruling|finding|concluding)\s+(?:that\s+)?"
    # "denied that ... and said the problems were caused by ...": a new statement
    r"|\s+and\s+(?:said|says|added|insisted)\s+(?:that\s+)?"
    # "..., and Senate Majority Leader Patricia Holm said ...": a new subject's clause
    r"|,\s+and\s+(?=(?:[A-Z][\w'’.-]*\s+)+(?:said|says|told|added)\b)",
    re.IGNORECASE,
)
# The actor of a narrative sentence that reports speech: "The Kremlin on December 8 denied".
ACTOR_RE = re.compile(
    r"^(?:The\s+)?(?P<actor>(?:[A-Z][\w'’.-]*\s+){0,5}?[A-Z][\w'’.-]*)"
    r"(?:\s+\([^()]{1,20}\))?(?:,[^,]{1,80},)?\s+(?:(?:on|last|this)\s+\w+(?:\s+\d{1,2})?,?\s+|(?:has|have|had|also|"
    r"again|previously|publicly|flatly|strongly)\s+)*"
    r"(?P<verb>said|says|told|denied|denies|rejected|rejects|dismissed|dismisses|confirmed|"
    r"confirms|acknowledged|acknowledges|admitted|admits|announced|announces|insisted|"
    r"insists|stated|states|warned|warns|claimed|claims|argued|argues|disputed|disputes|"
    r"refuted|refutes|rebuffed)\b"
)
# A wire dateline before a sentence: "CLEVELAND, July 19 (UPI) — ", "WASHINGTON (Reuters) - ".
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?"
    r"\s*[-–—]+\s+"
)
# A claim about what someone said: "The FBI said Clinton's email use was careless". The
# speaker is who the claim is about; what they said is judged like any other claim.
_SPEAKER_THEN_VERB = (
    r"^(?P<speaker>(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}?[A-Z][\w'’.-]*"
    r"(?:\s+(?:investigation|review|report|inquiry|audit|probe|panel|spokesman|spokeswoman|"
    r"spokesperson|campaign|office|statement))?)\s+"
    r"(?:(?:has|have|had|also|again|previously|publicly|repeatedly)\s+)*"
)
SPEECH_CLAIM_RE = re.compile(
    _SPEAKER_THEN_VERB
    + r"(?P<verb>said|says|told\s+(?:[\w'’-]+\s+){1,5}?that|denied|denies|claimed|claims|"
    r"argued|argues|stated|states|insisted|insists|warned|warns|admitted|admits|"
    r"acknowledged|acknowledges|believes|thinks|found|finds|concluded|concludes|reported|"
    r"reports)\s+"
    r"(?:that\s+)?(?P<content>\S.*)$"
)
# "Miliband called the decision a betrayal", "described the plan as reckless": a claim
# about what was said of something, when a second noun phrase follows (not "called a vote").
NAMING_CLAIM_RE = re.compile(
    _SPEAKER_THEN_VERB
    + r"(?P<verb>called|calls|described|describes|branded|brands|labell?ed|dubbed)\s+"
    r"(?P<content>(?!(?:an?|off|for|on|in|up|out|back)\b)\S+(?:\s+\S+){0,5}?\s+"
    r"(?:as\s+\S|an?\s+\S).*"
    # "called the figures alarming": an object, then what it was called
    r"|(?:the|his|her|its|their|this|that|these|those)(?:\s+(?!(?:to|for|off|in|on|at|into|"
    r"back|over|with|from|by|of|and|or)\b)\S+){1,2}\s+[a-z]+(?:ing|ed|ous|ful|ic|al|ible|able|"
    r"ive|less|ary|ory|ent|ant|ish|ist)\b.*)$"
)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The stem of a word, irregular verbs in their base form ("fell" -> "fall"), demonyms
    and metonyms folded to their country ("Kremlin" -> "russia")."""
    if word.endswith(("'s", "’s")) and len(word) > 3:  # a possessive: "Clinton's" -> clinton
        word = word[:-2]
    return stem(IRREGULAR_VERBS.get(word) or NOMINALISATIONS.get(word) or METONYMS.get(word, word))


_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PHRASAL = [(re.compile(pattern, re.IGNORECASE), verb) for pattern, verb in PHRASAL_VERBS.items()]
_PARTICLES_RE = re.compile(r"\b(?:up|down|off|out)\b", re.IGNORECASE)


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS = "one two three four five six seven eight nine".split()
_COMPOUND_NUMBER_RE = re.compile(
    rf"\b(?P<tens>{'|'.join(_TENS)})-(?P<unit>{'|'.join(_UNITS)})\b", re.IGNORECASE
)


def _compound_number(match: re.Match) -> str:
    tens = (_TENS.index(match.group("tens").lower()) + 2) * 10
    return str(tens + _UNITS.index(match.group("unit").lower()) + 1)


# "held steady", "remained flat": neither rose nor fell.
_UNCHANGED_RE = re.compile(
    r"\b(?P<verb>(?:held|holds?|holding|keeps?|kept|keeping)(?:\s+[\w'’-]+){0,4}?"
    r"|remained|remains?|stayed|stays?|was|were|is|are)\s+(?:steady|flat|unchanged|stable)\b",
    re.IGNORECASE,
)


_IN_FAVOUR_RE = re.compile(r"\bin\s+favou?r(?:\s+of)?\b", re.IGNORECASE)


def canonical(text: str) -> str:
    """``1,000`` as one number, "forty-one" as 41, phrasal verbs as one word ("went up" ->
    "rise")."""
    text = _THOUSANDS_RE.sub("", text)
    if "-" in text:
        text = _COMPOUND_NUMBER_RE.sub(_compound_number, text)
    text = _UNCHANGED_RE.sub(lambda m: f"{m['verb']} unchanged", text)
    # "voted in favour of" is "voted for" (whose opposite is "against"); "favour" stays,
    # a word of the claim like any other
    text = _IN_FAVOUR_RE.sub("for favour", text)
    if _PARTICLES_RE.search(text):
        for pattern, verb in _PHRASAL:
            text = pattern.sub(verb, text)
    return text


@lru_cache(maxsize=1 << 14)
def content_stems(text: str) -> tuple[str, ...]:
    """Stems of the content words, in order, once each ("Russian", "Kremlin" -> "russia").
    Cached: a passage is read by several rules for one claim, and by the next claims."""
    found = (w for w in content_words(canonical(text)) if w not in FILLER_WORDS)
    return tuple(dict.fromkeys(fold(w) for w in found))


def weight(term: str) -> float:
    return 0.5 if term in LIGHT_STEMS else 1.0


def covers(term: str, stems: set[str] | frozenset[str]) -> bool:
    """Whether ``stems`` has ``term``, a synonym, or every word of a name of several words
    ("european union" in "the European Union's price cap")."""
    if term in stems or SYNONYMS.get(term, frozenset()) & stems:
        return True
    return " " in term and all(stem(w) in stems for w in term.split())


def coverage(terms: Iterable[str], stems: set[str]) -> float:
    """Share of ``terms`` that ``stems`` has, directly, by synonym or by its opposite (a
    passage that says fares fell is about whether they rose); light words count half."""
    terms = list(terms)
    total = sum(weight(t) for t in terms)
    hits = sum(weight(t) for t in terms if covers(t, stems) or ANTONYMS.get(t, set()) & stems)
    return hits / total if terms else 0.0


@dataclass(frozen=True)
class Claim:
    """A claim's content, split into who it is about and what it says."""

    text: str
    names: tuple[str, ...]  # stems of people, places, institutions named
    predicate: tuple[str, ...]  # stems of the other content words
    subject: frozenset[str]  # stems of the first name phrase: the party the claim is about
    verb: str | None = None  # stem of its main verb, when one can be told: what happened
    # For a claim about what someone said ("Mukasey said Clinton did nothing wrong"): the
    # stems of who said it, and their words as the claim gives them. The subject, predicate
    # and verb are then those of what was said.
    speaker: frozenset[str] = frozenset()
    speaker_text: str | None = None
    content: str = ""  # what the claim says happened or was said, without dates
    denies: bool = False  # the claim says the speaker denied it ("The Kremlin denied ...")

    @property
    def stems(self) -> tuple[str, ...]:
        return self.names + self.predicate


# Titles before a name: "Sen. Maria Ocampo" is Ocampo, not any senator.
TITLE_STEMS = frozenset(
    fold(w) for w in "mr mrs ms miss dr prof sen rep gov gen col lt sgt capt rev hon pres".split()
)


def name_stems(text: str) -> set[str]:
    """Folded stems of the capitalised words of ``text`` (a leading stopword is not a name)."""
    return {fold(w) for token in NAME_RE.findall(text) for w in words(token) if w not in STOPWORDS}


AUXILIARIES = frozenset(
    "will would shall should can could may might must is are was were be been being has have "
    "had do does did".split()
)
_LEADING_NAMES_RE = re.compile(
    r"^(?:(?:The|A|An)\s+)?(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and)\s+(?=[A-Z]))?)+"
)


_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})


def main_verb(text: str, predicate: tuple[str, ...]) -> str | None:
    """The stem of a claim's main verb: the first predicate word after an auxiliary ("will
    rise", "was hurt"), else the word right after the leading names when it looks inflected
    ("Russia demands", "Putin proposed"), else the word after "to" ("plans to sell");
    None when none is found."""
    tokens = words(canonical(text))
    tokens = [w for w in tokens if not (w.endswith("ly") and len(w) > 4)]  # "was extremely"
    tokens = [w for w in tokens if w not in ("not", "never")]  # "did not reject"
    # not in a relative clause: "vetoed a bill that would have created a tax"
    main = tokens[: next((i for i, w in enumerate(tokens) if w in _RELATIVE), len(tokens))]
    after_aux = [
        w
        for before, w in pairwise(main)
        if (before in AUXILIARIES or before.endswith("n't")) and w != "to"
    ]
    after_to = [w for before, w in pairwise(tokens) if before == "to"]
    lead = _LEADING_NAMES_RE.match(text)
    after_names = _finite_verb(words(text[lead.end() :])) if lead else []
    candidates = [*after_aux, *after_names, *after_to]
    return next((fold(w) for w in candidates if w[0].isalpha() and fold(w) in predicate), None)


def _is_past(word: str) -> bool:
    return word in IRREGULAR_VERBS or (word.endswith("ed") and len(word) > 4)


def _finite_verb(after: list[str]) -> list[str]:
    """The verb of a clause after its leading capitalised words: the next word when it looks
    inflected ("Russia demands", "Putin proposed"), the past form after a plural noun
    ("Measles cases fell"), or the first past form of a lower-case subject ("The health
    ministry criticised")."""
    if not after:
        return []
    first = after[0]
    if len(after) > 1 and after[1] in AUXILIARIES:  # "Ferry fares will rise": after "will"
        return []
    past = [w for w in after[1:5] if _is_past(w)][:1]
    if first.endswith("s") and past:  # "Measles cases in England fell"
        return past
    if _is_past(first) or first.endswith("s") or first in SAME_PAST_VERBS:
        return [first]
    return [w for w in after[1:9] if _is_past(w)][:1]


DENYING_VERB_RE = re.compile(r"\b(?:denied|denies)\b")


def speech_claim(text: str) -> tuple[str, str] | None:
    """(speaker, what they said) of a claim about what someone said, else None."""
    found = SPEECH_CLAIM_RE.match(text.strip()) or NAMING_CLAIM_RE.match(text.strip())
    if not found or not name_stems(found.group("speaker")) - {fold(w) for w in NOT_NAMES}:
        return None
    speaker = re.sub(r"^(The|A|An)\b", lambda m: m[1].lower(), found.group("speaker"))
    return speaker, found.group("content")


# The doer of a passive claim: "A gas union was proposed by Putin" is about Putin too.
PASSIVE_BY_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+\s+by\s+(?:the\s+)?"
    r"(?P<doer>(?:[A-Z][\w'’.-]*\s*)+)"
)


_BEFORE_DATE_RE = re.compile(r"(?:\b(?:on|since|until|by)\s+)?$", re.IGNORECASE)


# Days a claim names without a calendar date: "on Friday", "in April" (a month alone).
WEEKDAY_RE = re.compile(r"\b(?:on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
BARE_MONTH_RE = re.compile(
    r"\b(?:in|during|since|until|by|last|early|late|mid-)\s*(?P<month>January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
)


def day_names(text: str) -> tuple[frozenset[str], frozenset[int]]:
    """(weekdays, months) a text names: weekday words, and the months of its calendar
    dates and of months named alone ("in April")."""
    weekdays = frozenset(m.group("day").lower() for m in WEEKDAY_RE.finditer(text))
    months = {MONTHS[m.group("month").lower()] for m in BARE_MONTH_RE.finditer(text)}
    months |= {parts[1] for *_, iso in find_dates(text) if (parts := split_iso(iso))}
    return weekdays, frozenset(months)


def without_dates(text: str) -> str:
    """The text with its calendar dates (and the "on" before them), weekdays and months
    named alone left out: a date is compared as a date, never as words a passage must
    repeat ("on Dec 8", "on Friday")."""
    for start, end, *_ in reversed(find_dates(text)):
        start = _BEFORE_DATE_RE.search(text[:start]).start()
        text = text[:start] + re.sub(r"^,?\s*", " ", text[end:])
    text = BARE_MONTH_RE.sub(" ", WEEKDAY_RE.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def parse_claim(text: str) -> Claim:
    speech = speech_claim(without_dates(text))
    speaker_text, content = speech or (None, without_dates(text))
    speaker = frozenset(name_stems(speaker_text)) - TITLE_STEMS if speaker_text else frozenset()
    names = name_stems(content)
    stems = content_stems(content)
    if len([s for s in stems if s not in names and s not in MODALITY_STEMS]) > 1:
        stems = [s for s in stems if s not in MODALITY_STEMS]
    first_run = re.search(r"(?:[A-Z][\w'’.-]*\s*)+", re.sub(r"^(?:The|A|An)\s+", "", content))
    subject = name_stems(first_run.group(0)) if first_run else set()
    passive = PASSIVE_BY_RE.search(content)
    if passive:  # both who acted and who it was done to
        subject |= name_stems(passive.group("doer"))
    predicate = tuple(s for s in stems if s not in names)
    return Claim(
        text=text,
        names=tuple(dict.fromkeys([*sorted(speaker), *(s for s in stems if s in names)])),
        predicate=predicate,
        subject=frozenset(subject),
        verb=main_verb(content, predicate),
        speaker=speaker,
        speaker_text=speaker_text,
        content=content,
        denies=bool(speech) and bool(DENYING_VERB_RE.search(text[: text.find(content)])),
    )


def actor(passage: Passage) -> str | None:
    """Who speaks in a passage: its speaker (and role), or for a narrative sentence that
    reports speech ("The Kremlin on December 8 denied ..."), the one reported."""
    if passage.kind != "narrative" or passage.speaker:  # (a narrative "She ..." has one)
        return " ".join(filter(None, [passage.role, passage.speaker])) or None
    found = _actor_match(passage.text)
    return found.group("actor") if found else None


def actor_verb(passage: Passage) -> str | None:
    """The folded verb a narrative sentence gives its actor: "reject" in "Putin rejected
    the proposal"."""
    found = _actor_match(passage.text) if passage.kind == "narrative" else None
    return fold(found.group("verb")) if found else None


@lru_cache(maxsize=1 << 14)
def _actor_match(text: str) -> re.Match | None:
    return ACTOR_RE.match(DATELINE_RE.sub("", text, count=1))


_MULTIWORD_METONYMS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(m) for m in METONYMS if " " in m) + r")\b"
)


@lru_cache(maxsize=1 << 14)
def actor_stems(passage: Passage) -> frozenset[str]:
    """Folded stems of who speaks, whole phrases too ("White House" -> united states)."""
    who = actor(passage)
    if not who:
        return frozenset()
    phrases = {fold(m) for m in _MULTIWORD_METONYMS_RE.findall(normalize(who))}
    return frozenset(content_stems(who)) | phrases


# A capitalised word inside a sentence, or two at its start ("Riverton City Council").
INNER_NAME_RE = re.compile(
    r"(?<![.!?\"“‘'(\[]\s)(?<!^)\b[A-Z][\w'’.-]*|^[A-Z][\w'’.-]*(?=\s+[A-Z])", re.MULTILINE
)


_NOT_OWN_NAMES = NOT_NAMES | STOPWORDS | ROLE_WORDS


# Capitalised words that bring in no other party: an abbreviation in brackets after a name
# ("Agency (UKHSA)"), and the place something happened at ("a meeting at City Hall").
_NOT_A_PARTY_RE = re.compile(
    r"\s\((?:[A-Z][A-Za-z]*[A-Z])\)|\bat\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
)


@lru_cache(maxsize=1 << 14)
def own_names(passage: Passage) -> frozenset[str]:
    """Names the passage itself brings in, other than its speaker's: the capitalised words of
    its text and of its speaker's role, titles left out ("Riverton" from "Riverton mayor")."""
    text = _NOT_A_PARTY_RE.sub(" ", DATELINE_RE.sub("", passage.text, count=1))
    found = {w for token in INNER_NAME_RE.findall(text) for w in words(token)}
    found |= set(words(passage.role or ""))
    speaker = {fold(w) for w in words(passage.speaker or "")}
    if passage.kind == "narrative":
        speaker |= actor_stems(passage)
    reported = _actor_match(passage.text) if passage.kind == "indirect" else None
    if reported:  # "The UK Health Security Agency (UKHSA) said ...", spoken as "UKHSA"
        speaker |= {fold(w) for w in words(reported.group("actor"))}
    return frozenset(fold(w) for w in found if w not in _NOT_OWN_NAMES) - speaker


# Two or more capitalised words in a row: a full name ("Dale Pruitt", "Hillary Clinton").
_FULL_NAME_RE = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


@lru_cache(maxsize=1 << 12)
def full_names(text: str) -> tuple[tuple[str, ...], ...]:
    """Stems of each run of capitalised words in ``text`` that may be a person's full name,
    leading stopwords and titles left out; a later mention may give the last one alone."""
    runs = []
    for found in _FULL_NAME_RE.findall(text):
        run = [fold(w) for w in words(found) if w not in _NOT_OWN_NAMES]
        if len(run) > 1:
            runs.append(tuple(run))
    return tuple(runs)


def clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_BREAK_RE.split(text) if c and c.strip()]


@lru_cache(maxsize=1 << 14)
def numbers(text: str) -> tuple[tuple[str, str], ...]:
    """(number, the stem of the word after it) for each number of ``text``: "46 percent"."""
    found = words(canonical(text))
    return tuple(
        (fold(w), fold(after))
        for w, after in pairwise(found)
        if (w[0].isdigit() or w in NUMBER_WORDS) and after not in STOPWORDS
    )


@dataclass(frozen=True)
class Match:
    passage: Passage
    relevance: float
    coverage: float  # share of the claim's content (names and predicate) the passage covers
    predicate: float  # share of the claim's predicate alone: what happened, not just who
    names: float  # share of the claim's names found in the passage, its speaker or article
    focus: str  # the clause of the passage that holds most of the claim's predicate
    focus_predicate: float  # share of the claim's predicate within that one clause
    missing: tuple[str, ...] = ()  # claim stems the passage does not cover


def focus_clause(predicate: tuple[str, ...], text: str) -> tuple[str, float]:
    """The clause of ``text`` covering most of ``predicate`` (the first, on a tie), and the
    share of ``predicate`` it covers."""
    best, share = text, -1.0
    for clause in clauses(text) or [text]:
        covered = coverage(predicate, set(content_stems(clause)))
        if covered > share:
            best, share = clause, covered
    return best, share if predicate else 1.0


@dataclass(frozen=True)
class Context:
    """What the rest of a passage's article says, as far as the claim is concerned."""

    names: frozenset[str] = frozenset()  # claim names found anywhere in the article
    person_subject: bool = False  # the claim is about a person who speaks in the sources


def match(claim: Claim, passage: Passage, *, context: Context = Context()) -> Match:
    """How relevant one passage is to a claim.

    Claim names the passage lacks but its article has count too (the article names the city
    once, the mayor's quote says "we"). The article helps only when the passage names no
    other party of its own, so "Riverton approved a stadium" in an article that also mentions
    Larkport says nothing about Larkport; and a claim about what a person did needs a
    passage that names them or is spoken by them, not a quote by somebody else nearby.
    """
    from rapidfuzz import fuzz

    stems = set(content_stems(passage.text))
    # A claim's number is matched by any number of the passage with the same unit: whether
    # it is the same number is for the stance to say ("48 percent" against "46 percent").
    units = {unit for _, unit in numbers(passage.text)}
    stems |= {n for n, unit in numbers(claim.content or claim.text) if unit in units}
    around = stems | actor_stems(passage)
    from_article = context.names
    if own_names(passage) - set(claim.names):
        from_article = frozenset()  # the passage is about someone else
    if context.person_subject and not claim.subject & around:
        from_article = frozenset()
    name_hits = [n for n in claim.names if covers(n, around) or n in from_article]
    for run in full_names(claim.text):  # "Dale Pruitt": "Pruitt" here, "Dale Pruitt" nearby
        if run[-1] in around and set(run) <= context.names:
            name_hits += [n for n in run if n not in name_hits]
    cov = coverage(claim.stems, stems | set(name_hits))
    predicate = coverage(claim.predicate, stems)
    similarity = fuzz.token_set_ratio(normalize(claim.text), normalize(passage.text)) / 100
    focus, focus_predicate = focus_clause(claim.predicate, passage.text)
    return Match(
        passage=passage,
        relevance=COVERAGE_WEIGHT * cov + (1 - COVERAGE_WEIGHT) * similarity,
        coverage=cov,
        predicate=predicate if claim.predicate else cov,
        names=len(name_hits) / len(claim.names) if claim.names else 1.0,
        focus=focus,
        focus_predicate=focus_predicate,
        missing=tuple(t for t in claim.stems if t not in name_hits and not covers(t, stems)),
    )


def rank(claim: Claim, passages: Iterable[Passage], *, limit: int | None = None) -> list[Match]:
    """Passages ordered by relevance to ``claim``, best first."""
    passages = list(passages)
    in_article: dict[str, set[str]] = {}
    speakers: set[str] = set()
    for passage in passages:
        found = set(content_stems(passage.text)) | actor_stems(passage)
        in_article.setdefault(passage.source, set()).update(set(claim.names) & found)
        speakers.update(fold(w) for w in words(passage.speaker or ""))
    person = bool(claim.subject & speakers)
    matches = [
        match(claim, p, context=Context(frozenset(in_article[p.source]), person)) for p in passages
    ]
    matches.sort(key=lambda m: m.relevance, reverse=True)
    return matches[:limit] if limit else matches


def retrieval_query(claim: Claim) -> str:
    """Words to look the claim up by in the index: its content words, their synonyms, and
    the institutions that speak for a country it names (Russia -> Kremlin, Moscow)."""
    terms = set(content_words(claim.text))
    for term in claim.predicate:
        terms |= SYNONYM_WORDS.get(term, frozenset())
    for name, country in METONYMS.items():
        if stem(country) in claim.names and " " not in name:
            terms.add(name)
    return " ".join(sorted(terms))
