"""pyahocorasick peer of the glossary suite: an Aho-Corasick automaton of the terms, then every
longest non-overlapping match in each paragraph (`iter_long`). The build is timed apart (note
`build_s`); the throughput is the matching alone.

usage: ahocorasick_glossary.py TERMS.txt TEXT.txt
"""
import sys

import ahocorasick

from bench_result import clock, emit, fail

if len(sys.argv) != 3:
    fail("usage: ahocorasick_glossary.py TERMS.txt TEXT.txt")
with open(sys.argv[1], encoding="utf-8") as f:
    terms = [line for line in f.read().split("\n") if line]
with open(sys.argv[2], encoding="utf-8") as f:
    paragraphs = [line for line in f.read().split("\n") if line]
size = sum(len(p.encode("utf-8")) for p in paragraphs)

start = clock()
automaton = ahocorasick.Automaton()
for index, term in enumerate(terms):
    automaton.add_word(term, index)
automaton.make_automaton()
build = clock() - start

matches = 0
start = clock()
for paragraph in paragraphs:
    for _ in automaton.iter_long(paragraph):
        matches += 1
emit("pyahocorasick", clock() - start, bytes=size, items=matches, checksum=matches, build_s=build, hits=matches)
