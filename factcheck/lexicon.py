"""Word lists the matching and stance rules use, in one place so they can be read and tuned.

Entries are stems as produced by :func:`factcheck.text.stem`.
"""

from __future__ import annotations

from factcheck.text import stem

# Groups of words that news uses interchangeably for the same idea.
_SYNONYM_GROUPS = [
    "demand require insist impose condition term precondition ask",
    "concession compromise condition term",
    "propose suggest offer float put forward",
    "union alliance bloc partnership",
    "deny reject dismiss refute rebuff",
    "agree accept approve endorse",
    "pay fund finance",
    "talk discuss negotiate",
    "country nation state",
    "kill dead die",
    "rise increase grow climb jump",
    "fall decrease drop decline plunge",
    "buy purchase acquire",
    "sell offload",
    "ban prohibit outlaw",
    "win victory",
    "lose defeat",
    "attack strike assault",
    "president leader",
    "minister secretary",
]
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in _SYNONYM_GROUPS:
    _stems = frozenset(stem(w) for w in _group.split())
    for _s in _stems:
        SYNONYMS[_s] = SYNONYMS.get(_s, frozenset()) | _stems

# A speaker who denies or confirms: verbs in the passage or its attribution.
DENIAL_STEMS = frozenset(
    stem(w)
    for w in "deny denied denies reject rejected dismiss dismissed refute refuted rebuff "
    "rebuffed false untrue baseless unfounded fake nonsense".split()
)
CONFIRMATION_STEMS = frozenset(
    stem(w)
    for w in "confirm confirmed acknowledge acknowledged admit admitted verified true".split()
)

# Metonyms: institutions and places that speak for a country in the news.
METONYMS = {
    "kremlin": "russia",
    "moscow": "russia",
    "russian": "russia",
    "white house": "united states",
    "washington": "united states",
    "pentagon": "united states",
    "american": "united states",
    "us": "united states",
    "u.s.": "united states",
    "downing street": "united kingdom",
    "whitehall": "united kingdom",
    "british": "united kingdom",
    "uk": "united kingdom",
    "elysee": "france",
    "french": "france",
    "paris": "france",
    "beijing": "china",
    "chinese": "china",
    "kyiv": "ukraine",
    "ukrainian": "ukraine",
    "berlin": "germany",
    "german": "germany",
    "tokyo": "japan",
    "japanese": "japan",
    "tehran": "iran",
    "iranian": "iran",
    "ankara": "turkey",
    "turkish": "turkey",
    "brussels": "european union",
    "eu": "european union",
    "uzbek": "uzbekistan",
    "tashkent": "uzbekistan",
    "kazakh": "kazakhstan",
    "astana": "kazakhstan",
}
