"""The records that flow between the pipeline stages.

Every stage takes and returns these small frozen dataclasses; none of them knows about the
command line. Dates are ISO 8601 strings as in the contract: ``YYYY-MM-DD`` when the year is
known, ``--MM-DD`` when only month and day are, ``None`` when unknown.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Document:
    """One source as the tool reads it: its text, its metadata, and where its lines start."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    # Number of source lines that precede ``text`` (front matter), so citations name file lines.
    line_offset: int = 0

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts

    def line_of(self, offset: int) -> int:
        """The 1-based line number of a character offset into ``text``."""
        return bisect.bisect_right(self._line_starts, offset) + self.line_offset

    def metadata(self) -> dict:
        return {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "outlet": self.outlet,
            "date": self.date,
        }

    def to_dict(self) -> dict:
        return {**self.metadata(), "text": self.text}


@dataclass(frozen=True)
class Quote:
    """Something somebody said, as attribution found it in a document.

    ``start``/``end`` are offsets of the quoted words (without quote marks) in the document's
    text; ``kind`` is ``direct``, ``partial`` or ``indirect``.
    """

    quote: str
    speaker: str | None
    role: str | None
    kind: str
    date: str | None
    date_text: str | None
    source: str
    line: int
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Passage:
    """A unit of evidence: a quote, or a narrative sentence, with who and when where known.

    ``kind`` is a quote kind (``direct``, ``partial``, ``indirect``) or ``narrative`` for a
    sentence of the article's own voice. ``document_date`` is the source's publication date.
    """

    text: str
    source: str
    line: int
    start: int
    end: int
    kind: str = "narrative"
    speaker: str | None = None
    role: str | None = None
    date: str | None = None
    date_text: str | None = None
    document_date: str | None = None
    url: str | None = None

    @classmethod
    def from_quote(cls, quote: Quote, *, document: Document) -> Passage:
        return cls(
            text=quote.quote,
            source=quote.source,
            line=quote.line,
            start=quote.start,
            end=quote.end,
            kind=quote.kind,
            speaker=quote.speaker,
            role=quote.role,
            date=quote.date,
            date_text=quote.date_text,
            document_date=document.date,
            url=document.url,
        )


@dataclass(frozen=True)
class Evidence:
    """A passage judged against a claim."""

    passage: Passage
    stance: str  # supports | refutes | neutral
    score: float
    relevance: float = 0.0
    reason: str = ""  # why this stance, in words: "negated by 'nobody'"
    for_subject: bool = False  # the speaker is, or speaks for, the party the claim is about
    # Who speaks: the speaker with their role, or for a narrative sentence that reports speech
    # ("The Kremlin on December 8 denied ...") the one it reports; None when nobody does.
    actor: str | None = None

    def to_dict(self) -> dict:
        p = self.passage
        return {
            "stance": self.stance,
            "score": round(self.score, 2),
            "speaker": p.speaker,
            "role": p.role,
            "date": p.date,
            "date_text": p.date_text,
            "document_date": p.document_date,
            "quote": p.text,
            "kind": p.kind,
            "source": p.source,
            "line": p.line,
            "url": p.url,
            "reason": self.reason,
            "for_subject": self.for_subject,
            "actor": self.actor,
        }


@dataclass(frozen=True)
class ClaimResult:
    claim: str
    verdict: str  # SUPPORTED | REFUTED | CONFLICTING | NOT ENOUGH EVIDENCE
    rationale: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "rationale": self.rationale,
            "evidence": [e.to_dict() for e in self.evidence],
        }
