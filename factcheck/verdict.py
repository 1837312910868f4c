"""Verdict: a stance for each piece of evidence, and an overall verdict for a claim.

The rules are deliberately simple and explainable; every threshold lives at the top of this
module. A passage takes a stance only when it is on topic: it covers every name of the claim
(in its text, its speaker, or its article) and enough of what the claim says happened. Its
stance is read in its *focus* clause (the one holding the claim's words): negation and denial
words that govern those words, words that call a statement false, opposites ("rise" against
"fall"), and numbers or dates that differ for the same unit each flip the polarity; a
hypothetical clause ("if", "whether", a question) takes no stance. Who speaks matters: a
passage spoken for the party the claim is about (a Kremlin spokesman on a claim about Russia)
weighs more, and the rationale says it is that party's own confirmation or denial (a
denial only when that party negates the claim; saying something else is no denial).

A claim about what someone said ("The FBI said Clinton's email use was careless") is judged
on what was said, and only on passages that give the words of the one it names: spoken by
them, or attributing words to them ("which an FBI investigation said was ..."). Its
rationale says whether they said so or said the opposite. Reported speech in the article's
own sentences ("Mukasey told delegates that ...") is that person's word, not the article's,
and a claim that judges ("should") is marked as an opinion.

The verdict is the stronger side among decisive rows; both sides close in strength is
CONFLICTING, and no decisive row at all is NOT ENOUGH EVIDENCE.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from factcheck.dates import MONTHS, display_date, find_dates, same_day
from factcheck.lexicon import (
    ANTONYMS,
    CURRENCY_SYMBOLS,
    DAYS_IN,
    DENIAL_STEMS,
    FALSITY_STEMS,
    HEDGE_WORDS,
    NEGATION_WORDS,
    NOT_NAMES,
    NOT_NEGATING_AFTER,
    NUMBER_WORDS,
    OPINION_WORDS,
    PARTICLE_OPPOSITES,
    PROPOSAL_WORDS,
    REFUSAL_WORDS,
    REPORTING_WORDS,
    SCALES,
    SYNONYMS,
    UNIT_ALIASES,
)
from factcheck.match import (
    ACTOR_RE,
    AUXILIARIES,
    Claim,
    Match,
    actor,
    actor_stems,
    actor_verb,
    canonical,
    clauses,
    content_stems,
    covers,
    day_names,
    focus_clause,
    fold,
    name_stems,
    parse_claim,
    rank,
    retrieval_query,
)
from factcheck.records import ClaimResult, Evidence, Passage
from factcheck.text import STOPWORDS, content_words, normalize, stem, words

MIN_RELEVANCE = 0.35  # below this a passage is not evidence at all, not even a neutral row
MIN_COVERAGE = 0.6  # share of the claim's content a passage must cover to take a stance
MIN_PREDICATE = 0.65  # ... and share of its non-name words (what happened, not just who)
MIN_FOCUS_PREDICATE = 0.5  # ... and share of those within one clause, not scattered
MIN_NAMES = 1.0  # ... and share of its names found in the passage, its speaker or article
DECISIVE_SCORE = 0.6  # an evidence score this high can decide a verdict
CONFLICT_RATIO = 0.7  # the weaker side within this ratio of the stronger: CONFLICTING
SUBJECT_SPEAKER_BONUS = 0.15  # added to the score when the claim's subject speaks for itself
KIND_WEIGHT = {"direct": 1.0, "partial": 0.95, "indirect": 0.92, "narrative": 0.88}
NUMBER_TOLERANCE = 0.02  # relative difference under which two quantities are the same
# On a claim about what someone said, a passage counts only when it is their words: they
# speak it, or its text puts a reporting verb at most this many words after their name ("an
# FBI investigation said"), or "according to" just before it.
ATTRIBUTION_WINDOW = 3
CANDIDATES = 100  # passages the index returns for re-ranking
DEFAULT_TOP = 5

STANCES = ("supports", "refutes", "neutral")
VERDICTS = ("SUPPORTED", "REFUTED", "CONFLICTING", "NOT ENOUGH EVIDENCE")
# Verdicts that make `factcheck claim --fail-on WHAT` exit 1, for scripts and CI.
FAIL_ON = {"refuted": {"REFUTED"}, "unsupported": set(VERDICTS) - {"SUPPORTED"}}

# Reported speech inside a clause: what follows "that" is the content, whoever speaks.
REPORTED_THAT_RE = re.compile(
    r"\b(?:said|says|stated|states|told\s+\w+(?:\s+\w+){0,4}?|claimed|claims|argued|argues|"
    r"insisted|insists|warned|warns|announced|announces|acknowledged|admitted|noted|added)"
    r"\s+that\b"
)
# Whom the article's own sentence cites for what it says: "which an FBI investigation said
# was careless", "46 percent to 39 percent according to a CBS poll".
_CITED = r"(?P<who>(?:(?:an?|the)\s+)?(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*(?:\s+[a-z]+)?)"
CITED_RE = re.compile(
    rf"\baccording\s+to\s+{_CITED}|\b{_CITED.replace('who>', 'who2>')}\s+(?:said|says|found|"
    r"finds|concluded|concludes|called|calls|described|describes|reported|reports)\b"
)
# The name a clause starts with: who acted, in "The Senate approved the farm bill".
DOER_RE = re.compile(r"^(?:The\s+)?(?P<doer>(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)")
_TOKEN_RE = re.compile(r"[$€£¥%]|\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W_]+)*")


@lru_cache(maxsize=1 << 14)
def tokens(text: str) -> tuple[str, ...]:
    """Normalised words, numbers and the symbols that carry units ($, %)."""
    return tuple(_TOKEN_RE.findall(normalize(canonical(text))))


# --- polarity signals: each returns the words that fired, for the reason shown ------------


def _is_negation(token: str, following: str) -> bool:
    if token in NOT_NEGATING_AFTER and following in NOT_NEGATING_AFTER[token]:
        return False
    if token in REFUSAL_WORDS:  # "refused to blame the referee"
        return following == "to"
    return token in NEGATION_WORDS or token.endswith("n't")


def negations(text: str, governed: Iterable[str] | None = None) -> list[str]:
    """Negation and denial words of ``text`` that govern content: they stand before a word
    that covers one of ``governed`` (stems), or before any content word when None.
    Words calling a statement false count wherever they stand."""
    words = tokens(text)
    stems = [fold(w) for w in words]
    targets = set(governed) if governed is not None else None

    def is_content(i: int) -> bool:
        if targets is None:
            return words[i] not in STOPWORDS and not _is_cue(i)
        if stems[i] in DENIAL_STEMS:  # "rejected" negates on both sides, as in the claim
            return False
        return stems[i] in targets or bool(SYNONYMS.get(stems[i], frozenset()) & targets)

    def _is_cue(i: int) -> bool:
        following = words[i + 1] if i + 1 < len(words) else ""
        return _is_negation(words[i], following) or stems[i] in DENIAL_STEMS

    content_at = [i for i in range(len(words)) if is_content(i)]
    last = max(content_at, default=-1)
    cues = [words[i] for i in range(last) if _is_cue(i) and not is_content(i)]
    return cues + [w for w, s in zip(words, stems, strict=True) if s in FALSITY_STEMS]


def proposals(text: str) -> set[str]:
    """Words that make a text a proposal or a request; "the proposed tower" is a thing, not
    a proposal."""
    found = tokens(text)
    return {
        w
        for i, w in enumerate(found)
        if w in PROPOSAL_WORDS and not (w == "proposed" and i and found[i - 1] in _DETERMINERS)
    }


_DETERMINERS = frozenset("the a an its their his her our this that".split())


def hedges(clause: str) -> list[str]:
    """Words that make a clause hypothetical or a question: it asserts nothing (unless the
    claim is hypothetical in the same way)."""
    found = [w for w in tokens(clause) if w in HEDGE_WORDS]
    return found + (["?"] if clause.rstrip(" \"'”’)").endswith("?") else [])


# Claim words that are an opposite only when a passage says them: "held steady" contradicts
# "fell", but a claim that something stayed "unchanged" is not contradicted by any rise the
# sentence mentions ("a 3 percent raise for staff ... holds the tax rate flat").
ONLY_AS_OPPOSITE = frozenset({"unchang"})


def opposites(claim: Claim, clause: str) -> list[str]:
    """Claim words whose opposite stands in the clause instead ("rise" against "fell"), and
    verbs whose particle is reversed ("voted for" against "voted against")."""
    stems = set(content_stems(clause)) - DENIAL_STEMS
    reversed_terms = [
        term
        for term in claim.predicate
        if term not in DENIAL_STEMS
        and term not in ONLY_AS_OPPOSITE
        and not covers(term, stems)
        and ANTONYMS.get(term, set()) & stems
    ]
    found = claim_words(claim, reversed_terms)
    clause_pairs = list(pairwise(tokens(clause)))
    for verb, particle in pairwise(tokens(claim.text)):
        opposite = PARTICLE_OPPOSITES.get(particle)
        if opposite and any(
            following == opposite and covers(fold(verb), {fold(w)}) for w, following in clause_pairs
        ):
            found.append(f"{verb} {particle}")
    return found


def quantities(text: str) -> tuple[tuple[float, str], ...]:
    """(value, unit) of every number with a unit: "12 percent", "$1.2 billion", "six weeks".
    Dates are left out ("March 3" is no quantity); a number with no unit word is ignored."""
    return tuple((value, unit) for value, unit, _ in written_quantities(text))


@lru_cache(maxsize=1 << 14)
def written_quantities(text: str) -> tuple[tuple[float, str, str], ...]:
    """(value, unit, the words as written) of every number with a unit of ``text``."""
    for start, end, *_ in reversed(find_dates(text)):
        text = text[:start] + " " + text[end:]
    words = tokens(text)
    found = [
        (float(m["first"]) * TALLY_BASE + float(m["second"]), TALLY, f"{m['first']}-{m['second']}")
        for m in TALLY_RE.finditer(text)
        if not (_YEAR_RE.fullmatch(m["first"]) and len(m["second"]) in (2, 4))  # "2019-20"
    ]
    found += [  # "India's fifth-largest cement maker": a rank, compared exactly
        (
            float(ORDINALS.get(m["rank"].lower()) or m["rank"][:-2]),
            f"rank {m['superlative'].lower()}",
            m[0],
        )
        for m in RANK_RE.finditer(text)
    ]
    for i, word in enumerate(words):
        if word[0].isdigit():
            value = float(word.replace(",", "")) if word.count(".") <= 1 else None
        else:
            value = NUMBER_WORDS.get(word)
        if value is None:
            continue
        before = words[i - 1] if i else ""
        if (before in YEAR_PREPOSITIONS or before in MONTHS) and _YEAR_RE.fullmatch(word):
            found.append((value, CALENDAR_YEAR, f"{before} {word}"))  # "in 2021", "May 2021"
            continue
        unit = CURRENCY_SYMBOLS.get(words[i - 1]) if i else None
        j = i + 1
        while j < len(words) and words[j] in SCALES:
            value *= SCALES[words[j]]
            j += 1
        following = words[j] if j < len(words) else ""
        if following == "of" and j + 2 < len(words) and _is_number(words[j + 1]):
            following = words[j + 2]  # "five of seven counts": five counts
        elif following == "of" and j + 1 < len(words) and words[j + 1] in _BACK and found:
            unit = found[-1][1]  # "212 complaints ... rejected 37 of them": 37 complaints
        if following == "per" and j + 1 < len(words) and words[j + 1] == "cent":
            following = "percent"
        after = words[j + 1] if j + 1 < len(words) else ""
        if following in ("percentage", "percent") and after in ("point", "points"):
            following = "point"  # "three percentage points" are points, not percent
        following = UNIT_ALIASES.get(following, following)
        if unit is None and following.isalpha() and following not in STOPWORDS:
            unit = CURRENCY_SYMBOLS.get(following) or stem(following)
        if unit in DAYS_IN:  # a duration, in days
            value, unit = value * DAYS_IN[unit], DURATION
        if unit:
            first = i - 1 if i and words[i - 1] in CURRENCY_SYMBOLS else i
            found.append((value, unit, " ".join(words[max(0, first - 1) : j + 1])))
    return tuple(found)


_BACK = frozenset({"them", "those", "these", "which", "whom"})


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word in NUMBER_WORDS


def _direction(written: str) -> str | None:
    """ "to" or "from" when a figure is where something went or came from ("to 25 percent
    from 15 percent")."""
    head = written.split(None, 1)[0]
    return head if head in ("to", "from") else None


ORDINALS = {
    word: n
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1
    )
}
RANK_RE = re.compile(
    r"\b(?P<rank>" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))[- ]"
    r"(?P<superlative>largest|biggest|highest|lowest|smallest|busiest|richest|poorest|best|worst)\b",
    re.IGNORECASE,
)
# A vote or a score: "passed 78-15", "by 181 votes to 167", compared exactly, as one figure.
TALLY = "tally"
TALLY_BASE = 100_000.0
TALLY_RE = re.compile(
    r"(?<![\w.,-])(?P<first>\d{1,4})(?:\s*[-–]\s*|\s+votes?\s+to\s+)(?P<second>\d{1,4})(?![\w%-]|[.,]\d)"
)
DURATION = "days"  # the unit of "three weeks", "six years": a length of time in days
CALENDAR_YEAR = "calendar year"  # the unit of "in 2021": a date, not a count of years
YEAR_PREPOSITIONS = frozenset("in since by during until before after from".split())
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _same(a: float, b: float, unit: str = "", qualifier: str = "") -> bool:
    """Whether ``b`` (the source's figure) agrees with ``a`` (the claim's), read as the claim
    qualifies it: "about 40 percent" takes 41, "more than 1,100" takes 1,140."""
    if unit in (CALENDAR_YEAR, TALLY) or unit.startswith("rank "):
        return a == b
    if qualifier in AT_LEAST:
        return b >= a
    if qualifier in AT_MOST:
        return b <= a
    tolerance = APPROXIMATE_TOLERANCE if qualifier else NUMBER_TOLERANCE
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


APPROXIMATE_TOLERANCE = 0.1  # "about", "roughly", "nearly": within a tenth
AT_LEAST = frozenset({"more than", "over", "at least", "above"})
AT_MOST = frozenset({"less than", "fewer than", "under", "below"})
_QUALIFIED_RE = re.compile(
    r"\b(?P<qualifier>about|around|roughly|nearly|almost|approximately|some|an estimated|"
    r"more than|over|at least|above|less than|fewer than|under|below)\s+"
    r"[$€£¥]?\s*(?P<number>\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)


def qualifiers(text: str) -> dict[float, str]:
    """How a text qualifies its numbers: {40.0: "about", 1100.0: "more than"}."""
    return {
        float(m.group("number").replace(",", "")): m.group("qualifier").lower()
        for m in _QUALIFIED_RE.finditer(text)
    }


def number_mismatches(claim: str, clause: str, date: str | None = None) -> list[str]:
    """Claim quantities the clause gives differently for the same unit ("30 percent" where
    the clause says "12 percent"), and claim dates where the clause names another day, or,
    when it names none, where ``date`` (when the passage was said) is another day."""
    given = written_quantities(clause)
    qualified = qualifiers(claim)
    found = []
    for value, unit, written in written_quantities(claim):
        same_unit = [(v, w) for v, u, w in given if u == unit]
        directed = [(v, w) for v, w in same_unit if _direction(w) == _direction(written)]
        if _direction(written) and directed:  # "to 15 percent" is compared with "to 25 ..."
            same_unit = directed
        qualifier = qualified.get(value, "")
        if same_unit and not any(_same(value, v, unit, qualifier) for v, _ in same_unit):
            found.append(_figure(written))
    found += [f"{_number(v)} in {int(y)}" for v, y in _figures_of_other_years(claim, clause)]
    clause_dates = [d[3] for d in find_dates(clause)] or ([date] if date else [])
    for _, _, text, iso in find_dates(claim):
        if clause_dates and not any(same_day(iso, d) for d in clause_dates):
            found.append(text)
    (claim_weekdays, claim_months), (weekdays, months) = day_names(claim), day_names(clause)
    if claim_weekdays and weekdays and not claim_weekdays & weekdays:
        found.append("on " + " or ".join(sorted(d.title() for d in claim_weekdays)))
    if claim_months and months and not claim_months & months and not find_dates(claim):
        found.append("in " + " or ".join(calendar.month_name[m] for m in sorted(claim_months)))
    return found


def names_a_day(text: str) -> bool:
    """Whether a text says when: a calendar date, a weekday, a month."""
    weekdays, months = day_names(text)
    return bool(weekdays or months)


def figure_years(text: str) -> tuple[tuple[float, float], ...]:
    """(figure, year) for each year a figure just before it goes with: "2,911 cases in
    2024, up from 1,369 in 2023" gives (2911, 2024) and (1369, 2023)."""
    words = tokens(text)
    pairs = []
    for i, word in enumerate(words):
        if not (i and words[i - 1] in YEAR_PREPOSITIONS and _YEAR_RE.fullmatch(word)):
            continue
        for back in range(i - 2, max(-1, i - 8), -1):
            if _YEAR_RE.fullmatch(words[back]):
                break
            if words[back][0].isdigit() and words[back].count(".") <= 1:
                pairs.append((float(words[back].replace(",", "")), float(word)))
                break
    return tuple(pairs)


def _figures_of_other_years(claim: str, clause: str) -> list[tuple[float, float]]:
    """Claim (figure, year) pairs the clause gives otherwise: the figure for another year,
    or another figure for that year."""
    given, qualified = figure_years(clause), qualifiers(claim)
    return [
        (value, year)
        for value, year in figure_years(claim)
        if not any(_same(value, v, "", qualified.get(value, "")) and y == year for v, y in given)
        and any(_same(value, v) or y == year for v, y in given)
    ]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def figures_not_given(claim: str, text: str) -> list[str]:
    """Claim quantities the text gives no figure for: neither in the claim's unit nor
    the same number in any unit."""
    given = quantities(text)
    return [
        _figure(written)
        for value, unit, written in written_quantities(claim)
        if not any(u == unit or _same(v, value, unit) for v, u in given)
    ]


def _figure(written: str) -> str:
    """The words of a figure as a reason shows them: "$20 billion", "in 2021"."""
    head, _, rest = written.partition(" ")
    return rest if rest and head.isalpha() and not _YEAR_RE.fullmatch(rest) else written


# --- stance of one passage ---------------------------------------------------------------


def speaks_for_subject(claim: Claim, passage: Passage) -> bool:
    """Whether who speaks in the passage is, or speaks for, the party the claim is about."""
    return bool(claim.subject & actor_stems(passage))


def on_topic(match: Match) -> bool:
    return (
        match.coverage >= MIN_COVERAGE
        and match.predicate >= MIN_PREDICATE
        and match.focus_predicate >= MIN_FOCUS_PREDICATE
        and match.names >= MIN_NAMES
    )


def judge(claim: Claim, match: Match) -> Evidence:
    """The stance, score and reason of one matched passage."""
    passage = match.passage
    subject = speaks_for_subject(claim, passage)
    speaker = actor(passage)
    score = min(1.0, match.relevance + (SUBJECT_SPEAKER_BONUS if subject else 0.0))
    score *= KIND_WEIGHT.get(passage.kind, 0.9)
    if not on_topic(match):
        missing = ", ".join(claim_words(claim, match.missing)) or "the claim's content"
        reason = said_by_another(claim, match) or f"off topic: does not mention {missing}"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    match = focus_on_subject(claim, match)
    if not claim.predicate:  # "X is a Republican from Albuquerque": names only
        own = set(content_stems(passage.text)) | actor_stems(passage)
        unsaid = [n for n in claim.names if not covers(n, own)]
        if unsaid:
            reason = f"does not itself name {', '.join(claim_words(claim, unsaid))}"
            return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    hedged = sorted(set(hedges(match.focus)) - set(hedges(claim.text)))
    if hedged:
        reason = f"hypothetical or a question ({', '.join(hedged)})"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    proposal = proposals(match.focus)
    if bool(proposal) != bool(proposals(claim.text)):
        said = "a proposal" if proposal else "what was decided, not the claim's proposal"
        reason = f"{said} ({', '.join(sorted(proposal))})" if proposal else said
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    if claim.speaker and not attributed(claim, passage):
        reason = said_by_another(claim, match) or f"not in the words of {claim.speaker_text}"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    if OPINION_WORDS & set(tokens(claim.text)) and not OPINION_WORDS & set(tokens(match.focus)):
        reason = "a fact, not a judgement on whether it should be"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    other = other_doer(claim, passage, match.focus)
    if other:
        reason = f"about what {other} did, not {' '.join(claim_words(claim, claim.subject))}"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    # A claim that someone denied something asserts the denial: it is negative for the
    # passage's stance, but a different figure or date still refutes it.
    content_negative = len(negations(claim.content or claim.text)) % 2 == 1
    claim_negative = content_negative != claim.denies
    said_on = _said_on(claim, passage)
    mismatches = number_mismatches(claim.text, match.focus, said_on)
    if not mismatches and names_a_day(claim.text) and not (names_a_day(passage.text) or said_on):
        reason = "does not say when"  # "closed for six weeks" on a claim it closes March 10
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    untold = [] if mismatches else figures_not_given(claim.text, passage.text)
    if untold:  # "would cut jobs" says nothing on whether 2,100 go
        reason = f"does not give the figure ({', '.join(untold)})"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    flips = [
        *(f"'{w}'" for w in negations(match.focus, claim.predicate)),
        *(f"opposite of '{w}'" for w in opposites(claim, match.focus)),
    ]
    if not flips and not states_verb(claim, match.passage.text):  # another figure for
        # another event is no contradiction: "40 percent on July 14" against "leads 46 to 39"
        reason = f"does not say whether it {claim_words(claim, [claim.verb])[0]}"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    elsewhere = figure_of_another(claim, match.focus) if mismatches and not claim.speaker else None
    if elsewhere:  # "Household spending accounts for 60 percent" says nothing of mining
        reason = f"gives a figure for something else, not {elsewhere}"
        return Evidence(passage, "neutral", score, match.relevance, reason, subject, speaker)
    if mismatches:  # "600 jobs will go, not 400": a different number refutes, negated or not
        # ... unless only the claim says "not" ("did not cut 600 jobs" against "cut 400"); a
        # denial verb is the act the figure counts ("rejected 73 complaints")
        said_not = any(fold(w) not in DENIAL_STEMS for w in negations(claim.content or claim.text))
        refutes = not said_not or len(flips) % 2 == 1
        reason = "gives " + ", ".join(f"another figure or date than {m}" for m in mismatches)
    else:
        refutes = (len(flips) % 2 == 1) != claim_negative
        reason = NEGATED + ", ".join(flips) if flips else "states it"
    if content_negative:
        reason += " (the claim itself is negative)"
    stance = "refutes" if refutes else "supports"
    return Evidence(passage, stance, score, match.relevance, reason, subject, speaker)


def _said_on(claim: Claim, passage: Passage) -> str | None:
    """When a claim about what someone said dates it, a passage without a date in its words
    is compared by when it was said; for other claims, that is not when the event is."""
    return passage.date if claim.speaker else None


def focus_on_subject(claim: Claim, match: Match) -> Match:
    """The match judged on the clause that names the claim's subject and gives a figure in
    the claim's unit, when the clause chosen for most of the claim's words does not name it:
    "Reyes had 31.4 percent, while Castañeda took 24.8 percent"."""
    units = {unit for _, unit in quantities(claim.text)}
    focus_stems = set(content_stems(match.focus))
    if not units or not claim.subject or claim.subject <= focus_stems:
        return match
    said_on = _said_on(claim, match.passage)
    text = match.passage.text
    naming = [
        clause
        for clause in clauses(text)
        if claim.subject <= set(content_stems(clause))
        and units & {unit for _, unit in quantities(clause)}
    ]
    for clause in naming:
        if not number_mismatches(claim.text, clause, said_on):
            return replace(match, focus=clause)
        several = len(quantities(claim.text)) > 1  # its figures, in two clauses
        if several and not number_mismatches(claim.text, text, said_on):
            return replace(match, focus=text)
    return replace(match, focus=naming[0]) if naming else match


MISATTRIBUTED = "the words of "  # how a reason starts when someone else said the words


def said_by_another(claim: Claim, match: Match) -> str | None:
    """For a claim about what someone said, a direct quote of the same words by somebody
    else: "the words of Peter Szijjarto, not Maros Sefcovic"."""
    passage = match.passage
    if not claim.speaker or passage.kind != "direct" or not passage.speaker:
        return None
    if not on_topic(match):  # off topic only for lack of the claimed speaker's name
        if set(match.missing) - claim.speaker:
            return None
        match = replace(match, coverage=1.0, names=1.0, missing=())
    content = replace(claim, speaker=frozenset(), speaker_text=None)
    if judge(content, match).stance != "supports":
        return None
    return f"{MISATTRIBUTED}{who_said(passage)}, not {claim.speaker_text}"


NEGATED = "negated by "  # how a reason starts when the passage negates or contradicts the claim
OTHER_FIGURE = "gives another figure"  # ... when it gives another number or date


def spoken_by(passage: Passage) -> frozenset[str]:
    """Stems of who speaks in a passage: its speaker, role, or the actor of a narrative."""
    return actor_stems(passage) | {fold(w) for w in words(passage.speaker or "")}


def attributed(claim: Claim, passage: Passage) -> bool:
    """Whether a passage gives the words of the one a claim says said something: they speak
    it, or its text attributes words to them ("which an FBI investigation said was ...")."""
    if claim.speaker & spoken_by(passage):
        return True
    if _abbreviates(claim.speaker_text or "", who_said(passage), passage.text):
        return True  # "The BMA said" of "The British Medical Association (BMA) ... said"
    head, colon, _ = passage.text.partition(":")  # a headline "Sanders: Clinton Email Story"
    if colon and len(head.split()) <= 4 and claim.speaker & name_stems(head):
        return True
    found = tokens(passage.text)
    for i, word in enumerate(found):
        if fold(word) in claim.speaker:
            after = set(found[i + 1 : i + 2 + ATTRIBUTION_WINDOW])
            if after & REPORTING_WORDS or "according" in found[max(0, i - 3) : i]:
                return True
    return False


def _abbreviates(claimed: str, who: str, text: str) -> bool:
    """Whether a claimed speaker is the abbreviation of who speaks: their initials, or the
    abbreviation the text gives in brackets after their name ("Agency (UKHSA)")."""
    letters = "".join(w[0] for w in who.split() if w[0].isupper() and w.lower() not in STOPWORDS)
    return any(
        word.isupper() and len(word) > 1 and (word == letters or f"{who} ({word})" in text)
        for word in claimed.split()
    )


def states_verb(claim: Claim, text: str) -> bool:
    """Whether the text has the claim's main verb, a synonym or its opposite. A passage that
    neither negates nor contradicts must say what happened to support or refute it ("This
    bill keeps food on the table" says nothing on whether the Senate rejected the bill)."""
    if claim.verb is None:
        return True
    stems = set(content_stems(text))
    return covers(claim.verb, stems) or bool(ANTONYMS.get(claim.verb, frozenset()) & stems)


def other_doer(claim: Claim, passage: Passage, clause: str) -> str | None:
    """The party a clause says acted, when that is not the claim's subject although the
    clause names the subject elsewhere: "The Senate approved the bill, sending it to the
    House" is not about what the House did. Reports of speech ("The Kremlin denied ...")
    are left alone: there the one named first speaks, and the content is what counts."""
    found = DOER_RE.match(clause.strip())
    if not found or not claim.subject or ACTOR_RE.match(clause.strip()):
        return None
    if REPORTED_THAT_RE.search(clause):  # "Sanders stated that the Clinton story has moved"
        return None
    doer = name_stems(found.group("doer")) - {fold(w) for w in NOT_NAMES}
    # A capital that only starts the sentence is no party: "Uptake of the MMR vaccine fell"
    # (a word of the claim's own subject), "One child died".
    doer -= subject_words(claim) | set(NUMBER_WORDS)
    named = set(content_stems(clause))
    if doer and not doer & (claim.subject | claim.speaker) and claim.subject & named:
        if subject_leads(claim, clause):
            return None
        return found.group("doer")
    acted_on = object_words(claim)
    if acted_on and not claim.subject & named and doer and doer <= set(claim.predicate) - acted_on:
        return found.group("doer")  # "Imports from China rose" is not the EU raising tariffs
    return None


_PREPOSITIONS = frozenset("for on in of to from with at by about over under into".split())


def object_words(claim: Claim) -> set[str]:
    """Stems of the words right after the claim's main verb, up to a preposition: what was
    acted on ("funding" in "cut funding for free school lunches"), which may well be the
    subject of a passage ("Funding for free lunches went up")."""
    found = words(claim.content or claim.text)
    stems = [fold(w) for w in found]
    if claim.verb not in stems:
        return set()
    after = []
    for word, word_stem in zip(
        found[stems.index(claim.verb) + 1 :], stems[stems.index(claim.verb) + 1 :], strict=True
    ):
        if word in _PREPOSITIONS:
            break
        after.append(word_stem)
    return set(after)


AUXILIARY_STEMS = frozenset(
    fold(w) for w in "did does do will would has have had was were is are".split()
)


def figure_of_another(claim: Claim, clause: str) -> str | None:
    """The claim's subject, when the clause giving another figure does not name it: "Mining
    accounts for about 10 percent" against "Household spending accounts for about 60
    percent"."""
    own = subject_words(claim) & set(content_stems(claim.content or claim.text))
    own -= set(claim.names) | {fold(w) for w in AUXILIARIES}
    if not own or own & set(content_stems(clause)):
        return None
    return " ".join(claim_words(claim, sorted(own)))


def subject_words(claim: Claim) -> set[str]:
    """Stems of the claim's words before its main verb: "MMR uptake among five-year-olds"
    in "MMR uptake among five-year-olds fell to 83.9%"."""
    stems = [fold(w) for w in words(claim.content or claim.text)]
    if claim.verb not in stems:
        return set()
    return set(stems[: stems.index(claim.verb)])


def subject_leads(claim: Claim, clause: str) -> bool:
    """Whether the claim's subject stands before the claim's first predicate word in the
    clause: then the clause tells what the subject did or was, though it starts with someone
    else ("Mukasey criticized Clinton's email use, which the FBI called careless"), unlike
    "The Senate approved the bill, sending it to the House"."""
    stems = [fold(w) for w in tokens(clause)]
    at_subject = next((i for i, s in enumerate(stems) if s in claim.subject), None)
    at_predicate = next(
        (i for i, s in enumerate(stems) if s not in STOPWORDS and covers(s, set(claim.predicate))),
        None,
    )
    return at_subject is not None and at_predicate is not None and at_subject < at_predicate


def claim_words(claim: Claim, stems: Iterable[str]) -> list[str]:
    """The claim's own words for some of its stems, to name them in a reason."""
    wanted = list(dict.fromkeys(stems))
    found = {fold(w): w for w in reversed(content_words(claim.text))}
    # a stem the words do not show as such ("go down" read as "fall") is named by itself
    return list(dict.fromkeys(found.get(s, s) for s in wanted))


# --- verdict ------------------------------------------------------------------------------


def who_said(passage: Passage) -> str:
    """'Kremlin spokesman Dmitry Peskov', 'The Kremlin', or 'the source' for a narrative."""
    if passage.kind == "narrative":
        return actor(passage) or "the source"
    return " ".join(filter(None, [passage.role, passage.speaker])) or "an unnamed speaker"


def reports_the_act(claim: Claim, passage: Passage) -> bool:
    """Whether a narrative sentence reports the very act a claim is about, or its opposite
    ("Putin rejected the proposal" on "Putin accepted the proposal"): the source's report of
    what the party did, not the party's own word."""
    verb = actor_verb(passage)
    return claim.verb is not None and (
        verb == claim.verb or verb in ANTONYMS.get(claim.verb, frozenset())
    )


def describe(evidence: Evidence, claim: Claim) -> str:
    """One line naming who said it and when: the rationale of a verdict."""
    p = evidence.passage
    when = f" on {display_date(p.date)}" if p.date else ""
    where = f" ({p.source}:{p.line})" if p.line else f" ({p.source})"
    who = who_said(p)
    refutes = evidence.stance == "refutes"
    # A denial is the accused party negating the claim; a party that merely says the
    # opposite of a claim, or a claim about what someone said, is no denial.
    denial = refutes and evidence.reason.startswith(NEGATED)
    party = cite = ""
    other_figure = refutes and evidence.reason.startswith(OTHER_FIGURE)
    if other_figure:
        party = ": " + evidence.reason.removeprefix("gives ")
    if claim.speaker:  # the claim is about what someone said: did they say it?
        said = "said otherwise" if other_figure else f"said {'the opposite' if refutes else 'so'}"
        if claim.speaker & spoken_by(p):
            verb = said
        else:
            verb = f"{'reports' if who == 'the source' else 'says'} {claim.speaker_text} {said}"
    elif p.kind == "narrative" and (who == "the source" or reports_the_act(claim, p)):
        who = "the source"
        verb = "reports the opposite" if refutes else "reports it"
        cited = CITED_RE.search(focus_clause(claim.predicate, p.text)[0])
        if cited:  # "..., which a Treasury review said was reckless": whose finding it is
            cite = f", citing {cited.group('who') or cited.group('who2')}"
    elif evidence.for_subject:
        verb = "denied it" if denial else "said the opposite" if refutes else "confirmed it"
        what = "a denial by" if denial else "the word of" if refutes else "a confirmation by"
        party = f": {what} the party the claim is about"
    else:
        verb = "contradicted it" if refutes else "said so"
    if OPINION_WORDS & set(tokens(claim.text)) and evidence.stance != "neutral":
        party += ": an opinion" if not party else ", an opinion"
    return f"{who[0].upper()}{who[1:]} {verb}{when}{where}{cite}{party}"


def aggregate(
    claim: Claim, evidence: list[Evidence], *, claim_speaker_known: bool = False
) -> tuple[str, str]:
    """(verdict, rationale) from the judged evidence. ``claim_speaker_known``: the sources
    name the one a claim says said something, so words they quote from somebody else refute
    it."""
    best = {
        stance: max(
            (e for e in evidence if e.stance == stance and e.score >= DECISIVE_SCORE),
            key=lambda e: e.score,
            default=None,
        )
        for stance in ("supports", "refutes")
    }
    support, refute = best["supports"], best["refutes"]
    if support and refute:
        if min(support.score, refute.score) >= CONFLICT_RATIO * max(support.score, refute.score):
            return "CONFLICTING", f"{describe(support, claim)}; but {describe(refute, claim)}"
        support, refute = (support, None) if support.score > refute.score else (None, refute)
    if support:
        return "SUPPORTED", describe(support, claim)
    if refute:
        return "REFUTED", describe(refute, claim)
    quoted = [e for e in evidence if e.reason.startswith(MISATTRIBUTED)]
    if quoted and claim_speaker_known:
        e = max(quoted, key=lambda e: e.score)
        where = f"{e.passage.source}:{e.passage.line}"
        return "REFUTED", f"{e.reason[0].upper()}{e.reason[1:]} ({where})"
    closest = max(evidence, key=lambda e: e.relevance, default=None)
    if closest is None:
        return "NOT ENOUGH EVIDENCE", "no passage in the sources is about this claim"
    p = closest.passage
    return "NOT ENOUGH EVIDENCE", (
        f"no passage says it or denies it; the closest ({p.source}:{p.line}) is {closest.reason}"
        if closest.stance == "neutral"
        else f"only weak evidence: the closest ({p.source}:{p.line}) {closest.stance[:-1]}s it"
    )


def check_claim(
    claim: str, candidates: Iterable[Passage], *, top: int | None = DEFAULT_TOP
) -> ClaimResult:
    """Judge every candidate passage, then decide. Evidence is ordered by score; rows that
    take a stance come first, neutral rows are shown only when none does."""
    parsed = parse_claim(claim)
    matches = [m for m in rank(parsed, candidates) if m.relevance >= MIN_RELEVANCE]
    evidence = sorted((judge(parsed, m) for m in matches), key=lambda e: e.score, reverse=True)
    known = bool(parsed.speaker) and any(parsed.speaker & spoken_by(m.passage) for m in matches)
    verdict, rationale = aggregate(parsed, evidence, claim_speaker_known=known)
    shown = [e for e in evidence if e.stance != "neutral"] or evidence
    return ClaimResult(claim, verdict, rationale, shown[:top] if top else shown)


class Searchable(Protocol):
    """An index that returns candidate passages for a query (:class:`factcheck.store.Index`)."""

    def candidates(self, text: str, *, limit: int = ...) -> list[Passage]: ...


def check_claim_in(index: Searchable, claim: str, *, top: int | None = DEFAULT_TOP) -> ClaimResult:
    """Check a claim against an index: candidates are looked up by the claim's words, their
    synonyms and the institutions that speak for the countries it names, then judged."""
    query = retrieval_query(parse_claim(claim))
    return check_claim(claim, index.candidates(query, limit=CANDIDATES), top=top)
