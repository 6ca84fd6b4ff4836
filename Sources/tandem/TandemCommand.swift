import ArgumentParser
import Foundation
import TandemKit

/// The `tandem` command: a translation-memory and localization pipeline for Hugo sites.
@main
struct TandemCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Translation memory and localization pipeline for Hugo sites.",
        discussion: """
            Tandem cuts Hugo posts into sentences with ICU, keeps fixed terms consistent with a glossary, and reuses every translated sentence from a translation memory.

            Exit status: 0 success, 1 findings (lint), 2 bad input or usage. Errors are printed as FILE:LINE:COL: error: MESSAGE.

            Examples:
              tandem segment content/posts/hello.md
              tandem segment --locale en --format json notes.txt
              echo '第一句。第二句！' | tandem segment -
              tandem glossary lint --format github
            """,
        version: "tandem \(version) (ICU \(ICUVersion.linked))",
        subcommands: [
            InitCommand.self, CheckCommand.self, SegmentCommand.self, ExtractCommand.self, PseudoCommand.self, BuildCommand.self,
            ExportCommand.self, ImportCommand.self, AlignCommand.self,
            TranslateCommand.self, NextCommand.self, SetCommand.self, ReviewCommand.self, ShowCommand.self,
            StatsCommand.self, ReportCommand.self,
            GlossaryCommand.self, TMCommand.self,
        ]
    )

    /// Runs the command with Tandem's exit codes: usage errors exit 2 (not ArgumentParser's 64),
    /// input errors print `file:line:col: error: …` and exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TandemError {
            Terminal.standardError.write("\(CommandLineError(error))\n")
            Foundation.exit(2)
        } catch let error as CommandLineError {
            Terminal.standardError.write("\(error)\n")
            Foundation.exit(2)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            Foundation.exit(code == .failure || code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
