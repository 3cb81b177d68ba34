"""Reference values for wijk's spatial proximity index (White 1983, Massey & Denton 1988).

Oracle: the paper's formula in numpy, SP = (X Pxx + Y Pyy) / (T Ptt), P_xx = x'Cx / X²,
c_ij = exp(-d_ij / 1 km), d_ii = (0.6 a_i)^0.5 with a_i in km². segregation 2.5.4's
`SpatialProximity` is recorded beside it on the same data to show why it is not the oracle:
its proximity is 1 - exp(-d) (d = distance over its column sum; the self-distance from the
area in m²), which grows with distance, so it rates an alternating row of mixed units above
two solid halves. Run from the repository root:

    python3 Tests/Fixtures/reference/spatial_proximity_references.py

Data: (1) SIDS2 (Tests/Fixtures/sids2), non-white births NWBIR74 within BIR74, projected to
EPSG:32119 (NAD83 / North Carolina, metres); centroids and areas by shapely are written out
so that the Swift test checks the statistic alone. (2) A row of ten 1 km squares in
EPSG:31370 with 100 people each, synthetic: the group is 90 in the left five and 10 in the
right five ("halves"), or 90 and 10 alternating ("alternating"); the wijk CLI test writes
the same layer and checks GEOS centroids and areas with the statistic. For the squares,
segregation 2.5.4 `SpatialDissim` with libpysal queen weights too.
Output: spatial_proximity.json.
"""

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import segregation
from libpysal.weights import Queen
from segregation.singlegroup import SpatialDissim, SpatialProximity
from shapely.geometry import box

assert segregation.__version__ == "2.5.4", segregation.__version__
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCALE = 1000.0  # metres per unit of the decay


def massey_denton(x, t, cx, cy, area, alpha=0.6, beta=0.5):
    x, t = np.asarray(x, float), np.asarray(t, float)
    y = t - x
    pts = np.c_[cx, cy] / SCALE
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, (alpha * np.asarray(area) / SCALE**2) ** beta)
    c = np.exp(-d)
    p = lambda a: a @ c @ a / a.sum() ** 2
    return float((x.sum() * p(x) + y.sum() * p(y)) / (t.sum() * p(t)))


def case(name, df, group, total):
    cen = df.geometry.centroid
    return {
        "name": name, "group": group, "total": total,
        "group_values": df[group].astype(float).tolist(),
        "total_values": df[total].astype(float).tolist(),
        "x": cen.x.tolist(), "y": cen.y.tolist(), "area": df.geometry.area.tolist(),
        "SP": massey_denton(df[group], df[total], cen.x, cen.y, df.geometry.area),
        "segregation_SpatialProximity": float(
            SpatialProximity(df[[group, total, "geometry"]], group, total).statistic),
    }


def squares(pattern):
    x = [90.0] * 5 + [10.0] * 5 if pattern == "halves" else [90.0, 10.0] * 5
    geoms = [box(i * 1000.0, 0, (i + 1) * 1000.0, 1000.0) for i in range(10)]
    return gpd.GeoDataFrame({"x": x, "t": [100.0] * 10}, geometry=geoms, crs="EPSG:31370")


def main():
    sids = gpd.read_file(ROOT / "sids2" / "sids2.shp").set_crs("EPSG:4267").to_crs("EPSG:32119")
    cases = [case("sids2 NWBIR74/BIR74", sids, "NWBIR74", "BIR74")]
    for pattern in ["halves", "alternating"]:
        df = squares(pattern)
        c = case(pattern, df, "x", "t")
        w = Queen.from_dataframe(df, use_index=False, silence_warnings=True)
        c["SD_queen"] = float(SpatialDissim(df[["x", "t", "geometry"]], "x", "t", w=w).statistic)
        cases.append(c)
    out = {
        "source": "numpy, Massey & Denton (1988) SP with c = exp(-d/1 km), d_ii = (0.6 a)^0.5;"
        " segregation 2.5.4 SpatialProximity and SpatialDissim recorded beside it",
        "tolerance": "1e-12 relative (library), 1e-9 relative (CLI, GEOS centroids)",
        "cases": cases,
    }
    (HERE / "spatial_proximity.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
