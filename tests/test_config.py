"""Finding and reading a draft repository's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, find_config, is_ignored, load_config, project_config
from factcheck.errors import InputError


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts" / "interviews").mkdir(parents=True)
    return tmp_path


def test_the_nearest_pyproject_with_a_tool_factcheck_table_is_found(repo):
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nsources = ["archive"]\n')
    (repo / "drafts" / "pyproject.toml").write_text("[tool.black]\nline-length = 90\n")
    assert find_config(repo / "drafts" / "interviews") == repo / "pyproject.toml"


def test_a_factcheck_toml_wins_over_a_pyproject_in_the_same_folder(repo):
    (repo / "pyproject.toml").write_text('[tool.factcheck]\ndb = "a.db"\n')
    (repo / ".factcheck.toml").write_text('db = "b.db"\n')
    assert find_config(repo / "drafts" / "story.md") == repo / ".factcheck.toml"


def test_discovery_stops_at_the_repository_root(repo):
    (repo.parent / ".factcheck.toml").write_text("")
    assert find_config(repo / "drafts") is None
    assert project_config(None, str(repo / "drafts")) == Config()


def test_paths_are_relative_to_the_configuration_file(repo):
    (repo / ".factcheck.toml").write_text(
        'sources = ["archive/", "https://example.com/feed"]\ndb = "index.db"\n'
    )
    config = load_config(repo / ".factcheck.toml")
    assert config.sources == (str(repo / "archive"), "https://example.com/feed")
    assert config.db == str(repo / "index.db")


def test_every_key_is_read(repo):
    (repo / "pyproject.toml").write_text(
        "[tool.factcheck]\n"
        'sources = "archive"\nfail-on = ["misquoted"]\nignore = ["interviews/*"]\n'
        'ignore-quotes = ["^No comment"]\nreference-date = "2024-05-01"\n'
    )
    config = load_config(repo / "pyproject.toml")
    assert config.fail_on == ("misquoted",)
    assert config.ignore == ("interviews/*",)
    assert config.ignore_quotes[0].search("No comment at this time")
    assert config.reference_date == "2024-05-01"


@pytest.mark.parametrize(
    "toml, message",
    [
        ('source = ["archive"]', "unknown key 'source'"),
        ("sources = 3", "'sources' must be a string or a list of strings"),
        ('ignore-quotes = ["("]', "bad 'ignore-quotes' pattern '('"),
        ("sources = [", "not valid TOML"),
    ],
)
def test_a_bad_configuration_says_what_is_wrong(repo, toml, message):
    (repo / ".factcheck.toml").write_text(toml)
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_config(repo / ".factcheck.toml")


@pytest.mark.parametrize(
    "draft, ignored",
    [
        ("drafts/interviews/rider.md", True),
        ("drafts/interviews/deep/rider.md", True),
        ("drafts/story.md", False),
        ("drafts/story.draft.md", True),
    ],
)
def test_ignore_globs_match_paths_below_the_configuration_or_names(repo, draft, ignored):
    config = Config(path=repo / ".factcheck.toml", ignore=("drafts/interviews/*", "*.draft.md"))
    assert is_ignored(repo / draft, config) is ignored
