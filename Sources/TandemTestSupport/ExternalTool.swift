import Foundation

/// Third-party programs the tests check output with (found on PATH), and running them; tests
/// that need one skip, saying which Debian package installs it, when it is missing.
public enum ExternalTool {
    /// The full path of `name` on PATH, if installed.
    public static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`; returns its status and what it printed (both streams).
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    public static let xmllintMissing = "xmllint not installed (Debian libxml2-utils; `make deps` installs it)"
    public static let po2tmxMissing = "po2tmx not installed (Debian translate-toolkit; `make deps` installs it)"
    /// The TMX 1.4b DTD in `../shared/schemas`.
    public static var tmxDTD: String { SharedCorpus.sharedDirectory.appendingPathComponent("schemas/tmx/tmx14.dtd").path }

    /// Whether `xmllint --dtdvalid` can check TMX here.
    public static var canValidateTMX: Bool { path("xmllint") != nil && FileManager.default.fileExists(atPath: tmxDTD) }
}
