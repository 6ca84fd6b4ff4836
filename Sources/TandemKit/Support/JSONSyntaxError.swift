/// Where JSON text first breaks (RFC 8259), and what was expected there: Foundation's reader
/// says only "The data is not in the correct format", so a JSON front matter missing a comma
/// was reported at 1:1. A plain recursive descent over the bytes; nesting deeper than
/// `depthLimit` is reported too (the reader refuses it as well).
struct JSONSyntaxError: Error, Equatable {
    /// Byte offset in the text.
    var offset: Int
    var message: String

    static let depthLimit = 512

    /// The first error in `bytes`, nil when it is one JSON value (white space around it).
    static func first(in bytes: [UInt8]) -> JSONSyntaxError? {
        var parser = Parser(bytes: bytes)
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index < bytes.count { throw parser.error("the end of the JSON text after its closing '}'") }
            return nil
        } catch {
            return error as? JSONSyntaxError
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        func error(_ expected: String) -> JSONSyntaxError {
            guard index < bytes.count else { return JSONSyntaxError(offset: index, message: "the text ends where \(expected) belongs") }
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let found = String(decoding: bytes[index..<end], as: UTF8.self)
            return JSONSyntaxError(offset: index, message: "expected \(expected), found '\(found)'")
        }

        mutating func value(depth: Int) throws {
            guard depth < JSONSyntaxError.depthLimit else { throw JSONSyntaxError(offset: index, message: "values nested deeper than \(JSONSyntaxError.depthLimit)") }
            guard index < bytes.count else { throw error("a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
            case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default:
                for word in ["true", "false", "null"] where bytes[index...].starts(with: Array(word.utf8)) {
                    index += word.utf8.count
                    return
                }
                throw error("a value (a string, number, object, array, true, false or null)")
            }
        }

        mutating func container(close: UInt8, depth: Int, keyed: Bool) throws {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close { index += 1; return }
            while true {
                if keyed {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("a key in double quotes") }
                    try string()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("':' after the key") }
                    index += 1
                    skipSpace()
                }
                try value(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw error(keyed ? "',' or '}'" : "',' or ']'") }
                if bytes[index] == close { index += 1; return }
                guard bytes[index] == UInt8(ascii: ",") else { throw error(keyed ? "',' between members, or '}'" : "',' between items, or ']'") }
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close { throw error(keyed ? "another member after ',' (JSON has no trailing comma)" : "another item after ',' (JSON has no trailing comma)") }
            }
        }

        mutating func string() throws {
            let start = index
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index += 1; return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count, Array("\"\\/bfnrtu".utf8).contains(bytes[index]) else { throw error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)") }
                    index += 1
                case 0x00..<0x20:
                    throw error("the closing '\"' of the string (a line break or control character must be escaped)")
                default: index += 1
                }
            }
            index = start
            throw JSONSyntaxError(offset: start, message: "the string that starts here is never closed")
        }

        mutating func number() throws {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = { (parser: inout Parser) -> Int in
                let start = parser.index
                while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) { parser.index += 1 }
                return parser.index - start
            }
            guard digits(&self) > 0 else { throw error("a digit") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { throw error("a digit after '.'") }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&self) > 0 else { throw error("a digit in the exponent") }
            }
        }
    }
}
