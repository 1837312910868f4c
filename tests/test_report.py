"""Renderers stream: what is ready is written before the next record is produced."""

import io
import json

import pytest

from factcheck import report


def records_then_failure():
    yield {"claim": "first", "verdict": "REFUTED", "rationale": "r", "evidence": []}
    raise RuntimeError("the second claim is not ready")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table", "csv"])
def test_first_record_is_written_before_the_second_is_ready(fmt):
    out = io.StringIO()
    with pytest.raises(RuntimeError):
        report.stream(
            records_then_failure(),
            out,
            fmt=fmt,
            columns=report.EVIDENCE_CSV_COLUMNS if fmt == "csv" else report.EVIDENCE_COLUMNS,
            rows=report.claim_csv_rows if fmt == "csv" else report.claim_rows,
            heading=None if fmt == "csv" else report.claim_heading,
        )
    assert "first" in out.getvalue()


def test_json_is_one_array_and_empty_input_is_an_empty_array():
    out = io.StringIO()
    report.stream_json(iter([{"a": 1}, {"a": 2}]), out, lines=False)
    assert json.loads(out.getvalue()) == [{"a": 1}, {"a": 2}]
    out = io.StringIO()
    report.stream_json(iter([]), out, lines=False)
    assert json.loads(out.getvalue()) == []


@pytest.mark.parametrize(
    "record, cited",
    [
        ({"source": "seeds/a.txt", "line": 19}, "seeds/a.txt:19"),
        ({"source": "https://example.com/a", "line": 3}, "https://example.com/a"),
        ({"source": "a.txt", "line": None}, "a.txt"),
    ],
)
def test_where_cites_file_and_line_or_url(record, cited):
    assert report.where(record) == cited


def test_who_names_speaker_and_role():
    assert report.who({"speaker": "Dmitry Peskov", "role": "Kremlin spokesman"}) == (
        "Dmitry Peskov (Kremlin spokesman)"
    )
    assert report.who({"speaker": None, "role": None}) == ""


@pytest.mark.parametrize(
    "record, shown",
    [
        ({"date": "--12-08", "date_text": "December 8"}, "Dec 8"),
        ({"date": None, "date_text": "on Monday"}, "on Monday"),
        ({"date": None, "document_date": "2019-11-19"}, "published Nov 19, 2019"),
        ({"date": None, "document_date": None}, ""),
    ],
)
def test_when_gives_the_statement_date_else_the_publication_date_marked_so(record, shown):
    assert report.when(record) == shown


def test_trim_cuts_at_a_word_with_an_ellipsis():
    assert report.trim("Nobody is talking about gas", 16) == "Nobody is…"


def test_github_annotation_escapes_newlines():
    line = report.github_annotation("error", "a\nb", file="d.md", line=3, col=5)
    assert line == "::error file=d.md,line=3,col=5::a%0Ab"


def test_a_table_narrows_its_wrapped_columns_to_fit_the_terminal():
    rows = [{"speaker": "Dmitry Peskov", "role": "Kremlin spokesman", "quote": "word " * 60}]
    table = report.render_table(rows, report.QUOTE_COLUMNS, max_width=80)
    assert max(len(line) for line in table.splitlines()) <= 80
    wide = report.render_table(rows, report.QUOTE_COLUMNS)
    assert max(len(line) for line in wide.splitlines()) > 80


def test_github_annotation_escapes_separators_in_properties():
    line = report.github_annotation("warning", "x", file="a,b.md", title="Quote: misquoted")
    assert line == "::warning file=a%2Cb.md,title=Quote%3A misquoted::x"
