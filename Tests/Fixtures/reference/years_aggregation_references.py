#!/usr/bin/env python3
"""Reference ward figures for the aggregation rules, computed with pandas from GeoData/.

Every Genk 2020-2024 ward (the lookup's wards, with 71016ONB for the location-unknown sector):
- population per year 2011-2022: `sum` of the sector totals;
- share of residents aged 65+ (Census 2021): `ratio_of_sums`, 100 * sum(x65) / sum(x65 + rest),
  a sector without a Census row counting 0 (the table lists only sectors with residents);
- mean net taxable income per declaration 2021: `weighted_mean` of the sector means weighted by
  the sector's residents on 1 January 2021, an ESTIMATE when more than one sector of non-zero
  weight contributes; missing when a sector with residents has no published mean;
- median net taxable income 2021: `not_aggregable` with the residents as weight: the value of a
  ward with one inhabited sector, else refused with the range (min, max) of the sector medians;
  missing when an inhabited sector has no published median.
A ward is made of every sector the lookup gives it; a sector that matters and has no value (no
row, or an empty cell) makes the ward missing. The Swift test (RuleAggregationTests) compares
counts exactly and the rest to 1e-9 relative. Writes years_aggregation.json beside this script.
"""
import json
import os

import numpy as np
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
geo = os.path.join(here, "..", "..", "..", "GeoData")


def read(name):
    return pd.read_csv(os.path.join(geo, name), dtype={"cd_sector": str, "statsec2024": str,
                                                        "ggw72024": str})


lookup = read("genk_statsec2024_to_wijk2024.csv")[["statsec2024", "ggw72024"]]
population = read("genk_population_statsec_2011_2022.csv")
income = read("genk_fiscal_income_statsec_2021.csv")
census = read("genk_census2021_age65_statsec.csv")
wards = sorted(lookup.ggw72024.unique())

out = {"versions": {"pandas": pd.__version__, "numpy": np.__version__}, "wards": wards,
       "sectors": {w: sorted(g.statsec2024) for w, g in lookup.groupby("ggw72024")},
       "population": {}, "city_population": {}}

# population: sum per ward per year; a lookup sector without a row makes the ward missing
for year, rows in population.groupby("year"):
    m = lookup.merge(rows[["cd_sector", "total"]], left_on="statsec2024", right_on="cd_sector",
                     how="left")
    lacking = m.groupby("ggw72024").total.agg(lambda s: s.isna().any())
    sums = m.groupby("ggw72024").total.sum()
    out["population"][str(year)] = {w: None if lacking[w] else int(sums[w]) for w in wards}
    out["city_population"][str(year)] = int(rows.total.sum())
    assert set(rows.cd_sector) <= set(lookup.statsec2024), f"{year}: sectors without ward"

# 65+ share 2021 (Census): ratio of sums, base x65 + rest. The Census table lists only sectors
# with residents, so a lookup sector without a row counts 0 (71016A882, no residents in any
# year); an empty cell in an existing row would still be missing.
m = lookup.merge(census, left_on="statsec2024", right_on="cd_sector", how="left")
absent = m.cd_sector.isna()
m.loc[absent, ["x65", "rest"]] = 0
out["census_zero_for_absent_row"] = sorted(m[absent].statsec2024)
share = {}
for w, g in m.groupby("ggw72024"):
    if g[["x65", "rest"]].isna().any().any():
        share[w] = {"value": None, "missing": sorted(g[g[["x65", "rest"]].isna().any(axis=1)]
                                                     .statsec2024)}
    else:
        share[w] = {"value": float(100 * g.x65.sum() / (g.x65.sum() + g.rest.sum())), "missing": []}
out["share_65plus_2021"] = share

# income 2021: weights = residents on 1 January 2021
pop2021 = population[population.year == 2021][["cd_sector", "total"]]
m = (lookup.merge(pop2021, left_on="statsec2024", right_on="cd_sector", how="left")
     .drop(columns="cd_sector")
     .merge(income, left_on="statsec2024", right_on="cd_sector", how="left"))
mean, median = {}, {}
for w, g in m.groupby("ggw72024"):
    assert not g.total.isna().any() and (g.total >= 0).all()
    inhabited = g[g.total > 0]
    lacking = sorted(inhabited[inhabited.ms_avg_tot_net_taxable_inc.isna()].statsec2024)
    if lacking:
        mean[w] = {"value": None, "basis": "missing", "missing": lacking}
    elif inhabited.empty:
        mean[w] = {"value": None, "basis": "zero_base", "missing": []}
    else:
        value = ((inhabited.ms_avg_tot_net_taxable_inc * inhabited.total).sum()
                 / inhabited.total.sum())
        mean[w] = {"value": float(value), "basis": "exact" if len(inhabited) == 1 else "estimate",
                   "sectors": int(len(inhabited)), "missing": []}
    lacking = sorted(inhabited[inhabited.ms_median_net_taxable_inc.isna()].statsec2024)
    medians = inhabited.ms_median_net_taxable_inc
    if lacking:
        median[w] = {"value": None, "basis": "missing", "missing": lacking}
    elif len(inhabited) == 1:
        median[w] = {"value": float(medians.iloc[0]), "basis": "exact", "missing": []}
    else:
        median[w] = {"value": None, "basis": "not_aggregable", "sectors": int(len(inhabited)),
                     "range": [float(medians.min()), float(medians.max())], "missing": []}
out["income_mean_2021"] = mean
out["income_median_2021"] = median

with open(os.path.join(here, "years_aggregation.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")

# Printed for the record (README and reports quote them).
print("city population:", out["city_population"])
for kind in ("income_mean_2021", "income_median_2021"):
    print(kind, pd.Series([v["basis"] for v in out[kind].values()]).value_counts().to_dict())
