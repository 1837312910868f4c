"""Every command has help text with an example, and the README documents it (as sqlite-utils)."""

from pathlib import Path

import click
import pytest

from factcheck.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, f"{prefix}{name} "))
    return found


COMMANDS = all_commands(cli)


def test_the_contract_commands_exist():
    names = {name for name, _ in COMMANDS}
    assert {"claim", "quote", "check", "quotes", "read", "index", "index add"} <= names
    assert {"index list", "index remove", "index stats"} <= names


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_help_with_an_example(name, command):
    assert command.help and len(command.help.strip()) > 20
    assert "\b" in command.help and "factcheck " in command.help


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_command_is_in_the_readme(name):
    assert f"factcheck {name}" in README
