"""The command line: parse options, call the library, render. Nothing else lives here."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

import click

from factcheck import __version__
from factcheck.errors import ExitStatus, FactcheckError, InputError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class FactcheckGroup(click.Group):
    """Turns every error into one line on stderr and a documented exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`| head`, `| grep -q`): stop quietly and successfully.
            # Point stdout at /dev/null so the final flush at exit cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(ExitStatus.OK) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        try:
            result = super().main(
                argv, prog_name or "factcheck", complete_var, standalone_mode=False, **extra
            )
        except FactcheckError as error:
            if "--debug" in argv:
                raise
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_status)
        except click.UsageError as error:
            command = error.ctx.command_path if error.ctx else "factcheck"
            click.echo(f"Error: {error.format_message()} (see '{command} --help')", err=True)
            sys.exit(ExitStatus.ERROR)
        except click.ClickException as error:
            click.echo(f"Error: {error.format_message()}", err=True)
            sys.exit(ExitStatus.ERROR)
        except (click.Abort, KeyboardInterrupt):
            click.echo("Interrupted.", err=True)
            sys.exit(ExitStatus.INTERRUPTED)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else ExitStatus.OK)
        return result


def note(message: str) -> None:
    click.echo(f"note: {message}", err=True)


def warn(error: Exception) -> None:
    click.echo(f"warning: {error}", err=True)


def validate_reference_date(ctx, param, value: str | None) -> str | None:
    from factcheck.dates import ISO_RE

    if value is not None and not ISO_RE.match(value):
        raise click.BadParameter("use YYYY-MM-DD, e.g. 2022-12-20")
    return value


def source_options(function: Callable) -> Callable:
    """--source, --db and --reference-date, shared by every command that reads sources."""
    options = [
        click.option(
            "-s",
            "--source",
            "sources",
            multiple=True,
            metavar="PATH|URL",
            help="File, folder or URL to check against (repeatable); used instead of the index.",
        ),
        click.option(
            "--db",
            envvar="FACTCHECK_DB",
            metavar="PATH",
            help="Index file (default: $FACTCHECK_DB, else the user data directory).",
        ),
        click.option(
            "--reference-date",
            callback=validate_reference_date,
            metavar="YYYY-MM-DD",
            help="Anchors relative and year-less dates when a source has no date.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def format_option(*choices: str) -> Callable:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default="table",
        show_default=True,
        help="Output format.",
    )


def from_option(what: str) -> Callable:
    return click.option(
        "--from",
        "from_file",
        type=click.File("rb"),
        metavar="FILE",
        help=f"Read {what} from FILE, one per line ('-' for stdin).",
    )


def input_lines(
    arguments: Iterable[str], from_file: BinaryIO | None, *, what: str
) -> Iterator[str]:
    """Arguments, else lines of --from FILE, else lines piped on stdin; read lazily so results
    stream, but the first at once, so empty or binary input fails before sources are read.
    Blank lines and lines starting with '#' are skipped."""
    lines = given_lines(arguments, from_file, what=what)
    return itertools.chain([next(lines)], lines)


def given_lines(
    arguments: Iterable[str], from_file: BinaryIO | None, *, what: str
) -> Iterator[str]:
    arguments = list(arguments)
    for argument in arguments:
        if not argument.strip():
            raise InputError(f"empty {what}")
        yield argument.strip()
    if arguments:
        return
    if from_file is None:
        stdin = sys.stdin  # (CliRunner swaps it too)
        if stdin.isatty():
            raise click.UsageError(f"give a {what}, --from FILE, or pipe {what}s on stdin")
        from_file = stdin.buffer
    count = 0
    for line in text_lines(from_file):
        line = line.strip()
        if line and not line.startswith("#"):
            count += 1
            yield line
    if not count:
        raise InputError(f"no {what}s in the input (it was empty)")


def text_lines(file: BinaryIO) -> Iterator[str]:
    """The lines of a file of claims or quotes, as UTF-8 (bad bytes replaced); a binary file
    (an image given by mistake) is refused before any of it is taken for a claim."""
    from factcheck.encoding import SNIFF_BYTES, is_binary

    head = file.read(SNIFF_BYTES)
    if is_binary(head):
        name = getattr(file, "name", "<stdin>")
        raise InputError(f"{name}: looks like a binary file, not text")
    for line in itertools.chain((head + file.readline()).splitlines(), file):
        yield line.decode("utf-8", errors="replace")


def open_corpus(sources: tuple[str, ...], db: str | None, reference_date: str | None):
    from factcheck.corpus import open_corpus as open_

    given = click.get_current_context().get_parameter_source("db")
    corpus = open_(
        sources=sources,
        db=db,
        reference_date=reference_date,
        on_error=warn,
        require_db=given is click.core.ParameterSource.COMMANDLINE,
    )
    if corpus.bundled:
        note("no --source given and the index is empty: using the bundled example corpus (seeds/)")
    return corpus


@click.group(cls=FactcheckGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="factcheck")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
def cli(debug: bool) -> None:
    """Check claims and quotes against news sources: who said what, and when.

    \b
    Examples:
        factcheck claim "Russia demands political concessions for gas"
        factcheck quote "Nobody is talking about gas" --speaker Peskov
        factcheck quotes article.txt
        factcheck check draft.md --source archive/

    Without --source or an index, the bundled example corpus is used.
    Exit codes: 0 ok, 1 a quote or check found a problem, 2 usage error or unusable input.
    """


@cli.command()
@click.argument("claims", nargs=-1)
@from_option("claims")
@source_options
@format_option("table", "json", "jsonl", "csv", "markdown", "claimreview")
@click.option("--top", default=5, show_default=True, metavar="N", help="Evidence rows per claim.")
@click.option(
    "--fail-on",
    type=click.Choice(["refuted", "unsupported"], case_sensitive=False),
    help="Exit 1 when a claim is REFUTED, or (unsupported) anything but SUPPORTED.",
)
def claim(claims, from_file, sources, db, reference_date, fmt, top, fail_on):
    """Check CLAIMS against the sources and print a verdict for each.

    A verdict is SUPPORTED, REFUTED, CONFLICTING or NOT ENOUGH EVIDENCE, with the evidence
    that decided it: speaker (role), date, the quote, and where it stands (file:line).
    Claims come from the arguments, --from FILE, or stdin (one per line; blank lines and
    lines starting with # are skipped); results stream as each claim is checked.
    --format claimreview prints schema.org ClaimReview JSON-LD.

    \b
    Examples:
        factcheck claim "Russia demands political concessions for gas"
        factcheck claim --source articles/ --format jsonl < claims.txt
        factcheck claim --from claims.txt --fail-on refuted --format claimreview
    """
    from factcheck import report
    from factcheck.verdict import FAIL_ON, check_claim_in

    texts = input_lines(claims, from_file, what="claim")
    corpus = open_corpus(sources, db, reference_date)
    failing = FAIL_ON.get(fail_on, set())
    failed = []

    def results():
        for text in texts:
            result = check_claim_in(corpus.index, text, top=top).to_dict()
            if result["verdict"] in failing:
                failed.append(text)
            yield result

    report.stream_claims(results(), sys.stdout, fmt=fmt)
    return ExitStatus.PROBLEM if failed else ExitStatus.OK


@cli.command()
@click.argument("quote", required=False)
@click.option("--speaker", metavar="NAME", help="Who is said to have said it.")
@click.option("--date", metavar="DATE", help="When: 2022-12-08, December 8, Dec 8, 2022.")
@from_option("quotes")
@source_options
@format_option("table", "json", "jsonl", "csv", "markdown")
def quote(quote, speaker, date, from_file, sources, db, reference_date, fmt):
    """Verify that QUOTE was said, by --speaker, on --date.

    Answers VERIFIED, MISQUOTED (with a word diff), MISATTRIBUTED (with the real speaker),
    WRONG DATE or NOT FOUND. Many quotes via --from FILE or stdin: plain lines, or JSON Lines
    objects {"quote", "speaker", "date"}. Exit code 1 when any quote is not VERIFIED.

    \b
    Examples:
        factcheck quote "Nobody is talking about gas" --speaker Peskov --date "December 8"
        factcheck quote --from quotes.jsonl --format jsonl
    """
    from factcheck import report
    from factcheck.verify import parse_request, verify_quote

    lines = input_lines([quote] if quote is not None else [], from_file, what="quote")
    corpus = open_corpus(sources, db, reference_date)
    problems = 0

    def checks() -> Iterator[dict]:
        nonlocal problems
        for line in lines:
            text, who, when = parse_request(line, speaker=speaker, date=date)
            result = verify_quote(text, speaker=who, date=when, index=corpus.index)
            problems += not result.verified
            yield result.to_dict()

    if fmt == "csv":
        report.stream(checks(), sys.stdout, fmt=fmt, columns=report.QUOTE_CHECK_CSV_COLUMNS)
    else:
        report.stream(
            checks(),
            sys.stdout,
            fmt=fmt,
            columns=report.QUOTE_CHECK_COLUMNS,
            rows=report.quote_check_rows,
            heading=lambda r: report.quote_check_heading(r, markdown=fmt == "markdown"),
        )
    return ExitStatus.PROBLEM if problems else ExitStatus.OK


@cli.command()
@click.argument("drafts", nargs=-1, required=True)
@source_options
@format_option("table", "json", "jsonl", "csv", "markdown", "github")
@click.option(
    "--fail-on",
    metavar="STATUSES",
    help="Comma-separated statuses that fail the check (exit 1), or 'none'."
    " [default: misquoted,misattributed,wrong-date,not-found]",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Configuration file (default: the nearest .factcheck.toml or pyproject.toml"
    " [tool.factcheck] above the first draft).",
)
def check(drafts, sources, db, reference_date, fmt, fail_on, config_path):
    """Verify every quote in DRAFTS (.md, .txt, .html files or folders) against the sources.

    Each quote the draft attributes (direct quotes, and quoted fragments) is checked as
    'factcheck quote' checks one: VERIFIED, MISQUOTED, MISATTRIBUTED, WRONG DATE or NOT
    FOUND, cited as FILE:LINE:COLUMN (the file's lines: front matter counts, and an HTML
    draft's line and column are in its markup), with the source's words and a fix. A quote
    with no speaker is checked for its words; a quote split around its attribution is
    checked whole. Paraphrase (reported speech without quote marks) is counted, not
    checked: it makes no claim to the source's exact words. Exit code 1 when a quote's
    status is one of --fail-on, 0 otherwise (also when the drafts hold no quotes), 2 for
    unusable input. Skip a quote with <!-- factcheck: ignore --> on its line, or alone on
    the line before it.

    \b
    Configuration: .factcheck.toml (top-level keys) or [tool.factcheck] in pyproject.toml,
    the nearest above the first draft; paths are relative to that file, options override:
        sources = ["archive/"]        # files, folders, URLs to check against
        db = "index.db"               # an index, when there are no sources
        fail-on = ["misquoted", "misattributed", "wrong-date"]   # or ["none"]
        ignore = ["interviews/*", "*.draft.md"]   # drafts to skip (glob patterns)
        ignore-quotes = ["^No comment"]           # quotes to skip (regular expressions)
        reference-date = "2024-05-01" # anchors year-less dates when a draft has none

    \b
    Examples:
        factcheck check draft.md --source archive/
        factcheck check drafts/ --format github --fail-on misquoted,misattributed
    """
    from factcheck import report
    from factcheck.config import project_config
    from factcheck.draft import PROBLEMS, fail_statuses, find_quotes, verify_draft_quotes
    from factcheck.verify import STATUSES

    config = project_config(config_path, drafts[0])
    statuses = PROBLEMS
    if fail_on is not None or config.fail_on is not None:
        statuses = fail_statuses(fail_on.split(",") if fail_on is not None else config.fail_on)
    found = find_quotes(
        drafts, config=config, reference_date=reference_date or config.reference_date
    )
    for empty in (f for f in found if f.empty):
        note(f"{empty.file}: empty draft, no quotes found")
    for warning in (w for f in found for w in f.warnings):
        if fmt == "github":
            click.echo(report.draft_warning_annotation(warning))
        warn(warning)
    quotes = [q for f in found for q in f.quotes]
    ignored = sum(f.ignored for f in found)
    paraphrases = sum(f.paraphrases for f in found)
    if not quotes:
        extra = report.draft_summary({}, ignored=ignored, paraphrases=paraphrases)
        note(f"no quotes found{extra.removeprefix('0 quotes: none checked')}")
        if fmt in ("json", "jsonl"):
            report.stream_json([], sys.stdout, lines=fmt == "jsonl")
        return ExitStatus.OK
    corpus = open_corpus(sources or config.existing_sources(), db or config.db, reference_date)
    results = [f.to_dict() for f in verify_draft_quotes(quotes, index=corpus.index)]
    failing = sum(r["status"] in statuses for r in results)
    counts = {status: sum(r["status"] == status for r in results) for status in STATUSES}
    summary = report.draft_summary(counts, ignored=ignored, paraphrases=paraphrases)
    report.render_draft_check(results, sys.stdout, fmt=fmt, failing=statuses, summary=summary)
    return ExitStatus.PROBLEM if failing else ExitStatus.OK


@cli.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--reference-date",
    callback=validate_reference_date,
    metavar="YYYY-MM-DD",
    help="Anchors relative and year-less dates when a source has no date.",
)
@format_option("table", "json", "jsonl", "csv", "markdown")
def quotes(sources, reference_date, fmt):
    """List who said what, and when, in SOURCES (files, folders or URLs).

    With no SOURCES, lists the bundled example corpus.

    \b
    Example:
        factcheck quotes article.txt --format jsonl
    """
    from factcheck import report
    from factcheck.attribution import extract_quotes
    from factcheck.sources import bundled_sources, read_sources

    if not sources:
        note("no SOURCE given: listing the bundled example corpus (seeds/)")
        sources = bundled_sources()
    found = (
        q.to_dict()
        for document in read_sources(sources)
        for q in extract_quotes(document, reference_date=reference_date)
    )
    report.stream(found, sys.stdout, fmt=fmt, columns=report.QUOTE_COLUMNS)


@cli.command()
@click.argument("source")
@format_option("table", "json", "jsonl", "markdown")
def read(source, fmt):
    """Show SOURCE's text and metadata as the tool reads them.

    \b
    Example:
        factcheck read https://example.com/news/story.html --format json
    """
    from factcheck import report
    from factcheck.sources import read_source

    documents = (d.to_dict() for d in read_source(source, on_error=warn))
    if fmt in ("json", "jsonl"):
        report.stream_json(documents, sys.stdout, lines=fmt == "jsonl")
        return
    for document in documents:
        click.echo(report.document_text(document, markdown=fmt == "markdown"))


@cli.group()
def index():
    """Manage the persistent index (--db, else $FACTCHECK_DB, else the user data directory).

    \b
    Examples:
        factcheck index add archive/
        factcheck index stats
    """


@index.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", envvar="FACTCHECK_DB", metavar="PATH", help="Index file.")
@click.option(
    "--prune", is_flag=True, help="Also remove indexed documents under SOURCES that are gone."
)
@click.option(
    "--reference-date",
    callback=validate_reference_date,
    metavar="YYYY-MM-DD",
    help="Anchors relative and year-less dates when a source has no date.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Analyse documents in N processes (0: one per CPU).",
)
def index_add(sources, db, prune, reference_date, jobs):
    """Add files, folders or URLs to the index.

    Unchanged documents are skipped, changed ones replaced; documents are committed in
    batches, so an interrupted run keeps what it had done. Files in a folder that are no
    documents (binary, too large) are skipped with a warning. Exit code 2 when a source failed.
    --jobs analyses documents in parallel (reading and storing stay in one process); the
    index is the same whatever the number of jobs.

    \b
    Examples:
        factcheck index add archive/
        factcheck index add archive/ --prune
        factcheck index add archive/ --jobs 0
    """
    from factcheck.corpus import add_sources, resolve_db_path, source_items
    from factcheck.sources import require_paths
    from factcheck.store import Index

    require_paths(sources)

    options = {
        "reference_date": reference_date,
        "prune": prune,
        "on_error": warn,
        "jobs": jobs or os.cpu_count() or 1,
    }
    with Index(resolve_db_path(db)) as store:
        if sys.stderr.isatty():
            total = sum(1 for _ in source_items(sources))
            with click.progressbar(length=total, label="Indexing", file=sys.stderr) as bar:
                summary = add_sources(
                    store, sources, on_progress=lambda _: bar.update(1), **options
                )
        else:
            summary = add_sources(store, sources, **options)
        click.echo(
            f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged,"
            f" {summary.removed} removed, {summary.skipped} skipped, {summary.failed} failed;"
            f" {store.document_count()} documents in {store.path}",
            err=True,
        )
    return ExitStatus.ERROR if summary.failed else ExitStatus.OK


@index.command("list")
@click.option("--db", envvar="FACTCHECK_DB", metavar="PATH", help="Index file.")
@format_option("table", "json", "jsonl", "csv", "markdown")
def index_list(db, fmt):
    """List the indexed documents: source, title, date, quotes and passages.

    \b
    Example:
        factcheck index list --format csv
    """
    from factcheck import report
    from factcheck.corpus import resolve_db_path
    from factcheck.store import Index

    columns = [
        report.Column("Source", lambda r: r["source"], 40),
        report.Column("Title", lambda r: r["title"], 40),
        report.Column("Date", lambda r: r["date"]),
        report.Column("Quotes", lambda r: r["quotes"]),
        report.Column("Passages", lambda r: r["passages"]),
    ]
    with Index(resolve_db_path(db), create=False, read_only=True) as store:
        documents = (d.to_dict() for d in store.documents())
        report.stream(documents, sys.stdout, fmt=fmt, columns=columns)


@index.command("remove")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", envvar="FACTCHECK_DB", metavar="PATH", help="Index file.")
def index_remove(sources, db):
    """Remove documents from the index: SOURCE as listed, or a folder for all below it.

    \b
    Example:
        factcheck index remove archive/old-story.txt
    """
    from factcheck.corpus import resolve_db_path, stale_sources
    from factcheck.store import Index

    with Index(resolve_db_path(db), create=False) as store:
        indexed = store.sources()
        removed = store.remove(stale_sources(indexed, sources, seen=set()))
        click.echo(
            f"{removed} removed; {store.document_count()} documents in {store.path}", err=True
        )
    missing = [s for s in sources if not stale_sources(indexed, [s], seen=set())]
    if missing:
        raise InputError(f"not in the index: {', '.join(missing)}")


@index.command("stats")
@click.option("--db", envvar="FACTCHECK_DB", metavar="PATH", help="Index file.")
@format_option("table", "json")
def index_stats(db, fmt):
    """Show what the index holds: documents, passages, quotes, speakers, size on disk.

    \b
    Example:
        factcheck index stats --format json
    """
    import json

    from factcheck.corpus import resolve_db_path
    from factcheck.store import Index

    with Index(resolve_db_path(db), create=False, read_only=True) as store:
        stats = store.stats().to_dict()
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2))
        return
    stats["text_bytes"] = f"{stats['text_bytes'] / 2**20:.1f} MB"
    stats["size_on_disk"] = f"{stats['size_on_disk'] / 2**20:.1f} MB"
    width = max(map(len, stats))
    for key, value in stats.items():
        click.echo(f"{key.replace('_', ' '):<{width}}  {value}")


def main() -> None:
    cli.main()
