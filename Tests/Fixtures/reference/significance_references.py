"""Reference values for wijk's pseudo p-values and multiple-testing corrections.

Oracles: esda 2.9.0 and libpysal 4.14.1 (pinned in requirements.txt), and exact enumeration.
Run from the repository root:

    python3 Tests/Fixtures/reference/significance_references.py

It writes Tests/Fixtures/reference/significance.json with three parts:

- `fdr`: esda.fdr(p, alpha) on p-vectors with ties, p = 1 and no discovery, with the set of
  tests below the threshold (wijk marks p < threshold significant).
- `esda_untied`: Columbus CRIME (queen), esda's simulated statistics (keep_simulations) and its
  p_sim for Moran_Local, G_Local (binary, star) and Moran, 99 permutations. On untied data
  wijk's folded pseudo p, (min(#sim >= obs, #sim <= obs) + 1) / (R + 1), must give esda's p_sim
  from the same simulated values exactly; this script asserts it and that no value ties.
- `exact`: small layouts where every conditional permutation (local Moran, Gi*) and every
  total permutation (global Moran) is enumerated. `q_at_least` and `q_at_most` are the exact
  shares of arrangements whose statistic is >= and <= the observed one, ties counted in both
  (within 1e-10 of the largest magnitude, wijk's tie rule); the exact folded p is their
  minimum. A Swift pseudo p from R permutations converges to it; the Swift test allows
  1/(R + 1) + 4 binomial standard deviations. `esda_directed` is what esda's rule (a tie
  counted as >= only) converges to, kept to show where the two differ (ties).
"""

import itertools
import json
import warnings
from pathlib import Path

import esda
import geopandas as gpd
import libpysal
import numpy as np
from libpysal.weights import W, Queen, Rook, lat2W

warnings.filterwarnings("ignore")

ROOT = Path(__file__).resolve().parents[1]  # Tests/Fixtures
OUT = ROOT / "reference" / "significance.json"
TIE = 1e-10

assert libpysal.__version__ == "4.14.1", libpysal.__version__
assert esda.__version__ == "2.9.0", esda.__version__


def lists(w, order):
    pos = {k: i for i, k in enumerate(order)}
    return [sorted(pos[j] for j in w.neighbors[k]) for k in order]


def tail_counts(sims, obs):
    """wijk's tie rule: #>= and #<= within 1e-10 of the largest magnitude."""
    sims = np.asarray(sims, dtype=float)
    tol = TIE * max(abs(obs), np.abs(sims).max() if sims.size else 0.0)
    return int((sims >= obs - tol).sum()), int((sims <= obs + tol).sum())


def folded(sims, obs):
    ge, le = tail_counts(sims, obs)
    return (min(ge, le) + 1) / (len(sims) + 1)


# ---------------------------------------------------------------------------------------------
# esda.fdr


def fdr_cases():
    vectors = [
        [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216],
        # ties at the cut: three equal p-values pass or fail together
        [0.001, 0.004, 0.004, 0.004, 0.03, 0.2, 0.5, 1.0, 1.0, 1.0],
        # p = 1 everywhere (degenerate permutation distributions): nothing is significant
        [1.0] * 6,
        # nothing passes: esda returns alpha / n
        [0.02, 0.03, 0.04, 0.05, 0.3],
        # everything passes
        [0.001, 0.002, 0.001, 0.003],
        # 30 wards, p-values on the 1/1000 grid of 999 permutations, with ties
        [round(v, 3) for v in np.random.default_rng(11).uniform(0.001, 1, 30)]
        + [0.001, 0.001, 0.002],
    ]
    out = []
    for p in vectors:
        p = np.array(p)
        for alpha in [0.05, 0.1]:
            t = float(esda.fdr(p, alpha))
            out.append(
                {
                    "p": p.tolist(),
                    "alpha": alpha,
                    "threshold": t,
                    "significant": [bool(v < t) for v in p],
                }
            )
    return out


# ---------------------------------------------------------------------------------------------
# esda's simulations on untied data


def esda_untied():
    js = gpd.read_file(ROOT / "columbus" / "columbus.json")
    w = Queen.from_dataframe(js, use_index=False)
    y = js["CRIME"].to_numpy(dtype=float)
    out = {"source": "Columbus CRIME, queen (libpysal), 99 permutations, seed 7"}
    lm = esda.Moran_Local(y, w, transformation="r", permutations=99, keep_simulations=True, seed=7)
    g = esda.G_Local(
        y, w, transform="B", star=True, permutations=99, keep_simulations=True, seed=7
    )
    for key, obs, sims, p in [
        ("local_moran", lm.Is, lm.rlisas, lm.p_sim),
        ("g_local_B_star", g.Gs, g.rGs, g.p_sim),
    ]:
        for i in range(len(y)):
            ge, le = tail_counts(sims[i], obs[i])
            assert ge + le == sims.shape[1], f"{key} unit {i} has a tie"
            # G_Local's p_sim is float32: compare at that precision
            assert np.asarray(folded(sims[i], obs[i]), dtype=p.dtype) == p[i], (key, i)
        out[key] = {
            "observed": obs.tolist(),
            "simulated": sims.tolist(),
            "p_sim": p.tolist(),
        }
    np.random.seed(7)
    w.transform = "r"
    m = esda.Moran(y, w, permutations=99)
    ge, le = tail_counts(m.sim, m.I)
    assert ge + le == len(m.sim)
    assert abs(folded(m.sim, m.I) - m.p_sim) < 1e-15
    out["moran"] = {"observed": float(m.I), "simulated": m.sim.tolist(), "p_sim": float(m.p_sim)}
    return out


# ---------------------------------------------------------------------------------------------
# Exact enumeration


def row_standardised(nb):
    return [[1.0 / len(js)] * len(js) for js in nb]


def local_moran_stats(y, nb):
    """I_i = (n - 1) / sum z^2 * z_i * sum_j w_ij z_j, row-standardised (esda Moran_Local)."""
    n = len(y)
    z = (y - y.mean()) / y.std()
    # wijk's rule: a value within 1e-11 of the largest |value| from the mean is at the mean
    z[np.abs(y - y.mean()) <= 1e-11 * np.abs(y).max()] = 0.0
    scale = (n - 1) / (z * z).sum()

    def stat(i, drawn):
        return scale * z[i] * sum(drawn) / len(nb[i])

    return z, stat


def gi_star_stats(y, nb):
    """Classic Gi*: binary weights, the unit itself included (esda G_Local B, star=True)."""
    total = y.sum()

    def stat(i, drawn):
        return (y[i] + sum(drawn)) / total

    return y, stat


def exact_local(y, nb, make):
    values, stat = make(y, nb)
    n = len(y)
    out = {"observed": [], "q_at_least": [], "q_at_most": [], "p": [], "esda_directed": []}
    for i in range(n):
        others = [values[j] for j in range(n) if j != i]
        observed = stat(i, [values[j] for j in nb[i]])
        sims = [stat(i, d) for d in itertools.permutations(others, len(nb[i]))]
        ge, le = tail_counts(sims, observed)
        m = len(sims)
        out["observed"].append(observed)
        out["q_at_least"].append(ge / m)
        out["q_at_most"].append(le / m)
        out["p"].append(min(ge, le) / m)
        out["esda_directed"].append(min(ge, m - ge) / m)
    return out


def exact_moran(y, nb):
    n = len(y)
    wr = row_standardised(nb)
    dense = np.zeros((n, n))
    for i, js in enumerate(nb):
        for j, v in zip(js, wr[i], strict=True):
            dense[i, j] = v
    s0 = dense.sum()
    z = y - y.mean()

    def moran(zz):
        return n / s0 * np.einsum("pi,pi->p", zz, zz @ dense.T) / (z * z).sum()

    observed = float(moran(z[None, :])[0])
    perms = np.array(list(itertools.permutations(range(n))))
    sims = moran(z[perms])
    ge, le = tail_counts(sims, observed)
    m = len(sims)
    return {
        "observed": observed,
        "q_at_least": ge / m,
        "q_at_most": le / m,
        "p": min(ge, le) / m,
        "esda_directed": min(ge, m - ge) / m,
    }


def check_against_esda(y, nb, local, gi, moran):
    w = W({i: js for i, js in enumerate(nb)}, silence_warnings=True)
    lm = esda.Moran_Local(y, w, transformation="r", permutations=0)
    keep = np.abs(y - y.mean()) > 1e-11 * np.abs(y).max()
    assert np.allclose(np.array(local["observed"])[keep], lm.Is[keep], rtol=1e-12, atol=0)
    g = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    assert np.allclose(gi["observed"], g.Gs, rtol=1e-12, atol=0)
    w.transform = "r"
    assert abs(esda.Moran(y, w, permutations=0).I - moran["observed"]) < 1e-12


def layout(name, note, ids, y, nb):
    y = np.asarray(y, dtype=float)
    local = exact_local(y, nb, local_moran_stats)
    gi = exact_local(y, nb, gi_star_stats)
    moran = exact_moran(y, nb)
    check_against_esda(y, nb, local, gi, moran)
    return {
        "name": name,
        "note": note,
        "ids": ids,
        "values": y.tolist(),
        "neighbours": nb,
        "local_moran": local,
        "gi_star": gi,
        "moran": moran,
    }


def case16(kind):
    folder = ROOT / "cases" / "16-moran-lisa-missing-or-constant-values"
    df = gpd.read_file(folder / "wards.geojson")
    values = {"W01": 12.0, "W02": 15.5, "W04": 30.0, "W05": 28.0, "W06": 9.5}
    df = df[df["wijkcode"].isin(values)].reset_index(drop=True)
    w = (Rook if kind == "rook" else Queen).from_dataframe(df, use_index=False)
    nb = lists(w, list(range(len(df))))
    ids = list(df["wijkcode"])
    y = [values[c] for c in ids]
    result = layout(
        f"case16_{kind}",
        f"case 16 without the blank W03, {kind} contiguity (libpysal) on the five others",
        ids,
        y,
        nb,
    )
    expected = {"rook": -0.311881, "queen": -0.264321}[kind]
    assert abs(result["moran"]["observed"] - expected) < 1e-6, result["moran"]["observed"]
    return result


def exact_layouts():
    rook = lat2W(3, 3, rook=True)
    rng = np.random.default_rng(5)
    ring = [[(i - 1) % 7, (i + 1) % 7] for i in range(7)]
    ring[0] = sorted(ring[0] + [3])
    ring[3] = sorted(ring[3] + [0])
    return [
        case16("rook"),
        case16("queen"),
        layout(
            "mirror_line",
            "five wards in a row, values mirrored about the mean (1 1 5 9 9): W01 and W05 are "
            "mirror images and must get the same p; W03 is at the mean (local Moran p = 1)",
            ["W01", "W02", "W03", "W04", "W05"],
            [1, 1, 5, 9, 9],
            [[1], [0, 2], [1, 3], [2, 4], [3]],
        ),
        layout(
            "lattice_ties",
            "lat2W(3, 3) rook, integer values 3 1 4 1 5 9 2 6 5 (many tied draws)",
            [str(i) for i in range(9)],
            [3, 1, 4, 1, 5, 9, 2, 6, 5],
            lists(rook, list(range(9))),
        ),
        layout(
            "ring_untied",
            "seven units on a ring with a chord 0-3, uniform random values (no ties)",
            [f"R{i}" for i in range(7)],
            rng.uniform(1, 10, 7).tolist(),
            ring,
        ),
    ]


if __name__ == "__main__":
    data = {
        "note": __doc__.strip().splitlines()[0],
        "tie_tolerance": TIE,
        "fdr": fdr_cases(),
        "esda_untied": esda_untied(),
        "exact": exact_layouts(),
    }
    OUT.write_text(json.dumps(data, indent=1, allow_nan=False) + "\n")
    print(f"wrote {OUT}")
