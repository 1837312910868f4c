"""Draft checking: every quote in a drafted article, verified before it is published.

A draft is news prose, so its quotes come from the attribution stage like any source's:
the words, who the draft says said them, and when. Each is then verified as
``factcheck quote`` verifies one (:func:`factcheck.verify.verify_quote`), and cited by the
draft FILE's line and column, so an editor, a CI annotation or a pre-commit hook can point
at it:

- Markdown and text: the file's own lines (front matter counted).
- HTML: the line and column in the HTML file, through a map from each character of the
  text (visible text, one paragraph per block element) back to the markup.

What is checked and what is not:

- ``direct`` and ``partial`` quotes are verbatim claims, and checked. A quote split around
  its attribution (``“We will not,” she said, “raise taxes.”``) is checked whole, as the
  convention means: the halves are one run of the speaker's words.
- ``indirect`` quotes (reported speech, no quote marks) are paraphrase; they make no claim
  to the source's words, so they are counted, not checked.
- A claimed date is one the draft gives in the quote's own paragraph, for a quote it
  attributes; a date attribution carried over from earlier paragraphs is not the draft's
  claim about this quote, and a quote with no speaker is checked for its words alone.
- ``<!-- factcheck: ignore -->`` skips the quotes on its line, or, alone on its line, the
  quotes on the next non-blank line.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Config, is_ignored
from factcheck.dates import display_date
from factcheck.errors import InputError, SourceError
from factcheck.records import Document, Quote
from factcheck.store import Index
from factcheck.verify import STATUSES, QuoteCheck, unnamed, verify_quote

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm"})
CHECKED_KINDS = frozenset({"direct", "partial"})
IGNORE_MARK_RE = re.compile(r"<!--\s*factcheck:\s*ignore\s*-->", re.IGNORECASE)
SPLIT_GAP = 80  # characters of attribution between the two halves of a split quote
SPLIT_OPEN_END = re.compile(r"[^.!?…][\"'”’)]*$")  # a first half that ends mid-sentence
# A sentence ending between two quotes ("he said. The streets were empty, he added", "which
# votes June 7. Still, he acknowledged"): a lower-case word or a number, then . ! or ?
# (abbreviations in attributions are capitalised: "said Gov. Brown", "Mr. Devine").
SENTENCE_END_RE = re.compile(r"\b(?:[a-z]{2,}|\d+)[.!?][\"'”’)]*\s")
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br dd div dl dt figcaption figure footer h1 h2
    h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split()
)
_HTML_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|$)"  # comments
    r"|<(script|style|template|head)\b.*?(?:</\1\s*>|$)"  # elements without visible text
    r"|<!?/?([a-zA-Z][\w:-]*)[^>]*>"  # tags
    r"|&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);"  # character references
    r"|[^<&]+|[<&]",
    re.DOTALL,
)


# Reading drafts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A draft as checked: its document (None when it has no text), and for HTML the file's
    markup with the offset in it of each character of the document's text."""

    file: str
    document: Document | None
    markup: str | None = None
    positions: tuple[int, ...] = ()

    def _file_offset(self, offset: int) -> tuple[str, int, int]:
        """(file text, offset in it, lines before it) for an offset into the document."""
        if self.markup is None:
            return self.document.text, offset, self.document.line_offset
        return self.markup, self.positions[min(offset, len(self.positions) - 1)], 0

    def place(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column in the draft file of an offset into its text."""
        text, at, before = self._file_offset(offset)
        return before + text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)

    def marked_lines(self) -> frozenset[int]:
        """File lines whose quotes an ``ignore`` marker skips."""
        text, _, before = self._file_offset(0)
        lines = text.split("\n")
        found = set()
        for number, line in enumerate(lines):
            if not IGNORE_MARK_RE.search(line):
                continue
            found.add(number)
            if not IGNORE_MARK_RE.sub("", line).strip():
                following = (n for n in range(number + 1, len(lines)) if lines[n].strip())
                found.add(next(following, number))
        return frozenset(before + n + 1 for n in found)


def draft_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files as given; in folders, the files with a draft's suffix (.md, .txt, .html...)."""
    from factcheck.sources import iter_folder

    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        found = [p for p in iter_folder(path) if p.suffix.lower() in DRAFT_SUFFIXES]
        if not found:
            raise InputError(f"{path}: no drafts in the folder (.md, .txt, .html)")
        yield from found


def read_draft(path: Path) -> Draft:
    """Read a draft file; a missing, unreadable or binary one raises :class:`SourceError`.

    An empty draft (or front matter alone) is not an error: it has no quotes to check."""
    from factcheck.encoding import SNIFF_BYTES, decode_html, decode_text, is_binary
    from factcheck.metadata import front_matter
    from factcheck.sources import file_errors, sniff_kind, text_document

    label = str(path)
    if not path.exists():
        raise SourceError(f"{label}: no such file or folder")
    with file_errors(label):
        data = path.read_bytes()
    if is_binary(data[:SNIFF_BYTES]):
        raise SourceError(f"{label}: looks like a binary file, not a draft")
    if sniff_kind(data[:SNIFF_BYTES], suffix=path.suffix.lower()) == "html":
        return html_draft(decode_html(data), file=label)
    text = decode_text(data, source=label).replace("\r\n", "\n").replace("\r", "\n")
    body = front_matter(text).body
    if not body or body.isspace():
        return Draft(label, None)
    return Draft(label, text_document(text, source=label))


def html_draft(markup: str, *, file: str) -> Draft:
    """An HTML draft: all its visible text (it is the author's own page: there is no
    boilerplate to drop), with a map back into the markup."""
    from factcheck.htmltext import parse_html
    from factcheck.metadata import html_metadata

    text, positions = visible_text(markup)
    if not text:
        return Draft(file, None)
    metadata = html_metadata(parse_html(markup))
    document = Document(source=file, text=text, title=metadata.title, date=metadata.date)
    return Draft(file, document, markup, positions)


def visible_text(markup: str) -> tuple[str, tuple[int, ...]]:
    """The text of a page, paragraphs (block elements) separated by blank lines and
    whitespace collapsed, with the markup offset of each of its characters."""
    chars: list[str] = []
    positions: list[int] = []

    def add(char: str, at: int) -> None:
        if char.isspace():
            if not chars or chars[-1] in " \n":
                return
            char = " "
        chars.append(char)
        positions.append(at)

    def paragraph_break(at: int) -> None:
        while chars and chars[-1] == " ":
            chars.pop()
            positions.pop()
        if chars and chars[-1] != "\n":
            chars.extend("\n\n")
            positions.extend((at, at))

    for match in _HTML_TOKEN_RE.finditer(markup):
        token, at = match.group(), match.start()
        if match.group(1) or token.startswith("<!"):
            continue
        if match.group(2):
            if match.group(2).lower() in BLOCK_TAGS:
                paragraph_break(at)
        elif token.startswith("&"):
            for char in html_lib.unescape(token):
                add(char, at)
        else:
            for offset, char in enumerate(token):
                add(char, at + offset)
    paragraph_break(len(markup))
    while chars and chars[-1] == "\n":
        chars.pop()
        positions.pop()
    return "".join(chars), tuple(positions)


# Finding the draft's quotes -----------------------------------------------------------------


@dataclass(frozen=True)
class DraftQuote:
    """A quote as the draft gives it: the words, who and when it claims, where it stands.

    ``date`` is the claimed date (ISO), set only when the draft dates the quote in its own
    paragraph; ``start``/``end`` are offsets into the draft's text."""

    quote: str
    speaker: str | None
    role: str | None
    date: str | None
    date_text: str | None
    kind: str
    file: str
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class DraftWarning:
    """Something wrong in the draft that does not stop the check (an unbalanced quote mark)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class DraftQuotes:
    """The quotes of one draft to check, and what was left out and why."""

    file: str
    quotes: tuple[DraftQuote, ...] = ()
    ignored: int = 0  # skipped by a marker or an ignore-quotes pattern
    paraphrases: int = 0  # indirect quotes: not verbatim claims, not checked
    warnings: tuple[DraftWarning, ...] = ()
    empty: bool = False


def find_draft_quotes(
    draft: Draft,
    *,
    reference_date: str | None = None,
    ignore_quotes: Iterable[re.Pattern] = (),
) -> DraftQuotes:
    """The draft's quotes to verify, in draft order."""
    from factcheck.attribution import extract_quotes

    document = draft.document
    if document is None:
        return DraftQuotes(draft.file, empty=True)
    found = extract_quotes(document, reference_date=reference_date)
    checked = [q for q in found if q.kind in CHECKED_KINDS]
    marked, patterns = draft.marked_lines(), list(ignore_quotes)
    quotes, ignored = [], 0
    for group in split_quotes(checked, document.text):
        quote = draft_quote(group, draft)
        if quote.line in marked or any(p.search(quote.quote) for p in patterns):
            ignored += 1
        else:
            quotes.append(quote)
    return DraftQuotes(
        draft.file,
        tuple(quotes),
        ignored=ignored,
        paraphrases=len(found) - len(checked),
        warnings=tuple(unclosed_quotes(draft)),
    )


def find_quotes(
    paths: Iterable[str], *, config: Config, reference_date: str | None = None
) -> list[DraftQuotes]:
    """The quotes of every draft under ``paths`` that the configuration does not ignore.

    Every draft is read before anything is verified, so unusable input fails fast."""
    return [
        find_draft_quotes(
            read_draft(path), reference_date=reference_date, ignore_quotes=config.ignore_quotes
        )
        for path in draft_paths(paths)
        if not is_ignored(path, config)
    ]


def split_quotes(quotes: list[Quote], text: str) -> list[list[Quote]]:
    """Quotes grouped so that the halves of a quote split around its attribution
    (``“We will not,” she said, “raise taxes.”``) are one group."""
    groups: list[list[Quote]] = []
    for quote in quotes:
        if groups and continues(groups[-1][-1], quote, text):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def continues(first: Quote, second: Quote, text: str) -> bool:
    """Whether ``second`` is the rest of the sentence ``first`` began: same speaker, first
    ends mid-sentence, second starts in lower case, and between them only a short
    attribution that ends with a comma (``” she said, “``, not ``” he said in a “loud``),
    in the same sentence (not ``” he said. The streets were empty, he added, “``)."""
    between = text[first.end : second.start]
    return (
        first.speaker == second.speaker
        and bool(SPLIT_OPEN_END.search(first.quote))
        and second.quote[:1].islower()
        and len(between) <= SPLIT_GAP
        and "\n" not in between
        and between.rstrip(" \"'“‘«„").endswith(",")
        and not SENTENCE_END_RE.search(between)
    )


def draft_quote(group: list[Quote], draft: Draft) -> DraftQuote:
    """One quote to check from a group of fragments; cited where the first one starts."""
    first = group[0]
    text = draft.document.text
    line, column = draft.place(first.start)
    paragraph = paragraph_around(text, first.start, group[-1].end)
    claims_date = bool(first.speaker and first.date_text) and first.date_text in paragraph
    return DraftQuote(
        quote=" ".join(q.quote for q in group),
        speaker=first.speaker,
        role=first.role,
        date=first.date if claims_date else None,
        date_text=first.date_text if claims_date else None,
        kind=first.kind,
        file=draft.file,
        line=line,
        column=column,
        start=first.start,
        end=group[-1].end,
    )


def paragraph_around(text: str, start: int, end: int) -> str:
    begin = text.rfind("\n\n", 0, start)
    finish = text.find("\n\n", end)
    return text[begin + 1 if begin >= 0 else 0 : finish if finish >= 0 else len(text)]


def unclosed_quotes(draft: Draft) -> Iterator[DraftWarning]:
    """A warning for each quote mark that opens a quote its paragraph never closes (and the
    next paragraph does not continue)."""
    from factcheck.attribution import find_quote_spans

    for span in find_quote_spans(draft.document.text):
        if not span.closed and not span.continues:
            line, column = draft.place(span.opening)
            yield DraftWarning(
                draft.file,
                line,
                column,
                "unbalanced quote mark: the quote it opens is never closed in its paragraph",
            )


# Verifying them ---------------------------------------------------------------------------

PROBLEMS = tuple(s for s in STATUSES if s != "VERIFIED")  # what fails a check by default


def fail_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """Statuses from what a user wrote: ``not-found``, ``NOT FOUND``, ``wrong_date``;
    ``none`` for no status at all."""
    wanted = [" ".join(re.split(r"[-_\s]+", v.strip().upper())) for v in values if v.strip()]
    if wanted == ["NONE"]:
        return ()
    unknown = [w for w in wanted if w not in PROBLEMS]
    if unknown:
        known = ", ".join(s.lower().replace(" ", "-") for s in PROBLEMS)
        raise InputError(f"not a status to fail on: {unknown[0].lower()!r} (use {known} or none)")
    return tuple(s for s in PROBLEMS if s in wanted)


@dataclass(frozen=True)
class DraftFinding:
    """A draft's quote and what verification found."""

    quote: DraftQuote
    check: QuoteCheck

    @property
    def status(self) -> str:
        return self.check.status

    @property
    def suggestion(self) -> str | None:
        """How to fix the draft: the source's exact words, the real speaker, the real date."""
        found = self.check.sighting
        if found is None or self.status in ("VERIFIED", "NOT FOUND"):
            return None
        if self.status == "MISQUOTED":
            return f"use the source's words: “{found.matched}”"
        if self.status == "MISATTRIBUTED":
            p = found.passage
            if not p.speaker:
                return f"attribute it to {unnamed(p.role)}"
            return f"attribute it to {p.speaker}" + (f" ({p.role})" if p.role else "")
        return f"date it {display_date(found.date)}"

    def to_dict(self) -> dict:
        """The quote-check record, with the draft's ``file``, ``line`` and ``column``; the
        source's line moves to ``source_line``."""
        q, record = self.quote, self.check.to_dict()
        source_line = record.pop("line")
        return {
            "file": q.file,
            "line": q.line,
            "column": q.column,
            **record,
            "source_line": source_line,
            "quote_kind": q.kind,
            "claimed_role": q.role,
            "claimed_date_text": q.date_text,
            "suggestion": self.suggestion,
        }


def verify_draft_quote(quote: DraftQuote, *, index: Index) -> DraftFinding:
    check = verify_quote(quote.quote, speaker=quote.speaker, date=quote.date, index=index)
    return DraftFinding(quote, check)


def verify_draft_quotes(quotes: Iterable[DraftQuote], *, index: Index) -> list[DraftFinding]:
    """Every quote verified against ``index``, in order.

    A quote that the drafts give more than once (the same words, speaker and claimed date:
    a pull quote, a quote repeated across drafts) is verified once."""
    checks: dict[tuple[str, str | None, str | None], QuoteCheck] = {}
    findings = []
    for quote in quotes:
        key = (quote.quote, quote.speaker, quote.date)
        if key not in checks:
            checks[key] = verify_draft_quote(quote, index=index).check
        findings.append(DraftFinding(quote, checks[key]))
    return findings


def check_draft(
    draft: Draft,
    *,
    index: Index,
    reference_date: str | None = None,
    ignore_quotes: Iterable[re.Pattern] = (),
) -> list[DraftFinding]:
    """Every quote of ``draft`` verified against ``index``, in draft order."""
    found = find_draft_quotes(draft, reference_date=reference_date, ignore_quotes=ignore_quotes)
    return verify_draft_quotes(found.quotes, index=index)
