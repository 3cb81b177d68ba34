#!/usr/bin/env python3
"""Point-to-ward reference on Genk's real 2025 wards (GeoData/genk_wijken_2025_31370.geojson).

Points (synthetic, seeded): every ward vertex (exactly on boundaries, most shared by two or
three wards), each ward's shapely `point_on_surface`, and 5,000 uniform points over the
wards' bounding box. shapely/GEOS finds the covering wards; each point goes to the ward
with the smallest `geoitem` code (code-point order).

Writes beside this script: genk_points.csv (x;y, shortest round-trip floats) and
genk_expected.json (counts per code, outside, boundary points, intersects total).
Run: python3 Tests/Fixtures/joins/make_genk_reference.py
"""
import json
import pathlib

import numpy as np
import shapely

HERE = pathlib.Path(__file__).resolve().parent
wards = json.loads((HERE.parents[2] / "GeoData" / "genk_wijken_2025_31370.geojson").read_text())
codes = [f["properties"]["geoitem"] for f in wards["features"]]
geoms = [shapely.geometry.shape(f["geometry"]) for f in wards["features"]]

rng = np.random.default_rng(71016)
vertices = np.unique(np.vstack([shapely.get_coordinates(g) for g in geoms]), axis=0)
inside = shapely.get_coordinates(shapely.point_on_surface(geoms))
x0, y0, x1, y1 = shapely.total_bounds(geoms)
uniform = np.column_stack([rng.uniform(x0, x1, 5_000), rng.uniform(y0, y1, 5_000)])
pts = np.vstack([vertices, inside, uniform])

tree = shapely.STRtree(geoms)
p_idx, w_idx = tree.query(shapely.points(pts), predicate="intersects")
order = sorted(range(len(codes)), key=lambda i: codes[i])
rank = np.empty(len(codes), dtype=np.int64)
rank[order] = np.arange(len(codes))
best = np.full(len(pts), len(codes))
np.minimum.at(best, p_idx, rank[w_idx])
counts = {codes[order[r]]: int((best == r).sum()) for r in range(len(codes))}
boundary = shapely.touches(shapely.points(pts)[:, None], np.array(geoms)[None, :]).any(axis=1)

with open(HERE / "genk_points.csv", "w") as f:
    f.write("x;y\n")
    for x, y in pts:
        f.write(f"{float(x)!r};{float(y)!r}\n")
(HERE / "genk_expected.json").write_text(json.dumps({
    "counts": dict(sorted(counts.items())),
    "outside": int((best == len(codes)).sum()),
    "boundary_points": int(boundary.sum()),
    "intersects_total": int(len(p_idx)),
    "vertices": int(len(vertices)),
    "shapely": shapely.__version__, "geos": shapely.geos_version_string,
}, indent=1))
print(len(pts), int(boundary.sum()), int(len(p_idx)))
