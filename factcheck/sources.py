"""Sources: turn paths, folders and URLs into :class:`Document` records.

Every command reads its sources through :func:`read_sources`.
"""

from __future__ import annotations

import codecs
import importlib.resources
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.errors import SourceError
from factcheck.records import Document

MAX_FILE_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


def bundled_sources() -> list[str]:
    """Paths of the bundled example corpus (shipped as the ``factcheck.seeds`` package)."""
    folder = importlib.resources.files("factcheck.seeds")
    return sorted(str(p) for p in folder.iterdir() if p.name.endswith(".txt"))


def source_label(path: Path) -> str:
    """How a source is cited: bundled seeds as ``seeds/NAME``, other paths as given."""
    if path.parent.name == "seeds" and (path.parent / "__init__.py").exists():
        return f"seeds/{path.name}"
    return str(path)


def decode(data: bytes, *, source: str) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then cp1252 (a superset of Latin-1 text)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_file(path: Path) -> Document:
    label = source_label(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"{label}: file is too large ({size // 2**20} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{label}: is a folder") from None
    except OSError as error:
        raise SourceError(f"{label}: cannot read ({error.strerror or error})") from None
    text = decode(data, source=label).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{label}: file is empty")
    return Document(source=label, text=text)


def iter_folder(folder: Path) -> Iterator[Path]:
    """Readable-looking files below ``folder``, recursively, hidden ones skipped, sorted."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                yield Path(root) / name


def read_source(source: str) -> Iterator[Document]:
    """Documents of one source: a file, or every readable file of a folder."""
    path = Path(source)
    if path.is_dir():
        found = False
        for file in iter_folder(path):
            found = True
            yield read_file(file)
        if not found:
            raise SourceError(f"{source}: folder has no readable files")
    elif not path.exists():
        raise SourceError(f"{source}: no such file or folder")
    else:
        yield read_file(path)


def read_sources(sources: Iterable[str]) -> Iterator[Document]:
    for source in sources:
        yield from read_source(source)
