"""Translate Toolkit peer of the TMX import suite: `tmxfile.parsefile` (the whole file as a
tree, then units), then every unit's source and target read.

usage: ttk_tmx.py FILE.tmx
"""
import os
import sys

from translate.storage import tmx

from bench_result import clock, emit, fail

if len(sys.argv) != 2:
    fail("usage: ttk_tmx.py FILE.tmx")
start = clock()
store = tmx.tmxfile.parsefile(sys.argv[1])
characters = 0
units = 0
for unit in store.units:
    characters += len(unit.source or "") + len(unit.target or "")
    units += 1
emit("translate-toolkit", clock() - start, bytes=os.path.getsize(sys.argv[1]), items=units, checksum=characters)
