"""Translate Toolkit peer of the fuzzy TM suites: `translate.search.match.matcher` (length-band
scan with its Levenshtein comparer, best 5 at 75 %, max_length raised to 1000 so long units
count) for the first COUNT queries. Building the matcher is timed apart (note `build_s`); recall
is measured against brute force outside the clock.

usage: ttk_fuzzy.py TM.tsv QUERIES.txt COUNT
"""
import sys

from translate.search.match import matcher
from translate.storage import base

from bench_result import clock, emit, fail
from fuzzy_reference import brute_force, load, recall

if len(sys.argv) != 4:
    fail("usage: ttk_fuzzy.py TM.tsv QUERIES.txt COUNT")
sources, queries = load(sys.argv[1], sys.argv[2], int(sys.argv[3]))

# The matcher keeps (similarity, unit) pairs in a heap, which compares the units themselves when
# two similarities tie, and plain units cannot be ordered (TypeError): give them an arbitrary
# order, which changes nothing else.
base.TranslationUnit.__lt__ = lambda self, other: id(self) < id(other)

store = base.TranslationStore()
index_of = {}
for index, source in enumerate(sources):
    unit = base.TranslationUnit(source)
    unit.target = source  # the matcher skips units without a translation
    store.addunit(unit)
    index_of.setdefault(source, index)

start = clock()
tm = matcher(store, max_candidates=5, min_similarity=75, max_length=1000)
build = clock() - start

results = []
start = clock()
for query in queries:
    results.append(tm.matches(query))
seconds = clock() - start

from rapidfuzz.distance import Levenshtein  # noqa: E402 (reference scoring, outside the clock)

recalls = []
for query, units in zip(queries, results):
    found = [(index_of[u.source], Levenshtein.normalized_similarity(query, u.source)) for u in units]
    value = recall(found, brute_force(query, sources))
    if value is not None:
        recalls.append(value)
found_total = sum(len(units) for units in results)
emit("translate-toolkit", seconds, items=len(queries), checksum=found_total, build_s=build,
     recall=sum(recalls) / len(recalls) if recalls else 0.0)
