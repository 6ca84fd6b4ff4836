import ArgumentParser

/// `tandem glossary`: the term base commands.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check translations against the glossary, find terms, convert term bases.",
        discussion: """
            Glossaries live at glossaries/<source-tag>/<target-tag>.tsv (.csv and .tbx too): OmegaT's TSV, source<TAB>target<TAB>comment, with extra columns named in a header line (tabs between the names):
              # source target comment type forbidden case pos note
            type is term (translate as the target), keep (leave unchanged) or forbidden (the target must not appear); forbidden lists variants separated by |; case=yes matches the source in exactly its case.

            Examples:
              tandem glossary lint
              tandem glossary lint --format sarif > lint.sarif
              tandem glossary match '阿里巴巴的通义千问'
              tandem glossary convert glossaries/zh-CN/en.tsv terms.tbx
            """,
        subcommands: [GlossaryLintCommand.self, GlossaryMatchCommand.self, GlossaryConvertCommand.self]
    )
}
