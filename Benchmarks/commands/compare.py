#!/usr/bin/env python3
"""Compares the outputs of one size's run of Benchmarks/commands/run and prints them as JSON.

join: wijk's and GeoPandas' counts per ward, cell by cell, with expected_counts.csv (shapely,
smallest-code rule), and the points outside every ward; wijk's residents sums with GeoPandas'.
info: feature count, duplicate codes, invalid polygons, overlaps and gaps, wijk's --json
against the GeoPandas checks. analyse: per indicator, the largest absolute difference of the
local Moran I and Gi* z (wijk's results_not_for_publication.json against esda), of the
global Moran's I, and how many wards have the same quantile class (mapclassify).

Usage: python3 compare.py <data-dir> <out-dir> <log-dir>   (out-dir = <log-dir>/<size>)
"""
import json
import pathlib
import re
import sys

import numpy as np
import pandas as pd


def join(data, out, log, size):
    expected = pd.read_csv(data / "expected_counts.csv", index_col="code")["count"]
    outside = int(expected.pop("(outside)"))
    wijk = pd.read_csv(out / "join_wijk.csv", index_col="code").reindex(expected.index)
    peer = pd.read_csv(out / "join_geopandas.csv", index_col="code").reindex(expected.index)
    wijk_err = (log / f"{size}.join.wijk.err").read_text()
    wijk_outside = int(re.search(r"(\d+) point\(s\) lie outside", wijk_err).group(1))
    peer_outside = json.loads((log / f"{size}.join.geopandas.err").read_text().splitlines()[-1])["outside"]

    def mismatches(counts):
        bad = counts.fillna(-1).astype(int) != expected
        return dict(cells=int(bad.sum()), first=list(expected.index[bad][:5]))
    sums = wijk["residents"].fillna(0).astype(int) != peer["residents_sum"].astype(int)
    return dict(wards=len(expected), expected_outside=outside,
                wijk_counts=mismatches(wijk["n_points"]), wijk_outside=wijk_outside,
                geopandas_counts=mismatches(peer["count"]), geopandas_outside=peer_outside,
                residents_sums_differing=int(sums.sum()))


def info(log, size):
    wijk = json.loads((log / f"{size}.info.wijk.out").read_text())
    peer = json.loads((log / f"{size}.info.geopandas.out").read_text())
    keys = dict(features=("featureCount", None), duplicate_codes=("duplicateCodes", len),
                invalid=("invalidFeatures", len), overlaps=("overlaps", len), gaps=("gaps", len))
    result = {}
    for name, (key, f) in keys.items():
        w = wijk[key] if f is None else f(wijk[key])
        result[name] = dict(wijk=w, geopandas=peer[name], same=w == peer[name])
    result["wijk_slivers"] = len(wijk["slivers"])
    return result


def analyse(out):
    results = json.loads((out / "analyse_wijk" / "results_not_for_publication.json").read_text())
    peer = pd.read_csv(out / "analyse_pysal" / "wards.csv", dtype={"code": str}).set_index("code")
    report = {}
    for ind in results["indicators"]:
        name = ind["id"]
        wards = pd.DataFrame(ind["wards"]).set_index("code").reindex(peer.index)
        classes = pd.Series(ind["classes"]["classOfWard"], index=[w["code"] for w in ind["wards"]])
        lisa = np.abs(wards["localMoranI"] - peer[f"{name}_lisa_i"]).max()
        gi = np.abs(wards["giStarZ"] - peer[f"{name}_gi_z"]).max()
        same_class = int((classes.reindex(peer.index) + 1 == peer[f"{name}_class"]).sum())
        report[name] = dict(local_moran_max_abs_diff=float(lisa), within_1e9=bool(lisa <= 1e-9),
                            gi_star_z_max_abs_diff=float(gi), wards=len(peer),
                            same_quantile_class=same_class,
                            global_moran_i_wijk=ind["city"]["moran"]["i"])
    return report


def main(data, out, log):
    size = out.name
    print(json.dumps(dict(size=size, join=join(data, out, log, size), info=info(log, size),
                          analyse=analyse(out)), indent=1))


if __name__ == "__main__":
    main(*(pathlib.Path(a) for a in sys.argv[1:4]))
