import CLibPQ
import Foundation

/// One connection to the test server kept open across statements, so a test can hold a
/// transaction (and the locks it took) while `tandem` processes run, and end it when it chooses.
/// Closing it ends any open transaction (the server rolls it back): a test closes it in a
/// `defer` registered after its schema's `drop()`, which would otherwise wait for its locks.
public final class PostgreSQLTestConnection {
    private var connection: OpaquePointer?

    /// Connects to `url` (a `PostgreSQLTestSchema.url`: its schema is the `search_path`).
    public init(url: String) throws {
        guard let connection = PQconnectdb(url) else { throw PostgreSQLTestSchema.Failure(message: "libpq: out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgreSQLTestSchema.Failure(message: "cannot connect to the test server: \(message)")
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { close() }

    /// Ends the connection (and any transaction it holds); later statements fail.
    public func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// Runs `sql` (no parameters); returns the first column of the first row, if any.
    @discardableResult
    public func execute(_ sql: String) throws -> String? {
        guard let connection else { throw PostgreSQLTestSchema.Failure(message: "\(sql): the connection is closed") }
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw PostgreSQLTestSchema.Failure(message: "\(sql): \(String(cString: PQresultErrorMessage(result)))")
        }
        guard PQntuples(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return String(cString: PQgetvalue(result, 0, 0))
    }
}

/// One test, one thread.
@available(*, unavailable)
extension PostgreSQLTestConnection: Sendable {}
