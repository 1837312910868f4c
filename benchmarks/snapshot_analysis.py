"""Snapshot of what analysis produces, to prove an optimisation changes nothing.

Runs ``corpus.analyse`` (quotes and passages) and ``passages_of(document, [])`` (the
narrative-only path) over every readable file under the given paths, with and without a
reference date, and writes one JSON line per document. Compare two snapshots with ``cmp``
or ``--compare``::

    python benchmarks/snapshot_analysis.py ../shared/data/polnear-train/articles seeds \
        fixtures --out /tmp/before.jsonl
    # ... change the code ...
    python benchmarks/snapshot_analysis.py ... --out /tmp/after.jsonl --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict

from factcheck.corpus import analyse, source_items
from factcheck.errors import SourceError
from factcheck.passages import passages_of
from factcheck.sources import read_source


def snapshot(document) -> dict:
    quotes, passages = analyse(document)
    dated, _ = analyse(document, reference_date="2016-03-15")
    return {
        "source": document.source,
        "quotes": [asdict(q) for q in quotes],
        "passages": [asdict(p) for p in passages],
        "quotes_ref": [asdict(q) for q in dated],
        "narrative": [asdict(p) for p in passages_of(document, [])],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--compare", help="an earlier snapshot: report documents that differ")
    args = parser.parse_args()
    lines, seconds = [], 0.0
    for item, _ in source_items(args.paths):
        try:
            documents = list(read_source(item))
        except SourceError:
            continue
        for document in documents:
            start = time.process_time()
            record = snapshot(document)
            seconds += time.process_time() - start
            lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} documents, {seconds:.1f} CPU s", file=sys.stderr)
    if not args.compare:
        return 0
    with open(args.compare, encoding="utf-8") as before:
        old = [line.rstrip("\n") for line in before if line.strip()]
    differ = [json.loads(b)["source"] for a, b in zip(old, lines, strict=False) if a != b]
    if len(old) != len(lines):
        print(f"document count differs: {len(old)} before, {len(lines)} now")
    for source in differ:
        print(f"differs: {source}")
    print(f"{len(differ)} of {len(lines)} documents differ")
    return 1 if differ or len(old) != len(lines) else 0


if __name__ == "__main__":
    sys.exit(main())
