import TandemKit

/// What a command says, once, when another run holds a lock it needs.
enum LockWaitNotice {
    /// The project lock (`ProjectLock`).
    static func say(_ holder: String) {
        Terminal.standardError.write("waiting for the project lock: \(holder)\n")
    }

    /// A SQLite memory's lock (`MemoryFileLock`).
    static func sayForMemory(_ holder: String) {
        Terminal.standardError.write("waiting for the memory lock: \(holder)\n")
    }
}
