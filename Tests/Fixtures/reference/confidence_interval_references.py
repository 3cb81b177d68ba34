"""Reference values for wijk's confidence intervals of shares and rates.

Oracles: statsmodels `proportion_confint(method="wilson")` and scipy's chi-square quantiles
(the exact Garwood interval of a Poisson count), pinned in requirements.txt next to this
script. Run from the repository root:

    python3 Tests/Fixtures/reference/confidence_interval_references.py
"""

import json
from pathlib import Path

import scipy
import statsmodels
from scipy.stats import chi2, norm
from statsmodels.stats.proportion import proportion_confint

HERE = Path(__file__).resolve().parent
SHARES = [(0, 10), (1, 10), (5, 10), (10, 10), (3, 4), (53, 100), (412, 2710), (1, 1), (7.5, 20)]
COUNTS = [0, 1, 2, 3, 5, 10, 37, 100, 1000]


def main():
    out = {"source": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}",
           "tolerance": 1e-12, "normal_quantiles": [], "wilson": [], "poisson": []}
    for q in [0.5, 0.9, 0.95, 0.975, 0.995, 1e-6]:
        out["normal_quantiles"].append({"q": q, "z": float(norm.ppf(q))})
    for level in [0.95, 0.90, 0.99]:
        for x, n in SHARES:
            lo, hi = proportion_confint(x, n, alpha=1 - level, method="wilson")
            out["wilson"].append({"x": x, "n": n, "level": level, "lower": float(lo),
                                  "upper": float(hi)})
        for k in COUNTS:
            a = 1 - level
            lo = 0.0 if k == 0 else chi2.ppf(a / 2, 2 * k) / 2
            hi = chi2.ppf(1 - a / 2, 2 * k + 2) / 2
            out["poisson"].append({"k": k, "level": level, "lower": float(lo), "upper": float(hi)})
    (HERE / "confidence_intervals.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
