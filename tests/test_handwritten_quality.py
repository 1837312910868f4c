"""Quality gate: claims and quote checks on the hand-written articles in
``benchmarks/handwritten`` stay at the pinned figures (no more harmful answers either)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def measured() -> dict:
    spec = importlib.util.spec_from_file_location(
        "bench_handwritten", BENCHMARKS / "bench_handwritten.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.scores(module.all_results())


BASELINE = json.loads((BENCHMARKS / "handwritten_baseline.json").read_text())


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_answers_stay_right_and_no_more_are_harmful(measured, name):
    assert measured[name]["accuracy"] >= BASELINE[name]["accuracy"] - 0.01
    assert measured[name]["harmful"] <= BASELINE[name]["harmful"]
