internal import CLibPQ

/// The rows of one statement, in libpq's text format, freed when released.
final class PostgreSQLResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    var rowCount: Int { Int(PQntuples(handle)) }

    /// Rows a command changed (`UPDATE 3` → 3).
    var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    /// The value at `row`, `column` as text; nil for SQL NULL.
    func text(_ row: Int, _ column: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(column)) != 0 { return nil }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard let value = PQgetvalue(handle, Int32(row), Int32(column)) else { return nil }
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    /// The value at `row`, `column`, or "" for NULL.
    func string(_ row: Int, _ column: Int) -> String { text(row, column) ?? "" }

    func int64(_ row: Int, _ column: Int) -> Int64 { text(row, column).flatMap { Int64($0) } ?? 0 }

    func double(_ row: Int, _ column: Int) -> Double { text(row, column).flatMap { Double($0) } ?? 0 }
}
