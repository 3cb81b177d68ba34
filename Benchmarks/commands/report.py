#!/usr/bin/env python3
"""Writes RESULTS.md (on stdout) from the log folder of Benchmarks/commands/run.

Reads measurements.tsv (name, runs, best wall s, peak RSS KiB), each best run's stderr
(<size>.<command>.<tool>.err: wijk's --timing json line, the peers' stage JSON), the
comparisons (<size>.compare.json) and the load averages, and adds the machine, the versions,
the PostGIS form of the join and the memory model of wijk's point join fitted to the RSS.

Usage: python3 report.py <log-dir>
"""
import datetime
import importlib
import json
import os
import pathlib
import platform
import subprocess
import sys

POINTS = {"S": 1_000_000, "M": 5_000_000}
WARDS = {"S": 2_000, "M": 20_000}
PEER = {"join": "geopandas", "info": "geopandas", "analyse": "pysal"}
GIB = 1 << 30


def measurements(log):
    rows = {}
    for line in (log / "measurements.tsv").read_text().splitlines():
        name, runs, wall, kib = line.split("\t")
        size, command, tool = name.split(".")
        text = "".join(f.read_text() for f in [log / f"{name}.err", log / f"{name}.out"] if f.exists())
        stages = last_json(text) if tool != "wijk" or command != "info" else {}
        rows[(size, command, tool)] = dict(runs=int(runs), wall=float(wall), kib=int(kib), stages=stages)
    return rows


def last_json(text):
    """The last one-line JSON object in `text` (the stage line), or {}."""
    for line in reversed(text.splitlines()):
        if line.startswith("{") and line.rstrip().endswith("}"):
            return json.loads(line)
    return {}


def versions():
    out = {"python": platform.python_version()}
    for name in ["geopandas", "shapely", "pyogrio", "pandas", "numpy", "libpysal", "esda",
                 "mapclassify", "numba"]:
        try:
            out[name] = importlib.import_module(name).__version__
        except Exception:  # a missing package is reported, not fatal
            out[name] = "absent"
    import pyogrio
    import shapely
    out["GEOS (shapely)"] = shapely.geos_version_string
    out["GDAL (pyogrio)"] = pyogrio.__gdal_version_string__
    return out


def command_output(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def machine(log):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    start = log / "date_start"
    date = start.read_text().strip() if start.exists() else \
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    return [f"- date: {date} (start of the run)",
            f"- machine: {os.cpu_count()} cores (`nproc` {command_output('nproc')}), {cpu}, "
            f"{int(mem) / (1 << 20):.1f} GiB RAM, {platform.system()} {platform.release()}",
            f"- load average (1, 5, 15 min) at start: {load(log / 'load_start')}; at end: {load(log / 'load_end')}",
            f"- wijk: {command_output('git', 'rev-parse', '--short', 'HEAD')}, release build; "
            + command_output("swift", "--version").splitlines()[0],
            "- Python peers: " + ", ".join(f"{k} {v}" for k, v in versions().items())]


def load(path):
    return " ".join(path.read_text().split()[:3]) if path.exists() else "?"


def figures(rows):
    lines = ["| size | command | wijk s | wijk MiB | peer | peer s | peer MiB | time peer/wijk | RSS peer/wijk | runs wijk/peer |",
             "|---|---|---:|---:|---|---:|---:|---:|---:|---|"]
    for size in POINTS:
        for command, peer in PEER.items():
            w, p = rows.get((size, command, "wijk")), rows.get((size, command, peer))
            if not w or not p:
                continue
            lines.append(f"| {size} | {command} | {w['wall']:.2f} | {w['kib'] / 1024:.0f} | {peer} | "
                         f"{p['wall']:.2f} | {p['kib'] / 1024:.0f} | {p['wall'] / w['wall']:.1f} | "
                         f"{p['kib'] / w['kib']:.1f} | {w['runs']}/{p['runs']} |")
    return lines


def slower(rows):
    """One line per command where the peer was faster, with wijk's largest stage."""
    lines = []
    for (size, command, tool), w in rows.items():
        p = rows.get((size, command, PEER.get(command)))
        if tool != "wijk" or not p or p["wall"] >= w["wall"]:
            continue
        split = w["stages"].get("stages", {})
        top = max(split.items(), key=lambda kv: kv[1], default=None)
        where = f"; its largest stage: {top[0]} {top[1]:.1f} s" if top else " (no stage split)"
        lines.append(f"- {size} {command}: wijk {w['wall']:.1f} s, {PEER[command]} {p['wall']:.1f} s{where}")
    return lines or ["- none: wijk was faster on every row"]


def stages(rows):
    lines = ["| size | command | tool | stages (s) |", "|---|---|---|---|"]
    for (size, command, tool), r in rows.items():
        s = r["stages"]
        if tool == "wijk" and "stages" in s:
            split = ", ".join(f"{k} {v:.3f}" for k, v in s["stages"].items())
            split += f"; total {s['total_s']:.3f}, peak {s['peak_rss_mib']} MiB (--timing json)"
        elif s:
            split = ", ".join(f"{k} {v}" for k, v in (s.get("seconds") or s).items() if k != "outside"
                              if isinstance(v, (int, float)))
        else:
            continue
        lines.append(f"| {size} | {command} | {tool} | {split} |")
    return lines


def agreement(log):
    lines = []
    for size in POINTS:
        path = log / f"{size}.compare.json"
        if not path.exists():
            continue
        c = json.loads(path.read_text())
        j = c["join"]
        lines.append(f"- {size} join: counts differing from expected_counts.csv: wijk "
                     f"{j['wijk_counts']['cells']} of {j['wards']} wards, GeoPandas "
                     f"{j['geopandas_counts']['cells']}; outside every ward: expected "
                     f"{j['expected_outside']}, wijk {j['wijk_outside']}, GeoPandas "
                     f"{j['geopandas_outside']}; residents sums differing wijk/GeoPandas: "
                     f"{j['residents_sums_differing']}")
        i = c["info"]
        found = ", ".join(f"{k} {v['wijk']}/{v['geopandas']}" for k, v in i.items() if isinstance(v, dict))
        lines.append(f"- {size} info (wijk/GeoPandas): {found}; wijk also looked for slivers "
                     f"({i['wijk_slivers']} found)")
        for name, a in c["analyse"].items():
            lines.append(f"- {size} analyse {name}: local Moran I max |wijk - esda| "
                         f"{a['local_moran_max_abs_diff']:.1e} ({'within' if a['within_1e9'] else 'NOT within'} "
                         f"1e-9), Gi* z {a['gi_star_z_max_abs_diff']:.1e}, same quantile class "
                         f"{a['same_quantile_class']} of {a['wards']}, global I {a['global_moran_i_wijk']:.6f}")
    return lines


def memory_model(rows):
    got = {s: rows[(s, "join", "wijk")]["kib"] * 1024 for s in POINTS if (s, "join", "wijk") in rows}
    if len(got) < 2:
        return ["(needs the join at S and M)"]
    b = (got["M"] - got["S"]) / (POINTS["M"] - POINTS["S"])
    a = got["S"] - b * POINTS["S"]
    limit = (24 * GIB - a) / b
    return [f"Peak RSS of `wijk join` (/usr/bin/time): S {got['S'] / GIB * 1024:.0f} MiB at 1 M points, "
            f"M {got['M'] / GIB * 1024:.0f} MiB at 5 M. A line through both: **{b:.0f} B per point** "
            f"plus {a / (1 << 20):.0f} MiB fixed (the fixed part also holds the wards, 2,000 at S "
            "and 20,000 at M, so the slope slightly overstates the per-point cost).",
            "",
            "The floor is the coordinates (2 x 8 B), the ward index per point (4 B) and the summed "
            "column (8 B): 28 B per point. A plain CSV is read by `CSVColumns` straight from its "
            "bytes into one array per column, so at the peak the file's bytes (about 30 B a point "
            "in this file) are held beside the columns (x, y and the summed column, 24 B, and a "
            "line number, 4 B); the bytes go before the join. Before this reader (2026-12-03) the points were read as "
            "a whole table of typed cells first (353 B per point). A point now costs about "
            f"{b / 28:.1f} times the floor. At the fitted rate, 24 GiB of RAM is exceeded at about "
            f"**{limit / 1e6:.0f} M points**; with the floor alone it would be "
            f"{(24 * GIB - a) / 28 / 1e6:.0f} M."]


POSTGIS = """When the points do not fit (or live in the database already), the same join runs in
PostGIS, with the same boundary rule: a point covered by several wards goes to the smallest
code, codes compared byte-wise (`COLLATE "C"`, as wijk compares them as text).

```sql
CREATE INDEX ON wards USING gist (geom);
CREATE INDEX ON points USING gist (geom);            -- optional: the planner probes wards
ANALYZE wards; ANALYZE points;
CREATE TABLE point_ward AS
SELECT DISTINCT ON (p.id) p.id, w.code, p.residents
FROM points p JOIN wards w ON ST_Covers(w.geom, p.geom)   -- boundary points match both
ORDER BY p.id, w.code COLLATE "C";                        -- keep the smallest code
SELECT w.code, count(pw.id) AS n_points, sum(pw.residents) AS residents
FROM wards w LEFT JOIN point_ward pw USING (code)
GROUP BY w.code ORDER BY w.code COLLATE "C";
```

Points outside every ward are those without a row in `point_ward`. The database reads the
points from disk and sorts within `work_mem` (spilling to disk beyond it), so its memory
does not grow with the points; the counts can come back to wijk as a ward table (a `PG:`
source with an `sql:SELECT …` layer, as the tables of `GeoData/wijk-genk.yaml` allow)."""


def main(log):
    rows = measurements(log)
    out = ["# Whole commands as a user runs them: wijk against GeoPandas and PySAL", "",
           "Written by `Benchmarks/commands/run` (do not edit by hand). Every command is a fresh "
           "process (imports, numba compilation and GDAL start-up included), timed by "
           "`/usr/bin/time -f \"%e %M\"`: wall seconds and peak RSS. A command under 30 s is run 3 "
           "times and the best wall time kept; slower ones once. Data: `generate.py` (seeded; "
           "checksums in `CHECKSUMS`): S = 2,000 wards / 1 M points, M = 20,000 wards / 5 M points.",
           "", *machine(log), "", "## Figures", "", *figures(rows), "",
           "Ratios above 1: the peer takes longer or more memory. Commands: `wijk join wards.gpkg "
           "--code code --points points.csv --x x --y y --sum residents --allow-unmatched --out "
           "out.csv --timing json` against `peer_join.py`; `wijk info wards.gpkg --json` against "
           "`peer_info.py`; `wijk analyse --config wijk-bench.yaml --out out --timing json` against "
           "`peer_analyse.py` (wijk writes 12 files, maps and summary included; the peer a "
           "GeoPackage and a CSV).", "", "Where the peer was faster:", "", *slower(rows), "",
           "## Stages", "", *stages(rows), "",
           "wijk's split is its own `--timing json` line; the peers' is `time.perf_counter` "
           "around each step, so their wall time minus the stages is interpreter start-up and "
           "imports. The peer's first indicator in `analyse` includes numba compiling esda's "
           "permutation kernels (a fresh process compiles them again); its second runs warm.", "",
           "## Do the outputs agree?", "", *agreement(log), "",
           "## When one machine is not enough", "", POSTGIS, "", "### Memory model of `wijk join --points`", "",
           *memory_model(rows), ""]
    print("\n".join(out))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
