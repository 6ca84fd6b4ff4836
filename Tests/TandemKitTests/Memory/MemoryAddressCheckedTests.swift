import Foundation
import Testing
import TandemKit

/// Issue 14, item 11: `postgres:user:secret@host/db` became a SQLite file and the password was printed.
@Suite("Memory addresses: malformed URLs")
struct MemoryAddressCheckedTests {
    static let root = URL(fileURLWithPath: "/project")

    @Test(arguments: ["postgres:user:secret@host/db", "postgresql:/db", "mysql://user:secret@host/db", "postgres:/user:secret@host"])
    func aURLLookalikeIsRefusedWithoutItsPassword(_ text: String) {
        do {
            _ = try MemoryAddress.checked(text, relativeTo: Self.root)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(!"\(error)".contains("secret"), "\(error)")
            #expect("\(error)".contains("looks like a URL"), "\(error)")
        }
    }

    @Test func pathsAndRealURLsAreAccepted() throws {
        #expect(try MemoryAddress.checked("tm/team.sqlite", relativeTo: Self.root) == .sqlite(path: "/project/tm/team.sqlite"))
        #expect(try MemoryAddress.checked("/srv/a:b.sqlite", relativeTo: Self.root) == .sqlite(path: "/srv/a:b.sqlite"))
        #expect(try MemoryAddress.checked("postgres://alice:s3cret@db/tm", relativeTo: Self.root).description == "postgres://alice@db/tm")
    }
}
