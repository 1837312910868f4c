"""Score attribution against PolNeAR's gold attributions (``../shared/data/polnear-train``).

Direct-quote detection: every quote-mark fragment of a gold quote marked ``is_direct`` is one
gold item (a split quote has two, as attribution returns its parts). A predicted ``direct`` or
``partial`` quote matches a gold item when they overlap by at least half the gold length;
matching is one-to-one. PolNeAR marks a quote direct only when all its content is in quote
marks: a quoted fragment inside reported speech (``said he wants "a total shutdown"``) is part
of a gold indirect attribution, so a predicted quote lying inside one is not scored either way.

Speaker accuracy counts matched items whose gold speaker is a name (not "he", "a spokesman",
"the campaign"): right when the gold name's last word is a word of the predicted speaker.

    python benchmarks/bench_attribution.py            # both halves and all, as a table
    python benchmarks/bench_attribution.py --json     # the same figures as JSON
    python benchmarks/bench_attribution.py --gate     # the CI gate's sample only

Speed is CPU time of ``extract_quotes`` alone (one core; reading files not counted), in
milliseconds per 1,000 words of article text.

Files are split by position in ``gold.jsonl``: even-numbered ones for tuning, odd-numbered
ones held out, to see that changes generalise. ``--gate`` scores the small fixed sample that
``tests/test_attribution_gate.py`` holds to the floors in ``attribution_baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from factcheck.attribution import extract_quotes
from factcheck.records import Document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear-train"
BASELINE = Path(__file__).resolve().parent / "attribution_baseline.json"
GATE_STEP = 6  # the CI gate scores every 6th article: a few seconds, the same files each run
_NOT_A_NAME = frozenset(
    """he she they it we i you him her them the a an one another this that these those some
    many most several both his their its our my your who which someone somebody people""".split()
)
_TITLES = frozenset("mr. mrs. ms. dr. sen. rep. gov. mr mrs ms dr".split())
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    named: int = 0
    speaker_right: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.named if self.named else 0.0

    @property
    def ms_per_1000_words(self) -> float:
        return 1000 * self.seconds / self.words * 1000 if self.words else 0.0

    def add(self, other: Scores) -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def figures(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "ms_per_1000_words": round(self.ms_per_1000_words, 2),
            "gold_quotes": self.gold,
            "named_speakers": self.named,
        }


def gold_name(speaker: str | None) -> str | None:
    """The last word of a gold speaker that is a name: "Tom Rath, a veteran …" → Rath,
    "Mr. Nevins of Showtime" → Nevins, "a spokesman" → None."""
    head = re.split(r",| of | \(", speaker or "")[0].strip()
    words = [w for w in _WORD_RE.findall(head) if w.lower() not in _TITLES]
    if not words or words[0].lower() in _NOT_A_NAME or not words[0][0].isupper():
        return None
    last = words[-1]
    if not last[0].isupper() or last.endswith(("’s", "'s")):
        return None
    return last


def load(data: Path = DATA) -> list[dict]:
    with open(data / "gold.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def score_article(row: dict, data: Path = DATA) -> Scores:
    text = (data / row["file"]).read_text(encoding="utf-8")
    document = Document(source=row["file"], text=text, date=row.get("publication_date"))
    started = time.process_time()
    predicted = [q for q in extract_quotes(document) if q.kind in ("direct", "partial")]
    scores = Scores(words=len(text.split()), seconds=time.process_time() - started)
    gold = [
        (start, end, quote["speaker"])
        for quote in row["quotes"]
        if quote["is_direct"]
        for start, end in quote["quote_fragments"]
    ]
    scores.gold, scores.predicted = len(gold), len(predicted)
    used: set[int] = set()
    for start, end, speaker in gold:
        for index, quote in enumerate(predicted):
            overlap = min(end, quote.end) - max(start, quote.start)
            if index not in used and overlap >= (end - start) / 2:
                used.add(index)
                scores.matched_gold += 1
                name = gold_name(speaker)
                if name:
                    scores.named += 1
                    found = {w.lower() for w in _WORD_RE.findall(quote.speaker or "")}
                    scores.speaker_right += name.lower() in found
                break
    scores.matched_predicted = len(used)
    indirect = [(q["quote_start"], q["quote_end"]) for q in row["quotes"] if not q["is_direct"]]
    scores.predicted -= sum(
        1
        for index, quote in enumerate(predicted)
        if index not in used and any(s <= quote.start and quote.end <= e for s, e in indirect)
    )
    return scores


def evaluate(rows: list[dict], data: Path = DATA) -> Scores:
    total = Scores()
    for row in rows:
        total.add(score_article(row, data))
    return total


def gate_sample(rows: list[dict]) -> list[dict]:
    return rows[::GATE_STEP]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--gate", action="store_true", help="score the CI gate's sample only")
    parser.add_argument("--data", type=Path, default=DATA, help="the polnear-train folder")
    args = parser.parse_args()
    if not (args.data / "gold.jsonl").exists():
        parser.exit(2, f"no benchmark data at {args.data}\n")
    rows = load(args.data)
    if args.gate:
        print(json.dumps(evaluate(gate_sample(rows), args.data).figures(), indent=2))
        return
    halves = {
        "tune (even)": evaluate(rows[0::2], args.data),
        "held out (odd)": evaluate(rows[1::2], args.data),
    }
    everything = Scores()
    for scores in halves.values():
        everything.add(scores)
    halves["all"] = everything
    if args.json:
        print(json.dumps({name: s.figures() for name, s in halves.items()}, indent=2))
        return
    print(f"{'split':<16}{'P':>8}{'R':>8}{'F1':>8}{'speaker':>9}{'ms/1kw':>8}{'gold':>7}")
    for name, s in halves.items():
        print(
            f"{name:<16}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            f"{s.speaker_accuracy:>9.3f}{s.ms_per_1000_words:>8.2f}{s.gold:>7}"
        )


if __name__ == "__main__":
    main()
