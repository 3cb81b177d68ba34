#!/usr/bin/env python3
"""Small synthetic point-to-ward reference (made for this project; synthetic data).

Uses the benchmark generator (Benchmarks/points/generate.py) at a small size: 32 wards
(a 6 × 5 perturbed grid, 4 enclaves: 2 wards of their own, 2 second parts of other wards)
and 6,000 points (1 % on grid vertices, 1 % on edge midpoints, 1 % on enclave edges).
shapely/GEOS finds every covering ward; each point goes to the smallest code.

Writes beside this script: grid32_wards.geojson, grid32_points.csv (x;y, repr floats) and
grid32_expected.json ({"counts": {code: n}, "outside": n, "boundary_points": n, ...}).
Run: python3 Tests/Fixtures/joins/make_point_reference.py
"""
import json
import pathlib
import sys

import numpy as np
import shapely

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "Benchmarks" / "points"))
import generate  # noqa: E402

rng = np.random.default_rng(71016)
codes, geoms, vertices, enclaves = generate.tessellation(6, 5, 4, rng)
pts = generate.points(6000, vertices, enclaves, rng)
counts, outside, pairs = generate.expected_counts(codes, geoms, pts)
boundary = shapely.touches(shapely.points(pts)[:, None], np.array(geoms)[None, :]).any(axis=1)
features = [{"type": "Feature", "properties": {"code": c},
             "geometry": shapely.geometry.mapping(g)} for c, g in zip(codes, geoms)]
(HERE / "grid32_wards.geojson").write_text(
    json.dumps({"type": "FeatureCollection", "features": features}))
with open(HERE / "grid32_points.csv", "w") as f:
    f.write("x;y\n")
    for x, y in pts:
        f.write(f"{float(x)!r};{float(y)!r}\n")
(HERE / "grid32_expected.json").write_text(json.dumps({
    "counts": dict(sorted(zip(codes, map(int, counts)))),
    "outside": outside,
    "boundary_points": int(boundary.sum()),
    "intersects_total": pairs,
    "shapely": shapely.__version__, "geos": shapely.geos_version_string,
}, indent=1))
print(outside, int(boundary.sum()), pairs, sum(map(int, counts)))
