import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text import normalize, sentence_spans, stem, words


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("One. Two? Three!", ["One.", "Two?", "Three!"]),
        ("Mr. Peskov said so. Then he left.", ["Mr. Peskov said so.", "Then he left."]),
        ("“Why not?” he said. Yes.", ["“Why not?” he said.", "Yes."]),
        ("Para one\n\nPara two", ["Para one", "Para two"]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ],
)
def test_sentence_spans(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_normalize_folds_typography_not_words():
    assert normalize("“Don’t”\u00a0— he  said…") == '"don\'t" - he said...'


def test_words_and_stems():
    assert words("Russia’s demands, in 2022") == ["russia's", "demands", "in", "2022"]
    assert {stem(w) for w in ["demands", "demanded", "demanding"]} == {"demand"}


@given(st.text())
def test_sentence_spans_are_ordered_and_inside_the_text(text):
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
