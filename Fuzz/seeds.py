#!/usr/bin/env python3
"""Seed inputs that are not plain fixture files, for Fuzz/run.

  seeds.py wkb OUT      the WKB of every geometry in the fixtures' GeoPackages (the GeoPackage
                        header stripped) and hand-made WKB of every type, byte order and Z/M
                        flavour that wijk reads
  seeds.py numbers OUT  the distinct cells of the fixture CSVs and hand-made numbers in both
                        conventions
Each seed is one file in OUT, named by its SHA-1 as libFuzzer names its corpus.
"""
import glob
import hashlib
import os
import sqlite3
import struct
import sys


def save(out, data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def gpkg_wkb(blob):
    """The WKB inside a GeoPackage geometry blob (header 'GP', version, flags, srs id,
    envelope of 0, 32, 48 or 64 bytes by flags bits 1-3)."""
    if blob[:2] != b"GP":
        return blob
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((blob[3] >> 1) & 7, 0)
    return blob[8 + envelope:]


def wkb_seeds(out):
    for path in glob.glob("Tests/Fixtures/**/*.gpkg", recursive=True):
        db = sqlite3.connect(path)
        for table, column in db.execute("select table_name, column_name from gpkg_geometry_columns"):
            for (blob,) in db.execute(f'select "{column}" from "{table}" limit 200'):
                if blob:
                    save(out, gpkg_wkb(bytes(blob)))
    le = lambda t, *v: b"\x01" + struct.pack("<I", t) + b"".join(v)
    be = lambda t, *v: b"\x00" + struct.pack(">I", t) + b"".join(v)
    xy = lambda x, y: struct.pack("<dd", x, y)
    ring = struct.pack("<I", 4) + xy(0, 0) + xy(1, 0) + xy(1, 1) + xy(0, 0)
    point = le(1, xy(229465.37, 184465.66))
    line = le(2, struct.pack("<I", 2), xy(1, 2), xy(3, 4))
    polygon = le(3, struct.pack("<I", 1), ring)
    for seed in [
        point, line, polygon,
        le(4, struct.pack("<I", 2), point, point),
        le(5, struct.pack("<I", 1), line),
        le(6, struct.pack("<I", 2), polygon, polygon),
        le(7, struct.pack("<I", 3), point, line, le(7, struct.pack("<I", 1), polygon)),
        le(7, struct.pack("<I", 0)),
        be(1, struct.pack(">dd", 1.0, 2.0)),
        le(1001, xy(1, 2), struct.pack("<d", 3)),            # ISO Z
        le(3001, xy(1, 2), struct.pack("<dd", 3, 4)),        # ISO ZM
        le(0x80000001, xy(1, 2), struct.pack("<d", 3)),      # EWKB Z
        le(0x20000001, struct.pack("<I", 31370), xy(1, 2)),  # EWKB SRID
    ]:
        save(out, seed)


def number_seeds(out):
    cells = set()
    for path in glob.glob("Tests/Fixtures/**/*.csv", recursive=True):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f.read(65536).splitlines():
                for sep in ",;\t":
                    cells.update(c.strip().strip('"') for c in line.split(sep) if len(c) < 40)
    cells.update([
        "0", "-0", "+1", "1234.5", "1.2e3", "-1.5E-7", "1e308", "9223372036854775807",
        "9223372036854775808", "1.234,5", "12.045", "-0,5", "1,5e3", "1.234.567,89", "22,2,5",
        ".5", ",5", "1.", "1,", "12.04", "1.2345", "NaN", "inf", "1e", "--1", "1 000",
    ])
    # One cell per shape (digits as 9, letters as a): 17 000 cells are some 400 shapes.
    shapes = {}
    for cell in sorted(cells):
        shape = "".join("9" if c.isdigit() else "a" if c.isalpha() else c for c in cell)
        if cell and shape not in shapes:
            shapes[shape] = cell
    for cell in shapes.values():
        save(out, cell.encode("utf-8"))


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    {"wkb": wkb_seeds, "numbers": number_seeds}[kind](out)
