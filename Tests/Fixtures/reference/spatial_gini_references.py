"""Reference values for wijk's spatial Gini.

Oracle: inequality 1.1.2 `Gini_Spatial` on the data of its own test (libpysal's mexico.csv,
pcgdp1940, block weights of the hanson98 regions: g = 0.35372371173452849, wg = 884130,
wcg = 4353856), pinned in requirements.txt next to this script. Run from the repository root:

    python3 Tests/Fixtures/reference/spatial_gini_references.py

Writes spatial_gini.json: values, neighbour lists, the analytic parts, and the exact mean of
wcg over all permutations, E[wcg] = d − S0 · d / (n (n − 1)) (each ordered neighbour pair is
a uniformly random ordered pair of distinct units under permutation), which the seeded
permutation mean must approach.
"""

import csv
import json
from pathlib import Path

import inequality
import libpysal
import numpy as np
from inequality.gini import Gini_Spatial

assert inequality.__version__ == "1.1.2", inequality.__version__
HERE = Path(__file__).resolve().parent


def main():
    with open(libpysal.examples.get_path("mexico.csv")) as f:
        rows = list(csv.DictReader(f))
    y = np.array([float(r["pcgdp1940"]) for r in rows])
    regimes = np.array([r["hanson98"] for r in rows])
    w = libpysal.weights.block_weights(regimes, silence_warnings=True)
    g = Gini_Spatial(y, w, permutations=0)
    n = len(y)
    out = {
        "source": "inequality 1.1.2 Gini_Spatial, mexico.csv pcgdp1940, block weights hanson98",
        "published": {"g": 0.35372371173452849, "wg": 884130.0, "wcg": 4353856.0},
        "values": y.tolist(),
        "neighbours": [sorted(int(j) for j in w.neighbors[i]) for i in w.id_order],
        "g": float(g.g), "wg": float(g.wg), "wcg": float(g.wcg), "dtotal": float(g.dtotal),
        "wcg_share": float(g.wcg_share), "polarization": float(g.polarization),
        "exact_mean_wcg": float(g.dtotal - w.s0 * g.dtotal / (n * (n - 1))),
    }
    (HERE / "spatial_gini.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
