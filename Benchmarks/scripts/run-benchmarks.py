#!/usr/bin/env python3
"""Runs every benchmark suite: Tandem and its peers on the same input, in the same invocation,
several rounds interleaved, and prints one table per suite with medians, spread, ratios against
the suite's baseline (taken round by round, so machine noise hits both sides alike) and peak
memory (each participant runs in its own process; its peak RSS comes from wait4).

usage: run-benchmarks.py --bench EXE --data DIR --peers DIR --python PY --bin DIR
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
    parser.add_argument("--bench", required=True, help="the tandem-bench executable (release build)")
    parser.add_argument("--data", required=True, help="bench-data/ made by prepare-data.sh")
    parser.add_argument("--peers", required=True, help="Benchmarks/peers")
    parser.add_argument("--python", required=True, help="the venv's python with the peers' packages")
    parser.add_argument("--bin", required=True, help="folder of compiled peers (icu-chain)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per suite (default 3)")
    parser.add_argument("--max-runs", type=int, default=5,
                        help="rounds for a suite whose first round took under --quick seconds (default 5)")
    parser.add_argument("--quick", type=float, default=30, help="see --max-runs (default 30 s)")
    parser.add_argument("--suites", default="", help="comma-separated suite names (default: all)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one run may take")
    parser.add_argument("--markdown", help="also write the tables here")
    parser.add_argument("--json", help="also write every run's raw result here")
    return parser.parse_args()


def run_once(arguments, cwd, timeout):
    """Runs one participant once: its BENCH result (or an error) and its peak RSS in MB."""
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
            return json.loads(line[len("BENCH "):]), peak
    return {"error": "printed no BENCH line"}, peak


def throughput(result, unit):
    if "error" in result or result.get("seconds", 0) <= 0:
        return None
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
    while round_index < rounds:
        round_started = time.monotonic()
        # Rotate the order each round so no participant always runs on a cold (or hot) machine.
        shift = round_index % len(participants)
        for participant in participants[shift:] + participants[:shift]:
            result, peak = run_once(participant["arguments"], cwd, options.timeout)
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


def render(suite, rows):
    lines = [f"### {suite['name']}: {suite['title']}", "",
             f"| participant | median {suite['unit']} | min–max | × {suite['baseline']} (median, min–max) | peak RSS MB | notes |",
             "|---|---:|---:|---:|---:|---|"]
    by_name = {row["participant"]: row for row in rows}
    for row in rows:
        ratio = f"{row['ratio']:.2f}× ({row['ratio_spread']})" if row["ratio"] is not None else "–"
        notes = ", ".join(f"{k} {v:,.3g}" for k, v in sorted(row["notes"].items()))
        if row["errors"]:
            notes = (notes + "; " if notes else "") + f"{len(row['errors'])} failed: {row['errors'][0][:120]}"
        peak = f"{row['peak_mb']:,.0f}" if row["peak_mb"] is not None else "–"
        lines.append(f"| {row['participant']} | {format_figure(row['median'])} | {row['spread']} | {ratio} | {peak} | {notes} |")
    for target in suite["targets"]:
        mine, theirs = by_name.get(target["participant"]), by_name.get(target["reference"])
        if not mine or not theirs or mine["median"] is None or not theirs["median"]:
            lines.append(f"\nTarget {target['participant']} ≥ {target['ratio']:g}× {target['reference']}: not measured yet.")
            continue
        achieved = mine["median"] / theirs["median"]
        verdict = "met" if achieved >= target["ratio"] else "NOT met"
        lines.append(f"\nTarget {target['participant']} ≥ {target['ratio']:g}× {target['reference']}: "
                     f"{achieved:.2f}× (medians), {verdict}.")
    return "\n".join(lines) + "\n"


def main():
    options = parse_arguments()
    cwd = os.getcwd()
    listing = subprocess.run(
        [options.bench, "list", "--data", options.data, "--peers", options.peers,
         "--python", options.python, "--bin", options.bin],
        check=True, capture_output=True, text=True).stdout
    suites = json.loads(listing)
    wanted = [s for s in options.suites.split(",") if s]
    if wanted:
        unknown = set(wanted) - {s["name"] for s in suites}
        if unknown:
            sys.exit(f"run-benchmarks: error: unknown suite(s) {', '.join(sorted(unknown))}")
        suites = [s for s in suites if s["name"] in wanted]
    started = time.monotonic()
    tables, raw = [], {}
    for suite in suites:
        print(f"== {suite['name']}: {suite['title']}", file=sys.stderr, flush=True)
        runs = run_suite(suite, options, cwd)
        raw[suite["name"]] = runs
        table = render(suite, summarize(suite, runs))
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
            json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
