"""lxml peer of the TMX import suite: streaming `iterparse` over <tu> elements, the text of each
<seg> taken, every element cleared after use (memory stays flat).

usage: lxml_tmx.py FILE.tmx
"""
import os
import sys

from lxml import etree

from bench_result import clock, emit, fail

if len(sys.argv) != 2:
    fail("usage: lxml_tmx.py FILE.tmx")
units = 0
characters = 0
start = clock()
for _, unit in etree.iterparse(sys.argv[1], events=("end",), tag="tu"):
    for segment in unit.iter("seg"):
        characters += len("".join(segment.itertext()))
    units += 1
    unit.clear(keep_tail=True)
    while unit.getprevious() is not None:
        del unit.getparent()[0]
emit("lxml", clock() - start, bytes=os.path.getsize(sys.argv[1]), items=units, checksum=characters)
