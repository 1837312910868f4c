"""Attribution patterns as news writes them, one sentence or paragraph each."""

from __future__ import annotations

import pytest

from factcheck.attribution import extract_quotes
from factcheck.records import Document


def quotes(text: str, **metadata) -> list[tuple]:
    document = Document(source="test", text=text, **metadata)
    return [(q.speaker, q.role, q.kind, q.quote) for q in extract_quotes(document)]


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        ("“We will win,” Smith said.", "Smith", None),
        ("“We will win,” said John Smith.", "John Smith", None),
        ("“We will win,” John Smith, the party chairman, said.", "John Smith", "party chairman"),
        (
            "“We will win,” said John Smith, a veteran party organiser.",
            "John Smith",
            "veteran party organiser",
        ),
        ("“We will win,” Senator Jane Doe told Reuters.", "Jane Doe", "Senator"),
        ("“We will win,” Jane Doe added.", "Jane Doe", None),
        ("“We will win,” Jane Doe noted on Tuesday.", "Jane Doe", None),
        ("“We will win,” Jane Doe stressed.", "Jane Doe", None),
        ("“We did not,” Jane Doe denied.", "Jane Doe", None),
        ("“We will win,” Jane Doe wrote on Twitter.", "Jane Doe", None),
        ("“We will win,” Jane Doe posted on Facebook.", "Jane Doe", None),
        ("“We will win,” according to Jane Doe.", "Jane Doe", None),
        ("Jane Doe said: “We will win.”", "Jane Doe", None),
        ("Jane Doe said, “We will win.”", "Jane Doe", None),
        ("Jane Doe: “We will win.”", "Jane Doe", None),
        ("“We will win.” — Jane Doe", "Jane Doe", None),
        ('"We will win," Jane Doe said.', "Jane Doe", None),
        ("''We will win,'' Jane Doe said.", "Jane Doe", None),
        ("‘We will win,’ Jane Doe said.", "Jane Doe", None),
        ("« We will win », Jane Doe said.", "Jane Doe", None),
        ("„We will win“, Jane Doe said.", "Jane Doe", None),
        (
            "“We will win,” the Interfax news agency quoted Deputy Prime Minister Alexander "
            "Novak as saying.",
            "Alexander Novak",
            "Deputy Prime Minister",
        ),
        ("“We will win,” Interfax quoted Novak as saying.", "Novak", None),
        ("“We will win,” Mr. Novak said.", "Novak", None),
        ("“We will win,” Sen. Ted Cruz, R-Texas, said.", "Ted Cruz", "Sen."),
        ("“We will win,” said Gov. Terry E. Branstad of Iowa.", "Terry E. Branstad", "Gov."),
        (
            "“We will win,” said Secretary of State Hillary Clinton.",
            "Hillary Clinton",
            "Secretary of State",
        ),
        ("Jane Doe, speaking in Ohio on Tuesday, said: “We will win.”", "Jane Doe", None),
        # unnamed speakers given by role, with the body they speak for
        (
            "“We will decide in the spring,” a spokesperson for the ministry said.",
            None,
            "spokesperson for the ministry",
        ),
        (
            "A spokesperson for the department said: “We will hold them to account.”",
            None,
            "spokesperson for the department",
        ),
        (
            "Jo Li, a spokesperson for the agency, spoke first. “We will decide soon,” a "
            "spokesperson for the ministry said.",
            None,
            "spokesperson for the ministry",
        ),
        ("Jane Doe shook her head and said, “We will win.”", "Jane Doe", None),
        ("Asked about the polls, Jane Doe shot back: “We will win.”", "Jane Doe", None),
        ("Jane Doe waved to the crowd, saying, “We will win.”", "Jane Doe", None),
        ("Jane Doe endorsed John Smith, saying, “We will win.”", "Jane Doe", None),
        ("The vote is next week, Jane Doe said, adding, “We will win.”", "Jane Doe", None),
        ("Jane Doe, who ran in 2012, said: “We will win.”", "Jane Doe", None),
        ("“We will win,” said Smith ally Jane Doe.", "Jane Doe", None),
        ("“We will win,” asked Mr. Doe, smiling.", "Doe", None),
        ("“We will win,” said Doe’s top aide Jo Li.", "Jo Li", "Doe’s top aide"),
        ("Band member Jo Li posted the news, writing “We will win.”", "Jo Li", "Band member"),
        ("“We will win,” said Jo Li of the National Retail Federation.", "Jo Li", None),
        ("Jo Li, delivering Doe’s speech, told the crowd: “We will win.”", "Jo Li", None),
        ("(Jo Li, who ran in 2012, once said, “We will win.”)", "Jo Li", None),
        ("Continued Stone: “We will win.”", "Stone", None),
        ("Stone went on to say, “We will win.”", "Stone", None),
        ("POLLS ARE EARLY - Jo Li: “We will win.”", "Jo Li", None),
        (
            "“We will win,” said J.M. Berger, a fellow at the institute.",
            "J.M. Berger",
            "fellow at the institute",
        ),
        ("Rep. Trey Gowdy (R-S.C.): “We will win.”", "Trey Gowdy", "Rep."),
        ("“We will win,” warm-and-fuzzy Trump said.", "Trump", None),
        ("“We will win,” said U.S. Senator Jo Li.", "Jo Li", "U.S. Senator"),
        ("Reluctantly, Jo Li said, “We will win.”", "Jo Li", None),
        ("Jo Li issued a statement, “We will win.”", "Jo Li", None),
        (
            "“We will win,” said Doe’s top foreign policy aide Jo Li.",
            "Jo Li",
            "Doe’s top foreign policy aide",
        ),
        ("“We will win,” said Jo Li, who ran the campaign.", "Jo Li", None),
        ("“We will win,”Jo Li said.", "Jo Li", None),  # no space after the closing mark
        ("“We will win,” Mr. King said.", "King", None),  # a surname, not a role, after Mr.
        ("“We will win,” Ms. Bishop told reporters.", "Bishop", None),
        ("“We will win,” Jo Li assured the crowd.", "Jo Li", None),
        ("“We will win,” reacted Jo Li.", "Jo Li", None),
        ("“We will win,” Jo Li questioned.", "Jo Li", None),
        ("“We will win,” Jo Li barked.", "Jo Li", None),
        ("“We will win,” Sen. Mitch McConnell, R-Ky., said.", "Mitch McConnell", "Sen."),
        ("Comedian Jo Li told the crowd, “We will win.”", "Jo Li", "Comedian"),
        ("Jo Li, a teacher, waved to the crowd upon saying, “We will win.”", "Jo Li", "teacher"),
        ("Jo Li, who ran in 2012, interjected to say: “We will win.”", "Jo Li", None),
        ("Back in 1999, Jo Li praised the team, telling a reporter: “We will win.”", "Jo Li", None),
        ("Jo Li needled the “experts,” saying, “We will win.”", "Jo Li", None),
        ("VOTERS ARE SPLIT - Jo Li: “We will win.”", "Jo Li", None),
        ("“We will win,” Indiana-born Jo Li said.", "Jo Li", "Indiana-born"),
        ("Jo Li of the National Retail Federation said: “We will win.”", "Jo Li", None),
        ("CLOSEOUT SEQUENCE Jo Li said: “We will win.”", "Jo Li", None),  # a heading first
        ("NASA Administrator Jo Li said: “We will win.”", "Jo Li", "NASA Administrator"),
        ("“We will win,” the Department of Justice said.", "Department of Justice", None),
        ("The Department of Justice said: “We will win.”", "Department of Justice", None),
        ("“We will win,” the Trump campaign said.", None, None),
        (
            "“We will win,” said former Vermont governor Howard Dean.",
            "Howard Dean",
            "former Vermont governor",
        ),
        ("Judicial Watch said: “We will win.”", "Judicial Watch", None),
        ("WASHINGTON (Reuters) - “We will win,” Jo Li said.", "Jo Li", None),  # a dateline
        ("Jan Brewer spoke. “We will win,” Brewer said.", "Jan Brewer", None),
        # a role never reaches back over a paragraph break
        ("4. Doe’s judgment\n\nCounsel Jo Li said: “We will win.”", "Jo Li", "Counsel"),
        ("Dr. Jo Li at Johns Hopkins University told reporters: “We will win.”", "Jo Li", None),
        (
            "A spokesperson for the Department of Health said: “We will win.”",
            None,
            "spokesperson for the Department of Health",
        ),
        (
            "“We will win,” a spokesman for the National Retail Federation said.",
            None,
            "spokesman for the National Retail Federation",
        ),
    ],
)
def test_speaker_patterns(text, speaker, role):
    (found,) = [q for q in quotes(text) if q[2] == "direct"]
    assert found[:2] == (speaker, role)
    assert found[3].startswith("We ")


@pytest.mark.parametrize(
    "text, speakers",
    [
        (
            "Kremlin spokesman Dmitry Peskov spoke to reporters. “It is early,” he said.",
            ["Dmitry Peskov"],
        ),
        (
            "Economy Minister Anna Berg met the unions. “Talks went well,” she said.",
            ["Anna Berg"],
        ),
        (
            "Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev. "
            "The Russian leader called it “a good start.”",
            ["Vladimir Putin"],
        ),
        (
            "Energy Minister Jorabek Mirzamahmudov spoke on Monday.\n\n“Prices must be fair,” "
            "the minister said.",
            ["Jorabek Mirzamahmudov"],
        ),
        (
            "“The talks went well,” said Kremlin spokesman Dmitry Peskov.\n\n“We will meet "
            "again in spring.”",
            ["Dmitry Peskov", "Dmitry Peskov"],
        ),
        (
            "“The talks went well,” Peskov said. “We will meet again in spring.”",
            ["Peskov", "Peskov"],
        ),
        (
            "Jo Li leads the Democratic Party. “We will win,” he said.",
            ["Jo Li"],
        ),
        (
            "Jo Li wrote, “We will win in the spring.” Li’s comment drew praise.",
            ["Jo Li"],
        ),
        (
            "Dmitry Peskov spoke first. Later, Mr. Peskov said: “We will meet again.”",
            ["Dmitry Peskov"],
        ),
        (
            "“The talks,” Peskov said, “went well.”\n\n“We will meet again in spring,” said "
            "Anna Berg.",
            ["Peskov", "Peskov", "Anna Berg"],
        ),
        (
            "Peskov said:\n\n“We will meet again in spring and the talks will go on.”",
            ["Peskov"],
        ),
        (
            "“This is the first paragraph of a long statement,” Peskov said. “It goes on\n\n"
            "“and on into the next paragraph.”",
            ["Peskov", "Peskov", "Peskov"],
        ),
        # Two people share a surname: the honorific's gender tells which one, and the
        # pronoun after it follows.
        (
            "Anna Lindqvist backs the port; her brother, Erik Lindqvist, opposes it. “They "
            "want to pour concrete over the spawning grounds,” Mr Lindqvist said. Ms Lindqvist "
            "said she respected him. “We argue about it at every Sunday dinner,” she said.",
            ["Erik Lindqvist", "Anna Lindqvist"],
        ),
        (
            "Erik Lindqvist is a fisherman; his sister, Anna Lindqvist, backs the port. “They "
            "want to pour concrete,” Mr. Lindqvist said. “We will build it,” Ms. Lindqvist "
            "said. “It will bring jobs,” she added.",
            ["Erik Lindqvist", "Anna Lindqvist", "Anna Lindqvist"],
        ),
    ],
)
def test_coreference_and_continuation(text, speakers):
    assert [q[0] for q in quotes(text) if q[2] == "direct" or q[2] == "partial"] == speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tokayev said Putin would call the Uzbek president.",
            ("Tokayev", "indirect", "Putin would call the Uzbek president"),
        ),
        (
            "Peskov noted that creating a gas union implies coordination.",
            ("Peskov", "indirect", "creating a gas union implies coordination"),
        ),
        (
            "Uzbek Energy Minister Jorabek Mirzamahmudov said in an interview that his "
            "country would not give up its interests.",
            ("Jorabek Mirzamahmudov", "indirect", "his country would not give up its interests"),
        ),
        (
            "Peskov said the proposal was “premature.”",
            ("Peskov", "partial", "premature."),
        ),
        (
            "Trump called her “Crooked Hillary” again.",
            ("Trump", "partial", "Crooked Hillary"),
        ),
        (
            "Uzbekistan will agree only “at a reasonable price,” Mirzamahmudov said.",
            ("Mirzamahmudov", "partial", "at a reasonable price,"),
        ),
    ],
)
def test_indirect_and_partial(text, expected):
    speaker, kind, words = expected
    assert [(q[0], q[2], q[3]) for q in quotes(text)] == [(speaker, kind, words)]


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “experts” were wrong again.",
        "He is 5' 11\" tall and weighs 180 pounds.",
        "The nation's leaders met at the president's house; they didn't agree.",
        "She starred in “Star Wars” in the ’70s.",
        "Rock ’n’ roll lives on in the students’ hearts.",
        "Tickets for the “Hamilton” tour sold out.",
        'The 12" pizza costs $14 and the 16" one $18.',
        "Shares rose 5% on Monday as investors bet on a deal.",
        "A stray “ mark and another ” one.",
        "He appeared on “Meet the Press” and “The View,” remarking on the race.",
        "Trump said it on “Fox and Friends” this morning.",
        "Britain's so- called ‘special relationship’ with Washington endures.",
    ],
)
def test_not_a_quote(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("When Rubio thanked Miami, a man yelled “Stay there!”", (None, "direct", "Stay there!")),
        ("Trump blasted the plan as “a disaster.”", ("Trump", "partial", "a disaster.")),
        (
            "About 200 protesters gathered, holding signs and chanting “Dump Trump.”",
            (None, "direct", "Dump Trump."),
        ),
    ],
)
def test_quotes_introduced_by_a_verb_without_a_named_speaker(text, expected):
    assert [(q[0], q[2], q[3]) for q in quotes(text)] == [expected]


def test_unbalanced_quote_stays_in_its_paragraph():
    text = "“This never closes, said nobody.\n\nThe next paragraph is narrative, not a quote."
    found = extract_quotes(Document(source="test", text=text))
    assert all(q.end <= text.index("\n") for q in found)


@pytest.mark.parametrize(
    "text, date, date_text, metadata",
    [
        ("On December 8, Peskov said: “We will wait.”", "--12-08", "December 8", {}),
        (
            "On December 8, Peskov said: “We will wait.”",
            "2022-12-08",
            "December 8",
            {"date": "2022-12-09"},
        ),
        (
            "On Dec. 8, 2021, Peskov said: “We will wait.”",
            "2021-12-08",
            "Dec. 8, 2021",
            {"date": "2022-12-09"},
        ),
        # a statement cannot postdate its report: late December before a January article
        (
            "On December 28, Peskov said: “We will wait.”",
            "2022-12-28",
            "December 28",
            {"date": "2023-01-03"},
        ),
        (
            "Peskov said on Monday: “We will wait.”",
            "2022-12-05",
            "on Monday",
            {"date": "2022-12-09"},
        ),
        ("Peskov said on Monday: “We will wait.”", None, "on Monday", {}),
        (
            "Peskov said yesterday: “We will wait.”",
            "2022-12-08",
            "yesterday",
            {"date": "2022-12-09"},
        ),
        ("Peskov said last week: “We will wait.”", None, "last week", {"date": "2022-12-09"}),
        ("Peskov said: “We will wait.”", None, None, {"date": "2022-12-09"}),
        ("Peskov said: “We met on December 1.”", None, None, {}),
        (
            "Peskov said on Monday, “We will wait,” adding that talks resume on December 20.",
            "2022-12-05",
            "on Monday",
            {"date": "2022-12-09"},
        ),
        (
            "Putin met Tokayev on November 28.\n\nDuring the meeting, Peskov said: “We will wait.”",
            "--11-28",
            "November 28",
            {},
        ),
    ],
)
def test_dates(text, date, date_text, metadata):
    (quote,) = extract_quotes(Document(source="test", text=text, **metadata))
    assert (quote.date, quote.date_text) == (date, date_text)


def test_indirect_speech_is_dated_by_its_attribution_not_its_content():
    text = "On December 8, Peskov said that talks would resume on December 20."
    (quote,) = extract_quotes(Document(source="test", text=text))
    assert (quote.kind, quote.date, quote.date_text) == ("indirect", "--12-08", "December 8")


def test_reference_date_anchors_relative_dates_when_the_document_has_none():
    document = Document(source="test", text="Peskov said on Monday: “We will wait.”")
    (quote,) = extract_quotes(document, reference_date="2022-12-09")
    assert (quote.date, quote.date_text) == ("2022-12-05", "on Monday")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A surname names its bearer, not what is named after them.
        ("Jo Trump founded Trump University. “We will win,” Trump said.", "Jo Trump"),
        ("Ann Lopez built the Lopez Tower. “We will win,” Lopez said.", "Ann Lopez"),
        (
            "Eric Trump runs the Eric Trump Foundation. “We will win,” Eric Trump wrote.",
            "Eric Trump",
        ),
        (
            "Bernie Sanders Isn't Impressed\n\nSen. Bernie Sanders spoke. “We will win,” "
            "Sanders said.",
            "Bernie Sanders",
        ),
        # Bodies speak: one ending in "Agency", one with "and" in its name.
        (
            "The Ohio Environmental Protection Agency said in a statement that it had “reviewed "
            "and approved” the schedule.",
            "Ohio Environmental Protection Agency",
        ),
        (
            "# Health\n\nThe Department of Health and Social Care said it would “hold them to "
            "account.”",
            "Department of Health and Social Care",
        ),
        # A second verb joined by "but" goes with the sentence's subject, however far.
        (
            "The club's director, Jeremy Boreing, wrote to members. Boreing said the members "
            "will still meet for drinks and speakers, but said, “We will win,” promising more.",
            "Jeremy Boreing",
        ),
        (
            "Ben Carson spoke. Carson did not mention any of his rivals by name, but told his "
            "supporters, “we will win.”",
            "Ben Carson",
        ),
        # Modal-looking and month-looking names are names when they speak.
        ("George Will spoke. “We will win,” Will wrote.", "George Will"),
        ("Theresa May spoke. “We will win,” May said.", "Theresa May"),
        ("Prime Minister Theresa May spoke. “We will win,” Mrs. May told MPs.", "Theresa May"),
        ("April Ryan asked in May. “Will we win?” Ryan asked.", "April Ryan"),
        # A surname two people share names the one not called by first name.
        (
            "Betsy Ebeling and her husband, Tom Ebeling, went door to door. “We will win,” "
            "Tom told a neighbour. “We will win,” Ebeling said.",
            "Betsy Ebeling",
        ),
        # "the 45-year-old" refers back like a pronoun.
        (
            "Nurse Jane Smith has worked in Leeds for 20 years. “We will win,” the "
            "45-year-old said.",
            "Jane Smith",
        ),
        # A participle goes with the sentence's subject, past an earlier quote or object.
        (
            "Lindsey Graham spoke. “We will win,” Graham said on “Morning Joe,” adding, “he "
            "will lose.”",
            "Lindsey Graham",
        ),
        (
            "Hillary Clinton spoke. Clinton replied to Vargas’ question on Facebook writing, "
            "“Yes, I will.”",
            "Hillary Clinton",
        ),
        (
            "Al Gore spoke. Gore said it was “premature” to back Clinton’s campaign for "
            "president while adding, “I have no doubt about her.”",
            "Al Gore",
        ),
    ],
)
def test_who_a_later_mention_names(text, speaker):
    assert quotes(text)[-1][0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Wait, it gets better:\n\n“We will win the vote in the spring.”",
        "What it means - More from the polls: “We will win the vote in the spring.”",
        "Republican voters were asked. “We will win the vote in the spring,” one said.",
        # a place is not the main subject a participle goes with
        "At a rally in Birmingham, Alabama, on Saturday, supporters cheered a protester, with "
        "the crowd reportedly yelling: “We will win the vote in the spring!”",
        # the one told, asked or declared something does not speak
        "Jo Li was told: “We will lose the vote in the spring.”",
        "“We will lose the vote in the spring,” Jo Li was told.",
        "Jo Li spoke. The fever Jo Li had is called “feather duvet lung.”",
        # a newspaper reports what others say
        "“We will win the vote in the spring,” the Post reported, quoting an official.",
    ],
)
def test_common_words_are_nobody(text):
    """Nobody is credited with the quote (it may be kept unattributed, or dropped)."""
    assert [q[0] for q in quotes(text)] in ([], [None])


def test_a_quote_nobody_is_named_for_can_run_over_paragraphs():
    """Its first paragraph is kept, and its continuation does not borrow the speaker of an
    earlier, unrelated quote."""
    text = (
        "“We will win,” Jo Li said.\n\n"
        "The newspaper put it bluntly in its editorial:\n\n"
        "“As we have explained before, the only figure close to this one is an announcement "
        "made in September.\n\n"
        "“That adds up to far less than the number of refugees claimed.”"
    )
    found = quotes(text)
    assert [(q[0], q[3][:10]) for q in found] == [
        ("Jo Li", "We will wi"),
        (None, "As we have"),
        (None, "That adds "),
    ]
