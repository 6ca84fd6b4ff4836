"""The cold CLI suite's inputs under bench-data/cold-cli/ (never in the repository), built outside
every clock by `cold_cli.py prepare`:

- cache/memory-<key>/: a Tandem project whose memory holds the 1M-unit TMX, made by
  `tandem tm import` once; <key> hashes the TMX and the tandem executable (a new build may store
  or index the memory differently), so re-runs with the same inputs do not import again;
- projects/memory-1M/: that memory, the 5,000 generated posts (copied from bench-data/site) and the
  repository's zh-CN → en glossary, extracted once with the memory (so `extract` has a state to
  skip by); lookups, lint and the one-changed-post and nothing-changed extracts run here;
- projects/changed-5000-base/: the same memory and posts, segment files from `extract
  --no-memory` whose every sentence got a translation the memory has never seen; each run of the
  5,000-changed extract restores projects/changed-5000-run/ from it, so with and without the
  memory start from the same bytes;
- units-<key>.sqlite: the TSV of the same units in an indexed SQLite table (the sqlite3 peer);
- queries.json: the fuzzy and exact query every lookup participant uses;
- with a PostgreSQL server (`TANDEM_TEST_POSTGRES_URL`, which `make bench` sets): the same TMX
  imported by `tandem tm import --memory URL` into schema tandem_cold_cli of that server, from
  projects/postgres-1M/ (imported again when the schema lacks it, e.g. on a new throw-away
  server, or the stamp names another key); the client's index files go where `tandem` puts them
  (`$TANDEM_CACHE_DIR`: inside the throw-away server's directory under `make bench`).
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

POSTS = 5000
POSTGRES_SCHEMA = "tandem_cold_cli"


def log(message):
    print(f"cold-cli: {message}", file=sys.stderr, flush=True)


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def is_han(character):
    return "\u4e00" <= character <= "\u9fff"


class Workspace:
    """Paths of the suite's inputs, and the steps that build them when missing or stale."""

    def __init__(self, data, tandem, repository):
        self.data = os.path.abspath(data)
        self.tandem = os.path.abspath(tandem)
        self.repository = os.path.abspath(repository)
        self.root = os.path.join(self.data, "cold-cli")
        self.tmx = os.path.join(self.data, "tm/tm-1M.tmx")
        self.tsv = os.path.join(self.data, "tm/tm-1M.tsv")
        self.site_posts = os.path.join(self.data, "site/content/posts")
        self.glossary = os.path.join(self.repository, "glossaries/zh-CN/en.tsv")
        self.memory_project = os.path.join(self.root, "projects/memory-1M")
        self.changed_base = os.path.join(self.root, "projects/changed-5000-base")
        self.changed_run = os.path.join(self.root, "projects/changed-5000-run")
        self.queries_file = os.path.join(self.root, "queries.json")
        self.pot = os.path.join(self.root, "pot2po/query.pot")
        self.empty_po = os.path.join(self.root, "pot2po/empty.po")
        self.pot2po_output = os.path.join(self.root, "pot2po/out.po")
        self.postgres_project = os.path.join(self.root, "projects/postgres-1M")

    # Keys: what a cached step was made from.

    def memory_key(self):
        # Hashing 200 MB of TMX takes ~0.5 s; the digest of the file is kept beside it by size and
        # modification time so a re-run reads it once.
        return file_digest_cached(self.tmx, self.root)[:16] + "-" + file_digest(self.tandem)[:16]

    def sqlite_path(self):
        return os.path.join(self.root, f"units-{file_digest_cached(self.tsv, self.root)[:16]}.sqlite")

    def memory_cache(self):
        return os.path.join(self.root, "cache", f"memory-{self.memory_key()}")

    # Steps.

    def prepare(self):
        os.makedirs(self.root, exist_ok=True)
        for path in (self.tmx, self.tsv, self.site_posts, self.glossary, self.tandem):
            if not os.path.exists(path):
                raise SystemExit(f"cold-cli: {path}: missing (make bench-data, make release)")
        self.prepare_queries()
        self.prepare_sqlite()
        cache = self.prepare_memory()
        self.prepare_memory_project(cache)
        self.prepare_changed_base(cache)
        self.prepare_pot()
        self.prepare_postgres()

    def postgres_url(self):
        """The URL of the suite's schema on the server `TANDEM_TEST_POSTGRES_URL` names, or None."""
        server = os.environ.get("TANDEM_TEST_POSTGRES_URL")
        if not server:
            return None
        return server + ("&" if "?" in server else "?") + "options=-csearch_path%3D" + POSTGRES_SCHEMA

    def psql(self, sql):
        server = os.environ["TANDEM_TEST_POSTGRES_URL"]
        completed = subprocess.run(["/usr/bin/psql", "-qtA", "-v", "ON_ERROR_STOP=1", server, "-c", sql],
                                   capture_output=True, text=True,
                                   env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
        return completed.stdout.strip() if completed.returncode == 0 else None

    def prepare_postgres(self):
        """The 1M-unit TMX in the server's tandem_cold_cli schema, once per key and server."""
        url = self.postgres_url()
        if url is None:
            log("no PostgreSQL server (TANDEM_TEST_POSTGRES_URL): the tandem-postgres-* rows are left out")
            return
        stamp = os.path.join(self.postgres_project, ".cold-cli-key")
        count = self.psql(f"SELECT count(*) FROM {POSTGRES_SCHEMA}.tandem_unit")
        if read_text(stamp) == self.memory_key() and count not in (None, "0"):
            return
        shutil.rmtree(self.postgres_project, ignore_errors=True)
        os.makedirs(self.postgres_project)
        if self.psql(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE; CREATE SCHEMA {POSTGRES_SCHEMA}") is None:
            raise SystemExit(f"cold-cli: cannot create schema {POSTGRES_SCHEMA} on the PostgreSQL server")
        self.tandem_run(self.postgres_project, ["init", "--source", "zh-CN", "--targets", "en", "--content", "content"])
        started = time.monotonic()
        self.tandem_run(self.postgres_project, ["tm", "import", "--memory", url, self.tmx])
        log(f"tandem tm import of the 1M-unit TMX into PostgreSQL: {time.monotonic() - started:.1f} s")
        for name in os.listdir(os.path.join(self.postgres_project, "tm")):
            os.remove(os.path.join(self.postgres_project, "tm", name))
        write_text(stamp, self.memory_key())

    def queries(self):
        with open(self.queries_file, encoding="utf-8") as f:
            return json.load(f)

    def prepare_queries(self):
        """The first fuzzy query, the first exact query the TSV holds as a source, and the new
        sentences posts gain (exact-query lines that open with a Han character, so none turns
        into Markdown structure)."""
        if os.path.exists(self.queries_file):
            return
        with open(os.path.join(self.data, "tm/queries-fuzzy.txt"), encoding="utf-8") as f:
            fuzzy = next(line.rstrip("\n") for line in f if line.strip())
        with open(os.path.join(self.data, "tm/queries-exact.txt"), encoding="utf-8") as f:
            candidates = [line.rstrip("\n") for line in f if line.strip()]
        sources = set()
        with open(self.tsv, encoding="utf-8") as f:
            for line in f:
                sources.add(line.split("\t", 1)[0])
        exact = next(query for query in candidates if query in sources)
        sentences = [query for query in candidates if is_han(query[0])][:POSTS + 1000]
        write_json(self.queries_file, {"fuzzy": fuzzy, "exact": exact, "sentences": sentences})

    def prepare_sqlite(self):
        """The sqlite3 peer's table: every TSV line as (source, target), indexed on source."""
        path = self.sqlite_path()
        if os.path.exists(path):
            return
        started = time.monotonic()
        temporary = path + ".tmp"
        if os.path.exists(temporary):
            os.remove(temporary)
        database = sqlite3.connect(temporary)
        database.execute("CREATE TABLE units (source TEXT NOT NULL, target TEXT NOT NULL)")
        with open(self.tsv, encoding="utf-8") as f:
            database.executemany("INSERT INTO units VALUES (?, ?)",
                                 (tuple((line.rstrip("\n").split("\t", 1) + [""])[:2]) for line in f))
        database.execute("CREATE INDEX units_source ON units (source)")
        database.commit()
        database.close()
        os.replace(temporary, path)
        log(f"sqlite3 table of {self.tsv} in {time.monotonic() - started:.0f} s")

    def prepare_memory(self):
        """`tandem tm import` of the 1M-unit TMX into a project of its own, once per key."""
        cache = self.memory_cache()
        if os.path.exists(os.path.join(cache, ".complete")):
            return cache
        # Caches of other keys (an older TMX or tandem build) are a gigabyte each.
        shutil.rmtree(os.path.join(self.root, "cache"), ignore_errors=True)
        os.makedirs(cache)
        self.tandem_run(cache, ["init", "--source", "zh-CN", "--targets", "en", "--content", "content"])
        started = time.monotonic()
        self.tandem_run(cache, ["tm", "import", self.tmx])
        log(f"tandem tm import of the 1M-unit TMX: {time.monotonic() - started:.1f} s")
        # The byte copy `tm import` keeps of the file is for `tm rebuild`; the suite never needs it.
        for name in os.listdir(os.path.join(cache, "tm")):
            os.remove(os.path.join(cache, "tm", name))
        open(os.path.join(cache, ".complete"), "w").close()
        return cache

    def new_project(self, path, cache):
        """A project at `path`: the cached memory project's files, the posts, the glossary."""
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        copy_tree(cache, path)
        os.remove(os.path.join(path, ".complete"))
        os.makedirs(os.path.join(path, "content"), exist_ok=True)
        copy_tree(self.site_posts, os.path.join(path, "content/posts"))
        os.makedirs(os.path.join(path, "glossaries/zh-CN"), exist_ok=True)
        shutil.copyfile(self.glossary, os.path.join(path, "glossaries/zh-CN/en.tsv"))

    def prepare_memory_project(self, cache):
        stamp = os.path.join(self.memory_project, ".cold-cli-key")
        if read_text(stamp) == os.path.basename(cache):
            return
        self.new_project(self.memory_project, cache)
        started = time.monotonic()
        self.tandem_run(self.memory_project, ["extract"])
        posts = len(os.listdir(os.path.join(self.memory_project, "content/posts")))
        log(f"first tandem extract of {posts} posts with the 1M memory: {time.monotonic() - started:.1f} s")
        write_text(stamp, os.path.basename(cache))

    def prepare_changed_base(self, cache):
        stamp = os.path.join(self.changed_base, ".cold-cli-key")
        if read_text(stamp) == os.path.basename(cache):
            return
        self.new_project(self.changed_base, cache)
        self.tandem_run(self.changed_base, ["extract", "--no-memory"])
        translated = translate_segment_files(os.path.join(self.changed_base, "locales/en"))
        log(f"changed-5000 base: {translated} sentences translated in the segment files, not in the memory")
        write_text(stamp, os.path.basename(cache))

    def prepare_pot(self):
        """A one-message template for Translate Toolkit's pot2po: the fuzzy query as msgid."""
        if os.path.exists(self.pot):
            return
        os.makedirs(os.path.dirname(self.pot), exist_ok=True)
        query = self.queries()["fuzzy"]
        escaped = query.replace("\\", "\\\\").replace('"', '\\"')
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        write_text(self.empty_po, header)
        write_text(self.pot, f'{header}\nmsgid "{escaped}"\nmsgstr ""\n')

    def restore_changed_run(self):
        """projects/changed-5000-run/ as the base, every post one sentence longer."""
        shutil.rmtree(self.changed_run, ignore_errors=True)
        copy_tree(self.changed_base, self.changed_run)
        sentences = self.queries()["sentences"]
        posts = os.path.join(self.changed_run, "content/posts")
        for index, name in enumerate(sorted(os.listdir(posts))):
            append_paragraph(os.path.join(posts, name), sentences[index % len(sentences)])

    def tandem_run(self, cwd, arguments):
        completed = subprocess.run([self.tandem] + arguments, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        if completed.returncode != 0:
            tail = " | ".join(completed.stderr.strip().splitlines()[-3:])
            raise SystemExit(f"cold-cli: tandem {' '.join(arguments)} in {cwd}: exit {completed.returncode}: {tail}")


def translate_segment_files(folder):
    """Gives every untranslated segment a human translation (its source behind a marker) written
    into the file as a translator's tool would, so the next `extract` feeds it to the memory."""
    count = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            if not name.endswith(".json"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
            for segment in document.get("segments", []):
                if "target" not in segment:
                    segment["target"] = "EN " + segment["source"]
                    segment["state"] = "translated"
                    segment["origin"] = "human"
                    count += 1
            write_json(path, document)
    return count


def append_paragraph(path, sentence):
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n\n{sentence}\n")


def copy_tree(source, destination):
    subprocess.run(["cp", "-a", "--reflink=auto", source, destination], check=True)


def file_digest_cached(path, folder):
    status = os.stat(path)
    stamp = os.path.join(folder, "digests.json")
    known = json.loads(read_text(stamp) or "{}")
    key = f"{os.path.realpath(path)}:{status.st_size}:{status.st_mtime_ns}"
    if key not in known:
        known[key] = file_digest(path)
        write_json(stamp, known)
    return known[key]


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_text(path, text):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def write_json(path, value):
    write_text(path, json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
