"""Quality gate: extraction and dating on the shared real pages stay at the pinned figures."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(
    not (DATA / "html-text" / "gold.jsonl").exists(), reason="shared benchmark data absent"
)


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_sources", BENCHMARKS / "bench_sources.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def floors() -> dict[str, float]:
    return json.loads((BENCHMARKS / "sources_baseline.json").read_text())


def test_article_text_f1_holds(bench, floors):
    score = bench.score_text(bench.ours_text, bench.load("html-text"))
    assert score.f1 >= floors["text_f1"] - 0.005


def test_publication_date_accuracy_holds(bench, floors):
    accuracy = bench.score_dates(bench.ours_date, bench.load("html-dates"))
    assert accuracy >= floors["date_accuracy"] - 0.005
