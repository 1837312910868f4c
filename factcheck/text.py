"""Small pure text functions shared by the stages: normalisation, words, sentences.

Matching works on normalised text; citations always show the source's own characters, so
every function that splits text returns offsets into the original string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": "...",
    }
)
_SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also said says say
    saying told tells according mr mrs ms dr s t""".split()
)

NEGATIONS = frozenset(
    """not no never nobody none nothing neither nor cannot can't won't don't doesn't didn't
    isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't without
    nowhere n't""".split()
)


def normalize(text: str) -> str:
    """Fold typographic quotes, dashes, spaces and case, for comparison only."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACE_RE.sub(" ", text).strip().casefold()


# Characters IGNORECASE does not compare by their one-character lower case: "İ" lowers to
# two characters, "ı" and "ſ" match "i" and "s". (Every other character's lower case is one
# character, matches an ASCII letter under IGNORECASE exactly when it is that letter, and
# is a word or space character exactly when the character is.)
_FOLD_UNSAFE = "\u0130\u0131\u017f"


def lowered(text: str) -> str | None:
    """``text.lower()``, offset for offset, when a pattern of lower-case ASCII letters,
    ``\\b`` and ``\\s`` finds the same matches in it case-sensitively as it does in
    ``text`` with IGNORECASE (case-sensitive matching is several times faster); None when
    ``text`` has a character for which that does not hold."""
    return None if any(char in text for char in _FOLD_UNSAFE) else text.lower()


def words(text: str) -> list[str]:
    """Normalised words of ``text`` (letters and digits, apostrophes kept inside words)."""
    return WORD_RE.findall(normalize(text))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stopwords, no negations."""
    return [w for w in words(text) if w not in STOPWORDS and w not in NEGATIONS]


def stem(word: str) -> str:
    """A light suffix stripper, enough to match 'demands'/'demanded'/'demanding'."""
    for suffix in (
        "ations",
        "ation",
        "ingly",
        "ings",
        "ing",
        "edly",
        "ies",
        "ied",
        "es",
        "ed",
        "s",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break  # "pass", "virus", "crisis" are no plurals
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace,
# unless the word before the dot is a known abbreviation or a single initial; a blank line
# ends one too. Written as one character class first (then the alternatives, told apart by
# a look back at that character) so that the regex engine skips ahead to those characters
# instead of trying every offset: ``[.!?…]+[”’)…]*(?=\s)|\n\s*\n``, matched the same.
_SENTENCE_END_RE = re.compile(
    r"[.!?\u2026\n](?:(?<=\n)\s*\n|(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s))"
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc ltd co corp vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec no u.s u.k u.n e.g i.e a.m p.m
    rev hon adm maj cmdr supt insp det""".split()
)


_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "J", "J.M", "D.C"


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _is_abbreviation(text: str, dot: int) -> bool:
    if dot > _LONGEST_ABBREVIATION and text[dot - _LONGEST_ABBREVIATION - 1 : dot].isalnum():
        return False  # most sentences end in a word longer than these, without a dot
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lower()
    return token in _ABBREVIATIONS or bool(_INITIALS_RE.fullmatch(token))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed; paragraphs never merge."""
    spans = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text, match.start()):
            continue
        following = text[match.end() : match.end() + 3].lstrip()
        # “Why not?” he said. / the U.S. economy: a lowercase word goes on the sentence
        if following[:1].islower() and "\n" not in match.group(0):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines, or by single newlines."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)
        if m.group(0).strip()
    ]


def word_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, so that long lists match fast.

    Python's regex engine tries alternatives one by one; sharing prefixes (``add(?:ed|s)?``)
    makes a 300-word list cost about as much as one word. A space in a word matches any
    whitespace. Longer words win over their prefixes (the optional parts are greedy).
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if "" in node else group

    return build(trie)
