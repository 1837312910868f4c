"""Rendering records as tables, JSON, JSON Lines, CSV, Markdown and GitHub annotations.

Renderers are streaming: :func:`stream` writes each record as soon as it arrives, so a
pipeline of claims shows its first verdict before the last claim is read. Nothing here
decides anything; it only formats what the other stages return.
"""

from __future__ import annotations

import csv
import json
import os
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from factcheck.dates import display_date

MIN_WRAP = 12  # a wrapped column is never narrowed below this many characters
FORMATS = ("table", "json", "jsonl", "csv", "markdown", "github")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict], Any]
    width: int | None = None  # wrap long cells in tables to this many characters


def wrap(text: str | None, width: int | None) -> str:
    if not text:
        return ""
    return "\n".join(textwrap.wrap(text, width)) if width else text


def trim(text: str | None, limit: int) -> str:
    """Shorten to ``limit`` characters with an ellipsis, cutting at a word boundary."""
    if not text or len(text) <= limit:
        return text or ""
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def who(record: dict) -> str:
    """'Dmitry Peskov (Kremlin spokesman)', or the speaker alone, or empty."""
    speaker, role = record.get("speaker"), record.get("role")
    if speaker and role:
        return f"{speaker} ({role})"
    return speaker or ""


def where(record: dict) -> str:
    """'file:line', or the URL, for citing a source."""
    source, line = record.get("source") or "", record.get("line")
    return f"{source}:{line}" if line and "://" not in source else source


def when(record: dict) -> str:
    """When it was said; else, marked as such, when its source was published."""
    said = display_date(record.get("date")) or record.get("date_text")
    published = display_date(record.get("document_date"))
    return said or (f"published {published}" if published else "")


def fit_widths(natural: list[int], columns: list[Column], max_width: int) -> list[int]:
    """Narrow the wrappable columns, keeping their proportions, until the grid fits
    ``max_width``."""
    widths = list(natural)
    overhead = 3 * len(widths) + 1  # "│ " before each cell, " " after, and the last "│"
    while sum(widths) + overhead > max_width:
        wrappable = [i for i, c in enumerate(columns) if c.width and widths[i] > MIN_WRAP]
        if not wrappable:
            break
        widest = max(wrappable, key=lambda i: widths[i] / columns[i].width)
        widths[widest] -= 1
    return widths


def render_table(
    rows: list[dict], columns: list[Column], *, markdown: bool = False, max_width: int | None = None
) -> str:
    """A grid (or a Markdown table); long cells wrap at each column's width, and the wrappable
    columns narrow further to fit ``max_width`` (the terminal's width)."""
    from tabulate import tabulate  # imported lazily: the CLI must start fast

    texts = [[str(c.value(row) or "") for c in columns] for row in rows]
    if markdown:
        cells = [[cell.replace("|", "\\|").replace("\n", " ") for cell in row] for row in texts]
    else:
        natural = [
            min(
                max([len(c.header) + 2] + [len(row[i]) for row in texts]),  # tabulate pads headers
                c.width or 10**6,
            )
            for i, c in enumerate(columns)
        ]
        widths = fit_widths(natural, columns, max_width) if max_width else natural
        cells = [
            [
                wrap(cell, widths[i] if c.width else None)
                for i, (c, cell) in enumerate(zip(columns, row, strict=True))
            ]
            for row in texts
        ]
    return tabulate(
        cells,
        headers=[c.header for c in columns],
        tablefmt="github" if markdown else "simple_grid",
        disable_numparse=True,
    )


def terminal_width(out: TextIO) -> int | None:
    """The terminal's width when ``out`` is one, else ``$COLUMNS`` when set; None for files and
    pipes otherwise (no wrapping limit)."""
    import shutil

    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def csv_writer(out: TextIO, columns: list[Column]) -> Callable[[dict], None]:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.header.lower().replace(" ", "_") for c in columns])

    def write(row: dict) -> None:
        writer.writerow(["" if (v := c.value(row)) is None else v for c in columns])

    return write


def stream_json(records: Iterable[dict], out: TextIO, *, lines: bool) -> None:
    """JSON Lines (one object per line) or one JSON array, flushed record by record.

    Nothing is written before the first record arrives, so an error raised while the
    records are produced leaves no half-written output."""
    count = 0
    for record in records:
        text = json.dumps(record, ensure_ascii=False)
        if lines:
            out.write(text + "\n")
        else:
            out.write(("[\n  " if count == 0 else ",\n  ") + text)
        count += 1
        out.flush()
    if not lines:
        out.write("\n]\n" if count else "[]\n")
        out.flush()


def stream(
    records: Iterable[dict],
    out: TextIO,
    *,
    fmt: str,
    columns: list[Column],
    rows: Callable[[dict], list[dict]] = lambda r: [r],
    heading: Callable[[dict], str] | None = None,
    annotate: Callable[[dict], str | None] | None = None,
) -> None:
    """Write records in ``fmt``; ``rows`` expands a record into table rows (claim -> evidence),
    ``heading`` gives text printed above each record's table, ``annotate`` a GitHub line."""
    if fmt in ("json", "jsonl"):
        stream_json(records, out, lines=fmt == "jsonl")
        return
    if fmt == "csv":
        write = csv_writer(out, columns)
        for record in records:
            for row in rows(record):
                write(row)
            out.flush()
        return
    if fmt == "github":
        for record in records:
            line = annotate(record) if annotate else None
            if line:
                out.write(line + "\n")
                out.flush()
        return
    per_record = heading is not None
    markdown, width = fmt == "markdown", terminal_width(out)
    pending: list[dict] = []
    for record in records:
        if per_record:
            out.write(heading(record) + "\n")
            table_rows = rows(record)
            if table_rows:
                out.write(
                    render_table(table_rows, columns, markdown=markdown, max_width=width) + "\n"
                )
            out.write("\n")
            out.flush()
        else:
            pending.extend(rows(record))
    if not per_record and pending:
        out.write(render_table(pending, columns, markdown=markdown, max_width=width) + "\n")


def github_escape(text: str, *, property_value: bool = False) -> str:
    """Escape a message (or, with ``property_value``, a file=/title= value, where ':' and ','
    are separators) for a GitHub Actions workflow command."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_annotation(level: str, message: str, **where_: Any) -> str:
    params = ",".join(
        f"{k}={github_escape(str(v), property_value=True)}"
        for k, v in where_.items()
        if v is not None
    )
    return f"::{level} {params}::{github_escape(message)}"


def field_columns(*names: str) -> list[Column]:
    """Columns that show a record's fields as they are, headed by the field names (CSV)."""
    return [Column(name, lambda r, name=name: r.get(name)) for name in names]


# Columns of each kind of record ------------------------------------------------------------

QUOTE_COLUMNS = [
    Column("Speaker", who, 28),
    Column("Date", when, 12),
    Column("Kind", lambda r: r.get("kind")),
    Column("Quote", lambda r: r.get("quote"), 60),
    Column("Source", where, 30),
]


def evidence_who(row: dict) -> str:
    """The speaker (role), or for the article's own sentence whom it reports, or "(article)"."""
    if row.get("speaker"):
        return who(row)
    return f"{row['actor']} (per article)" if row.get("actor") else "(article)"


EVIDENCE_COLUMNS = [
    Column("Stance", lambda r: r.get("stance")),
    Column("Speaker (role)", evidence_who, 28),
    Column("Date", when, 10),
    Column("Quote", lambda r: trim(r.get("quote"), 240), 56),
    Column("Source", where, 30),
    Column("Score", lambda r: f"{r['score']:.2f}" if r.get("score") is not None else ""),
]

EVIDENCE_CSV_COLUMNS = field_columns(
    "claim", "verdict", "stance", "speaker", "role", "date", "quote", "source", "line", "score"
)


def claim_rows(result: dict, *, top: int | None = None) -> list[dict]:
    evidence = result["evidence"][:top] if top else result["evidence"]
    return [{"claim": result["claim"], "verdict": result["verdict"], **e} for e in evidence]


def claim_csv_rows(result: dict, *, top: int | None = None) -> list[dict]:
    return claim_rows(result, top=top) or [{"claim": result["claim"], "verdict": result["verdict"]}]


def claim_heading(result: dict, *, markdown: bool = False) -> str:
    if markdown:
        return f"### {result['claim']}\n\n**{result['verdict']}**: {result['rationale']}\n"
    return f"Claim: {result['claim']}\nVerdict: {result['verdict']} ({result['rationale']})"


def stream_claims(results: Iterable[dict], out: TextIO, *, fmt: str) -> None:
    """Claim results in ``fmt``: a table (or Markdown) per claim under a heading naming the
    claim and its verdict, one CSV row per evidence row, JSON, or ClaimReview JSON-LD."""
    if fmt == "claimreview":
        from factcheck.claimreview import claim_review

        stream_json((claim_review(r) for r in results), out, lines=False)
    elif fmt == "csv":
        stream(results, out, fmt=fmt, columns=EVIDENCE_CSV_COLUMNS, rows=claim_csv_rows)
    else:
        stream(
            results,
            out,
            fmt=fmt,
            columns=EVIDENCE_COLUMNS,
            rows=claim_rows,
            heading=lambda r: claim_heading(r, markdown=fmt == "markdown"),
        )


def document_text(document: dict, *, markdown: bool = False) -> str:
    """A document as ``read`` shows it: metadata, then the text."""
    fields = ["source", "url", "title", "author", "outlet", "date"]
    if markdown:
        meta = "\n".join(f"- **{f}**: {document[f]}" for f in fields if document.get(f))
        return f"{meta}\n\n{document['text']}\n"
    meta = render_table(
        [{"field": f, "value": document.get(f) or ""} for f in fields],
        [Column("Field", lambda r: r["field"]), Column("Value", lambda r: r["value"], 80)],
    )
    return f"{meta}\n\n{document['text']}\n"


# Quote checks ------------------------------------------------------------------------------

QUOTE_CHECK_COLUMNS = [
    Column("Status", lambda r: r.get("status")),
    Column("Speaker (role)", who, 28),
    Column("Date", when, 10),
    Column("Source's words", lambda r: r.get("diff") or trim(r.get("matched"), 240), 60),
    Column("Source", where, 30),
]

QUOTE_CHECK_CSV_COLUMNS = field_columns(
    "quote",
    "claimed_speaker",
    "claimed_date",
    "status",
    "speaker",
    "role",
    "date",
    "matched",
    "score",
    "diff",
    "source",
    "line",
    "rationale",
)


def quote_check_rows(result: dict) -> list[dict]:
    """The evidence of a quote check, then the other sources with the same words."""
    if not result.get("source"):
        return []
    return [result, *({"status": "also", **other} for other in result.get("others", []))]


def quote_check_heading(result: dict, *, markdown: bool = False) -> str:
    claimed = ", ".join(
        filter(None, [result.get("claimed_speaker"), display_date(result.get("claimed_date"))])
    )
    claimed = f" ({claimed})" if claimed else ""
    if markdown:
        return f"### {result['quote']}{claimed}\n\n**{result['status']}**: {result['rationale']}\n"
    return f"Quote: {result['quote']}{claimed}\n{result['status']}: {result['rationale']}"


# Draft checks ------------------------------------------------------------------------------

DRAFT_CHECK_CSV_COLUMNS = field_columns(
    "file",
    "line",
    "column",
    "status",
    "quote",
    "claimed_speaker",
    "claimed_date",
    "speaker",
    "role",
    "date",
    "matched",
    "diff",
    "source",
    "source_line",
    "suggestion",
)


def draft_location(result: dict) -> str:
    return f"{result['file']}:{result['line']}:{result['column']}"


def draft_claimed(result: dict) -> str:
    """Who and when the draft says: 'Ana Ruiz, Mar 14, 2023'."""
    return ", ".join(
        filter(None, [result.get("claimed_speaker"), display_date(result.get("claimed_date"))])
    )


def draft_source(result: dict) -> str:
    """The source's words (the diff for a misquote) and where they stand."""
    words = result.get("diff") or result.get("matched")
    return f"{trim(words, 300)} ({where(result | {'line': result.get('source_line')})})"


def draft_check_text(result: dict) -> str:
    """A finding as a compiler would print it: location, status, the draft's words, and for
    a problem the source's words, who said it when, and the fix."""
    claimed = draft_claimed(result)
    lines = [
        f"{draft_location(result)}: {result['status']}: “{trim(result['quote'], 200)}”"
        + (f" ({claimed})" if claimed else "")
    ]
    if result["status"] == "VERIFIED":
        return lines[0]
    if result.get("source"):
        said = ", ".join(filter(None, [who(result), when(result)]))
        lines.append(f"    source: {draft_source(result)}" + (f" [{said}]" if said else ""))
    else:
        lines.append(f"    {result['rationale']}")
    if result.get("suggestion"):
        lines.append(f"    fix: {result['suggestion']}")
    return "\n".join(lines)


def draft_summary(counts: dict[str, int], *, ignored: int = 0, paraphrases: int = 0) -> str:
    """'5 quotes: 2 verified, 1 misquoted, 1 misattributed, 1 not found (1 ignored)'."""
    total = sum(counts.values())
    parts = [f"{n} {status.lower()}" for status, n in counts.items() if n]
    summary = f"{total} quote{'s' * (total != 1)}: {', '.join(parts) or 'none checked'}"
    extra = [f"{ignored} ignored" if ignored else "", paraphrase_note(paraphrases)]
    extra = [e for e in extra if e]
    return summary + (f" ({'; '.join(extra)})" if extra else "")


def paraphrase_note(count: int) -> str:
    if not count:
        return ""
    return f"{count} paraphrase{'s' * (count != 1)} not checked"


def draft_annotation(result: dict, *, failing: bool) -> str | None:
    """A GitHub Actions annotation for a problem: an error when it fails the check."""
    if result["status"] == "VERIFIED":
        return None
    message = f"“{trim(result['quote'], 200)}”: {result['rationale']}"
    if result.get("suggestion"):
        message += f"\nFix: {result['suggestion']}"
    return github_annotation(
        "error" if failing else "warning",
        message,
        file=result["file"],
        line=result["line"],
        col=result["column"],
        title=f"factcheck {result['status']}",  # no ':' or ',': they end a property
    )


DRAFT_MARKDOWN_COLUMNS = [
    Column("Where", draft_location),
    Column("Status", lambda r: f"**{r['status']}**"),
    Column("Draft", lambda r: f"“{trim(r['quote'], 200)}” {draft_claimed(r)}".strip()),
    Column("Source", lambda r: draft_source(r) if r.get("source") else r.get("rationale")),
    Column("Fix", lambda r: r.get("suggestion")),
]


def draft_warning_annotation(warning: Any) -> str:
    """A GitHub Actions warning for a :class:`factcheck.draft.DraftWarning`."""
    return github_annotation(
        "warning", warning.message, file=warning.file, line=warning.line, col=warning.column
    )


def render_draft_check(
    results: list[dict], out: TextIO, *, fmt: str, failing: Iterable[str], summary: str
) -> None:
    """A draft check in ``fmt``: JSON and CSV in draft order; for people (table, Markdown)
    problems first and a summary line; GitHub annotations for problems, then a notice."""
    failing = set(failing)
    if fmt in ("json", "jsonl", "csv"):
        stream(results, out, fmt=fmt, columns=DRAFT_CHECK_CSV_COLUMNS)
        return
    problems = [r for r in results if r["status"] != "VERIFIED"]
    if fmt == "github":
        stream(
            results,
            out,
            fmt=fmt,
            columns=[],
            annotate=lambda r: draft_annotation(r, failing=r["status"] in failing),
        )
        out.write(github_annotation("notice", summary, title="factcheck") + "\n")
        return
    if fmt == "markdown":
        out.write(f"### factcheck: {summary}\n\n")
        if problems:
            out.write(render_table(problems, DRAFT_MARKDOWN_COLUMNS, markdown=True) + "\n")
        return
    verified = [r for r in results if r["status"] == "VERIFIED"]
    for result in problems + verified:
        out.write(draft_check_text(result) + "\n")
    out.write(f"\n{summary}\n")
