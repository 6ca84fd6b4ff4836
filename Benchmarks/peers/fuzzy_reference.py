"""The fuzzy TM suites' shared definitions: similarity is 1 - Levenshtein distance / longer
length, on characters; a match needs 75 % or more; a query wants its best 5. Brute force (every
unit scored, with rapidfuzz) is the reference recall is measured against.
"""
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

THRESHOLD = 0.75
LIMIT = 5


def load(memory_path, queries_path, count):
    with open(memory_path, encoding="utf-8") as f:
        sources = [line.split("\t", 1)[0] for line in f.read().split("\n") if line]
    with open(queries_path, encoding="utf-8") as f:
        queries = [line for line in f.read().split("\n") if line][:count]
    return sources, queries


def brute_force(query, sources):
    """The indexes of the best 5 units at 75 % or more, scoring every unit."""
    found = process.extract(query, sources, scorer=Levenshtein.normalized_similarity,
                            score_cutoff=THRESHOLD, limit=LIMIT)
    return [(index, score) for _, score, index in found]


def recall(found, reference):
    """Share of the reference matches found, counting a found match as right when its score
    ties the reference's (equal scores may be ordered either way)."""
    if not reference:
        return None
    cutoff = min(score for _, score in reference)
    wanted = {index for index, _ in reference}
    ties = sum(1 for index, score in found if index not in wanted and score >= cutoff - 1e-9)
    hits = sum(1 for index, _ in found if index in wanted)
    return min(1.0, (hits + ties) / len(reference))
