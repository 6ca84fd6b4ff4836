#!/usr/bin/env python3
"""Runs every benchmark suite: Tandem and its peers on the same input, in the same invocation,
several rounds interleaved, and prints one table per suite with medians, spread, ratios against
the suite's baseline (taken round by round, so machine noise hits both sides alike) and peak
memory (each participant runs in its own process; its peak RSS comes from wait4).

The suites come from `tandem-bench list` (--bench) and, with --tandem, the cold CLI suite of
`cold_cli.py` (whole `tandem` processes; it needs no tandem-bench, so `--suites cold-cli` runs
without --bench). A suite's unit is a throughput (MB/s, items/s: higher is better) or a wall time
(ms: lower is better, its ratios are time multiples of the baseline).

usage: run-benchmarks.py [--bench EXE] [--tandem EXE] --data DIR --peers DIR --python PY --bin DIR
                         [--runs N] [--suites a,b] [--markdown FILE] [--json FILE]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", help="the tandem-bench executable (release build); every suite but cold-cli")
    parser.add_argument("--tandem", help="the tandem executable (release build) for the cold-cli suite")
    parser.add_argument("--data", required=True, help="bench-data/ made by prepare-data.sh")
    parser.add_argument("--peers", required=True, help="Benchmarks/peers")
    parser.add_argument("--python", required=True, help="the venv's python with the peers' packages")
    parser.add_argument("--bin", required=True, help="folder of compiled peers (icu-chain)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per suite (default 3)")
    parser.add_argument("--max-runs", type=int, default=5,
                        help="rounds for a suite whose first round took under --quick seconds (default 5)")
    parser.add_argument("--quick", type=float, default=30, help="see --max-runs (default 30 s)")
    parser.add_argument("--suites", default="", help="comma-separated suite names (default: all)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds one run may take (a participant that times out is not run again in its suite)")
    parser.add_argument("--markdown", help="also write the tables here")
    parser.add_argument("--json", help="also write every run's raw result here")
    return parser.parse_args()


def run_once(arguments, cwd, timeout):
    """Runs one participant once: its BENCH result (or an error) and its peak RSS in MB. A result
    may carry its own `peak_mb` (a harness that measured the process it started) and its own
    `error` (a measured process that failed)."""
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=stderr)
        deadline = time.monotonic() + timeout
        output = b""
        os.set_blocking(process.stdout.fileno(), False)
        while True:
            chunk = process.stdout.read()
            if chunk:
                output += chunk
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                rest = process.stdout.read()
                output += rest or b""
                process.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = -9
                return {"error": f"timed out after {timeout:.0f} s"}, None
            time.sleep(0.01)
        peak = usage.ru_maxrss / 1024.0  # KiB on Linux
        if process.returncode != 0:
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            return {"error": f"exit {process.returncode}: " + " | ".join(tail)}, peak
    for line in output.decode("utf-8", "replace").splitlines():
        if line.startswith("BENCH "):
            result = json.loads(line[len("BENCH "):])
            return result, result.pop("peak_mb", peak)
    return {"error": "printed no BENCH line"}, peak


TIME_UNIT = "ms"
COLD_CLI_SUITE = "cold-cli"


def throughput(result, unit):
    """The run's figure in the suite's unit: a throughput, or for TIME_UNIT the wall time."""
    if "error" in result or result.get("seconds", 0) <= 0:
        return None
    if unit == TIME_UNIT:
        return result["seconds"] * 1000
    if unit == "MB/s":
        return result["bytes"] / result["seconds"] / 1e6
    return result["items"] / result["seconds"]


def format_figure(value):
    if value is None:
        return "–"
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def spread(values):
    return f"{format_figure(min(values))}–{format_figure(max(values))}" if values else "–"


def run_suite(suite, options, cwd):
    participants = suite["participants"]
    runs = {p["name"]: [] for p in participants}
    rounds = options.runs
    round_index = 0
    # A participant that timed out is not run again: another round would only cost the timeout.
    timed_out = {}
    while round_index < rounds:
        round_started = time.monotonic()
        # Rotate the order each round so no participant always runs on a cold (or hot) machine.
        shift = round_index % len(participants)
        for participant in participants[shift:] + participants[:shift]:
            if participant["name"] in timed_out:
                runs[participant["name"]].append({"error": f"not run: {timed_out[participant['name']]} in an earlier round",
                                                  "round": round_index, "peak_mb": None})
                continue
            result, peak = run_once(participant["arguments"], cwd, participant.get("timeout", options.timeout))
            if result.get("error", "").startswith("timed out"):
                timed_out[participant["name"]] = result["error"]
            result["peak_mb"] = peak
            result["round"] = round_index
            runs[participant["name"]].append(result)
            status = result.get("error") or f"{format_figure(throughput(result, suite['unit']))} {suite['unit']}"
            print(f"  [{suite['name']} round {round_index + 1}/{rounds}] {participant['name']}: {status}",
                  file=sys.stderr, flush=True)
        if round_index == 0 and time.monotonic() - round_started < options.quick:
            rounds = max(rounds, options.max_runs)
        round_index += 1
    return runs


def summarize(suite, runs):
    unit = suite["unit"]
    baseline = runs.get(suite["baseline"], [])
    rows = []
    for name, results in runs.items():
        figures = [throughput(r, unit) for r in results]
        good = [f for f in figures if f is not None]
        ratios = []
        for result, figure in zip(results, figures):
            paired = [throughput(b, unit) for b in baseline if b["round"] == result["round"]]
            if figure is not None and paired and paired[0]:
                ratios.append(figure / paired[0])
        peaks = [r["peak_mb"] for r in results if r.get("peak_mb") is not None and "error" not in r]
        notes = {}
        for result in results:
            for key, value in (result.get("notes") or {}).items():
                notes.setdefault(key, []).append(value)
        errors = [r["error"] for r in results if "error" in r]
        rows.append({
            "participant": name,
            "median": statistics.median(good) if good else None,
            "spread": spread(good),
            "ratio": statistics.median(ratios) if ratios else None,
            "ratio_spread": f"{min(ratios):.2f}–{max(ratios):.2f}" if ratios else "–",
            "peak_mb": statistics.median(peaks) if peaks else None,
            "items": results[0].get("items") if results and "error" not in results[0] else None,
            "notes": {k: statistics.median(v) for k, v in notes.items()},
            "errors": errors,
            "runs": len(good),
        })
    return rows


def judge(suite, target, by_name):
    """A target's statement, what was achieved, and whether it is met (None: not measured)."""
    mine = by_name.get(target["participant"])
    theirs = by_name.get(target.get("reference"))
    unit = suite["unit"]
    if "max_ms" in target:
        statement = f"{target['participant']} ≤ {target['max_ms']:g} ms"
        value = mine and mine["median"]
        achieved = None if value is None else (value, f"{format_figure(value)} ms (median)", value <= target["max_ms"])
    elif "max_rss_mb" in target:
        statement = f"{target['participant']} peak RSS ≤ {target['max_rss_mb']:g} MB"
        value = mine and mine["peak_mb"]
        achieved = None if value is None else (value, f"{value:,.0f} MB (median)", value <= target["max_rss_mb"])
    elif "max_ratio" in target:
        # A wall-time multiple of the reference: lower is better.
        statement = f"{target['participant']} ≤ {target['max_ratio']:g}× {target['reference']}'s time"
        ok = mine and theirs and mine["median"] is not None and theirs["median"]
        value = mine["median"] / theirs["median"] if ok else None
        achieved = None if value is None else (value, f"{value:.2f}× (medians)", value <= target["max_ratio"])
    else:
        statement = f"{target['participant']} ≥ {target['ratio']:g}× {target['reference']}"
        ok = mine and theirs and mine["median"] is not None and theirs["median"]
        value = mine["median"] / theirs["median"] if ok else None
        if value is not None and unit == TIME_UNIT:
            value = 1 / value  # a speed ratio from wall times
        achieved = None if value is None else (value, f"{value:.2f}× (medians)", value >= target["ratio"])
    if achieved is None:
        failures = (mine or {}).get("errors") or (theirs or {}).get("errors")
        why = f"no successful run ({failures[0][:120]})" if failures else "not measured yet"
        # A participant that ran and failed (or timed out) has not met its target.
        return {"suite": suite["name"], "target": statement, "achieved": None, "met": False if failures else None,
                "text": f"Target {statement}: {why}, {'✗ NOT met' if failures else 'not judged'}."}
    value, text, met = achieved
    return {"suite": suite["name"], "target": statement, "achieved": value, "met": met,
            "text": f"Target {statement}: {text}, {'✓ met' if met else '✗ NOT met'}."}


def render(suite, rows, verdicts):
    time_unit = suite["unit"] == TIME_UNIT
    figure = f"median {suite['unit']}"
    ratio_heading = f"× {suite['baseline']}{' time' if time_unit else ''} (median, min–max)"
    lines = [f"### {suite['name']}: {suite['title']}", "",
             f"| participant | {figure} | min–max | {ratio_heading} | peak RSS MB | notes |",
             "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        ratio = f"{row['ratio']:.2f}× ({row['ratio_spread']})" if row["ratio"] is not None else "–"
        notes = ", ".join(f"{k} {v:,.3g}" for k, v in sorted(row["notes"].items()))
        if row["errors"]:
            notes = (notes + "; " if notes else "") + f"{len(row['errors'])} failed: {row['errors'][0][:120]}"
        peak = f"{row['peak_mb']:,.0f}" if row["peak_mb"] is not None else "–"
        lines.append(f"| {row['participant']} | {format_figure(row['median'])} | {row['spread']} | {ratio} | {peak} | {notes} |")
    for verdict in verdicts:
        lines.append("\n" + verdict["text"])
    return "\n".join(lines) + "\n"


def list_suites(options):
    """Every suite the options can run: tandem-bench's, then the cold CLI suite."""
    wanted = [s for s in options.suites.split(",") if s]
    suites = []
    if options.bench and (not wanted or set(wanted) - {COLD_CLI_SUITE}):
        suites += json.loads(subprocess.run(
            [options.bench, "list", "--data", options.data, "--peers", options.peers,
             "--python", options.python, "--bin", options.bin],
            check=True, capture_output=True, text=True).stdout)
    if options.tandem and (not wanted or COLD_CLI_SUITE in wanted):
        suites += json.loads(subprocess.run(
            [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "cold_cli.py"), "list",
             "--tandem", options.tandem, "--data", options.data, "--python", options.python,
             "--timeout", f"{options.timeout:g}"],
            check=True, capture_output=True, text=True).stdout)
    if wanted:
        unknown = set(wanted) - {s["name"] for s in suites}
        if unknown:
            sys.exit(f"run-benchmarks: error: unknown suite(s) {', '.join(sorted(unknown))}"
                     " (tandem-bench's need --bench, cold-cli needs --tandem)")
        suites = [s for s in suites if s["name"] in wanted]
    return suites


def prepare(suite):
    """Runs the suite's preparation (outside every clock); an error message if it failed."""
    if not suite.get("prepare"):
        return None
    completed = subprocess.run(suite["prepare"], stderr=subprocess.PIPE, text=True)
    sys.stderr.write(completed.stderr)
    if completed.returncode != 0:
        return f"preparation failed (exit {completed.returncode}): " + " | ".join(completed.stderr.strip().splitlines()[-3:])
    return None


def main():
    options = parse_arguments()
    if not options.bench and not options.tandem:
        sys.exit("run-benchmarks: error: --bench or --tandem is needed")
    cwd = os.getcwd()
    suites = list_suites(options)
    started = time.monotonic()
    tables, raw, verdicts = [], {}, []
    for suite in suites:
        print(f"== {suite['name']}: {suite['title']}", file=sys.stderr, flush=True)
        failure = prepare(suite)
        if failure:
            table = f"### {suite['name']}: {suite['title']}\n\nNot run: {failure}\n"
            raw[suite["name"]] = {"error": failure}
        else:
            runs = run_suite(suite, options, cwd)
            raw[suite["name"]] = runs
            rows = summarize(suite, runs)
            by_name = {row["participant"]: row for row in rows}
            suite_verdicts = [judge(suite, target, by_name) for target in suite["targets"]]
            verdicts += suite_verdicts
            table = render(suite, rows, suite_verdicts)
        print(table, flush=True)
        tables.append(table)
    footer = (f"{options.runs} rounds per suite ({options.max_runs} when a round takes under {options.quick:g} s); "
              f"total {time.monotonic() - started:.0f} s.")
    print(footer)
    if options.markdown:
        with open(options.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(tables) + "\n" + footer + "\n")
    if options.json:
        with open(options.json, "w", encoding="utf-8") as f:
            json.dump({"runs": raw, "targets": [{k: v for k, v in verdict.items() if k != "text"} | {"verdict": verdict["text"]}
                                                for verdict in verdicts]}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
