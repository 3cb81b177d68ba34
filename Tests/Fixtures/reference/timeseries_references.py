#!/usr/bin/env python3
"""Reference values for the time-series kernels of SpatialStats.

- Mann-Kendall: pymannkendall 1.4.3 `original_test` (S, Var(S) with the tie correction, z with
  the continuity correction, two-sided p, tau); Sen's slope: scipy 1.17 `theilslopes(y, years)`
  and pymannkendall `sens_slope` (times 0, 1, ...). On every Genk ward's population 2011-2022
  (real, GeoData/) and on hand-made series with ties, missing years and constants.
- Pooled classes: mapclassify 2.10 `Pooled(Y, classifier, k=5)` on the Genk wards' population
  2011-2022 (30 wards x 12 years) for Quantiles, EqualInterval and FisherJenks, and on
  mapclassify's own docstring example.
- Emerging hot spots: esda 2.9 `G_Local(y, w, transform="B", star=True)` per year (the unit
  itself weighted 1 through libpysal's `fill_diagonal`), two-sided p = 2 sf(|z|), per year
  uncorrected at 0.05 or esda's `fdr` at 0.05, pymannkendall on each unit's z-scores, and a
  Python transcription of ArcGIS Pro's categories in the documented order (below). On the Genk
  wards' population (queen contiguity of the 2020-2024 ward polygons) and on a SYNTHETIC
  16 x 16 lattice panel made to show the patterns (seeded; not data).

Tolerances in the Swift tests: 1e-9 relative for every analytic value; categories, bins' order,
counts and classes exactly. Writes timeseries.json beside this script.
"""
import json
import os
import warnings

import esda
import geopandas as gpd
import libpysal
import mapclassify
import numpy as np
import pandas as pd
import pymannkendall as mk
import scipy
from libpysal.weights import lat2W
from libpysal.weights.util import fill_diagonal
from scipy import stats

warnings.filterwarnings("ignore")
here = os.path.dirname(os.path.abspath(__file__))
geo = os.path.join(here, "..", "..", "..", "GeoData")
YEARS = list(range(2011, 2023))


def num(v):
    return None if v is None or (isinstance(v, float) and np.isnan(v)) else float(v)


def trend_entry(values, times):
    x = np.array([np.nan if v is None else v for v in values], float)
    present = ~np.isnan(x)
    r = mk.original_test(x)
    th = stats.theilslopes(x[present], np.asarray(times, float)[present])
    sen = mk.sens_slope(x)
    return {
        "values": [num(v) for v in x], "times": [float(t) for t in times],
        "n": int(present.sum()), "s": float(r.s), "var_s": float(r.var_s), "z": float(r.z),
        "p": float(r.p), "p_sf": float(2 * stats.norm.sf(abs(r.z))), "tau": float(r.Tau),
        "trend_05": r.trend,
        "theil_slope": float(th.slope), "theil_intercept": float(th.intercept),
        "mk_sens_slope": float(sen.slope), "mk_sens_intercept": float(sen.intercept),
    }


# -- Genk ward population 2011-2022 (real) -------------------------------------------------
lookup = pd.read_csv(os.path.join(geo, "genk_statsec2024_to_wijk2024.csv"), dtype=str)
pop = pd.read_csv(os.path.join(geo, "genk_population_statsec_2011_2022.csv"),
                  dtype={"cd_sector": str})
pop = pop.merge(lookup, left_on="cd_sector", right_on="statsec2024")
panel = pop.pivot_table(index="ggw72024", columns="year", values="total", aggfunc="sum")
wards = gpd.read_file(os.path.join(geo, "genk_wijken_2020_2024_31370.geojson"))
codes = wards.geoitem.tolist()
Y = panel.loc[codes, YEARS].to_numpy(float)  # 30 wards x 12 years (no 71016ONB: no polygon)

out = {"versions": {"pymannkendall": "1.4.3", "scipy": scipy.__version__,
                    "mapclassify": mapclassify.__version__, "esda": esda.__version__,
                    "libpysal": libpysal.__version__, "numpy": np.__version__},
       "years": YEARS, "genk_codes": codes}

out["trends"] = {"genk_" + c: trend_entry(list(Y[i]), YEARS) for i, c in enumerate(codes)}
hand = {
    "ties": ([3, 1, 3, 3, 2, 5, 5, 1, 4, 5], None),
    "missing_years": ([10, None, 12, 11, None, 15, 16, 14, 18, None, 21, 20], None),
    "constant": ([7, 7, 7, 7, 7], None),
    "decreasing": ([9.5, 9.1, 8.7, 8.8, 8.0, 7.2, 7.3, 6.1], None),
    "two_years": ([1.0, 4.0], None),
    "uneven_years": ([5, 7, 6, 9, 12], [2011, 2012, 2015, 2016, 2022]),
}
for name, (values, times) in hand.items():
    out["trends"][name] = trend_entry(values, times or list(range(len(values))))

# -- pooled classes ----------------------------------------------------------------------
def pooled_entry(Yp, classifier, k=5):
    res = mapclassify.Pooled(Yp, classifier=classifier, k=k)
    return {"bins": [float(b) for b in res.global_classifier.bins],
            "global_counts": [int(c) for c in res.global_classifier.counts],
            "columns": [{"counts": [int(c) for c in cc.counts], "yb": [int(b) for b in cc.yb]}
                        for cc in res.col_classifiers]}


example = np.array([np.arange(20) + i * 20 for i in range(1, 4)]).T.astype(float)
out["pooled"] = {
    "genk_population": {"Y": [list(map(float, Y[:, j])) for j in range(Y.shape[1])],
                        "quantiles": pooled_entry(Y, "Quantiles"),
                        "equal_interval": pooled_entry(Y, "EqualInterval"),
                        "fisher_jenks": pooled_entry(Y, "FisherJenks")},
    "docstring_example": {"Y": [list(map(float, example[:, j])) for j in range(3)],
                          "quantiles": pooled_entry(example, "Quantiles")},
}

# -- emerging hot spots ------------------------------------------------------------------
def category(hot, cold, rising, falling):
    """ArcGIS Pro's categories, applied in the documented order (EmergingHotSpots.classify)."""
    n = len(hot)

    def most(spots, strengthening, weakening):
        if 10 * sum(spots) >= 9 * n and sum(spots) > 0:
            if not spots[-1]:
                return "historical"
            return "intensifying" if strengthening else "diminishing" if weakening else "persistent"
        return None

    def final(spots, other):
        if not spots[-1]:
            return None
        if any(other[:-1]):
            return "oscillating"
        if sum(spots) == 1:
            return "new"
        run = 0
        for s in reversed(spots):
            if not s:
                break
            run += 1
        return "consecutive" if run == sum(spots) else "sporadic"

    for side, spots, other, up, down in (("hot", hot, cold, rising, falling),
                                         ("cold", cold, hot, falling, rising)):
        p = most(spots, up, down)
        if p:
            return f"{p}_{side}_spot"
    for side, spots, other in (("hot", hot, cold), ("cold", cold, hot)):
        p = final(spots, other)
        if p:
            return f"{p}_{side}_spot"
    return "no_pattern"


def ehsa(panel_t, w, alpha=0.05, trend_alpha=0.05):
    """panel_t: years x units. Returns z, p and per-unit results for both significance rules."""
    wb = fill_diagonal(libpysal.weights.W(w.neighbors, id_order=w.id_order), 1.0)
    zs, ps = [], []
    for y in panel_t:
        g = esda.G_Local(np.asarray(y, float), wb, transform="B", star=True, permutations=0)
        zs.append([float(v) for v in g.Zs])
        ps.append([float(2 * stats.norm.sf(abs(v))) for v in g.Zs])
    zs, ps = np.array(zs), np.array(ps)
    result = {"z": zs.tolist(), "p": ps.tolist()}
    for rule in ("uncorrected", "fdr"):
        if rule == "uncorrected":
            sig = ps <= alpha
        else:
            sig = np.array([p < esda.fdr(p, alpha) for p in ps])
        units = []
        for u in range(zs.shape[1]):
            z = zs[:, u]
            t = mk.original_test(z)
            p_trend = float(2 * stats.norm.sf(abs(t.z)))
            significant_trend = p_trend <= trend_alpha
            hot = list(sig[:, u] & (z > 0))
            cold = list(sig[:, u] & (z < 0))
            units.append({"category": category(hot, cold, significant_trend and t.s > 0,
                                               significant_trend and t.s < 0),
                          "hot_years": int(sum(hot)), "cold_years": int(sum(cold)),
                          "trend_s": float(t.s), "trend_z": float(t.z), "trend_p": p_trend,
                          "trend_tau": float(t.Tau)})
        result[rule] = {"significant": sig.tolist(), "units": units}
    return result


queen = libpysal.weights.Queen.from_dataframe(wards, ids=codes, use_index=False)
out["ehsa_genk_population"] = {
    "codes": codes, "neighbours": [[codes.index(j) for j in sorted(queen.neighbors[c])]
                                   for c in codes],
    "panel": [list(map(float, Y[:, j])) for j in range(Y.shape[1])],
    **ehsa([Y[:, j] for j in range(Y.shape[1])], queen)}

# SYNTHETIC lattice: 16 x 16 cells, 12 years, noise around 100 plus 3 x 3 blocks made to show
# each pattern. Seeded; invented to exercise the pipeline, not data of any place.
rng = np.random.default_rng(20261202)
side, T = 16, 12
lat = lat2W(side, side, rook=False)
base = 100 + rng.normal(0, 8, size=(T, side * side))
patterns = {  # block (row, col of its top-left cell) -> value per year added to the block
    (0, 0): [150] * T,                                       # persistent hot
    (0, 4): [100 + 40 * t for t in range(T)],                # intensifying hot
    (0, 8): [400 - 25 * t for t in range(T)],                # diminishing hot
    (0, 12): [0] * (T - 1) + [200],                          # new hot
    (4, 0): [0] * (T - 4) + [200] * 4,                       # consecutive hot
    (4, 4): [200 if t % 3 == 2 else 0 for t in range(T)],    # sporadic hot
    (4, 8): [-80] * 3 + [0] * (T - 4) + [200],               # oscillating hot
    (4, 12): [200] * (T - 1) + [0],                          # historical hot
    (8, 0): [-85] * T,                                       # persistent cold
    (8, 4): [-30 - 5 * t for t in range(T)],                 # intensifying cold
    (8, 8): [0] * (T - 1) + [-85],                           # new cold
    (8, 12): [0] * (T - 3) + [-85] * 3,                      # consecutive cold
    (12, 0): [-85 if t % 4 == 3 else 0 for t in range(T)],   # sporadic cold
    (12, 4): [200] * 2 + [0] * (T - 3) + [-85],              # oscillating cold
    (12, 8): [-85] * (T - 1) + [0],                          # historical cold
    (12, 12): [-90 + 4 * t for t in range(T)],               # diminishing cold
}
for (r0, c0), add in patterns.items():
    for t in range(T):
        for r in range(r0, r0 + 3):
            for c in range(c0, c0 + 3):
                base[t, r * side + c] += add[t]
base = np.clip(base, 0, None)
ids = lat.id_order
out["ehsa_synthetic_lattice"] = {
    "note": "SYNTHETIC: seeded 16 x 16 lattice panel made to show the patterns; not data",
    "codes": [str(i) for i in ids],
    "neighbours": [sorted(lat.neighbors[i]) for i in ids],
    "panel": base.tolist(),
    **ehsa(list(base), lat)}

with open(os.path.join(here, "timeseries.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")

for key in ("ehsa_genk_population", "ehsa_synthetic_lattice"):
    for rule in ("uncorrected", "fdr"):
        print(key, rule, pd.Series([u["category"] for u in out[key][rule]["units"]])
              .value_counts().to_dict())
