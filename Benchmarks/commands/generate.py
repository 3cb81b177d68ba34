#!/usr/bin/env python3
"""Seeded inputs of the whole-command benchmark (`Benchmarks/commands/run`).

Wards and points come from Benchmarks/points/generate.py (imported, not copied): a perturbed
grid with enclaves and multi-part wards, points uniform plus 3 % exactly on vertices, edge
midpoints and enclave edges, and the expected counts under the smallest-code rule (shapely).
Sizes: S = 2,000 wards / 1 M points, M = 20,000 wards / 5 M points.

Writes under Benchmarks/data/commands-<S|M>/:
  wards.gpkg           EPSG:31370, fields code, name (GDAL's GPKG driver, OGR_CURRENT_DATE
                       fixed so the file's bytes are reproducible)
  points.csv           x,y,residents; uniform coordinates rounded to the millimetre (the
                       expected counts are computed on exactly the numbers written)
  wards_table.csv      code,households,social_rent,residents: per ward, a smooth field over
                       the area plus noise, so global Moran's I is clearly positive
  expected_counts.csv  code,count plus "(outside)"
  wijk-bench.yaml      the `wijk analyse` configuration (2 indicators, queen, 999 permutations)
and checks or records the sha256 of each in Benchmarks/commands/CHECKSUMS.

Usage: python3 Benchmarks/commands/generate.py [--only S|M] [--record | --verify]
  --record rewrites CHECKSUMS; without it a mismatch is an error; --verify only hashes the
  files already there against CHECKSUMS (exit 1 on a difference or a missing file).
"""
import argparse
import hashlib
import importlib.util
import json
import os
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "data"
CHECKSUMS = HERE / "CHECKSUMS"
SIZES = {"S": 2000, "M": 20000}  # ward counts; points and layout: points/generate.py
SEED = 20261202
FILES = ["wards.gpkg", "points.csv", "wards_table.csv", "expected_counts.csv", "wijk-bench.yaml"]


def points_module():
    """Benchmarks/points/generate.py as a module (its name clashes with this file's)."""
    spec = importlib.util.spec_from_file_location("points_generate", HERE.parent / "points" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ward_table(codes, geoms, rng):
    """Households, social rent and residents per ward: a smooth spatial field plus noise."""
    import shapely
    c = shapely.get_coordinates(shapely.centroid(geoms))
    u = (c - c.min(axis=0)) / np.ptp(c, axis=0)  # 0..1 over the area
    field = np.sin(2.5 * np.pi * u[:, 0]) * np.cos(1.8 * np.pi * u[:, 1]) + 0.8 * u[:, 0]
    households = rng.integers(150, 900, len(codes))
    share = 1 / (1 + np.exp(-(-1.8 + 0.9 * field + rng.normal(0, 0.35, len(codes)))))
    social_rent = rng.binomial(households, share)
    residents = np.round(households * (2.0 + 0.4 * field + rng.normal(0, 0.15, len(codes)))).astype(int)
    return households, social_rent, np.maximum(residents, households)


def write_gpkg(path, codes, geoms):
    """The ward layer; a fixed OGR_CURRENT_DATE keeps gpkg_contents' timestamp constant."""
    import geopandas as gpd
    os.environ["OGR_CURRENT_DATE"] = "2026-01-01T00:00:00.000Z"
    names = [f"Ward {c[1:]}" for c in codes]
    frame = gpd.GeoDataFrame({"code": codes, "name": names}, geometry=list(geoms), crs="EPSG:31370")
    path.unlink(missing_ok=True)
    frame.to_file(path, driver="GPKG", layer="wards", engine="pyogrio")


def write_points(path, pts, rng):
    """x,y,residents; repr() of a float round-trips, so the reader sees these exact values."""
    residents = rng.integers(1, 7, len(pts))
    with open(path, "w") as f:
        f.write("x,y,residents\n")
        for (x, y), r in zip(pts.tolist(), residents.tolist()):
            f.write(f"{x!r},{y!r},{r}\n")


CONFIG = """# `wijk analyse` on the seeded {wards} wards of the command benchmark (Benchmarks/commands).
title: "Command benchmark, {wards} seeded wards"
language: en
wards:
  file: wards.gpkg
  code: code
  name: name
tables:
  - file: wards_table.csv
    key: code
indicators:
  - id: social_rent_rate
    kind: rate
    numerator: social_rent
    base: households
    per: 100
    label: {{ nl: "Aandeel sociale huur", en: "Share of social rent" }}
    unit: {{ nl: "%", en: "%" }}
    worse: higher
  - id: residents
    kind: count
    numerator: residents
    label: {{ nl: "Inwoners", en: "Residents" }}
    worse: neither
weights: {{ kind: queen }}
small_number_threshold: 5
seed: 12345
permutations: 999
significance: 0.05
multiple_testing: fdr
concentration_quotient: 1.2
classification: {{ method: quantiles, classes: 5 }}
credits: []
"""


def write(size, pg):
    wards = SIZES[size]
    spec = pg.SIZES[wards]
    rng = np.random.default_rng(SEED + wards)
    out = DATA / f"commands-{size}"
    out.mkdir(parents=True, exist_ok=True)
    codes, geoms, vertices, enclaves = pg.tessellation(spec["nx"], spec["ny"], spec["enclaves"], rng)
    pts = pg.points(spec["points"], vertices, enclaves, rng)
    pts = np.round(pts * 1000) / 1000  # millimetres: a short CSV; specials are exact already
    write_gpkg(out / "wards.gpkg", codes, geoms)
    write_points(out / "points.csv", pts, rng)
    households, social_rent, residents = ward_table(codes, geoms, rng)
    with open(out / "wards_table.csv", "w") as f:
        f.write("code,households,social_rent,residents\n")
        for row in sorted(zip(codes, households, social_rent, residents)):
            f.write(",".join(map(str, row)) + "\n")
    counts, outside, pairs = pg.expected_counts(codes, geoms, pts)
    with open(out / "expected_counts.csv", "w") as f:
        f.write("code,count\n")
        for c, n in sorted(zip(codes, counts)):
            f.write(f"{c},{n}\n")
        f.write(f"(outside),{outside}\n")
    (out / "wijk-bench.yaml").write_text(CONFIG.format(wards=f"{wards:,}"))
    print(json.dumps(dict(size=size, wards=len(codes), points=len(pts), outside=outside,
                          covering_pairs=pairs, seed=SEED + wards)))
    return {f"commands-{size}/{name}": sha256(out / name) for name in FILES}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_checksums():
    if not CHECKSUMS.exists():
        return {}
    pairs = (line.split() for line in CHECKSUMS.read_text().splitlines() if line and line[0] != "#")
    return {name: digest for digest, name in pairs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=sorted(SIZES))
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--verify", action="store_true")
    args = ap.parse_args()
    recorded = read_checksums()
    sizes = [args.only] if args.only else sorted(SIZES, key=SIZES.get)
    if args.verify:
        names = [f"commands-{s}/{n}" for s in sizes for n in FILES]
        bad = [n for n in names if not (DATA / n).exists() or sha256(DATA / n) != recorded.get(n)]
        for n in bad:
            print(f"missing or differs from CHECKSUMS: {n}", file=sys.stderr)
        sys.exit(1 if bad else 0)
    pg = points_module()
    got = {}
    for size in sizes:
        got.update(write(size, pg))
    if args.record:
        recorded.update(got)
        lines = [f"{d}  {n}" for n, d in sorted(recorded.items())]
        CHECKSUMS.write_text("# sha256 of Benchmarks/data/<file>, written by generate.py --record\n"
                             + "\n".join(lines) + "\n")
        return
    bad = [n for n, d in got.items() if recorded.get(n) not in (None, d)]
    for n in bad:
        print(f"checksum differs from CHECKSUMS: {n}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
