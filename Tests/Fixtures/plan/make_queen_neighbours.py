"""Queen neighbours of Genk's 30 wards (2020-2024), the oracle of the ward-plan map test.

Run from the package root: python3 Tests/Fixtures/plan/make_queen_neighbours.py
Writes Tests/Fixtures/plan/queen_neighbours_genk_wijken_2020_2024.json:
{"source": ..., "libpysal": version, "neighbours": {code: [codes sorted]}}.
"""
import json
import pathlib

import geopandas
import libpysal

root = pathlib.Path(__file__).resolve().parents[3]
wards = geopandas.read_file(root / "GeoData/genk_wijken_2020_2024_31370.geojson")
w = libpysal.weights.Queen.from_dataframe(wards, ids=list(wards["geoitem"]), use_index=False)
out = {
    "source": "GeoData/genk_wijken_2020_2024_31370.geojson, libpysal.weights.Queen",
    "libpysal": libpysal.__version__,
    "neighbours": {code: sorted(w.neighbors[code]) for code in sorted(w.neighbors)},
}
path = pathlib.Path(__file__).with_name("queen_neighbours_genk_wijken_2020_2024.json")
path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
print(path, len(out["neighbours"]), "wards")
