internal import CLibPQ
internal import CTandemLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: parameterized statements (values never
/// go into SQL text), transactions, and reading large results in batches through a cursor.
///
/// Not thread-safe: one connection per memory, used by one thread at a time.
final class PostgreSQLConnection {
    let url: PostgreSQLURL
    private let handle: OpaquePointer
    /// Open `BEGIN` blocks: nested `transaction` calls join the outermost one.
    private var transactionDepth = 0
    private var cursorCount = 0

    /// Connects (10 s timeout unless the URL sets `connect_timeout`) and checks that the server
    /// speaks UTF-8 to us.
    init(url: PostgreSQLURL) throws {
        self.url = url
        // libpq is loaded now, by the first PostgreSQL memory a command opens (CTandemLibPQ).
        if let reason = tandem_libpq_unavailable() {
            throw PostgreSQLError(
                message: "cannot load PostgreSQL's client library (libpq.so.5; Debian: apt-get install libpq5): "
                    + String(cString: reason))
        }
        // Later keywords override earlier ones, and `dbname` expands the whole URL: the URL's
        // own connect_timeout wins over this default.
        let keywords = ["connect_timeout", "fallback_application_name", "client_encoding", "dbname"]
        let values = ["10", "tandem", "UTF8", url.connectionString]
        let connection = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers + [nil], valuePointers + [nil], 1)
            }
        }
        guard let connection else { throw PostgreSQLError(message: "out of memory connecting") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgreSQLError(message: url.redacting(Self.trimmed(message)))
        }
        // The server's notices (`relation … already exists, skipping`) are not for the user.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Runs one statement with `parameters` ($1, $2, … in text form; nil is NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> PostgreSQLResult {
        let result: OpaquePointer? = Self.withCStrings(parameters) { pointers in
            PQexecParams(handle, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
        }
        return try checked(result)
    }

    /// Runs `sql`, which may hold several statements but no parameters (schema migrations).
    func executeScript(_ sql: String) throws {
        _ = try checked(PQexec(handle, sql))
    }

    private func checked(_ result: OpaquePointer?) throws -> PostgreSQLResult {
        guard let result else {
            throw PostgreSQLError(message: url.redacting(Self.trimmed(String(cString: PQerrorMessage(handle)))))
        }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let message = Self.trimmed(String(cString: PQresultErrorMessage(result)))
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            PQclear(result)
            throw PostgreSQLError(message: url.redacting(message), sqlState: state)
        }
        return PostgreSQLResult(result)
    }

    /// Runs `body` in a transaction (or in the one already open): committed when it returns,
    /// rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN")
        transactionDepth = 1
        do {
            let value = try body()
            transactionDepth = 0
            try execute("COMMIT")
            return value
        } catch {
            transactionDepth = 0
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Whether a transaction is open (a retry of a failed statement must then be the caller's).
    var inTransaction: Bool { transactionDepth > 0 }

    /// Calls `body` with the rows of `sql` in batches of `batchSize`, read through a cursor so
    /// that a million rows never sit in memory at once.
    func forEachBatch(
        _ sql: String, _ parameters: [String?], batchSize: Int = 10_000, _ body: (PostgreSQLResult) throws -> Void
    ) throws {
        try transaction {
            cursorCount += 1
            let cursor = "tandem_cursor_\(cursorCount)"
            try execute("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", parameters)
            while true {
                let batch = try execute("FETCH FORWARD \(batchSize) FROM \(cursor)")
                if batch.rowCount == 0 { break }
                try body(batch)
                if batch.rowCount < batchSize { break }
            }
            try execute("CLOSE \(cursor)")
        }
    }

    private static func trimmed(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `strings` as C strings (nil stays NULL) for the duration of `body`.
    private static func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let copies = strings.map { $0.map { strdup($0)! } }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
