"""Reference values for wijk's Theil T decomposition between and within groups of wards.

Oracle: inequality 1.1.2 `TheilD` (pinned in requirements.txt next to this script), on the
data of its own test (libpysal's mexico.csv, per capita GDP of the 32 states per decade,
groups `hanson98`), whose published between-group values are 0.0345889, 0.02816853, ...
Run from the repository root:

    python3 Tests/Fixtures/reference/theil_references.py

Writes theil_decomposition.json: per case the values, the group of each unit, and T, bg, wg
at full precision (inequality's wg is T − bg).
"""

import csv
import json
from pathlib import Path

import inequality
import libpysal
import numpy as np
from inequality.theil import TheilD

assert inequality.__version__ == "1.1.2", inequality.__version__
HERE = Path(__file__).resolve().parent


def main():
    with open(libpysal.examples.get_path("mexico.csv")) as f:
        rows = list(csv.DictReader(f))
    groups = [str(int(float(r["hanson98"]))) for r in rows]
    cases = []
    for decade in range(1940, 2010, 10):
        y = np.array([float(r[f"pcgdp{decade}"]) for r in rows])
        d = TheilD(y, np.array(groups))
        cases.append({
            "name": f"mexico pcgdp{decade} by hanson98", "units": [r["State"] for r in rows],
            "values": y.tolist(), "groups": groups, "T": float(np.ravel(d.T)[0]),
            "between": float(np.ravel(d.bg)[0]), "within": float(np.ravel(d.wg)[0]),
        })
    y = np.array([0.0, 0, 0, 10, 10, 10])
    d = TheilD(y, np.array([0, 0, 0, 1, 1, 1]))
    cases.append({
        "name": "inequality's zeros case", "units": list("abcdef"), "values": y.tolist(),
        "groups": ["0", "0", "0", "1", "1", "1"], "T": float(np.ravel(d.T)[0]),
        "between": float(np.ravel(d.bg)[0]), "within": float(np.ravel(d.wg)[0]),
    })
    out = {
        "source": "inequality 1.1.2 TheilD on libpysal's mexico.csv (its test data)",
        "published_between_hanson98": [0.0345889, 0.02816853, 0.05260921, 0.05931219,
                                       0.03205257, 0.02963731, 0.03635872],
        "tolerance": 1e-12,
        "cases": cases,
    }
    (HERE / "theil_decomposition.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
