#!/bin/sh
# Regenerates the WijkIO test fixtures in this folder. All data are synthetic (invented
# names and values), made for this project. Needs GDAL's ogr2ogr and python3.
set -eu
cd "$(dirname "$0")"

# A Shapefile whose DBF has a blank numeric cell (inwoners of W02) and a blank real cell
# (aandeel of W03): OGR writes nulls as blanks, which must read back as missing, not 0.
cat > /tmp/wijk_blank_numbers.geojson <<'JSON'
{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::31370"}},
"features":[
{"type":"Feature","properties":{"wijkcode":"W01","inwoners":1200,"aandeel":18.5},
 "geometry":{"type":"Polygon","coordinates":[[[229000,184000],[230000,184000],[230000,185000],[229000,185000],[229000,184000]]]}},
{"type":"Feature","properties":{"wijkcode":"W02","inwoners":null,"aandeel":22.25},
 "geometry":{"type":"Polygon","coordinates":[[[230000,184000],[231000,184000],[231000,185000],[230000,185000],[230000,184000]]]}},
{"type":"Feature","properties":{"wijkcode":"W03","inwoners":0,"aandeel":null},
 "geometry":{"type":"Polygon","coordinates":[[[231000,184000],[232000,184000],[232000,185000],[231000,185000],[231000,184000]]]}}
]}
JSON
rm -f synthetic_blank_numbers.*
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 synthetic_blank_numbers.shp \
  /tmp/wijk_blank_numbers.geojson
rm -f /tmp/wijk_blank_numbers.geojson
# OGR fills a null number with '*'; make W02's inwoners truly blank (spaces), as other
# software writes it, so that both forms are tested.
python3 - <<'PY'
import struct
data = bytearray(open('synthetic_blank_numbers.dbf', 'rb').read())
header_len, record_len = struct.unpack('<HH', data[8:12])
offset, fields = 1, {}
for pos in range(32, header_len - 1, 32):
    name = data[pos:pos + 11].split(b'\0')[0].decode()
    fields[name] = (offset, data[pos + 16])
    offset += data[pos + 16]
start, width = fields['inwoners']
record = header_len + 1 * record_len
data[record + start:record + start + width] = b' ' * width
open('synthetic_blank_numbers.dbf', 'wb').write(data)
PY

# The same layer with unreadable numbers, as hand-edited or foreign DBFs hold them: "abc"
# in W02's inwoners and "12,5" (a decimal comma) in W01's aandeel. GDAL's own reading gives
# 0 and 12 for these; they must be missing.
for ext in shp shx prj cpg dbf; do
  cp synthetic_blank_numbers.$ext synthetic_unreadable_numbers.$ext
done
python3 - <<'PY'
import struct
data = bytearray(open('synthetic_unreadable_numbers.dbf', 'rb').read())
header_len, record_len = struct.unpack('<HH', data[8:12])
offset, fields = 1, {}
for pos in range(32, header_len - 1, 32):
    name = data[pos:pos + 11].split(b'\0')[0].decode()
    fields[name] = (offset, data[pos + 16])
    offset += data[pos + 16]
def put(record, field, text):
    start, width = fields[field]
    at = header_len + record * record_len + start
    data[at:at + width] = text.rjust(width).encode('ascii')
put(1, 'inwoners', 'abc')
put(0, 'aandeel', '12,5')
open('synthetic_unreadable_numbers.dbf', 'wb').write(data)
PY

python3 - <<'PY'
# CSV variants: tab-separated UTF-8 with BOM, CRLF, a quoted cell with an embedded newline,
# quote and separator; the same as Windows-1252; codes with leading zeros.
rows = 'wijkcode\twijknaam\tinwoners\topmerking\r\n' \
       'W01\tHoëvelde\t1200\t"zegt ""ja""\tmet\r\nnieuwe regel"\r\n' \
       'W02\tSint-Ruïnehof\t950\t\r\n'
open('synthetic_tab_bom.tsv', 'wb').write(b'\xef\xbb\xbf' + rows.encode('utf-8'))
open('synthetic_cp1252.csv', 'wb').write(
    'wijkcode|wijknaam|inwoners\r\nW01|Hoëvelde|1200\r\nW02|Bèkerzand|950\r\n'
    .encode('cp1252'))
open('synthetic_codes.csv', 'w').write('wijkcode,inwoners\n01,1200\n02,950\n10,1800\n')
PY

# Statbel's published layout for TF_PSNL_INC_TAX_SECTOR (pipe-separated, CD_/MS_/TX_ names),
# with invented values; C marks a confidential figure.
cat > synthetic_TF_PSNL_INC_TAX_SECTOR.txt <<'TXT'
CD_YEAR|CD_REFNIS|CD_SECTOR|MS_NBR_NON_ZERO_INC|MS_TOT_NET_TAXABLE_INC|MS_AVG_TOT_NET_TAXABLE_INC|TX_SECTOR_DESCR_NL
2022|71016|71016A00-|812|19876543.21|24478.50|GENK-CENTRUM
2022|71016|71016A011|C|C|C|HOOG-KEIHEUVEL
2022|71016|71016B10-|1047|23555120.00|22497.73|WATERSCHEI-CENTRUM
TXT

# A GeoJSON with no crs member whose second feature is in Lambert 72 metres: feature 0 is a
# plausible lon/lat square, feature 1 cannot be degrees.
cat > synthetic_lambert_without_crs.geojson <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"wijkcode":"W01"},
 "geometry":{"type":"Polygon","coordinates":[[[5.50,50.96],[5.51,50.96],[5.51,50.97],[5.50,50.97],[5.50,50.96]]]}},
{"type":"Feature","properties":{"wijkcode":"W02"},
 "geometry":{"type":"Polygon","coordinates":[[[229000,184000],[230000,184000],[230000,185000],[229000,185000],[229000,184000]]]}}
]}
JSON

# Case 30's ArcGIS Lambert 72 wards with a .prj whose false easting is 1 m off (150001.01256
# is wrong on purpose): close to EPSG:31370 by name, 1 m apart in numbers, so it must not be
# recognised as EPSG:31370.
for ext in shp shx dbf cpg; do
  cp ../cases/30-shapefile-prj-esri-lambert72/wards_arcgis.$ext \
    synthetic_lambert72_false_easting_1m_off.$ext
done
sed 's/"False_Easting",150000.01256/"False_Easting",150001.01256/' \
  ../cases/30-shapefile-prj-esri-lambert72/wards_arcgis.prj \
  > synthetic_lambert72_false_easting_1m_off.prj

# Case 01's ten points as a Point Shapefile (EPSG:31370), for `wijk info` on a layer that
# holds no wards (described from its header, not checked as wards). Needs gdal-bin.
ogr2ogr -f GPKG /tmp/points_case01.gpkg ../cases/01-point-on-shared-boundary/points.csv \
  -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -a_srs EPSG:31370 -nln adrespunten
ogr2ogr -f "ESRI Shapefile" synthetic_points_case01.shp /tmp/points_case01.gpkg -lco ENCODING=UTF-8

# Nine synthetic wards of the benchmark's 20,000-ward layer (Benchmarks/commands/generate.py,
# size M: W19610 and the wards within 50 m) on which GEOS's overlay throws a TopologyException
# in the sliver check at --sliver-tolerance 0.001 (`wijk info` must still describe them).
# Made with geopandas: g[g.intersects(g.iloc[16452].geometry.buffer(50))].to_file(...).
