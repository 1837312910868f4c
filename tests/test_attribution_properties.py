"""Whatever the text, attribution never crashes and its offsets always point at the quote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.attribution import extract_quotes, find_quote_spans
from factcheck.records import Document

# Text built from the pieces that trip quote finders: every kind of quote mark, apostrophes,
# primes, dashes, newlines, names and reporting verbs.
PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "''",
        "'''",
        "«",
        "»",
        "‹",
        "›",
        "„",
        "″",
        "`",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        " - ",
        "(",
        ")",
        "5",
        "11",
        "’s",
        "he said",
        "said",
        " Peskov",
        " Dmitry Peskov",
        " Kremlin spokesman",
        "the minister",
        " told Reuters",
        " according to",
        " quoted",
        " as saying",
        " that ",
        "on Monday",
        "December 8",
        "We will win",
        "Why not?",
        "so-called",
        "Mr.",
        " and ",
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=300)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_quotes_point_at_their_words(text):
    document = Document(source="fuzz", text=text, date="2022-12-09")
    found = extract_quotes(document)
    for quote in found:
        assert text[quote.start : quote.end] == quote.quote
        assert quote.quote and quote.quote == quote.quote.strip()
        assert quote.kind in ("direct", "partial", "indirect")
        assert quote.line == document.line_of(quote.start)
        assert quote.speaker is None or quote.speaker.strip()
    assert [q.start for q in found] == sorted(q.start for q in found)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_quote_spans_never_cross_a_paragraph(text):
    for span in find_quote_spans(text):
        assert span.opening < span.start < span.end <= span.closing
        inside = text[span.opening : span.closing]
        assert "\n\n" not in inside
        assert all(line[-1:].isalnum() or line[-1:] == "," for line in inside.split("\n")[:-1])
