import ArgumentParser

/// `tandem tm`: the translation memory.
struct TMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Import, export, search and rebuild the translation memory.",
        discussion: """
            The memory lives in .tandem/memory.sqlite (SQLite, rebuilt from the text files at any time: segment files under locales/ and TMX files under tm/), or on a team's PostgreSQL server when tandem.yml says memory: postgres://user@host/database. Every command takes --memory PATH to use another file, or --memory postgres://… (postgresql://… too) to use a server.

            Matches: 101% in context (same sentence, same neighbours), 100% exact (same sentence after Unicode NFKC, case and white-space folding), below that fuzzy: 1 − edit distance / length, on characters for Chinese and Japanese, on words for Latin scripts, each placeholder counting as one; differing numbers or placeholders cost points.

            Examples:
              tandem tm import vendor.tmx omegat/project_save.tmx
              tandem tm lookup '今天天气很好。' --min 70 --top 3
              tandem tm export -o memory.tmx --locale en
              tandem tm stats --json
              tandem tm lookup '今天天气很好。' --memory postgres://tandem@db.example/team
              tandem tm rebuild
            """,
        subcommands: [
            TMImportCommand.self, TMExportCommand.self, TMLookupCommand.self, TMStatsCommand.self,
            TMRebuildCommand.self,
        ]
    )
}
