import Foundation

extension Project {
    /// The memory `tandem.yml` names (`memory:`): a SQLite file (relative to the root) or a
    /// PostgreSQL server (`postgres://…`).
    public func memoryAddress() -> MemoryAddress {
        MemoryAddress(configuration.memory, relativeTo: root)
    }

    /// The memory `tandem.yml` names, opened (a SQLite file is created, with its directory,
    /// when missing).
    public func openMemory() throws -> any TranslationMemory {
        try memoryAddress().open()
    }
}
