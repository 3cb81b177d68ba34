"""Reference values for wijk's boundary contiguity and its kNN tie rule.

Oracles: libpysal 4.14.1 (`Graph.build_contiguity(strict=True)`, `Graph.build_fuzzy_contiguity`,
the vertex `Queen`/`Rook.from_dataframe`, `KNN.from_dataframe`), shapely 2 (shared boundary
length = length of the intersection of the two boundaries, distances, the sliver's area) and
esda 2.9.0 (`Moran(y, w, transformation="r")`). Run from the repository root:

    python3 Tests/Fixtures/reference/weights_references.py

Writes Tests/Fixtures/reference/weights_references.json:
- `strict`: for Columbus, St Louis and SIDS2 (the files of spatial_references.py), libpysal's
  strict (point-set) queen and rook neighbour lists, whether they equal the vertex method's
  (they do on these coverages, so the vertex lists of spatial_<name>.json hold for both), and
  the shared boundary length of every touching pair (0 for a pair meeting only at points);
- `case29`: field case 29 (T-junctions, a 5 cm sliver): strict and vertex neighbours by code,
  shared lengths, the distance and area of the sliver, neighbours with a 0.1 m tolerance
  (libpysal fuzzy contiguity, both polygons grown by 0.05 m), and Moran's I of `waarde` on
  each (rook, row-standardised, islands left out as wijk does);
- `case24`: field case 24 (nine squares, two feature orders): kNN (k = 2) with ties broken by
  the smaller code, the tied units, Moran's I, and libpysal's order-dependent KNN on each file.

Tolerances the Swift tests use: neighbour lists exactly; lengths 1e-9 relative; Moran's I 1e-9
relative against these values (the case files round them to 1e-6).
"""

import json
import warnings
from itertools import combinations
from pathlib import Path

import esda
import geopandas as gpd
import libpysal
import numpy as np
import pandas as pd
from libpysal.graph import Graph

warnings.filterwarnings("ignore")
ROOT = Path(__file__).resolve().parents[1]  # Tests/Fixtures
assert libpysal.__version__ == "4.14.1", libpysal.__version__
assert esda.__version__ == "2.9.0", esda.__version__


def graph_lists(graph, ids):
    """Neighbour lists in the order of `ids` from a libpysal Graph (islands are self-loops)."""
    pos = {k: i for i, k in enumerate(ids)}
    adj = graph.adjacency
    out = [[] for _ in ids]
    for (focal, neighbor), weight in adj.items():
        if focal != neighbor and weight != 0:
            out[pos[focal]].append(pos[neighbor])
    return [sorted(x) for x in out]


def vertex_lists(df, rook):
    w = (libpysal.weights.Rook if rook else libpysal.weights.Queen).from_dataframe(
        df, use_index=False, silence_warnings=True)
    return [sorted(w.neighbors[i]) for i in range(len(df))]


def shared_lengths(geoms, lists):
    """[i, j, length of the intersection of the boundaries] for every pair i < j in `lists`."""
    out = []
    for i, row in enumerate(lists):
        for j in row:
            if i < j:
                out.append([i, j, float(geoms[i].boundary.intersection(geoms[j].boundary).length)])
    return out


def strict_dataset(path):
    df = gpd.read_file(ROOT / path).reset_index(drop=True)
    ids = list(range(len(df)))
    queen = graph_lists(Graph.build_contiguity(df, rook=False, strict=True), ids)
    rook = graph_lists(Graph.build_contiguity(df, rook=True, strict=True), ids)
    return {
        "queen": queen,
        "rook": rook,
        "queen_equals_vertex_queen": queen == vertex_lists(df, rook=False),
        "rook_equals_vertex_rook": rook == vertex_lists(df, rook=True),
        "lengths": shared_lengths(list(df.geometry), queen),
    }


def by_code(codes, lists):
    return {codes[i]: [codes[j] for j in row] for i, row in enumerate(lists)}


def moran_without_islands(values, codes, lists):
    """esda's I on the units that have a neighbour (wijk leaves islands out)."""
    keep = [i for i, row in enumerate(lists) if row]
    pos = {k: p for p, k in enumerate(keep)}
    w = libpysal.weights.W({pos[i]: [pos[j] for j in lists[i]] for i in keep},
                           silence_warnings=True)
    y = np.array([values[codes[i]] for i in keep], dtype=float)
    return float(esda.Moran(y, w, transformation="r", permutations=0).I)


def case29():
    folder = ROOT / "cases/29-contiguity-t-junctions-and-slivers"
    table = pd.read_csv(folder / "indicatoren.csv", sep=";", decimal=",", dtype={"wijkcode": str})
    values = dict(zip(table.wijkcode, table.waarde))
    out = {}
    for name in ["wards_tjunction", "wards_sliver"]:
        df = gpd.read_file(folder / f"{name}.geojson").reset_index(drop=True)
        codes = list(df.wijkcode)
        ids = list(range(len(df)))
        rook = graph_lists(Graph.build_contiguity(df, rook=True, strict=True), ids)
        queen = graph_lists(Graph.build_contiguity(df, rook=False, strict=True), ids)
        lengths = shared_lengths(list(df.geometry), queen)
        entry = {
            "codes": codes,
            "strict_rook": by_code(codes, rook),
            "strict_queen": by_code(codes, queen),
            "vertex_rook": by_code(codes, vertex_lists(df, rook=True)),
            "vertex_queen": by_code(codes, vertex_lists(df, rook=False)),
            "lengths": {f"{codes[i]}-{codes[j]}": v for i, j, v in lengths},
            "moran_strict_rook": moran_without_islands(values, codes, rook),
        }
        if name == "wards_sliver":
            g = list(df.geometry)
            entry["separation_W01_W02"] = float(g[0].distance(g[1]))
            pair = g[0].union(g[1])
            entry["sliver_area_W01_W02"] = float(pair.envelope.difference(pair).area)
            fuzzy = graph_lists(Graph.build_fuzzy_contiguity(df, buffer=0.05), ids)
            entry["fuzzy_0.1"] = by_code(codes, fuzzy)
            entry["moran_fuzzy_0.1"] = moran_without_islands(values, codes, fuzzy)
        out[name] = entry
    return out


def case24():
    folder = ROOT / "cases/24-knn-weights-distance-ties"
    table = pd.read_csv(folder / "indicatoren.csv", sep=";", decimal=",", dtype={"wijkcode": str})
    values = dict(zip(table.wijkcode, table.waarde))
    k = 2
    out = {}
    for name in ["wards", "wards_reversed_order"]:
        df = gpd.read_file(folder / f"{name}.geojson").reset_index(drop=True)
        codes = list(df.wijkcode)
        xy = np.column_stack([df.geometry.centroid.x, df.geometry.centroid.y])
        lists, ties = [], {}
        for i in range(len(codes)):
            cand = sorted((float(np.hypot(*(xy[j] - xy[i]))), codes[j], j)
                          for j in range(len(codes)) if j != i)
            lists.append(sorted(j for _, _, j in cand[:k]))
            dk = cand[k - 1][0]
            if len(cand) > k and abs(cand[k][0] - dk) <= 1e-9 * dk:
                ties[codes[i]] = sorted(c for d, c, _ in cand if abs(d - dk) <= 1e-9 * dk)
        lib = libpysal.weights.KNN.from_dataframe(df, k=k, ids=codes, use_index=False)
        lib_lists = [sorted(codes.index(n) for n in lib.neighbors[c]) for c in codes]
        out[name] = {
            "neighbours_by_code": {c: sorted(v) for c, v in by_code(codes, lists).items()},
            "ties": ties,
            "moran": moran_without_islands(values, codes, lists),
            "libpysal_knn": {c: sorted(v) for c, v in by_code(codes, lib_lists).items()},
            "libpysal_moran": moran_without_islands(values, codes, lib_lists),
        }
    return out


result = {
    "versions": {"libpysal": libpysal.__version__, "esda": esda.__version__},
    "strict": {
        name: strict_dataset(path)
        for name, path in [("columbus", "columbus/columbus.json"),
                           ("stl_hom", "stl_hom/stl_hom.json"), ("sids2", "sids2/sids2.json")]
    },
    "case29": case29(),
    "case24": case24(),
}
(ROOT / "reference/weights_references.json").write_text(json.dumps(result, indent=1) + "\n")
print(json.dumps({k: v for k, v in result.items() if k != "strict"}, indent=1))
for name, s in result["strict"].items():
    print(name, "strict == vertex:", s["queen_equals_vertex_queen"], s["rook_equals_vertex_rook"])
