#!/usr/bin/env python3
"""Glossary hits with ±10 characters of context, a random sample per input file, for checking
by hand (BENCHMARKS.md, "Glossary accuracy").

    python3 Tools/glossary/sample_hits.py .build/debug/tandem glossaries/zh-CN/en.tsv SEED N FILE...

Runs `tandem glossary match --format json` on each file and prints N hits sampled with
random.Random(SEED): file, sample index, context with the hit in 【】, target. A file whose name
contains `zh-paragraphs` (the benchmark prose, which repeats its paragraphs) is deduplicated by
line first, so each distinct hit is counted once. Prints the hit count per file on stderr.
"""
import collections
import json
import random
import subprocess
import sys


def hits_in(tandem, glossary, path):
    text = open(path, encoding="utf-8").read()
    if "zh-paragraphs" in path:
        text = "\n".join(dict.fromkeys(text.split("\n")))
    data = text.encode("utf-8")
    result = subprocess.run([tandem, "glossary", "match", "--glossary", glossary, "--format", "json", "-"],
                            input=data, capture_output=True, check=True)
    for hit in json.loads(result.stdout)["hits"]:
        before = data[:hit["start"]].decode("utf-8", "replace")[-10:].replace("\n", "⏎")
        after = data[hit["end"]:].decode("utf-8", "replace")[:10].replace("\n", "⏎")
        yield before, hit["term"], after, hit["target"]


def main():
    tandem, glossary, seed, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    random_source = random.Random(seed)
    counts = collections.Counter()
    for path in sys.argv[5:]:
        pool = list(hits_in(tandem, glossary, path))
        counts[path] = len(pool)
        for index, (before, term, after, target) in enumerate(random_source.sample(pool, min(size, len(pool)))):
            print(f"{path.split('/')[-1][:5]}\t{index}\t{before}【{term}】{after}\t{target}")
    print("# hits per file:", dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
