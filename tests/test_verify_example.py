"""The issue's examples, end to end: `factcheck quote` on the bundled example corpus, through
the real attribution stage."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

PESKOV = "Nobody is talking about gas in exchange for political concessions."


def quote(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["quote", *args, "--format", "jsonl"])
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    "args, status, speaker, date",
    [
        ([PESKOV, "--speaker", "Dmitry Peskov"], "VERIFIED", "Dmitry Peskov", "--12-08"),
        ([PESKOV, "--speaker", "Peskov", "--date", "December 8"], "VERIFIED", "Dmitry Peskov",
         "--12-08"),
        ([f"“{PESKOV}”", "--speaker", "Mr. Peskov", "--date", "2022-12-08"], "VERIFIED",
         "Dmitry Peskov", "--12-08"),
        ([PESKOV, "--speaker", "Vladimir Putin"], "MISATTRIBUTED", "Dmitry Peskov", "--12-08"),
        (["Everybody is talking about gas…", "--speaker", "Peskov"], "MISQUOTED",
         "Dmitry Peskov", "--12-08"),
        (["We will never compromise our national interests", "--speaker", "Mirzamahmudov",
          "--date", "December 20"], "WRONG DATE", "Jorabek Mirzamahmudov", "--12-07"),
        (["Kazakhstan will join the European Union next spring."], "NOT FOUND", None, None),
        (["Why not?", "--speaker", "Tokayev"], "VERIFIED", "Kassym-Jomart Tokayev", "--11-28"),
    ],
)  # fmt: skip
def test_issue_examples(args, status, speaker, date):
    exit_code, check = quote(*args)
    assert (check["status"], check["speaker"], check["date"]) == (status, speaker, date)
    assert exit_code == (0 if status == "VERIFIED" else 1)


def test_misquote_shows_the_word_that_changed():
    _, check = quote("Everybody is talking about gas…", "--speaker", "Peskov")
    assert check["diff"] == "[-Nobody-] {+Everybody+} is talking about gas"
    assert (check["source"], check["line"]) == ("seeds/russia-gas-union.txt", 19)


def test_misattribution_names_the_speaker_and_role():
    _, check = quote(PESKOV, "--speaker", "Vladimir Putin")
    assert check["role"] == "Kremlin spokesman"
    assert "Kremlin spokesman Dmitry Peskov" in check["rationale"]
