"""Matching: how well a passage covers a claim's content, re-ranking index candidates.

Relevance mixes two explainable signals: the share of the claim's content words (stems, with
synonyms) that the passage contains, and rapidfuzz's token-set similarity of the two texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.lexicon import METONYMS, SYNONYMS
from factcheck.records import Passage
from factcheck.text import content_words, normalize, stem

COVERAGE_WEIGHT = 0.75  # the rest is rapidfuzz token_set_ratio
# Capitalised words: names of people, places, institutions (a capitalised stopword such as
# "The" is no content word anyway).
NAME_RE = re.compile(r"\b[A-Z][\w'’-]*")


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


def predicate_stems(text: str) -> list[str]:
    """Content stems of the words that are not names: what the claim says happened.

    "Russia demands political concessions for gas" -> demand, politic, concession, gas.
    A passage that shares only the names ("Russia") is not about the claim."""
    names = {w.casefold() for w in NAME_RE.findall(text)}
    return [
        stem(METONYMS.get(w, w))
        for w in dict.fromkeys(content_words(text))
        if w not in names and w not in METONYMS
    ]


@dataclass(frozen=True)
class Match:
    passage: Passage
    relevance: float
    coverage: float  # share of the claim's content stems the passage has
    predicate: float  # the same, for the claim's non-name words only


def match(claim: str, passage: Passage) -> Match:
    """How relevant one passage is to a claim."""
    return rank(claim, [passage])[0]


def rank(claim: str, passages: Iterable[Passage], *, limit: int | None = None) -> list[Match]:
    """Passages ordered by relevance to ``claim``, best first."""
    from rapidfuzz import fuzz

    claim_stems, claim_norm = content_stems(claim), normalize(claim)
    claim_predicate = predicate_stems(claim)
    matches = []
    for passage in passages:
        stems = set(content_stems(passage.text))
        cov = coverage(claim_stems, stems)
        similarity = fuzz.token_set_ratio(claim_norm, normalize(passage.text)) / 100
        score = COVERAGE_WEIGHT * cov + (1 - COVERAGE_WEIGHT) * similarity
        predicate = coverage(claim_predicate, stems) if claim_predicate else cov
        matches.append(Match(passage, score, cov, predicate))
    matches.sort(key=lambda m: m.relevance, reverse=True)
    return matches[:limit] if limit else matches
