#!/usr/bin/env python3
"""Independent per-ward counts of the synthetic housing registers, with shapely/GEOS.

The oracle of `HousingReferenceTests`: for every register row, the wards whose polygon
*covers* the point (interior or boundary, shapely `covers`); the row goes to the covering
ward with the smallest code (Python string order = Unicode code points, the rule of
`WardPointIndex.assign`). Rows covered by no ward are "outside"; rows on some ward's
boundary (`boundary.intersects`) are "boundary". Counts are summed per ward: buildings,
dwellings, dwellings per tenure code, vacant dwellings.

Writes expected_counts.json next to this script. Run from the package root:
  python3 Tests/Fixtures/housing/expected_counts.py
"""
import csv
import json
from pathlib import Path

from shapely import STRtree
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
TENURE = {"SH": "social_rental", "PH": "private_rental", "EW": "owner_occupied"}

REGISTERS = {
    "register_synthetic_2021": ROOT / "Examples/housing/register_synthetic_2021.csv",
    "register_synthetic_2024": ROOT / "Examples/housing/register_synthetic_2024.csv",
    "register_synthetic_lambert": HERE / "register_synthetic_lambert.csv",
}


def count(path, codes, polys, tree):
    per_ward = {c: {"buildings": 0, "dwellings": 0, "social_rental": 0, "private_rental": 0,
                    "owner_occupied": 0, "vacant": 0} for c in codes}
    outside, boundary = [], []
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            p = Point(float(row["x"]), float(row["y"]))
            covering = [codes[k] for k in tree.query(p) if polys[k].covers(p)]
            if any(polys[k].boundary.intersects(p) for k in tree.query(p)):
                boundary.append(i + 2)
            if not covering:
                outside.append(i + 2)
                continue
            w = per_ward[min(covering)]
            n = int(row["wooneenheden"])
            w["buildings"] += 1
            w["dwellings"] += n
            w[TENURE[row["eigendom"]]] += n
            if row["leegstand"] == "1":
                w["vacant"] += n
    return {"wards": per_ward, "outside_lines": outside, "boundary_lines": boundary}


def main():
    data = json.loads((ROOT / "GeoData/genk_wijken_2020_2024_31370.geojson").read_text())
    codes = [f["properties"]["geoitem"] for f in data["features"]]
    polys = [shape(f["geometry"]) for f in data["features"]]
    tree = STRtree(polys)
    out = {name: count(path, codes, polys, tree) for name, path in REGISTERS.items()}
    out["_oracle"] = "shapely covers + smallest code (Tests/Fixtures/housing/expected_counts.py)"
    (HERE / "expected_counts.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    for name, r in out.items():
        if name.startswith("_"):
            continue
        print(name, sum(w["dwellings"] for w in r["wards"].values()), "dwellings;",
              len(r["outside_lines"]), "outside;", len(r["boundary_lines"]), "boundary")


if __name__ == "__main__":
    main()
