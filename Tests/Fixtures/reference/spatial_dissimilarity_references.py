"""Reference values for wijk's spatial dissimilarity index (Morrill 1991).

Oracle: segregation 2.5.4 `SpatialDissim(df, group, total, w)` (binary weights, its default
standardize=False), pinned in requirements.txt next to this script. Run from the repository
root:

    python3 Tests/Fixtures/reference/spatial_dissimilarity_references.py

Data: SIDS2 (Tests/Fixtures/sids2, from the libpysal wheel), non-white births NWBIR74 within
all births BIR74, and NWBIR79 within BIR79, with the queen and rook neighbour lists of
spatial_sids2.json. Output: spatial_dissimilarity.json.
"""

import json
from pathlib import Path

import geopandas as gpd
import segregation
from libpysal.weights import W
from segregation.singlegroup import Dissim, SpatialDissim

assert segregation.__version__ == "2.5.4", segregation.__version__
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main():
    # the shapefile has no .prj; its coordinates are NAD27 longitude/latitude (libpysal docs)
    df = gpd.read_file(ROOT / "sids2" / "sids2.shp").set_crs("EPSG:4267")
    ref = json.loads((HERE / "spatial_sids2.json").read_text())
    cases = []
    for group, total in [("NWBIR74", "BIR74"), ("NWBIR79", "BIR79")]:
        for weights in ["queen", "rook"]:
            lists = ref["neighbours"][weights]
            w = W({i: nb for i, nb in enumerate(lists)}, silence_warnings=True)
            sd = SpatialDissim(df[[group, total, "geometry"]], group, total, w=w)
            d = Dissim(df[[group, total, "geometry"]], group, total)
            cases.append({
                "group": group, "total": total, "weights": weights,
                "group_values": df[group].astype(float).tolist(),
                "total_values": df[total].astype(float).tolist(),
                "D": float(d.statistic), "SD": float(sd.statistic),
            })
    out = {"source": "segregation 2.5.4 SpatialDissim and Dissim on SIDS2", "cases": cases}
    (HERE / "spatial_dissimilarity.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
