#!/usr/bin/env python3
"""The GeoPandas peer of `wijk info wards.gpkg --json`, as one fresh process.

What info checks on a ward layer: read it, duplicate codes, invalid polygons (is_valid, with
shapely's reason), pairs of wards that overlap (an STRtree query with predicate "overlaps",
then the overlap area, kept above 1 m² as wijk does) and gaps (holes of the union of all
wards, above 1 m²). Slivers between wards that do not touch are not looked for here.
Prints the findings and seconds per stage as JSON.

Usage: python3 peer_info.py <wards.gpkg>
"""
import json
import sys
import time

import geopandas as gpd
import shapely


def main(path):
    t0 = time.perf_counter()
    wards = gpd.read_file(path, engine="pyogrio")
    t1 = time.perf_counter()
    duplicates = int(wards["code"].duplicated().sum())
    valid = wards.geometry.is_valid
    reasons = shapely.is_valid_reason(wards.geometry[~valid].values).tolist()
    left, right = wards.sindex.query(wards.geometry, predicate="overlaps")
    keep = left < right
    areas = shapely.area(shapely.intersection(wards.geometry.values[left[keep]],
                                              wards.geometry.values[right[keep]]))
    overlaps = int((areas > 1).sum())
    union = shapely.union_all(wards.geometry.values)
    polygons = shapely.get_parts(union)
    holes = [shapely.Polygon(r) for p in polygons for r in p.interiors]
    gaps = int(sum(h.area > 1 for h in holes))
    t2 = time.perf_counter()
    print(json.dumps(dict(features=len(wards), crs=str(wards.crs), duplicate_codes=duplicates,
                          invalid=int((~valid).sum()), invalid_reasons=reasons[:5],
                          overlaps=overlaps, gaps=gaps,
                          seconds=dict(read=round(t1 - t0, 3), checks=round(t2 - t1, 3)))))


if __name__ == "__main__":
    main(sys.argv[1])
