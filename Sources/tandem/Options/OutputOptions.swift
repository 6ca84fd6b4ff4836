import ArgumentParser

/// `--format text|json` and its shorthand `--json`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    @Flag(help: "Print JSON for scripts (same as --format json).")
    var json = false

    /// The format asked for: `--json` wins over `--format`.
    var selected: OutputFormat { json ? .json : format }
}
