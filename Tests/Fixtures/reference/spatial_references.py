"""Reference values for wijk's spatial weights and spatial autocorrelation statistics.

Oracles: libpysal 4.14.1 and esda 2.9.0 (pinned in requirements.txt next to this script).
Run from the repository root:

    python3 Tests/Fixtures/reference/spatial_references.py

It reads Columbus from Tests/Fixtures/columbus, St Louis homicides (stl_hom) and SIDS2 from the
libpysal wheel (no download: `libpysal.examples.get_path` resolves inside the package), copies
the St Louis and SIDS2 polygons and .gal files to Tests/Fixtures/<name>/ so the Swift tests run
without Python, and writes Tests/Fixtures/reference/spatial_<dataset>.json.

Conventions of the output:
- units are indexed 0..n-1 in file order; neighbour lists are sorted index lists;
- analytic values are full float64 (json writes the shortest round-trip repr);
- permutation inference is summarised over SEEDS seeds (mean and standard deviation of p_sim),
  because no two generators draw alike; the Swift side compares distributions, not draws;
- where wijk deliberately differs from esda (islands, missing values), the esda call is made on
  the subgraph wijk analyses (islands or missing units removed), and the JSON says so.
"""

import json
import shutil
import warnings
from pathlib import Path

import esda
import geopandas as gpd
import libpysal
import numpy as np
from libpysal.weights import W, Queen, Rook, lat2W
from libpysal.weights.util import fill_diagonal

warnings.filterwarnings("ignore")

ROOT = Path(__file__).resolve().parents[1]  # Tests/Fixtures
OUT = ROOT / "reference"
SEEDS = 200
PERMUTATIONS = 999

assert libpysal.__version__ == "4.14.1", libpysal.__version__
assert esda.__version__ == "2.9.0", esda.__version__


def f(x):
    """Plain floats and lists for json."""
    if isinstance(x, np.ndarray):
        return [f(v) for v in x.tolist()]
    if isinstance(x, list | tuple):
        return [f(v) for v in x]
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating | float):
        return None if np.isnan(x) else float(x)  # json has no NaN: undefined becomes null
    return x


def neighbour_lists(w, order):
    """Sorted neighbour index lists in the order of `order` (the ids of w)."""
    pos = {k: i for i, k in enumerate(order)}
    return [sorted(pos[j] for j in w.neighbors[k]) for k in order]


def copy_w(w):
    """A fresh W with original (binary or file) weights: esda transforms in place."""
    return W(
        {k: list(v) for k, v in w.neighbors.items()},
        {k: list(v) for k, v in w.weights.items()},
        id_order=list(w.id_order),
        silence_warnings=True,
    )


def w_from_lists(lists):
    n = len(lists)
    return W({i: list(lists[i]) for i in range(n)}, silence_warnings=True)


def weights_summary(w):
    # a fresh copy per transform: libpysal's "D" divides by the s0 of the *current* weights,
    # so D after R would be O/n; from a fresh copy it is O/s0(O), which sums to 1
    out = {}
    for t in ["O", "B", "R", "D", "V"]:
        wt = copy_w(w)
        wt.transform = t
        out[t] = {"s0": f(wt.s0), "s1": f(wt.s1), "s2": f(wt.s2)}
        out[t]["first_row"] = f(wt.weights[wt.id_order[0]])
    return out


def moran_values(y, w):
    m = esda.Moran(y, copy_w(w), transformation="r", permutations=0)
    keys = ["I", "EI", "VI_norm", "VI_rand", "z_norm", "z_rand", "p_norm", "p_rand"]
    return {k: f(getattr(m, k)) for k in keys}


def geary_values(y, w):
    g = esda.Geary(y, copy_w(w), transformation="r", permutations=0)
    keys = ["C", "EC", "VC_norm", "VC_rand", "z_norm", "z_rand", "p_norm", "p_rand"]
    return {k: f(getattr(g, k)) for k in keys}


def general_g_values(y, w):
    g = esda.G(y, copy_w(w), permutations=0)
    return {k: f(getattr(g, k)) for k in ["G", "EG", "VG", "z_norm", "p_norm"]}


QUAD = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}


def local_moran_values(y, w):
    lm = esda.Moran_Local(y, copy_w(w), transformation="r", permutations=0)
    return {
        "Is": f(lm.Is),
        "quadrants": [QUAD[int(q)] for q in lm.q],
        "EI": f(lm.EI),
        "VI": f(lm.VI),
    }


def g_local_values(y, w, transform, star):
    ww = copy_w(w)
    if star:
        ww = fill_diagonal(ww, 1.0)  # the unit itself, weight 1 before transforming
    g = esda.G_Local(y, ww, transform=transform, star=star, permutations=0)
    return {
        "Gs": f(g.Gs),
        "EGs": f(g.EGs),
        "VGs": f(g.VGs),
        "Zs": f(g.Zs),
        "p_norm": f(g.p_norm),
    }


def permutation_summary(y, w):
    """Mean and sd of esda's folded p_sim over SEEDS seeds, global and local."""
    glob = {"moran": [], "geary": [], "general_g": []}
    local_moran, local_g_r, local_g_bstar = [], [], []
    for s in range(SEEDS):
        np.random.seed(s)
        glob["moran"].append(esda.Moran(y, copy_w(w), permutations=PERMUTATIONS).p_sim)
        np.random.seed(s)
        glob["geary"].append(esda.Geary(y, copy_w(w), permutations=PERMUTATIONS).p_sim)
        np.random.seed(s)
        glob["general_g"].append(esda.G(y, copy_w(w), permutations=PERMUTATIONS).p_sim)
        lm = esda.Moran_Local(
            y, copy_w(w), permutations=PERMUTATIONS, seed=s, n_jobs=1
        )
        local_moran.append(lm.p_sim)
        gl = esda.G_Local(
            y, copy_w(w), transform="R", permutations=PERMUTATIONS, seed=s, n_jobs=1
        )
        local_g_r.append(gl.p_sim)
        gs = esda.G_Local(
            y,
            fill_diagonal(copy_w(w), 1.0),
            transform="B",
            star=True,
            permutations=PERMUTATIONS,
            seed=s,
            n_jobs=1,
        )
        local_g_bstar.append(gs.p_sim)

    def ms(a):
        a = np.asarray(a, dtype=float)
        return {"mean": f(a.mean(axis=0)), "sd": f(a.std(axis=0))}

    return {
        "seeds": SEEDS,
        "permutations": PERMUTATIONS,
        "moran": ms(glob["moran"]),
        "geary": ms(glob["geary"]),
        "general_g": ms(glob["general_g"]),
        "local_moran": ms(local_moran),
        "g_local_R": ms(local_g_r),
        "g_local_B_star": ms(local_g_bstar),
    }


def statistics(y, w, permutations=True):
    out = {
        "moran": moran_values(y, w),
        "geary": geary_values(y, w),
        "general_g": general_g_values(y, w),
        "local_moran": local_moran_values(y, w),
        "g_local": {
            "R": g_local_values(y, w, "R", False),
            "B": g_local_values(y, w, "B", False),
            "B_star": g_local_values(y, w, "B", True),
            "R_star": g_local_values(y, w, "R", True),
        },
    }
    if permutations:
        out["permutation"] = permutation_summary(y, w)
    return out


def moran_rate_values(e, b, w):
    m = esda.Moran_Rate(e, b, copy_w(w), adjusted=True, permutations=0)
    keys = ["I", "EI", "VI_norm", "VI_rand", "z_norm", "z_rand", "p_norm", "p_rand"]
    out = {k: f(getattr(m, k)) for k in keys}
    out["standardised_rates"] = f(esda.smoothing.assuncao_rate(e, b))
    return out


def write(name, obj):
    path = OUT / f"spatial_{name}.json"
    path.write_text(json.dumps(obj, indent=1, allow_nan=False) + "\n")
    print("wrote", path.relative_to(ROOT.parent.parent))


# ---------------------------------------------------------------------------------------------
# Columbus (Tests/Fixtures/columbus)


def points(df):
    """KNN and DistanceBand on the polygon centroids (the Swift side is given the centroids)."""
    from libpysal.weights import KNN, DistanceBand, min_threshold_distance

    xy = np.column_stack([df.geometry.centroid.x, df.geometry.centroid.y])
    order = list(range(len(xy)))
    knn = KNN.from_array(xy, k=4)
    threshold = float(min_threshold_distance(xy))
    band = DistanceBand(xy, threshold=threshold, binary=True, silence_warnings=True)
    inverse = DistanceBand(xy, threshold=threshold, binary=False, alpha=-1.0,
                           silence_warnings=True)
    return {
        "centroids": f(xy),
        "knn4": neighbour_lists(knn, order),
        "threshold": threshold,
        "band": neighbour_lists(band, order),
        "inverse_distance_weights": [
            [w for _, w in sorted(zip(inverse.neighbors[i], inverse.weights[i], strict=True))]
            for i in order
        ],
    }



def columbus():
    shp = gpd.read_file(ROOT / "columbus" / "columbus.shp")
    js = gpd.read_file(ROOT / "columbus" / "columbus.json")
    # the Swift tests read columbus.json: it must give the same contiguity as the shapefile
    queen = Queen.from_dataframe(js, use_index=False)
    rook = Rook.from_dataframe(js, use_index=False)
    order = list(range(len(js)))
    assert neighbour_lists(queen, order) == neighbour_lists(
        Queen.from_dataframe(shp, use_index=False), order
    )
    gal = libpysal.io.open(str(ROOT / "columbus" / "columbus.gal")).read()
    ids = [str(int(p)) for p in js["POLYID"]]
    gal_lists = [sorted(ids.index(str(j)) for j in gal.neighbors[k]) for k in ids]
    ws = {
        "queen": w_from_lists(neighbour_lists(queen, order)),
        "rook": w_from_lists(neighbour_lists(rook, order)),
        "gal": w_from_lists(gal_lists),
    }
    out = {
        "source": "Tests/Fixtures/columbus/columbus.json (features in file order), "
        "columbus.gal keyed by POLYID",
        "ids": ids,
        "neighbours": {k: neighbour_lists(v, list(range(49))) for k, v in ws.items()},
        "weights_summary": {"queen": weights_summary(ws["queen"])},
        "points": points(js),
        "variables": {},
    }
    for var in ["CRIME", "INC", "HOVAL"]:
        y = js[var].to_numpy(dtype=float)
        out["variables"][var] = {
            "values": f(y),
            "weights": {
                k: statistics(y, w, permutations=(k == "queen")) for k, w in ws.items()
            },
        }
    return out


# ---------------------------------------------------------------------------------------------
# St Louis homicides and SIDS2 (inside the libpysal wheel), copied to Tests/Fixtures/<name>/


def copy_example(name, files):
    dest = ROOT / name
    dest.mkdir(exist_ok=True)
    src = Path(libpysal.examples.get_path(files[0])).parent
    for fn in files:
        shutil.copy(src / fn, dest / fn)
    lic = Path(libpysal.__file__).parent.parent / "libpysal-4.14.1.dist-info/licenses/LICENSE.txt"
    shutil.copy(lic, dest / "LICENSE.libpysal.txt")
    return dest


def polygon_dataset(name, shp, gal, fields, variable, rate=None):
    dest = copy_example(name, [shp.replace(".shp", x) for x in [".shp", ".shx", ".dbf"]] + [gal])
    df = gpd.read_file(dest / shp)
    # GeoJSON for the Swift tests: json writes float64 repr, so coordinates round-trip exactly
    gj = df[fields + ["geometry"]]
    (dest / f"{name}.json").write_text(gj.to_json(drop_id=True))
    back = gpd.read_file(dest / f"{name}.json")
    order = list(range(len(df)))
    queen = Queen.from_dataframe(back, use_index=False)
    rook = Rook.from_dataframe(back, use_index=False)
    assert neighbour_lists(queen, order) == neighbour_lists(
        Queen.from_dataframe(df, use_index=False), order
    )
    galw = libpysal.io.open(str(dest / gal)).read()
    gal_ids = list(galw.id_order)  # ids as the file gives them, in file order
    ws = {
        "queen": w_from_lists(neighbour_lists(queen, order)),
        "rook": w_from_lists(neighbour_lists(rook, order)),
        "gal": w_from_lists(neighbour_lists(galw, gal_ids)),
    }
    y = df[variable].to_numpy(dtype=float)
    out = {
        "source": f"libpysal 4.14.1 examples: {shp}, {gal} (copied to Tests/Fixtures/{name})",
        "gal_ids": [str(i) for i in gal_ids],
        "neighbours": {k: neighbour_lists(v, order) for k, v in ws.items()},
        "variables": {
            variable: {
                "values": f(y),
                "weights": {k: statistics(y, w, permutations=(k == "gal")) for k, w in ws.items()},
            }
        },
    }
    if rate:
        e = df[rate[0]].to_numpy(dtype=float)
        b = df[rate[1]].to_numpy(dtype=float)
        out["moran_rate"] = {
            "events": rate[0],
            "base": rate[1],
            "events_values": f(e),
            "base_values": f(b),
            "weights": {k: moran_rate_values(e, b, w) for k, w in ws.items()},
        }
    return out


# ---------------------------------------------------------------------------------------------
# Small fixtures


def small():
    out = {}
    lat = lat2W(3, 3, rook=True)
    latq = lat2W(3, 3, rook=False)
    y = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0])
    out["lattice3x3"] = {
        "note": "lat2W(3, 3): units numbered row by row from the top left",
        "values": f(y),
        "neighbours": {
            "rook": neighbour_lists(lat, list(range(9))),
            "queen": neighbour_lists(latq, list(range(9))),
        },
        "weights_summary": {"rook": weights_summary(lat)},
        "weights": {
            "rook": statistics(y, lat, permutations=True),
            "queen": statistics(y, latq, permutations=False),
        },
    }
    # ties: equal values and a unit exactly at the mean (z = 0 counts as Low, as esda)
    yt = np.array([2.0, 2.0, 2.0, 4.0, 3.0, 4.0, 2.0, 4.0, 4.0])
    assert yt.mean() == 3.0
    out["ties"] = {
        "note": "lattice3x3 rook weights; values with ties, unit 4 equals the mean",
        "values": f(yt),
        "weights": {"rook": statistics(yt, lat, permutations=False)},
    }
    # island: 3x3 rook lattice plus a tenth unit with no neighbours; wijk excludes the
    # island, so the esda values are those of the lattice without it
    yi = np.append(y, 7.0)
    out["island"] = {
        "note": "10 units: lattice3x3 rook plus unit 9 (id 'island') without neighbours; "
        "expected values are esda on the 9 units without the island",
        "values": f(yi),
        "expected": statistics(y, lat, permutations=False),
    }
    # missing: unit 4 (the centre) missing; esda on the 8-unit subgraph
    keep = [i for i in range(9) if i != 4]
    sub = {keep.index(i): [keep.index(j) for j in lat.neighbors[i] if j in keep] for i in keep}
    wsub = W(sub, silence_warnings=True)
    out["missing"] = {
        "note": "lattice3x3 rook, unit 4 missing; expected values are esda on the 8-unit "
        "subgraph (rook neighbours among the others)",
        "values": [None if i == 4 else float(y[i]) for i in range(9)],
        "subgraph_neighbours": neighbour_lists(wsub, list(range(8))),
        "expected": statistics(y[keep], wsub, permutations=False),
    }
    # false discovery rate, esda.fdr on a fixed p vector
    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216])
    out["fdr"] = {
        "p": f(p),
        "alpha": [0.05, 0.1, 0.2, 0.01],
        "threshold": [f(esda.fdr(p, a)) for a in [0.05, 0.1, 0.2, 0.01]],
    }
    return out


if __name__ == "__main__":
    write("columbus", columbus())
    write(
        "stl_hom",
        polygon_dataset(
            "stl_hom", "stl_hom.shp", "stl.gal", ["FIPSNO", "HR8893", "HC8893", "PO8893"],
            "HR8893", rate=("HC8893", "PO8893"),
        ),
    )
    write(
        "sids2",
        polygon_dataset(
            "sids2", "sids2.shp", "sids2.gal", ["FIPSNO", "SIDR74", "SID74", "BIR74"],
            "SIDR74", rate=("SID74", "BIR74"),
        ),
    )
    write("small", small())
