"""The command-line frame: help, version, formats, and one-line errors with exit code 2."""

import pytest
from click.testing import CliRunner
from paths import REPO

from factcheck import __version__
from factcheck.cli import cli, input_lines

SEED = REPO / "seeds" / "russia-gas-union.txt"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_lists_every_command(flag):
    result = run(flag)
    assert result.exit_code == 0
    for command in ("claim", "quote", "check", "quotes", "read", "index"):
        assert command in result.output


def assert_one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]


def test_missing_source_path(tmp_path):
    result = run("claim", "Russia demands gas", "--source", str(tmp_path / "nope.txt"))
    assert_one_line_error(result, "nope.txt")


def test_binary_source_file(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert_one_line_error(run("claim", "x y z", "--source", str(binary)), "binary")


def test_a_missing_source_beside_a_good_one_is_an_error(tmp_path):
    missing = str(tmp_path / "missing.txt")
    result = run("claim", "Russia demands gas", "--source", missing, "--source", str(SEED))
    assert_one_line_error(result, f"{missing}: no such file or folder")


def test_an_unreadable_source_beside_a_good_one_is_a_warning(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("claim", "Russia demands gas", "--source", str(binary), "--source", str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"warning: {binary}: looks like a binary file, not text\n"


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "Russia demands gas"],
        ["quote", "Nobody is talking about gas"],
        ["check", "draft.md"],
    ],
)
def test_an_explicit_db_that_does_not_exist_is_an_error(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text('"Nobody is talking about gas," Peskov said.\n')
    db = str(tmp_path / "typo.db")
    assert_one_line_error(run(*args, "--db", db), f"{db}: no index yet")


def test_a_missing_default_index_falls_back_to_the_example(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "none.db"))
    result = run("claim", "Russia demands political concessions for gas")
    assert result.exit_code == 0
    assert "bundled example corpus" in result.stderr


def test_empty_claim():
    assert_one_line_error(run("claim", "  "), "empty claim")


def test_empty_stdin():
    assert_one_line_error(run("claim", input=""), "no claims")


def test_only_comments_on_stdin():
    assert_one_line_error(run("claim", input="# nothing\n\n"), "no claims")


def test_unknown_format():
    assert_one_line_error(run("claim", "Russia demands gas", "--format", "yaml"), "yaml")


def test_bad_reference_date():
    assert_one_line_error(run("claim", "x", "--reference-date", "yesterday"), "YYYY-MM-DD")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\nclaim-like text\n", b"a\x00b\n"],
)
def test_claims_from_a_binary_file_are_refused(tmp_path, data):
    path = tmp_path / "claims.txt"
    path.write_bytes(data)
    assert_one_line_error(run("claim", "--from", str(path)), f"{path}: looks like a binary file")
    assert_one_line_error(run("quote", input=data), "<stdin>: looks like a binary file")


def test_claims_from_a_file_keep_their_lines_and_replace_bad_bytes(tmp_path):
    path = tmp_path / "claims.txt"
    path.write_bytes(b"# comment\r\nPeskov denied \xffit\r\n\n" + b"x" * 9000 + b"\nlast\n")
    assert list(input_lines([], path.open("rb"), what="claim")) == [
        "Peskov denied \ufffdit",
        "x" * 9000,
        "last",
    ]


def test_missing_from_file(tmp_path):
    assert_one_line_error(run("claim", "--from", str(tmp_path / "claims.txt")), "claims.txt")


@pytest.mark.parametrize("command", ["quote", "check", "read", "quotes"])
def test_missing_file_for_other_commands(command, tmp_path):
    args = [command, str(tmp_path / "missing.md")]
    if command == "quote":
        args = [command, "some words", "--source", str(tmp_path / "missing.md")]
    assert_one_line_error(run(*args), "missing.md")


def test_read_shows_text_and_metadata():
    result = run("read", str(SEED), "--format", "json")
    assert result.exit_code == 0
    import json

    (document,) = json.loads(result.output)
    assert set(document) >= {"source", "url", "title", "author", "outlet", "date", "text"}
    assert document["text"].startswith("Russian President Vladimir Putin")


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    """`factcheck ... | head -c 1`: exit 0 quietly, as command-line tools do."""
    import subprocess
    import sys

    article = tmp_path / "long.txt"  # output well past a pipe's 64 KB buffer
    article.write_text("\n\n".join(f"“Point {n} stands,” Ann Lee said." for n in range(3000)))
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "quotes", str(article), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(1)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "Error" not in stderr
