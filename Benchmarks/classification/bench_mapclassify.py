#!/usr/bin/env python3
"""Times mapclassify 2.10 FisherJenks(k=5) on the 20,000 values of wijk-bench's
runClassificationBenchmarks() (SplitMix64 seed 20250601 -> floor(u*u*1e6)/100).

Run from the repository root:  python3 Benchmarks/classification/bench_mapclassify.py
mapclassify uses numba when installed; the first call includes JIT compilation and is
reported apart. One thread (NUMBA_NUM_THREADS=1) to match the single-core Swift figure.
"""
import os
import sys
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import mapclassify  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures",
                                "reference"))
from concentration_references import splitmix_values  # noqa: E402


def main():
    values = splitmix_values(20_000, 20_250_601)
    print(f"mapclassify {mapclassify.__version__}, numba: {mapclassify.classifiers.HAS_NUMBA}")
    start = time.perf_counter()
    first = mapclassify.FisherJenks(values, k=5)
    print(f"first call (with JIT compile): {time.perf_counter() - start:.2f} s")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        mapclassify.FisherJenks(values, k=5)
        runs.append(time.perf_counter() - start)
    print(f"breaks: {[float(b) for b in first.bins]}")
    print(f"best {min(runs):.2f} s, median {sorted(runs)[1]:.2f} s over {len(runs)} runs")
    start = time.perf_counter()
    mapclassify.Quantiles(values, k=5)
    print(f"Quantiles k=5: {(time.perf_counter() - start) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
