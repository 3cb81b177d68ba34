#!/usr/bin/env python3
"""The GeoPandas peer of `wijk join --points --sum residents`, as one fresh process.

Reads the ward layer (geopandas.read_file) and points.csv (pandas.read_csv), builds the
points (points_from_xy), sjoin with predicate "intersects" (a boundary point meets every
ward it touches), keeps per point the ward with the smallest code (codes compared as text,
as wijk's assign rule), then counts points and sums residents per ward. Writes
code,count,residents_sum (every ward, 0 where none) and prints seconds per stage as JSON.

Usage: python3 peer_join.py <data-dir> <out.csv>
"""
import json
import pathlib
import sys
import time

import geopandas as gpd
import pandas as pd


def main(folder, out):
    clock = {}
    t = time.perf_counter()
    wards = gpd.read_file(folder / "wards.gpkg", engine="pyogrio")
    table = pd.read_csv(folder / "points.csv")
    points = gpd.GeoDataFrame(table[["residents"]],
                              geometry=gpd.points_from_xy(table["x"], table["y"]), crs=wards.crs)
    clock["read"] = time.perf_counter() - t
    t = time.perf_counter()
    joined = gpd.sjoin(points, wards[["code", "geometry"]], how="inner", predicate="intersects")
    first = joined.sort_values("code").groupby(level=0).head(1)  # smallest code per point
    per_ward = first.groupby("code")["residents"].agg(["count", "sum"])
    per_ward = per_ward.reindex(wards["code"].sort_values(), fill_value=0)
    clock["compute"] = time.perf_counter() - t
    t = time.perf_counter()
    per_ward.rename(columns={"sum": "residents_sum"}).to_csv(out, index_label="code")
    clock["write"] = time.perf_counter() - t
    clock["outside"] = int(len(points) - len(first))
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in clock.items()}),
          file=sys.stderr)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), sys.argv[2])
