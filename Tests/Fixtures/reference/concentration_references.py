#!/usr/bin/env python3
"""Reference values for SpatialStats' concentration, inequality, smoothing and classification.

Run from the repository root:  python3 Tests/Fixtures/reference/concentration_references.py
Writes Tests/Fixtures/reference/concentration_*.json. The Swift tests read only those files.
Oracle versions are pinned in requirements.txt beside this script and checked below.

Every JSON file carries its own inputs (values, counts, neighbour lists) next to the results,
so the Swift tests need no other file. Missing inputs are written as null; the Python side
drops those units before calling the oracle, which is what the Swift side promises to do.
"""
import json
import os
import warnings

import esda
import geopandas as gpd
import inequality
import libpysal
import mapclassify
import numba
import numpy as np
import pandas as pd
import segregation
from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes, assuncao_rate
from inequality.gini import Gini
from inequality.theil import Theil
from segregation.local import MultiLocationQuotient
from segregation.multigroup import (
    MultiDissim, MultiDiversity, MultiGini, MultiInfoTheory, MultiNormExposure,
    MultiRelativeDiversity, MultiSquaredCoefVar)
from segregation.singlegroup import Dissim, Entropy, Gini as GiniSeg, Interaction, Isolation

PINNED = {"libpysal": "4.14.1", "esda": "2.9.0", "segregation": "2.5.4",
          "inequality": "1.1.2", "mapclassify": "2.10.0"}
for module in (libpysal, esda, segregation, inequality, mapclassify):
    name = module.__name__
    assert module.__version__ == PINNED[name], f"{name} {module.__version__} is not pinned"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
VERSIONS = {k: v for k, v in PINNED.items()} | {"numpy": np.__version__}


def write(name, payload):
    payload = {"generatedBy": "Tests/Fixtures/reference/concentration_references.py",
               "versions": VERSIONS} | payload
    with open(os.path.join(HERE, f"concentration_{name}.json"), "w") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")


def floats(a):
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else float(v)
            for v in np.asarray(a, dtype=object).ravel()]


# ---------------------------------------------------------------- data sets
columbus = gpd.read_file(os.path.join(ROOT, "Tests/Fixtures/columbus/columbus.shp"))
sids = gpd.read_file(libpysal.examples.get_path("sids2.shp"))
fluvius = pd.read_csv(os.path.join(ROOT, "GeoData/genk_fluvius_energy_statsec2019_2018_2021.csv"))
fluvius = fluvius[fluvius.period == 2021].reset_index(drop=True)


def splitmix_values(n, seed):
    """The benchmark's values: SplitMix64 -> u in [0,1) -> floor(u*u*1e6)/100.

    Only integer arithmetic, one multiply and a floor: bit-identical in Swift.
    """
    mask = (1 << 64) - 1
    state = seed & mask
    out = []
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z = z ^ (z >> 31)
        u = (z >> 11) * (2.0 ** -53)
        out.append(np.floor(u * u * 1e6) / 100.0)
    return np.array(out)


# ---------------------------------------------------------------- segregation
def segregation_refs():
    gas = fluvius.v2506_gas_res_n.to_numpy(float)
    elek_res = fluvius.v2506_elek_res_n.to_numpy(float)
    elek_nonres = fluvius.v2506_elek_nietres_n.to_numpy(float)
    no_gas = elek_res - gas  # residential electricity connections without gas
    df = pd.DataFrame({"gas": gas, "total": elek_res, "nogas": no_gas,
                       "nonres": elek_nonres, "all": elek_res + elek_nonres})
    single = {}
    for name, cls in (("dissimilarity", Dissim), ("gini", GiniSeg),
                      ("isolation", Isolation), ("interaction", Interaction),
                      ("entropy", Entropy)):
        single[name] = float(cls(df, "gas", "total").statistic)
    # "group A against group B" (segregation#213): gas against non-residential, the
    # total being the two groups only; "against the rest": gas against all connections.
    df["gas_plus_nonres"] = df.gas + df.nonres
    d_pair = float(Dissim(df, "gas", "gas_plus_nonres").statistic)
    d_rest_all = float(Dissim(df, "gas", "all").statistic)
    groups = ["gas", "nogas", "nonres"]
    multi = {}
    for name, cls in (("dissimilarity", MultiDissim), ("gini", MultiGini),
                      ("informationTheory", MultiInfoTheory),
                      ("normalisedExposure", MultiNormExposure),
                      ("squaredCoefficientOfVariation", MultiSquaredCoefVar),
                      ("relativeDiversity", MultiRelativeDiversity),
                      ("diversity", MultiDiversity)):
        multi[name] = float(cls(df, groups).statistic)
    lq = MultiLocationQuotient(df, groups).statistics
    # Edge fixture: a unit with total 0 and one missing unit (dropped before the oracle).
    edge_group = [10, 0, 5, None, 30, 2]
    edge_total = [40, 0, 50, 12, 60, 20]
    kept = [i for i, g in enumerate(edge_group) if g is not None]
    edf = pd.DataFrame({"g": [edge_group[i] for i in kept],
                        "t": [edge_total[i] for i in kept]}).astype(float)
    edge = {"group": edge_group, "total": edge_total,
            "dissimilarity": float(Dissim(edf, "g", "t").statistic),
            "gini": float(GiniSeg(edf, "g", "t").statistic),
            "isolation": float(Isolation(edf, "g", "t").statistic),
            "interaction": float(Interaction(edf, "g", "t").statistic),
            "entropy": float(Entropy(edf, "g", "t").statistic)}
    write("segregation", {
        "source": "Fluvius 2021 residential connections per statistical sector (GeoData)",
        "units": fluvius.geoitem.tolist(),
        "gasResidential": floats(gas), "electricityResidential": floats(elek_res),
        "electricityNonResidential": floats(elek_nonres),
        "singleGroup": single,
        "dissimilarityGasVersusNonResidential": d_pair,
        "dissimilarityGasVersusAllConnections": d_rest_all,
        "multiGroupOrder": groups, "multiGroup": multi,
        "locationQuotients": [floats(row) for row in np.asarray(lq)],
        "edge": edge})


# ---------------------------------------------------------------- inequality
def lorenz(x):
    """Hand computation: (cumulative unit share, cumulative value share), from (0, 0)."""
    s = np.sort(x)
    return [[0.0, 0.0]] + [[(i + 1) / len(s), float(c)] for i, c in
                          enumerate(np.cumsum(s) / s.sum())]


def top_share(x, percent):
    """Share held by the ceil(percent% * n) largest units (hand computation)."""
    s = np.sort(x)[::-1]
    m = int(np.ceil(percent / 100.0 * len(s) - 1e-12))
    return float(s[:m].sum() / s.sum())


def inequality_refs():
    sets = {name: columbus[name].to_numpy(float) for name in ("INC", "HOVAL", "CRIME")}
    sets["zeros"] = np.array([0.0, 0.0, 1.0, 2.0, 5.0, 0.0, 12.0])
    sets["constant"] = np.array([4.0] * 6)
    out = {}
    for name, x in sets.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theil = float(np.asarray(Theil(x).T).ravel()[0])
        out[name] = {"values": floats(x), "gini": float(Gini(x).g), "theilT": theil,
                     "lorenz": lorenz(x),
                     "topShare": {str(p): top_share(x, p) for p in (10, 20, 50)}}
    write("inequality", {"sets": out})


# ---------------------------------------------------------------- empirical Bayes
def smoothing_refs():
    w = libpysal.io.open(libpysal.examples.get_path("sids2.gal")).read()
    fips = sids.FIPS.astype(str).tolist()
    row_of = {f: i for i, f in enumerate(fips)}
    w.id_order = fips  # align the weights with the table's rows
    neighbours = [sorted(row_of[j] for j in w.neighbors[f]) for f in fips]
    out = {"neighbours": neighbours, "units": fips}
    for year in ("74", "79"):
        e = sids[f"SID{year}"].to_numpy(float)
        b = sids[f"BIR{year}"].to_numpy(float)
        out[year] = {"events": floats(e), "bases": floats(b),
                     "empiricalBayes": floats(Empirical_Bayes(e, b).r),
                     "spatialEmpiricalBayes": floats(Spatial_Empirical_Bayes(e, b, w).r),
                     "assuncaoReis": floats(assuncao_rate(e, b))}
    write("smoothing", {"source": "SIDS2 (libpysal 4.14.1 wheel), sids2.gal rook neighbours",
                        "sets": out})


# ---------------------------------------------------------------- classification
@numba.njit(cache=False)
def _fisher_jenks_float64(values, classes):
    """mapclassify 2.10's `_fisher_jenks_means`, line for line, with float64 accumulators
    instead of float32: the exact optimum up to double rounding."""
    n_data = len(values)
    mat1 = np.zeros((n_data + 1, classes + 1), dtype=np.int64)
    mat2 = np.zeros((n_data + 1, classes + 1), dtype=np.float64)
    mat1[1, 1:] = 1
    mat2[2:, 1:] = np.inf
    for _l in range(2, n_data + 1):
        s1 = 0.0
        s2 = 0.0
        w = 0.0
        v = 0.0
        for m in range(1, _l + 1):
            i3 = _l - m + 1
            val = values[i3 - 1]
            s2 += val * val
            s1 += val
            w += 1.0
            v = s2 - (s1 * s1) / w
            i4 = i3 - 1
            if i4 != 0:
                for j in range(2, classes + 1):
                    if mat2[_l, j] >= (v + mat2[i4, j - 1]):
                        mat1[_l, j] = i3
                        mat2[_l, j] = v + mat2[i4, j - 1]
        mat1[_l, 1] = 1
        mat2[_l, 1] = v
    k = n_data
    kclass = np.zeros(classes + 1)
    kclass[classes] = values[n_data - 1]
    for count_num in range(classes, 1, -1):
        pivot = mat1[k, count_num]
        kclass[count_num - 1] = values[pivot - 2]
        k = pivot - 1
    return kclass[1:]


def within_class_squares(x, bins):
    """Exact (rational) Σ over classes of Σ (x − class mean)², classes right-closed."""
    from fractions import Fraction
    classes = np.searchsorted(bins, x, side="left")
    total = Fraction(0)
    for c in range(len(bins)):
        members = [Fraction(float(v)) for v in x[classes == c]]
        if members:
            mean = sum(members) / len(members)
            total += sum((m - mean) ** 2 for m in members)
    return float(total)


def classify(x):
    res = {}
    def put(name, mc):
        res[name] = {"bins": floats(mc.bins), "classes": [int(v) for v in mc.yb],
                     "counts": [int(v) for v in mc.counts]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for k in (4, 5):
            put(f"quantiles{k}", mapclassify.Quantiles(x, k=k))
            put(f"equalInterval{k}", mapclassify.EqualInterval(x, k=k))
            if len(np.unique(x)) >= k:
                put(f"fisherJenks{k}", mapclassify.FisherJenks(x, k=k))
        if np.std(x) > 0:
            put("stdMean", mapclassify.StdMean(x))
        put("boxPlot", mapclassify.BoxPlot(x, hinge=1.5))
        put("headTailBreaks", mapclassify.HeadTailBreaks(x))
        user = [float(np.percentile(x, 30)), float(np.percentile(x, 70))]
        res["userDefinedInput"] = user
        put("userDefined", mapclassify.UserDefined(x, user))
    return res


def classification_refs():
    rng = np.random.default_rng(12345)
    sets = {name: columbus[name].to_numpy(float) for name in ("INC", "HOVAL", "CRIME")}
    sets["SIDR74"] = sids.SIDR74.to_numpy(float)
    sets["lognormal500"] = np.round(rng.lognormal(3.0, 1.0, 500), 3)
    sets["ties200"] = rng.integers(0, 12, 200).astype(float)
    sets["tiesEmptyClass"] = np.array([1.0] * 8 + [2.0] * 2)
    sets["fewerThanClasses"] = np.array([1.0, 2.0, 3.0])
    out = {name: {"values": floats(x)} | classify(x) for name, x in sets.items()}
    # Missing values: the oracle sees the present ones; Swift gets the nulls in place.
    with_missing = [3.0, None, 7.5, 1.0, None, 12.0, 4.0, 9.0, 2.5, 6.0]
    present = np.array([v for v in with_missing if v is not None])
    out["missing"] = {"values": with_missing} | classify(present)
    # The benchmark's 20,000 values, with mapclassify's Fisher-Jenks k=5 breaks.
    bench = splitmix_values(20_000, 20_250_601)
    # mapclassify accumulates in float32; on 20,000 values that is not enough to find the
    # optimum, so the same algorithm is also run in float64 and both partitions are scored
    # exactly (rational arithmetic).
    fj = mapclassify.FisherJenks(bench, k=5)
    exact = _fisher_jenks_float64(np.sort(bench), 5)
    exact_counts = np.bincount(np.searchsorted(exact, bench, side="left"), minlength=5)
    large = {"seed": 20_250_601, "n": 20_000, "first": floats(bench[:5]),
             "fisherJenks5": {"bins": floats(fj.bins), "counts": [int(c) for c in fj.counts],
                              "withinClassSquares": within_class_squares(bench, fj.bins)},
             "fisherJenks5Float64": {"bins": floats(exact),
                                     "counts": [int(c) for c in exact_counts],
                                     "withinClassSquares": within_class_squares(bench, exact)}}
    # The float64 line-for-line algorithm agrees with mapclassify on every smaller set.
    for name, x in sets.items():
        for k in (4, 5):
            if len(np.unique(x)) >= k:
                assert list(_fisher_jenks_float64(np.sort(x), k)) == \
                    out[name][f"fisherJenks{k}"]["bins"], (name, k)
    write("classification", {"sets": out, "benchmarkValues": large})


if __name__ == "__main__":
    segregation_refs()
    inequality_refs()
    smoothing_refs()
    classification_refs()
