#!/usr/bin/env python3
"""The PySAL peer of `wijk analyse --config wijk-bench.yaml`, as one fresh process.

Reads the wards (geopandas.read_file) and wards_table.csv, merges them on code, computes the
two indicators of wijk-bench.yaml (social_rent_rate = social_rent / households x 100, and
residents), builds queen weights (libpysal weights.Queen.from_dataframe, row-standardised),
and per indicator: global Moran's I (999 permutations), local Moran (esda.Moran_Local, 999,
seed 12345), Gi* (esda.G_Local star=True on binary weights, as wijk, 999, seed 12345) and 5 quantile classes
(mapclassify.Quantiles). Writes wards.gpkg and wards.csv to <out-dir>; one thread
(n_jobs=1), as wijk; numba's compilation on first call is part of the run, as for a user.
Prints seconds per stage as JSON.

Usage: python3 peer_analyse.py <data-dir> <out-dir>
"""
import json
import pathlib
import sys
import time

import esda
import geopandas as gpd
import libpysal
import mapclassify
import pandas as pd

SEED = 12345


def main(folder, out):
    clock = {}
    t = time.perf_counter()
    wards = gpd.read_file(folder / "wards.gpkg", engine="pyogrio")
    table = pd.read_csv(folder / "wards_table.csv", dtype={"code": str})
    clock["read"] = time.perf_counter() - t
    t = time.perf_counter()
    wards = wards.merge(table, on="code", how="left", validate="one_to_one")
    wards["social_rent_rate"] = wards["social_rent"] / wards["households"] * 100
    w = libpysal.weights.Queen.from_dataframe(wards, use_index=False, silence_warnings=True)
    w.transform = "r"
    clock["prepare"] = time.perf_counter() - t
    summary = {}
    for ind in ["social_rent_rate", "residents"]:  # the first pays numba's compilation
        t = time.perf_counter()
        y = wards[ind].to_numpy(dtype=float)
        moran = esda.Moran(y, w, permutations=999)
        local = esda.Moran_Local(y, w, permutations=999, seed=SEED, n_jobs=1)
        gi = esda.G_Local(y, w, transform="B", star=True, permutations=999, seed=SEED, n_jobs=1)
        classes = mapclassify.Quantiles(y, k=5)
        wards[f"{ind}_lisa_i"] = local.Is
        wards[f"{ind}_lisa_p"] = local.p_sim
        wards[f"{ind}_lisa_q"] = local.q
        wards[f"{ind}_gi_z"] = gi.Zs
        wards[f"{ind}_gi_p"] = gi.p_sim
        wards[f"{ind}_class"] = classes.yb + 1
        summary[ind] = dict(moran_i=round(float(moran.I), 6), moran_p=float(moran.p_sim))
        clock[f"compute {ind}"] = time.perf_counter() - t
    t = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    wards.to_file(out / "wards.gpkg", driver="GPKG", engine="pyogrio")
    wards.drop(columns="geometry").to_csv(out / "wards.csv", index=False)
    clock["write"] = time.perf_counter() - t
    print(json.dumps(dict(seconds={k: round(v, 3) for k, v in clock.items()},
                          neighbours_mean=round(w.mean_neighbors, 3), islands=len(w.islands),
                          global_moran=summary)), file=sys.stderr)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
