"""Reference values for Tests/CartographyTests, computed by outside tools.

Writes, next to this script:
- colorbrewer_matplotlib.json: the largest ColorBrewer scheme of each palette the
  Cartography target offers, as matplotlib 3.11 ships it (`matplotlib._cm`, RGB fractions
  of ColorBrewer 2.0), converted to #rrggbb. The Swift table comes from another copy
  (d3-scale-chromatic), so agreement checks the transcription.
- genk_quantiles.json: for the 31 Genk wards of GeoData/genk_wijken_2025_31370.geojson,
  the ward area in km² (shapely 2.2, EPSG:31370), a label anchor from
  `representative_point()` (GEOS point-on-surface), and mapclassify 2.10 Quantiles(k=5)
  bins, yb and counts.
- genk_site_overlay.json: an illustrative site (a 250 m square, invented, not a real
  project) and its 500 m buffer ring (buffer minus site, a polygon with a hole) as
  GeoJSON-like coordinate lists, for the visual check.

Run: python3 Tests/Fixtures/golden/make_cartography_reference.py
"""
import json
import pathlib

import geopandas as gpd
import mapclassify
import matplotlib
import matplotlib._cm as cm
import shapely
from shapely.geometry import box, mapping

here = pathlib.Path(__file__).resolve().parent
root = here.parents[2]


def hex_colour(rgb):
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


palettes = {}
for name in ["YlOrRd", "YlGnBu", "Blues", "Purples", "Greens", "RdBu", "PuOr"]:
    data = getattr(cm, f"_{name}_data")
    palettes[name] = [hex_colour(c) for c in data]
(here / "colorbrewer_matplotlib.json").write_text(
    json.dumps({"matplotlib": matplotlib.__version__, "palettes": palettes}, indent=1) + "\n")

wards = gpd.read_file(root / "GeoData" / "genk_wijken_2025_31370.geojson")
area_km2 = (wards.geometry.area / 1e6).tolist()
q = mapclassify.Quantiles(area_km2, k=5)
anchors = [[p.x, p.y] for p in wards.geometry.representative_point()]
out = {
    "mapclassify": mapclassify.__version__,
    "shapely": shapely.__version__,
    "ids": wards["geoitem"].tolist(),
    "names": wards["naam"].tolist(),
    "area_km2": area_km2,
    "anchors": anchors,
    "bins": q.bins.tolist(),
    "yb": q.yb.tolist(),
    "counts": q.counts.tolist(),
    "min": float(min(area_km2)),
}
(here / "genk_quantiles.json").write_text(json.dumps(out, indent=1) + "\n")

# Illustrative site: a 250 m square around the anchor of the 13th ward, invented.
cx, cy = anchors[12]
site = box(cx - 125, cy - 125, cx + 125, cy + 125)
ring = site.buffer(500).difference(site)
(here / "genk_site_overlay.json").write_text(json.dumps({
    "note": "illustrative site, invented for the visual check; not a real project",
    "site": mapping(site)["coordinates"],
    "ring": mapping(ring)["coordinates"],
}, indent=1) + "\n")
print("wrote", sorted(p.name for p in here.glob("*.json")))
