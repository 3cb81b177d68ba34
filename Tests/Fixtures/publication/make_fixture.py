"""Writes the SYNTHETIC publication fixture: nine 1 km square wards (codes with leading
zeros, 01-09, three rows of three) and one invented indicator table per ward with known
small counts. Run from this folder: python3 make_fixture.py. The values are invented."""
import csv
import json

codes = [f"{i:02d}" for i in range(1, 10)]
features = []
for k, code in enumerate(codes):
    row, col = divmod(k, 3)
    x0, y0 = 229000 + 1000 * col, 186000 - 1000 * row
    ring = [[x0, y0], [x0 + 1000, y0], [x0 + 1000, y0 + 1000], [x0, y0 + 1000], [x0, y0]]
    features.append({
        "type": "Feature",
        "properties": {"wijkcode": code, "wijknaam": f"Wijk {code}"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    })
with open("wards_synthetic.geojson", "w") as f:
    json.dump({
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}},
        "features": features,
    }, f, indent=1)
    f.write("\n")

# ward:      01    02    03    04    05    06    07    08    09
households = [120, 95, 70, 180, 64, 150, 3, 132, 101]
vacant = [2, 9, 6, 11, 3, 14, 0, 7, 12]
shops = [45, 3, 12, 0, 27, 8, 15, 1, 30]
kwh = [421000, 330500, 251200, 640300, 229000, 533100, 11900, 470200, 355800]
with open("indicators_synthetic.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["wijkcode", "huishoudens", "leegstaand", "winkels", "kwh"])
    for row in zip(codes, households, vacant, shops, kwh):
        w.writerow(row)
