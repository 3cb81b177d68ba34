"""Reference for the DBF reader on libpysal's mexicojoin.dbf, whose numbers are padded with NUL
bytes ("9573.00\0"): the PCGDP1940 values read as GDAL reads them (a NUL ends the number), and
inequality's Gini on them, which is the value inequality's own tests publish for mexico.csv
(test_gini.py: 0.35372371173452849). Run: python3 mexico_gini.py > mexico_gini.json"""
import json
import struct

import numpy
from inequality.gini import Gini

data = open("mexicojoin.dbf", "rb").read()
count, header, record = struct.unpack("<IHH", data[4:12])
fields, offset, at = [], 1, 32
while data[at] != 0x0D:
    fields.append((data[at:at + 11].split(b"\0")[0].decode(), offset, data[at + 16]))
    offset += data[at + 16]
    at += 32
name, start, width = next(f for f in fields if f[0] == "PCGDP1940")
cells = [data[header + r * record + start:header + r * record + start + width] for r in range(count)]
values = [float(c.split(b"\0")[0].strip()) for c in cells]
print(json.dumps({
    "column": "PCGDP1940",
    "cells_with_nul": sum(b"\0" in c for c in cells),
    "values": values,
    "gini": Gini(numpy.array(values)).g,
    "published_gini": 0.35372371173452849,
    "tolerance": 1e-12,
}, indent=1))
