import Foundation

extension Project {
    /// The memory `tandem.yml` names (`memory:`): a SQLite file (relative to the root) or a
    /// PostgreSQL server (`postgres://…`).
    public func memoryAddress() -> MemoryAddress {
        MemoryAddress(configuration.memory, relativeTo: root)
    }

    /// The memory `tandem.yml` names, opened (a SQLite file is created, with its directory,
    /// when missing) under its shared lock (`MemoryAddress.open(waiting:)`).
    public func openMemory(waiting: (String) -> Void = { _ in }) throws -> any TranslationMemory {
        try memoryAddress().open(waiting: waiting)
    }
}
