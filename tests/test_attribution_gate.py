"""Quality gate: attribution must not get worse on real news (as trafilatura's eval_gate).

Scores a fixed sample of PolNeAR articles (``../shared/data``, beside the repository) and
fails when a figure drops below its floor in ``benchmarks/attribution_baseline.json``. Skips
when the data is absent, as it is outside the project's own checkout.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear-train"

pytestmark = pytest.mark.skipif(
    not (DATA / "gold.jsonl").exists(), reason="benchmark data ../shared/data is absent"
)


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_attribution", ROOT / "benchmarks" / "bench_attribution.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_quality_stays_above_the_pinned_floors():
    bench = _bench()
    floors = json.loads(bench.BASELINE.read_text(encoding="utf-8"))["floors"]
    figures = bench.evaluate(bench.gate_sample(bench.load(DATA)), DATA).figures()
    below = {
        name: (figures[name], floor) for name, floor in floors.items() if figures[name] < floor
    }
    assert not below, f"below the floors (measured, floor): {below}"
