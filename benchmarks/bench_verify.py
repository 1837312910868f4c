"""Quote verification benchmark: per-status precision/recall, macro-F1 and latency.

Cases come from real direct quotes in PolNeAR (``../shared/data/polnear-train``: 2016 US
election news with gold speakers and publication dates). Most articles are indexed through
the product's own path (``corpus.analyse`` + ``Index.add``); the rest are held out. From
each true quote with a named speaker the benchmark makes one case per status:

- VERIFIED: the quote as said, or with an editorial change only (typographic quotes, lower
  case first letter, a fragment, an elision, a bracketed insertion), by its speaker, dated
  with its article's date or undated;
- MISQUOTED: a word swapped for another, two words transposed, a word inserted or dropped,
  a number changed, a negation dropped;
- MISATTRIBUTED: the quote given to another named speaker of the same article;
- WRONG DATE: its speaker, its article's date shifted by 2 to 40 days. Dates are claimed
  only where the article names no day ("Monday", "March 3") up to the quote's paragraph:
  elsewhere its date need not be the day the words were said, and attribution rightly
  dates them by the day named;
- NOT FOUND: a quote or a sentence from a held-out article, or a held-out sentence with its
  words shuffled, given to a speaker of the indexed article.

Every case is checked against the indexed text when it is made (a "misquote" that happens to
be verbatim somewhere is dropped), so labels hold by construction.

    python benchmarks/bench_verify.py                      # product attribution
    python benchmarks/bench_verify.py --attribution gold   # verification alone
    python benchmarks/bench_verify.py --scale 100000       # latency on a 100k-document index
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.dates import find_dates
from factcheck.passages import passages_of
from factcheck.records import Document, Quote
from factcheck.store import Index
from factcheck.text import NEGATIONS, STOPWORDS, sentence_spans, words
from factcheck.verify import STATUSES, speaker_matches, verify_quote

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear-train"
HELD_OUT_EVERY = 6  # every 6th article is not indexed: the source of NOT FOUND cases
MIN_WORDS = 6  # shorter quotes are too generic to make five kinds of case from
NOT_A_NAME = re.compile(
    r"^(?:he|she|it|they|we|i|you|who|which|that|this|said|the|a|an)\b|"
    r"\b(?:news|post|times|journal|newspaper|statement|campaign|headline|report|website|"
    r"magazine|network|media|cnn|fox|nbc|abc|cbs|msnbc|reuters|ap|breitbart|politico|"
    r"poll|survey|ad|tweet|book|article|letter|memo|email)\b",
    re.IGNORECASE,
)
NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s)?[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){0,3}$")
DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last (?:night|week|month|year)|this (?:morning|week)|earlier)\b",
    re.IGNORECASE,
)
QUOTE_MARKS = "\"“”‘’'«» \n\t"
REPLACEMENTS = "people country government week money plan party law vote years".split()


@dataclass(frozen=True)
class Case:
    quote: str
    speaker: str | None
    date: str | None
    expected: str
    how: str  # the perturbation, for the error breakdown


@dataclass(frozen=True)
class GoldQuote:
    quote: str
    speaker: str
    # Whether the article's date is the day it was said: the article names no other day
    # ("said Monday", "on March 3") up to the quote, which attribution would date it by.
    dated: bool


@dataclass(frozen=True)
class Article:
    document: Document
    quotes: list[GoldQuote]
    gold: list[dict]


def load_articles(limit: int | None) -> list[Article]:
    articles = []
    with (DATA / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            text = (DATA / entry["file"]).read_text(encoding="utf-8")
            document = Document(
                source=entry["file"], text=text, title=entry["title"],
                date=entry["publication_date"],
            )  # fmt: skip
            quotes = [q for q in (gold_quote(text, g) for g in entry["quotes"]) if q]
            articles.append(Article(document, quotes, entry["quotes"]))
            if limit and len(articles) >= limit:
                break
    return articles


def gold_quote(text: str, gold: dict) -> GoldQuote | None:
    """A direct quote with a named speaker: the words of its first quoted stretch."""
    speaker = (gold.get("speaker") or "").strip()
    if not gold["is_direct"] or not NAME.match(speaker) or NOT_A_NAME.search(speaker):
        return None
    start, end = gold["quote_fragments"][0]
    quote = text[start:end].strip(QUOTE_MARKS).rstrip(",.;:").strip(QUOTE_MARKS)
    if len(words(quote)) < MIN_WORDS or any(mark in quote for mark in '“”"'):
        return None
    until = text[: text.find("\n", end) % (len(text) + 1)]
    dated = not DAY_WORDS.search(until) and not find_dates(until)
    return GoldQuote(quote, speaker, dated)


# Indexing ---------------------------------------------------------------------------------


def gold_attribution(article: Article) -> list[Quote]:
    """Quotes as the gold annotation has them (speaker as written, article date)."""
    text, found = article.document.text, []
    for gold in article.gold:
        speaker = (gold.get("speaker") or "").strip()
        if not gold["is_direct"] or not NAME.match(speaker) or NOT_A_NAME.search(speaker):
            continue
        for start, end in gold["quote_fragments"]:
            while start < end and text[start] in QUOTE_MARKS:
                start += 1
            while end > start and text[end - 1] in QUOTE_MARKS:
                end -= 1
            found.append(
                Quote(
                    quote=text[start:end], speaker=speaker, role=None, kind="direct",
                    date=article.document.date, date_text=None,
                    source=article.document.source, line=article.document.line_of(start),
                    start=start, end=end,
                )
            )  # fmt: skip
    return found


def build_index(articles: list[Article], attribution: str, path: Path | None = None) -> Index:
    index = Index(path)
    for article in articles:
        if attribution == "gold":
            passages = passages_of(article.document, gold_attribution(article))
        else:
            from factcheck.corpus import analyse

            passages = analyse(article.document)[1]
        index.add(article.document, passages)
    return index


# Cases ------------------------------------------------------------------------------------


class Corpus:
    """The indexed text as one string of words, to check labels: is this verbatim anywhere?"""

    def __init__(self, articles: list[Article]):
        self.text = " " + " ".join(" ".join(words(a.document.text)) for a in articles) + " "

    def has(self, text: str) -> bool:
        return f" {' '.join(words(text))} " in self.text

    def overlaps(self, text: str, run: int = 8) -> bool:
        """Whether ``run`` consecutive words of ``text`` are somewhere in the corpus: news
        repeats sentences across outlets, and such a sentence is not "nothing close"."""
        found = words(text)
        return any(self.has(" ".join(found[i : i + run])) for i in range(len(found) - run + 1))


def natural_date(iso: str, rng: random.Random) -> str:
    day = dt.date.fromisoformat(iso)
    return rng.choice([iso, f"{day:%B} {day.day}, {day.year}", f"{day:%b} {day.day}"])


def verified_cases(q: GoldQuote, date: str, rng: random.Random) -> Iterator[Case]:
    claimed = rng.choice([None, natural_date(date, rng)]) if q.dated else None
    yield Case(q.quote, q.speaker, claimed, "VERIFIED", "as said")
    tokens = q.quote.split()
    edits = {
        "typographic quotes": f"“{q.quote}”",
        "lower case": q.quote[0].lower() + q.quote[1:],
        "straight apostrophes": q.quote.replace("’", "'"),
    }
    if len(tokens) >= 9:
        start = rng.randrange(1, len(tokens) - 6)
        if words(tokens[start - 1])[-1:] and words(tokens[start - 1])[-1] not in NEGATIONS:
            edits["fragment"] = " ".join(tokens[start : start + 6])
        cut = rng.randrange(3, len(tokens) - 4)
        if not NEGATIONS & set(words(" ".join(tokens[cut : cut + 2]))):
            edits["elision"] = " ".join([*tokens[:cut], "…", *tokens[cut + 2 :]])
        edits["bracket"] = " ".join([*tokens[:cut], "[sic]", *tokens[cut:]])
    how = rng.choice(sorted(edits))
    yield Case(edits[how], q.speaker, None, "VERIFIED", how)


def misquoted_cases(q: GoldQuote, corpus: Corpus, rng: random.Random) -> Iterator[Case]:
    if "[" in q.quote:
        return  # words in brackets are the writer's, not the speaker's: changing them is fine
    tokens = q.quote.split()
    inner = range(1, len(tokens) - 1)  # an edit at either end could leave a verbatim fragment
    content = [i for i in inner if words(tokens[i]) and words(tokens[i])[0] not in STOPWORDS]
    edits = {}
    if content:
        i = rng.choice(content)
        edits["swap word"] = [*tokens[:i], rng.choice(REPLACEMENTS), *tokens[i + 1 :]]
        edits["drop word"] = tokens[:i] + tokens[i + 1 :]
    i = rng.choice(list(inner))
    edits["insert word"] = [*tokens[:i], rng.choice(["really", "very", "all", "now"]), *tokens[i:]]
    if tokens[i].lower() != tokens[i + 1].lower():
        edits["transpose"] = [*tokens[:i], tokens[i + 1], tokens[i], *tokens[i + 2 :]]
    numbers = [i for i in range(len(tokens)) if re.search(r"\d", tokens[i])]
    if numbers:
        i = rng.choice(numbers)
        changed = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), tokens[i], count=1)
        edits["change number"] = [*tokens[:i], changed, *tokens[i + 1 :]]
    negations = [i for i in inner if words(tokens[i]) and words(tokens[i])[0] in NEGATIONS]
    if negations:
        i = rng.choice(negations)
        edits["drop negation"] = tokens[:i] + tokens[i + 1 :]
    # Meaning-changing edits are the point: always include them when the quote has them.
    for how in [h for h in ("change number", "drop negation") if h in edits] or [
        rng.choice(sorted(edits))
    ]:
        text = " ".join(edits[how])
        if not corpus.has(text):
            yield Case(text, q.speaker, None, "MISQUOTED", how)


def shifted(iso: str, rng: random.Random) -> str:
    days = rng.choice([-1, 1]) * rng.randint(2, 40)
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def cases_of(
    article: Article, held_out: list[Article], corpus: Corpus, rng: random.Random
) -> Iterator[Case]:
    date = article.document.date
    speakers = {q.speaker for q in article.quotes}
    for q in article.quotes:
        yield from verified_cases(q, date, rng)
        yield from misquoted_cases(q, corpus, rng)
        others = sorted(
            s for s in speakers if not speaker_matches(s, q.speaker) and s.split()[-1] != "Mr."
        )
        if others:
            yield Case(q.quote, rng.choice(others), None, "MISATTRIBUTED", "other speaker")
        if q.dated:
            claimed = natural_date(shifted(date, rng), rng)
            yield Case(q.quote, q.speaker, claimed, "WRONG DATE", "shifted")
        yield from not_found_case(q.speaker, held_out, corpus, rng)


def not_found_case(
    speaker: str, held_out: list[Article], corpus: Corpus, rng: random.Random
) -> Iterator[Case]:
    source = rng.choice(held_out)
    how = rng.choice(["held-out quote", "held-out sentence", "shuffled sentence"])
    if how == "held-out quote" and source.quotes:
        text = rng.choice(source.quotes).quote
    else:
        text = source.document.text
        spans = [(s, e) for s, e in sentence_spans(text) if len(text[s:e].split()) >= 8]
        if not spans:
            return
        start, end = rng.choice(spans)
        text = text[start:end]
        if how == "shuffled sentence":
            shuffled = text.split()
            rng.shuffle(shuffled)
            text = " ".join(shuffled)
    if not corpus.has(text) and not corpus.overlaps(text):
        yield Case(text, speaker, None, "NOT FOUND", how)


# Scoring ----------------------------------------------------------------------------------


def scores(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per-status precision, recall, F1 and support from (expected, got) pairs."""
    table = {}
    for status in STATUSES:
        tp = sum(e == g == status for e, g in pairs)
        predicted = sum(g == status for _, g in pairs)
        actual = sum(e == status for e, _ in pairs)
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[status] = {"precision": p, "recall": r, "f1": f, "support": actual}
    return table


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def run(cases: list[Case], index: Index) -> tuple[list[tuple[str, str]], list[float], list]:
    pairs, times, errors = [], [], []
    for case in cases:
        started = time.process_time()  # CPU time: the machine may be shared
        result = verify_quote(case.quote, speaker=case.speaker, date=case.date, index=index)
        times.append((time.process_time() - started) * 1000)
        pairs.append((case.expected, result.status))
        if result.status != case.expected:
            errors.append((case, result))
    return pairs, times, errors


def report(pairs, times, errors, *, verbose: bool) -> dict:
    table = scores(pairs)
    macro = statistics.mean(row["f1"] for row in table.values())
    print(f"{'status':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'cases':>7}")
    for status, row in table.items():
        print(
            f"{status:<14}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}"
            f"{row['support']:>7}"
        )
    unsafe = sum(e != "VERIFIED" and g == "VERIFIED" for e, g in pairs if e == "MISQUOTED")
    print(f"macro-F1 {macro:.3f}; changed words VERIFIED: {unsafe}")
    print(f"latency (CPU) p50 {percentile(times, 50):.1f} ms, p95 {percentile(times, 95):.1f} ms")
    confusion = Counter((case.expected, case.how, result.status) for case, result in errors)
    for (expected, how, got), count in confusion.most_common(12):
        print(f"  {count:>4} {expected} ({how}) -> {got}")
    if verbose:
        for case, result in errors:
            print(json.dumps({"case": case.__dict__, "got": result.to_dict()}, ensure_ascii=False))
    return {"macro_f1": macro, "unsafe_verified": unsafe, "statuses": table}


# Scale: latency on a large index ----------------------------------------------------------


def synthetic_documents(articles: list[Article], count: int, rng: random.Random):
    """Documents of sentences drawn word by word from the articles' words: the word
    frequencies, sentence lengths and document lengths of news, so the index grows as an
    archive does, but no real sentence, and no bag of its words, is repeated."""
    pool = [word for a in articles for word in a.document.text.split()]
    spans = [sentence_spans(a.document.text) for a in articles]
    lengths = [e - s for found in spans for s, e in found]
    for number in range(count):
        sentences = [
            " ".join(rng.choices(pool, k=max(3, rng.choice(lengths) // 6)))
            for _ in range(len(rng.choice(spans)))
        ]
        yield Document(source=f"synthetic/{number:06d}.txt", text="\n\n".join(sentences))


def scaled_index(index: Index, articles: list[Article], size: int, rng: random.Random) -> None:
    documents = synthetic_documents(articles, size - index.document_count(), rng)
    while batch := [(d, passages_of(d, [])) for d in itertools.islice(documents, 1000)]:
        index.add_batch(batch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attribution", choices=["product", "gold"], default="product")
    parser.add_argument("--articles", type=int, help="use only the first N articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cases", type=int, help="run a random sample of N cases")
    parser.add_argument("--scale", type=int, help="pad the index to N documents for latency")
    parser.add_argument("--db", type=Path, help="keep the (scaled) index in this file")
    parser.add_argument("--verbose", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    if not (DATA / "gold.jsonl").exists():
        print(f"skipped: {DATA} is not there")
        return 0
    rng = random.Random(args.seed)
    articles = load_articles(args.articles)
    indexed = [a for i, a in enumerate(articles) if i % HELD_OUT_EVERY]
    held_out = [a for i, a in enumerate(articles) if not i % HELD_OUT_EVERY]
    started = time.perf_counter()
    path = args.db or (Path(tempfile.mkdtemp()) / "bench.db" if args.scale else None)
    reuse = path is not None and path.exists()
    index = Index(path) if reuse else build_index(indexed, args.attribution, path)
    if args.scale and index.document_count() < args.scale:
        scaled_index(index, articles, args.scale, rng)
    print(
        f"indexed {index.document_count()} documents ({args.attribution} attribution)"
        f" in {time.perf_counter() - started:.0f} s"
    )
    corpus = Corpus(indexed)
    cases = [case for article in indexed for case in cases_of(article, held_out, corpus, rng)]
    if args.cases and args.cases < len(cases):
        cases = rng.sample(cases, args.cases)
    print(f"{len(cases)} cases from {sum(len(a.quotes) for a in indexed)} quotes")
    summary = report(*run(cases, index), verbose=args.verbose)
    return 0 if summary["unsafe_verified"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
