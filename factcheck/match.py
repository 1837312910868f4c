"""Matching: how well a passage covers a claim's content, re-ranking index candidates.

Relevance mixes two explainable signals: the share of the claim's content words (stems, with
synonyms) that the passage contains, and rapidfuzz's token-set similarity of the two texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.lexicon import METONYMS, SYNONYMS
from factcheck.records import Passage
from factcheck.text import content_words, normalize, stem

COVERAGE_WEIGHT = 0.75  # the rest is rapidfuzz token_set_ratio


def content_stems(text: str) -> list[str]:
    """Stems of the content words, with demonyms and metonyms folded to their country
    ("Russian", "Kremlin" -> "russia")."""
    return list(dict.fromkeys(stem(METONYMS.get(w, w)) for w in content_words(text)))


def covers(term: str, stems: set[str]) -> bool:
    return term in stems or bool(SYNONYMS.get(term, frozenset()) & stems)


def coverage(claim_stems: list[str], passage_stems: set[str]) -> float:
    """Share of the claim's content stems that the passage has (directly or by synonym)."""
    if not claim_stems:
        return 0.0
    return sum(covers(term, passage_stems) for term in claim_stems) / len(claim_stems)


@dataclass(frozen=True)
class Match:
    passage: Passage
    relevance: float
    coverage: float


def relevance(claim: str, passage_text: str) -> tuple[float, float]:
    """(relevance, coverage) of a passage for a claim, each from 0 to 1."""
    return _relevance(content_stems(claim), normalize(claim), passage_text)


def _relevance(claim_stems: list[str], claim_norm: str, passage_text: str) -> tuple[float, float]:
    from rapidfuzz import fuzz

    cov = coverage(claim_stems, set(content_stems(passage_text)))
    similarity = fuzz.token_set_ratio(claim_norm, normalize(passage_text)) / 100
    return COVERAGE_WEIGHT * cov + (1 - COVERAGE_WEIGHT) * similarity, cov


def rank(claim: str, passages: Iterable[Passage], *, limit: int | None = None) -> list[Match]:
    """Passages ordered by relevance to ``claim``, best first."""
    claim_stems, claim_norm = content_stems(claim), normalize(claim)
    matches = [
        Match(passage, *_relevance(claim_stems, claim_norm, passage.text)) for passage in passages
    ]
    matches.sort(key=lambda m: m.relevance, reverse=True)
    return matches[:limit] if limit else matches
