"""`factcheck quote` on the command line: statuses, exit codes, batch input, formats."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from verify_fixtures import annotated_index

from factcheck.cli import cli

PESKOV = "Nobody is talking about gas in exchange for political concessions."


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch):
    """An index of the annotated fixtures, where FACTCHECK_DB points: never the user's."""
    path = tmp_path / "index.db"
    annotated_index(path).close()
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["quote", *args], input=input)


def test_verified_exits_0_with_the_evidence():
    result = run(PESKOV, "--speaker", "Peskov", "--date", "December 8")
    assert result.exit_code == 0
    assert "VERIFIED: said by Kremlin spokesman Dmitry Peskov on Dec 8" in result.output
    assert "seeds/russia-gas-union.txt:19" in result.output


def test_misattributed_exits_1_naming_the_speaker():
    result = run(PESKOV, "--speaker", "Vladimir Putin", "--format", "json")
    assert result.exit_code == 1
    [check] = json.loads(result.output)
    assert check["status"] == "MISATTRIBUTED"
    assert (check["speaker"], check["role"], check["date"]) == (
        "Dmitry Peskov",
        "Kremlin spokesman",
        "--12-08",
    )
    assert check["claimed_speaker"] == "Vladimir Putin"
    assert check["source"] == "seeds/russia-gas-union.txt"
    assert check["line"] == 19
    assert check["matched"] == "Nobody is talking about gas in exchange for political concessions"


def test_jsonl_batch_from_stdin_streams_in_input_order():
    lines = [
        PESKOV,
        '{"quote": "We will never compromise our national interests",'
        ' "speaker": "Mirzamahmudov", "date": "December 20"}',
        "# comments and blank lines are skipped",
        "",
        '{"quote": "Everybody is talking about gas in exchange for political concessions"}',
        "The moon is made of green cheese.",
    ]
    result = run("--format", "jsonl", "--speaker", "Peskov", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    checks = [json.loads(line) for line in result.output.splitlines()]
    assert [(c["status"], c["claimed_speaker"]) for c in checks] == [
        ("VERIFIED", "Peskov"),
        ("WRONG DATE", "Mirzamahmudov"),
        ("MISQUOTED", "Peskov"),
        ("NOT FOUND", "Peskov"),
    ]
    assert checks[1]["date"] == "--12-07"
    assert checks[2]["diff"].startswith("[-Nobody-] {+Everybody+} is talking")
    assert checks[3]["searched"] == 3


def test_batch_from_file(tmp_path):
    batch = tmp_path / "quotes.txt"
    batch.write_text("Why not?\nWork continues in this regard\n", encoding="utf-8")
    result = run("--from", str(batch), "--format", "csv")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert rows[0].startswith("quote,claimed_speaker,claimed_date,status,speaker")
    assert [row.split(",")[3] for row in rows[1:]] == ["VERIFIED", "VERIFIED"]


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["--format", "jsonl"], '{"quote": "Why not?"}\n{"quote": broken\n', "not a valid JSON"),
        (["--format", "jsonl"], '{"speaker": "Peskov"}\n', 'needs a "quote"'),
        ([PESKOV, "--date", "someday"], None, "not a date"),
        ([], "\n\n", "no quotes in the input"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, stdin, message):
    result = run(*args, input=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_markdown():
    result = run(PESKOV, "--speaker", "Putin", "--format", "markdown")
    assert result.exit_code == 1
    assert result.output.startswith(f"### {PESKOV} (Putin)\n\n**MISATTRIBUTED**:")
