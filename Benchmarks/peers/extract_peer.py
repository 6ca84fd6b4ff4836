"""Whole-pipeline extract peers: the generated site's Markdown posts to a PO template, by
Translate Toolkit's `md2po` (one process over the folder) or po4a's `po4a-updatepo` (markdown
mode of its text format, every post as a master document of one template). Timed around the
command; throughput is Markdown bytes per second; the checksum is the number of msgids.

usage: extract_peer.py md2po|po4a SITE_POSTS_DIR
"""
import glob
import os
import subprocess
import sys
import tempfile

from bench_result import clock, emit, fail

if len(sys.argv) != 3 or sys.argv[1] not in ("md2po", "po4a"):
    fail("usage: extract_peer.py md2po|po4a SITE_POSTS_DIR")
tool, site = sys.argv[1:]
posts = sorted(glob.glob(os.path.join(site, "*.md")))
if not posts:
    fail(f"{site}: no posts; run Benchmarks/scripts/prepare-data.sh")
size = sum(os.path.getsize(p) for p in posts)
bindir = os.path.dirname(sys.executable)

with tempfile.TemporaryDirectory() as scratch:
    if tool == "md2po":
        output = os.path.join(scratch, "po")
        command = [os.path.join(bindir, "md2po"), "--progress=none", "-P", "-i", site, "-o", output]
    else:
        output = os.path.join(scratch, "posts.pot")
        command = ["po4a-updatepo", "-f", "text", "-o", "markdown", "-M", "UTF-8", "-p", output]
        for post in posts:
            command += ["-m", post]
    start = clock()
    result = subprocess.run(command, capture_output=True)
    seconds = clock() - start
    if result.returncode != 0:
        fail(f"{tool} exit {result.returncode}: {result.stderr.decode('utf-8', 'replace')[-300:]}")
    messages = 0
    for path in glob.glob(os.path.join(output, "**", "*.po*"), recursive=True) if os.path.isdir(output) else [output]:
        with open(path, encoding="utf-8", errors="replace") as f:
            messages += sum(1 for line in f if line.startswith("msgid ")) - 1
emit(tool, seconds, bytes=size, items=len(posts), checksum=messages)
