"""Claims against short news passages, one rule each: the verdict a careful fact-checker
gives. Each row once came out wrong (most of them SUPPORTED for a false claim)."""

import pytest

from factcheck.corpus import build_corpus
from factcheck.verdict import check_claim_in

SENATE = "The Senate on Thursday rejected a $14 billion border security package."
VANTOR = "Vantor last cut jobs in 2023."
DYER = "Mr Dyer rejected that claim, saying the council had already sold £30m of property."
TARIFFS = "China's commerce ministry said it firmly opposes the steel tariffs."
MEASLES = "Measles cases more than doubled last year, as vaccination rates fell."
UKHSA = (
    "Measles cases in England more than doubled last year.\n\nThe UK Health Security Agency "
    "(UKHSA) said there were 2,911 confirmed cases in 2024, up from 1,369 in 2023."
)
BRISTOL = (
    "Bristol City Council has approved a budget.\n\nThe budget was passed on Tuesday by 38 "
    "votes to 31 after a meeting at City Hall."
)
KOWALSKI = "Richard Kowalski, 61, was sentenced to six years in prison for fraud."
LONG_AS = (
    "Measles cases in England more than doubled last year, health officials said on "
    "Thursday, as vaccination rates among young children fell to their lowest level."
)
AMENDMENT = (
    "Council tax will rise by 4.99% from April.\n\nCouncillors had tabled an amendment to "
    "limit the rise to 2.99%, but it was defeated."
)
SOUGHT = (
    "Kowalski was sentenced to six years in prison.\n\nKowalski's lawyer had sought a "
    "sentence of three years, citing his client's age."
)
IMPORTS = "Imports from China rose 30 percent over the same period."
SZIJJARTO = (
    '"The decision is a serious mistake," said Hungarian Foreign Minister Peter Szijjarto.\n\n'
    "EU Trade Commissioner Maros Sefcovic said the tariffs were necessary."
)
PERU = (
    "With most ballots counted, Reyes had 31.4 percent of the votes, while Castañeda took "
    "24.8 percent."
)
JURY = "The election jury said it had received 212 complaints and had rejected 37 of them."
SAHYADRI = "Sahyadri, India's fifth-largest cement maker, reported a 34% rise in profit."
FLAT = (
    "The budget includes a 3 percent raise for city employees and holds the property tax "
    "rate flat for a fourth straight year."
)
SPENDING = "Household spending, which accounts for about 60 percent of the economy, edged up."
VETO = "Gov. Elena Marquez on Friday vetoed a bill that would have created a rental tax."
PINECREST = (
    "Pinecrest denied that it had deliberately delayed refunds and said the problems were "
    "caused by a software failure at a booking contractor."
)
WHITFIELD = (
    "Judge Whitfield denied a request by prosecutors to have Kessler taken into custody, ruling "
    "that he was not a flight risk."
)
HOLM = (
    "Neither vote reached that threshold, and Senate Majority Leader Patricia Holm said "
    "Monday that she did not expect an override attempt this year."
)
BANK = "The Bank of Tarsena held its benchmark interest rate at 4.75 percent in July."
ORTEGA = (
    "Republican Governor Ann Lee vetoed the bill. Its sponsor, Rep. Daniel Ortega-Reyes, a "
    "Democrat from Albuquerque, said: 'The governor's office has been told this repeatedly.'"
)
OCAMPO = (
    "Sen. Maria Ocampo voted for the bill. 'This is a Washington solution to a Western "
    "problem,' said Sen. Dale Harkins."
)
BMA = (
    "The British Medical Association (BMA) welcomed the catch-up campaign but said it did "
    "not go far enough."
)
HE = (
    "Health Secretary Wes Streeting said the figures were 'alarming'. He blamed misinformation "
    "spread online for the drop in vaccination rates."
)
CITING = (
    "Kowalski's lawyer had sought a sentence of three years, citing the fact that he had "
    "repaid $400,000 before charges were filed."
)
IMPORTS_EU = (
    "EU ministers approved a plan to raise tariffs on Chinese steel imports to 25 percent.\n\n"
    + IMPORTS
)
FUNDING = "Funding for free school lunches went up by 3 percent, the district said."
EU = "EU trade ministers on Monday approved a plan to raise tariffs on Chinese steel."
RAISE = "Ministers approved a plan to raise tariffs to 25 percent from 15 percent."
STREETING = "Health Secretary Wes Streeting said the figures were 'alarming'."
UPTAKE = "Uptake of the MMR vaccine among five-year-olds fell to 83.9%."
CHILD = "One child died of measles in Liverpool in July, the agency confirmed."


@pytest.mark.parametrize(
    "claim, source, verdict",
    [
        # A figure or date that differs refutes, when both sides negate alike.
        ("The Senate rejected a $20 billion border security package", SENATE, "REFUTED"),
        ("The Senate rejected a $14 billion border security package", SENATE, "SUPPORTED"),
        (
            "The minister denied that 600 jobs would go",
            "The minister denied that 400 jobs would go.",
            "REFUTED",
        ),
        (
            "The Senate did not pass the $20 billion bill",
            "The Senate did not pass the $14 billion bill.",
            "REFUTED",
        ),
        (
            "The Senate rejected the bill on March 9",
            "The Senate rejected the bill on March 5.",
            "REFUTED",
        ),
        # A year is a date, compared exactly.
        ("Vantor last cut jobs in 2021", VANTOR, "REFUTED"),
        ("Vantor last cut jobs in 2023", VANTOR, "SUPPORTED"),
        ("The fraud was discovered in 2019", "The fraud was discovered in 2022.", "REFUTED"),
        # A figure the source does not give is not confirmed by it.
        (
            "Vantor will cut 2,100 jobs",
            "Vantor said on Thursday it would cut jobs in its chip division.",
            "NOT ENOUGH EVIDENCE",
        ),
        # Clauses joined by "as" and "while" are judged apart.
        ("Measles cases fell last year", MEASLES, "REFUTED"),
        ("Measles cases rose last year", MEASLES, "SUPPORTED"),
        ("Sales fell in March", "Sales rose 5 percent in March as prices fell.", "REFUTED"),
        ("Exports fell", "Exports rose 4 percent while imports fell 2 percent.", "REFUTED"),
        (
            "Measles cases in England fell last year",
            "Measles cases in England doubled last year.",
            "REFUTED",
        ),
        (
            "South Gloucestershire Council approved a 4.5% council tax increase",
            "South Gloucestershire Council approved a 4.99% increase last week, "
            "while North Somerset Council opted for 4.5%.",
            "REFUTED",
        ),
        # What follows "rejected that claim, saying" is asserted, not denied.
        ("Dyer said the council had already sold £30m of property", DYER, "SUPPORTED"),
        # Opposite verbs.
        (
            "The House rejected the border bill",
            "The House passed the border bill in May.",
            "REFUTED",
        ),
        (
            "The BMA rejected the catch-up campaign",
            "The BMA welcomed the catch-up campaign.",
            "REFUTED",
        ),
        ("China's commerce ministry welcomed the steel tariffs", TARIFFS, "REFUTED"),
        # A claim whose verb the source does not state is not supported by the rest.
        (
            "The health ministry welcomed the report",
            "The health ministry criticised the report.",
            "NOT ENOUGH EVIDENCE",
        ),
        (
            "Vantor's board approved the merger",
            "Vantor's board delayed the merger.",
            "NOT ENOUGH EVIDENCE",
        ),
        # A weekday or a month named alone is a date too.
        ("EU ministers approved the steel tariffs on Friday", EU, "REFUTED"),
        ("EU ministers approved the steel tariffs on Monday", EU, "SUPPORTED"),
        ("The House passed the bill in April", "The House passed the bill in May.", "REFUTED"),
        # "to 25 percent from 15 percent": where it goes is compared with where it goes.
        ("Ministers approved a plan to raise tariffs to 15 percent", RAISE, "REFUTED"),
        ("Ministers approved a plan to raise tariffs to 25 percent", RAISE, "SUPPORTED"),
        # "called X alarming" is what was said of X.
        ("Wes Streeting called the figures alarming", STREETING, "SUPPORTED"),
        # A capital that only starts the sentence names no other party.
        ("MMR uptake among five-year-olds fell to 83.9%", UPTAKE, "SUPPORTED"),
        ("A child died of measles in Liverpool in July", CHILD, "SUPPORTED"),
        # The article's place fills in for a passage that names no other party: an
        # abbreviation in brackets and the venue are no other party.
        ("There were 2,911 confirmed measles cases in England in 2024", UKHSA, "SUPPORTED"),
        ("There were 3,911 confirmed measles cases in England in 2024", UKHSA, "REFUTED"),
        ("The Bristol budget was passed by 38 votes to 31", BRISTOL, "SUPPORTED"),
        ("The Bristol budget was passed by 41 votes to 28", BRISTOL, "REFUTED"),
        # A day the passage does not give is not confirmed by it.
        ("Kowalski was sentenced on Tuesday", KOWALSKI, "NOT ENOUGH EVIDENCE"),
        ("Measles cases in England fell last year", LONG_AS, "REFUTED"),
        # A figure goes with the year right after it.
        ("There were 2,911 confirmed measles cases in England in 2023", UKHSA, "REFUTED"),
        # A proposal is not what was decided, nor the other way round.
        ("Council tax will rise by 2.99%", AMENDMENT, "REFUTED"),
        ("Council tax will rise by 4.99%", AMENDMENT, "SUPPORTED"),
        ("Kowalski's lawyer sought a three-year sentence", SOUGHT, "SUPPORTED"),
        # Imports rising is not the EU raising tariffs.
        (
            "The EU raised tariffs on Chinese steel imports to 30 percent",
            IMPORTS,
            "NOT ENOUGH EVIDENCE",
        ),
        ("The EU raised tariffs on Chinese steel imports to 30 percent", IMPORTS_EU, "REFUTED"),
        # ... but what was acted on may well be a passage's subject.
        ("The district cut funding for free school lunches", FUNDING, "REFUTED"),
        # "He blamed ..." after Streeting's words is Streeting's act.
        (
            "Wes Streeting blamed online misinformation for falling vaccination rates",
            HE,
            "SUPPORTED",
        ),
        # ", citing ..." starts what is asserted, not what was sought.
        ("Kowalski had repaid $400,000 before charges were filed", CITING, "SUPPORTED"),
        # An abbreviation names the body it abbreviates.
        ("The BMA said the catch-up campaign did not go far enough", BMA, "SUPPORTED"),
        # "about", "more than" qualify a figure; "five of seven counts" are five counts.
        (
            "Steel exports rose by about 40 percent in 2021",
            "Steel exports rose 41 percent in 2021.",
            "SUPPORTED",
        ),
        (
            "Dravimab was tested on more than 1,100 adults",
            "Dravimab was tested on 1,140 adults.",
            "SUPPORTED",
        ),
        (
            "Dravimab was tested on more than 1,200 adults",
            "Dravimab was tested on 1,140 adults.",
            "REFUTED",
        ),
        (
            "Kessler was found guilty on five counts",
            "Kessler was found guilty on five of seven counts.",
            "SUPPORTED",
        ),
        (
            "Marsh faces up to 25 years in prison",
            "Marsh faces up to 15 years in prison.",
            "REFUTED",
        ),
        # Lengths of time compare in days; a month and year is a date.
        (
            "He replaced the bumper three weeks after the crash",
            "He replaced the bumper three days after the crash.",
            "REFUTED",
        ),
        (
            "Veltria filed its response in September 2021",
            "Veltria filed its response in September 2020.",
            "REFUTED",
        ),
        # Where a denial's reach ends.
        ("Pinecrest said the problems were caused by a software failure", PINECREST, "SUPPORTED"),
        ("Judge Whitfield ruled that Kessler was not a flight risk", WHITFIELD, "SUPPORTED"),
        ("Patricia Holm said she expected an override attempt this year", HOLM, "REFUTED"),
        (
            "Castellani blamed the referee for the defeat",
            "Castellani refused to blame the referee for the defeat.",
            "REFUTED",
        ),
        # A verb with no "-ed" is still the verb; names alone need a passage that says them.
        ("The Bank of Tarsena cut its interest rate to 4.75 percent", BANK, "NOT ENOUGH EVIDENCE"),
        ("Daniel Ortega-Reyes is a Republican from Albuquerque", ORTEGA, "NOT ENOUGH EVIDENCE"),
        ("Sen. Maria Ocampo called the bill a Washington solution", OCAMPO, "NOT ENOUGH EVIDENCE"),
        # "forty-one" is 41; "roughly" and "per" are no words a passage must repeat.
        (
            "Forty-one percent of third-graders scored proficient",
            "Just 41 percent of third-graders scored proficient.",
            "SUPPORTED",
        ),
        (
            "Ortega-Reyes estimated the tax would raise roughly $48 million per year",
            "Ortega-Reyes estimated the tax would raise about $48 million a year.",
            "SUPPORTED",
        ),
        # The main verb is not one in a relative clause.
        (
            "Governor Marquez signed a bill that would have created a rental tax",
            VETO,
            "NOT ENOUGH EVIDENCE",
        ),
        # "the proposed tower" is a thing, not a proposal.
        (
            "The council approved the tower",
            "The council approved the proposed tower on Tuesday.",
            "SUPPORTED",
        ),
        # Another figure for another thing is no contradiction.
        ("Mining accounts for about 10 percent of the economy", SPENDING, "NOT ENOUGH EVIDENCE"),
        ("Household spending accounts for about 50 percent of the economy", SPENDING, "REFUTED"),
        # "held steady" neither rose nor fell; "postponed" is "delayed".
        (
            "Math proficiency fell to 37 percent",
            "Math proficiency held steady at 37 percent.",
            "REFUTED",
        ),
        (
            "The council delayed the vote",
            "The council postponed the vote until March.",
            "SUPPORTED",
        ),
        ("The budget keeps the property tax rate unchanged", FLAT, "SUPPORTED"),
        # A vote or a score is one figure, compared whole.
        (
            "The law passed the House 78-25",
            "The law passed the House 78-15 and the Senate 27-4.",
            "REFUTED",
        ),
        (
            "The law passed the House 78-15",
            "The law passed the House 78-15 and the Senate 27-4.",
            "SUPPORTED",
        ),
        (
            "The budget was rejected by 181 votes to 157",
            "MPs rejected the budget by 181 votes to 167.",
            "REFUTED",
        ),
        # Words the source quotes from somebody else refute a claim that another said them,
        # when the sources know that other person.
        ("Maros Sefcovic called the decision a serious mistake", SZIJJARTO, "REFUTED"),
        ("Peter Szijjarto called the decision a serious mistake", SZIJJARTO, "SUPPORTED"),
        ("Angela Merkel called the decision a serious mistake", SZIJJARTO, "NOT ENOUGH EVIDENCE"),
        # The figure of the party the claim names, not another party's in the same sentence.
        ("Castañeda had 24.8 percent of the votes", PERU, "SUPPORTED"),
        ("Castañeda had 31.4 percent of the votes", PERU, "REFUTED"),
        # "rejected 37 of them" counts what was named before.
        ("The election jury has rejected 37 complaints", JURY, "SUPPORTED"),
        ("The election jury has rejected 73 complaints", JURY, "REFUTED"),
        # A rank is compared whole; "in favour of" is "for", the opposite of "against".
        ("Sahyadri is India's third-largest cement maker", SAHYADRI, "REFUTED"),
        ("Sahyadri is India's fifth-largest cement maker", SAHYADRI, "SUPPORTED"),
        (
            "Hungary voted in favour of the steel tariffs",
            "Hungary voted against the steel tariffs.",
            "REFUTED",
        ),
    ],
)
def test_verdict_on_a_short_source(tmp_path, claim, source, verdict):
    path = tmp_path / "news.txt"
    path.write_text(source + "\n", encoding="utf-8")
    assert check_claim_in(build_corpus([str(path)]), claim).verdict == verdict
