"""Python dict peer of the exact TM lookup suite: the memory's sources as dict keys, then one
lookup per query (half of them present). Loading is outside the clock.

usage: dict_exact.py TM.tsv QUERIES.txt
"""
import sys

from bench_result import clock, emit, fail

if len(sys.argv) != 3:
    fail("usage: dict_exact.py TM.tsv QUERIES.txt")
memory = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        source, target = line.rstrip("\n").split("\t", 1)
        memory[source] = target
with open(sys.argv[2], encoding="utf-8") as f:
    queries = [line for line in f.read().split("\n") if line]

hits = 0
start = clock()
for query in queries:
    if memory.get(query) is not None:
        hits += 1
emit("python-dict", clock() - start, items=len(queries), checksum=hits, hit_rate=hits / len(queries))
