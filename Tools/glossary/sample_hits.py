#!/usr/bin/env python3
"""Glossary hits with ±10 characters of context, a random sample per input file, for checking
by hand (BENCHMARKS.md, "Glossary accuracy").

    python3 Tools/glossary/sample_hits.py [--context C] .build/debug/tandem glossaries/zh-CN/en.tsv SEED N FILE...

Runs `tandem glossary match --format json` on each file and prints N hits sampled with
random.Random(SEED): file, sample index, context with the hit in 【】, target. --context sets
how many characters either side (10 unless given; the sample drawn is the same). A file whose name
contains `zh-paragraphs` (the benchmark prose, which repeats its paragraphs) is deduplicated by
line first, so each distinct hit is counted once. Prints the hit count per file on stderr.
"""
import collections
import json
import random
import subprocess
import sys


def hits_in(tandem, glossary, path, context=10):
    text = open(path, encoding="utf-8").read()
    if "zh-paragraphs" in path:
        text = "\n".join(dict.fromkeys(text.split("\n")))
    data = text.encode("utf-8")
    result = subprocess.run([tandem, "glossary", "match", "--glossary", glossary, "--format", "json", "-"],
                            input=data, capture_output=True, check=True)
    for hit in json.loads(result.stdout)["hits"]:
        before = data[:hit["start"]].decode("utf-8", "replace")[-context:].replace("\n", "⏎")
        after = data[hit["end"]:].decode("utf-8", "replace")[:context].replace("\n", "⏎")
        yield before, hit["term"], after, hit["target"]


def main():
    arguments = sys.argv[1:]
    context = 10
    if arguments[:1] == ["--context"]:
        context, arguments = int(arguments[1]), arguments[2:]
    tandem, glossary, seed, size = arguments[0], arguments[1], int(arguments[2]), int(arguments[3])
    random_source = random.Random(seed)
    counts = collections.Counter()
    for path in arguments[4:]:
        pool = list(hits_in(tandem, glossary, path, context))
        counts[path] = len(pool)
        for index, (before, term, after, target) in enumerate(random_source.sample(pool, min(size, len(pool)))):
            print(f"{path.split('/')[-1][:5]}\t{index}\t{before}【{term}】{after}\t{target}")
    print("# hits per file:", dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
