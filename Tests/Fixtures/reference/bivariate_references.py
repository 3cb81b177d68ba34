"""Reference values for wijk's bivariate Moran's I and bivariate local Moran.

Oracle: esda 2.9.0 `Moran_BV` and `Moran_Local_BV` (libpysal 4.14.1 weights), pinned in
requirements.txt next to this script. Run from the repository root:

    python3 Tests/Fixtures/reference/bivariate_references.py

Inputs: Columbus (the values and the queen and rook neighbour lists of
spatial_columbus.json, themselves from libpysal's Queen/Rook.from_dataframe), so the weights
are exactly those of the univariate references. Output: bivariate_columbus.json, per (x, y,
weights): I of Moran_BV and Is and quadrants of Moran_Local_BV, row-standardised, analytic
values only (permutation draws differ between generators; the Swift tests check the
permutation p-values against an exact enumeration elsewhere).
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
QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}  # esda's numbering without geoda_quads
PAIRS = [("CRIME", "INC"), ("INC", "HOVAL"), ("HOVAL", "CRIME")]


def main():
    columbus = json.loads((HERE / "spatial_columbus.json").read_text())
    out = {"source": "spatial_columbus.json values and neighbours; esda 2.9.0", "cases": []}
    for weights in ["queen", "rook"]:
        lists = columbus["neighbours"][weights]
        w = W({i: nb for i, nb in enumerate(lists)}, silence_warnings=True)
        for xname, yname in PAIRS:
            x = np.array(columbus["variables"][xname]["values"])
            y = np.array(columbus["variables"][yname]["values"])
            g = esda.Moran_BV(x, y, w, transformation="r", permutations=0)
            w.transform = "o"
            local = esda.Moran_Local_BV(x, y, w, transformation="r", permutations=0)
            w.transform = "o"
            out["cases"].append({
                "x": xname, "y": yname, "weights": weights,
                "I": float(g.I),
                "Is": [float(v) for v in local.Is],
                "quadrants": [QUADRANTS[int(q)] for q in local.q],
            })
    (HERE / "bivariate_columbus.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
