"""GNU grep peer of the glossary suite: `grep -F -o -f TERMS TEXT` (leftmost-longest matches of
fixed strings), timed around the whole command, matcher build included as grep has no other way.
Runs in the C locale: byte matching finds the same matches in valid UTF-8 and is grep's fast path.

usage: grep_glossary.py TERMS.txt TEXT.txt
"""
import os
import subprocess
import sys

from bench_result import clock, emit, fail

if len(sys.argv) != 3:
    fail("usage: grep_glossary.py TERMS.txt TEXT.txt")
terms, text = sys.argv[1:]
size = os.path.getsize(text)
start = clock()
result = subprocess.run(["grep", "-F", "-o", "-f", terms, text], capture_output=True,
                        env=dict(os.environ, LC_ALL="C"))
seconds = clock() - start
if result.returncode not in (0, 1):
    fail(result.stderr.decode("utf-8", "replace"))
matches = result.stdout.count(b"\n")
emit("grep-F", seconds, bytes=size, items=matches, checksum=matches, hits=matches)
