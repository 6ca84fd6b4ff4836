"""The result line every benchmark participant prints, Tandem's and the peers' alike.

One line per run: ``BENCH {json}`` with ``participant``, ``seconds`` (the measured work only,
loading excluded), ``bytes`` (UTF-8 input) and/or ``items`` (sentences, queries, units),
``checksum`` (derived from the output, so a participant that skips work shows) and ``notes``
(named extra figures such as recall). ``Benchmarks/scripts/run-benchmarks.py`` reads it.
"""
import json
import sys
import time


def emit(participant, seconds, bytes=None, items=None, checksum=None, **notes):
    result = {"participant": participant, "seconds": seconds}
    if bytes is not None:
        result["bytes"] = bytes
    if items is not None:
        result["items"] = items
    if checksum is not None:
        result["checksum"] = checksum
    if notes:
        result["notes"] = notes
    print("BENCH " + json.dumps(result, sort_keys=True), flush=True)


def clock():
    """The monotonic clock the peers time their hot loop with."""
    return time.perf_counter()


def fail(message):
    print(f"{sys.argv[0]}: error: {message}", file=sys.stderr)
    sys.exit(2)
