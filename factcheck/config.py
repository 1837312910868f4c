"""Project configuration for ``factcheck check``: ``.factcheck.toml`` or ``[tool.factcheck]``.

A draft repository says once where its sources are, so ``factcheck check drafts/`` needs no
options in CI or a pre-commit hook. The nearest configuration above the draft wins: walking
up from its folder, a ``.factcheck.toml`` (keys at the top level), else a ``pyproject.toml``
with a ``[tool.factcheck]`` table; the walk stops at the repository root (a folder holding
``.git``). Relative paths resolve against the configuration file's folder.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from factcheck.errors import InputError

CONFIG_NAME = ".factcheck.toml"
KEYS = ("sources", "db", "fail-on", "ignore", "ignore-quotes", "reference-date")


@dataclass(frozen=True)
class Config:
    """What a configuration file says; empty values where it says nothing.

    ``ignore`` holds glob patterns of drafts to skip (relative to ``root``), ``ignore_quotes``
    regular expressions of quotes to skip, ``fail_on`` statuses that fail the check."""

    path: Path | None = None
    sources: tuple[str, ...] = ()
    db: str | None = None
    fail_on: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    ignore_quotes: tuple[re.Pattern, ...] = ()
    reference_date: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def existing_sources(self) -> tuple[str, ...]:
        """``sources``, each checked: a missing one is the configuration's error, named so."""
        for source in self.sources:
            if "://" not in source and not Path(source).exists():
                raise InputError(f"{self.path}: source {source} does not exist")
        return self.sources


def project_config(explicit: str | None, draft: str) -> Config:
    """The configuration given with ``--config``, else the nearest one above ``draft``,
    else an empty one."""
    if explicit is not None and not Path(explicit).is_file():
        raise InputError(f"{explicit}: no such configuration file")
    path = Path(explicit) if explicit is not None else find_config(Path(draft))
    return load_config(path) if path else Config()


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder or a file)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        dotfile = candidate / CONFIG_NAME
        if dotfile.is_file():
            return dotfile
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "factcheck" in _read(pyproject).get("tool", {}):
            return pyproject
        if (candidate / ".git").exists():
            return None
    return None


def load_config(path: Path) -> Config:
    """Read and check one configuration file; a bad one raises :class:`InputError`."""
    data = _read(path)
    table = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise InputError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    root = path.parent
    db = _string(table, "db", path)
    return Config(
        path=path,
        sources=tuple(_resolve(root, s) for s in _strings(table, "sources", path)),
        db=_resolve(root, db) if db else None,
        fail_on=tuple(_strings(table, "fail-on", path)) if "fail-on" in table else None,
        ignore=tuple(_strings(table, "ignore", path)),
        ignore_quotes=tuple(_regex(p, path) for p in _strings(table, "ignore-quotes", path)),
        reference_date=_string(table, "reference-date", path),
    )


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def _strings(table: dict, key: str, path: Path) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{path}: {key!r} must be a string or a list of strings")
    return value


def _string(table: dict, key: str, path: Path) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{path}: {key!r} must be a string")
    return value


def _regex(pattern: str, path: Path) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise InputError(f"{path}: bad 'ignore-quotes' pattern {pattern!r} ({error})") from None


def _resolve(root: Path, value: str) -> str:
    """A path relative to the configuration's folder, cited relative to the working folder
    when it is below it; URLs and absolute paths as written."""
    if "://" in value:
        return value
    path = root / Path(value).expanduser()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def is_ignored(draft: Path, config: Config) -> bool:
    """Whether a draft matches one of the configuration's ``ignore`` globs: a pattern with a
    ``/`` against the path relative to the configuration's folder (``*`` crosses folders:
    ``interviews/*`` skips everything below ``interviews/``), else against the file name."""
    try:
        relative = draft.resolve().relative_to(config.root.resolve())
    except ValueError:
        relative = Path(draft.name)
    for pattern in config.ignore:
        target = relative.as_posix() if "/" in pattern else draft.name
        if fnmatchcase(target, pattern):
            return True
    return False
