"""Times libpysal Queen + esda Moran_Local(999) on the benchmark grid of SpatialBench.swift.

The grid is rebuilt here with the same SplitMix64 hashing, so the coordinates are identical:
100 x 200 jittered quadrilaterals (20,000 units), values sin(c/15) + cos(r/10) + noise.

    python3 Benchmarks/spatial/bench_pysal.py
"""

import math
import time
import warnings

import esda
import geopandas as gpd
import numpy as np
from libpysal.weights import Queen
from shapely.geometry import Polygon

warnings.filterwarnings("ignore")
M = (1 << 64) - 1


def split_mix(x):
    z = (x + 0x9E3779B97F4A7C15) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def unit(h):
    return (h >> 11) * 2.0**-53


def corner(i, j, seed):
    h1 = split_mix(seed ^ (i * 1_000_003 + j))
    h2 = split_mix(h1)
    return (j + (unit(h1) - 0.5) * 0.4, i + (unit(h2) - 0.5) * 0.4)


def grid(rows=100, columns=200, seed=20_250_101):
    polys, values = [], []
    for r in range(rows):
        for c in range(columns):
            ring = [corner(r, c, seed), corner(r, c + 1, seed), corner(r + 1, c + 1, seed),
                    corner(r + 1, c, seed)]
            polys.append(Polygon(ring))
            noise = unit(split_mix(seed ^ 0xABCD ^ (r * 1_000_003 + c)))
            values.append(math.sin(c / 15) + math.cos(r / 10) + noise)
    return gpd.GeoDataFrame({"y": values}, geometry=polys)


if __name__ == "__main__":
    df = grid()
    t = time.perf_counter()
    w = Queen.from_dataframe(df, use_index=False)
    t_queen = time.perf_counter() - t
    links, mean_neighbours, islands = w.nonzero, w.mean_neighbors, len(w.islands)
    y = df["y"].to_numpy()
    # first call compiles numba: time a warm-up separately
    t = time.perf_counter()
    esda.Moran_Local(y, w, permutations=999, seed=12345, n_jobs=1)
    t_first = time.perf_counter() - t
    t = time.perf_counter()
    lm = esda.Moran_Local(y, w, permutations=999, seed=12345, n_jobs=1)
    t_local = time.perf_counter() - t
    print(f"units {w.n}, queen links {links} (mean {mean_neighbours}), islands {islands}")
    print(f"libpysal Queen.from_dataframe:                 {t_queen:.3f} s")
    print(f"esda Moran_Local 999, n_jobs=1 (first call):   {t_first:.3f} s")
    print(f"esda Moran_Local 999, n_jobs=1 (warm):         {t_local:.3f} s")
    print(f"p_sim < 0.05: {(lm.p_sim < 0.05).sum()}; checksum: sum of Is = {lm.Is.sum()!r}")
