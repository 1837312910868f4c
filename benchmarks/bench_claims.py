"""Claim benchmark: verdicts on claims derived automatically from real news, and speed.

Claims come from PolNeAR (``../shared/data/polnear-train``): direct quotes by named speakers,
one sentence each, with an auxiliary verb so they can be negated. Nobody here wrote them or
picked them by hand; the rules were not tuned on them.

* SUPPORTED: the quoted sentence as a claim, lightly paraphrased (``I`` becomes the
  speaker's surname, filler adverbs dropped); its article is indexed.
* REFUTED: another such sentence, negated ("will" -> "will not").
* CONFLICTING: a sentence as in SUPPORTED, plus a short synthetic report in which another
  speaker from the data says its negation; both are indexed.
* NOT ENOUGH EVIDENCE: half are sentences from held-out articles (not indexed, and sharing
  no six-word run with indexed text); half are first-person statements said of another
  speaker ("I will win Ohio" by Kasich becomes "Rubio will win Ohio": same words, different
  subject).

Sentences need at least five content words: "We will win" says too little to check.

Reports accuracy, per-verdict precision/recall/F1 and macro-F1 beside the majority-class
baseline, and how often a SUPPORTED/REFUTED verdict cites the claim's own article first.
``--speed-docs N`` then times claims against an index of N documents (the analysed articles
copied under new names until there are N, so the index has the real vocabulary's
distribution at that size): p50/p95 latency of ``check_claim_in`` in-process, and the
share of it spent in the index lookup (BM25 over FTS5).

    python benchmarks/bench_claims.py --speed-docs 100000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.corpus import analyse
from factcheck.match import parse_claim, retrieval_query
from factcheck.records import Document
from factcheck.sources import read_source
from factcheck.store import Index
from factcheck.text import NEGATIONS, content_words, sentence_spans, words
from factcheck.verdict import CANDIDATES, VERDICTS, check_claim, check_claim_in

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear-train"
AUXILIARY_RE = re.compile(
    r"\b(will|would|can|could|should|must|is|are|was|were|has|have|had|does|do|did)\b"
)
# An auxiliary followed by a word it can be negated before ("is not only" is no negation,
# "do it" is no auxiliary).
NEGATABLE_RE = re.compile(
    AUXILIARY_RE.pattern + r"(?=\s+(?!(?:it|this|that|so|there|only|just|not|never|n't)\b)[a-z])"
)
# "Marco Rubio": a first and a last name, not an outlet or an institution.
PERSON_RE = re.compile(
    r"^(?!The\b)[A-Z][a-z]+ (?!(?:News|Research|Post|Times|Journal|Press|Institute|Center|"
    r"University|Poll|Report|Party|Campaign|Committee)$)[A-Z][a-z]+$"
)
QUOTE_MARKS_RE = re.compile(r"[\"“”]|''|\n")
NAME_RE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z.'’]+)*$")
NOT_SPEAKERS = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "The"}
FILLERS_RE = re.compile(r"\b(?:really|very|just|actually|certainly|absolutely|frankly)\s+")
FIRST_PERSON = [(r"^I am\b", "{} is"), (r"^I'm\b", "{} is"), (r"^I've\b", "{} has"),
                (r"^I have\b", "{} has"),
                (r"^I (think|believe|hope|want|know|guarantee|feel|like|love)\b", r"{} \1s"),
                (r"^I\b", "{}")]  # fmt: skip
MIN_WORDS, MAX_WORDS = 7, 25
MIN_CONTENT_WORDS = 5  # fewer, and a claim says too little to check ("We will win")


@dataclass(frozen=True)
class Statement:
    article: str  # file name of the article
    speaker: str
    sentence: str


@dataclass(frozen=True)
class Case:
    claim: str
    gold: str
    article: str | None  # the article the claim comes from, when it is indexed


def statements(gold: list[dict]) -> list[Statement]:
    """Quoted sentences by named speakers that make usable claims."""
    found = []
    for article in gold:
        for quote in article["quotes"]:
            speaker = (quote["speaker"] or "").strip()
            if not quote["is_direct"] or not NAME_RE.match(speaker) or speaker in NOT_SPEAKERS:
                continue
            text = quote["quote"].strip(" \"'“”‘’")
            for start, end in sentence_spans(text):
                sentence = text[start:end].strip(" \"'“”‘’,.;:")
                tokens = words(sentence)
                if (
                    MIN_WORDS <= len(tokens) <= MAX_WORDS
                    and len(content_words(sentence)) >= MIN_CONTENT_WORDS
                    and AUXILIARY_RE.search(sentence)
                    and not set(tokens) & NEGATIONS
                    and not sentence.endswith("?")
                    and not QUOTE_MARKS_RE.search(sentence)  # two quotes run together
                    and negate(sentence) != sentence
                ):
                    found.append(Statement(Path(article["file"]).name, speaker, sentence))
    return found


def as_claim(statement: Statement) -> str:
    """The sentence as a third-person claim: "I will win" -> "Trump will win"."""
    claim = FILLERS_RE.sub("", statement.sentence)
    surname = statement.speaker.split()[-1]
    for pattern, replacement in FIRST_PERSON:
        claim, count = re.subn(pattern, replacement.format(surname), claim)
        if count:
            break
    return claim[0].upper() + claim[1:]


def negate(claim: str) -> str:
    """Insert "not" after the first auxiliary that a verb, adjective or noun phrase follows:
    "will win" -> "will not win"; unchanged when there is none."""
    found = NEGATABLE_RE.search(claim)
    return f"{claim[: found.end(1)]} not{claim[found.end(1) :]}" if found else claim


def shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def build_cases(per_class: int, seed: int) -> tuple[list[Case], list[Path], list[Document]]:
    """The benchmark claims, the articles to index, and the synthetic conflicting reports."""
    gold = [json.loads(line) for line in (DATA / "gold.jsonl").open(encoding="utf-8")]
    rng = random.Random(seed)
    files = sorted(Path(a["file"]).name for a in gold)
    rng.shuffle(files)
    held_out = set(files[: len(files) // 5])
    pool = statements(gold)
    rng.shuffle(pool)
    seen = [s for s in pool if s.article not in held_out]
    unseen = [s for s in pool if s.article in held_out]
    indexed = sorted(DATA / "articles" / f for f in files if f not in held_out)
    seen_shingles = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in indexed))
    speakers = sorted({s.speaker.split()[-1] for s in pool if PERSON_RE.match(s.speaker)})

    cases: list[Case] = []
    used_articles: Counter[str] = Counter()

    def take(statements_: list[Statement], count: int) -> list[Statement]:
        """Up to ``count`` statements, at most three per article, each used once."""
        chosen = []
        while statements_ and len(chosen) < count:
            statement = statements_.pop()
            if used_articles[statement.article] < 3:
                used_articles[statement.article] += 1
                chosen.append(statement)
        return chosen

    supported = take(seen, per_class)
    for s in supported:
        cases.append(Case(as_claim(s), "SUPPORTED", s.article))
    for s in take(seen, per_class):
        cases.append(Case(negate(as_claim(s)), "REFUTED", s.article))
    reports = []
    for n, s in enumerate(take(seen, per_class)):
        claim = as_claim(s)
        other = rng.choice([name for name in speakers if name not in s.speaker])
        text = f'{other} disputed that on Monday.\n\n"{negate(claim)}," {other} said.\n'
        reports.append(Document(source=f"conflict/{n:04}.txt", text=text))
        cases.append(Case(claim, "CONFLICTING", s.article))
    fresh = [s for s in unseen if not shingles(as_claim(s)) & seen_shingles]
    for s in fresh[: per_class // 2]:
        cases.append(Case(as_claim(s), "NOT ENOUGH EVIDENCE", None))
    swapped = []
    for s in supported:  # what the speaker said of themself, said of someone else
        surname, other = s.speaker.split()[-1], rng.choice(speakers)
        claim = as_claim(s)
        if claim.startswith(surname + " ") and other not in claim and other not in s.speaker:
            swapped.append(Case(other + claim[len(surname) :], "NOT ENOUGH EVIDENCE", None))
    swapped = swapped[: per_class - per_class // 2]
    return cases + swapped, indexed, reports


def build_index(articles: list[Path], reports: list[Document], path: str | None = None) -> Index:
    index = Index(path)
    for article in articles:
        for document in read_source(str(article)):
            index.add(document, analyse(document)[1])
    for document in reports:
        index.add(document, analyse(document)[1])
    return index


def scores(gold: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per verdict."""
    table = {}
    for verdict in VERDICTS:
        tp = sum(g == p == verdict for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == verdict != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == verdict != p for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[verdict] = {"precision": precision, "recall": recall, "f1": f1, "n": tp + fn}
    return table


def summary(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """(accuracy, macro-F1)."""
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return accuracy, statistics.mean(s["f1"] for s in scores(gold, predicted).values())


def quality(per_class: int, seed: int, show_errors: int) -> dict:
    cases, articles, reports = build_cases(per_class, seed)
    started = time.perf_counter()
    index = build_index(articles, reports)
    print(f"indexed {len(articles)} articles + {len(reports)} synthetic reports"
          f" in {time.perf_counter() - started:.0f}s", file=sys.stderr)  # fmt: skip
    results = [check_claim_in(index, case.claim) for case in cases]
    gold = [c.gold for c in cases]
    predicted = [r.verdict for r in results]
    majority = Counter(gold).most_common(1)[0][0]
    accuracy, macro_f1 = summary(gold, predicted)
    base_accuracy, base_f1 = summary(gold, [majority] * len(gold))
    decided = [
        (c, r)
        for c, r in zip(cases, results, strict=True)
        if r.verdict in ("SUPPORTED", "REFUTED") and r.verdict == c.gold
    ]
    own = sum(Path(r.evidence[0].passage.source).name == c.article for c, r in decided)
    errors = [(c, r) for c, r in zip(cases, results, strict=True) if c.gold != r.verdict]
    for case, result in errors[:show_errors]:
        print(f"[{case.gold} -> {result.verdict}] {case.claim}\n    {result.rationale}",
              file=sys.stderr)  # fmt: skip
    return {
        "claims": len(cases),
        "accuracy": accuracy,
        "macro_f1": macro_f1,
        "majority_class": majority,
        "majority_accuracy": base_accuracy,
        "majority_macro_f1": base_f1,
        "per_verdict": scores(gold, predicted),
        "confusion": {
            g: dict(Counter(p for gg, p in zip(gold, predicted, strict=True) if gg == g))
            for g in VERDICTS
        },
        "correct_supported_refuted_citing_own_article": own / len(decided) if decided else None,
    }


def speed(docs: int, claims: list[str], *, db: str | None) -> dict:
    """Latency of ``check_claim_in`` against an index of ``docs`` documents."""
    path = db or str(Path(tempfile.mkdtemp()) / "claims-speed.db")
    index = Index(path)
    if index.document_count() < docs:
        analysed = []
        for article in sorted((DATA / "articles").glob("*.txt")):
            for document in read_source(str(article)):
                analysed.append((document, analyse(document)[1]))
        copy = index.document_count() // len(analysed)
        while index.document_count() < docs:
            batch = []
            for document, passages in analysed[: docs - index.document_count()]:
                source = f"copy{copy:04}/{document.source}"
                batch.append(
                    (
                        replace(document, source=source),
                        [replace(p, source=source) for p in passages],
                    )
                )
            index.add_batch(batch)
            copy += 1
    check_claim_in(index, claims[0])  # warm up the page cache
    totals, lookups = [], []
    for claim in claims:
        started = time.perf_counter()
        candidates = index.candidates(retrieval_query(parse_claim(claim)), limit=CANDIDATES)
        looked_up = time.perf_counter()
        check_claim(claim, candidates)
        lookups.append((looked_up - started) * 1000)
        totals.append((time.perf_counter() - started) * 1000)
    totals.sort()
    return {
        "documents": index.document_count(),
        "claims": len(claims),
        "p50_ms": statistics.median(totals),
        "p95_ms": totals[int(0.95 * (len(totals) - 1))],
        "p50_lookup_ms": statistics.median(lookups),
        "index": path,
    }


def print_report(report: dict) -> None:
    q = report["quality"]
    print(f"claims: {q['claims']}  accuracy: {q['accuracy']:.3f}  macro-F1: {q['macro_f1']:.3f}")
    print(f"majority class ({q['majority_class']}): accuracy {q['majority_accuracy']:.3f},"
          f" macro-F1 {q['majority_macro_f1']:.3f}")  # fmt: skip
    print("\n| verdict | n | precision | recall | F1 |\n|---|---|---|---|---|")
    for verdict, s in q["per_verdict"].items():
        print(
            f"| {verdict} | {s['n']} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} |"
        )
    print("\nconfusion (gold -> predicted):")
    for gold, row in q["confusion"].items():
        print(f"  {gold}: {row}")
    own = q["correct_supported_refuted_citing_own_article"]
    if own is not None:
        print(f"correct SUPPORTED/REFUTED verdicts citing the claim's own article first: {own:.0%}")
    if "speed" in report:
        s = report["speed"]
        print(f"\nspeed: {s['claims']} claims against {s['documents']} documents:"
              f" p50 {s['p50_ms']:.1f} ms (index lookup {s['p50_lookup_ms']:.1f} ms),"
              f" p95 {s['p95_ms']:.1f} ms")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-class", type=int, default=70, help="claims per verdict")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--speed-docs", type=int, default=0, help="index size for timing")
    parser.add_argument("--speed-db", help="reuse (or build) the timing index at this path")
    parser.add_argument("--errors", type=int, default=0, help="print this many mistakes")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is not present", file=sys.stderr)
        return 0
    report = {"quality": quality(args.per_class, args.seed, args.errors)}
    if args.speed_docs:
        cases, _, _ = build_cases(args.per_class, args.seed)
        claims = [c.claim for c in cases][:200]
        report["speed"] = speed(args.speed_docs, claims, db=args.speed_db)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
