"""Reference values for wijk's local Moran of Assuncao-Reis standardised rates.

Oracle: esda 2.9.0 `Moran_Local_Rate(e, b, w, adjusted=True)` (libpysal 4.14.1 weights),
pinned in requirements.txt next to this script. Run from the repository root:

    python3 Tests/Fixtures/reference/local_rate_references.py

Inputs: the events, bases and neighbour lists already in spatial_stl_hom.json and
spatial_sids2.json (written by spatial_references.py), so the weights are exactly those of
the other references. Output: local_moran_rate.json with Is, EI, VI and quadrants per data set
and weights (analytic values; permutation draws differ between generators).
"""

import json
from pathlib import Path

import esda
import libpysal
import numpy as np
from libpysal.weights import W

assert esda.__version__ == "2.9.0", esda.__version__
assert libpysal.__version__ == "4.14.1", libpysal.__version__
HERE = Path(__file__).resolve().parent
QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}


def main():
    out = {"source": "esda 2.9.0 Moran_Local_Rate(adjusted=True), transformation r", "cases": []}
    for dataset in ["stl_hom", "sids2"]:
        ref = json.loads((HERE / f"spatial_{dataset}.json").read_text())
        rate = ref["moran_rate"]
        e = np.array(rate["events_values"], dtype=float)
        b = np.array(rate["base_values"], dtype=float)
        for weights in ["queen", "rook"]:
            lists = ref["neighbours"][weights]
            w = W({i: nb for i, nb in enumerate(lists)}, silence_warnings=True)
            m = esda.Moran_Local_Rate(e, b, w, adjusted=True, transformation="r", permutations=0)
            out["cases"].append({
                "dataset": dataset, "weights": weights,
                "Is": m.Is.tolist(), "EI": np.broadcast_to(m.EI, m.Is.shape).tolist(),
                "VI": np.broadcast_to(m.VI, m.Is.shape).tolist(),
                "quadrants": [QUADRANTS[int(q)] for q in m.q],
            })
    (HERE / "local_moran_rate.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
