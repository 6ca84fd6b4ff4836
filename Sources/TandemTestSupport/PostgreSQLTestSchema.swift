import CLibPQ
import Foundation

/// A schema of its own on the test server (`tandem_test_<random>`), and the URL that makes it
/// the connection's `search_path`, so the memory's tables land there. `drop()` removes it.
public struct PostgreSQLTestSchema: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public let name: String
    /// The server URL with `options=-csearch_path=<name>`.
    public let url: String
    private let serverURL: String

    init(serverURL: String) throws {
        self.serverURL = serverURL
        name = "tandem_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        url = serverURL + (serverURL.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(name)"
        try Self.execute("CREATE SCHEMA \(name)", on: serverURL)
    }

    /// Drops the schema and everything in it.
    public func drop() {
        try? Self.execute("DROP SCHEMA IF EXISTS \(name) CASCADE", on: serverURL)
    }

    /// Runs `sql` (statements without parameters, from the tests) on the server at `url`.
    public static func execute(_ sql: String, on url: String) throws {
        guard let connection = PQconnectdb(url) else { throw Failure(message: "libpq: out of memory") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw Failure(message: "cannot connect to the test server: \(String(cString: PQerrorMessage(connection)))")
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw Failure(message: "\(sql): \(String(cString: PQresultErrorMessage(result)))")
        }
    }
}
