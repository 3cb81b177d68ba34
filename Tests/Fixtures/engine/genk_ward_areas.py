"""Reference areas of Genk's 31 wards (GeoData/genk_wijken_2025_31370.geojson), by shapely.

Planar areas in EPSG:31370 (metres), per ward and in total, plus shapely's validity verdict.
The Swift test `GenkAreaTests` compares WijkEngine's GEOS areas with these to 1e-9 relative.

Run from the repository root:  python3 Tests/Fixtures/engine/genk_ward_areas.py
(shapely 2.2.0, pinned in Tests/Fixtures/reference/requirements.txt)
"""

import json
import pathlib

import shapely
from shapely.geometry import shape

ROOT = pathlib.Path(__file__).resolve().parents[3]
SOURCE = ROOT / "GeoData" / "genk_wijken_2025_31370.geojson"
OUTPUT = pathlib.Path(__file__).with_name("genk_ward_areas.json")


def main() -> None:
    collection = json.loads(SOURCE.read_text(encoding="utf-8"))
    wards = []
    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        wards.append(
            {
                "geoitem": feature["properties"]["geoitem"],
                "area_m2": geometry.area,
                "is_valid": bool(geometry.is_valid),
            }
        )
    result = {
        "source": "GeoData/genk_wijken_2025_31370.geojson",
        "crs": "EPSG:31370",
        "shapely": shapely.__version__,
        "geos": ".".join(str(v) for v in shapely.geos_version),
        "total_area_m2": sum(w["area_m2"] for w in wards),
        "wards": wards,
    }
    OUTPUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
