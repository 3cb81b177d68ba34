#!/usr/bin/env python3
"""Writes register_small_synthetic_2021_wgs84.geojson: the small SYNTHETIC 2021 register as
an RFC 7946 point layer (longitude/latitude, pyproj EPSG:31370 -> EPSG:4326, always_xy),
without the boundary row b1 (a round trip through WGS84 need not stay exactly on the edge).
Tests that a point layer register counts like the CSV. Run from this folder."""
import csv
import json

from pyproj import Transformer

t = Transformer.from_crs("EPSG:31370", "EPSG:4326", always_xy=True)
features = []
with open("register_small_synthetic_2021.csv", newline="") as f:
    for row in csv.DictReader(f, delimiter=";"):
        if row["id"] == "b1":
            continue
        lon, lat = t.transform(float(row["x"]), float(row["y"]))
        props = {k: v for k, v in row.items() if k not in ("x", "y")}
        props["units"] = int(props["units"])
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [round(lon, 9), round(lat, 9)]}})
with open("register_small_synthetic_2021_wgs84.geojson", "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
    f.write("\n")
