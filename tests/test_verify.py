"""Quote verification against hand-annotated sources: the bundled example article and two
short fixture articles (fixtures/verify/). Each row is a question a journalist would ask."""

from __future__ import annotations

import pytest
from verify_fixtures import annotated_index

from factcheck.corpus import build_corpus
from factcheck.errors import InputError
from factcheck.passages import passages_of
from factcheck.records import Document
from factcheck.store import Index
from factcheck.verify import parse_quote, parse_request, speaker_matches, verify_quote

PESKOV = "Nobody is talking about gas in exchange for political concessions."
RUIZ = "We are not going to raise property taxes"
SEED = "seeds/russia-gas-union.txt"
BUDGET = "fixtures/verify/council-budget.txt"
FOLLOWUP = "fixtures/verify/council-budget-followup.txt"


@pytest.fixture(scope="module")
def index():
    index = annotated_index()
    yield index
    index.close()


def check(index, quote, speaker=None, date=None) -> dict:
    return verify_quote(quote, speaker=speaker, date=date, index=index).to_dict()


@pytest.mark.parametrize(
    "quote, speaker, date, status, said_by, line",
    [
        # The examples on the bundled article.
        (PESKOV, "Dmitry Peskov", None, "VERIFIED", "Dmitry Peskov", 19),
        (PESKOV, "Peskov", "December 8", "VERIFIED", "Dmitry Peskov", 19),
        (PESKOV, "Mr. Peskov", "2022-12-08", "VERIFIED", "Dmitry Peskov", 19),
        (PESKOV, "Vladimir Putin", None, "MISATTRIBUTED", "Dmitry Peskov", 19),
        (PESKOV.replace("Nobody", "Everybody"), "Peskov", None, "MISQUOTED", "Dmitry Peskov", 19),
        (
            "We will never compromise our national interests",
            "Mirzamahmudov",
            "December 20",
            "WRONG DATE",
            "Jorabek Mirzamahmudov",
            15,
        ),
        (
            "Russia will cut gas supplies to Europe by half next winter.",
            "Peskov",
            None,
            "NOT FOUND",
            None,
            None,
        ),
        # Short quotes and titles.
        ("Why not?", "Tokayev", "Nov 28", "VERIFIED", "Kassym-Jomart Tokayev", 5),
        ("Why not?", "President Putin", None, "MISATTRIBUTED", "Kassym-Jomart Tokayev", 5),
        # No speaker claimed: the words alone, wherever they are, even in narrative text.
        (
            "The Kremlin on December 8 denied intentions to impose political terms.",
            None,
            None,
            "VERIFIED",
            None,
            17,
        ),
        # Quoted across two passages of one speaker that attribution keeps apart.
        (f"{RUIZ}. Not this year, and not next year.", "Ana Ruiz", None, "VERIFIED", "Ana Ruiz", 5),
    ],
)
def test_statuses(index, quote, speaker, date, status, said_by, line):
    result = check(index, quote, speaker, date)
    assert (result["status"], result["speaker"], result["line"]) == (status, said_by, line)


@pytest.mark.parametrize(
    "quote, accepted",
    [
        (f"“{PESKOV}”", ["surrounding punctuation", "partial quote"]),
        ("nobody is talking about gas", ["partial quote", "capitalisation"]),
        ("Nobody’s talking", None),  # a contraction is a change of words
        (
            "We will never compromise our national interests … We will not allow any political"
            " conditions to be imposed in return",
            ["elision"],
        ),
        (
            "We will never compromise our national interests... we will proceed via commercial"
            " sales contracts",
            ["partial quote", "elision"],
        ),
        (
            "Even if we [accept Russian gas], we will proceed via commercial sales contracts",
            ["partial quote", "bracketed insertion"],
        ),
        ("Riverton's city council approved a $48 million budget", ["typographic apostrophes"]),
    ],
)
def test_editorial_changes_are_accepted_and_reported(index, quote, accepted):
    result = check(index, quote)
    if accepted is None:
        assert result["status"] != "VERIFIED"
    else:
        assert result["status"] == "VERIFIED"
        assert sorted(result["editorial"]) == sorted(accepted)


@pytest.mark.parametrize(
    "quote, speaker, diff",
    [
        (
            PESKOV.replace("Nobody", "Everybody"),
            "Peskov",
            "[-Nobody-] {+Everybody+} is talking about gas in exchange for political concessions",
        ),
        ("We are going to raise property taxes", "Ruiz", "We are [-not-] going to raise"),
        (
            "This budget spends 21 percent more on consultants",
            "Becker",
            "This budget spends [-12-] {+21+} percent more on consultants",
        ),
        (
            "This is … being discussed in the context of the idea",
            None,
            "This is [-not-] being discussed",
        ),
        # A verbatim fragment that starts right after a negation inverts its meaning.
        ("compromise our national interests", None, "[-never-] compromise our national"),
        (
            "We will always compromise our national interests",
            "Mirzamahmudov",
            "We will [-never-] {+always+} compromise",
        ),
        (
            "Nobody is talking about political concessions in exchange for gas",
            None,
            "Nobody is talking about",
        ),
        (
            "The people of Riverton deserve safe streets and honest budgets",
            "Ruiz",
            "[-numbers-] {+budgets+}",
        ),
    ],
)
def test_changed_words_are_misquoted_with_a_diff(index, quote, speaker, diff):
    result = check(index, quote, speaker)
    assert result["status"] == "MISQUOTED"
    assert diff in result["diff"]
    assert result["score"] < 100


def test_earliest_source_first_and_the_others_listed(index):
    result = check(index, RUIZ, "Ruiz")
    assert (result["status"], result["source"], result["date"]) == (
        "VERIFIED",
        BUDGET,
        "2023-03-14",
    )
    assert [(o["source"], o["date"]) for o in result["others"]] == [(FOLLOWUP, "2023-03-20")]


def test_the_source_of_the_claimed_date_comes_first(index):
    result = check(index, RUIZ, "Mayor Ruiz", "March 20")
    assert (result["status"], result["source"]) == ("VERIFIED", FOLLOWUP)
    assert [o["source"] for o in result["others"]] == [BUDGET]


def test_wrong_date_gives_the_sources_date(index):
    result = check(index, RUIZ, "Ruiz", "March 1, 2023")
    assert (result["status"], result["date"], result["claimed_date"]) == (
        "WRONG DATE",
        "2023-03-14",
        "2023-03-01",
    )


@pytest.mark.parametrize(
    "quote, note",
    [
        ("approved a $48 million budget on Tuesday", "narrative"),
        ("the city would hire 15 new firefighters in the spring", "reported speech of Ana Ruiz"),
    ],
)
def test_words_nobody_is_quoted_saying_are_never_misattributed(index, quote, note):
    result = check(index, quote, "Tom Becker")
    assert result["status"] == "NOT FOUND"
    assert note in result["note"]
    assert result["source"] == BUDGET


def test_not_found_says_what_was_searched(index):
    result = check(index, "The moon is made of green cheese, the minister said.")
    assert result["status"] == "NOT FOUND"
    assert result["searched"] == 3
    assert "3 documents" in result["rationale"]


def test_source_characters_are_reported(index):
    result = check(index, "riverton's city council approved", None)
    assert result["matched"] == "Riverton’s city council approved"


@pytest.mark.parametrize(
    "claimed, speaker, same",
    [
        ("Peskov", "Dmitry Peskov", True),
        ("Mr. Peskov", "Dmitry Peskov", True),
        ("Dmitry Peskov", "Peskov", True),
        ("President Putin", "Vladimir Putin", True),
        ("Sen. Elizabeth Warren", "Elizabeth Warren", True),
        ("Clinton", "Hillary Clinton", True),
        ("Bozell", "Brent Bozell III", True),
        ("Ms. Acosta", "Melba Acosta Febo", True),
        ("Mr. Lou", "Lou Jiwei", True),
        ("Professor Alba", "Richard Alba", True),
        # a first name alone names the one whose first name it is
        ("Lou", "Lou Jiwei", True),
        ("Hillary", "Hillary Clinton", True),
        ("Margaret Pike", "Margaret", True),
        ("Erik", "Erik Lindqvist", True),
        ("Erik", "Anna Lindqvist", False),
        ("Martin Luther King", "Martin Luther King Jr.", True),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Vladimir Putin", "Dmitry Peskov", False),
        ("Dmitry", "Dmitry Peskov", True),
        ("Putin", None, False),
    ],
)
def test_speaker_aliases(claimed, speaker, same):
    assert speaker_matches(claimed, speaker) is same


def test_quote_pattern_splits_at_editorial_marks():
    pattern = parse_quote("“We will never [ever] compromise … in return.”")
    assert [[t.word for t in p.tokens] for p in pattern.pieces] == [
        ["we", "will", "never"],
        ["compromise"],
        ["in", "return"],
    ]
    assert [p.gap for p in pattern.pieces] == [0, 5, None]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Nobody is talking", ("Nobody is talking", "Peskov", None)),
        ('{"quote": "Why not?", "speaker": "Tokayev"}', ("Why not?", "Tokayev", None)),
        ('{"quote": "Why not?", "speaker": null, "date": "Nov 28"}', ("Why not?", None, "Nov 28")),
    ],
)
def test_batch_lines(line, expected):
    assert parse_request(line, speaker="Peskov") == expected


@pytest.mark.parametrize(
    "line", ['{"quote": "unterminated', '{"speaker": "Peskov"}', '{"quote": "x", "date": 8}']
)
def test_bad_batch_lines(line):
    with pytest.raises(InputError):
        parse_request(line)


@pytest.mark.parametrize("date", ["someday", "2022-13-45"])
def test_bad_dates(index, date):
    with pytest.raises(InputError, match="not a date"):
        verify_quote("Why not?", date=date, index=index)


def test_an_elision_that_leaves_out_a_negation_says_so(index):
    result = check(index, "Nobody is talking … this union", "Peskov")
    assert result["status"] == "MISQUOTED"
    assert result["note"] == "the elision leaves out “not”"
    assert "This is not being discussed" in result["diff"]


def test_a_quote_of_common_words_is_found_by_all_its_rarest_words(monkeypatch):
    """Passages sharing only some of the quote's words come first in index order; the
    narrow lookup (every rarest word) finds the quote without searching past them."""
    monkeypatch.setattr("factcheck.store.ROW_BUDGET", 3)  # every word counts as common
    monkeypatch.setattr("factcheck.verify.CANDIDATE_LIMIT", 4)
    monkeypatch.setattr("factcheck.verify.WIDER_LIMIT", 50)
    quote = "We will not raise taxes for working families this year"
    looked_up = []
    original = Index.candidates

    def candidates(self, text, **options):
        looked_up.append(options.get("every", False))
        return original(self, text, **options)

    monkeypatch.setattr(Index, "candidates", candidates)
    with Index() as index:
        for n in range(12):
            filler = Document(f"{n}.txt", f"Working families will pay taxes this year, {n} said.")
            index.add(filler, passages_of(filler, []))
        said = Document("said.txt", f"The mayor said: {quote}.")
        index.add(said, passages_of(said, []))
        assert verify_quote(quote, index=index).status == "VERIFIED"
        assert looked_up == [True]
        looked_up.clear()
        changed = verify_quote(quote.replace("working", "hard-working"), index=index)
        assert changed.status == "MISQUOTED"
        assert looked_up == [True, False]  # "hard" is in no passage: nothing narrow


WATER = "fixtures/verify/water-mains.txt"


@pytest.mark.parametrize(
    "date, status, note",
    [
        (None, "VERIFIED", None),
        ("December 13, 2023", "VERIFIED", None),
        ("December 12, 2023", "VERIFIED", "published the next day"),
        ("Dec 12", "VERIFIED", "published the next day"),
        # The date of what crews will do, not of what was said.
        ("March 4, 2024", "WRONG DATE", "dated by when the source was published"),
        ("December 1, 2023", "WRONG DATE", "dated by when the source was published"),
    ],
)
def test_words_the_text_does_not_date_are_dated_by_publication(date, status, note):
    """The "Updated" line dates the article; a statement it does not date was made that
    day or the day before, never on the date of an event it mentions."""
    index = build_corpus([WATER])
    result = verify_quote("The pipes are ordered", speaker="Verhoeven", date=date, index=index)
    found = result.to_dict()
    assert (found["status"], found["date"], found["document_date"]) == (status, None, "2023-12-13")
    assert (note or "") in (result.note or "")
    assert "(published Dec 13, 2023)" in result.rationale


@pytest.mark.parametrize(
    "claimed, speaker, role, same",
    [
        ("the agency spokesperson", "Mark Ellison", "spokesperson for the agency", True),
        ("the ministry spokesperson", None, "spokesperson for the ministry", True),
        ("the ministry's spokesperson", None, "spokesperson for the ministry", True),
        (
            "the Nordhavn Logistics chief executive",
            "Karin Dahl",
            "Nordhavn Logistics chief executive",
            True,
        ),
        ("Harbourvale's mayor", "Johan Berg", "mayor of Harbourvale", True),
        # a body speaks through its spokesperson
        (
            "the Department of Health and Social Care",
            None,
            "spokesperson for the department",
            True,
        ),
        (
            "a spokesperson for the Department of Health and Social Care",
            None,
            "spokesperson for the department",
            True,
        ),
        ("the ministry spokesperson", "Mark Ellison", "spokesperson for the agency", False),
        ("the department's director", None, "spokesperson for the department", False),
        ("the Department of Justice", None, "spokesperson for the ministry", False),
        ("Johan Berg", None, "spokesperson for the ministry", False),
        ("the spokesperson", "Mark Ellison", None, False),
    ],
)
def test_speaker_by_role(claimed, speaker, role, same):
    assert speaker_matches(claimed, speaker, role) is same


PORT = "fixtures/verify/port-hearing.txt"


@pytest.fixture(scope="module")
def port():
    index = build_corpus([PORT])
    yield index
    index.close()


@pytest.mark.parametrize(
    "quote, speaker, status, said_by",
    [
        # the honorific's gender tells the two Lindqvists apart
        (
            "We argue about it at every Sunday dinner",
            "Anna Lindqvist",
            "VERIFIED",
            "Anna Lindqvist",
        ),
        (
            "They want to pour concrete over the spawning grounds",
            "Erik Lindqvist",
            "VERIFIED",
            None,
        ),
        # a speaker given by role, or only by role
        ("We will be on site every single week", "the agency spokesperson", "VERIFIED", None),
        (
            "The minister will weigh the economic case and the environmental evidence",
            "the ministry spokesperson",
            "VERIFIED",
            None,
        ),
        (
            "The minister will weigh the economic case and the environmental evidence",
            "Johan Berg",
            "MISATTRIBUTED",
            None,
        ),
        # the source gives a first name alone
        ("It's our savings or his boat", "Margaret Pike", "VERIFIED", "Margaret"),
        # a quote split around its attribution, whose first half has only common words
        (
            "We will, when we have seen the final environmental report",
            "Johan Berg",
            "VERIFIED",
            "Johan Berg",
        ),
    ],
)
def test_who_said_it_in_a_news_article(port, quote, speaker, status, said_by):
    result = verify_quote(quote, speaker=speaker, index=port)
    assert result.status == status
    if said_by:
        assert result.sighting.passage.speaker == said_by


def test_a_quote_given_only_by_role_is_misattributed_to_a_name(port):
    result = verify_quote(
        "The minister will weigh the economic case", speaker="Johan Berg", index=port
    )
    assert result.rationale.startswith("said by a spokesperson for the ministry (published")


def test_a_quote_that_leaves_out_words_is_misquoted_with_the_words_shown(tmp_path):
    source = tmp_path / "mayor.txt"
    source.write_text(
        '"Every lead pipe in this city comes out by 2027," said Mayor Carla Jimenez.\n'
    )
    result = verify_quote(
        "Every lead pipe comes out by 2027", speaker="Jimenez", index=build_corpus([str(source)])
    )
    assert result.status == "MISQUOTED"
    assert "[-in this city-]" in result.diff
