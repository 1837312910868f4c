"""Score the sources stage on real pages, side by side with trafilatura and htmldate.

    python benchmarks/bench_sources.py            # print the table
    python benchmarks/bench_sources.py --check    # exit 1 if below sources_baseline.json

Article text: bag-of-words precision, recall and F1 against ``gold_text`` on
``shared/data/html-text``, averaged per page. Dates: exact-day accuracy on
``shared/data/html-dates``; a page whose gold date is null must give no date.
trafilatura and htmldate run with their defaults on the same bytes and URLs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.encoding import decode_html
from factcheck.errors import SourceError
from factcheck.sources import html_document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BASELINE = Path(__file__).with_name("sources_baseline.json")
WORD_RE = re.compile(r"\w+")

Page = tuple[str, str | None]  # decoded HTML, URL


@dataclass(frozen=True)
class TextScore:
    precision: float
    recall: float
    f1: float


def load(folder: str) -> list[tuple[dict, Page]]:
    """Gold rows of a data set with their pages, or [] when the data is not there."""
    gold = DATA / folder / "gold.jsonl"
    if not gold.exists():
        return []
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    return [
        (row, (decode_html((gold.parent / row["file"]).read_bytes()), row["url"])) for row in rows
    ]


def bag(text: str | None) -> Counter[str]:
    return Counter(WORD_RE.findall((text or "").lower()))


def text_score(predicted: str | None, gold: str) -> TextScore:
    got, want = bag(predicted), bag(gold)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TextScore(precision, recall, f1)


def score_text(extract: Callable[[Page], str | None], pages: list[tuple[dict, Page]]) -> TextScore:
    scores = [text_score(extract(page), row["gold_text"]) for row, page in pages]
    return TextScore(
        *(
            sum(getattr(s, name) for s in scores) / len(scores)
            for name in ("precision", "recall", "f1")
        )
    )


def score_dates(find: Callable[[Page], str | None], pages: list[tuple[dict, Page]]) -> float:
    return sum(find(page) == row["gold_date"] for row, page in pages) / len(pages)


# --- the contenders -------------------------------------------------------------------------


def ours(page: Page):
    html, url = page
    try:
        return html_document(html, source=url or "page", url=url)
    except SourceError:
        return None


def ours_text(page: Page) -> str | None:
    document = ours(page)
    return document.text if document else None


def ours_date(page: Page) -> str | None:
    document = ours(page)
    return document.date if document else None


def trafilatura_text(page: Page) -> str | None:
    import trafilatura

    return trafilatura.extract(page[0], url=page[1])


def htmldate_date(page: Page, **options: bool) -> str | None:
    import htmldate

    try:
        return htmldate.find_date(page[0], url=page[1], **options)
    except ValueError:
        return None


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("trafilatura", "htmldate")}


def measure() -> dict[str, float]:
    text_pages, date_pages = load("html-text"), load("html-dates")
    v = versions()
    rows = [
        ("article text", f"html-text, {len(text_pages)} pages", "precision / recall / F1"),
    ]
    results = {}
    for name, extract in (
        ("factcheck", ours_text),
        (f"trafilatura {v['trafilatura']}", trafilatura_text),
    ):
        score = score_text(extract, text_pages)
        rows.append((name, "", f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}"))
        results.setdefault("text_f1", score.f1)
    rows.append(("publication date", f"html-dates, {len(date_pages)} pages", "exact-day accuracy"))
    for name, find in (
        ("factcheck", ours_date),
        (f"htmldate {v['htmldate']}", htmldate_date),
        (f"htmldate {v['htmldate']} original_date", lambda p: htmldate_date(p, original_date=True)),
    ):
        accuracy = score_dates(find, date_pages)
        rows.append((name, "", f"{accuracy:.3f}"))
        results.setdefault("date_accuracy", accuracy)
    for row in rows:
        print(f"{row[0]:<36}{row[1]:<26}{row[2]}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail below the pinned baseline")
    parser.add_argument("--update-baseline", action="store_true", help="pin today's figures")
    options = parser.parse_args()
    if not all((DATA / name / "gold.jsonl").exists() for name in ("html-text", "html-dates")):
        parser.exit(2, f"no benchmark data under {DATA}\n")
    results = measure()
    if options.update_baseline:
        BASELINE.write_text(
            json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2) + "\n"
        )
    if options.check:
        floors = json.loads(BASELINE.read_text())
        low = {k: v for k, v in results.items() if v < floors[k] - 0.005}
        for name, value in low.items():
            print(f"below baseline: {name} {value:.3f} < {floors[name]:.3f}", file=sys.stderr)
        return 1 if low else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
