#!/usr/bin/env python3
"""GeoPandas timing of the same point-to-ward job as wijk's point index, on the same data.

For each Benchmarks/data/points-<n>/: read the wards (geopandas.read_file, pyogrio) and the
points (numpy.fromfile of the float64 pairs), build a point GeoDataFrame, sjoin with
predicate "intersects" (boundary points match every ward they touch), keep per point the
ward with the smallest code (the same rule as wijk), groupby count. Reading is included.
The counts are checked against expected_counts.csv.

Usage: python3 Benchmarks/points/geopandas_bench.py [data-dir]
"""
import pathlib
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd


def run(folder):
    t0 = time.perf_counter()
    wards = gpd.read_file(folder / "wards.geojson")
    t1 = time.perf_counter()
    xy = np.fromfile(folder / "points.f64", dtype="<f8").reshape(-1, 2)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=wards.crs)
    t2 = time.perf_counter()
    joined = gpd.sjoin(points, wards[["code", "geometry"]], how="left", predicate="intersects")
    t3 = time.perf_counter()
    first = joined.sort_values("code").groupby(level=0)["code"].first()
    counts = first.value_counts()
    t4 = time.perf_counter()
    expected = pd.read_csv(folder / "expected_counts.csv", index_col="code")["count"]
    outside = int(expected.pop("(outside)"))
    got = counts.reindex(expected.index, fill_value=0)
    assert (got == expected).all(), "GeoPandas counts differ from the GEOS expectation"
    assert int(first.isna().sum()) == outside
    print(f"{folder.name}: {len(wards)} wards, {len(xy)} points")
    print(f"  read wards (read_file)          {t1 - t0:.3f} s")
    print(f"  read points + GeoDataFrame      {t2 - t1:.3f} s")
    print(f"  sjoin intersects                {t3 - t2:.3f} s")
    print(f"  smallest code + groupby count   {t4 - t3:.3f} s")
    print(f"  points read + join + count      {t4 - t1:.3f} s")
    print(f"  total incl. wards               {t4 - t0:.3f} s")


if __name__ == "__main__":
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                        pathlib.Path(__file__).resolve().parents[1] / "data")
    for folder in sorted(root.glob("points-*"), key=lambda p: int(p.name.split("-")[1])):
        run(folder)
