"""Stance and verdict rules on hand-built passages: no attribution, no index involved."""

import pytest

from factcheck.match import actor, clauses, main_verb, parse_claim, rank, speech_claim
from factcheck.records import Passage
from factcheck.verdict import (
    check_claim,
    judge,
    negations,
    number_mismatches,
    opposites,
    quantities,
)


def passage(text, speaker=None, role=None, *, kind=None, date=None, source="news.txt", line=1):
    kind = kind or ("direct" if speaker else "narrative")
    return Passage(text, source, line, 0, len(text), kind, speaker, role, date)


def stance(claim, p, *others):
    parsed = parse_claim(claim)
    match = next(m for m in rank(parsed, [p, *others]) if m.passage == p)
    return judge(parsed, match)


@pytest.mark.parametrize(
    "text, cues",
    [
        ("Nobody is talking about gas in exchange for political concessions", ["nobody"]),
        ("We will not allow any political conditions to be imposed", ["not"]),
        ("The Kremlin denied intentions to impose political terms", ["denied"]),
        ("Claims that we demand political concessions are false", ["false"]),
        ("Political concessions were demanded, not offered", []),  # negation after the words
        ("It is not only about gas but about political concessions", []),
    ],
)
def test_negation_counts_only_where_it_governs_the_claims_words(text, cues):
    governed = parse_claim("Russia demands political concessions for gas").predicate
    assert negations(text, governed) == cues


@pytest.mark.parametrize(
    "text, found",
    [
        ("Fares will rise by 12 percent in April", [(12.0, "percent")]),
        ("Twelve percent is a lot", [(12.0, "percent")]),
        ("a rise of 12% from March 3", [(12.0, "percent")]),
        ("The company will cut 1,000 jobs", [(1000.0, "job")]),
        ("a $1.2 billion contract", [(1.2e9, "dollar")]),
        ("closed for six weeks", [(42.0, "days")]),  # a duration, in days
        ("three days after the crash", [(3.0, "days")]),
        ("one of the largest", []),
    ],
)
def test_quantities_carry_their_units(text, found):
    assert list(quantities(text)) == found


@pytest.mark.parametrize(
    "claim, clause, mismatches",
    [
        ("Fares will rise by 30 percent", "Fares will rise by 12 percent in April", ["30 percent"]),
        ("Fares will rise by 12 percent", "Fares will rise by twelve percent", []),
        ("Fares will rise by 12 percent", "The bridge closes for six weeks", []),  # other unit
        ("The bridge closes on March 10", "The bridge closes on March 3", ["March 10"]),
        ("The bridge closes on March 10", "The bridge closes", []),
    ],
)
def test_numbers_and_dates_compare_with_their_units(claim, clause, mismatches):
    assert number_mismatches(claim, clause) == mismatches


@pytest.mark.parametrize("date, mismatches", [("--03-10", []), ("--03-03", ["March 10"])])
def test_a_clause_without_a_date_is_compared_by_when_it_was_said(date, mismatches):
    assert number_mismatches("Hale said on March 10", "Hale said it", date) == mismatches


@pytest.mark.parametrize(
    "claim, content, subject",
    [
        ("On Dec 8 the Kremlin denied imposing terms", "imposing terms", set()),
        ("the fares rose on March 3, officials said", "the fares rose officials said", set()),
        ("A union was proposed by Putin", "A union was proposed by Putin", {"putin"}),
    ],
)
def test_dates_are_no_words_to_match_and_passive_doers_are_subjects(claim, content, subject):
    parsed = parse_claim(claim)
    assert parsed.content == content and parsed.subject == subject
    assert not {"dec", "8", "march", "3"} & set(parsed.stems)


@pytest.mark.parametrize(
    "claim, clause, found",
    [
        ("Fares will rise", "Fares fell sharply", ["rise"]),
        ("Funding was cut", "Funding went up by 3 percent", ["cut"]),
        ("Vance voted for the bill", "I voted against this bill", ["voted for"]),
        ("Vance voted for the bill", "I voted for this bill", []),
        ("The council approved the plan", "The council refused the plan", ["approved"]),
    ],
)
def test_opposites(claim, clause, found):
    assert opposites(parse_claim(claim), clause) == found


@pytest.mark.parametrize(
    "claim, verb",
    [
        ("Russia demands political concessions for gas", "demand"),
        ("Ferry fares will rise by 12 percent", "rise"),
        ("Larkport plans to sell the port", "sell"),
        ("Uzbekistan agreed to political conditions", "agre"),
        ("The Greendale district cut funding", None),
    ],
)
def test_main_verb(claim, verb):
    parsed = parse_claim(claim)
    assert main_verb(claim, parsed.predicate) == verb


CLAIM = "Russia demands political concessions for gas"
PESKOV = passage(
    "Nobody is talking about gas in exchange for political concessions.",
    "Dmitry Peskov",
    "Kremlin spokesman",
    date="--12-08",
    line=19,
)


def test_a_denial_by_the_accused_party_refutes_and_the_rationale_says_so():
    result = check_claim(CLAIM, [PESKOV])
    assert result.verdict == "REFUTED"
    assert result.evidence[0].for_subject
    assert result.rationale == (
        "Kremlin spokesman Dmitry Peskov denied it on Dec 8 (news.txt:19): "
        "a denial by the party the claim is about"
    )


def test_the_same_denial_by_a_third_party_contradicts():
    text = "Russia is not demanding any political concessions for its gas."
    third = passage(text, "Jorabek Mirzamahmudov", "Uzbek Energy Minister", line=15)
    result = check_claim(CLAIM, [third])
    assert result.verdict == "REFUTED"
    assert "contradicted it" in result.rationale and "party" not in result.rationale


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia demands political concessions in exchange for its gas.", "supports"),
        ("Russia does not demand political concessions for gas.", "refutes"),
        ("The Kremlin denied that Russia demands political concessions for gas.", "refutes"),
        ("If Russia demands political concessions for gas, we will walk away.", "neutral"),
        ("Does Russia demand political concessions for gas?", "neutral"),
        ("Russia sells gas to Europe at market prices.", "neutral"),
    ],
)
def test_stance_of_a_narrative_sentence(text, expected):
    assert stance(CLAIM, passage(text)).stance == expected


def test_a_hypothetical_claim_may_be_supported_by_the_same_hypothesis():
    claim = "If Russia demands political concessions for gas, Uzbekistan will walk away"
    text = "If Russia demands political concessions for gas, Uzbekistan will walk away."
    assert stance(claim, passage(text)).stance == "supports"


def test_a_negative_claim_is_supported_by_a_denial():
    claim = "Russia does not demand political concessions for gas"
    assert stance(claim, PESKOV).stance == "supports"


def test_same_words_about_another_party_is_no_evidence():
    riverton = passage("The Riverton city council approved plans for a new stadium.")
    other = passage("The Larkport Lions lost to the Riverton Rangers.", line=3)
    assert stance("Larkport will build a new stadium", riverton, other).stance == "neutral"


def test_a_quote_by_someone_else_says_nothing_about_what_a_person_did():
    vance = passage("I voted against this bill.", "Ruth Vance", "Senator", line=3)
    hale = passage("This farm bill keeps farms in business.", "Tom Hale", "Senate leader", line=5)
    result = check_claim("Ruth Vance voted for the farm bill", [vance, hale])
    assert result.verdict == "REFUTED"
    assert all(e.passage.speaker == "Ruth Vance" for e in result.evidence)


def test_credible_evidence_both_ways_is_conflicting():
    claim = "The district cut funding for free school lunches"
    hart = passage("The district cut funding for free school lunches.", "Kevin Hart", line=3)
    lopez = passage(
        "The district has not cut funding for free school lunches.", "Maria Lopez", line=5
    )
    result = check_claim(claim, [hart, lopez])
    assert result.verdict == "CONFLICTING"
    assert "Kevin Hart" in result.rationale and "Maria Lopez" in result.rationale


@pytest.mark.parametrize("candidates", [[], [passage("The weather was fine on Sunday.")]])
def test_nothing_relevant_is_not_enough_evidence(candidates):
    result = check_claim(CLAIM, candidates)
    assert result.verdict == "NOT ENOUGH EVIDENCE"
    assert result.rationale.startswith("no passage")


@pytest.mark.parametrize(
    "claim, speaker, subject",
    [
        ("The FBI said Clinton's email use was extremely careless", {"fbi"}, {"clinton"}),
        ("Mukasey said Clinton did nothing wrong", {"mukasey"}, {"clinton"}),
        ("Peskov told reporters that Russia wants no concessions", {"peskov"}, {"russia"}),
        ("Russia demands political concessions for gas", set(), {"russia"}),
        ("He said it", set(), set()),
    ],
)
def test_a_claim_about_what_someone_said_is_about_what_was_said(claim, speaker, subject):
    parsed = parse_claim(claim)
    assert parsed.speaker == speaker and parsed.subject == subject


def test_an_initial_is_no_clause_end():
    text = "Mukasey, who served under George W. Bush, criticized Clinton. Sen. Vance agreed."
    assert clauses(text) == [
        "Mukasey, who served under George W. Bush, criticized Clinton",
        "Sen. Vance agreed.",
    ]


def test_a_dateline_does_not_hide_who_is_reported():
    text = "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates that"
    assert actor(passage(text + " Clinton should not be president.")) == (
        "Former Attorney General Michael Mukasey"
    )


FBI = passage(
    "Mukasey, the attorney general under former President George W. Bush, criticized "
    "Clinton's email use, which an FBI investigation said was \u201cextremely careless\u201d "
    "but did not warrant criminal charges.",
    line=5,
)


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("The FBI said Clinton's email use was extremely careless", "SUPPORTED"),
        ("Clinton's email use was extremely careless", "SUPPORTED"),
        ("Mukasey said Clinton's email use was extremely careless", "NOT ENOUGH EVIDENCE"),
        ("The FBI said Clinton's email use warranted criminal charges", "REFUTED"),
    ],
)
def test_words_attributed_in_a_relative_clause(claim, verdict):
    assert check_claim(claim, [FBI]).verdict == verdict


def test_the_speaker_saying_the_opposite_is_no_denial():
    said = passage(
        "What Clinton did with government secrets sums up the case against her.",
        "Michael Mukasey",
        "Former Attorney General",
        line=11,
    )
    result = check_claim("Mukasey said Clinton did nothing wrong with government secrets", [said])
    assert result.verdict == "REFUTED"
    assert result.rationale == (
        "Former Attorney General Michael Mukasey said the opposite (news.txt:11)"
    )


CASTIGATED = passage("Mayor Hale castigated the council for wasting the housing fund.")


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("Hale accused the council of wasting the housing fund", "SUPPORTED"),
        ("Hale praised the council for the housing fund", "REFUTED"),
        ("Hale praised the school board", "NOT ENOUGH EVIDENCE"),
    ],
)
def test_verbs_of_blame_and_praise(claim, verdict):
    assert check_claim(claim, [CASTIGATED]).verdict == verdict


REJECTED = "Putin rejected the proposal on Monday."
CAP = "The government has rejected calls to review the energy price cap before winter."


@pytest.mark.parametrize(
    "claim, text, verdict, rationale",
    [
        ("Putin rejected the proposal", REJECTED, "SUPPORTED", "The source reports it"),
        ("Putin rejects the proposal", REJECTED, "SUPPORTED", "The source reports it"),
        ("Putin accepted the proposal", REJECTED, "REFUTED", "The source reports the opposite"),
        ("Putin did not reject the proposal", REJECTED, "REFUTED", "The source reports the"),
        ("The government rejected calls to review the energy price cap", CAP, "SUPPORTED", ""),
        ("The government agreed to review the energy price cap", CAP, "REFUTED", ""),
        ("The Kremlin denied that Russia demands political concessions", CAP, "NOT ENOUGH", ""),
    ],
)
def test_a_denial_verb_is_an_act_the_source_reports_on_both_sides(claim, text, verdict, rationale):
    """A claim and a passage that both say "rejected" agree: the denial word negates in
    neither or in both, and the narrative reports Putin's act rather than his word."""
    result = check_claim(claim, [passage(text)])
    assert result.verdict.startswith(verdict)
    assert result.rationale.startswith(rationale)


@pytest.mark.parametrize(
    "claim, verb",
    [
        ("Putin did not reject the proposal", "reject"),
        ("Putin didn't reject the proposal", "reject"),
        ("Fares will not rise in April", "rise"),
    ],
)
def test_the_main_verb_of_a_negated_claim_is_after_the_negation(claim, verb):
    assert parse_claim(claim).verb == verb


@pytest.mark.parametrize(
    "claim, speech",
    [
        ("Miliband called the decision a betrayal", ("Miliband", "the decision a betrayal")),
        ("Biden described the plan as reckless", ("Biden", "the plan as reckless")),
        ("Biden called Putin a killer", ("Biden", "Putin a killer")),
        ("Trump called a meeting for Tuesday", None),
        ("Police called off the search", None),
        ("The Senate called for a vote", None),
    ],
)
def test_calling_something_a_name_is_a_claim_about_what_was_said(claim, speech):
    assert speech_claim(claim) == speech


def test_called_it_a_betrayal_is_supported_by_saying_it_was_one():
    said = passage(
        "Labour's shadow energy secretary, Ed Miliband, said the decision was "
        "'a betrayal of millions of families'.",
        "Ed Miliband",
        "Labour's shadow energy secretary",
        kind="indirect",
    )
    assert check_claim("Miliband called the decision a betrayal", [said]).verdict == "SUPPORTED"
    assert check_claim("Miliband called the decision a triumph", [said]).verdict.startswith("NOT")
