"""Quality gate: verdicts on the PolNeAR-derived claims stay at the pinned figures."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(
    not (DATA / "polnear-train" / "gold.jsonl").exists(), reason="shared benchmark data absent"
)


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads((BENCHMARKS / "claims_baseline.json").read_text())


@pytest.fixture(scope="module")
def measured(baseline) -> dict:
    spec = importlib.util.spec_from_file_location("bench_claims", BENCHMARKS / "bench_claims.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.quality(baseline["per_class"], seed=0, show_errors=0)


def test_macro_f1_holds_and_beats_the_majority_class_twice(measured, baseline):
    assert measured["macro_f1"] >= baseline["macro_f1"] - 0.01
    assert measured["macro_f1"] >= 2 * measured["majority_macro_f1"]


def test_decided_claims_cite_their_own_article(measured, baseline):
    assert measured["correct_supported_refuted_citing_own_article"] >= (
        baseline["citing_own_article"] - 0.02
    )
