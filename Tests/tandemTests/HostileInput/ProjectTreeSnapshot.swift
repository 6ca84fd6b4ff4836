import Foundation

/// Every entry under a directory — files by content, links by destination, directories — so
/// that a run which must change nothing can be checked to have changed nothing, temporary
/// files included. The memory is compared by its rows, not its bytes: opening SQLite may
/// checkpoint its write-ahead log without changing a unit.
struct ProjectTreeSnapshot: Equatable {
    enum Entry: Equatable {
        case file(Data)
        case link(String)
        case directory
        case memory([String])
    }

    var entries: [String: Entry]

    init(_ root: URL) throws {
        entries = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            let attributes = try manager.attributesOfItem(atPath: path)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?:
                entries[relative] = .link(try manager.destinationOfSymbolicLink(atPath: path))
            case .typeDirectory?:
                entries[relative] = .directory
            default:
                if relative.hasSuffix(".sqlite-wal") || relative.hasSuffix(".sqlite-shm") { continue }
                // A cache of what was extracted, keyed partly on the memory file's time stamp
                // (which a copy of the project changes): refreshed for healthy posts, never an output.
                if relative == ".tandem/extract-state.bin" { continue }
                if relative.hasSuffix(".sqlite") {
                    entries[relative] = .memory(try Self.rows(ofMemory: path))
                } else {
                    entries[relative] = .file(try Data(contentsOf: URL(fileURLWithPath: path)))
                }
            }
        }
    }

    /// The units of a memory file, one line each, through the `sqlite3` tool (nobody here wrote it).
    static func rows(ofMemory path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-readonly", path, "SELECT sourceLocale, targetLocale, source, target FROM unit ORDER BY 1, 2, 3, 4"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// What differs from `other`, one line per path, for a failure message.
    func differences(from other: ProjectTreeSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).sorted().compactMap { path in
            switch (other.entries[path], entries[path]) {
            case (nil, _?): return "added \(path)"
            case (_?, nil): return "removed \(path)"
            case let (old?, new?) where old != new: return "changed \(path)"
            default: return nil
            }
        }
    }
}
