"""Reference values for wijk's local Geary, univariate and multivariate.

Oracle: esda 2.9.0 `Geary_Local` and `Geary_Local_MV` (libpysal 4.14.1 weights), pinned in
requirements.txt next to this script. Run from the repository root:

    python3 Tests/Fixtures/reference/local_geary_references.py

Inputs: Columbus values and the queen and rook neighbour lists of spatial_columbus.json.
Output: local_geary.json with localG per case (analytic; permutation draws differ between
generators).
"""

import json
from pathlib import Path

import esda
import numpy as np
from libpysal.weights import W

assert esda.__version__ == "2.9.0", esda.__version__
HERE = Path(__file__).resolve().parent


def main():
    columbus = json.loads((HERE / "spatial_columbus.json").read_text())
    values = {k: np.array(v["values"], dtype=float) for k, v in columbus["variables"].items()}
    cases = []
    for weights in ["queen", "rook"]:
        lists = columbus["neighbours"][weights]
        for variables in [["CRIME"], ["INC"], ["CRIME", "INC", "HOVAL"]]:
            w = W({i: nb for i, nb in enumerate(lists)}, silence_warnings=True)
            if len(variables) == 1:
                g = esda.Geary_Local(connectivity=w, permutations=0).fit(values[variables[0]])
            else:
                g = esda.Geary_Local_MV(connectivity=w, permutations=0).fit(
                    [values[v] for v in variables])
            cases.append({"weights": weights, "variables": variables,
                          "localG": [float(x) for x in g.localG]})
    out = {"source": "esda 2.9.0 Geary_Local, Geary_Local_MV on Columbus", "cases": cases}
    (HERE / "local_geary.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
