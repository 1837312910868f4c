"""Passages: which sentences become evidence, and who speaks in them."""

import pytest

from factcheck.corpus import analyse
from factcheck.records import Document


def narrative_speakers(text: str) -> list[tuple[str, str | None]]:
    _, passages = analyse(Document("news.txt", text))
    return [(p.text, p.speaker) for p in passages if p.kind == "narrative"]


@pytest.mark.parametrize(
    "text, sentence, speaker",
    [
        # He/She right after the speaker's own words is that speaker, reported.
        (
            "Professor Helen Bedford said the findings matched her research. She rejected "
            "the idea that most parents opposed vaccines.",
            "She rejected the idea that most parents opposed vaccines.",
            "Helen Bedford",
        ),
        (
            '"We will win," Smith said.\n\nShe also criticized the plan.',
            "She also criticized the plan.",
            "Smith",
        ),
        # Not when another sentence comes between, nor after no quote at all.
        ('"We will win," Smith said. The crowd cheered. He left early.', "He left early.", None),
        (
            "Trump entered the debate with a lead. He received 33% of the vote.",
            "He received 33% of the vote.",
            None,
        ),
    ],
)
def test_a_pronoun_sentence_after_a_quote_is_its_speakers(text, sentence, speaker):
    assert (sentence, speaker) in narrative_speakers(text)
