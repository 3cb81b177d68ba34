#!/usr/bin/env python3
"""Synthetic ward layers and point sets for the point-to-ward benchmark (seeded).

Wards: a perturbed grid of quadrilaterals that tiles a rectangle (vertices jittered by even
whole metres, the outer border kept straight), with square enclaves cut as holes in some
quads; half the enclaves are wards of their own, the other half are a second part of another
ward (multi-part wards). Ward codes are shuffled, so feature order is not code order.

Points: uniform over the area plus a 2 % margin outside it, and some exactly on grid vertices,
on edge midpoints (exact, as vertices are even integers) and on enclave edges.

Expected counts: shapely/GEOS (exact predicates) finds every ward covering each point
(`STRtree.query(..., predicate="intersects")`, which for a point is "covers"); the point goes
to the covering ward with the smallest code in code-point order.

Outputs under Benchmarks/data/points-<wards>/: wards.geojson (EPSG:31370 coordinates),
points.f64 (little-endian float64 x, y pairs, no header), expected_counts.csv (code,count,
plus a row "(outside)"), meta.json.

Usage: python3 Benchmarks/points/generate.py [--only 2000|20000]
"""
import argparse
import json
import pathlib
import time

import numpy as np
import shapely

ROOT = pathlib.Path(__file__).resolve().parents[1] / "data"
SIZES = {2000: dict(nx=49, ny=40, enclaves=80, points=1_000_000),
         20000: dict(nx=140, ny=140, enclaves=800, points=5_000_000)}
SPACING = 100  # metres between grid vertices
ORIGIN = (200_000, 170_000)


def tessellation(nx, ny, n_enclaves, rng):
    """Quads, enclaves and their owners; returns (codes, list of shapely geometries)."""
    jitter = rng.integers(-15, 16, size=(nx + 1, ny + 1, 2)) * 2  # even, |j| <= 30
    jitter[0, :, :] = jitter[-1, :, :] = 0
    jitter[:, 0, :] = jitter[:, -1, :] = 0
    vx = ORIGIN[0] + np.arange(nx + 1)[:, None] * SPACING + jitter[:, :, 0]
    vy = ORIGIN[1] + np.arange(ny + 1)[None, :] * SPACING + jitter[:, :, 1]
    quads = [(i, j) for i in range(nx) for j in range(ny)]
    holed = rng.choice(len(quads), size=n_enclaves, replace=False)
    squares = {}
    for q in holed:
        i, j = quads[q]
        cx, cy = ORIGIN[0] + (i + 0.5) * SPACING, ORIGIN[1] + (j + 0.5) * SPACING
        squares[q] = [(cx - 10, cy - 10), (cx + 10, cy - 10), (cx + 10, cy + 10),
                      (cx - 10, cy + 10), (cx - 10, cy - 10)]
    parts = []  # list of lists of polygons, one per ward
    for q, (i, j) in enumerate(quads):
        ring = [(vx[i, j], vy[i, j]), (vx[i + 1, j], vy[i + 1, j]),
                (vx[i + 1, j + 1], vy[i + 1, j + 1]), (vx[i, j + 1], vy[i, j + 1])]
        ring.append(ring[0])
        holes = [squares[q][::-1]] if q in squares else []
        parts.append([shapely.Polygon(ring, holes)])
    enclave_list = [shapely.Polygon(squares[q]) for q in holed]
    half = len(enclave_list) // 2
    for poly in enclave_list[:half]:
        parts.append([poly])  # an enclave ward of its own
    owners = rng.choice(len(quads), size=len(enclave_list) - half, replace=False)
    for owner, poly in zip(owners, enclave_list[half:]):
        parts[owner].append(poly)  # a second part of a distant ward
    geoms = [p[0] if len(p) == 1 else shapely.MultiPolygon(p) for p in parts]
    codes = [f"W{k:05d}" for k in rng.permutation(len(geoms))]
    return codes, geoms, (vx, vy), enclave_list


def points(n, vertices, enclaves, rng):
    vx, vy = vertices
    x0, y0, x1, y1 = vx.min(), vy.min(), vx.max(), vy.max()
    mx, my = 0.02 * (x1 - x0), 0.02 * (y1 - y0)
    n_special = n // 100
    n_uniform = n - 3 * n_special
    u = np.column_stack([rng.uniform(x0 - mx, x1 + mx, n_uniform),
                         rng.uniform(y0 - my, y1 + my, n_uniform)])
    i = rng.integers(0, vx.shape[0], n_special)
    j = rng.integers(0, vx.shape[1], n_special)
    on_vertex = np.column_stack([vx[i, j], vy[i, j]]).astype(float)
    i = rng.integers(0, vx.shape[0] - 1, n_special)
    j = rng.integers(0, vx.shape[1] - 1, n_special)
    horizontal = rng.random(n_special) < 0.5
    i2 = np.where(horizontal, i + 1, i)
    j2 = np.where(horizontal, j, j + 1)
    on_edge = np.column_stack([(vx[i, j] + vx[i2, j2]) / 2, (vy[i, j] + vy[i2, j2]) / 2])
    k = rng.integers(0, len(enclaves), n_special)
    t = rng.integers(0, 21, n_special)  # whole metres along the bottom edge of a square
    ex = np.array([e.bounds[0] for e in enclaves])[k] + t
    ey = np.array([e.bounds[1] for e in enclaves])[k]
    on_enclave = np.column_stack([ex, ey])
    pts = np.vstack([u, on_vertex, on_edge, on_enclave])
    return pts[rng.permutation(len(pts))]


def expected_counts(codes, geoms, pts):
    tree = shapely.STRtree(geoms)
    p_idx, w_idx = tree.query(shapely.points(pts), predicate="intersects")
    order = np.argsort(np.array(codes))  # code-point order for ASCII codes
    rank = np.empty(len(codes), dtype=np.int64)
    rank[order] = np.arange(len(codes))
    best = np.full(len(pts), np.iinfo(np.int64).max)
    np.minimum.at(best, p_idx, rank[w_idx])
    covered = best != np.iinfo(np.int64).max
    counts = np.bincount(order[best[covered]], minlength=len(codes))
    return counts, int((~covered).sum()), int(len(p_idx))


def write(size, seed=20261130):
    spec = SIZES[size]
    rng = np.random.default_rng(seed + size)
    out = ROOT / f"points-{size}"
    out.mkdir(parents=True, exist_ok=True)
    codes, geoms, vertices, enclaves = tessellation(spec["nx"], spec["ny"], spec["enclaves"], rng)
    assert len(codes) == size, len(codes)
    pts = points(spec["points"], vertices, enclaves, rng)
    features = [{"type": "Feature", "properties": {"code": c},
                 "geometry": shapely.geometry.mapping(g)} for c, g in zip(codes, geoms)]
    with open(out / "wards.geojson", "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f)
    pts.astype("<f8").tofile(out / "points.f64")
    t = time.perf_counter()
    counts, outside, pairs = expected_counts(codes, geoms, pts)
    seconds = time.perf_counter() - t
    with open(out / "expected_counts.csv", "w") as f:
        f.write("code,count\n")
        for c, n in sorted(zip(codes, counts)):
            f.write(f"{c},{n}\n")
        f.write(f"(outside),{outside}\n")
    meta = dict(wards=size, points=len(pts), outside=outside, covering_pairs=pairs,
                seed=seed + size, shapely=shapely.__version__, geos=shapely.geos_version_string,
                expected_seconds=round(seconds, 2))
    (out / "meta.json").write_text(json.dumps(meta, indent=1))
    print(json.dumps(meta))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", type=int, choices=sorted(SIZES))
    args = ap.parse_args()
    for size in ([args.only] if args.only else sorted(SIZES)):
        write(size)
