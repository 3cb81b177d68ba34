"""Reference values for wijk's local join counts.

Oracles: esda 2.9.0 `Join_Counts_Local` (the statistic LJC) and scipy's hypergeometric
distribution (the exact upper tail the conditional permutation p-value tends to), pinned in
requirements.txt next to this script. Run from the repository root:

    python3 Tests/Fixtures/reference/join_count_references.py

Cases: esda's own docstring example (a 4 × 4 rook lattice, the upper half 1), and Columbus
with CRIME above its median as "yes" on libpysal's queen weights (neighbour lists of
spatial_columbus.json). For a "yes" unit i with k_i neighbours, among n − 1 other units of
which m − 1 are "yes", the simulated count is hypergeometric(n − 1, m − 1, k_i), so the exact
p is P(H >= LJC_i); units with LJC_i = 0 have no p (esda: NaN).
"""

import json
from pathlib import Path

import esda
import numpy as np
from libpysal.weights import W, lat2W
from scipy.stats import hypergeom

assert esda.__version__ == "2.9.0", esda.__version__
HERE = Path(__file__).resolve().parent


def case(name, w, y):
    w.transform = "b"
    ljc = esda.Join_Counts_Local(connectivity=w, permutations=0).fit(y).LJC
    n, m = len(y), int(y.sum())
    exact = []
    for i, neighbours in enumerate(w.neighbors[k] for k in w.id_order):
        if ljc[i] == 0:
            exact.append(None)
            continue
        k = len(neighbours)
        exact.append(float(hypergeom(n - 1, m - 1, k).sf(ljc[i] - 1)))
    return {
        "name": name,
        "neighbours": [sorted(w.id_order.index(j) for j in w.neighbors[k]) for k in w.id_order],
        "values": [int(v) for v in y],
        "LJC": [int(v) for v in ljc],
        "exact_p": exact,
    }


def main():
    lattice = lat2W(4, 4)
    y = np.ones(16)
    y[0:8] = 0
    columbus = json.loads((HERE / "spatial_columbus.json").read_text())
    crime = np.array(columbus["variables"]["CRIME"]["values"])
    queen = W({i: nb for i, nb in enumerate(columbus["neighbours"]["queen"])})
    out = {
        "source": "esda 2.9.0 Join_Counts_Local; scipy hypergeom for the exact tails",
        "cases": [
            case("lattice 4x4 upper half", lattice, y),
            case("columbus CRIME above median, queen", queen,
                 (crime > np.median(crime)).astype(float)),
        ],
    }
    (HERE / "join_counts.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
