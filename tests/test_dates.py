import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import display_date, find_dates, parse_date, same_day, with_year


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2022-12-08", "2022-12-08"),
        ("--12-08", "--12-08"),
        ("December 8", "--12-08"),
        ("Dec 8, 2022", "2022-12-08"),
        ("Dec. 8 2022", "2022-12-08"),
        ("8 December 2022", "2022-12-08"),
        ("8th of December", "--12-08"),
        ("February 30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "iso, label",
    [("--12-08", "Dec 8"), ("2022-12-08", "Dec 8, 2022"), (None, ""), ("garbage", "")],
)
def test_display_date_never_invents_a_year(iso, label):
    assert display_date(iso) == label


def test_find_dates_keeps_the_source_words():
    text = "The Kremlin on December 8 denied it; on Dec. 9, 2022 it repeated it."
    assert [(t, iso) for _, _, t, iso in find_dates(text)] == [
        ("December 8", "--12-08"),
        ("Dec. 9, 2022", "2022-12-09"),
    ]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("--12-08", "2022-12-08", True),
        ("2021-12-08", "2022-12-08", False),
        ("--12-08", "--12-09", False),
        (None, "--12-08", False),
    ],
)
def test_same_day_matches_month_and_day_without_a_year(a, b, same):
    assert same_day(a, b) is same


def test_with_year_only_fills_a_missing_year():
    assert with_year("--12-08", 2022) == "2022-12-08"
    assert with_year("2021-12-08", 2022) == "2021-12-08"
    assert with_year("--12-08", None) == "--12-08"


@given(st.text())
def test_parse_date_never_crashes(text):
    assert parse_date(text) is None or parse_date(text).count("-") >= 2


_PIECES = [
    *"May may MAY Dec. dec Sept. September sep 8 08 31 3 2016 1999 th st of on last this".split(),
    *"earlier next Monday monDAY tuesday night morning evening week month year".split(),
    *"yesterday today tonight days holiday Wednesdays x _ a ı İ K ſ ١ ٣".split(),
    *[",", " ", "  ", "\n", "\t", ".", "’", "\u00a0", "(", "-"],
]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_date_finders_find_what_a_scan_of_every_offset_finds(text):
    """find_dates and find_relative_dates try only the offsets a match can start at; they
    must find exactly what the patterns' own finditer finds."""
    from factcheck.dates import MONTH_DAY_RE, RELATIVE_RE, _from_match, find_relative_dates

    expected = [
        (m.start(), m.end(), m.group(0), _from_match(m)) for m in MONTH_DAY_RE.finditer(text)
    ]
    assert find_dates(text) == [found for found in expected if found[3]]
    expected = [(m.start(), m.end(), m.group(0)) for m in RELATIVE_RE.finditer(text)]
    assert find_relative_dates(text) == expected
