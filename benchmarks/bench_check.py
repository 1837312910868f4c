"""Draft-check benchmark: plant errors in real articles, and see how many ``check`` finds.

Drafts are copies of PolNeAR articles (``../shared/data/polnear-train``, read from there,
never copied into the repository) with some of their gold direct quotes perturbed:

- ``word``: one content word of the quote replaced by another word of the article;
- ``negation``: a "not", "n't" or "never" dropped from the quote;
- ``speaker``: the named speaker next to the quote replaced by another name;
- ``date``: "on <a date a month before publication>" added after the speech verb.

The originals (with their publication dates) are the sources. A planted error is detected
when the draft quote over it is reported as anything but VERIFIED. A planted speaker or date
also reaches the quotes the draft goes on to give that name or date: ``“...,” Carla Jimenez
said. “And more.”`` attributes the second quote to the fake name too, and ``he said`` in
the next paragraph may as well. Such a quote, reported MISATTRIBUTED to the planted name
(who said nothing in any source) or WRONG DATE on the planted date, is the same finding
carried over, right and not a false alarm; it is counted as ``carried_over``, and
``strict_precision`` counts it as a false alarm anyway. Every other non-VERIFIED report is
a false alarm. Recall is over planted errors.

    python benchmarks/bench_check.py --articles 200
    python benchmarks/bench_check.py --long-draft --db index-100k.db   # time a 5,000-word draft

The second form times one 5,000-word draft (real articles joined) against an existing index
(``factcheck index add``; ``benchmarks/bench_index.py`` builds 100,000-document corpora).
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POLNEAR = DATA / "polnear-train"
KINDS = ("word", "negation", "speaker", "date")
CLAIMS = ("speaker", "date")  # kinds that plant a claim the draft may repeat for other quotes
OTHER_NAME = "Carla Jimenez"
NEGATION_RE = re.compile(r"\s(?:not|never)\b|n[’']t\b")
CONTENT_RE = re.compile(r"\b[a-z]{5,}\b")
# The speech verb after a speaker, and whom it was told to: the whole name ("told Annette
# Guessford"), so the date planted after it does not split the name.
VERB_RE = re.compile(r"\s*,?\s*(?:said|says|told(?: [A-Z][\w’'.-]*)+|wrote|added)\b")
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Plant:
    """A planted error: its kind, the quote's span in the draft's body, and for a speaker or
    a date the text planted (the fake name, `` on March 3``)."""

    kind: str
    start: int
    end: int
    claim: str = ""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def load_gold() -> list[dict]:
    with open(POLNEAR / "gold.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def front_matter(row: dict) -> str:
    return f"---\ntitle: {json.dumps(row['title'])}\ndate: {row['publication_date']}\n---\n"


def is_name(speaker: str) -> bool:
    """A gold speaker that is a person's name ("Trump", "Hillary Clinton"), not "he"."""
    words = speaker.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


def perturb(kind: str, text: str, quote: dict, rng: random.Random, row: dict) -> Edit | None:
    """The edit that plants ``kind`` in ``quote``, or None when the quote does not allow it."""
    start, end = quote["quote_start"], quote["quote_end"]
    words = text[start:end]
    if kind == "word":
        found = list(CONTENT_RE.finditer(words))
        others = sorted(set(CONTENT_RE.findall(text)) - set(CONTENT_RE.findall(words)))
        if not found or not others:
            return None
        match = rng.choice(found)
        return Edit(start + match.start(), start + match.end(), rng.choice(others))
    if kind == "negation":
        match = NEGATION_RE.search(words)
        return Edit(start + match.start(), start + match.end(), "") if match else None
    s_start, s_end = quote["speaker_start"], quote["speaker_end"]
    if (
        s_start is None
        or not is_name(quote["speaker"])
        or "\n" in text[min(s_end, end) : max(s_start, start)]
    ):
        return None
    if abs(s_start - end) > 60 and abs(start - s_end) > 60:
        return None
    if kind == "speaker":
        return Edit(s_start, s_end, OTHER_NAME)
    verb = VERB_RE.match(text, s_end)
    if not verb or s_start < end:
        return None
    month = int(row["publication_date"][5:7])
    claimed = f" on {MONTHS.split()[(month - 2) % 12]} {rng.randint(1, 28)}"
    return Edit(verb.end(), verb.end(), claimed)


def plant(row: dict, text: str, rng: random.Random, count: int) -> tuple[str, list[Plant]]:
    """The article with up to ``count`` errors planted in distinct gold direct quotes."""
    quotes = [
        q
        for q in row["quotes"]
        if q["is_direct"] and len(q["quote_fragments"]) == 1 and len(q["quote"].split()) >= 6
    ]
    rng.shuffle(quotes)
    edits: list[tuple[Edit, str, dict]] = []
    for quote in quotes:
        if len(edits) == count:
            break
        planted = Counter(kind for _, kind, _ in edits)
        for kind in sorted(rng.sample(KINDS, len(KINDS)), key=planted.__getitem__):
            edit = perturb(kind, text, quote, rng, row)
            if edit and not any(overlaps(edit, other) for other, _, _ in edits):
                edits.append((edit, kind, quote))
                break
    for edit, _, _ in sorted(edits, key=lambda e: -e[0].start):
        text = text[: edit.start] + edit.text + text[edit.end :]

    def moved(offset: int) -> int:
        """Where an offset of the article is once the edits before it are made."""
        return offset + sum(len(e.text) - (e.end - e.start) for e, _, _ in edits if e.end <= offset)

    plants = [
        Plant(k, moved(q["quote_start"]), moved(q["quote_end"]), e.text if k in CLAIMS else "")
        for e, k, q in edits
    ]
    return text, plants


def overlaps(a: Edit, b: Edit) -> bool:
    return a.start <= b.end and b.start <= a.end


def carried_over(finding, plants: list[Plant]) -> bool:
    """Whether a flag on a quote with no error planted in it is a planted speaker or date
    that the draft goes on to claim for this quote too (see the module's docstring)."""
    from factcheck.verify import speaker_matches

    q, status = finding.quote, finding.status
    if status == "MISATTRIBUTED" and q.speaker:
        # The fake name stands nowhere else: any quote the draft gives it got it from the plant,
        # whether the name comes before the quote or after it ("“...,” Carla Jimenez said
        # before adding: “...”").
        return any(p.kind == "speaker" and speaker_matches(q.speaker, p.claim) for p in plants)
    if status == "WRONG DATE" and q.date_text:
        said = q.date_text.removeprefix("on ")
        return any(
            p.kind == "date" and p.start < q.start and p.claim.strip().removeprefix("on ") == said
            for p in plants
        )
    return False


def measure(rows: list[dict], *, errors_per_draft: int, seed: int, show: bool = False) -> dict:
    from factcheck.config import Config
    from factcheck.corpus import build_corpus
    from factcheck.draft import find_quotes, verify_draft_quotes

    with tempfile.TemporaryDirectory() as folder:
        sources, drafts = Path(folder, "sources"), Path(folder, "drafts")
        sources.mkdir()
        drafts.mkdir()
        planted: dict[str, list[Plant]] = {}
        for number, row in enumerate(rows):
            text = (POLNEAR / row["file"]).read_text(encoding="utf-8")
            name = f"{number:04}.md"
            (sources / name).write_text(front_matter(row) + text, encoding="utf-8")
            body, plants = plant(row, text, random.Random(seed * 7919 + number), errors_per_draft)
            (drafts / name).write_text(front_matter(row) + body, encoding="utf-8")
            planted[str(drafts / name)] = plants
        index = build_corpus([str(sources)])
        started = time.perf_counter()
        found = find_quotes([str(drafts)], config=Config())
        findings = verify_draft_quotes([q for f in found for q in f.quotes], index=index)
        seconds = time.perf_counter() - started
        texts = {f.file: Path(f.file).read_text(encoding="utf-8") for f in found}
    detected: set[tuple[str, Plant]] = set()
    right = Counter()
    flagged = false_alarms = carried = 0
    for finding in findings:
        if finding.status == "VERIFIED":
            continue
        flagged += 1
        q = finding.quote
        hits = [p for p in planted[q.file] if p.start < q.end and q.start < p.end]
        if not hits and carried_over(finding, planted[q.file]):
            carried += 1
            continue
        false_alarms += not hits
        if show and not hits:
            print(false_alarm(finding, texts[q.file], planted[q.file]), file=sys.stderr)
        for hit in hits:
            if (q.file, hit) not in detected:
                detected.add((q.file, hit))
                right[hit.kind] += finding.status == EXPECTED[hit.kind]
    if show:
        for file, plants in planted.items():
            for p in plants:
                if (file, p) not in detected:
                    words = texts.get(file, "")[p.start : p.end]
                    print(f"missed {p.kind} {p.claim!r} in {words[:160]!r}", file=sys.stderr)
    total = Counter(p.kind for plants in planted.values() for p in plants)
    caught = Counter(p.kind for _, p in detected)
    n_planted = sum(total.values())
    return {
        "drafts": len(rows),
        "quotes_checked": len(findings),
        "planted": n_planted,
        "flagged": flagged,
        "false_alarms": false_alarms,
        "carried_over": carried,
        "precision": round((flagged - false_alarms) / flagged, 4) if flagged else None,
        "strict_precision": (
            round((flagged - false_alarms - carried) / flagged, 4) if flagged else None
        ),
        "recall": round(len(detected) / n_planted, 4) if n_planted else None,
        "by_kind": {
            kind: {
                "planted": total[kind],
                "detected": caught[kind],
                "expected_status": right[kind],
            }
            for kind in KINDS
        },
        "seconds": round(seconds, 2),
    }


def false_alarm(finding, text: str, plants: list[Plant]) -> str:
    """A false alarm, for reading: the status, the draft around the quote, the planted
    errors nearby, and why verification flagged it."""
    q = finding.quote
    body = text[text.index("\n---\n") + 5 :]
    around = body[max(0, q.start - 150) : q.end + 150].replace("\n", " ")
    near = [f"{p.kind}@{p.start}-{p.end}" for p in plants if abs(p.start - q.start) < 600]
    return (
        f"--- {finding.status} {q.file}:{q.line} [{q.start}-{q.end}] speaker={q.speaker!r}"
        f" date={q.date!r} near={near}\n  quote: {q.quote}\n  draft: …{around}…\n"
        f"  why: {finding.check.rationale}"
    )


EXPECTED = {
    "word": "MISQUOTED",
    "negation": "MISQUOTED",
    "speaker": "MISATTRIBUTED",
    "date": "WRONG DATE",
}


def long_draft(rows: list[dict], words: int = 5000) -> str:
    """Real articles joined until the draft has ``words`` words."""
    parts, count = [], 0
    for row in rows:
        text = (POLNEAR / row["file"]).read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts)


def time_long_draft(rows: list[dict], db: Path) -> dict:
    """Time one long draft: importing the stages (a command pays it once), finding the
    quotes, verifying them. Wall and CPU seconds of this process: on a busy machine the CPU
    figures are the ones that hold."""
    from factcheck.draft import read_draft
    from factcheck.store import Index

    clock = Clock()
    with clock:
        for module in ("factcheck.attribution", "factcheck.verify"):
            importlib.import_module(module)
    imported = clock.laps[-1]
    from factcheck.draft import find_draft_quotes, verify_draft_quotes

    with tempfile.TemporaryDirectory() as folder, Index(db, create=False) as index:
        path = Path(folder, "long.md")
        path.write_text(front_matter(rows[0]) + long_draft(rows), encoding="utf-8")
        index.document_count()  # open and warm the connection outside the timing
        with clock:
            found = find_draft_quotes(read_draft(path))
        with clock:
            findings = verify_draft_quotes(found.quotes, index=index)
        _, finding, verifying = clock.laps
        return {
            "words": len(path.read_text(encoding="utf-8").split()),
            "quotes": len(found.quotes),
            "documents": index.document_count(),
            "seconds": round(finding["wall"] + verifying["wall"], 2),
            "cpu_seconds": round(finding["cpu"] + verifying["cpu"], 2),
            "import": imported,
            "find_quotes": finding,
            "verify": verifying,
            "verify_ms_per_quote": {
                k: round(1000 * v / max(1, len(found.quotes))) for k, v in verifying.items()
            },
            "statuses": dict(Counter(f.status for f in findings)),
        }


class Clock:
    """Wall and CPU seconds of each ``with`` block, in ``laps``."""

    def __init__(self):
        self.laps: list[dict[str, float]] = []

    def __enter__(self):
        self._started = time.perf_counter(), time.process_time()

    def __exit__(self, *exc_info):
        wall, cpu = self._started
        lap = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        self.laps.append({k: round(v, 3) for k, v in lap.items()})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="drafts to build")
    parser.add_argument("--errors", type=int, default=2, help="errors planted per draft")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--long-draft", action="store_true", help="time a 5,000-word draft")
    parser.add_argument("--db", type=Path, help="index for --long-draft")
    parser.add_argument(
        "--show-false-alarms",
        action="store_true",
        help="print each false alarm and each missed error to stderr",
    )
    args = parser.parse_args()
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} is not there")
        return 0
    rows = [r for r in load_gold() if r["publication_date"]]
    if args.long_draft:
        if not args.db:
            parser.error("--long-draft needs --db (an index, e.g. of 100,000 documents)")
        print(json.dumps(time_long_draft(rows, args.db), indent=2))
        return 0
    rows = random.Random(args.seed).sample(rows, min(args.articles, len(rows)))
    print(
        json.dumps(
            measure(
                rows, errors_per_draft=args.errors, seed=args.seed, show=args.show_false_alarms
            ),
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
