"""What analysing news text costs per MB, stage by stage, beside the indexing budget.

Issue #6 asks for indexing at 2 MB/s on one core: 0.5 CPU s per MB for everything
``index add`` does. This times, on the PolNeAR articles, the whole of ``corpus.analyse``
(attribution and passages) and the cheapest steps any attribution must take: splitting
sentences, pairing quote marks, one regular-expression scan for capitalised runs (the
candidate names, in C, with no Python per match), reading those runs as people, finding
dates, and building the narrative passages. Their sum is a floor for analysis done in
Python with this design; storing comes on top (``bench_index.py`` reports it).

    python benchmarks/bench_analysis_floor.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.corpus import analyse
from factcheck.dates import find_dates, find_relative_dates
from factcheck.names import NAME_RUN_RE, find_mentions
from factcheck.passages import passages_of
from factcheck.quotemarks import find_quote_spans, paragraph_spans
from factcheck.records import Document
from factcheck.sources import read_source
from factcheck.text import sentence_spans

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear-train"
BUDGET = 0.5  # CPU s per MB at 2 MB/s


def seconds_per_mb(documents: list[Document], step: Callable[[Document], object]) -> float:
    """CPU seconds per MB of text for ``step`` over every document, best of three runs."""
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    runs = []
    for _ in range(3):
        start = time.process_time()
        for document in documents:
            step(document)
        runs.append(time.process_time() - start)
    return min(runs) / size


STEPS: dict[str, Callable[[Document], object]] = {
    "split sentences": lambda d: sentence_spans(d.text),
    "pair quote marks": lambda d: find_quote_spans(d.text, paragraph_spans(d.text)),
    "scan capitalised runs (C only)": lambda d: sum(1 for _ in NAME_RUN_RE.finditer(d.text)),
    "read runs as people": lambda d: find_mentions(d.text),
    "find dates": lambda d: (find_dates(d.text), find_relative_dates(d.text)),
    "narrative passages": lambda d: passages_of(d, []),
}


def main() -> int:
    paths = sorted((ARTICLES / "articles").glob("*.txt"))
    if not paths:
        print(f"no articles under {ARTICLES}: nothing to measure", file=sys.stderr)
        return 0
    documents = [document for path in paths for document in read_source(str(path))]
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    print(f"{len(documents)} PolNeAR articles, {megabytes:.2f} MB; budget {BUDGET} CPU s/MB\n")
    print("| step | CPU s per MB |\n|---|---|")
    floor = 0.0
    for name, step in STEPS.items():
        cost = seconds_per_mb(documents, step)
        floor += cost if "C only" not in name else 0.0  # reading the runs includes the scan
        print(f"| {name} | {cost:.3f} |")
    print(f"| **sum of the steps (floor)** | **{floor:.3f}** |")
    print(f"| whole analysis (`corpus.analyse`) | {seconds_per_mb(documents, analyse):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
