"""Attribution: who said what, and when, on the bundled example and hand-written sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.attribution import extract_quotes
from factcheck.records import Document
from factcheck.sources import read_file

SEED = Path(__file__).resolve().parents[1] / "seeds" / "russia-gas-union.txt"


@pytest.fixture(scope="module")
def seed_quotes():
    (document,) = read_file(SEED)
    return extract_quotes(document)


def _by_start(quotes, words):
    return next(q for q in quotes if q.quote.startswith(words))


@pytest.mark.parametrize(
    "words, speaker, role, kind, date, date_text, line",
    [
        (
            "trilateral [gas] union",
            "Vladimir Putin",
            "Russian President",
            "partial",
            "--11-28",
            "November 28",
            5,
        ),
        (
            "Why not?",
            "Kassym-Jomart Tokayev",
            "Kazakh President",
            "direct",
            "--11-28",
            "November 28",
            5,
        ),
        (
            "Kassym-Jomart Tokayev and Vladimir Putin believe",
            "Ruslan Zheldibay",
            "Tokayev’s spokesman",
            "direct",
            None,
            None,
            11,
        ),
        (
            "his country would not give up",
            "Jorabek Mirzamahmudov",
            "Uzbek Energy Minister",
            "indirect",
            "--12-07",
            "December 7",
            13,
        ),
        (
            "We will never compromise",
            "Jorabek Mirzamahmudov",
            "Uzbek Energy Minister",
            "direct",
            "--12-07",
            "December 7",
            15,
        ),
        (
            "at a reasonable price",
            "Jorabek Mirzamahmudov",
            "Uzbek Energy Minister",
            "partial",
            "--12-07",
            "December 7",
            15,
        ),
        (
            "Nobody is talking about gas",
            "Dmitry Peskov",
            "Kremlin spokesman",
            "direct",
            "--12-08",
            "December 8",
            19,
        ),
        (
            "Work continues in this regard,",
            "Dmitry Peskov",
            "Kremlin spokesman",
            "direct",
            "--12-08",
            "December 8",
            21,
        ),
        (
            "The countries are interested",
            "Dmitry Peskov",
            "Kremlin spokesman",
            "direct",
            "--12-08",
            "December 8",
            23,
        ),
    ],
)
def test_seed_article(seed_quotes, words, speaker, role, kind, date, date_text, line):
    quote = _by_start(seed_quotes, words)
    assert (quote.speaker, quote.role, quote.kind) == (speaker, role, kind)
    assert (quote.date, quote.date_text, quote.line) == (date, date_text, line)


def test_seed_offsets_match_the_contract(seed_quotes):
    peskov = _by_start(seed_quotes, "Nobody is talking")
    assert (peskov.start, peskov.end, peskov.source) == (1888, 2033, "seeds/russia-gas-union.txt")
    text = SEED.read_text(encoding="utf-8")
    assert all(text[q.start : q.end] == q.quote for q in seed_quotes)


def test_seed_never_names_an_agency(seed_quotes):
    speakers = {q.speaker for q in seed_quotes}
    assert not speakers & {"TASS", "Interfax", "Kun.uz"}
    assert None not in speakers


def test_seed_is_in_document_order(seed_quotes):
    assert [q.start for q in seed_quotes] == sorted(q.start for q in seed_quotes)


def _one(text: str, **kwargs) -> list[tuple]:
    document = Document(source="test", text=text, **kwargs)
    return [(q.speaker, q.role, q.kind, q.quote) for q in extract_quotes(document)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will win,” Smith said.", [("Smith", None, "direct", "We will win,")]),
        ('"We will win," said John Smith.', [("John Smith", None, "direct", "We will win,")]),
        (
            "“It is over,” Kremlin spokesman Dmitry Peskov told reporters.",
            [("Dmitry Peskov", "Kremlin spokesman", "direct", "It is over,")],
        ),
        (
            "“It is over,” Dmitry Peskov, the Kremlin spokesman, said.",
            [("Dmitry Peskov", "Kremlin spokesman", "direct", "It is over,")],
        ),
        (
            "“It is over,” the TASS news agency quoted Kremlin spokesman Dmitry Peskov as saying.",
            [("Dmitry Peskov", "Kremlin spokesman", "direct", "It is over,")],
        ),
        (
            "Senator Jane Doe said: “We have the votes.”",
            [("Jane Doe", "Senator", "direct", "We have the votes.")],
        ),
        (
            "Jane Doe: “We have the votes.”",
            [("Jane Doe", None, "direct", "We have the votes.")],
        ),
        (
            "“We have the votes.” — Jane Doe",
            [("Jane Doe", None, "direct", "We have the votes.")],
        ),
        (
            "“The economy is strong,” according to Treasury Secretary Janet Yellen.",
            [("Janet Yellen", "Treasury Secretary", "direct", "The economy is strong,")],
        ),
        (
            "« We will win the war », wrote Marie Curie. ‘Yes,’ Curie added.",
            [
                ("Marie Curie", None, "direct", "We will win the war"),
                ("Marie Curie", None, "direct", "Yes,"),
            ],
        ),
        (
            "Mr. Peskov said the talks would “take time.”",
            [("Peskov", None, "partial", "take time.")],
        ),
    ],
)
def test_attribution_patterns(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “experts” were wrong.",
        "He is 5' 11\" tall and weighs 180 pounds.",
        "The nation's leaders met at the president's house; they didn't agree.",
        "She starred in “Star Wars” and in the ’90s hit “Friends.”",
        "Rock ’n’ roll lives on in the students’ hearts.",
    ],
)
def test_no_quote(text):
    assert _one(text) == []


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "attribution"


def test_wire_story_fixture():
    text = (FIXTURES / "wire-story.txt").read_text(encoding="utf-8")
    document = Document(source="wire-story.txt", text=text, date="2023-05-03")
    fields = ("line", "kind", "speaker", "role", "date", "date_text", "quote")
    found = [{f: q.to_dict()[f] for f in fields} for q in extract_quotes(document)]
    lines = (FIXTURES / "wire-story.expected.jsonl").read_text(encoding="utf-8").splitlines()
    assert found == [json.loads(line) for line in lines]
