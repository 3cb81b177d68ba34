#!/usr/bin/env python3
"""Reference values for `wijk analyse` on GeoData/wijk-genk.yaml, computed independently.

pandas sums the Fluvius 2021 sector figures per 2020-2024 ward through the lookup; libpysal
builds queen contiguity from the ward polygons; esda, segregation and inequality compute the
analytic statistics on the same ward values; segregation's `SpatialDissim` (binary queen) the
spatial D, esda's `Empirical_Bayes` and `Spatial_Empirical_Bayes` the smoothed rates of
the shares (binary queen neighbours), the Massey & Denton formula in numpy (spatial_proximity_references.py) the spatial
proximity between shapely centroids, and inequality's `Gini_Spatial` the spatial Gini
(binary queen), esda's `Join_Counts_Local` the local join counts of the concentration wards
of each share (LQ >= 1.2 and a rank in the top fifth, binary queen), segregation's `SingleValueTest` (evenness, 4,000 numpy draws) the distribution of D under
random allocation, which the test compares in distribution (mean within 5 standard errors).
The Swift end-to-end test runs the real pipeline and compares every value to 1e-9 relative
(permutation p-values are not compared: they follow each implementation's generator).

Versions are pinned in requirements.txt. Writes genk_analysis.json beside this script.
"""
import json
import os
import warnings

import esda
import geopandas as gpd
import inequality
import libpysal
import numpy as np
import pandas as pd
import segregation
import segregation.inference

from spatial_proximity_references import massey_denton

warnings.filterwarnings("ignore")
here = os.path.dirname(os.path.abspath(__file__))
geo = os.path.join(here, "..", "..", "..", "GeoData")

wards = gpd.read_file(os.path.join(geo, "genk_wijken_2020_2024_31370.geojson"))
fluvius = pd.read_csv(os.path.join(geo, "genk_fluvius_energy_statsec2019_2018_2021.csv"),
                      dtype={"geoitem": str})
lookup = pd.read_csv(os.path.join(geo, "genk_statsec2024_to_wijk2024.csv"), dtype=str)
year = fluvius[fluvius.period == 2021].merge(lookup, left_on="geoitem", right_on="statsec2024")
columns = ["v2506_elek_res_n", "v2506_gas_res_n", "v2506_elek_res_cons", "v2506_gas_res_cons",
           "v2506_elek_nietres_n"]
sums = year.groupby("ggw72024")[columns].sum()
table = wards[["geoitem", "geometry"]].merge(sums, left_on="geoitem", right_index=True, how="left")

INDICATORS = {  # id: (numerator, base, per); base None = a count
    "households": ("v2506_elek_res_n", None, None),
    "gas_share": ("v2506_gas_res_n", "v2506_elek_res_n", 100.0),
    "electricity_per_household": ("v2506_elek_res_cons", "v2506_elek_res_n", 1.0),
    "gas_per_gas_household": ("v2506_gas_res_cons", "v2506_gas_res_n", 1.0),
    "nonresidential_connections": ("v2506_elek_nietres_n", None, None),
}

queen = libpysal.weights.Queen.from_dataframe(table, ids=table.geoitem.tolist(), use_index=False)
out = {
    "versions": {m.__name__: m.__version__ for m in (libpysal, esda, segregation, inequality)},
    "codes": table.geoitem.tolist(),
    "sums": {c: table[c].tolist() for c in columns},
    "queen_neighbours": {k: sorted(v) for k, v in queen.neighbors.items()},
    "indicators": {},
}

for ident, (num, base, per) in INDICATORS.items():
    n = table[num].to_numpy(float)
    if base is None:
        values = n
    else:
        b = table[base].to_numpy(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.where(b > 0, n / b * per, np.nan)
    keep = ~np.isnan(values)
    ids = table.geoitem[keep].tolist()
    w = libpysal.weights.w_subset(queen, ids)
    w.transform = "r"
    y = values[keep]
    mi = esda.Moran(y, w, permutations=0)
    lm = esda.Moran_Local(y, w, permutations=0)
    wb = libpysal.weights.w_subset(queen, ids)
    gs = esda.G_Local(y, wb, transform="B", star=True, permutations=0)
    wr = libpysal.weights.w_subset(queen, ids)
    gc = esda.Geary(y, wr, transformation="r", permutations=0)
    gg = esda.G(y, libpysal.weights.w_subset(queen, ids), permutations=0)
    entry = {
        "values": [None if np.isnan(v) else float(v) for v in values],
        "analysed": ids,
        "moran": {"I": float(mi.I), "EI": float(mi.EI), "z_rand": float(mi.z_rand),
                  "p_norm": float(mi.p_norm), "p_rand": float(mi.p_rand)},
        "local_I": [float(v) for v in lm.Is],
        "quadrant": [["HH", "LH", "LL", "HL"][q - 1] for q in lm.q],
        "gistar_z": [float(v) for v in gs.Zs],
        "geary": {"C": float(gc.C), "EC": float(gc.EC), "z_rand": float(gc.z_rand),
                  "p_rand": float(gc.p_rand), "p_norm": float(gc.p_norm)},
        "general_g": {"G": float(gg.G), "EG": float(gg.EG), "z_norm": float(gg.z_norm),
                      "p_norm": float(gg.p_norm)},
        "gini": float(inequality.gini.Gini(y).g),
    }
    if (y >= 0).all():
        # the spatial Gini (Rey & Smith 2013) on binary queen weights of the same wards
        # (Gini_Spatial indexes the values by the neighbours' ids: positions, not ward codes)
        ws = libpysal.weights.w_subset(queen, ids)
        at = {c: k for k, c in enumerate(ids)}
        wi = libpysal.weights.W({at[c]: [at[j] for j in ws.neighbors[c]] for c in ids},
                                silence_warnings=True)
        sg = inequality.gini.Gini_Spatial(y, wi, permutations=0)
        entry["spatial_gini"] = {"g": float(sg.g), "wg": float(sg.wg), "wcg": float(sg.wcg),
                                 "wcg_share": float(sg.wcg_share),
                                 "polarization": float(sg.polarization)}
    if base is not None and per == 100.0:
        # Concentration wards (wijk's rule: LQ >= 1.2 and a rank in the top fifth of the
        # ranked wards) and their local join counts (esda Join_Counts_Local, binary queen)
        b = table[base].to_numpy(float)
        both = ~np.isnan(n) & ~np.isnan(b)
        city = n[both].sum() / b[both].sum() * per
        order = -values[keep]
        ranks = np.array([1 + (order < v).sum() for v in order])  # ties share the smaller rank
        top = int(np.ceil(keep.sum() / 5))
        flags = ((values[keep] / city >= 1.2) & (ranks <= top)).astype(float)
        wb = libpysal.weights.w_subset(queen, ids)
        wb.transform = "b"
        ljc = esda.Join_Counts_Local(connectivity=wb, permutations=0).fit(flags).LJC
        entry["concentration_wards"] = [c for c, f in zip(ids, flags) if f == 1]
        entry["concentration_join_counts"] = [float(v) for v in ljc]
        # Empirical Bayes rates of every ward with a base: global (Marshall) and spatial
        # (each ward with its queen neighbours, binary), esda's smoothing module.
        b_all = table[base].to_numpy(float)
        at_risk = b_all > 0
        risk_ids = table.geoitem[at_risk].tolist()
        e, bb = n[at_risk].reshape(-1, 1), b_all[at_risk].reshape(-1, 1)
        wq = libpysal.weights.w_subset(queen, risk_ids)
        entry["eb_analysed"] = risk_ids
        entry["eb_global"] = [float(v) * per for v in esda.smoothing.Empirical_Bayes(e, bb).r.ravel()]
        entry["eb_spatial"] = [
            float(v) * per for v in esda.smoothing.Spatial_Empirical_Bayes(e, bb, wq).r.ravel()]
        df = pd.DataFrame({"group": n[keep], "total": table[base].to_numpy(float)[keep]})
        entry["dissimilarity"] = float(segregation.singlegroup.Dissim(df, "group", "total").statistic)
        entry["isolation"] = float(segregation.singlegroup.Isolation(df, "group", "total").statistic)
        entry["theil_h"] = float(segregation.singlegroup.Entropy(df, "group", "total").statistic)
        # wards with a base above 0 only (as wijk: a ward without residents has no share)
        gdf = gpd.GeoDataFrame(df.assign(geometry=table.geometry[keep].to_numpy()), crs=wards.crs)
        wq = libpysal.weights.w_subset(queen, ids)
        entry["spatial_dissimilarity"] = float(
            segregation.singlegroup.SpatialDissim(gdf, "group", "total", w=wq).statistic)
        cen = gdf.geometry.centroid
        entry["spatial_proximity"] = massey_denton(
            gdf.group, gdf.total, cen.x, cen.y, gdf.geometry.area)
        np.random.seed(20251)
        test = segregation.inference.SingleValueTest(
            segregation.singlegroup.Dissim(gdf, "group", "total"), iterations_under_null=4000,
            null_approach="evenness", two_tailed=False, n_jobs=1)
        sims = np.asarray(test.est_sim, float)
        entry["dissimilarity_evenness"] = {
            "draws": int(len(sims)), "mean": float(sims.mean()), "sd": float(sims.std(ddof=1)),
            "p_value": float(test.p_value)}
    out["indicators"][ident] = entry

with open(os.path.join(here, "genk_analysis.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote genk_analysis.json")
