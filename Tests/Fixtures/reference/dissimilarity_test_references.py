"""Reference values for wijk's inference on the dissimilarity index (dissimilarityTest).

Two oracles, run from the repository root:

    python3 Tests/Fixtures/reference/dissimilarity_test_references.py

(1) Draw for draw: the seeded xoshiro256** stream of PermutationGenerator.swift replayed in
    plain Python (the Generator of composite_index_references.py): the evenness null by
    inversion of tabulated binomials (BinomialInversion.swift; `inversion_table`, shared with
    composite_index_references.py),
    the systematic null by the exact binomial variates of RandomVariates.swift; D of every
    draw by numpy. The Swift
    test must give the same pseudo p, number of draws and mean D* to 1e-12.
(2) In distribution: segregation 2.5.4 `SingleValueTest(Dissim, null_approach=...)` with
    numpy's own random stream (4,000 draws); its mean and standard deviation of D* are
    recorded, and the Swift test checks that wijk's mean D* lies within 5 standard errors
    of it. segregation's one-tailed p is k/n (0 possible); wijk's is (k + 1)/(n + 1).

Data: (a) Fluvius 2021 residential connections per Genk sector (concentration_segregation.json):
gas connections within all connections; (b) ten units of 10 people each, synthetic, with
the group 3, 2, 4, 3, 1, 5, 2, 3, 4, 3: D = 0.19 looks like some segregation, but random
allocation of the same 30 people gives 0.27 on average in units this small.
(3) The tables themselves: for a few sizes and shares, scipy's `binom.cdf` at every k of
    the table, its cdf below the table's first k and its survival function above the last;
    the Swift test checks the table's C(k)/C(hi) against it to 1e-13 and that the tails left
    out hold less than 1e-16.
Output: dissimilarity_test.json.
"""

import json
import math
import sys
from pathlib import Path

import numpy as np
import geopandas as gpd
import scipy
import segregation
from segregation.inference import SingleValueTest
from segregation.singlegroup import Dissim
from scipy.stats import binom
from shapely.geometry import Point

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from composite_index_references import Generator, inversion_draw, inversion_table  # noqa: E402

SIMULATIONS = 999
SEED = 12345


def dissim(x, t):
    x, t = np.asarray(x, float), np.asarray(t, float)
    total, group = t.sum(), x.sum()
    if total <= 0:
        return None
    share = group / total
    if not 0 < share < 1:
        return None
    p = np.where(t == 0, 0, x / np.where(t == 0, 1, t))
    return float((t * np.abs(p - share)).sum() / (2 * total * share * (1 - share)))


def plain_sum(values):
    s = 0.0
    for v in values:
        s += v
    return s


def multinomial(g, n, weights):
    left, mass = n, plain_sum(weights)
    out = [0] * len(weights)
    for j, w in enumerate(weights):
        if left <= 0:
            break
        if j == len(weights) - 1:
            out[j] = left
            break
        out[j] = g.binomial(left, min(1.0, w / mass)) if mass > 0 else 0
        left -= out[j]
        mass -= w
    return out


def replay(x, t, null):
    g = Generator(SEED)
    observed = dissim(x, t)
    X, T = sum(x), sum(t)
    defined, above, total = 0, 0, 0.0
    share = float(X) / float(T)
    tables = {n: inversion_table(n, share) for n in set(t) if n > 0}
    for _ in range(SIMULATIONS):
        if null == "evenness":
            gx = [inversion_draw(g, tables[n]) if n > 0 else 0 for n in t]
            gt = list(t)
        else:
            w = [float(n) for n in t]
            gx = multinomial(g, X, w)
            rest = multinomial(g, T - X, w)
            gt = [a + b for a, b in zip(gx, rest)]
        d = dissim(gx, gt)
        if d is None:
            continue
        defined += 1
        total += d
        if d >= observed - 1e-12 * max(1, observed):  # exact ties of whole counts count
            above += 1
    return {
        "observed": observed,
        "simulations": defined,
        "expected_under_null": total / defined,
        "pseudo_p": (above + 1) / (defined + 1),
    }


def theirs(x, t, null):
    # segregation's simulators need a GeoDataFrame; the points play no part in D.
    df = gpd.GeoDataFrame(
        {"x": x, "t": t}, geometry=[Point(k, 0) for k in range(len(x))], crs="EPSG:31370")
    np.random.seed(SEED)
    test = SingleValueTest(
        Dissim(df, "x", "t"), iterations_under_null=4000, null_approach=null,
        two_tailed=False, n_jobs=1)
    sims = np.asarray(test.est_sim, float)
    return {
        "statistic": float(test.statistic),
        "p_value": float(test.p_value),
        "iterations": int(len(sims)),
        "mean": float(sims.mean()),
        "sd": float(sims.std(ddof=1)),
    }


def table_checks():
    out = []
    for n, p in [(1, 0.3), (7, 0.5), (60, 0.03), (400, 0.2), (5000, 0.97), (100000, 0.5)]:
        first, cumulative = inversion_table(n, p)
        ks = np.arange(first, first + len(cumulative))
        out.append({
            "n": n, "p": p, "first_k": first,
            "cdf": [float(v) for v in binom.cdf(ks, n, p)],
            "below": float(binom.cdf(first - 1, n, p)),
            "above": float(binom.sf(first + len(cumulative) - 1, n, p)),
        })
    return out


def main():
    seg = json.loads((HERE / "concentration_segregation.json").read_text())
    cases = [
        ("fluvius gas/all 2021", [int(v) for v in seg["gasResidential"]],
         [int(v) for v in seg["electricityResidential"]]),
        ("ten small units", [3, 2, 4, 3, 1, 5, 2, 3, 4, 3], [10] * 10),
    ]
    out = []
    for name, x, t in cases:
        for null in ("evenness", "systematic"):
            out.append({
                "name": name, "null": null, "group": x, "total": t,
                "wijk_replay": replay(x, t, null),
                "segregation": theirs(x, t, null),
            })
    result = {
        "source": f"segregation {segregation.__version__}, numpy {np.__version__}, "
        f"scipy {scipy.__version__}; "
        "replay of PermutationGenerator in plain Python",
        "simulations": SIMULATIONS, "seed": SEED,
        "tolerance": {"replay": 1e-12, "mean_vs_segregation_standard_errors": 5,
                      "table_cdf": 1e-13, "table_tails": 1e-16},
        "cases": out,
        "tables": table_checks(),
    }
    (HERE / "dissimilarity_test.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
