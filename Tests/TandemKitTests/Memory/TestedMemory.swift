import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// A fresh memory of one backend for the conformance tests: a new SQLite file, or a new schema
/// on the test PostgreSQL server (the test is cancelled, with the reason, when there is none).
final class TestedMemory {
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite = "SQLite"
        case postgreSQL = "PostgreSQL"

        var testDescription: String { rawValue }
    }

    let address: MemoryAddress
    let memory: any TranslationMemory
    private let remove: () -> Void

    init(_ backend: Backend) throws {
        switch backend {
        case .sqlite:
            let directory = try TemporaryDirectory()
            address = .sqlite(path: directory.path("memory.sqlite"))
            remove = { directory.remove() }
        case .postgreSQL:
            guard PostgreSQLTestServer.isAvailable else { try Test.cancel(Comment(rawValue: PostgreSQLTestServer.absentMessage)) }
            let schema = try PostgreSQLTestServer.makeSchema()
            address = MemoryAddress(schema.url, relativeTo: URL(fileURLWithPath: "/"))
            remove = { schema.drop() }
        }
        do {
            memory = try address.open()
        } catch {
            remove()
            throw error
        }
    }

    /// The same memory opened again: another SQLite connection, another server connection.
    func openAgain() throws -> any TranslationMemory { try address.open() }

    deinit { remove() }
}
