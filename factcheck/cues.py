"""Attribution cues: the words around a quote that say who said it, as precompiled patterns.

Reporting verbs (``said``, ``told``, ``added``, ``pointed out``), the phrases that name or
describe a speaker (``the Russian leader``, ``a union spokeswoman``), and the small words
that tell a subject from an object (``with Putin``) or a verb from a noun (``his comment``).
Word lists become trie-shaped regexes (:func:`factcheck.text.word_pattern`) so that long
lists cost little to match.
"""

from __future__ import annotations

import re

from factcheck.names import ORGANISATION_WORDS, ROLE_HEADS
from factcheck.quotemarks import trimmed
from factcheck.text import STOPWORDS, word_pattern


def _verb_forms(lemmas: str, irregular: str = "") -> list[str]:
    """All inflections of regular reporting verbs, plus irregular forms given verbatim."""
    forms = set(irregular.split())
    for verb in lemmas.split():
        if verb.endswith("y") and verb[-2] not in "aeiou":
            forms |= {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
            continue
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        stem = verb + verb[-1] if verb in _DOUBLING else stem
        forms |= {verb, verb + ("es" if verb.endswith(("s", "sh", "ch")) else "s")}
        forms |= {verb + "d" if verb.endswith("e") else stem + "ed", stem + "ing"}
    return sorted(forms)


_DOUBLING = frozenset("admit quip snap commit".split())
_PHRASES = (
    "went on",
    "goes on",
    *(f"{verb} a statement" for verb in ("issued", "issues", "released", "releases")),
    "put it",
    "puts it",
    *(f"{verb} out" for verb in ("pointed", "points", "pointing")),
    *(f"{verb} back" for verb in ("shot", "shoots", "fired", "fires", "wrote", "writes")),
    *(f"{verb} in" for verb in ("chimed", "chimes", "weighed", "weighs")),
)
REPORTING = [
    *_PHRASES,
    *_verb_forms(
        """add note stress deny post tweet ask explain continue argue insist claim declare
        warn recall reply respond state acknowledge admit agree announce caution complain
        concede confirm emphasize emphasise joke observe predict quip remark report shout
        suggest urge vow boast counter muse lament conclude charge contend assert maintain
        promise tout testify recount reason scoff snap yell exclaim whisper mutter propose
        comment wonder echo fume gush marvel interject retort reiterate allege estimate
        cheer plead thunder concur recollect opine reflect elaborate answer press chant
        interrupt demand remember assure react question bark grumble scold taunt tease
        rant quiz""",
        """said says say saying told tells tell telling wrote writes write writing written
        spoke speaks speaking cried cries sang sings sing singing""",
    ),
]
# Verbs that attribute a quoted fragment but not a whole utterance: called it “a disaster”.
NAMING = _verb_forms(
    """call describe label term brand dub blast slam praise criticize criticise dismiss
    accuse welcome hail decry denounce condemn mock attack thank"""
)
SPEECH_VERB_RE = re.compile(rf"\b(?:{word_pattern(REPORTING)})\b", re.IGNORECASE)
NAMING_VERB_RE = re.compile(rf"\b(?:{word_pattern(REPORTING + NAMING)})\b", re.IGNORECASE)
# "will agree", "did not say": the verb does not report anything here; "Zornick’s comment",
# "the report": it is a noun.
# Modals only in lower case: "“…,” May said" and "Will wrote" name Theresa May, George Will.
NOT_REPORTING_RE = re.compile(
    r"(?:\b(?:will|would|can|could|should|must|may|might|not|n't|never|did|does|do|won't|to|"
    r"[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Tt]his|[Tt]hat)|['’]s)\s+$"
)
PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
PASSIVE_COLON_RE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:told|asked|called|warned|informed)"
    r"\s*:\s*$"
)
NAMING_VERB_END_RE = re.compile(rf"\b(?:{word_pattern(NAMING)})\s+(?:\w+\s+)?$", re.IGNORECASE)
SO_CALLED_RE = re.compile(r"\bso-?\s*called\s*$", re.IGNORECASE)
PARTICIPLE_RE = re.compile(r"\w+ing\b")
QUOTED_AS_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>.{1,120}?)\s+as\s+say(?:ing)?\b")
ACCORDING_RE = re.compile(r"\W*according\s+to\s+", re.IGNORECASE)
DASH_RE = re.compile(r"\s*(?:—|–|--|-\s)\s*")
# "the 45-year-old" refers back like a pronoun (of either gender).
PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Tt]he\s+\d{1,3}-year-old)\b")
_ROLE_HEAD = word_pattern(ROLE_HEADS)
# "the Russian leader", "a Democratic strategist", "Tokayev’s spokesman".
_SPACE = r"[^\S\n]*\n?[^\S\n]*(?<=\s)"  # space within a paragraph: one line break at most
DESCRIPTION_RE = re.compile(
    rf"\b(?:the|a|an|one|another|this|that|[A-Z][\w-]*['’]s){_SPACE}(?:[\w’'-]+{_SPACE}){{0,4}}?"
    rf"(?:{_ROLE_HEAD})\b(?![’'-])",
    re.IGNORECASE,
)
# Any short noun phrase as a subject: "the gambling tycoon", "many voters", "officials".
GENERIC_SUBJECT_RE = re.compile(
    r"(?:(?:the|a|an|one|another|many|some|several|two|three|other)\s+)?"
    r"[\w.’'-]+(?:\s+[\w.’'-]+){0,3}(?:\s+(?:also|later|then|had|has|have))?",
    re.IGNORECASE,
)
DETERMINER_RE = re.compile(r"^(?:the|a|an|one|another|this|that)\s+", re.IGNORECASE)
# A mention right after one of these is an object, not the one speaking.
OBJECT_BEFORE_RE = re.compile(
    r"\b(?:with|to|of|by|for|from|at|in|on|about|against|than|like|into|toward|towards|"
    r"among|between|over|under|via|told|tell|tells|asked|asks|quoted|quotes|thanked|urged|"
    r"called|named|interviewed)\s+(?:(?:the|a|an|his|her|their|its)\s+)?$",
    re.IGNORECASE,
)
ROLE_TRIM_RE = re.compile(r"\s+(?:who|which|that|whose|where)\b.*$|^(?:the|a|an)\s+", re.I)
ROLE_BEFORE_RE = re.compile(
    rf"(?:[A-Z][\w-]*['’]s\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_ROLE_HEAD}),\s*$", re.IGNORECASE
)
# Where a role word begins: every DESCRIPTION_RE match has one (after a space).
ROLE_HEAD_START_RE = re.compile(rf"\b(?:{_ROLE_HEAD})", re.IGNORECASE)
# How ROLE_BEFORE_RE must end; searched first (in the last few characters) since it is cheap.
ROLE_HEAD_COMMA_RE = re.compile(rf"(?:{_ROLE_HEAD}),\s*$", re.IGNORECASE)
LONGEST_ROLE_HEAD = max(map(len, ROLE_HEADS))
APPOSITIVE_END_RE = re.compile(r"[,;\n]|[.!?](?:\s|$)")
# Up to two lower-case words right before a name's role: "union president Maria Okafor".
ROLE_PREFIX_RE = re.compile(rf"(?<![\w’'-])(?:[a-z][\w-]*{_SPACE}){{1,2}}\Z")
HYPHENATED_WORD_RE = re.compile(r"[\w-]+")
NOT_ROLE_WORD_RE = re.compile(rf"\w+(?:ed|ing|ly)|{word_pattern(REPORTING + NAMING)}")
# A relative named right after the word for them tells their gender: "her brother, Erik
# Lindqvist", "his wife Margaret".
KINSHIP_GENDERS = {
    **dict.fromkeys("brother son husband father grandfather uncle nephew".split(), "m"),
    **dict.fromkeys("sister daughter wife mother grandmother aunt niece".split(), "f"),
}
KINSHIP_BEFORE_RE = re.compile(rf"\b(?P<noun>{word_pattern(KINSHIP_GENDERS)}),?\s+$")
# Words that may stand between a subject and its verb: ``Smith also said``, ``he has said``.
GAP_WORDS = frozenset(
    """also later then previously recently once again further repeatedly simply flatly quickly
    still has had have was is earlier often never just even already went on go goes to""".split()
)
PHRASE_END_RE = re.compile(r"[,;:()]")
VERB_AFTER_RE = re.compile(
    r"\s+(?:could|would|will|was|is|were|are|has|had|have|should|might|may|can|did|does|"
    r"must|wants?|wanted|needs?|needed)\b"
)
SUBORDINATE_BEFORE_RE = re.compile(
    r"\b(?:after|when|while|as|because|since|before|although|though|if|until|once|whether)\s*$",
    re.IGNORECASE,
)
# What ties a subject to an organisation, between it and its verb: " of the National Retail
# Federation ", " for the Department of Health ", " at Johns Hopkins University ".
AFFILIATION_RE = re.compile(
    r"(?P<phrase>\s+(?:of|for|from|at|with)\s+(?:the\s+)?(?:[A-Z][^,;:.!?“”\"()]{0,60}?"
    rf"|(?<=the )(?:{word_pattern(ORGANISATION_WORDS)})\b))"  # "a spokesperson for the agency"
    rf"(?:\s+(?:{word_pattern(GAP_WORDS)}))*\s*"  # "… of the NRF also said"
)
CONJUNCTION_BEFORE_RE = re.compile(r"\b(?:and|but)\s+(?:then\s+)?$")
# Reported speech: "said that …", "said in a statement that …", "said Putin would …".
INDIRECT_RE = re.compile(
    r"(?:\s+(?:in|on|at|during|to|after|before|via)\s+[^,.;:“”\"]{1,50}?)?,?\s+that\s+"
    r"|\s+(?=(?:he|she|they|it|we|I|there|the|his|her|their|this|these|its|[A-Z][\w-]+)\s)"
)
FINITE_RE = re.compile(
    r"\b(?:is|was|are|were|will|would|has|had|have|could|can|should|must|may|might|did|does|"
    r"do|won't|wouldn't|isn't|wasn't|didn't|doesn't)\b|\w\wed\b"
)
QUOTE_CHAR_RE = re.compile(r"[\"“”«»„]|''")
EVENT_RE = re.compile(
    r"\b(?:during|at|in|after|from)\s+(?:the|his|her|their|that|this|a|an)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>meeting|talks|interview|visit|call|conference|summit|speech|debate|rally|"
    r"hearing|briefing|session|address|appearance|event|remarks)\b",
    re.IGNORECASE,
)
WORD_COUNT_RE = re.compile(r"[^\W_]+")
LEADING_PUNCTUATION = " \t—–-*•"
# An unattributed quote shorter than this is more likely a title or a scare quote.
MIN_UNATTRIBUTED_WORDS = 5


def ends_in_word_and_space(text: str, start: int, end: int, last: str = "") -> bool:
    """Whether ``text[start:end]`` ends in whitespace after a word character (or one of
    ``last``, when given): what patterns such as ``\\b(?:with|to)\\s+$`` need, checked
    before searching them (a search tries every offset of its window)."""
    position = end
    while position > start and text[position - 1].isspace():
        position -= 1
    if position in (end, start):
        return False
    char = text[position - 1]
    return char in last if last else char.isalnum() or char in "_-"


def role_prefix(text: str, start: int, end: int) -> int | None:
    """Where lower-case nouns that belong to the role after them begin (``union`` in
    ``union president Maria Okafor``), or None; verbs and function words are not part."""
    if not ends_in_word_and_space(text, start, end):
        return None
    match = ROLE_PREFIX_RE.search(text, start, end)
    if not match:
        return None
    position = match.start()
    for word in HYPHENATED_WORD_RE.finditer(text, match.start(), end):
        if NOT_ROLE_WORD_RE.fullmatch(word.group(0)) or word.group(0) in STOPWORDS:
            position = word.end()
    position = trimmed(text, position, end)[0]
    return position if position < end else None


def count_words(text: str, start: int, end: int) -> int:
    return len(WORD_COUNT_RE.findall(text, start, end))


def only_gap_words(text: str, start: int, end: int) -> bool:
    """Whether only words like ``also``, ``later``, ``has`` stand in ``text[start:end]``."""
    return all(w.lower() in GAP_WORDS for w in WORD_COUNT_RE.findall(text, start, end))
