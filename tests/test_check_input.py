"""`factcheck check` on bad input: clear messages, exit 2 only for unusable input."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from paths import REPO

from factcheck.cli import cli

ARCHIVE = str(REPO / "fixtures/drafts/archive")


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


@pytest.fixture
def draft(tmp_path):
    """Write a draft into a temporary folder (no configuration above it) and return its path."""
    (tmp_path / ".git").mkdir()  # the repository root: configuration discovery stops here

    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return write


def test_a_draft_without_quotes_passes_with_a_note(draft):
    result = run(draft("plain.md", "# Ferries\n\nFares rise in July.\n"), "--source", ARCHIVE)
    assert result.exit_code == 0
    assert "no quotes found" in result.stderr


def test_an_empty_draft_has_no_quotes(draft):
    result = run(draft("empty.md", "---\ntitle: Soon\n---\n\n"), "--source", ARCHIVE)
    assert result.exit_code == 0
    assert "empty.md: empty draft, no quotes found" in result.stderr


def test_an_unbalanced_quote_mark_is_a_warning_at_its_place(draft):
    text = (
        '"We held fares flat for six years," Maria Okafor said.\n\n"Fares will rise," she said.\n'
    )
    text += '\nRiders said "the boats are late again every day.\n'
    result = run(draft("late.md", text), "--source", ARCHIVE)
    assert result.exit_code == 1  # 'Fares will rise' is not in the archive
    assert "late.md:5:13: unbalanced quote mark" in result.stderr


def test_a_binary_draft_is_unusable(draft):
    result = run(draft("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "--source", ARCHIVE)
    assert result.exit_code == 2
    assert "photo.md: looks like a binary file, not a draft" in result.stderr


def test_a_missing_draft_is_unusable():
    result = run("no/such/draft.md", "--source", ARCHIVE)
    assert result.exit_code == 2
    assert result.stderr == "Error: no/such/draft.md: no such file or folder\n"


def test_a_folder_without_drafts_is_unusable(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run(str(tmp_path), "--source", ARCHIVE)
    assert result.exit_code == 2
    assert "no drafts in the folder" in result.stderr


def test_a_missing_source_in_the_configuration_names_the_file(draft, tmp_path):
    (tmp_path / ".factcheck.toml").write_text('sources = ["archive/"]\n')
    result = run(draft("story.md", '"We held fares flat for six years," Okafor said.\n'))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert ".factcheck.toml: source " in result.stderr and "archive does not exist" in result.stderr


def test_an_unknown_status_in_fail_on_is_a_usage_error(draft):
    result = run(draft("story.md", "Fares rise.\n"), "--fail-on", "wrong")
    assert result.exit_code == 2
    assert "not a status to fail on: 'wrong'" in result.stderr


def test_a_missing_config_file_is_unusable(draft):
    result = run(draft("story.md", "Fares rise.\n"), "--config", "nowhere.toml")
    assert result.exit_code == 2
    assert "nowhere.toml: no such configuration file" in result.stderr
