#!/usr/bin/env python3
"""The 10M-unit run (issue 13): does the memory's design hold at ten times the benchmark size?
Not part of `make bench` (it takes ~15 GB of disk and most of an hour); `make bench-10m` runs it.

  scale_10m.py data --data DIR                 build DIR/scale-10m/ inputs (cached, idempotent)
  scale_10m.py run  --data DIR --tandem EXE    the measured run; DIR/scale-10m/results.{json,md}

The data is made the way `prepare_data.py` makes the 1M set, from the same real units:
tm-10M.tsv starts with the 1,000,000 lines of tm/tm-1M.tsv (so the 1M memory is a subset of the
10M one and the same lookups are asked of both), then adds near-duplicates of random real units
(tm/units-real.tsv, LibreOffice help and gettext catalogs) with 1-3 character edits drawn from
the prose's Han characters, seeded, each kept only if its source is new: 10M distinct sources.
extra-1000.tsv holds 1,000 more such units, in neither memory (the incremental import).

The run, every step a whole release `tandem` process timed from spawn to exit, its peak RSS from
GNU time (`%M`, wait4) and its RSS sampled every second from /proc (to see whether an import
streams or holds everything):
1. `tandem tm import` of tm-1M.tmx and of tm-10M.tmx, each into a fresh project: seconds,
   units/s, peak RSS; then the size on disk of the SQLite file (with its WAL), of the index
   directory (`memory.sqlite.index/`, every file listed) and of the TMX copy `tm import` keeps;
2. cold lookups: 100 fuzzy (`--min 75 --top 5`, the first lines of tm/queries-fuzzy.txt) and 100
   exact (`--min 99 --top 1`, sources of tm-1M.tsv from tm/queries-exact.txt, so stored in both
   memories) queries, each a new process, alternating the 1M and 10M memories query by query;
   p50/p99 wall and max RSS;
3. `tandem tm import extra-1000.tmx` into the 10M memory (the index directory's files listed,
   with inode and mtime, before, after it and after the next lookup: a file rewritten shows a
   new inode), then 10 fuzzy and 10 exact lookups.
The run stops before an import when the disk has less than MIN_FREE_GB free.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prepare_data import edit_pool, near_duplicates, read_lines, write_tmx  # noqa: E402

UNITS = 10_000_000
EXTRA_UNITS = 1_000
LOOKUPS = 100
LOOKUPS_AFTER_EXTRA = 10
MIN_FREE_GB = 15
IMPORT_TIMEOUT = 3 * 3600
LOOKUP_TIMEOUT = 300


def log(message):
    print(f"scale-10m: {message}", file=sys.stderr, flush=True)


class Paths:
    def __init__(self, data):
        self.data = os.path.abspath(data)
        self.root = os.path.join(self.data, "scale-10m")
        self.tsv_1m = os.path.join(self.data, "tm/tm-1M.tsv")
        self.tmx_1m = os.path.join(self.data, "tm/tm-1M.tmx")
        self.tsv_10m = os.path.join(self.root, "tm-10M.tsv")
        self.tmx_10m = os.path.join(self.root, "tm-10M.tmx")
        self.tsv_extra = os.path.join(self.root, "extra-1000.tsv")
        self.tmx_extra = os.path.join(self.root, "extra-1000.tmx")
        self.queries = os.path.join(self.root, "queries.json")

    def project(self, label):
        return os.path.join(self.root, f"project-{label}")


# ---- data ------------------------------------------------------------------------------------

def build_data(paths):
    os.makedirs(paths.root, exist_ok=True)
    if not (os.path.exists(paths.tsv_10m) and os.path.exists(paths.tsv_extra)):
        build_units(paths)
    for tsv, tmx in ((paths.tsv_10m, paths.tmx_10m), (paths.tsv_extra, paths.tmx_extra)):
        if not os.path.exists(tmx):
            started = time.monotonic()
            write_tmx(tsv, tmx)
            log(f"{os.path.basename(tmx)}: {os.path.getsize(tmx) / 1e9:.2f} GB in {time.monotonic() - started:.0f} s")
    if not os.path.exists(paths.queries):
        build_queries(paths)


def build_units(paths):
    """tm-10M.tsv (tm-1M.tsv, then distinct near-duplicates of real units) and extra-1000.tsv."""
    started = time.monotonic()
    units = [tuple(line.split("\t", 1)) for line in read_lines(os.path.join(paths.data, "tm/units-real.tsv"))]
    pool = edit_pool(read_lines(os.path.join(paths.data, "prose/zh-unique.txt")))
    rng = random.Random("tm-10M")
    # Sources only (the set decides distinctness; lines are streamed to the file).
    seen = set()
    temporary = paths.tsv_10m + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out, open(paths.tsv_1m, encoding="utf-8") as first:
        for line in first:
            seen.add(line.split("\t", 1)[0])
            out.write(line)
        log(f"tm-10M: {len(seen):,} units of tm-1M.tsv")
        variants = near_duplicates(units, rng, pool, seen)
        while len(seen) < UNITS:
            variant, en = next(variants)
            out.write(f"{variant}\t{en}\n")
            if len(seen) % 1_000_000 == 0:
                log(f"tm-10M: {len(seen):,} units, {time.monotonic() - started:.0f} s")
    os.replace(temporary, paths.tsv_10m)
    log(f"tm-10M: {UNITS:,} distinct units in {time.monotonic() - started:.0f} s")
    variants = near_duplicates(units, random.Random("tm-10M-extra"), pool, seen)
    with open(paths.tsv_extra, "w", encoding="utf-8") as out:
        for _ in range(EXTRA_UNITS):
            out.write("%s\t%s\n" % next(variants))


def build_queries(paths):
    """The fuzzy queries (real sources with 1-3 edits) and exact ones (stored in tm-1M.tsv,
    hence in both memories): the first LOOKUPS of each list prepare_data.py made."""
    fuzzy = read_lines(os.path.join(paths.data, "tm/queries-fuzzy.txt"))[:LOOKUPS]
    # queries-exact.txt alternates a stored source and an edited one; stored ones are checked.
    stored = set(line.split("\t", 1)[0] for line in read_lines(paths.tsv_1m))
    exact = [q for q in read_lines(os.path.join(paths.data, "tm/queries-exact.txt")) if q in stored][:LOOKUPS]
    with open(paths.queries, "w", encoding="utf-8") as f:
        json.dump({"fuzzy": fuzzy, "exact": exact}, f, ensure_ascii=False, indent=1)


# ---- measuring -------------------------------------------------------------------------------

def free_gb(path):
    usage = shutil.disk_usage(path)
    return usage.free / 1e9


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def rss_of_children(pid):
    """RSS in MB of the process GNU time (`pid`) started, or None."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            children = f.read().split()
        for child in children:
            with open(f"/proc/{child}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        return None
    return None


def measure(cwd, arguments, timeout, sample=False):
    """One whole process: wall seconds, peak RSS (MB, GNU time), stdout, exit status, and with
    `sample` its RSS once a second as (seconds, MB) pairs."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr, \
            tempfile.NamedTemporaryFile(mode="r") as rss:
        started = time.monotonic()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", rss.name] + arguments, cwd=cwd,
                                   stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, start_new_session=True)
        samples = []
        done = threading.Event()

        def sampler():
            while not done.wait(1.0):
                value = rss_of_children(process.pid)
                if value is not None:
                    samples.append((round(time.monotonic() - started, 1), round(value)))

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        seconds = time.monotonic() - started
        done.set()
        fields = rss.read().split()
        stdout.seek(0)
        stderr.seek(0)
        result = {"seconds": seconds, "status": process.returncode,
                  "stdout": stdout.read().decode("utf-8", "replace"),
                  "stderr": stderr.read().decode("utf-8", "replace")[-2000:]}
        # The last line: "%M %U %S" (a non-zero status adds a line before it).
        if len(fields) >= 3 and fields[-3].isdigit():
            result["peak_mb"] = int(fields[-3]) / 1024.0
            result["user_s"], result["sys_s"] = float(fields[-2]), float(fields[-1])
        if sample:
            result["rss_samples"] = samples
        return result


def tandem(paths_tandem, cwd, *arguments):
    completed = subprocess.run([paths_tandem] + list(arguments), cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"scale-10m: tandem {' '.join(arguments)}: exit {completed.returncode}: {completed.stderr[-500:]}")
    return completed.stdout


def files_of(folder):
    """Every file under `folder`: name → (bytes, inode, mtime ns)."""
    listing = {}
    if not os.path.isdir(folder):
        return listing
    for name in sorted(os.listdir(folder)):
        status = os.stat(os.path.join(folder, name))
        listing[name] = {"bytes": status.st_size, "inode": status.st_ino, "mtime_ns": status.st_mtime_ns}
    return listing


def sizes(project):
    tandem_dir = os.path.join(project, ".tandem")
    sqlite = sum(os.path.getsize(os.path.join(tandem_dir, name)) for name in os.listdir(tandem_dir)
                 if name.startswith("memory.sqlite") and os.path.isfile(os.path.join(tandem_dir, name)))
    index_files = files_of(os.path.join(tandem_dir, "memory.sqlite.index"))
    tmx_copy = sum(os.path.getsize(os.path.join(project, "tm", name)) for name in os.listdir(os.path.join(project, "tm"))) \
        if os.path.isdir(os.path.join(project, "tm")) else 0
    return {"sqlite_bytes": sqlite, "index_bytes": sum(f["bytes"] for f in index_files.values()),
            "index_files": index_files, "tmx_copy_bytes": tmx_copy}


def import_memory(options, paths, label, tmx, units):
    project = paths.project(label)
    done = os.path.join(project, ".import.json")
    if os.path.exists(done):
        with open(done) as f:
            return json.load(f)
    needed = os.path.getsize(tmx) * 5 / 1e9
    if free_gb(paths.root) - needed < MIN_FREE_GB:
        raise SystemExit(f"scale-10m: {free_gb(paths.root):.0f} GB free, an import of {tmx} may take "
                         f"{needed:.0f} GB and {MIN_FREE_GB} GB must stay free: stopped")
    shutil.rmtree(project, ignore_errors=True)
    os.makedirs(project)
    tandem(options.tandem, project, "init", "--source", "zh-CN", "--targets", "en", "--content", "content")
    log(f"import of {units:,} units ({label}), {free_gb(paths.root):.0f} GB free")
    result = measure(project, [options.tandem, "tm", "import", tmx], IMPORT_TIMEOUT, sample=True)
    if result["status"] != 0:
        raise SystemExit(f"scale-10m: import {label}: exit {result['status']}: {result['stderr']}")
    record = {"units": units, "seconds": result["seconds"], "units_per_s": units / result["seconds"],
              "peak_mb": result.get("peak_mb"), "user_s": result.get("user_s"), "sys_s": result.get("sys_s"),
              "rss_samples": result["rss_samples"], "output": result["stdout"][-500:]}
    record.update(sizes(project))
    log(f"import {label}: {record['seconds']:.0f} s, {record['units_per_s']:,.0f} units/s, "
        f"peak {record['peak_mb']:,.0f} MB, sqlite {record['sqlite_bytes'] / 1e9:.2f} GB, "
        f"index {record['index_bytes'] / 1e9:.2f} GB")
    with open(done, "w") as f:
        json.dump(record, f, indent=1)
    return record


def lookup(options, project, kind, query):
    arguments = [options.tandem, "tm", "lookup", "--json"] + \
        (["--min", "75", "--top", "5"] if kind == "fuzzy" else ["--min", "99", "--top", "1"]) + ["--", query]
    result = measure(project, arguments, LOOKUP_TIMEOUT)
    record = {"seconds": result["seconds"], "peak_mb": result.get("peak_mb"), "status": result["status"]}
    try:
        matches = json.loads(result["stdout"])["matches"]
        record["matches"] = len(matches)
        record["best"] = max((m["score"] for m in matches), default=0)
    except (ValueError, KeyError):
        record["matches"] = -1
        record["error"] = result["stderr"][-300:]
    return record


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * share // 100) - 1))]


def summary(records):
    walls = [r["seconds"] * 1000 for r in records if r["status"] == 0]
    return {"runs": len(records), "failed": sum(r["status"] != 0 for r in records),
            "p50_ms": percentile(walls, 50) if walls else None, "p99_ms": percentile(walls, 99) if walls else None,
            "max_ms": max(walls) if walls else None,
            "max_rss_mb": max((r["peak_mb"] or 0) for r in records),
            "median_rss_mb": statistics.median(r["peak_mb"] or 0 for r in records),
            "found": sum(r.get("matches", 0) > 0 for r in records),
            "exact_found": sum(r.get("best", 0) == 100 for r in records)}


def run(options, paths):
    if not os.path.exists(paths.queries):
        raise SystemExit("scale-10m: no data; run `scale_10m.py data` first (make bench-10m does)")
    with open(paths.queries, encoding="utf-8") as f:
        queries = json.load(f)
    results = {"uptime_before": uptime(), "free_gb_before": free_gb(paths.root), "imports": {}}
    log(f"{results['uptime_before']}; {results['free_gb_before']:.0f} GB free")
    if results["free_gb_before"] < MIN_FREE_GB:
        raise SystemExit(f"scale-10m: {results['free_gb_before']:.0f} GB free, below {MIN_FREE_GB} GB: stopped")
    results["imports"]["1M"] = import_memory(options, paths, "1M", paths.tmx_1m, 1_000_000)
    results["imports"]["10M"] = import_memory(options, paths, "10M", paths.tmx_10m, UNITS)

    # Lookups alternate the memories query by query, so a change of machine load hits both.
    lookups = {label: {"fuzzy": [], "exact": []} for label in ("1M", "10M")}
    for kind in ("fuzzy", "exact"):
        for number, query in enumerate(queries[kind]):
            for label in ("1M", "10M"):
                lookups[label][kind].append(lookup(options, paths.project(label), kind, query))
            if number % 20 == 19:
                log(f"{kind} lookups: {number + 1} of {len(queries[kind])}")
    results["lookups"] = {label: {kind: summary(records) for kind, records in by_kind.items()}
                          for label, by_kind in lookups.items()}
    results["lookup_runs"] = lookups

    # 1,000 more units into the 10M memory: which index files does it (and the next lookup) write?
    project = paths.project("10M")
    index_folder = os.path.join(project, ".tandem/memory.sqlite.index")
    extra = {"index_before": files_of(index_folder)}
    result = measure(project, [options.tandem, "tm", "import", paths.tmx_extra], IMPORT_TIMEOUT, sample=True)
    extra.update({"seconds": result["seconds"], "peak_mb": result.get("peak_mb"), "status": result["status"],
                  "user_s": result.get("user_s"), "sys_s": result.get("sys_s"),
                  "output": result["stdout"][-500:], "stderr": result["stderr"][-500:],
                  "index_after_import": files_of(index_folder)})
    after = {"fuzzy": [], "exact": []}
    for kind in ("fuzzy", "exact"):
        for query in queries[kind][:LOOKUPS_AFTER_EXTRA]:
            after[kind].append(lookup(options, project, kind, query))
    extra["index_after_lookups"] = files_of(index_folder)
    extra["lookups_after"] = {kind: summary(records) for kind, records in after.items()}
    extra["lookup_runs_after"] = after
    extra["first_lookup_after"] = {kind: records[0] for kind, records in after.items()}
    extra["sizes_after"] = {k: v for k, v in sizes(project).items() if k != "index_files"}
    results["extra_1000"] = extra
    results["uptime_after"] = uptime()
    results["free_gb_after"] = free_gb(paths.root)
    with open(os.path.join(paths.root, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    report = markdown(results)
    with open(os.path.join(paths.root, "results.md"), "w") as f:
        f.write(report)
    print(report)


def markdown(results):
    lines = [f"uptime before: `{results['uptime_before']}`", f"uptime after: `{results['uptime_after']}`", ""]
    lines += ["| memory | import s | units/s | peak RSS MB | SQLite GB | index GB | index bytes/unit | TMX copy GB |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, record in results["imports"].items():
        lines.append(f"| {label} | {record['seconds']:.1f} | {record['units_per_s']:,.0f} | {record['peak_mb']:,.0f} | "
                     f"{record['sqlite_bytes'] / 1e9:.2f} | {record['index_bytes'] / 1e9:.2f} | "
                     f"{record['index_bytes'] / record['units']:.0f} | {record['tmx_copy_bytes'] / 1e9:.2f} |")
    lines += ["", "| memory | lookup | runs | p50 ms | p99 ms | max ms | max RSS MB | median RSS MB | with a match | exact (100) |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, by_kind in results["lookups"].items():
        for kind, s in by_kind.items():
            lines.append(f"| {label} | {kind} | {s['runs']} ({s['failed']} failed) | {s['p50_ms']:.0f} | {s['p99_ms']:.0f} | "
                         f"{s['max_ms']:.0f} | {s['max_rss_mb']:.0f} | {s['median_rss_mb']:.0f} | {s['found']} | {s['exact_found']} |")
    extra = results["extra_1000"]
    lines += ["", f"import of 1,000 more units into the 10M memory: {extra['seconds']:.2f} s, peak RSS "
              f"{extra['peak_mb']:.0f} MB, exit {extra['status']}", ""]
    for kind, s in extra["lookups_after"].items():
        first = extra["first_lookup_after"][kind]
        lines.append(f"- {kind} lookups after it: first {first['seconds'] * 1000:.0f} ms ({first['peak_mb']:.0f} MB), "
                     f"p50 {s['p50_ms']:.0f} ms, max {s['max_ms']:.0f} ms, max RSS {s['max_rss_mb']:.0f} MB")
    for stage in ("index_before", "index_after_import", "index_after_lookups"):
        lines += ["", f"{stage}:"]
        for name, f in extra[stage].items():
            lines.append(f"- `{name}` {f['bytes']:,} bytes, inode {f['inode']}, mtime_ns {f['mtime_ns']}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["data", "run"])
    parser.add_argument("--data", required=True, help="bench-data/")
    parser.add_argument("--tandem", help="the release tandem executable (run)")
    options = parser.parse_args()
    paths = Paths(options.data)
    if options.command == "data":
        build_data(paths)
    else:
        if not options.tandem:
            parser.error("run needs --tandem")
        options.tandem = os.path.abspath(options.tandem)
        run(options, paths)


if __name__ == "__main__":
    main()
