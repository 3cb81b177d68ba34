#!/usr/bin/env python3
"""Regenerates every reference JSON in this folder by running each *_references.py script.

Run through `make references`, which installs the pinned versions first
(requirements.txt). The Swift tests read only the committed JSON.
"""
import glob
import os
import runpy

here = os.path.dirname(os.path.abspath(__file__))
for script in sorted(glob.glob(os.path.join(here, "*_references.py"))):
    print(f"running {os.path.basename(script)}")
    runpy.run_path(script, run_name="__main__")
