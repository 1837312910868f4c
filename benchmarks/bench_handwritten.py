"""Claims and quote checks on hand-written news articles, judged as a fact-checker would.

The sets under ``benchmarks/handwritten/`` were written for this project by people who did
not tune the rules: invented but realistic articles in several house styles (wire stories
with datelines, US politics, UK local news with single quotes, courts, business, health),
each with claims or quote checks and the answer a careful fact-checker gives from that
article alone. Each claim or quote is checked against its own article.

- ``claims-tuning``: 148 claims on 6 articles. Rules were changed to fix its failures, so its
  figure is a tuning figure.
- ``claims-second`` (160 claims, 8 articles) and ``claims-heldout`` (120 claims, 6
  articles): written without seeing the tool's code or output, measured, then used to fix
  rules.
- ``claims-fresh``: 120 claims on 6 further articles, measured, then two general fixes.
- ``claims-final``: 120 claims on 6 more articles, written last and never used to change a
  rule: the figure for news the rules were not tuned on.
- ``quotes``: 119 quote checks on 6 articles (speaker, date, exact words); also used to fix
  rules.

    python benchmarks/bench_handwritten.py            # every set
    python benchmarks/bench_handwritten.py --errors   # and each wrong answer
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from factcheck.corpus import build_corpus
from factcheck.store import Index
from factcheck.verdict import check_claim_in
from factcheck.verify import verify_quote

HERE = Path(__file__).resolve().parent / "handwritten"
CLAIM_LABELS = ("SUPPORTED", "REFUTED", "CONFLICTING", "NOT ENOUGH EVIDENCE")
QUOTE_LABELS = ("VERIFIED", "MISQUOTED", "MISATTRIBUTED", "WRONG DATE", "NOT FOUND")


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as table:
        yield from csv.DictReader(table, delimiter="\t")


def article_path(folder: Path, name: str) -> Path:
    """An article named as ``articles/x.txt``, ``x.txt`` or ``x``."""
    path = folder / name
    if not path.exists():
        path = folder / "articles" / Path(name).name
    return path if path.exists() else path.with_suffix(".txt")


def judged(
    folder: Path, table: str, answer: Callable[[Index, dict[str, str]], str]
) -> list[tuple[dict[str, str], str]]:
    """(row, the tool's answer) for every row of ``table``, each against its own article."""
    indexes: dict[Path, Index] = {}
    results = []
    for row in rows(folder / table):
        path = article_path(folder, row["article"])
        if path not in indexes:
            indexes[path] = build_corpus([str(path)])
        results.append((row, answer(indexes[path], row)))
    return results


def claim_verdict(index: Index, row: dict[str, str]) -> str:
    return check_claim_in(index, row["claim"]).verdict


def quote_status(index: Index, row: dict[str, str]) -> str:
    return verify_quote(
        row["quote"], speaker=row["speaker"] or None, date=row["date"] or None, index=index
    ).status


def report(name: str, results: list[tuple[dict[str, str], str]], labels, errors: bool) -> None:
    confusion = Counter((row["expected"], got) for row, got in results)
    right = sum(n for (expected, got), n in confusion.items() if expected == got)
    print(f"\n## {name}: {right} of {len(results)} right ({right / len(results):.3f})\n")
    used = [label for label in labels if any(label in pair for pair in confusion)]
    print("| expected \\ answer | " + " | ".join(used) + " |")
    print("|---|" + "---|" * len(used))
    for expected in used:
        cells = [str(confusion[(expected, got)]) for got in used]
        print(f"| {expected} | " + " | ".join(cells) + " |")
    print(f"\nwrong answers other than {labels[-1]}: {harmful(results, labels)}")
    if errors:
        for row, got in results:
            if row["expected"] != got:
                asked = row.get("claim") or f"{row['quote']} ({row['speaker']}, {row['date']})"
                print(f"- [{row['expected']} -> {got}] {row['article']}: {asked}")


SETS = {
    "claims-tuning": ("claims.tsv", claim_verdict, CLAIM_LABELS),
    "claims-second": ("claims.tsv", claim_verdict, CLAIM_LABELS),
    "claims-heldout": ("claims.tsv", claim_verdict, CLAIM_LABELS),
    "claims-fresh": ("claims.tsv", claim_verdict, CLAIM_LABELS),
    "claims-final": ("claims.tsv", claim_verdict, CLAIM_LABELS),
    "quotes": ("quotes.tsv", quote_status, QUOTE_LABELS),
}


def all_results() -> dict[str, list[tuple[dict[str, str], str]]]:
    return {name: judged(HERE / name, table, answer) for name, (table, answer, _) in SETS.items()}


def scores(results: dict[str, list[tuple[dict[str, str], str]]]) -> dict[str, dict[str, float]]:
    """Per set: the share answered right, and how many answers were wrong in a harmful way
    (a verdict or status other than the "no evidence" one, where another was due)."""
    found = {}
    for name, judged_rows in results.items():
        labels = SETS[name][2]
        right = sum(row["expected"] == got for row, got in judged_rows)
        found[name] = {
            "accuracy": round(right / len(judged_rows), 3),
            "harmful": harmful(judged_rows, labels),
        }
    return found


def harmful(results: list[tuple[dict[str, str], str]], labels: tuple[str, ...]) -> int:
    """Wrong answers other than the last label (NOT ENOUGH EVIDENCE, NOT FOUND): a verdict
    or status given where another was due."""
    return sum(row["expected"] != got and got != labels[-1] for row, got in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    for name, results in all_results().items():
        report(name, results, SETS[name][2], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
