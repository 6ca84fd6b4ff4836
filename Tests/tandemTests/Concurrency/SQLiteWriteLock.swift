import Foundation
import TandemTestSupport

/// SQLite's write lock on a database file, held by a `sqlite3` process the test starts
/// (`BEGIN IMMEDIATE`) until `release()`: a `tandem` run that writes to the file meanwhile
/// waits for it (up to its busy timeout, 30 seconds), holding whatever it took before, however
/// fast the machine.
final class SQLiteWriteLock {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let input = Pipe()
    private var released = false

    /// Takes the lock on `database`; `scratch` receives the flag file `sqlite3` touches once the
    /// lock is held.
    init(database: String, scratch: URL) throws {
        let flag = scratch.appendingPathComponent("sqlite-write-lock-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The shell runs each line as it reads it: the flag appears only once the lock is held.
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\n.shell touch '\(flag.path)'\n".utf8))
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: flag.path) {
            guard process.isRunning, Date() < deadline else {
                throw Failure(description: "sqlite3 could not take the write lock of \(database)")
            }
            usleep(2_000)
        }
    }

    deinit { release() }

    /// Commits the empty transaction and ends `sqlite3`.
    func release() {
        guard !released else { return }
        released = true
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// One test, one thread.
@available(*, unavailable)
extension SQLiteWriteLock: Sendable {}
