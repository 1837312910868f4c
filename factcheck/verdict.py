"""Verdict: a stance for each piece of evidence, and an overall verdict for a claim.

The rules are deliberately simple and explainable; every threshold lives at the top of this
module. A passage takes a stance only when it covers enough of the claim's content; its
polarity (negation, denial verbs, antonyms, different numbers) against the claim's decides
between ``supports`` and ``refutes``. Who speaks matters: a passage spoken for the party the
claim is about (a Kremlin spokesman on a claim about Russia) weighs more, and the rationale
says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.dates import display_date
from factcheck.lexicon import CONFIRMATION_STEMS, DENIAL_STEMS, METONYMS
from factcheck.match import Match, rank
from factcheck.records import ClaimResult, Evidence, Passage
from factcheck.text import NEGATIONS, normalize, stem, words

MIN_RELEVANCE = 0.35  # below this a passage is not shown as evidence at all
MIN_COVERAGE = 0.5  # share of the claim's content a passage must cover to take a stance
MIN_PREDICATE = 0.5  # ... and share of its non-name words (what happened, not just who)
DECISIVE_SCORE = 0.55  # an evidence score this high can decide a verdict
CONFLICT_RATIO = 0.8  # the weaker side within this ratio of the stronger: CONFLICTING
SUBJECT_SPEAKER_BONUS = 0.15  # the claim's subject speaking for itself
KIND_WEIGHT = {"direct": 1.0, "partial": 0.95, "indirect": 0.92, "narrative": 0.88}
DEFAULT_TOP = 5

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
ANTONYMS = {
    stem(a): stem(b)
    for pair in (
        "rise fall",
        "increase decrease",
        "win lose",
        "accept reject",
        "agree refuse",
        "approve veto",
        "support oppose",
        "allow ban",
        "up down",
        "more less",
        "higher lower",
    )
    for a, b in (pair.split(), reversed(pair.split()))
}


def entities(text: str) -> set[str]:
    """Countries and institutions named in ``text``, folded to the country they speak for."""
    norm = normalize(text)
    found = {country for name, country in METONYMS.items() if re.search(rf"\b{name}\b", norm)}
    found |= {country for country in set(METONYMS.values()) if re.search(rf"\b{country}\b", norm)}
    return found


def is_negated(text: str) -> bool:
    tokens = words(text)
    stems = {stem(t) for t in tokens}
    return any(t in NEGATIONS or t.endswith("n't") for t in tokens) or bool(stems & DENIAL_STEMS)


def numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER_RE.findall(text)}


def contradicts(claim: str, passage: str) -> bool:
    """Antonyms or different numbers for the same content."""
    claim_stems = {stem(w) for w in words(claim)}
    passage_stems = {stem(w) for w in words(passage)}
    if any(ANTONYMS.get(s) in passage_stems for s in claim_stems - passage_stems):
        return True
    claim_numbers, passage_numbers = numbers(claim), numbers(passage)
    return bool(claim_numbers and passage_numbers and not claim_numbers & passage_numbers)


def speaks_for_subject(claim: str, passage: Passage) -> bool:
    """Whether the passage's speaker speaks for a party the claim is about."""
    who = " ".join(filter(None, [passage.speaker, passage.role]))
    if passage.kind == "narrative":
        who = passage.text.split(",")[0]  # "The Kremlin on December 8 denied ..."
    return bool(who and entities(claim) & entities(who))


def judge(claim: str, match: Match) -> Evidence:
    """The stance and score of one matched passage."""
    passage = match.passage
    subject = speaks_for_subject(claim, passage)
    coverage = match.coverage + (0.2 if subject else 0.0)
    if coverage < MIN_COVERAGE or match.predicate < MIN_PREDICATE:
        return Evidence(passage, "neutral", match.relevance, match.relevance)
    claim_negative = is_negated(claim)
    passage_negative = is_negated(passage.text) or contradicts(claim, passage.text)
    confirmed = bool({stem(w) for w in words(passage.text)} & CONFIRMATION_STEMS)
    stance = "refutes" if passage_negative != claim_negative and not confirmed else "supports"
    score = min(1.0, match.relevance + (SUBJECT_SPEAKER_BONUS if subject else 0.0))
    return Evidence(passage, stance, score * KIND_WEIGHT.get(passage.kind, 0.9), match.relevance)


def describe(evidence: Evidence, claim: str) -> str:
    """One line naming who said it and when: the rationale of a verdict."""
    p = evidence.passage
    who = " ".join(filter(None, [p.role, p.speaker])) or (
        "the source" if p.kind == "narrative" else "an unnamed speaker"
    )
    when = f" on {display_date(p.date)}" if p.date else ""
    where = f" ({p.source}:{p.line})" if p.line else f" ({p.source})"
    if evidence.stance == "refutes":
        verb = "denied it" if speaks_for_subject(claim, p) else "contradicted it"
    else:
        verb = "confirmed it" if speaks_for_subject(claim, p) else "said so"
    if p.kind == "narrative":
        verb = "reports " + ("the opposite" if evidence.stance == "refutes" else "it")
    return f"{who[0].upper()}{who[1:]} {verb}{when}{where}"


def aggregate(claim: str, evidence: list[Evidence]) -> tuple[str, str]:
    """(verdict, rationale) from the judged evidence."""
    best = {
        stance: max(
            (e for e in evidence if e.stance == stance), key=lambda e: e.score, default=None
        )
        for stance in ("supports", "refutes")
    }
    strong = {s: e for s, e in best.items() if e is not None and e.score >= DECISIVE_SCORE}
    if not strong:
        top = max(evidence, key=lambda e: e.relevance, default=None)
        if top is None:
            return "NOT ENOUGH EVIDENCE", "no passage in the sources is about this claim"
        return "NOT ENOUGH EVIDENCE", "the closest passages do not address the claim directly"
    if len(strong) == 2:
        support, refute = strong["supports"], strong["refutes"]
        if min(support.score, refute.score) >= CONFLICT_RATIO * max(support.score, refute.score):
            return "CONFLICTING", f"{describe(support, claim)}; {describe(refute, claim)}"
        strong = {"supports" if support.score > refute.score else "refutes": None}
    stance = next(iter(strong))
    verdict = "SUPPORTED" if stance == "supports" else "REFUTED"
    return verdict, describe(best[stance], claim)


def check_claim(
    claim: str, candidates: Iterable[Passage], *, top: int | None = DEFAULT_TOP
) -> ClaimResult:
    """Judge every candidate passage, then decide; evidence is ordered by score."""
    matches = [m for m in rank(claim, candidates) if m.relevance >= MIN_RELEVANCE]
    evidence = sorted((judge(claim, m) for m in matches), key=lambda e: e.score, reverse=True)
    verdict, rationale = aggregate(claim, evidence)
    shown = [e for e in evidence if e.stance != "neutral"] or evidence
    return ClaimResult(claim, verdict, rationale, shown[:top] if top else shown)
