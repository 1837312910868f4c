"""Index benchmark: build corpora of real article text, time indexing and lookups.

For each size, a fresh process generates that many documents from the PolNeAR articles in
``../shared/data`` (paragraphs shuffled and mixed between articles, so documents differ),
indexes them with ``factcheck index add``'s own code (``corpus.add_sources``), and reports
throughput, size on disk, peak memory, and lookup latency beside a brute-force scan that
scores every stored sentence with rapidfuzz and must find an equally good best match.

    python benchmarks/bench_index.py --sizes 1000,10000,100000

Quote lookups are 8-16 word spans of stored sentences with one word changed (a misquote);
claim lookups are a sentence's content words only ("Kremlin denied intentions impose
political terms"). Both are answered by ``Index.search`` and scored by
``store.quote_score``, which the scan applies to every sentence. Times are CPU seconds of
this process (the figures then hold on a busy machine), wall time beside them. The scan
costs seconds per query at 100k documents, so ``--scan`` full scans are timed, and
``--agree`` lookups are checked against a scan of the distinct sentences (the same best
score as scanning every copy of them).

``--no-attribution`` indexes narrative sentences only, to time the index without
attribution's cost. ``--jobs N`` indexes with N analysis processes (``index add --jobs``):
its figure is wall-clock MB/s, with the CPU of the main process and of the workers beside
it, since CPU time of this process alone no longer counts the analysis.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from factcheck.text import STOPWORDS, normalize, words

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ARTICLES = DATA / "polnear-train" / "articles"
CHUNK = 50_000  # sentences per read of the brute-force scan
FLAGS = {"--reuse": "reuse", "--no-attribution": "no_attribution"}  # passed on to children


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def generated_documents(count: int, *, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(name, text) of ``count`` documents: each an article's title, then its paragraphs
    shuffled, a third of them swapped for paragraphs of another article. Streamed."""
    articles = sorted(ARTICLES.glob("*.txt"))
    for n in range(count):
        rng = random.Random(seed * 1_000_003 + n)
        own, other = paragraphs(articles[n % len(articles)]), paragraphs(rng.choice(articles))
        title, body = own[0], own[1:]
        rng.shuffle(body)
        for i in range(0, len(body), 3):
            body[i] = rng.choice(other)
        yield f"{n:06}.txt", "\n\n".join([title, *body]) + "\n"


def write_corpus(folder: Path, count: int) -> None:
    """Write the generated documents once; they are the same every time."""
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == count:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generated_documents(count):
        (folder / name).write_text(text, encoding="utf-8")


def use_attribution(fake: bool) -> str:
    """The real attribution, or (``fake``) narrative sentences only, to measure the index
    without attribution's cost."""
    if fake:
        import factcheck.corpus
        from factcheck.passages import passages_of

        factcheck.corpus.analyse = lambda document, **_: ([], passages_of(document, []))
        return "none (--no-attribution: narrative sentences only)"
    return "real"


def build(db: Path, folder: Path, jobs: int) -> dict:
    from factcheck.corpus import add_sources
    from factcheck.store import Index

    with Index(db) as index:
        storing = stopwatch(index, "add_batch")
        workers = workers_cpu()
        summary, seconds, cpu = timed(partial(add_sources, jobs=jobs), index, [str(folder)])
        workers = workers_cpu() - workers
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        (_, unchanged_seconds, _) = timed(partial(add_sources, jobs=jobs), index, [str(folder)])
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stats = index.stats()
    return {
        "documents": stats.documents,
        "passages": stats.passages,
        "text_mb": summary.bytes / 1e6,
        "index_seconds": seconds,
        "index_cpu_seconds": cpu,
        "workers_cpu_seconds": workers,
        "jobs": jobs,
        "mb_per_s": summary.bytes / 1e6 / seconds,
        "mb_per_cpu_s": summary.bytes / 1e6 / (cpu + workers),
        "store_cpu_seconds": storing[0],
        "docs_per_cpu_s": summary.added / (cpu + workers),
        "unchanged_seconds": unchanged_seconds,
        "size_on_disk_mb": stats.size_on_disk / 1e6,
        "peak_rss_mb": peak_rss,
    }


def stopwatch(instance, method: str) -> list[float]:
    """Wrap ``instance.method`` to add its CPU seconds to the returned one-item list."""
    spent = [0.0]
    original = getattr(instance, method)

    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    setattr(instance, method, wrapper)
    return spent


def workers_cpu() -> float:
    """CPU seconds of this process's finished children: the analysis workers of
    ``--jobs``, counted once the pool has shut down."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(function, *args):
    """(result, wall seconds, CPU seconds of this process): CPU time is what one core costs,
    whatever else the machine is running."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def sample_queries(index, count: int, *, seed: int = 1) -> tuple[list[str], list[str]]:
    """Misquotes and telegraphic claims made from sentences chosen at random."""
    rng = random.Random(seed)
    top = index.db.execute("SELECT max(id) FROM passages").fetchone()[0]
    quotes: list[str] = []
    claims: list[str] = []
    while len(quotes) < count or len(claims) < count:
        row = index.db.execute("SELECT text FROM passages WHERE id = ?", (rng.randint(1, top),))
        found = row.fetchone()
        tokens = found[0].split() if found else []
        if len(tokens) < 12:
            continue
        if len(quotes) < count:
            start = rng.randrange(0, len(tokens) - 8)
            span = tokens[start : start + rng.randint(8, 16)]
            span[rng.randrange(len(span))] = rng.choice(["really", "never", "always", "quite"])
            quotes.append(" ".join(span))
        else:
            content = [w for w in words(found[0]) if w not in STOPWORDS]
            if len(content) >= 5:
                claims.append(" ".join(content[:8]))
    return quotes, claims


def sentence_chunks(db: Path, *, distinct: bool = False) -> Iterator[list[str]]:
    """Every stored sentence, normalised, in chunks; ``distinct`` scores each text once (the
    best score over distinct texts is the best over all of them, at a fraction of the cost:
    generated documents repeat their articles' sentences)."""
    import sqlite3

    connection = sqlite3.connect(db)
    cursor = connection.execute("SELECT text FROM passages")
    if distinct:
        texts = sorted({t for (t,) in cursor})
        for start in range(0, len(texts), CHUNK):
            yield [normalize(t) for t in texts[start : start + CHUNK]]
    else:
        while rows := cursor.fetchmany(CHUNK):
            yield [normalize(t) for (t,) in rows]
    connection.close()


def scan(chunks: Iterator[list[str]], queries: list[str]) -> tuple[list[float], list[float]]:
    """Brute force: every sentence scored against every query with the scorer
    ``store.quote_score`` uses (rapidfuzz partial_ratio; ratio for sentences shorter than the
    query). Returns each query's best score and its CPU seconds (its share of reading and
    normalising the sentences counted in full, as a scan on its own would pay it)."""
    from rapidfuzz import fuzz, process

    best = [0.0] * len(queries)
    seconds = [0.0] * len(queries)
    normalized = [normalize(q) for q in queries]
    while True:
        start = time.process_time()
        texts = next(chunks, None)
        shared = time.process_time() - start
        if texts is None:
            break
        for i, query in enumerate(normalized):
            start = time.process_time()
            longer = [t for t in texts if len(t) >= len(query)]
            shorter = [t for t in texts if len(t) < len(query)]
            for scorer, choices in ((fuzz.partial_ratio, longer), (fuzz.ratio, shorter)):
                hit = process.extractOne(query, choices, scorer=scorer, score_cutoff=best[i])
                if hit:
                    best[i] = max(best[i], hit[1])
            seconds[i] += shared + time.process_time() - start
    return best, seconds


def lookups(db: Path, queries: list[str]) -> dict:
    """Each query's best score by ``Index.search``, and its wall and CPU seconds."""
    from factcheck.store import Index

    with Index(db, create=False) as index:
        index.search(queries[0])  # warm the page cache once, as a long-running process would
        best, times, cpu_times = [], [], []
        for query in queries:
            found, seconds, cpu = timed(index.search, query)
            best.append(found[0][1] if found else 0.0)
            times.append(seconds)
            cpu_times.append(cpu)
    return {"best": best, "times": times, "cpu_times": cpu_times}


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def run_size(args: argparse.Namespace, size: int) -> dict:
    attribution = use_attribution(args.no_attribution)
    folder = args.workdir / f"corpus-{size}"
    db = args.workdir / f"index-{size}{'-sentences' if args.no_attribution else ''}.db"
    write_corpus(folder, size)
    if args.reuse and db.exists():
        result = {"reused": True}
    else:
        db.unlink(missing_ok=True)
        result = build(db, folder, args.jobs)
    from factcheck.store import Index

    with Index(db, create=False) as index:
        quote_queries, claim_queries = sample_queries(index, args.queries)
    timed_scan = quote_queries[: args.scan] + claim_queries[: args.scan]
    _, scan_seconds = scan(sentence_chunks(db), timed_scan)
    checked = quote_queries[: args.agree] + claim_queries[: args.agree]
    scan_best, _ = scan(sentence_chunks(db, distinct=True), checked)
    result["attribution"] = attribution
    for n, (kind, queries) in enumerate((("quote", quote_queries), ("claim", claim_queries))):
        measured = lookups(db, queries)
        expected = scan_best[n * args.agree : (n + 1) * args.agree]
        brute = scan_seconds[n * args.scan : (n + 1) * args.scan]
        agree = sum(abs(a - b) < 1e-6 for a, b in zip(measured["best"], expected, strict=False))
        result[kind] = {
            "lookups": len(queries),
            "p50_ms": 1000 * percentile(measured["times"], 0.5),
            "p95_ms": 1000 * percentile(measured["times"], 0.95),
            "cpu_p50_ms": 1000 * percentile(measured["cpu_times"], 0.5),
            "cpu_p95_ms": 1000 * percentile(measured["cpu_times"], 0.95),
            "scan_ms": 1000 * statistics.median(brute),
            "scans": len(brute),
            "agree": f"{agree}/{len(expected)}",
        }
        result[kind]["speedup"] = result[kind]["scan_ms"] / result[kind]["cpu_p50_ms"]
    return result


def report(size: int, r: dict) -> str:
    lines = [f"## {size:,} documents (attribution: {r['attribution']})"]
    if not r.get("reused"):
        jobs = r["jobs"]
        lines.append(
            f"indexing with {jobs} job{'s' if jobs > 1 else ''}: {r['text_mb']:.0f} MB,"
            f" {r['passages']:,} passages in {r['index_seconds']:.1f} s wall ="
            f" {r['mb_per_s']:.2f} MB/s wall, {r['mb_per_s'] / jobs:.2f} MB/s per core;"
            f" CPU {r['index_cpu_seconds']:.1f} s main process"
            f" + {r['workers_cpu_seconds']:.1f} s workers = {r['mb_per_cpu_s']:.2f} MB and"
            f" {r['docs_per_cpu_s']:.0f} docs per CPU s"
            f" (storing alone: {r['store_cpu_seconds']:.1f} CPU s ="
            f" {r['text_mb'] / r['store_cpu_seconds']:.1f} MB/s);"
            f" re-adding it unchanged {r['unchanged_seconds']:.1f} s;"
            f" {r['size_on_disk_mb']:.0f} MB on disk;"
            f" peak memory {r['peak_rss_mb']:.0f} MB (main process)"
        )
    for kind in ("quote", "claim"):
        q = r[kind]
        lines.append(
            f"{kind} lookup ({q['lookups']}): p50 {q['cpu_p50_ms']:.1f} ms,"
            f" p95 {q['cpu_p95_ms']:.1f} ms CPU"
            f" (wall {q['p50_ms']:.1f} / {q['p95_ms']:.1f} ms);"
            f" full scan {q['scan_ms']:.0f} ms CPU (median of {q['scans']});"
            f" {q['speedup']:.0f}x faster; same best score as a scan {q['agree']}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated")
    parser.add_argument("--queries", type=int, default=100, help="lookups of each kind")
    parser.add_argument("--scan", type=int, default=3, help="full scans timed, of each kind")
    parser.add_argument(
        "--agree", type=int, default=20, help="lookups of each kind checked against a scan"
    )
    parser.add_argument("--workdir", type=Path, help="keep corpora and indexes here")
    parser.add_argument("--reuse", action="store_true", help="reuse the workdir's indexes")
    parser.add_argument(
        "--no-attribution", action="store_true", help="index sentences only, to time the index"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="analysis processes, as 'index add --jobs'"
    )
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one size, in a child
    args = parser.parse_args()
    if not ARTICLES.is_dir():
        print(f"skipped: {ARTICLES} is not there")
        return
    if args.size:
        print(json.dumps(run_size(args, args.size)))
        return
    with tempfile.TemporaryDirectory() as temporary:
        workdir = args.workdir or Path(temporary)
        for size in map(int, args.sizes.split(",")):
            # A fresh process per size, so peak memory is that size's own.
            child = [sys.executable, __file__, "--size", str(size), "--workdir", str(workdir)]
            child += ["--queries", str(args.queries), "--scan", str(args.scan)]
            child += ["--agree", str(args.agree), "--jobs", str(args.jobs)]
            child += [flag for flag, on in FLAGS.items() if getattr(args, on)]
            output = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            print(report(size, json.loads(output)), flush=True)


if __name__ == "__main__":
    main()
