#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs each for a bounded time (`make fuzz`).
#
#   Fuzz/run-fuzzers.sh [Harness ...]     (default: every Fuzz/*Fuzzer.swift)
#
# TandemKit and its dependencies are compiled with -sanitize=fuzzer,address in their own
# scratch folder (.build-fuzz); each harness is then linked from those objects with swiftc.
# libFuzzer cannot be a SwiftPM executable target (its main() clashes with the one SwiftPM
# generates), hence the link by hand.
#
# Each harness fuzzes for FUZZ_SECONDS, starting from its seed corpus: Fuzz/Seeds/<Harness>/
# and the project's own fixtures named below. New inputs go to .fuzz/<Harness>/corpus, crashes
# to .fuzz/<Harness>/crashes, the log to .fuzz/<Harness>/log (all git-ignored). Exits 1 when
# any harness crashed. FUZZ_FLAGS adds libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" to go
# on past the first crash and collect every one in the time given. -print_funcs=0: naming each
# newly covered function runs the symbolizer on a 200 MB binary, which slows a run tenfold.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-16384}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_FLAGS=${FUZZ_FLAGS:-}
SCRATCH=.build-fuzz
OUT=.fuzz
FIXTURES=Tests/TandemKitTests/Fixtures

# The fixtures each harness starts from, besides Fuzz/Seeds/<Harness>/.
seeds() {
    case "$1" in
        MarkdownRoundTripFuzzer) ls content/posts/*.md demo/*.md "${FIXTURES%/Fixtures}"/Alignment/Fixtures/LoveIt/*.md | grep -v SOURCES.md ;;
        SegmentFileFuzzer) ls locales/*/posts/*.json ;;
        TMXFuzzer) ls "$FIXTURES"/Interop/*.tmx ;;
        TBXGlossaryFuzzer) ls "$FIXTURES"/Interop/*.tbx ;;
        TextGlossaryFuzzer) ls glossaries/*/*.tsv "$FIXTURES"/Glossary/*.tsv ;;
        XLIFFFuzzer) ls "$FIXTURES"/Interop/*.sdlxliff "$FIXTURES"/Interop/*.mqxliff "$FIXTURES"/Interop/*.xlf ;;
        POFuzzer) ls "$FIXTURES"/Interop/*.po ;;
    esac
}

if [ $# -gt 0 ]; then
    harnesses=("$@")
else
    harnesses=()
    for file in Fuzz/*Fuzzer.swift; do harnesses+=("$(basename "$file" .swift)"); done
fi

# Swift's crash handler otherwise makes ASan report a false error; leaks are not findings here
# (Foundation and TOMLKit hold memory to the end of the process).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=0

echo "fuzz: building TandemKit with -sanitize=fuzzer,address in $SCRATCH"
"$SWIFT" build --scratch-path "$SCRATCH" --target TandemKit -Xswiftc -sanitize=fuzzer,address -Xswiftc -g
debug=$("$SWIFT" build --scratch-path "$SCRATCH" --show-bin-path)
# Every object of TandemKit and its dependencies (the build of one target makes no others).
mapfile -t objects < <(find "$debug" -path "$debug/Fuzzers" -prune -o -name '*.o' -print | sort)
# The C modules TandemKit sees (ICU shim, cmark-gfm, libpq, SQLite, libyaml, toml++), with the
# module maps and header paths SwiftPM gave its compile: a @testable import loads them all.
mapfile -t clang_flags < <(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("args: [") and "\"-module-name\",\"TandemKit\"" in line:
        args = json.loads(line[len("args: "):])
        for flag, value in zip(args, args[1:]):
            if flag == "-Xcc": print(flag); print(value)
        break
' "$SCRATCH/debug.yaml")
mkdir -p "$debug/Fuzzers"

crashed=()
for harness in "${harnesses[@]}"; do
    source="Fuzz/$harness.swift"
    [ -f "$source" ] || { echo "fuzz: no harness $source"; exit 2; }
    binary="$debug/Fuzzers/$harness"
    if [ ! -x "$binary" ] || [ -n "$(find "$source" Fuzz/Support "${objects[@]}" -newer "$binary" -print -quit)" ]; then
        echo "fuzz: linking $harness"
        swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -enable-testing \
            -I "$debug/Modules" "${clang_flags[@]}" \
            "$source" Fuzz/Support/*.swift "${objects[@]}" \
            -lFoundationXML -lFoundation -lxml2 -licuuc -licui18n -licudata -lcmark-gfm -lcmark-gfm-extensions -lpq -lsqlite3 -lstdc++ \
            -o "$binary" 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }
        [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: linking $harness failed"; exit 2; }
    fi
    corpus="$OUT/$harness/corpus"
    crashes="$OUT/$harness/crashes"
    mkdir -p "$corpus" "$crashes"
    for seed in Fuzz/Seeds/"$harness"/* $(seeds "$harness"); do
        [ -f "$seed" ] && cp -n "$seed" "$corpus/seed-$(basename "$seed")"
    done
    echo "fuzz: $harness for ${FUZZ_SECONDS}s (log: $OUT/$harness/log)"
    touch "$OUT/$harness/started"
    status=0
    "$binary" "$corpus" -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -rss_limit_mb="$FUZZ_RSS_MB" \
        -timeout="$FUZZ_TIMEOUT" -detect_leaks=0 -print_final_stats=1 -print_funcs=0 -artifact_prefix="$crashes/" \
        $FUZZ_FLAGS > "$OUT/$harness/log" 2>&1 || status=$?
    # The final statistics: executions, their rate, coverage (edges) and features; fork mode
    # prints no final statistics, its last status line has them.
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$harness/log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$OUT/$harness/log")
    last=$(grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$OUT/$harness/log" | tail -1 || true)
    runs=${runs:-$(sed -nE 's/^#([0-9]+).*/\1/p' <<< "$last")}
    rate=${rate:-$(sed -nE 's/.*exec\/s:? ([0-9]+).*/\1/p' <<< "$last")}
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<< "$last" || true)
    found=$(find "$crashes" -type f -newer "$OUT/$harness/started" | wc -l)
    echo "fuzz: $harness: ${runs:-?} executions, ${rate:-?}/s, ${coverage:-no coverage line}, $found crash inputs, exit $status"
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        crashed+=("$harness")
        grep -E 'ERROR|FUZZ FINDING|Test unit written' "$OUT/$harness/log" | head -5 || true
    fi
done

if [ ${#crashed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${crashed[*]} (inputs under $OUT/<harness>/crashes)"
    exit 1
fi
echo "fuzz: no crash"
