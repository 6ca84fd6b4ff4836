"""PyICU peer of the segmentation suite: per paragraph, ICU sentence breaks (zh_CN@ss=standard)
and NFC + NFKC of every sentence, the same work as the ICU C chain and Tandem.

usage: pyicu_segment.py PARAGRAPHS.txt
"""
import sys

import icu

from bench_result import clock, emit, fail

if len(sys.argv) != 2:
    fail("usage: pyicu_segment.py PARAGRAPHS.txt")
with open(sys.argv[1], encoding="utf-8") as f:
    paragraphs = [line for line in f.read().split("\n") if line]
size = sum(len(p.encode("utf-8")) for p in paragraphs)

breaker = icu.BreakIterator.createSentenceInstance(icu.Locale("zh_CN@ss=standard"))
nfc = icu.Normalizer2.getNFCInstance()
nfkc = icu.Normalizer2.getNFKCInstance()

sentences = 0
checksum = 0
start = clock()
for paragraph in paragraphs:
    text = icu.UnicodeString(paragraph)
    breaker.setText(text)
    begin = breaker.first()
    for end in breaker:
        sentence = text[begin:end]
        checksum += len(nfc.normalize(sentence)) + len(nfkc.normalize(sentence))
        sentences += 1
        begin = end
emit("pyicu-chain", clock() - start, bytes=size, items=sentences, checksum=checksum)
