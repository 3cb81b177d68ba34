"""Reference records for wijk's CSV tokeniser (Sources/WijkIO/CSVTokeniser.swift): Python's
own `csv` module on seeded random texts.

    python3 Tests/Fixtures/reference/csv_tokeniser_references.py

Texts of 0-24 pieces drawn from: a, 1, ",", ";", a quote, CR, LF, a space, "é", "."; the
separator is ",", ";" or "é" (two bytes in UTF-8, one character here). Each text is read with
`csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=False)`: quotes open a field
only at its start, a doubled quote inside quotes is one quote, text after a closing quote is
kept, CR, LF and CRLF end a record, a blank line is an empty record. A text whose quote is
still open at its end (Python's parser, non-strict, absorbs a line "Z" appended to the text
into the open field) has records null: wijk reports an unterminated quote.
Output: csv_tokeniser.json, the text as UTF-8 bytes and the records as lists of fields.
"""

import csv
import io
import json
import random
from pathlib import Path

PIECES = ["a", "1", ",", ";", '"', "\r", "\n", " ", "é", "."]
SEPARATORS = [",", ";", "é"]


def parse(text, sep):
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=False))


def records(text, sep):
    # A quote still open at the end swallows a line "Z" appended after the text; a closed
    # one leaves it a record of its own.
    if parse(text + "\nZ", sep)[-1] != ["Z"]:
        return None
    return parse(text, sep)


def main():
    rng = random.Random(20261203)
    cases = []
    for k in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))
        sep = SEPARATORS[k % 3]
        cases.append({
            "bytes": list(text.encode("utf-8")), "separator": list(sep.encode("utf-8")),
            "records": records(text, sep),
        })
    out = {"source": f"Python {csv.__name__} module, strict=False; seed 20261203",
           "cases": cases}
    (Path(__file__).parent / "csv_tokeniser.json").write_text(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
