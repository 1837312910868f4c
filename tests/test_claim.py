"""`factcheck claim` end to end: the example article and hand-written fixture articles."""

import json

import pytest
from click.testing import CliRunner
from paths import FIXTURES, REPO

from factcheck.cli import cli
from factcheck.corpus import build_corpus
from factcheck.verdict import check_claim

EXAMPLE = "Russia demands political concessions for gas"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture(scope="module")
def larkport():
    return build_corpus([str(FIXTURES / "claims")])


def verdict_of(corpus, claim):
    return check_claim(claim, corpus.candidates(claim))


def test_example_claim_is_refuted_by_peskov_in_the_table():
    result = run("claim", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "bundled example corpus" in result.stderr
    assert "Verdict: REFUTED" in result.stdout
    first_row = result.stdout.split("refutes", 1)[1]
    assert "Dmitry Peskov" in first_row.split("\n")[0]
    assert "Dec 8" in result.stdout and "seeds/russia-gas-union.txt:19" in result.stdout
    assert "2022" not in result.stdout  # the article gives no year: none is invented


def test_example_claim_in_json_follows_the_contract():
    result = run("claim", EXAMPLE, "--format", "json")
    (claim,) = json.loads(result.stdout)
    assert claim["claim"] == EXAMPLE and claim["verdict"] == "REFUTED"
    assert "Dmitry Peskov" in claim["rationale"] and "Dec 8" in claim["rationale"]
    top = claim["evidence"][0]
    assert top["stance"] == "refutes"
    assert top["speaker"] == "Dmitry Peskov" and top["role"] == "Kremlin spokesman"
    assert top["date"] == "--12-08" and top["date_text"] == "December 8"
    assert top["quote"].startswith("Nobody is talking about gas in exchange")
    assert top["source"] == "seeds/russia-gas-union.txt" and top["line"] == 19
    assert 0 < top["score"] <= 1


@pytest.mark.parametrize(
    "claim, verdict, speaker",
    [
        ("The Harbor Bridge will be closed for repairs", "SUPPORTED", "Alicia Moreno"),
        ("Larkport plans to sell the port to a private operator", "REFUTED", "Tom Becker"),
        ("Ferry fares will rise by 12 percent", "SUPPORTED", None),
        ("Ferry fares will rise by 30 percent", "REFUTED", None),
        ("Larkport will build a new stadium", "NOT ENOUGH EVIDENCE", None),
        ("The Harbor Bridge will be painted red", "NOT ENOUGH EVIDENCE", None),
    ],
)
def test_fixture_verdicts(larkport, claim, verdict, speaker):
    result = verdict_of(larkport, claim)
    assert result.verdict == verdict, result.rationale
    if speaker:
        assert result.evidence[0].passage.speaker == speaker
        assert speaker in result.rationale


def test_claims_from_a_file_stream_as_json_lines():
    result = run(
        "claim",
        "--from",
        str(FIXTURES / "claims" / "claims.txt"),
        "--source",
        str(FIXTURES / "claims"),
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in lines] == ["SUPPORTED", "REFUTED", "NOT ENOUGH EVIDENCE"]


def test_claims_from_stdin_skip_blank_and_comment_lines():
    result = run("claim", "--format", "jsonl", input=f"# a comment\n\n{EXAMPLE}\n")
    assert result.exit_code == 0
    assert [json.loads(line)["claim"] for line in result.stdout.splitlines()] == [EXAMPLE]


def test_csv_has_one_row_per_evidence():
    result = run("claim", EXAMPLE, "--format", "csv")
    header, first, *_ = result.stdout.splitlines()
    assert header.startswith("claim,verdict,stance,speaker,role,date,quote,source,line,score")
    assert "REFUTED,refutes,Dmitry Peskov,Kremlin spokesman,--12-08" in first


def test_markdown_has_a_heading_and_a_table():
    result = run("claim", EXAMPLE, "--format", "markdown")
    assert result.stdout.startswith(f"### {EXAMPLE}")
    assert "| Stance" in result.stdout


def test_the_bundled_corpus_works_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "Verdict: REFUTED" in run("claim", EXAMPLE).stdout


def test_seed_is_the_shared_example_article():
    shared = REPO.parent / "shared" / "seeds" / "000_d575f0deb029b304.txt"
    if not shared.exists():
        pytest.skip("../shared is not present")
    assert (REPO / "seeds" / "russia-gas-union.txt").read_bytes() == shared.read_bytes()
