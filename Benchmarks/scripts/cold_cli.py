#!/usr/bin/env python3
"""The cold CLI suite: whole `tandem` processes (the release executable, as a user runs it) on a
project whose memory holds the 1M benchmark units, against the peers a user could run instead.
Each run is one new process; its wall time (spawn to exit) and its own peak RSS (wait4) are
measured here, outside of which nothing is timed. The file cache stays warm: "cold" means a
process that starts with nothing loaded, as every CLI call does, not an empty page cache.

  cold_cli.py list    --tandem EXE --data DIR --python PY [--timeout S]   the suite as JSON (run-benchmarks.py)
  cold_cli.py prepare --tandem EXE --data DIR                             build bench-data/cold-cli/ (cached)
  cold_cli.py run CASE --tandem EXE --data DIR --python PY [--timeout S]  one measured run: a BENCH line

A failing or timed-out process is a result (`BENCH {"error": …}`), never a crash of the suite.
"""
import argparse
import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cold_cli_workspace import Workspace, append_paragraph, read_text, write_text  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUITE = "cold-cli"
BASELINE = "sqlite3-exact"
# The post that gains a sentence before each run of tandem-extract-one-changed.
CHANGED_POST = "content/posts/0000.md"
# `glossary lint` takes glossaries and segment files: the segment file of one post.
LINTED_POST = "locales/en/posts/0001.json"


def cases(workspace, python):
    """Every participant: (working directory, command, exit statuses that count as success,
    setup run before the clock). Tandem's first, then the peers."""
    queries = workspace.queries()
    project, run = workspace.memory_project, workspace.changed_run
    tandem = workspace.tandem
    # Absolute: the peers run in bench-data/cold-cli, and `make bench` passes a relative path.
    venv_bin = os.path.dirname(os.path.abspath(python))
    postgres = workspace.postgres_url()
    table = {
        "tandem-lookup-fuzzy": (project, [tandem, "tm", "lookup", "--json", "--min", "75", "--top", "5", queries["fuzzy"]],
                                {0}, None),
        # The CLI has no exact-only lookup: --min 99 --top 1 asks for the exact match and lets the
        # memory skip fuzzy work below 99.
        "tandem-lookup-exact": (project, [tandem, "tm", "lookup", "--json", "--min", "99", "--top", "1", queries["exact"]],
                                {0}, None),
        # --json: the notes count the posts extracted and skipped (a user sees the same as text).
        "tandem-extract-one-changed": (project, [tandem, "extract", "--json", CHANGED_POST], {0},
                                       add_sentence_to_one_post),
        "tandem-extract-unchanged-5000": (project, [tandem, "extract", "--json"], {0}, None),
        "tandem-extract-5000-changed": (run, [tandem, "extract", "--json"], {0}, Workspace.restore_changed_run),
        "tandem-extract-5000-changed-no-memory": (run, [tandem, "extract", "--json", "--no-memory"], {0},
                                                  Workspace.restore_changed_run),
        # Exit 1 means findings, which is the command working.
        "tandem-glossary-lint-one": (project, [tandem, "glossary", "lint", LINTED_POST], {0, 1}, None),
        BASELINE: (workspace.root, ["sqlite3", "-readonly", workspace.sqlite_path(),
                                    "SELECT target FROM units WHERE source = '" + queries["exact"].replace("'", "''") + "'"],
                   {0}, None),
        # grep exits 1 when no line matches; the query is a TSV source, so 0 is expected.
        "grep-F-exact": (workspace.root, ["grep", "-F", "-e", queries["exact"], workspace.tsv], {0}, None),
        # Translate Toolkit's command-line TM fuzzy match: the 1M-unit TMX read, indexed and
        # searched by a new process, as `pot2po --tm` does for every call. Without a template
        # (-t, here an empty PO) pot2po 3.20.4 fails ('NoneType' object has no attribute 'findunit').
        "pot2po-tm-fuzzy": (workspace.root, [os.path.join(venv_bin, "pot2po"), "--tm", workspace.tmx, "-s", "75",
                                             "-t", workspace.empty_po, "-i", workspace.pot, "-o", workspace.pot2po_output],
                            {0}, None),
    }
    if postgres:
        # The same lookups against the same units in a PostgreSQL memory (`--memory URL`).
        for kind, minimum, top, query in (("fuzzy", "75", "5", queries["fuzzy"]), ("exact", "99", "1", queries["exact"])):
            table[f"tandem-postgres-lookup-{kind}"] = (
                workspace.postgres_project,
                [tandem, "tm", "lookup", "--memory", postgres, "--json", "--min", minimum, "--top", top, query], {0}, None)
    return table


def targets():
    """The issue's targets for this suite (see shared/docs/performance.md)."""
    return [
        {"participant": "tandem-lookup-fuzzy", "max_ms": 100},
        {"participant": "tandem-lookup-fuzzy", "max_rss_mb": 100},
        {"participant": "tandem-lookup-exact", "reference": BASELINE, "max_ratio": 2},
        {"participant": "tandem-extract-one-changed", "max_ms": 300},
        {"participant": "tandem-extract-unchanged-5000", "max_ms": 500},
        {"participant": "tandem-extract-5000-changed", "reference": "tandem-extract-5000-changed-no-memory",
         "max_ratio": 2},
    ]


def add_sentence_to_one_post(workspace):
    """The changed post gains the next sentence of the list (a counter kept beside the project),
    so every run extracts a sentence the segment file has not seen."""
    counter_path = os.path.join(workspace.root, "one-changed-counter")
    count = int(read_text(counter_path) or "0")
    sentences = workspace.queries()["sentences"]
    # From the end of the list: the 5,000-changed runs use its start.
    append_paragraph(os.path.join(workspace.memory_project, CHANGED_POST), sentences[-1 - count % 1000])
    write_text(counter_path, str(count + 1))


def kill_with_parent():
    """In the child: die when the measuring process dies (a runner timeout kills it with SIGKILL)."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def measure(name, cwd, arguments, success, timeout):
    """Runs `arguments` once: wall seconds from spawn to exit, the process's own peak RSS.

    The process is started by GNU time (`-f %M`), which reports its peak RSS: a child forked
    straight from Python would count the ~15 MB of the Python process it was copied from (Linux
    keeps the pre-exec peak in ru_maxrss), more than the sqlite3 and grep peers' own. The wall
    time includes starting GNU time (well under a millisecond)."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr, \
            tempfile.NamedTemporaryFile(mode="r") as rss:
        started = time.monotonic()
        # A group of its own: a timeout kills GNU time and the measured process together.
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + arguments, cwd=cwd,
                                   stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                   start_new_session=True, preexec_fn=kill_with_parent)
        # A blocking wait (no polling beside the measured process on a 2-core machine); a timer
        # kills the process at the timeout.
        timed_out = threading.Event()

        def expire():
            timed_out.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, expire)
        timer.start()
        process.wait()
        seconds = time.monotonic() - started
        timer.cancel()
        if timed_out.is_set():
            return {"participant": name, "error": f"timed out after {timeout:.0f} s"}
        lines = rss.read().split()
        peak_mb = int(lines[-1]) / 1024.0 if lines and lines[-1].isdigit() else None  # KiB
        stdout.seek(0)
        output = stdout.read()
        if process.returncode not in success:
            stderr.seek(0)
            tail = [line for line in stderr.read().decode("utf-8", "replace").strip().splitlines()
                    if not line.startswith("Command exited with non-zero status")][-3:]
            return {"participant": name, "error": f"exit {process.returncode}: " + " | ".join(tail), "peak_mb": peak_mb}
    result = {"participant": name, "seconds": seconds, "items": 1, "peak_mb": peak_mb,
              "checksum": len(output), "notes": {}}
    if "lookup" in name:
        try:
            matches = json.loads(output)["matches"]
            result["notes"]["matches"] = len(matches)
            result["notes"]["best_score"] = max((m["score"] for m in matches), default=0)
        except (ValueError, KeyError):
            result["notes"]["matches"] = -1
    elif "extract" in name:
        try:
            posts = json.loads(output)["results"]
            result["notes"]["posts_skipped"] = sum(1 for post in posts if post.get("skipped"))
            result["notes"]["posts_extracted"] = sum(1 for post in posts if not post.get("skipped"))
        except (ValueError, KeyError):
            result["notes"]["posts_extracted"] = -1
    elif name.startswith("pot2po"):
        result["notes"]["matches"] = translated_messages(arguments[arguments.index("-o") + 1])
    return result


def translated_messages(po_path):
    """Messages of the PO pot2po wrote that got a translation from the memory (header excepted)."""
    try:
        with open(po_path, encoding="utf-8") as f:
            entries = f.read().split("\n\n")
    except FileNotFoundError:
        return 0
    count = 0
    for entry in entries:
        # PO strings may continue on the following lines ("msgstr \"\"" then "\"…\"" lines).
        fields, current = {}, None
        for line in entry.splitlines():
            if line.startswith(("msgid ", "msgstr ")):
                current, _, line = line.partition(" ")
                fields[current] = ""
            if current and line.startswith('"'):
                fields[current] += line.strip()[1:-1]
        count += bool(fields.get("msgid") and fields.get("msgstr"))
    return count


def memory_units(project):
    """Units in the project's SQLite memory (its `unit` table), read outside the clock; -1 if
    the schema has no such table."""
    completed = subprocess.run(["sqlite3", "-readonly", os.path.join(project, ".tandem/memory.sqlite"),
                                "SELECT count(*) FROM unit"], capture_output=True, text=True)
    return int(completed.stdout) if completed.returncode == 0 and completed.stdout.strip().isdigit() else -1


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["list", "prepare", "run"])
    parser.add_argument("case", nargs="?")
    parser.add_argument("--tandem", required=True, help="the tandem executable (release build)")
    parser.add_argument("--data", required=True, help="bench-data/")
    parser.add_argument("--python", default=sys.executable, help="the venv's python (Translate Toolkit)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one measured process may take")
    return parser.parse_args()


def main():
    options = parse_arguments()
    workspace = Workspace(options.data, options.tandem, REPOSITORY)
    here = os.path.abspath(__file__)
    common = ["--tandem", workspace.tandem, "--data", workspace.data, "--python", options.python,
              "--timeout", f"{options.timeout:g}"]
    if options.command == "list":
        names = ["tandem-lookup-fuzzy", "tandem-lookup-exact", "tandem-extract-one-changed",
                 "tandem-extract-unchanged-5000", "tandem-extract-5000-changed",
                 "tandem-extract-5000-changed-no-memory", "tandem-glossary-lint-one",
                 BASELINE, "grep-F-exact", "pot2po-tm-fuzzy"]
        if workspace.postgres_url():
            names[2:2] = ["tandem-postgres-lookup-fuzzy", "tandem-postgres-lookup-exact"]
        print(json.dumps([{
            "name": SUITE,
            "title": "cold CLI, whole processes on a 1M-unit memory (wall time: lower is better)",
            "unit": "ms",
            "baseline": BASELINE,
            "targets": targets(),
            "prepare": [sys.executable, here, "prepare"] + common,
            # The setup before a run (restoring a 5,000-post project) is outside the process's
            # own timeout; the driver's allows for it.
            "participants": [{"name": name, "arguments": [sys.executable, here, "run", name] + common,
                              "timeout": options.timeout + 120} for name in names],
        }], indent=1))
    elif options.command == "prepare":
        workspace.prepare()
    else:
        table = cases(workspace, options.python)
        if options.case not in table:
            sys.exit(f"cold_cli.py: unknown case {options.case!r}; one of {', '.join(table)}")
        cwd, arguments, success, setup = table[options.case]
        if setup:
            setup(workspace)
        if options.case.startswith("pot2po"):
            # A stale output must not count as this run's.
            for path in (workspace.pot2po_output,):
                if os.path.exists(path):
                    os.remove(path)
        units = memory_units(cwd) if "5000-changed" in options.case else None
        result = measure(options.case, cwd, arguments, success, options.timeout)
        after = memory_units(cwd) if units is not None else -1
        if units is not None and units >= 0 and after >= 0 and "notes" in result:
            # Proof that the translations went back into the memory (none with --no-memory).
            result["notes"]["memory_units_added"] = after - units
        print("BENCH " + json.dumps(result, sort_keys=True, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
