"""People in news text: name mentions, the roles written around them, and who is who.

News introduces a person once in full (``Kremlin spokesman Dmitry Peskov``) and then by
surname (``Peskov``, ``Mr. Peskov``), pronoun or role (``the spokesman``). This module finds
those mentions in plain text and keeps a per-document register that merges them, so the
attribution stage can name every speaker the way the article first introduced them.
Everything is rule-based: capitalisation, a few word lists, and precompiled regexes.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace

from factcheck.text import word_pattern

# Honorifics are never part of a name and are not a role either.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. miss mx mx. sir dame".split())
# The gender an honorific tells (``m``/``f``), as pronouns do: "Ms Lindqvist" is a woman.
HONORIFIC_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}

# The head nouns of roles. A capitalised run ending in one of these is a role, not a name
# (``Uzbek Energy Minister``); the capitalised words after it are the name.
ROLE_HEADS = frozenset(
    """president president-elect vice-president premier chancellor minister secretary
    spokesman spokeswoman spokesperson spokespeople representative rep rep. senator sen. sen
    governor gov. gov mayor chairman chairwoman chair chief ceo cfo director leader
    ambassador envoy official adviser advisor aide strategist analyst economist professor
    prof. prof lawyer attorney judge justice king queen prince princess emperor pope
    commissioner councilman councilwoman councillor congressman congresswoman lawmaker
    legislator speaker manager founder co-founder head general gen. gen colonel col.
    lieutenant captain admiral commander officer sheriff prosecutor deputy candidate nominee
    pollster consultant activist executive editor columnist correspondent reporter
    counsel coordinator organizer organiser operative scientist researcher expert author
    host anchor chairperson treasurer whip moderator bishop cardinal rabbi imam pastor
    reverend rev. ayatollah sheikh emir prime member comedian actor actress singer rapper
    musician filmmaker producer novelist poet artist athlete coach student teacher doctor
    nurse physician surgeon farmer owner businessman businesswoman entrepreneur investor
    billionaire donor voter resident worker historian journalist blogger commentator
    pundit philanthropist banker psychologist engineer priest administrator superintendent
    inspector provost trustee negotiator""".split()
)
# Roles a person is addressed by after an honorific: "Mr. President", "Madam Speaker".
_ADDRESSED_ROLES = frozenset(
    """president speaker chairman chairwoman secretary ambassador mayor governor senator
    minister vice prime""".split()
)
# Words that may stand inside a role before its head: ``former deputy press secretary``.
ROLE_MODIFIERS = frozenset(
    """former acting deputy senior junior chief press campaign foreign energy defense
    defence finance interior justice health trade state top vice national executive
    communications general political economic interim assistant associate principal
    longtime veteran democratic republican local regional presidential""".split()
)
# Heads of a country or government, for ``the Russian leader`` and the like.
LEADER_HEADS = frozenset("president premier prime chancellor king queen leader emir".split())
PRONOUNS = {"he": "m", "she": "f", "year-old": None}  # words that refer back, and gender
# Capitalised words that start sentences or name calendar things but are not people.
_NOT_NAMES = frozenset(
    """the a an and but or so yet for nor if then when while after before during following
    however although though because since as at by in on of to from with without into
    under over about against between among this that these those there here it its he she
    they we i you his her their our my your what which who whom whose where why how
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr some many most
    all both each every no not one two three another other such also still even just
    only last next according meanwhile instead indeed yes well asked speaking
    earlier later now today yesterday tomorrow again once said says added adds continued
    asked asks wrote writes noted explained argued replied responded warned insisted
    finally similarly unfortunately ultimately reluctantly additionally separately notably
    importantly interestingly ironically frankly honestly clearly obviously apparently
    fortunately surprisingly increasingly initially eventually currently recently
    previously meanwhile nonetheless nevertheless moreover furthermore still u.s. u.k. u.n.
    e.u. back more wait perhaps maybe thus hence plus overall like unlike despite amid
    through throughout within inside outside until upon whether never always nothing
    everything everyone nobody someone something anyone anything none okay oh please thanks
    sure neither either americans officials pollsters critics supporters voters prosecutors
    leaders us uk eu un usa year recent very jan feb mar apr jun jul aug sep sept oct nov
    dec""".split()
) | {"republican", "republicans", "democrat", "democrats", "conservative", "liberal"}
# Captions of scraped pages, before a name: "Images Paganini", "Related: Jo Li".
_CAPTION_WORDS = frozenset("images photos photo video watch related advertisement".split())
# Months that are also names, inside a longer name: Theresa May, April Ryan, June Carter
# (and abbreviations: Jan Brewer, Ai Jun).
_GIVEN_NAME_MONTHS = frozenset(
    "april may june august jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Words that start a run without being part of the name or ending its role: "Even Lindsey
# Graham", but "Democratic presidential candidate Jo Li", "Mr. Li", "May Smith".
_LEADING_NOT_NAMES = (
    (_NOT_NAMES | _CAPTION_WORDS) - HONORIFICS - ROLE_MODIFIERS - _GIVEN_NAME_MONTHS
)
# Last words of names of organisations and places, not people: "he" never means them.
ORGANISATION_WORDS = frozenset(
    """party district committee department ministry university college school court house
    senate congress parliament assembly council association institute foundation campaign
    administration church agency bureau office center centre group company corporation corp
    inc ltd bank fund network times post journal news press union club league federation
    commission authority service services army navy force forces police city county state
    states republic kingdom street square airport hotel hall museum project program
    programme organization organisation coalition alliance movement society trust board
    caucus convention conference summit tower towers plaza resort resorts casino hospital
    stadium arena""".split()
)
# Outlets and organisations report or publish; they are never the speaker of a quote.
OUTLET_WORDS = frozenset(
    """agency news newspaper magazine website channel network outlet tv television radio
    reuters ap afp tass interfax ria xinhua bloomberg cnn bbc msnbc nbc abc cbs fox
    politico""".split()
)

# Last words of the names of newspapers, which report what others say: the Post, the Times.
PUBLICATION_WORDS = frozenset(
    """times post journal news press tribune herald gazette magazine daily telegraph guardian
    chronicle globe wire observer examiner""".split()
)

_NAME_WORD = (
    r"(?:(?:Mrs|Mr|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Jr|Sr|St)\.|(?:[A-Z]\.){1,3}"
    r"|(?:Mc|Mac|O['’]|D['’])?[A-Z][\w\-]*\w|[A-Z])"
)
_PARTICLES = frozenset("de da del der den di du la le van von bin ibn al el dos das ter".split())
_PARTICLE = rf"(?:{'|'.join(sorted(_PARTICLES))})"
# A capitalised run, with particles and lower-case role words allowed inside it, so that
# ``Clinton press secretary Brian Fallon`` and ``Secretary of State John Kerry`` are one run.
_ROLE_WORD = rf"(?:{word_pattern(ROLE_HEADS | ROLE_MODIFIERS)})"
# Space inside a run: never a blank line, as a name does not go on into the next paragraph
# (a heading "# Health" before "The Department of Health").
_RUN_SPACE = r"(?:(?!\n[^\S\n]*\n)\s)+"
NAME_RUN_RE = re.compile(
    rf"(?<![\w’'.-])(?:{_NAME_WORD}|{_ROLE_WORD}(?={_RUN_SPACE}(?:{_NAME_WORD}|{_ROLE_WORD})))"
    rf"(?:{_RUN_SPACE}(?:{_NAME_WORD}|{_PARTICLE}(?={_RUN_SPACE}[A-Z])|of(?={_RUN_SPACE}[A-Z])|{_ROLE_WORD}"
    rf"(?={_RUN_SPACE}(?:{_NAME_WORD}|{_ROLE_WORD}))|Jr\.|Sr\.|II|III|IV))*"
    rf"(?:,{_RUN_SPACE}(?:Jr\.|Sr\.))?(?P<possessive>['’]s\b)?"
)
_TOKEN_RE = re.compile(r"\S+")
_PARTY_TAG_RE = re.compile(r"\((?:[RDIL]|Rep|Dem|Ind)\.?-[^()\n]{1,20}\)")
# "Sacramento-based McClatchy", "Indiana-born Jo Li": a modifier, not a name word.
_COMPOUND_MODIFIER_RE = re.compile(r"[A-Z][\w.]*-[a-z]")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:,|\(|[-–—])")
# A few reporting verbs (cues.py has them all, but imports this module) after a month-like
# name: “…,” May said.
_SPEAKS_RE = re.compile(r"\s+(?:said|says|told|tells|added|adds|wrote|writes|asked|asks)\b")
_BARE_PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z]")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Mention:
    """A person as one stretch of text names them.

    ``name`` is the name words (no title, no role); ``role`` the role words written before
    it; ``possessive`` tells ``Tokayev’s`` (which modifies something else) from ``Tokayev``;
    ``gender`` is what its honorific tells (``Ms Lindqvist``: ``f``).
    """

    start: int
    end: int
    name: str | None
    role: str | None
    possessive: bool = False
    gender: str | None = None


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (role words, name words) at the last role head.

    ``Secretary of State Hillary Clinton``: the words after ``of`` belong to the role
    while more than two words are left for the name, or while they are role words.
    """
    last_head = -1
    for i, token in enumerate(tokens):
        word = token.lower()
        if i and tokens[i - 1].lower() in HONORIFICS and word not in _ADDRESSED_ROLES:
            continue  # after an honorific, a surname: Mr. King, Ms. Bishop, Dr. Judge
        if word in ROLE_HEADS or word in HONORIFICS or word.rsplit("-", 1)[-1] in ROLE_HEADS:
            last_head = i
    cut = last_head + 1
    if cut < len(tokens) and tokens[cut] == "of":
        cut += 1
        while cut < len(tokens) - 1 and (
            len(tokens) - cut > 2 or tokens[cut].lower() in ROLE_MODIFIERS
        ):
            cut += 1
    return tokens[:cut], tokens[cut:]


def honorific_gender(tokens: list[str]) -> str | None:
    """The gender the last gendered honorific among ``tokens`` tells, if any."""
    genders = [HONORIFIC_GENDERS.get(t.lower().rstrip(".")) for t in tokens]
    return next((g for g in reversed(genders) if g), None)


def _clean_role(tokens: list[str]) -> str | None:
    words = [t for t in tokens if t.lower() not in HONORIFICS]
    return " ".join(words) or None


# Mention's fields, offsets in the run
_Reading = tuple[int, int, str | None, str | None, bool, str | None]
_READINGS: dict[tuple[str, str | None], _Reading | None] = {}
_MAX_READINGS = 50_000


def _mention(run: str, possessive: str | None, offset: int) -> Mention | None:
    """Read one capitalised run (at ``offset``) as role words and name words; None if it
    names nobody.

    The reading depends on the run's words only, and news repeats its runs ("The", "Trump",
    "Hillary Clinton"), so readings are remembered (a bounded number of them)."""
    key = (run, possessive)
    try:
        reading = _READINGS[key]
    except KeyError:
        if len(_READINGS) >= _MAX_READINGS:
            _READINGS.clear()
        reading = _READINGS[key] = _read_run(*key)
    if reading is None:
        return None
    start, end, name, role, is_possessive, gender = reading
    return Mention(offset + start, offset + end, name, role, is_possessive, gender)


def _read_run(run: str, possessive: str | None) -> _Reading | None:
    """:func:`_mention` of a run at offset 0."""
    if run.lower() in _NOT_NAMES:  # most runs: "The", "But", "Monday"
        return None
    tokens = list(_TOKEN_RE.finditer(run[: -len(possessive) if possessive else None]))
    while tokens and tokens[0].group(0).lower().rstrip(".") in _LEADING_NOT_NAMES:
        tokens.pop(0)
    heading = 0  # "CLOSEOUT SEQUENCE James Smith": a heading in capitals, then a name
    while heading < len(tokens) and _is_heading_word(tokens[heading].group(0)):
        heading += 1
    if 2 <= heading < len(tokens):
        tokens = tokens[heading:]
    words = [t.group(0) for t in tokens]
    modifiers = 0  # "Sacramento-based McClatchy", "Indiana-born Jo Li": role words
    while modifiers < len(words) and _COMPOUND_MODIFIER_RE.match(words[modifiers]):
        modifiers += 1
    if "of" in words:  # "Secretary of State John Kerry", but "George Zornick of The Nation"
        cut = words.index("of")
        head = words[cut - 1].lower() if cut else ""
        if head in ORGANISATION_WORDS and cut == 1:  # "Department of Justice" is one name
            name = " ".join(words)
            return (tokens[0].start(), tokens[-1].end(), name, None, bool(possessive), None)
        if head not in ROLE_HEADS:
            tokens, words, possessive = tokens[:cut], words[:cut], None
    role, name = split_role(words[modifiers:])
    role = words[:modifiers] + role
    lower = [i for i, w in enumerate(name) if w[0].islower() and w not in _PARTICLES]
    if lower:  # "the celebrity press ReganBooks": a lower-case word is never part of a name
        name = name[lower[-1] + 1 :]
    if len(name) > 3 and len(name[-2]) > 2 and name[-1].lower() not in ORGANISATION_WORDS:
        # Maricopa County Recorder Helen Purcell (but the Ohio Environmental Protection Agency)
        role, name = role + name[:-2], name[-2:]
    if not tokens:
        return None
    alone = not role and len(name) == 1
    if any(_never_in_name(w, alone) for w in name):
        return None
    if not name and not any(w.lower() in ROLE_HEADS for w in role):
        return None
    return (
        tokens[0].start(),
        tokens[-1].end(),
        " ".join(name) or None,
        _clean_role(role),
        bool(possessive),
        honorific_gender(role),
    )


def _is_heading_word(word: str) -> bool:
    """A word of a heading set in capitals: letters only, all upper case."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _never_in_name(word: str, alone: bool) -> bool:
    """Outlets and common words are never name words; a month is one beside other name or
    role words (Theresa May, Mrs. May), not ``alone``; nor is "Agency", which ends the names
    of bodies that speak (the Environmental Protection Agency; but not the Xinhua News
    Agency, which has an outlet word besides)."""
    lower = word.lower()
    if lower.rstrip(".") in OUTLET_WORDS:
        return alone or word != "Agency"
    return lower in _NOT_NAMES and (alone or lower not in _GIVEN_NAME_MONTHS)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Person-like capitalised mentions in ``text[start:end]``, in order.

    Party tags (``(R-Ohio)``) and runs naming outlets are left out.
    """
    end = len(text) if end is None else end
    mentions = []
    for match in NAME_RUN_RE.finditer(text, start, end):
        before = match.start() - 1 if match.start() else 0
        if text[before] == "(" and _PARTY_TAG_RE.match(text, before):
            continue  # (R-Ohio), (D-N.Y.)
        run, possessive = match.group(0), match.group("possessive")
        if text.startswith(("'t", "’t"), match.end()):  # "Sanders Isn't": not a name word
            run, possessive = run.rsplit(None, 1)[0] if " " in run else "", None
        if not run or _BARE_PARTY_TAG_RE.match(run):
            continue  # McConnell, R-Ky., said
        if run.isupper() and text[before] in "\n" and _DATELINE_AFTER_RE.match(text, match.end()):
            continue  # a dateline: "WASHINGTON – Two officers were charged"
        if run.lower() in _GIVEN_NAME_MONTHS and _SPEAKS_RE.match(text, match.end()):
            mentions.append(Mention(match.start(), match.end(), run, None))  # “…,” May said
            continue
        mention = _mention(run, possessive, match.start())
        if mention and mentions and _continues_organisation(text, mentions[-1], mention):
            organisation = mentions.pop()
            name = text[organisation.start : mention.end]
            mention = replace(organisation, end=mention.end, name=name)
        if mention:
            mentions.append(mention)
    return mentions


# Government bodies whose names may join two fields with "and" (a university's name does
# not: "the University of Zurich and Gordon Hanson" are two).
_AND_NAMED_BODIES = frozenset("department ministry office bureau".split())


def _continues_organisation(text: str, organisation: Mention, mention: Mention) -> bool:
    """Whether ``mention`` is the rest of a government body's name after "and": the
    Department of Health and Social Care, the Ministry of Trade and Industry."""
    return (
        bool(organisation.name and mention.name)
        and organisation.name.split()[0].lower() in _AND_NAMED_BODIES
        and organisation.name.split()[1:2] == ["of"]
        and not organisation.possessive
        and text[organisation.end : mention.start] == " and "
        and not mention.role
    )


@functools.lru_cache(maxsize=8192)
def surname(name: str) -> str:
    """The word a name is later referred to by: its last word, suffixes dropped."""
    words = [w for w in name.split() if w.rstrip(".,") not in ("Jr", "Sr", "II", "III", "IV")]
    words = words or name.split()
    return words[-1].rstrip(".,") if words else ""


@functools.lru_cache(maxsize=8192)
def is_organisation_name(name: str) -> bool:
    """Trump University, the Department of Justice."""
    words = name.lower().split()
    before_of = words[words.index("of") - 1] if "of" in words[1:] else ""
    return surname(name).lower() in ORGANISATION_WORDS or before_of in ORGANISATION_WORDS


@functools.lru_cache(maxsize=8192)
def _name_words(name: str) -> frozenset[str]:
    """The lower-cased words of a name (names are compared word set to word set often)."""
    return frozenset(name.lower().split())


@dataclass
class Person:
    """Someone the document names: the full name as introduced, the first role given, the
    gender honorifics tell (``m``/``f``), and where the document mentions them."""

    name: str
    role: str | None = None
    gender: str | None = None
    seen: list[int] = field(default_factory=list)  # offsets of its mentions, ascending
    first_named: bool = False  # called by a first name alone ("Tom"), as when a spouse is

    @property
    def is_organisation(self) -> bool:
        return is_organisation_name(self.name)

    def last_seen(self, before: int | None = None) -> int:
        """Offset of the latest mention (before ``before``), -1 when there is none."""
        if before is None:
            return self.seen[-1] if self.seen else -1
        index = bisect.bisect_left(self.seen, before)
        return self.seen[index - 1] if index else -1


@dataclass
class Register:
    """The people of one document, keyed by every word of their names.

    A full name introduces a person; a shorter name (``Peskov``, ``Mr. Peskov``) refers to
    the most recently seen person whose name contains it.
    """

    people: list[Person] = field(default_factory=list)
    _by_word: dict[str, list[Person]] = field(default_factory=dict)

    def lookup(
        self, name: str, before: int | None = None, gender: str | None = None
    ) -> Person | None:
        """The person a name refers to: of those it fits, the one mentioned last. A
        ``gender`` (from an honorific) picks those known to be of it, else passes over those
        known to be of the other: with Anna and Erik Lindqvist, "Ms Lindqvist" is Anna once
        either is known to be a man or a woman."""
        last = surname(name).lower()
        candidates = self._by_word.get(last)
        if not candidates:
            return None
        if not is_organisation_name(name):  # "Trump" is not Trump University
            candidates = [p for p in candidates if not p.is_organisation]
            if not candidates:
                return None
        if gender:
            candidates = (
                [p for p in candidates if p.gender == gender]
                or [p for p in candidates if p.gender is None]
                or candidates
            )
        words = _name_words(name)
        fitting = [p for p in candidates if words <= _name_words(p.name)] or candidates
        # A surname names its bearer before anything else with the word in its name:
        # "Trump" is Donald Trump, not the Trump Train.
        own = [p for p in fitting if surname(p.name).lower() == last]
        if len(own) > 1 and " " not in name:
            # A surname two people share is the one the text does not call by first name:
            # with "Tom" for her husband, "Ebeling" is Betsy Ebeling.
            own = [p for p in own if not p.first_named] or own
        return max(own or fitting, key=lambda p: p.last_seen(before))

    def bearers(self, name: str, gender: str) -> list[Person]:
        """The people with ``name``'s surname who may be of ``gender``."""
        last = surname(name).lower()
        return [
            p
            for p in self._by_word.get(last, ())
            if surname(p.name).lower() == last
            and not p.is_organisation
            and p.gender in (None, gender)
        ]

    def add(self, name: str, role: str | None, position: int) -> Person:
        """Record a mention; return the person it refers to (new or merged)."""
        person = self.lookup(name)
        if person is None or (
            len(name.split()) > 1
            and name.lower() != person.name.lower()
            and not _name_words(name) <= _name_words(person.name)
        ):
            person = Person(name=name)
            self.people.append(person)
            for word in name.lower().split():
                self._by_word.setdefault(word.rstrip(".,"), []).append(person)
        if role and not person.role:
            person.role = role
        self.see(person, position)
        return person

    def see(self, person: Person, position: int, name: str | None = None) -> None:
        """Record a mention of a known person (by ``name``, when it is one word)."""
        bisect.insort(person.seen, position)
        if name and " " not in name and name.lower() != surname(person.name).lower():
            person.first_named = True

    def by_role(self, description: str, before: int) -> Person | None:
        """The most recent person whose role fits a description like ``the Russian leader``."""
        words = [w.lower() for w in description.split()]
        if not words:
            return None
        head, modifiers = words[-1], words[:-1]
        best = None
        for person in self.people:
            if not person.role or person.last_seen(before) < 0:
                continue
            role_words = {w.lower() for w in person.role.split()}
            role_words |= {_POSSESSIVE_END_RE.sub("", w) for w in role_words}
            head_fits = head in role_words or (head == "leader" and role_words & LEADER_HEADS)
            fits = head_fits and all(m in role_words for m in modifiers)
            if fits and (best is None or person.last_seen(before) > best.last_seen(before)):
                best = person
        return best
