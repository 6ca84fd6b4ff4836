/// A PostgreSQL array in its text form (`{"a","b\"c",NULL}`), built as one parameter: a batch of
/// units goes to the server as one array per column and one `INSERT … SELECT FROM unnest(…)`,
/// instead of one statement (and one round trip) per unit.
struct PostgreSQLArrayLiteral {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var isEmpty = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends a text element (quoted, `\` and `"` escaped), or NULL.
    mutating func append(_ value: String?) {
        separate()
        guard let value else {
            bytes.append(contentsOf: "NULL".utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a number element as written (`Int64` or `Double` description).
    mutating func appendNumber(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func separate() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
    }

    /// The literal, closed.
    var text: String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
}
