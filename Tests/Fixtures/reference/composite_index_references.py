#!/usr/bin/env python3
"""Reference values for wijk's composite index (SpatialStats/CompositeIndex), on Genk and Columbus.

Run from the repository root:

    python3 Tests/Fixtures/reference/composite_index_references.py

Writes composite_index.json beside this script. The Swift tests (CompositeIndexReferenceTests,
CompositeIndexGenkTests) read only that file.

Inputs
- Genk: a TEST SET of four indicators, not the city's official criteria ("kansarmoedecriteria"),
  for the 30 wards of the 2020-2024 layer (the lookup's pseudo-ward 71016ONB, inhabitants of
  unknown location, has no polygon and is left out). Real figures from GeoData/, aggregated from
  sectors to wards with pandas by the same rules as years_aggregation_references.py (which
  RuleAggregationTests checks against wijk): share of residents aged 65+ (Census 2021, ratio of
  sums), population change 2011-2022 in % (sums), mean net taxable income per declaration 2021
  (population-weighted mean of sector means: an ESTIMATE, missing in 7 wards with a confidential
  sector), and the share of residential electricity connections without a gas connection
  (Fluvius 2021, ratio of sums; missing where a ward has no connections in the data).
- Columbus (Tests/Fixtures/columbus/columbus.json, 49 neighbourhoods, POLYID as ward code):
  CRIME (higher is worse), HOVAL and INC (lower is worse).

What is computed, and how it is checked
1. Deterministic scores, ranks and deciles, with numpy/pandas (vectorised, pandas `rank`), for
   several specifications: the Swift test compares them to 1e-9 (scores, domain scores) and
   exactly (ranks, deciles, scored wards).
2. Rank intervals: this script replays wijk's generator (xoshiro256** seeded by SplitMix64, as
   Sources/SpatialStats/PermutationGenerator.swift) and its exact samplers (polar normal,
   Marsaglia-Tsang gamma, Dirichlet, Knuth's binomial; RandomVariates.swift) and
   the inversion tables the figures are drawn from (InversionTable.swift: one binomial or
   Poisson table per figure, one uniform per draw; the tables checked against scipy's cdf) in
   plain Python, in the same order and with the same floating-point operations (sums in ward
   order, never numpy's pairwise sums or Python's compensated sum()), so the SAME draws give
   the SAME ranks: the Swift test compares the 5 % and 95 % rank bounds exactly and the mean
   ranks to 1e-12. The plain-Python scoring is first checked against the numpy one (1e-12) on
   the observed figures, the percentiles against numpy's `percentile(method="inverted_cdf")`, and
   the samplers against scipy.stats (moments over 200,000 draws, 5 standard errors).
3. Sensitivity: each variant of the table recomputed with numpy; entering/leaving wards of
   the top 5 and the largest rank change, compared exactly.
"""

import bisect
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
geo = os.path.join(root, "GeoData")

SETTINGS = {"draws": 1000, "concentration": 50.0, "seed": 12345}
TOP = 5
EXP_K = 1 - math.exp(-100 / 23)


# ----------------------------------------------------------------------------------------------
# Inputs
# ----------------------------------------------------------------------------------------------

def read(name):
    return pd.read_csv(os.path.join(geo, name),
                       dtype={"cd_sector": str, "statsec2024": str, "ggw72024": str,
                              "geoitem": str})


def genk_inputs():
    lookup = read("genk_statsec2024_to_wijk2024.csv")[["statsec2024", "ggw72024"]]
    lookup = lookup[lookup.ggw72024 != "71016ONB"]
    wards = sorted(lookup.ggw72024.unique())
    population = read("genk_population_statsec_2011_2022.csv")
    census = read("genk_census2021_age65_statsec.csv")
    income = read("genk_fiscal_income_statsec_2021.csv")
    energy = read("genk_fluvius_energy_statsec2019_2018_2021.csv")
    energy = energy[energy.period == 2021]

    def ward_sum(table, key, column):
        m = lookup.merge(table[[key, column]], left_on="statsec2024", right_on=key, how="left")
        assert not m[column].isna().any(), column
        return m.groupby("ggw72024")[column].sum()

    pop = {y: ward_sum(population[population.year == y], "cd_sector", "total")
           for y in (2011, 2021, 2022)}
    # Census: a sector without a row has no residents (71016A882), so it counts 0
    m = lookup.merge(census, left_on="statsec2024", right_on="cd_sector", how="left")
    m[["x65", "rest"]] = m[["x65", "rest"]].fillna(0)
    m["census_total"] = m.x65 + m.rest
    x65 = m.groupby("ggw72024").x65.sum()
    census_total = m.groupby("ggw72024").census_total.sum()
    # income: population-weighted mean of sector means, missing if an inhabited sector lacks one
    p21 = population[population.year == 2021][["cd_sector", "total"]]
    m = (lookup.merge(p21, left_on="statsec2024", right_on="cd_sector", how="left")
         .drop(columns="cd_sector")
         .merge(income, left_on="statsec2024", right_on="cd_sector", how="left"))
    income_mean = {}
    for w, g in m.groupby("ggw72024"):
        inhabited = g[g.total > 0]
        if inhabited.ms_avg_tot_net_taxable_inc.isna().any():
            income_mean[w] = None
        else:
            income_mean[w] = float((inhabited.ms_avg_tot_net_taxable_inc * inhabited.total).sum()
                                   / inhabited.total.sum())
    elec = ward_sum(energy, "geoitem", "v2506_elek_res_n")
    gas = ward_sum(energy, "geoitem", "v2506_gas_res_n")
    out = {"wards": wards, "columns": {}}
    c = out["columns"]
    c["x65"] = [float(x65[w]) for w in wards]
    c["census_total"] = [float(census_total[w]) for w in wards]
    c["share_65plus"] = [float(100 * x65[w] / census_total[w]) for w in wards]
    c["population_2011"] = [float(pop[2011][w]) for w in wards]
    c["population_2022"] = [float(pop[2022][w]) for w in wards]
    c["population_change"] = [float(100 * (pop[2022][w] - pop[2011][w]) / pop[2011][w])
                              for w in wards]
    c["income_mean"] = [income_mean[w] for w in wards]
    c["connections"] = [float(elec[w]) for w in wards]
    c["without_gas"] = [float(elec[w] - gas[w]) for w in wards]
    c["share_without_gas"] = [None if elec[w] == 0 else float(100 * (elec[w] - gas[w]) / elec[w])
                              for w in wards]
    c["gas"] = [float(gas[w]) for w in wards]
    c["gas_share"] = [None if elec[w] == 0 else float(100 * gas[w] / elec[w]) for w in wards]
    assert all(gas[w] <= elec[w] for w in wards)
    return out


def columbus_inputs():
    with open(os.path.join(root, "Tests", "Fixtures", "columbus", "columbus.json")) as f:
        features = json.load(f)["features"]
    wards = [str(int(f["properties"]["POLYID"])) for f in features]
    cols = {k: [float(f["properties"][k]) for f in features] for k in ("CRIME", "HOVAL", "INC")}
    return {"wards": wards, "columns": cols}


# ----------------------------------------------------------------------------------------------
# Specifications (the same JSON objects the Swift test turns into CompositeIndexSpecification)
# ----------------------------------------------------------------------------------------------

def binomial(events, trials):
    return {"kind": "binomial_share", "events": events, "trials": trials, "per": 100.0}


GENK_INDICATORS = [
    {"name": "share_65plus", "worse": "higher", "weight": 1.0, "domain": "population",
     "uncertainty": binomial("x65", "census_total")},
    {"name": "population_change", "worse": "lower", "weight": 1.0, "domain": "population"},
    {"name": "income_mean", "worse": "lower", "weight": 1.0, "domain": "income"},
    {"name": "share_without_gas", "worse": "higher", "weight": 1.0, "domain": "energy",
     "uncertainty": binomial("without_gas", "connections")},
]
# The index of the main job (GeoData/wijk-genk.yaml, `index:`): the same test set with the
# share of households WITH gas, lower = worse, drawn as Binomial(connections, gas share); the
# names are the run's indicator ids (population change as `population_change`).
MAIN_JOB_INDICATORS = [
    {"name": "share_65plus_2021", "column": "share_65plus", "worse": "higher", "weight": 1.0,
     "domain": "population", "uncertainty": binomial("x65", "census_total")},
    {"name": "population_change", "column": "population_change", "worse": "lower",
     "weight": 1.0, "domain": "population"},
    {"name": "income_mean_2021", "column": "income_mean", "worse": "lower", "weight": 1.0,
     "domain": "income"},
    {"name": "gas_share", "column": "gas_share", "worse": "lower", "weight": 1.0,
     "domain": "energy", "uncertainty": binomial("gas", "connections")},
]
COLUMBUS_INDICATORS = [
    {"name": "CRIME", "worse": "higher", "weight": 2.0, "domain": "crime"},
    {"name": "HOVAL", "worse": "lower", "weight": 1.0, "domain": "economy"},
    {"name": "INC", "worse": "lower", "weight": 1.0, "domain": "economy"},
]


def flat(indicators, weights=None):
    out = []
    for i in indicators:
        j = {k: v for k, v in i.items() if k != "domain"}
        if weights:
            j["weight"] = weights[i["name"]]
        out.append(j)
    return out


SPECS = {
    # Genk test set: the IoD structure (domains, ranks, exponential transformation)
    "genk_domains_rank_exponential": {
        "dataset": "genk", "draws": True, "sensitivity": True,
        "indicators": GENK_INDICATORS,
        "domains": [{"name": "population", "weight": 1.0}, {"name": "income", "weight": 2.0},
                    {"name": "energy", "weight": 1.0}],
        "transformation": "rank", "combination": "exponential_domain_ranks",
        "missing": {"rule": "missing_index"}},
    # Genk test set, flat z-scores, reweighting over the available indicators
    "genk_flat_z_reweight": {
        "dataset": "genk", "draws": True, "sensitivity": True,
        "indicators": flat(GENK_INDICATORS, {"share_65plus": 1.0, "population_change": 1.0,
                                             "income_mean": 2.0, "share_without_gas": 1.0}),
        "domains": [], "transformation": "z_score", "combination": "weighted_sum",
        "missing": {"rule": "reweight", "minimum_share": 0.5}},
    # The main job's own index (read from GeoData/wijk-genk.yaml by `wijk analyse`)
    "genk_main_job": {
        "dataset": "genk_main_job", "draws": True, "sensitivity": True,
        "indicators": [{k: v for k, v in i.items() if k != "column"}
                       for i in MAIN_JOB_INDICATORS],
        "domains": [{"name": "population", "weight": 1.0}, {"name": "income", "weight": 2.0},
                    {"name": "energy", "weight": 1.0}],
        "transformation": "rank", "combination": "exponential_domain_ranks",
        "missing": {"rule": "missing_index"}},
    "columbus_domains_z_exponential": {
        "dataset": "columbus", "draws": True, "sensitivity": True,
        "indicators": COLUMBUS_INDICATORS,
        "domains": [{"name": "crime", "weight": 1.0}, {"name": "economy", "weight": 1.0}],
        "transformation": "z_score", "combination": "exponential_domain_ranks",
        "missing": {"rule": "missing_index"}},
}
for t in ("z_score", "rank", "min_max"):
    for comb in ("weighted_sum", "exponential_domain_ranks"):
        SPECS[f"columbus_flat_{t}_{comb}"] = {
            "dataset": "columbus", "indicators": flat(COLUMBUS_INDICATORS), "domains": [],
            "transformation": t, "combination": comb, "missing": {"rule": "missing_index"},
            "draws": (t, comb) == ("z_score", "weighted_sum"),
            "sensitivity": (t, comb) == ("z_score", "weighted_sum")}


def layout(spec):
    """Domains, domain weights, member indices and weights (as CompositePlan.layout)."""
    ind = spec["indicators"]
    if spec["domains"]:
        members = [[i for i, x in enumerate(ind) if x["domain"] == d["name"]]
                   for d in spec["domains"]]
        return ([d["name"] for d in spec["domains"]], [d["weight"] for d in spec["domains"]],
                members, [[ind[i]["weight"] for i in m] for m in members])
    if spec["combination"] == "exponential_domain_ranks":
        return ([x["name"] for x in ind], [x["weight"] for x in ind],
                [[i] for i in range(len(ind))], [[1.0] for _ in ind])
    return (["index"], [1.0], [list(range(len(ind)))], [[x["weight"] for x in ind]])


# ----------------------------------------------------------------------------------------------
# 1. The index with numpy/pandas
# ----------------------------------------------------------------------------------------------

def frame(spec, data):
    return pd.DataFrame({x["name"]: pd.array(data["columns"][x["name"]], dtype="Float64")
                         .astype(float) for x in spec["indicators"]}, index=data["wards"])


def scored_wards(spec, df, dw, members, mw):
    avail = df.notna()
    rule = spec["missing"]
    if rule["rule"] == "missing_index":
        return avail.all(axis=1)
    eff = pd.Series(0.0, index=df.columns)
    for d, m in enumerate(members):
        for i, w in zip(m, mw[d]):
            eff.iloc[i] = dw[d] / sum(dw) * (w / sum(mw[d]))
    return (avail * eff).sum(axis=1) >= rule["minimum_share"] - 1e-12


def numpy_scores(spec, df, dw, members, mw):
    """Domain scores, exponential domain scores and the index of the wards in df (scored)."""
    t = pd.DataFrame(index=df.index)
    for x in spec["indicators"]:
        v = df[x["name"]] if x["worse"] == "higher" else -df[x["name"]]
        if spec["transformation"] == "z_score":
            t[x["name"]] = (v - v.mean()) / v.std(ddof=0)
        elif spec["transformation"] == "rank":
            t[x["name"]] = v.rank(method="average") / v.notna().sum()
        else:
            t[x["name"]] = (v - v.min()) / (v.max() - v.min())
    names = [x["name"] for x in spec["indicators"]]

    def wmean(block, weights):
        w = np.asarray(weights, dtype=float)
        num = (block.fillna(0) * w).sum(axis=1)
        den = (block.notna() * w).sum(axis=1)
        return (num / den).where(den > 0)

    domains = pd.DataFrame({k: wmean(t[[names[i] for i in m]], mw[k])
                            for k, m in enumerate(members)})
    if spec["combination"] == "weighted_sum":
        return domains, None, wmean(domains, dw)
    r = domains.rank(method="average") / domains.notna().sum()
    x = -23 * np.log(1 - r * EXP_K)
    return domains, x, wmean(x, dw)


def numpy_index(spec, data):
    names, dw, members, mw = layout(spec)
    df = frame(spec, data)
    scored = scored_wards(spec, df, dw, members, mw)
    domains, x, index = numpy_scores(spec, df[scored], dw, members, mw)
    rank = index.rank(method="min", ascending=False).astype(int)
    decile = np.ceil(10 * rank / len(rank)).astype(int)
    return {"domains": names, "scored": list(index.index), "score": index, "rank": rank,
            "decile": decile, "domain_scores": domains, "domain_exponential": x,
            "frame": df[scored], "layout": (names, dw, members, mw)}


# ----------------------------------------------------------------------------------------------
# 2. The same generator, samplers and arithmetic as wijk, in plain Python
# ----------------------------------------------------------------------------------------------

MASK = (1 << 64) - 1


class Generator:
    """xoshiro256** seeded by SplitMix64 (PermutationGenerator.swift) and RandomVariates.swift."""

    def __init__(self, seed):
        x = seed

        def splitmix():
            nonlocal x
            x = (x + 0x9E3779B97F4A7C15) & MASK
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            return z ^ (z >> 31)

        self.s = [splitmix(), splitmix(), splitmix(), splitmix()]

    def next(self):
        s0, s1, s2, s3 = self.s
        t5 = (s1 * 5) & MASK
        result = ((((t5 << 7) | (t5 >> 57)) & MASK) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & MASK
        self.s = [s0, s1, s2, s3]
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def open_uniform(self):
        return ((self.next() >> 11) + 0.5) * 2.0 ** -53

    def normal(self):
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                return u * math.sqrt(-2 * math.log(s) / s)

    def gamma(self, a):
        if a < 1:
            g = self.gamma(a + 1)
            return g * self.open_uniform() ** (1 / a)
        d = a - 1.0 / 3.0
        c = 1 / math.sqrt(9 * d)
        while True:
            x = self.normal()
            v = 1 + c * x
            if v <= 0:
                continue
            v = v * v * v
            u = self.open_uniform()
            x2 = x * x
            if u < 1 - 0.0331 * (x2 * x2):
                return d * v
            if math.log(u) < 0.5 * x2 + d * (1 - v + math.log(v)):
                return d * v

    def beta(self, a, b):
        x = self.gamma(a)
        y = self.gamma(b)
        return x / (x + y)

    def dirichlet(self, alpha):
        g = [self.gamma(a) for a in alpha]
        total = 0.0
        for x in g:
            total += x
        return [x / total for x in g]

    def binomial(self, n, p):
        k = 0
        if p <= 0:
            return 0
        if p >= 1:
            return n
        while n > 32:
            a = 1 + n // 2
            x = self.beta(float(a), float(n + 1 - a))
            if x >= p:
                n = a - 1
                p = p / x
            else:
                k += a
                n = n - a
                p = (p - x) / (1 - x)
        for _ in range(n):
            if self.uniform() < p:
                k += 1
        return k


CUTOFF = 2.0 ** -60


def _table(mode, last, down, down_factor, up, up_factor):
    """InversionTable's weights relative to the mode's 1, each from its neighbour, until one
    falls below 2^-60: (first k, cumulative weights). Same operations in the same order."""
    below, w, k = [], 1.0, mode
    while k > 0:
        w = w * down(k) * down_factor
        if w < CUTOFF:
            break
        below.append(w)
        k -= 1
    weights = below[::-1] + [1.0]
    w, k = 1.0, mode
    while last is None or k < last:
        w = w * up(k) * up_factor
        if w < CUTOFF:
            break
        weights.append(w)
        k += 1
    cumulative, total = [], 0.0
    for v in weights:
        total += v
        cumulative.append(total)
    return mode - len(below), cumulative


def inversion_table(n, p):
    """InversionTable.binomial(n:p:), n >= 1, 0 < p < 1."""
    mode = min(n, int(math.floor((n + 1) * p)))
    return _table(mode, n, lambda k: k / (n - k + 1), (1 - p) / p,
                  lambda k: (n - k) / (k + 1), p / (1 - p))


def poisson_table(lam):
    """InversionTable.poisson(mean:), finite lam > 0."""
    return _table(int(math.floor(lam)), None, lambda k: k / lam, 1.0,
                  lambda k: lam / (k + 1), 1.0)


def inversion_draw(g, table):
    """The first k whose cumulative weight exceeds U times the table's sum."""
    first, cumulative = table
    target = g.uniform() * cumulative[-1]
    return first + min(bisect.bisect_right(cumulative, target), len(cumulative) - 1)


def figure_table(u, cols, w, value):
    """CompositeDraws.figureTable: (table, per, divisor); a degenerate case is constant."""
    def poisson(mean):
        return poisson_table(mean) if 0 < mean < math.inf else (0, [1.0])
    if u["kind"] == "poisson_count":
        return poisson(value), 1.0, 1.0
    if u["kind"] == "poisson_rate":
        return poisson(cols[u["events"]][w]), u["per"], cols[u["base"]][w]
    n = cols[u["trials"]][w]
    count, p = int(n), cols[u["events"]][w] / n
    if count < 1 or not p > 0:
        table = (0, [1.0])
    elif p >= 1:
        table = (count, [1.0])
    else:
        table = inversion_table(count, p)
    return table, u["per"], n


def table_checks():
    """Poisson tables against scipy's cdf (the binomial ones: dissimilarity_test.json)."""
    out = []
    for lam in [0.3, 1.0, 7.5, 16.0, 412.3, 3000.5]:
        first, cumulative = poisson_table(lam)
        ks = np.arange(first, first + len(cumulative))
        out.append({
            "mean": lam, "first_k": first,
            "cdf": [float(v) for v in stats.poisson.cdf(ks, lam)],
            "below": float(stats.poisson.cdf(first - 1, lam)),
            "above": float(stats.poisson.sf(first + len(cumulative) - 1, lam)),
        })
    return out


def plain_transform(values, worse, method):
    oriented = [None if v is None else (v if worse == "higher" else -v) for v in values]
    present = [x for x in oriented if x is not None]
    if not present:
        return oriented
    n = len(present)
    if method == "z_score":
        s = 0.0
        for x in present:
            s += x
        mean = s / n
        sq = 0.0
        for x in present:
            sq += (x - mean) * (x - mean)
        sd = math.sqrt(sq / n)
        return [None if x is None else ((x - mean) / sd if sd > 0 else 0.0) for x in oriented]
    if method == "rank":
        return [None if x is None else plain_average_rank(x, present) / n for x in oriented]
    low, high = min(present), max(present)
    return [None if x is None else ((x - low) / (high - low) if high > low else 0.0)
            for x in oriented]


def plain_average_rank(x, values):
    less = sum(1 for y in values if y < x)
    equal = sum(1 for y in values if y == x)
    return (2 * less + equal + 1) / 2


def plain_wmean(values, weights):
    s = 0.0
    t = 0.0
    for v, w in zip(values, weights):
        if v is None:
            continue
        s += w * v
        t += w
    return s / t if t > 0 else None


def plain_scores(spec, members, values, dw, mw):
    """The index of the scored wards (values: indicator x scored ward), as CompositeScoring."""
    ind = spec["indicators"]
    t = [plain_transform(values[i], ind[i]["worse"], spec["transformation"])
         for i in range(len(ind))]
    n = len(values[0])
    domains = [[plain_wmean([t[i][k] for i in m], mw[d]) for k in range(n)]
               for d, m in enumerate(members)]
    if spec["combination"] == "exponential_domain_ranks":
        x = []
        for col in domains:
            present = [v for v in col if v is not None]
            x.append([None if v is None else
                      -23 * math.log(1 - (plain_average_rank(v, present) / len(present)) * EXP_K)
                      for v in col])
        domains = x
    return [plain_wmean([domains[d][k] for d in range(len(domains))], dw) for k in range(n)]


def plain_ranks(scores):
    return [1 + sum(1 for t in scores if t is not None and t > s) for s in scores]


def draw_weights(g, dw, mw, c):
    def draw(w):
        if len(w) < 2:
            return w
        total = 0.0
        for x in w:
            total += x
        return g.dirichlet([c * (x / total) for x in w])
    domain = draw(dw)
    return domain, [draw(w) for w in mw]


def figure_tables(spec, data, scored_idx, observed):
    """Per indicator and scored ward: (table, per, divisor), or None for a fixed value."""
    out = []
    for i, x in enumerate(spec["indicators"]):
        u = x.get("uncertainty")
        out.append([None if not u or observed[i][k] is None
                    else figure_table(u, data["columns"], w, observed[i][k])
                    for k, w in enumerate(scored_idx)])
    return out


def draw_values(g, tables, observed):
    values = [list(col) for col in observed]
    for i, row in enumerate(tables):
        for k, entry in enumerate(row):
            if entry is not None:
                table, per, divisor = entry
                values[i][k] = per * float(inversion_draw(g, table)) / divisor
    return values


def quantile(sorted_ranks, percent):
    position = max(1, (percent * len(sorted_ranks) + 99) // 100)
    return sorted_ranks[position - 1]


def rank_intervals(spec, data, result):
    names, dw, members, mw = result["layout"]
    wards = data["wards"]
    scored_idx = [wards.index(w) for w in result["scored"]]
    observed = [[data["columns"][x["name"]][w] for w in scored_idx] for x in spec["indicators"]]
    # the plain arithmetic reproduces the numpy index
    plain = plain_scores(spec, members, observed, dw, mw)
    for s, ref in zip(plain, result["score"]):
        assert abs(s - ref) <= 1e-12 * max(1, abs(ref)), (s, ref)
    assert plain_ranks(plain) == list(result["rank"])
    has_uncertainty = any(x.get("uncertainty") for x in spec["indicators"])
    out = {}
    tables = figure_tables(spec, data, scored_idx, observed)
    runs = [("weights", 0, True, False), ("figures", 1, False, True), ("combined", 2, True, True)]
    for label, offset, weights, figures in runs:
        if label == "figures" and not has_uncertainty:
            out[label] = None
            continue
        g = Generator((SETTINGS["seed"] + offset) & MASK)
        ranks = []
        for _ in range(SETTINGS["draws"]):
            w = draw_weights(g, dw, mw, SETTINGS["concentration"]) if weights else (dw, mw)
            v = draw_values(g, tables, observed) if figures else observed
            ranks.append(plain_ranks(plain_scores(spec, members, v, w[0], w[1])))
        ranks = np.array(ranks)
        per_ward = {}
        for k, ward in enumerate(result["scored"]):
            col = sorted(ranks[:, k].tolist())
            lo, hi = quantile(col, 5), quantile(col, 95)
            np_lo, np_hi = np.percentile(col, [5, 95], method="inverted_cdf")
            assert (lo, hi) == (int(np_lo), int(np_hi)), (lo, hi, np_lo, np_hi)
            per_ward[ward] = {"lower": lo, "upper": hi, "mean_rank": sum(col) / len(col)}
        out[label] = per_ward
    return out


def check_samplers():
    """The replica samplers have the right distributions (scipy.stats), and a few first values
    for the Swift test to compare draw for draw."""
    n = 200_000
    checks = []
    cases = [("gamma", (0.4,), stats.gamma(0.4)), ("gamma", (3.7,), stats.gamma(3.7)),
             ("beta", (2.5, 7.0), stats.beta(2.5, 7.0)),
             ("binomial", (2000, 0.17), stats.binom(2000, 0.17)),
             ("binomial", (25, 0.6), stats.binom(25, 0.6))]
    for seed, (name, args, dist) in enumerate(cases):
        g = Generator(1000 + seed)
        xs = np.array([getattr(g, name)(*args) for _ in range(n)], dtype=float)
        mean, var = dist.mean(), dist.var()
        se_mean = math.sqrt(var / n)
        se_var = math.sqrt((dist.moment(4) - 4 * mean * dist.moment(3) + 6 * mean ** 2 *
                            dist.moment(2) - 3 * mean ** 4 - var ** 2) / n)
        assert abs(xs.mean() - mean) < 5 * se_mean, (name, args, xs.mean(), mean)
        assert abs(xs.var() - var) < 5 * se_var, (name, args, xs.var(), var)
        checks.append({"sampler": name, "arguments": list(args), "seed": 1000 + seed,
                       "mean": float(mean), "variance": float(var),
                       "fourth_central_moment": float(se_var ** 2 * n + var ** 2)})
    g = Generator(12345)
    first = {"next": [g.next() for _ in range(4)]}
    first["uniform"] = [g.uniform() for _ in range(3)]
    first["normal"] = [g.normal() for _ in range(3)]
    first["gamma_0_4"] = [g.gamma(0.4) for _ in range(3)]
    first["gamma_3_7"] = [g.gamma(3.7) for _ in range(3)]
    first["dirichlet_25_12_5_12_5"] = g.dirichlet([25.0, 12.5, 12.5])
    first["binomial_2000_0_17"] = [g.binomial(2000, 0.17) for _ in range(3)]
    return checks, first


# ----------------------------------------------------------------------------------------------
# 3. Sensitivity
# ----------------------------------------------------------------------------------------------

def variants(spec, layout_):
    """(target kind, target name, change, dw, members, mw) in the order of the Swift table."""
    names, dw, members, mw = layout_
    declared = bool(spec["domains"])
    out = []
    if declared or spec["combination"] == "exponential_domain_ranks":
        kind = "domain" if declared else "indicator"
        for d in range(len(names)):
            if len(names) < 2:
                continue
            keep = [k for k in range(len(names)) if k != d]
            out.append((kind, names[d], "left_out", [dw[k] for k in keep],
                        [members[k] for k in keep], [mw[k] for k in keep]))
            for change, f in (("doubled", 2.0), ("halved", 0.5)):
                out.append((kind, names[d], change,
                            [w * f if k == d else w for k, w in enumerate(dw)], members, mw))
        if not declared:
            return out
    for d, m in enumerate(members):
        if len(m) < 2:
            continue
        for j, i in enumerate(m):
            name = spec["indicators"][i]["name"]
            mem = [list(x) for x in members]
            wts = [list(x) for x in mw]
            del mem[d][j]
            del wts[d][j]
            out.append(("indicator", name, "left_out", dw, mem, wts))
            for change, f in (("doubled", 2.0), ("halved", 0.5)):
                wts = [list(x) for x in mw]
                wts[d][j] *= f
                out.append(("indicator", name, change, dw, members, wts))
    return out


def top_of(rank, size):
    r = rank.dropna()
    r = r[r <= size]
    order = sorted(r.index, key=lambda w: (r[w], list(rank.index).index(w)))
    return order


def sensitivity(spec, result):
    df = result["frame"]
    base = result["rank"]
    base_top = top_of(base.astype(float), TOP)
    rows = []
    for kind, name, change, dw, members, mw in variants(spec, result["layout"]):
        _, _, index = numpy_scores(spec, df, dw, members, mw)
        rank = index.rank(method="min", ascending=False)
        top = top_of(rank, TOP)
        both = rank.notna()
        diff = (rank[both] - base[both]).abs().astype(int)
        largest = int(diff.max())
        rows.append({"kind": kind, "target": name, "change": change,
                     "entering": [w for w in top if w not in base_top],
                     "leaving": [w for w in base_top if w not in top],
                     "largest_rank_change": largest,
                     "wards_with_largest_change": [w for w in diff.index if diff[w] == largest],
                     "top": top})
    return {"size": TOP, "top": base_top, "rows": rows}


# ----------------------------------------------------------------------------------------------

def main():
    genk = genk_inputs()
    # the main job's names for the same ward figures
    main_job = {"wards": genk["wards"], "columns": dict(genk["columns"])}
    for i in MAIN_JOB_INDICATORS:
        main_job["columns"][i["name"]] = genk["columns"][i["column"]]
    data = {"genk": genk, "genk_main_job": main_job, "columbus": columbus_inputs()}
    checks, first = check_samplers()
    out = {"versions": {"numpy": np.__version__, "pandas": pd.__version__,
                        "scipy": scipy.__version__},
           "settings": SETTINGS, "top": TOP,
           "tolerance": {"scores": 1e-9, "mean_rank": 1e-12, "ranks_deciles_bounds": "exact"},
           "inputs": data, "sampler_checks": checks, "first_draws": first,
           "poisson_tables": table_checks(),
           "configurations": {}}
    for key, spec in SPECS.items():
        d = data[spec["dataset"]]
        r = numpy_index(spec, d)
        entry = {k: v for k, v in spec.items() if k not in ("draws", "sensitivity")}
        entry["domain_names"] = r["domains"]
        entry["scored"] = r["scored"]
        entry["score"] = {w: float(r["score"][w]) for w in r["scored"]}
        entry["rank"] = {w: int(r["rank"][w]) for w in r["scored"]}
        entry["decile"] = {w: int(r["decile"][w]) for w in r["scored"]}
        entry["domain_scores"] = {w: [None if pd.isna(v) else float(v)
                                      for v in r["domain_scores"].loc[w]] for w in r["scored"]}
        if r["domain_exponential"] is not None:
            entry["domain_exponential"] = {w: [None if pd.isna(v) else float(v)
                                               for v in r["domain_exponential"].loc[w]]
                                           for w in r["scored"]}
        if spec["draws"]:
            entry["intervals"] = rank_intervals(spec, d, r)
        if spec["sensitivity"]:
            entry["sensitivity"] = sensitivity(spec, r)
        out["configurations"][key] = entry
        print(key, "top 5:", [(w, entry["rank"][w]) for w in top_of(r["rank"].astype(float), 5)])
    with open(os.path.join(here, "composite_index.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
