import ArgumentParser

/// `--quiet`, on the commands that do long work (extract, build, stats, report, export,
/// import, tm import, tm rebuild).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress bar or status lines on standard error (errors are still printed).")
    var quiet = false

    /// A progress bar for `total` items, hidden by `--quiet` and under `--json`.
    func progress(total: Int?, label: String, json: Bool = false) -> Progress {
        Progress(total: total, label: label, quiet: quiet || json)
    }
}
