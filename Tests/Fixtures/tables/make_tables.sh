#!/bin/sh
# Regenerates the table fixtures in this folder: one synthetic ward table (invented codes,
# names and figures, made for this project) in every table format wijk reads through GDAL.
# Needs LibreOffice Calc (Debian: libreoffice-calc), GDAL's ogr2ogr (gdal-bin) and zip.
#
#   synthetic_wards_libreoffice.xlsx / .ods  LibreOffice from synthetic_wards_libreoffice.csv:
#     a title on row 1, row 2 blank, the header on row 3, a units row 4, data from row 5.
#     Code 0101, 0103, 0104 are text (quoted in the CSV, imported with "quoted field as
#     text"); 0102 is unquoted, so LibreOffice stores it as the number 102 (its zero lost).
#     inwoners holds Statbel's C and a '-'; dubbel is a formula (=C5*2), once an error
#     (#VALUE!) where it doubles the C.
#   synthetic_wards_gdal.xlsx  ogr2ogr: sheet "wijken" (code as text with its zeros,
#     inwoners as integers, aandeel as reals) and sheet "sectoren" whose ward code column
#     is an integer field: codes stored as numbers, every zero lost.
#   synthetic_wards.gpkg       ogr2ogr: attribute table "cijfers" (no geometry) beside a
#     point layer "punten", so the table must be named or found as the only table.
#   synthetic_wards.dbf        ogr2ogr: a lone DBF (a Shapefile's attribute table).
#   synthetic_TF_SOC_POP_SECTOR.zip  a Statbel-style pipe-separated .txt with C, zipped.
#   case23_sectoren_statbel.zip, case23_sector_wijk.xlsx  field case 23's Statbel sector
#     table zipped as Statbel publishes it, and its sector lookup as a workbook (sheet
#     "koppeling", written by GDAL), for `wijk analyse` on the same case from these formats.
#   register_small_synthetic_2021.ods  the small synthetic housing register
#     (../housing/small/register_small_synthetic_2021.csv, ';'-separated) in LibreOffice.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# LibreOffice's CSV filter options: comma, double quote, UTF-8, from line 1, standard
# formats, en-US, quoted field as text, ..., evaluate formulas (token 13).
filter='CSV:44,34,76,1,,1033,true,false,false,false,false,false,true'
for ext in xlsx ods; do
  rm -f "synthetic_wards_libreoffice.$ext"
  libreoffice --headless --infilter="$filter" --convert-to "$ext" --outdir "$tmp" \
    synthetic_wards_libreoffice.csv >/dev/null
  mv "$tmp/synthetic_wards_libreoffice.$ext" .
done

cat > "$tmp/wijken.csv" <<'CSV'
code,naam,inwoners,aandeel
0101,Centrum,1234,12.5
0102,Winterslag,2045,3.25
0103,Waterschei,,0.1
CSV
printf '"String","String","Integer","Real"\n' > "$tmp/wijken.csvt"
cat > "$tmp/sectoren.csv" <<'CSV'
sector,wijk,inwoners
71016A00-,101,812
71016A011,102,95
CSV
printf '"String","Integer","Integer"\n' > "$tmp/sectoren.csvt"
rm -f synthetic_wards_gdal.xlsx synthetic_wards.gpkg synthetic_wards.dbf
ogr2ogr -f XLSX synthetic_wards_gdal.xlsx "$tmp/wijken.csv"
ogr2ogr -f XLSX -update synthetic_wards_gdal.xlsx "$tmp/sectoren.csv"

# In the GeoPackage, inwoners is a text field (as a hand-made table often is), holding
# numbers and Statbel's C: the cell policy reads it, as it reads a CSV cell.
cat > "$tmp/cijfers.csv" <<'CSV'
code,naam,inwoners,aandeel
0101,Centrum,1234,12.5
0102,Winterslag,C,3.25
0103,Waterschei,,0.1
CSV
printf '"String","String","String","Real"\n' > "$tmp/cijfers.csvt"
ogr2ogr -f GPKG -nln cijfers synthetic_wards.gpkg "$tmp/cijfers.csv"
cat > "$tmp/punten.csv" <<'CSV'
id,x,y
1,229500,184500
CSV
ogr2ogr -f GPKG -update -nln punten -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y \
  -a_srs EPSG:31370 synthetic_wards.gpkg "$tmp/punten.csv"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$tmp/dbf" "$tmp/wijken.csv"
cp "$tmp/dbf/wijken.dbf" synthetic_wards.dbf

cat > "$tmp/TF_SOC_POP_SECTOR.txt" <<'TXT'
CD_YEAR|CD_REFNIS|CD_SECTOR|TX_SECTOR_DESCR_NL|MS_POPULATION
2024|71016|71016A00-|GENK-CENTRUM|812
2024|71016|71016A011|HOOG-KEIHEUVEL|C
2024|71016|71016B10-|WATERSCHEI-CENTRUM|1047
TXT
rm -f synthetic_TF_SOC_POP_SECTOR.zip
(cd "$tmp" && zip -q -X synthetic_TF_SOC_POP_SECTOR.zip TF_SOC_POP_SECTOR.txt)
mv "$tmp/synthetic_TF_SOC_POP_SECTOR.zip" .

case23=../cases/23-statbel-confidential-cells
rm -f case23_sectoren_statbel.zip case23_sector_wijk.xlsx
cp "$case23/sectoren_statbel.txt" "$tmp/"
(cd "$tmp" && zip -q -X case23_sectoren_statbel.zip sectoren_statbel.txt)
mv "$tmp/case23_sectoren_statbel.zip" .
tr ';' ',' < "$case23/sector_wijk.csv" > "$tmp/koppeling.csv"
printf '"String","String"\n' > "$tmp/koppeling.csvt"
ogr2ogr -f XLSX case23_sector_wijk.xlsx "$tmp/koppeling.csv"

rm -f register_small_synthetic_2021.ods
libreoffice --headless --infilter='CSV:59,34,76,1,,1033,true' --convert-to ods --outdir "$tmp" \
  ../housing/small/register_small_synthetic_2021.csv >/dev/null
mv "$tmp/register_small_synthetic_2021.ods" .
