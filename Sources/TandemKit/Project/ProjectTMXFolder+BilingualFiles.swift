import Foundation

extension ProjectTMXFolder {
    /// Where the units of a bilingual file (XLIFF, PO) are kept: as a TMX named after the file
    /// (`vendor.sdlxliff.tmx`), since a rebuild reads `tm/*.tmx` only. A TMX of that name that
    /// holds the same pairs counts as kept already; one with other pairs is never overwritten.
    public func plan(for file: URL, units: [MemoryUnit]) throws -> Plan {
        let destination = directory.appendingPathComponent(Self.keptName(for: file))
        guard FileManager.default.fileExists(atPath: destination.path) else { return .copy(to: destination) }
        var kept = Set<[String]>()
        try TMXReader(url: destination, displayPath: relativePath(destination)).read { tu in
            for unit in tu.memoryUnits(sourceLocale: nil, path: "", now: Date()) { kept.insert(Self.pair(unit)) }
        }
        if kept == Set(units.map(Self.pair)) { return .alreadyKept(destination) }
        throw TandemError.alreadyExists(
            path: relativePath(destination),
            reason: "a different TMX of that name is kept already; rename \(file.lastPathComponent) and import it again")
    }

    /// Writes `units` as the TMX kept at `destination`, atomically.
    public func keep(_ units: [MemoryUnit], at destination: URL, toolVersion: String) throws {
        try TandemError.createDirectory(directory, for: destination)
        let sources = Set(units.map(\.sourceLocale))
        let writer = try TMXWriter(destination: destination, sourceLocale: sources.count == 1 ? sources.first : nil, toolVersion: toolVersion)
        do {
            for unit in units { try writer.write(unit) }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    private static func pair(_ unit: MemoryUnit) -> [String] {
        [unit.sourceLocale.identifier, unit.targetLocale.identifier, unit.source, unit.target]
    }
}
