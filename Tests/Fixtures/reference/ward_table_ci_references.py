"""Reference values for the 95 % confidence intervals in the published ward table.

Reads the golden `Tests/Fixtures/golden/genk/wards.csv` (Belgian Excel: `;`, decimal comma,
BOM) and, for every rate column with `_bi95_laag`/`_bi95_hoog`, recomputes the interval from
the published numerator (`_teller`) and base (`_noemer`) with statsmodels'
`proportion_confint(method="wilson")` (numerator <= base) or scipy's exact Poisson (Garwood)
interval, times the rate's multiplier (value / (numerator / base), a power of ten; a
multiplier of 1 is a mean, which has none). Writes
`ward_table_ci.json` with unrounded bounds; the table rounds them as the value. Run from the
repository root:

    python3 Tests/Fixtures/reference/ward_table_ci_references.py
"""

import json
import math
from pathlib import Path

import pandas as pd
import scipy
import statsmodels
from scipy.stats import chi2
from statsmodels.stats.proportion import proportion_confint

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "golden" / "genk" / "wards.csv"


def number(text):
    if pd.isna(text) or text in ("", "x") or str(text).startswith("<"):
        return None
    return float(str(text).replace(".", "").replace(",", ".")) if "," in str(text) else float(text)


def main():
    table = pd.read_csv(GOLDEN, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    out = {"source": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}",
           "level": 0.95, "intervals": []}
    for column in table.columns:
        if not column.endswith("_bi95_laag"):
            continue
        ind = column[: -len("_bi95_laag")]
        for _, row in table.iterrows():
            x, n, v = number(row[ind + "_teller"]), number(row[ind + "_noemer"]), number(row[ind])
            if x is None or n is None or v is None or n <= 0 or x == 0:
                continue
            per = 10 ** round(math.log10(v / (x / n)))
            if per < 10:  # a mean (kWh per household): no interval
                continue
            if x <= n:
                lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
            else:
                lo, hi = chi2.ppf(0.025, 2 * x) / 2 / n, chi2.ppf(0.975, 2 * x + 2) / 2 / n
            out["intervals"].append({"code": row.iloc[0].strip('="'), "indicator": ind,
                                     "lower": float(lo * per), "upper": float(hi * per)})
    (HERE / "ward_table_ci.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
