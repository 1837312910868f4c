"""Sources: turn paths, folders and URLs into :class:`Document` records.

Every command reads its sources through :func:`read_sources`. What a source is comes from its
content, not only its name: HTML pages, JSON / JSON Lines records, and plain text or Markdown
(with optional front matter). Binary files are refused.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from factcheck.encoding import (
    SNIFF_BYTES,
    bom_encoding,
    decode_html,
    decode_text,
    refuse_binary,
    utf16_without_bom,
)
from factcheck.errors import NotADocumentError, SourceError
from factcheck.metadata import Metadata, clean, date_of, front_matter, names, text_date
from factcheck.records import Document

if TYPE_CHECKING:
    from factcheck.fetch import FetchPolicy

ErrorHandler = Callable[[SourceError], None]

MAX_FILE_BYTES = 200 * 1024 * 1024
# Analysis holds about 27 bytes of memory per character and takes about 6 s per million
# (measured on 10 MB of news text): beyond this, one document would take minutes and
# gigabytes. No article comes close; a whole book is under 5 M characters.
MAX_TEXT_CHARS = 16 * 2**20
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_START_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Record fields, most specific first.
TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "article_text")
RECORD_FIELDS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "publisher", "source", "site_name", "source_domain"),
    "date": ("date", "published", "publication_date", "date_publish", "datePublished"),
    "url": ("url", "link"),
}


NOT_DOCUMENT_SUFFIXES = frozenset(
    ".py .pyc .pyo .toml .cfg .ini .lock .db .sqlite .sqlite3 .db-wal .db-shm .db-journal".split()
)


def bundled_sources() -> list[str]:
    """Paths of the bundled example corpus (shipped as the ``factcheck.seeds`` package)."""
    folder = importlib.resources.files("factcheck.seeds")
    return sorted(str(p) for p in folder.iterdir() if p.name.endswith(".txt"))


def source_label(path: Path) -> str:
    """How a source is cited: bundled seeds as ``seeds/NAME``, other paths as given."""
    if path.parent.name == "seeds" and (path.parent / "__init__.py").exists():
        return f"seeds/{path.name}"
    return str(path)


# --- what a source is -----------------------------------------------------------------------


def sniff_kind(head: bytes, *, suffix: str = "", content_type: str = "") -> str:
    """``html``, ``json``, ``jsonl`` or ``text``: from the bytes first, then the name or type."""
    if looks_like_html(head) or suffix in HTML_SUFFIXES or "html" in content_type:
        return "html"
    if suffix in JSONL_SUFFIXES or content_type.endswith(("jsonl", "ndjson", "json-seq")):
        return "jsonl"
    if suffix in JSON_SUFFIXES or content_type.endswith("json"):
        return "json"
    return "text"


def looks_like_html(head: bytes) -> bool:
    encoding = bom_encoding(head) or utf16_without_bom(head) or "latin-1"
    return bool(HTML_START_RE.match(head.decode(encoding, errors="replace").lstrip("\ufeff")))


def documents_from_bytes(
    data: bytes,
    *,
    source: str,
    kind: str,
    url: str | None = None,
    charset: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """The documents in a file's or a response's bytes, read as ``kind``; binary bytes are
    refused whatever their name or Content-Type says (a PDF served as text/html)."""
    refuse_binary(data[:SNIFF_BYTES], source=source)
    if kind == "html":
        html = decode_html(data, declared=charset)
        yield html_document(html, source=source, url=url, on_error=on_error)
        return
    text = decode_text(data, source=source)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "text":
        yield text_document(text, source=source, url=url)
    else:
        yield from json_documents(text, source=source, lines=kind == "jsonl", on_error=on_error)


# --- readers --------------------------------------------------------------------------------


def text_document(text: str, *, source: str, url: str | None = None) -> Document:
    """Plain text or Markdown; a leading front-matter block becomes metadata."""
    parts = front_matter(text)
    if not parts.body or parts.body.isspace():  # not strip(): that copies a large text
        raise SourceError(f"{source}: no text (empty)")
    metadata = Metadata(url=url).or_else(parts.metadata)  # where it was read from comes first
    if not metadata.date:
        metadata = replace(metadata, date=text_date(parts.body))
    return document(parts.body, source=source, metadata=metadata, line_offset=parts.lines)


def html_document(
    html: str, *, source: str, url: str | None = None, on_error: ErrorHandler | None = None
) -> Document:
    """A web page: its article text, and metadata from markup (htmldate when there is none).
    A page longer than :data:`~factcheck.htmltext.MAX_HTML_CHARS` is read up to there, and
    ``on_error`` is told so."""
    from factcheck.htmltext import (
        MAX_HTML_CHARS,
        extract_text,
        parse_html,
        tame_html,
        within_limits,
    )
    from factcheck.metadata import guess_date, html_metadata

    if len(html) > MAX_HTML_CHARS:
        report(
            on_error,
            SourceError(
                f"{source}: page cut at {MAX_HTML_CHARS:,} characters of {len(html):,};"
                " the rest is not read"
            ),
        )
    html = tame_html(html)
    tree = parse_html(html)
    metadata = html_metadata(tree, url=url)
    text = extract_text(html, url=url)
    if not text:
        raise SourceError(f"{source}: no text found in the page")
    if not metadata.date and within_limits(html, tree):
        metadata = metadata.or_else(Metadata(date=guess_date(html, url=url)))
    if url:  # where it was read from beats what the page claims to be
        metadata = Metadata(url=url).or_else(metadata)
    return document(text, source=source, metadata=metadata)


def json_documents(
    text: str, *, source: str, lines: bool, on_error: ErrorHandler | None = None
) -> Iterator[Document]:
    """Records with a text field (``text``, ``content``, ``body``...) and metadata fields.

    Each record is cited as ``SOURCE#N``: N is the line for JSON Lines, the 1-based position
    in the array for JSON. A record without text is reported through ``on_error`` and skipped.
    """
    found = False
    for number, record in json_records(text, source=source, lines=lines, on_error=on_error):
        label = f"{source}#{number}"
        body = next((record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str)), "")
        if not body.strip():
            report(
                on_error,
                SourceError(f"{label}: record has no text field ({', '.join(TEXT_FIELDS[:3])}...)"),
            )
            continue
        try:
            found_document = document(body, source=label, metadata=record_metadata(record))
        except NotADocumentError as error:  # one huge record does not hide the others
            report(on_error, error)
            continue
        found = True
        yield found_document
    if not found:
        raise SourceError(f"{source}: no record with text")


def json_records(
    text: str, *, source: str, lines: bool, on_error: ErrorHandler | None
) -> Iterator[tuple[int, dict]]:
    if not lines:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise SourceError(f"{source}: invalid JSON ({error})") from None
        except RecursionError:
            raise SourceError(f"{source}: invalid JSON (nested too deeply)") from None
        items = data if isinstance(data, list) else wrapped_records(data)
        yield from ((n, item) for n, item in enumerate(items, 1) if isinstance(item, dict))
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            report(on_error, SourceError(f"{source}#{number}: invalid JSON ({error})"))
            continue
        if isinstance(item, dict):
            yield number, item


def wrapped_records(data: object) -> list:
    """The records of a JSON object: itself, or the list it wraps (``{"articles": [...]}``)."""
    if isinstance(data, dict) and not any(key in data for key in TEXT_FIELDS):
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) == 1:
            return lists[0]
    return [data]


def record_metadata(record: dict) -> Metadata:
    def value(name: str) -> str | None:
        return next(filter(None, (names(record.get(key)) for key in RECORD_FIELDS[name])), None)

    return Metadata(
        title=value("title"),
        author=value("author"),
        outlet=value("outlet"),
        date=date_of(value("date")),
        url=next(filter(None, (clean(record.get(key)) for key in RECORD_FIELDS["url"])), None),
    )


def document(text: str, *, source: str, metadata: Metadata, line_offset: int = 0) -> Document:
    """A :class:`Document`, refused when its text is beyond :data:`MAX_TEXT_CHARS`."""
    if len(text) > MAX_TEXT_CHARS:
        raise NotADocumentError(
            f"{source}: text is too large to analyse ({len(text):,} characters;"
            f" the limit is {MAX_TEXT_CHARS:,})"
        )
    return Document(
        source=source,
        text=text,
        title=metadata.title,
        url=metadata.url,
        author=metadata.author,
        outlet=metadata.outlet,
        date=metadata.date,
        line_offset=line_offset,
    )


def report(on_error: ErrorHandler | None, error: SourceError) -> None:
    if on_error is not None:
        on_error(error)


# --- files, folders, URLs -------------------------------------------------------------------


@contextmanager
def file_errors(label: str) -> Iterator[None]:
    """Turn the OS errors of reading a file into one-line :class:`SourceError` messages."""
    try:
        yield
    except FileNotFoundError:
        raise SourceError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{label}: is a folder") from None
    except OSError as error:
        raise SourceError(f"{label}: cannot read ({error.strerror or error})") from None


def read_file(path: Path, *, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """The documents of one file, chosen by its content (and its suffix where content is mute)."""
    label = source_label(path)
    with file_errors(label):
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"{label}: file is too large ({size // 2**20} MB)")
        with path.open("rb") as file:
            head = file.read(SNIFF_BYTES)
            refuse_binary(head, source=label)  # before reading the rest
            file.seek(0)
            data = file.read()  # not head + rest: that would hold a large file twice
    kind = sniff_kind(head, suffix=path.suffix.lower())
    yield from documents_from_bytes(data, source=label, kind=kind, on_error=on_error)


def is_document_name(name: str) -> bool:
    """Whether a file found in a folder may be an article: not hidden, not code, configuration
    or a database (an index kept beside the archive, a package's ``__init__.py``)."""
    return not name.startswith(".") and Path(name).suffix.lower() not in NOT_DOCUMENT_SUFFIXES


def iter_folder(folder: Path) -> Iterator[Path]:
    """Files below ``folder``, recursively, sorted; hidden files and folders, ``__pycache__``
    and files that are no documents (:func:`is_document_name`) are left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            if is_document_name(name):
                yield Path(root) / name


def read_folder(folder: Path, *, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Every readable file of a folder; unreadable ones (binary, empty...) are reported, skipped."""
    found = False
    skipped = 0
    for path in iter_folder(folder):
        try:
            for doc in read_file(path, on_error=on_error):
                found = True
                yield doc
        except SourceError as error:
            skipped += 1
            report(on_error, SourceError(f"{error} (skipped)"))
    if not found:
        why = f" ({skipped} skipped: binary, empty or unreadable)" if skipped else ""
        raise SourceError(f"{folder}: folder has no readable files{why}")


def read_url(
    url: str, *, policy: FetchPolicy | None = None, on_error: ErrorHandler | None = None
) -> Iterator[Document]:
    from factcheck.fetch import FetchPolicy, fetch

    response = fetch(url, policy=policy or FetchPolicy())
    kind = sniff_kind(
        response.body[:SNIFF_BYTES],
        suffix=Path(urlsplit(response.url).path).suffix.lower(),
        content_type=response.content_type,
    )
    yield from documents_from_bytes(
        response.body,
        source=url,
        kind=kind,
        url=response.url,
        charset=response.charset,
        on_error=on_error,
    )


def url_scheme(source: str) -> str | None:
    """The scheme of a source that is a URL (``http``, ``file``...), None for a path."""
    try:
        scheme = urlsplit(source).scheme.lower()
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise SourceError(f"{source}: invalid URL") from None
    if (len(scheme) > 1 and "://" in source) or scheme in {"file", "data"}:
        return scheme
    return None


def read_source(
    source: str,
    *,
    on_error: ErrorHandler | None = None,
    policy: FetchPolicy | None = None,
) -> Iterator[Document]:
    """Documents of one source: a file, every readable file of a folder, or an http(s) URL.

    Problems that do not stop the source (a binary file in a folder, a bad JSON Lines record)
    go to ``on_error``; a source that yields nothing raises :class:`SourceError`.
    """
    if not source.strip():
        raise SourceError("an empty source name was given")
    scheme = url_scheme(source)
    if scheme in {"http", "https"}:
        yield from read_url(source, policy=policy, on_error=on_error)
        return
    path = Path(source)
    if scheme and not path.exists():
        raise SourceError(f"{source}: unsupported URL scheme {scheme}: (only http and https)")
    if path.is_dir():
        yield from read_folder(path, on_error=on_error)
    elif not path.exists():
        raise SourceError(f"{source}: no such file or folder")
    else:
        yield from read_file(path, on_error=on_error)


def require_paths(sources: Iterable[str]) -> None:
    """Raise for the first source named that is a path to nothing: a typo in a name the user
    gave should stop the run, not quietly leave that source out of it."""
    for source in sources:
        if source.strip() and url_scheme(source) is None and not Path(source).exists():
            raise SourceError(f"{source}: no such file or folder")


class HeldErrors:
    """Problems held back until the first document is read, then reported as they come.

    When no document at all can be read, :meth:`raise_last` raises the last problem (the
    earlier ones reported), so a single bad source is one error, not a warning and an error.
    """

    def __init__(self, report: ErrorHandler):
        self.report = report
        self.held: list[SourceError] | None = []  # None once a document was read

    def __call__(self, error: SourceError) -> None:
        if self.held is None:
            self.report(error)
        else:
            self.held.append(error)

    def release(self) -> None:
        """A document was read: report what was held, and from now on report at once."""
        held, self.held = self.held or [], None
        for error in held:
            self.report(error)

    def raise_last(self) -> None:
        """No document was read: raise the last problem (none when nothing went wrong)."""
        if self.held:
            *earlier, last = self.held
            for error in earlier:
                self.report(error)
            raise last


def read_sources(
    sources: Iterable[str],
    *,
    on_error: ErrorHandler | None = None,
    policy: FetchPolicy | None = None,
) -> Iterator[Document]:
    """Documents of every source, in order.

    Without ``on_error`` the first problem raises. With it, each problem is reported and the
    other sources go on; if no document at all could be read, the last problem is raised
    (see :class:`HeldErrors`).
    """
    if on_error is None:
        for source in sources:
            yield from read_source(source, policy=policy)
        return
    problems = HeldErrors(on_error)
    found = False
    for source in sources:
        try:
            for doc in read_source(source, on_error=problems, policy=policy):
                if not found:
                    found = True
                    problems.release()
                yield doc
        except SourceError as error:
            problems(error)
    if not found:
        problems.raise_last()
        raise SourceError("no sources given")
