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


_VERB_PIECES = [
    *"said Said SAID says told pointed out went on issued a statement shot back".split(),
    *"called it the spokesman President president-elect aide Rep. x _ 8 İ ı ſ K".split(),
    *[" ", "  ", "\n", ",", ".", "’", "-", "“", "”", "'", "''", '"', "«"],
]


@given(
    st.lists(st.sampled_from(_VERB_PIECES), max_size=16).map("".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_reader_finds_what_a_search_of_the_window_finds(text, a, b):
    """The reader scans the whole text once for reporting verbs and role words; what it
    answers for a window must be what searching that window alone finds."""
    from factcheck.attribution import _Reader
    from factcheck.cues import DESCRIPTION_RE, NAMING_VERB_RE, QUOTE_CHAR_RE, SPEECH_VERB_RE

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    reader = _Reader(text)
    for pattern in (SPEECH_VERB_RE, NAMING_VERB_RE):
        found = [m.span() for m in reader.finditer(pattern, start, end)]
        assert found == [m.span() for m in pattern.finditer(text, start, end)]
    found = [m.span() for m in reader.descriptions(start, end)]
    assert found == [m.span() for m in DESCRIPTION_RE.finditer(text, start, end)]
    assert reader.has_quote_char(start, end) == bool(QUOTE_CHAR_RE.search(text, start, end))


@given(st.lists(st.sampled_from([*_VERB_PIECES, "with", "to", "the", "Mr.", "Mrs", "\n"])))
def test_the_quick_look_before_a_search_never_hides_a_match(pieces):
    """ends_in_word_and_space is checked before searching patterns that end in a word and
    spaces: it must hold wherever they match."""
    from factcheck.cues import OBJECT_BEFORE_RE, ROLE_PREFIX_RE, ends_in_word_and_space

    text = "".join(pieces)
    for start in range(len(text) + 1):
        if OBJECT_BEFORE_RE.search(text, start) or ROLE_PREFIX_RE.search(text, start):
            assert ends_in_word_and_space(text, start, len(text))
