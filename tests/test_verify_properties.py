"""Properties of quote verification over every annotated fixture quote: editorial changes
never cost a VERIFIED, and a changed word never earns one."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verify_fixtures import ANNOTATIONS, annotated_index

from factcheck.text import NEGATIONS, words
from factcheck.verify import verify_quote

QUOTES = [
    (q["quote"].rstrip(",."), q["speaker"])
    for entry in json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    for q in entry["quotes"]
    if q["kind"] != "indirect" and "[" not in q["quote"] and len(q["quote"].split()) >= 4
]
WORDS = ["gas", "taxes", "always", "never", "not", "12", "Russia", "budget", "more", "the"]
settings_ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def index():
    index = annotated_index()
    yield index
    index.close()


def status(index, quote: str, speaker: str) -> str:
    return verify_quote(quote, speaker=speaker, index=index).status


@pytest.mark.parametrize("quote, speaker", QUOTES)
@pytest.mark.parametrize(
    "edit",
    [
        lambda q: f"“{q}”",
        lambda q: f'"{q}."',
        lambda q: q[0].lower() + q[1:],
        lambda q: q.replace("’", "'"),
    ],
    ids=["typographic quotes", "straight quotes", "lower case", "apostrophes"],
)
def test_editorial_changes_keep_verified(index, quote, speaker, edit):
    assert status(index, edit(quote), speaker) == "VERIFIED"


@pytest.mark.parametrize("quote, speaker", [q for q in QUOTES if len(q[0].split()) >= 8])
def test_an_elision_is_verified_unless_it_hides_a_negation(index, quote, speaker):
    tokens = quote.split()
    elided = " ".join([*tokens[:3], "…", *tokens[-3:]])
    hides_negation = NEGATIONS & set(words(" ".join(tokens[3:-3])))
    expected = "MISQUOTED" if hides_negation else "VERIFIED"
    assert status(index, elided, speaker) == expected


@settings_
@given(data=st.data(), case=st.sampled_from(QUOTES), word=st.sampled_from(WORDS))
def test_a_changed_or_dropped_word_is_never_verified(index, data, case, word):
    quote, speaker = case
    tokens = quote.split()
    i = data.draw(st.integers(1, len(tokens) - 2), label="position")
    replaced = [*tokens[:i], word, *tokens[i + 1 :]]
    if replaced != tokens:
        assert status(index, " ".join(replaced), speaker) != "VERIFIED"
    if tokens[i - 1].lower() != tokens[i].lower():
        assert status(index, " ".join(tokens[:i] + tokens[i + 1 :]), speaker) != "VERIFIED"
