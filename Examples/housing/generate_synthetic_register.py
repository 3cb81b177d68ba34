#!/usr/bin/env python3
"""Generates the SYNTHETIC housing registers of the `wijk housing` example.

A real housing register is confidential, so the example runs on invented dwellings placed
inside Genk's real 30 wards (GeoData/genk_wijken_2020_2024_31370.geojson). The number of
dwellings per ward follows the real residential electricity connections of 2021
(Fluvius `v2506_elek_res_n`, summed from sectors to wards through
GeoData/genk_statsec2024_to_wijk2024.csv). Everything else (buildings, tenure, landlord,
vacancy, years, subsidies, permits, the 2024 changes) is invented with a fixed seed.

Outputs (all synthetic, every file says so in its name):
  Examples/housing/register_synthetic_2021.csv   one row per building, Lambert 72 x/y
  Examples/housing/register_synthetic_2024.csv   the same city three years on
  Tests/Fixtures/housing/register_synthetic_wgs84.csv   the first 400 buildings of 2021
      in longitude/latitude (pyproj, always_xy), for the WGS84 = Lambert 72 test
  Tests/Fixtures/housing/register_synthetic_lambert.csv the same 400 in Lambert 72

Run from the package root:  python3 Examples/housing/generate_synthetic_register.py
"""
import csv
import json
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.prepared import prep

ROOT = Path(__file__).resolve().parents[2]
GEO = ROOT / "GeoData"
OUT = ROOT / "Examples" / "housing"
FIX = ROOT / "Tests" / "Fixtures" / "housing"
SEED = 20210101
# Interior points keep this distance (m) from every ward boundary, so that rounding to
# 0.1 m and a WGS84 round trip cannot move them to another ward.
MARGIN = 3.0

COLUMNS = [
    "gebouw_id", "x", "y", "wooneenheden", "woningtype", "eigendom", "verhuurder",
    "leegstand", "bouwjaar", "renovatiepremie_jaar", "vergunning_jaar",
]


def wards():
    data = json.loads((GEO / "genk_wijken_2020_2024_31370.geojson").read_text())
    return [(f["properties"]["geoitem"], shape(f["geometry"])) for f in data["features"]]


def connections_2021():
    """Residential electricity connections per ward, 2021 (the real counts)."""
    lookup = {}
    with open(GEO / "genk_statsec2024_to_wijk2024.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lookup[row["statsec2024"]] = row["ggw72024"]
    per_ward = defaultdict(int)
    with open(GEO / "genk_fluvius_energy_statsec2019_2018_2021.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["period"] == "2021" and row["v2506_elek_res_n"]:
                per_ward[lookup.get(row["geoitem"], "?")] += int(float(row["v2506_elek_res_n"]))
    return per_ward


def random_point(rng, polygon, prepared, bounds):
    minx, miny, maxx, maxy = bounds
    while True:
        p = Point(round(rng.uniform(minx, maxx), 1), round(rng.uniform(miny, maxy), 1))
        if prepared.contains(p):
            return p


def building_sizes(rng, dwellings, apartment_share):
    """Splits a ward's dwellings into buildings: houses of 1, blocks of 4 to 40."""
    sizes = []
    left = dwellings
    while left > 0:
        if rng.random() < apartment_share and left >= 4:
            size = min(left, rng.randint(4, 40))
        else:
            size = 1
        sizes.append(size)
        left -= size
    return sizes


def building(rng, gid, p, size, social_share, code):
    social = rng.random() < social_share
    if social:
        tenure, landlord = "SH", rng.choice(["SHM-A", "SHM-A", "SHM-B"])
    else:
        tenure = "PH" if rng.random() < (0.45 if size > 1 else 0.15) else "EW"
        landlord = "PRIV" if tenure == "PH" else ""
    built = rng.randint(1925, 2020)
    return {
        "gebouw_id": f"S{gid:06d}", "x": f"{p.x:.1f}", "y": f"{p.y:.1f}",
        "wooneenheden": size, "woningtype": "MG" if size > 1 else "EG",
        "eigendom": tenure, "verhuurder": landlord,
        "leegstand": "1" if rng.random() < (0.06 if code.endswith("10") else 0.03) else "0",
        "bouwjaar": built,
        "renovatiepremie_jaar": rng.choice([2017, 2018, 2019, 2020, 2021]) if rng.random() < 0.08 else "",
        "vergunning_jaar": rng.choice([2017, 2018, 2019, 2020, 2021]) if rng.random() < 0.05 else "",
    }


def boundary_points(ward_list):
    """Four points exactly on a vertex shared by two wards, with the ward coordinates' own
    digits (written in full so they stay on the boundary)."""
    seen = {}
    shared = []
    for code, poly in ward_list:
        geoms = getattr(poly, "geoms", [poly])
        for g in geoms:
            for xy in g.exterior.coords:
                if xy in seen and seen[xy] != code:
                    shared.append(xy)
                seen.setdefault(xy, code)
    shared = sorted(set(shared))
    step = max(1, len(shared) // 4)
    return shared[::step][:4]


def main():
    rng = random.Random(SEED)
    ward_list = wards()
    counts = connections_2021()
    rows = []
    gid = 0
    # Invented tenure mixes: a few wards get a large social rental share on purpose, so the
    # concentration statistics have something to find. Not the real figures.
    high_social = {"7101616", "7101613", "7101615", "7101622"}
    for code, poly in sorted(ward_list):
        inner = poly.buffer(-MARGIN)
        prepared, bounds = prep(inner), inner.bounds
        n = counts.get(code, 0)
        social = rng.uniform(0.35, 0.6) if code in high_social else rng.uniform(0.02, 0.2)
        apartments = rng.uniform(0.02, 0.08)
        for size in building_sizes(rng, n, apartments):
            gid += 1
            rows.append(building(rng, gid, random_point(rng, inner, prepared, bounds), size, social, code))
    lambert_fixture = [dict(r) for r in rows[:400]]
    # Points that the module must report, not drop: outside every ward, and on boundaries.
    minx, miny, maxx, maxy = np.array([p.bounds for _, p in ward_list]).T
    for k, (x, y) in enumerate([(minx.min() - 500, miny.min() - 500), (maxx.max() + 800, maxy.max()),
                                (minx.min() - 50, maxy.max() + 50)]):
        gid += 1
        r = building(rng, gid, Point(x, y), 1, 0.1, "")
        r["x"], r["y"] = f"{x:.1f}", f"{y:.1f}"
        rows.append(r)
        lambert_fixture.append(dict(r))
    for x, y in boundary_points(ward_list):
        gid += 1
        r = building(rng, gid, Point(x, y), 1, 0.1, "")
        r["x"], r["y"] = repr(x), repr(y)
        rows.append(r)
    write(OUT / "register_synthetic_2021.csv", rows)
    write(OUT / "register_synthetic_2024.csv", later(rng, rows, ward_list, gid))
    write(FIX / "register_synthetic_lambert.csv", lambert_fixture)
    to_wgs84 = Transformer.from_crs("EPSG:31370", "EPSG:4326", always_xy=True)
    wgs = []
    for r in lambert_fixture:
        lon, lat = to_wgs84.transform(float(r["x"]), float(r["y"]))
        w = {k: v for k, v in r.items() if k not in ("x", "y")}
        w = {"gebouw_id": r["gebouw_id"], "lengtegraad": f"{lon:.9f}", "breedtegraad": f"{lat:.9f}",
             **{k: v for k, v in w.items() if k != "gebouw_id"}}
        wgs.append(w)
    write(FIX / "register_synthetic_wgs84.csv", wgs,
          ["gebouw_id", "lengtegraad", "breedtegraad"] + COLUMNS[3:])


def later(rng, rows, ward_list, gid):
    """The register three years on: 2 % of buildings gone, 4 % of social dwellings sold,
    vacancy re-drawn, new blocks with permits in 2022-2023, subsidies in 2022-2024."""
    out = []
    for i, r in enumerate(rows):
        # The last rows (outside and boundary points) stay, so both dates report them.
        if rng.random() < 0.02 and i < len(rows) - 7:
            continue
        r = dict(r)
        if r["eigendom"] == "SH" and rng.random() < 0.04:
            r["eigendom"], r["verhuurder"] = "EW", ""
        r["leegstand"] = "1" if rng.random() < 0.035 else "0"
        if rng.random() < 0.08:
            r["renovatiepremie_jaar"] = rng.choice([2022, 2023, 2024])
        out.append(r)
    growth_wards = sorted(ward_list)[::3]
    for code, poly in growth_wards:
        inner = poly.buffer(-MARGIN)
        prepared, bounds = prep(inner), inner.bounds
        for _ in range(rng.randint(2, 12)):
            gid += 1
            size = rng.randint(4, 30)
            r = building(rng, gid, random_point(rng, inner, prepared, bounds), size, 0.5, code)
            r["bouwjaar"] = rng.choice([2022, 2023])
            r["vergunning_jaar"] = r["bouwjaar"] - 1
            r["renovatiepremie_jaar"] = ""
            out.append(r)
    return out


def write(path, rows, columns=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {path.relative_to(ROOT)} ({len(rows)} synthetic rows)")


if __name__ == "__main__":
    main()
