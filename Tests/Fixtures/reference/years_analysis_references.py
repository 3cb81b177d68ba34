#!/usr/bin/env python3
"""Reference figures of `wijk analyse` on GeoData/wijk-genk.yaml over the years, from the files.

For every Genk 2020-2024 ward of the layer and every year 2011-2022, recomputed without wijk:
- population: pandas sum of the sector totals through genk_statsec2024_to_wijk2024.csv (both
  sector vintages of the configuration use that lookup); 71016ZZZZ reaches 71016ONB, which has
  no polygon: reported as not located, in Statbel's city total and in no ward;
- density: population / ward area in km², the area by the shoelace formula on the GeoJSON's
  EPSG:31370 rings (holes subtracted);
- per ward: the change 2011-2022 (absolute and %), Sen's slope (scipy.stats.theilslopes) and
  the Mann-Kendall test (S, Var(S) with the tie correction, z with continuity correction,
  two-sided p; pymannkendall's original_test) of population and density;
- Moran's I (esda.Moran), local Moran (esda.Moran_Local: Is, quadrant) and local Geary
  (esda.Geary_Local: localG, analytic) of a few indicator
  years, and Gi* z (esda.G_Local, binary, star) of population every year (the emerging hot
  spots' input), on the queen neighbours libpysal found (genk_analysis.json) restricted to
  the wards with a value (a ward left without a neighbour among them is left out, as wijk does).
- bivariate Moran's I and the bivariate local Moran of the pair of GeoData/wijk-genk.yaml
  (esda.Moran_BV, esda.Moran_Local_BV: I, Is, quadrant);
- the LISA of the change: esda.Moran_Local of each ward's change 2011-2022 in % (population,
  density), as the local Moran above;
- segregation of residents aged 65+ (Census 2021): segregation 2.5.4's Dissim, SpatialDissim
  (binary queen), SingleValueTest (evenness, 4,000 numpy draws: mean and sd of D*), and spatial
  proximity by the Massey & Denton formula in numpy (spatial_proximity_references.py).
share_65plus and the income figures of 2021 are in years_aggregation.json (its own script).
The Swift test (GenkYearsTests) compares counts exactly and the rest to 1e-9 relative.
Writes years_analysis.json beside this script.
"""
import json
import os
import warnings

import esda
import libpysal
import numpy as np
import pandas as pd
import scipy
from scipy import stats

warnings.filterwarnings("ignore")
here = os.path.dirname(os.path.abspath(__file__))
geo = os.path.join(here, "..", "..", "..", "GeoData")

with open(os.path.join(geo, "genk_wijken_2020_2024_31370.geojson")) as f:
    layer = json.load(f)


def ring_area(ring):
    x = np.array([p[0] for p in ring])
    y = np.array([p[1] for p in ring])
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def area(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [
        geometry["coordinates"]]
    return sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in polygons)


codes = [f["properties"]["geoitem"] for f in layer["features"]]
km2 = pd.Series({f["properties"]["geoitem"]: area(f["geometry"]) / 1e6
                 for f in layer["features"]})
lookup = pd.read_csv(os.path.join(geo, "genk_statsec2024_to_wijk2024.csv"), dtype=str)
population = pd.read_csv(os.path.join(geo, "genk_population_statsec_2011_2022.csv"),
                         dtype={"cd_sector": str})
years = list(range(2011, 2023))

out = {"versions": {"pandas": pd.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                    "esda": esda.__version__, "libpysal": libpysal.__version__},
       "codes": codes, "area_km2": [float(km2[c]) for c in codes],
       "population": {}, "density": {}, "city": {}, "not_located": {}}
for year in years:
    rows = population[population.year == year]
    m = lookup.merge(rows[["cd_sector", "total"]], left_on="statsec2024", right_on="cd_sector",
                     how="left")
    assert not m.total.isna().any(), f"{year}: a lookup sector without a row"
    sums = m.groupby("ggw72024").total.sum()
    out["population"][str(year)] = [int(sums[c]) for c in codes]
    out["density"][str(year)] = [float(sums[c] / km2[c]) for c in codes]
    out["city"][str(year)] = int(rows.total.sum())
    located = set(codes)
    lost = m[~m.ggw72024.isin(located)]
    out["not_located"][str(year)] = {"sectors": sorted(lost.statsec2024),
                                     "total": int(lost.total.sum())}


def mann_kendall(x):
    """pymannkendall 1.4.3 original_test: S, Var(S) with ties, z, two-sided p."""
    x = np.asarray(x, float)
    n = len(x)
    s = sum(np.sign(x[j] - x[i]) for i in range(n - 1) for j in range(i + 1, n))
    _, counts = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18
    z = (s - 1) / np.sqrt(var) if s > 0 else (s + 1) / np.sqrt(var) if s < 0 else 0.0
    return {"s": float(s), "var_s": float(var), "z": float(z),
            "p": float(2 * stats.norm.cdf(-abs(z))), "tau": float(s / (0.5 * n * (n - 1)))}


out["trend"] = {}
for name in ("population", "density"):
    series = np.array([out[name][str(y)] for y in years], float)  # years × wards
    entries = []
    for w in range(len(codes)):
        v = series[:, w]
        slope = stats.theilslopes(v, years).slope
        entries.append({"change": float(v[-1] - v[0]),
                        "change_percent": float(100 * (v[-1] - v[0]) / v[0]) if v[0] else None,
                        "sen_slope": float(slope), **mann_kendall(v)})
    out["trend"][name] = entries

with open(os.path.join(here, "genk_analysis.json")) as f:
    neighbours = json.load(f)["queen_neighbours"]
queen = libpysal.weights.W(neighbours, id_order=codes)


def spatial(values):
    values = np.asarray(values, float)
    keep = ~np.isnan(values)
    ids = [c for c, k in zip(codes, keep) if k]
    w = libpysal.weights.w_subset(queen, ids)
    while w.islands:  # wijk leaves out a ward without a neighbour among those with a value
        ids = [c for c in ids if c not in w.islands]
        w = libpysal.weights.w_subset(queen, ids)
    w.transform = "r"
    y = np.array([values[codes.index(c)] for c in ids])
    mi = esda.Moran(y, w, permutations=0)
    lm = esda.Moran_Local(y, w, permutations=0)
    lg = esda.Geary_Local(connectivity=w, permutations=0).fit(y)
    return {"analysed": ids, "I": float(mi.I), "EI": float(mi.EI), "z_rand": float(mi.z_rand),
            "p_norm": float(mi.p_norm), "local_I": [float(v) for v in lm.Is],
            "quadrant": [["HH", "LH", "LL", "HL"][q - 1] for q in lm.q],
            "local_G": [float(v) for v in lg.localG]}


with open(os.path.join(here, "years_aggregation.json")) as f:
    aggregation = json.load(f)
out["moran"] = {
    "population_2011": spatial(out["population"]["2011"]),
    "population_2022": spatial(out["population"]["2022"]),
    "density_2016": spatial(out["density"]["2016"]),
    "share_65plus_2021": spatial([np.nan if aggregation["share_65plus_2021"][c]["value"] is None
                                  else aggregation["share_65plus_2021"][c]["value"]
                                  for c in codes]),
    "income_mean_2021": spatial([np.nan if aggregation["income_mean_2021"][c]["value"] is None
                                 else aggregation["income_mean_2021"][c]["value"]
                                 for c in codes]),
}


def bivariate(xs, ys):
    """esda's Moran_BV and Moran_Local_BV (row-standardised) of x at the ward against the
    lag of y, on the wards with both values and a neighbour among them."""
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    keep = ~np.isnan(xs) & ~np.isnan(ys)
    ids = [c for c, k in zip(codes, keep) if k]
    w = libpysal.weights.w_subset(queen, ids)
    while w.islands:
        ids = [c for c in ids if c not in w.islands]
        w = libpysal.weights.w_subset(queen, ids)
    w.transform = "r"
    x = np.array([xs[codes.index(c)] for c in ids])
    y = np.array([ys[codes.index(c)] for c in ids])
    bv = esda.Moran_BV(x, y, w, permutations=0)
    lbv = esda.Moran_Local_BV(x, y, w, permutations=0)
    return {"analysed": ids, "I": float(bv.I), "local_I": [float(v) for v in lbv.Is],
            "quadrant": [["HH", "LH", "LL", "HL"][q - 1] for q in lbv.q]}


def aggregated(name):
    return [np.nan if aggregation[name][c]["value"] is None else aggregation[name][c]["value"]
            for c in codes]


out["bivariate"] = {
    "share_65plus_2021-vs-income_mean_2021":
        bivariate(aggregated("share_65plus_2021"), aggregated("income_mean_2021")),
}


def segregation_65plus():
    """D, spatial D (binary queen) and the evenness null of D of residents aged 65+ within all
    residents, Census 2021 per ward (a sector without a Census row counts 0, as the
    configuration's absent_rows: zero); wards without residents are left out."""
    import geopandas as gpd
    import segregation
    import segregation.inference
    census = pd.read_csv(os.path.join(geo, "genk_census2021_age65_statsec.csv"),
                         dtype={"cd_sector": str})
    m = lookup.merge(census, left_on="statsec2024", right_on="cd_sector", how="left")
    m[["x65", "rest"]] = m[["x65", "rest"]].fillna(0)
    sums = m.groupby("ggw72024")[["x65", "rest"]].sum()
    ids = [c for c in codes if sums.x65[c] + sums.rest[c] > 0]
    shapes = gpd.read_file(os.path.join(geo, "genk_wijken_2020_2024_31370.geojson"))
    shapes = shapes.set_index("geoitem").loc[ids]
    df = gpd.GeoDataFrame({"x": [float(sums.x65[c]) for c in ids],
                           "t": [float(sums.x65[c] + sums.rest[c]) for c in ids]},
                          geometry=shapes.geometry.to_numpy(), crs=shapes.crs)
    w = libpysal.weights.w_subset(queen, ids)
    from spatial_proximity_references import massey_denton
    cen = df.geometry.centroid
    proximity = massey_denton(df.x, df.t, cen.x, cen.y, df.geometry.area)
    np.random.seed(20252)
    test = segregation.inference.SingleValueTest(
        segregation.singlegroup.Dissim(df, "x", "t"), iterations_under_null=4000,
        null_approach="evenness", two_tailed=False, n_jobs=1)
    sims = np.asarray(test.est_sim, float)
    return {"version": segregation.__version__, "analysed": ids,
            "dissimilarity": float(segregation.singlegroup.Dissim(df, "x", "t").statistic),
            "spatial_proximity": proximity,
            "spatial_dissimilarity": float(
                segregation.singlegroup.SpatialDissim(df, "x", "t", w=w).statistic),
            "evenness": {"draws": int(len(sims)), "mean": float(sims.mean()),
                         "sd": float(sims.std(ddof=1)), "p_value": float(test.p_value)}}


out["segregation_65plus_2021"] = segregation_65plus()
# the LISA of the change: local Moran of each ward's change 2011-2022 in % of 2011
out["change_lisa"] = {
    name: spatial([np.nan if t["change_percent"] is None else t["change_percent"]
                   for t in out["trend"][name]])
    for name in ("population", "density")}
wb = libpysal.weights.W(neighbours, id_order=codes)
out["gistar_z_population"] = {
    str(y): [float(z) for z in esda.G_Local(np.array(out["population"][str(y)], float), wb,
                                            transform="B", star=True, permutations=0).Zs]
    for y in years}

with open(os.path.join(here, "years_analysis.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("city:", out["city"])
print("not located:", {y: v["total"] for y, v in out["not_located"].items()})
