"""Reference values for the conditional moments of wijk's local Moran.

Oracle: esda 2.9.0 `Moran_Local(y, w, transformation="r")`, attributes `EIc` and `VIc`
(Sokal, Oden & Thomson 1998, eqs. A7 and A8: the moments of I_i under conditional
randomisation, z_i held fixed), pinned in requirements.txt next to this script. Run from the
repository root:

    python3 Tests/Fixtures/reference/local_moran_conditional_references.py

Inputs: the values and neighbour lists of spatial_columbus.json and spatial_stl_hom.json.
Output: local_moran_conditional.json.
"""

import json
from pathlib import Path

import esda
import numpy as np
from libpysal.weights import W

assert esda.__version__ == "2.9.0", esda.__version__
HERE = Path(__file__).resolve().parent
CASES = [("columbus", "CRIME"), ("columbus", "HOVAL"), ("stl_hom", "HR8893")]


def main():
    out = {"source": "esda 2.9.0 Moran_Local EIc, VIc", "cases": []}
    for dataset, variable in CASES:
        ref = json.loads((HERE / f"spatial_{dataset}.json").read_text())
        y = np.array(ref["variables"][variable]["values"], dtype=float)
        for weights in ["queen", "rook"]:
            lists = ref["neighbours"][weights]
            w = W({i: nb for i, nb in enumerate(lists)}, silence_warnings=True)
            m = esda.Moran_Local(y, w, transformation="r", permutations=0)
            out["cases"].append({
                "dataset": dataset, "variable": variable, "weights": weights,
                "EIc": m.EIc.tolist(), "VIc": m.VIc.tolist(),
            })
    (HERE / "local_moran_conditional.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
