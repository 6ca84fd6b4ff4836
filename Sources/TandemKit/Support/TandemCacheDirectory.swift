import Foundation

/// Tandem's per-user cache: `$TANDEM_CACHE_DIR`, else `$XDG_CACHE_HOME/tandem` (an absolute
/// path only, as the XDG base directory specification says), else `~/.cache/tandem`. What is
/// kept there is made again when missing: the Han variant table of the linked ICU
/// (`HanVariantTable+Cache`) and a PostgreSQL memory's index files (`PostgreSQLMemory+Index`).
enum TandemCacheDirectory {
    /// The directory, or nil when none can be named (no absolute `HOME`).
    static var url: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["TANDEM_CACHE_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory, isDirectory: true)
        }
        if let directory = environment["XDG_CACHE_HOME"], directory.hasPrefix("/") {
            return URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent("tandem", isDirectory: true)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/tandem", isDirectory: true)
    }
}
