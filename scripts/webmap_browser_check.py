"""Drives map.html in headless Chromium over WebDriver and checks what a user sees.

    python3 scripts/webmap_browser_check.py OUT_FOLDER

OUT_FOLDER is a `wijk analyse` output folder (map.html and wards.csv beside it). The check
loads map.html from disk (file://, no server), and fails (exit 1) unless:
- the page makes no request other than its own file and logs no console error;
- the indicator switcher lists every indicator and switching shows that indicator's map;
- the year slider, where the page has years, switches the map's year;
- clicking a ward shows its name and the same value as wards.csv (the published cell);
- finding a ward by name (the search box) selects it;
- the zoom button changes the visible map's viewBox.
Chromium and chromedriver are Debian's; selenium is pinned in scripts/requirements-webmap.txt.
"""

import csv
import json
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def published_values(folder):
    """code -> {indicator id: value text as in wards.csv}, for Belgian or plain CSV."""
    text = (folder / "wards.csv").read_text(encoding="utf-8-sig")
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=dialect))
    header, body = rows[0], rows[1:]
    out = {}
    for row in body:
        code = row[0].removeprefix('="').removesuffix('"')
        out[code] = dict(zip(header, row))
    return out


def number(text):
    """A published number as a float, Dutch (1.234,5) or plain (1234.5); text stays text."""
    t = text.strip()
    if "," in t or t.count(".") > 1 or (t.count(".") == 1 and len(t.split(".")[1]) == 3):
        t = t.replace(".", "").replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return text


def main(folder):
    folder = Path(folder).resolve()
    page = folder / "map.html"
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.binary_location = "/usr/bin/chromium"
    # Debian's chromedriver: no download, no network
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    failures = []
    try:
        driver.get(page.as_uri())
        data = json.loads(driver.find_element(By.ID, "wijk-data").get_attribute("textContent"))
        select = Select(driver.find_element(By.ID, "indicator"))
        ids = [o.get_attribute("value") for o in select.options]
        if len(ids) < 2:
            failures.append(f"the switcher lists {len(ids)} indicator(s)")
        csv_rows = published_values(folder)
        for indicator in ids:
            select.select_by_value(indicator)
            shown = [l for l in driver.find_elements(By.CSS_SELECTOR, ".layer") if l.is_displayed()]
            if len(shown) != 1 or shown[0].get_attribute("data-indicator") != indicator:
                failures.append(f"switching to {indicator} shows {len(shown)} map(s)")
                continue
            ward = shown[0].find_elements(By.CSS_SELECTOR, "path.ward")[0]
            code = ward.get_attribute("data-ward")
            driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click',{bubbles:true}))", ward)
            panel = driver.find_element(By.ID, "ward")
            name = panel.find_element(By.TAG_NAME, "h2").text
            if name != data["wards"][code]["name"]:
                failures.append(f"clicking {code} shows the name {name!r}")
            figures = panel.find_elements(By.CSS_SELECTOR, "td.figure")
            expected = csv_rows.get(code, {}).get(indicator, "")
            if figures:
                got = figures[0].text.split(" ")[0]
                if expected and number(got) != number(expected):
                    failures.append(f"{indicator} of {code}: the page shows {got}, wards.csv {expected}")
            elif expected:
                failures.append(f"{indicator} of {code}: no figure shown, wards.csv has {expected}")
        if data["years"]:
            slider = driver.find_element(By.ID, "year")
            driver.execute_script(
                "arguments[0].value=0;arguments[0].dispatchEvent(new Event('input'))", slider)
            shown = [l for l in driver.find_elements(By.CSS_SELECTOR, ".layer") if l.is_displayed()]
            year = shown[0].get_attribute("data-year") if shown else None
            if year not in (None, data["years"][0]):
                failures.append(f"the slider at its start shows {year}, not {data['years'][0]}")
        code, ward = next(iter(data["wards"].items()))
        box = driver.find_element(By.ID, "search")
        box.clear()
        box.send_keys(ward["name"])
        driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", box)
        if driver.find_element(By.CSS_SELECTOR, "#ward h2").text != ward["name"]:
            failures.append(f"searching {ward['name']!r} does not select it")
        # selenium's get_attribute lowercases the name, and SVG's viewBox is case-sensitive
        view_box = "return document.querySelector('.layer:not([hidden]) svg').getAttribute('viewBox')"
        before = driver.execute_script(view_box)
        driver.find_element(By.ID, "zoom-in").click()
        if driver.execute_script(view_box) == before:
            failures.append("the zoom button leaves the viewBox as it was")
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                failures.append(f"console: {entry['message']}")
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                if url != page.as_uri() and not url.startswith("data:"):
                    failures.append(f"request to {url}")
    finally:
        driver.quit()
    for f in failures:
        print("check-webmap: " + f, file=sys.stderr)
    print(f"check-webmap: {len(ids)} indicators, {len(data['wards'])} wards, "
          f"{len(data['years'])} years; {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
