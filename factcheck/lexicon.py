"""Word lists the matching and stance rules use, in one place so they can be read and tuned.

Entries are stems as produced by :func:`factcheck.text.stem`. The lists name general news
vocabulary (reporting, denying, rising and falling), never the words of one article.
"""

from __future__ import annotations

from factcheck.names import ROLE_HEADS, ROLE_MODIFIERS
from factcheck.text import stem


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


def _groups(groups: list[str]) -> dict[str, frozenset[str]]:
    """Each stem of a group -> every stem of every group it is in."""
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        stems = _stems(group)
        for s in stems:
            table[s] = table.get(s, frozenset()) | stems
    return table


# Groups of words that news uses interchangeably for the same idea.
_SYNONYM_GROUPS = [
    "demand require insist impose condition term precondition",
    "concession compromise condition term",
    "propose proposal suggest offer float",
    "union alliance bloc partnership",
    "deny reject dismiss refute rebuff",
    "agree accept approve endorse allow permit pass adopt",
    "pay fund finance",
    "talk discuss negotiate",
    "country nation state",
    "kill dead die",
    "rise increase grow climb jump raise hike double triple soar surge",
    "fall decrease drop decline plunge slip slipping dip sink tumble halve slump",
    "lead ahead",
    "ask urge",
    "cut reduce slash lower",
    "buy purchase acquire",
    "sell offload",
    "ban prohibit outlaw",
    "win victory beat",
    "lose defeat",
    "attack strike assault",
    "president leader",
    "minister secretary",
    "close shut",
    "repair renovate fix replace",
    "plan intend",
    "build construct",
    "price fare fee cost",
    "deal agreement accord pact treaty",
    "company firm",
    "worker employee staff",
    "cancel scrap",
    "halt suspend pause stop",
    "hire recruit",
    "resign quit",
    "warn caution",
    "fire sack",
    "accuse blame castigate criticize criticise condemn slam",
    "praise commend applaud",
    "delay postpone defer",
    "estimate forecast project predict",
    "arrest detain",
    "fine penalty penalise penalize",
]
SYNONYMS: dict[str, frozenset[str]] = _groups(_SYNONYM_GROUPS)
# The same, as words (not stems), to look synonyms up in the index.
SYNONYM_WORDS: dict[str, frozenset[str]] = {
    s: frozenset(w for g in _SYNONYM_GROUPS if s in _stems(g) for w in g.split()) for s in SYNONYMS
}

# Opposites: a claim word whose opposite stands in the passage instead contradicts it. Each
# side is a synonym group, so "rise" is also contradicted by "drop" and "plunge".
_OPPOSITES = [
    (
        "rise increase grow climb jump raise hike double triple soar surge",
        "fall decrease drop decline plunge cut reduce halve slump",
    ),
    ("win victory beat", "lose defeat"),
    (
        "accept agree approve endorse allow permit pass adopt welcome sign",
        "reject refuse veto oppose ban block defeat",
    ),
    ("support back", "oppose"),
    ("open reopen", "close shut"),
    ("higher more above", "lower less fewer below"),
    ("hire recruit", "fire sack"),
    ("start begin launch", "end stop halt"),
    ("guilty", "innocent"),
    ("legal lawful", "illegal unlawful"),
    ("expand widen grow", "shrink narrow disappear vanish"),
    ("gain profit surplus", "loss deficit"),
    ("praise commend applaud", "criticize criticise castigate condemn slam"),
    ("unchanged", "rise increase grow climb jump raise hike double triple soar surge"),
    ("unchanged", "fall decrease drop decline plunge cut reduce halve slump"),
]
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITES:
    for _side, _other in ((_a, _b), (_b, _a)):
        for _s in _stems(_side):
            ANTONYMS[_s] = ANTONYMS.get(_s, frozenset()) | _stems(_other)

# Words that negate what follows them in their clause ("nobody is talking about ...").
NEGATION_WORDS = frozenset(
    """not no never nobody none nothing neither nor cannot can't won't don't doesn't didn't
    isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't without
    nowhere n't ain't""".split()
)
# Verbs that negate the verb after "to": "refused to blame", "failed to pass".
REFUSAL_WORDS = frozenset(
    "refuse refused refuses decline declined declines fail failed fails".split()
)
# Negation words that do not negate when followed by these ("not only", "no doubt").
NOT_NEGATING_AFTER = {"not": {"only", "just", "merely"}, "no": {"doubt"}}
# A speaker who denies: verbs that negate the content they govern ("denied reports that ...").
DENIAL_STEMS = _stems(
    "deny denied denies denial reject rejected rejects dismiss dismissed dismisses refute "
    "refuted refutes rebuff rebuffed rebuffs disputed disputes dispute"
)
# Words that call a statement untrue wherever they stand in its sentence ("... is false").
FALSITY_STEMS = _stems(
    "false untrue baseless unfounded fake nonsense lie lies groundless fabricated fabrication "
    "misleading"
)
# Verbs that attribute words to someone inside a sentence ("an FBI investigation said ..."):
# a claim about what that party said is about words so attributed.
REPORTING_WORDS = frozenset(
    """said says say told tells stated states claimed claims argued argues found finds concluded
    concludes called calls described describes wrote writes warned warns insisted insists
    reported reports added adds denied denies admitted admits acknowledged acknowledges
    confirmed confirms believes believe thinks think""".split()
)
# Words that make a claim a judgement rather than a fact: evidence for it is an opinion.
OPINION_WORDS = frozenset("should shouldn't ought must deserve deserves".split())
CONFIRMATION_STEMS = _stems("confirm confirmed confirms acknowledge acknowledged admit admitted")
# Words that make a clause hypothetical or open: it neither asserts nor denies.
HEDGE_WORDS = frozenset("if whether unless".split())
# Words that make a clause a proposal or a request, not what was decided or done ("had
# tabled an amendment to limit the rise to 2.99%", "his lawyer had sought three years").
PROPOSAL_WORDS = frozenset("amendment tabled proposed proposes proposal sought seeks".split())

# Words that qualify a figure or a rate without being what a claim is about: "roughly $48
# million per year" asks for $48 million a year, not for the word "roughly".
FILLER_WORDS = frozenset("roughly approximately nearly almost estimated per".split())

# Number words, so that "twelve percent" and "12 percent" compare.
NUMBER_WORDS = {
    word: float(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "sixty": 60.0,
    "seventy": 70.0,
    "eighty": 80.0,
    "ninety": 90.0,
    "hundred": 100.0,
    "dozen": 12.0,
    "half": 0.5,
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Units written as symbols, and unit words that mean the same.
CURRENCY_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
UNIT_ALIASES = {
    "pts": "point",
    "%": "percent",
    "pct": "percent",
    "percentage": "percent",
    "usd": "dollar",
    "eur": "euro",
    "gbp": "pound",
}

# Lengths of time in days, so that "three weeks" and "three days" compare as durations.
DAYS_IN = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30.4, "year": 365}

# Words of a title or role, not of a name ("Riverton Mayor", "Uzbek Energy Minister"):
# attribution's role words, and a few more that title ordinary people in the news.
ROLE_WORDS = (
    ROLE_HEADS
    | ROLE_MODIFIERS
    | frozenset(
        """transport union volunteer worker resident parent teacher student owner police
        fire""".split()
    )
)
# Capitalised words that start sentences without naming anyone or anything.
NOT_NAMES = frozenset(
    """even however meanwhile separately still instead also yet following after before while
    when if although though since because asked speaking earlier later now today yesterday
    nobody everybody everyone someone anyone nothing something last next new many most some
    monday tuesday wednesday thursday friday saturday sunday january february april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec""".split()
)

# Words that name an intention or a possibility rather than the event itself: a passage
# need not repeat them ("Larkport plans to sell" is about selling).
MODALITY_STEMS = _stems(
    "plan plans planned intend intends want wants seek seeks try aim hope going gonna"
)
# Nouns that name the act of a verb, folded to the verb: "resistance" matches "resist".
NOMINALISATIONS = {
    "resistance": "resist",
    "proposal": "propose",
    "proposals": "propose",
    "refusal": "refuse",
    "approval": "approve",
    "denial": "deny",
    "denials": "deny",
    "withdrawal": "withdraw",
    "insistence": "insist",
    "acceptance": "accept",
    "payment": "pay",
    "payments": "pay",
    "closure": "close",
    "apology": "apologize",
    "apologies": "apologize",
    "closures": "close",
    "investment": "invest",
    "announcement": "announce",
    "criticism": "criticize",
}
# Irregular verb forms, so that "fell" matches "fall" and "sold" matches "sell".
# Verbs whose past is their base form ("Vantor cut its dividend"): no "-ed" tells them.
SAME_PAST_VERBS = frozenset("cut hit put set let quit shut spread cost bid hurt split".split())
IRREGULAR_VERBS = {
    form: verb
    for verb, forms in {
        "fall": "fell fallen",
        "break": "broke broken",
        "rise": "rose risen",
        "grow": "grew grown",
        "win": "won",
        "lose": "lost",
        "sell": "sold",
        "buy": "bought",
        "pay": "paid",
        "build": "built",
        "spend": "spent",
        "give": "gave given",
        "take": "took taken",
        "make": "made",
        "strike": "struck stricken",
        "hold": "held",
        "meet": "met",
        "leave": "left",
        "send": "sent",
        "lead": "led",
        "begin": "began begun",
        "choose": "chose chosen",
        "drive": "drove driven",
        "fight": "fought",
        "seek": "sought",
        "speak": "spoke spoken",
        "steal": "stole stolen",
        "tell": "told",
        "think": "thought",
        "write": "wrote written",
        "freeze": "froze frozen",
        "forbid": "forbade forbidden",
    }.items()
    for form in forms.split()
}

# Modifiers that say little on their own: a passage that lacks them still covers the claim
# ("a new stadium" / "a stadium"); they count half in predicate coverage.
LIGHT_STEMS = _stems(
    "new old big small large major minor many several much recent current former first "
    "last next other own main key top more most very"
)
# Phrasal verbs written as one word before matching ("went up" -> "rose").
PHRASAL_VERBS = {
    r"\b(?:go|goes|going|went|gone)\s+up\b": "rise",
    r"\b(?:go|goes|going|went|gone)\s+down\b": "fall",
    r"\b(?:shut|shuts|shutting)\s+down\b": "close",
    r"\b(?:lay|lays|laying|laid)\s+off\b": "cut",
    r"\b(?:turn|turns|turning|turned)\s+down\b": "reject",
    r"\b(?:back|backs|backing|backed)\s+out\b": "withdraw",
    r"\b(?:step|steps|stepping|stepped)\s+down\b": "resign",
}
# Function words that reverse what a verb says when they follow it: "voted for" / "against".
PARTICLE_OPPOSITES = {
    "for": "against",
    "against": "for",
    "up": "down",
    "down": "up",
    "above": "below",
    "below": "above",
    "before": "after",
    "after": "before",
}

# Metonyms: institutions and places that speak for a country in the news.
METONYMS = {
    "kremlin": "russia",
    "moscow": "russia",
    "russian": "russia",
    "russians": "russia",
    "white house": "united states",
    "washington": "united states",
    "pentagon": "united states",
    "american": "united states",
    "americans": "united states",
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "downing street": "united kingdom",
    "whitehall": "united kingdom",
    "british": "united kingdom",
    "britain": "united kingdom",
    "uk": "united kingdom",
    "elysee": "france",
    "french": "france",
    "paris": "france",
    "beijing": "china",
    "chinese": "china",
    "kyiv": "ukraine",
    "kiev": "ukraine",
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
    "israeli": "israel",
    "jerusalem": "israel",
    "indian": "india",
    "delhi": "india",
    "mexican": "mexico",
    "canadian": "canada",
    "ottawa": "canada",
    "polish": "poland",
    "warsaw": "poland",
    "italian": "italy",
    "rome": "italy",
    "spanish": "spain",
    "madrid": "spain",
    "syrian": "syria",
    "damascus": "syria",
    "saudi": "saudi arabia",
    "riyadh": "saudi arabia",
    "north korean": "north korea",
    "pyongyang": "north korea",
    "south korean": "south korea",
    "seoul": "south korea",
}
