"""rapidfuzz peer of the fuzzy TM suites: brute force over every unit (`process.extract` with
Levenshtein normalized similarity, cutoff 75 %, best 5) for the first COUNT queries. Being
exhaustive, it is also the reference for recall (1.0 by definition).

usage: rapidfuzz_fuzzy.py TM.tsv QUERIES.txt COUNT
"""
import sys

from bench_result import clock, emit, fail
from fuzzy_reference import brute_force, load

if len(sys.argv) != 4:
    fail("usage: rapidfuzz_fuzzy.py TM.tsv QUERIES.txt COUNT")
sources, queries = load(sys.argv[1], sys.argv[2], int(sys.argv[3]))
found = 0
start = clock()
for query in queries:
    found += len(brute_force(query, sources))
emit("rapidfuzz", clock() - start, items=len(queries), checksum=found, recall=1.0,
     matches_per_query=found / len(queries))
