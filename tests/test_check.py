"""`factcheck check` on the example draft repository in fixtures/drafts (see its README)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from paths import REPO

from factcheck.cli import cli

DRAFTS = "fixtures/drafts/drafts"
WEEK = f"{DRAFTS}/transit-week.md"
BRIDGE = f"{DRAFTS}/bridge.html"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def check_json(*args: str) -> list[dict]:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_each_kind_of_error_is_found_at_its_file_line():
    found = [(r["file"], r["line"], r["status"]) for r in check_json(DRAFTS)]
    assert found == [
        (BRIDGE, 8, "VERIFIED"),
        (BRIDGE, 10, "MISQUOTED"),
        (WEEK, 10, "MISQUOTED"),
        (WEEK, 12, "VERIFIED"),
        (WEEK, 14, "MISATTRIBUTED"),
        (WEEK, 16, "WRONG DATE"),
        (WEEK, 18, "VERIFIED"),
        (WEEK, 20, "NOT FOUND"),
        (WEEK, 26, "VERIFIED"),
    ]


def test_line_and_column_point_at_the_quote_in_the_file():
    for result in check_json(DRAFTS):
        with open(result["file"], encoding="utf-8") as file:
            line = file.read().split("\n")[result["line"] - 1]
        start = line[result["column"] - 1 :]
        first_word = result["quote"].split()[0]
        assert start.startswith(first_word), (result["file"], result["line"], start)


def test_a_typographic_change_alone_passes():
    (result,) = [r for r in check_json(WEEK) if r["line"] == 12]
    assert result["status"] == "VERIFIED"
    assert "don't" in result["quote"] and "don’t" in result["matched"]


def test_a_quote_split_around_its_attribution_is_checked_whole():
    (result,) = [r for r in check_json(WEEK) if r["line"] == 18]
    assert result["status"] == "VERIFIED"
    assert result["column"] == 2
    assert result["matched"] == "We will not open the bridge to trucks until every beam is replaced"


def test_each_problem_comes_with_the_source_words_and_a_fix():
    results = {r["line"]: r for r in check_json(WEEK)}
    assert results[10]["suggestion"] == (
        "use the source's words: “We held fares flat for six years, and we cannot do it for a"
        " seventh”"
    )
    assert results[10]["diff"].startswith("We held fares flat for [-six-] {+five+} years")
    assert results[14]["claimed_speaker"] == "Priya Nair"
    assert results[14]["suggestion"] == "attribute it to Dana Whitfield (Councilwoman)"
    assert (results[16]["claimed_date"], results[16]["date"]) == ("2024-05-07", "2024-05-09")
    assert results[16]["suggestion"] == "date it May 9, 2024"
    assert results[20]["suggestion"] is None


def test_json_items_are_quote_checks_with_the_draft_location():
    result = check_json(WEEK)[0]
    assert {"quote", "claimed_speaker", "claimed_date", "status", "speaker", "role"} <= set(result)
    assert {"date", "matched", "score", "diff", "source"} <= set(result)
    assert (result["file"], result["line"], result["column"]) == (WEEK, 10, 2)
    assert result["source"] == "fixtures/drafts/archive/2024-05-06-ferry-fares.md"
    assert result["source_line"] == 8


def test_the_default_output_lists_problems_first_then_a_summary():
    result = run(DRAFTS)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{BRIDGE}:10:11: MISQUOTED: “This city has known about the rot")
    assert (
        "    fix: use the source's words: “This city has known about the rust since 2019”" in lines
    )
    statuses = [line.split(": ")[1] for line in lines if line.startswith("fixtures/")]
    assert statuses.index("VERIFIED") == 5 and set(statuses[5:]) == {"VERIFIED"}
    assert lines[-1] == (
        "9 quotes: 4 verified, 2 misquoted, 1 misattributed, 1 wrong date, 1 not found"
        " (1 ignored; 1 paraphrase not checked)"
    )


def test_github_format_annotates_each_problem():
    result = run(WEEK, "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"::error file={WEEK},line=10,col=2,title=factcheck MISQUOTED::“We held fares flat"
    )
    assert "%0AFix: use the source's words" in lines[0]
    assert sum(line.startswith("::error ") for line in lines) == 4
    assert lines[-1].startswith("::notice title=factcheck::7 quotes: 3 verified")


def test_statuses_outside_fail_on_are_warnings_and_do_not_fail():
    result = run(WEEK, "--format", "github", "--fail-on", "misquoted,misattributed,wrong-date")
    assert result.exit_code == 1
    assert [line.split(" ")[0] for line in result.stdout.splitlines()[:4]] == [
        "::error",
        "::error",
        "::error",
        "::warning",
    ]
    assert run(f"{DRAFTS}/bridge.html", "--fail-on", "not-found").exit_code == 0
    assert run(DRAFTS, "--fail-on", "none").exit_code == 0


def test_markdown_format_is_a_pr_comment():
    result = run(BRIDGE, "--format", "markdown")
    assert result.stdout.startswith("### factcheck: 2 quotes: 1 verified, 1 misquoted\n")
    assert f"| {BRIDGE}:10:11 | **MISQUOTED** |" in result.stdout


def test_csv_has_one_row_per_quote():
    rows = run(WEEK, "--format", "csv").stdout.splitlines()
    assert rows[0].startswith("file,line,column,status,quote,")
    assert len(rows) == 1 + 7


def test_the_draft_repository_configuration_gives_sources_and_ignores():
    files = {r["file"] for r in check_json(DRAFTS)}
    assert not any("interviews" in f for f in files)


def test_command_line_sources_override_the_configuration():
    results = check_json(BRIDGE, "--source", "fixtures/verify/council-budget.txt")
    assert {r["status"] for r in results} == {"NOT FOUND"}


def test_a_config_file_can_skip_quotes_and_set_fail_on(tmp_path):
    config = tmp_path / "factcheck.toml"
    archive = REPO / "fixtures/drafts/archive"
    config.write_text(
        f'sources = ["{archive}"]\nfail-on = ["misattributed"]\nignore-quotes = ["rot"]\n'
    )
    result = run(BRIDGE, "--config", str(config))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "1 quote: 1 verified (1 ignored)"
