import Foundation
import GRDB
import Testing
@testable import TandemKit
import TandemTestSupport

/// Issue 14, items 8 and 14: a fresh memory opened by several at once; a full disk in words.
@Suite("SQLite memory: races and failure messages")
struct SQLiteFailureMessageTests {
    @Test func aFullDiskAndAnIOErrorAreSaidAsSuch() {
        let full = SQLiteSchema.reason(for: DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), path: "/p/m.sqlite")
        #expect(full.hasPrefix("No space left on device writing /p/m.sqlite"))
        let io = SQLiteSchema.reason(for: DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: "/p/m.sqlite")
        #expect(io == "I/O error writing /p/m.sqlite: disk I/O error")
        #expect(!full.contains("not a Tandem memory") && !io.contains("not a Tandem memory"))
    }

    @Test func eightOpenersOfOneFreshFileAllGetTheSchemaOnce() async throws {
        for trial in 0..<5 {
            let directory = try TemporaryDirectory(prefix: "tandem-open-race")
            defer { directory.remove() }
            let path = directory.path("m\(trial).sqlite")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try SQLiteMemory(path: path) }
                }
                try await group.waitForAll()
            }
            #expect(try SQLiteMemory(path: path).integrityCheck() == "ok")
        }
    }
}
