import Foundation
internal import TOMLKit

/// Reads TOML front matter: TOMLKit (toml++) decodes and validates it; the top-level keys
/// (those before the first `[table]` header) are located for splicing, and so are the string
/// values in tables (`[menu.main]`), in arrays of tables (`[[resources]]`, each keyed by its
/// position from 0: `resources.0.title`) and of dotted keys (`params.subtitle = …`), keyed by
/// path.
struct TOMLFrontMatterReader {
    let bytes: [UInt8]
    let block: FrontMatterBlock
    let path: String

    /// Refuses a table header whose first character is not a key (`[=`, `[[!`, a `[` that ends
    /// its line): toml++ does not check it, and asserts (a debug build aborts; a release build
    /// assumes it away, which is undefined behaviour). Found by `FrontMatterFuzzer`. A line inside a multi-line array or
    /// string that starts so is refused too; Hugo's front matter has none in practice.
    private func refuseHeaderWithoutKey(_ content: [UInt8], lineOffset: Int) throws {
        var line = lineOffset
        for text in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
            line += 1
            var index = text.startIndex
            func skipBlanks() { while index < text.endIndex, text[index] == 0x20 || text[index] == 0x09 { index += 1 } }
            skipBlanks()
            guard index < text.endIndex, text[index] == UInt8(ascii: "[") else { continue }
            index += 1
            if index < text.endIndex, text[index] == UInt8(ascii: "[") { index += 1 }
            skipBlanks()
            // The line's end (LF, or the CR of CR LF) right after the `[` is no key either:
            // toml++ skips only blanks there and asserts on the line break.
            let byte = index < text.endIndex ? text[index] : 0x0A
            let startsKey = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]")].contains(byte)
            if !startsKey {
                let column = index - text.startIndex + 1
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: line, column: column),
                    message: "invalid TOML front matter: a table header must start with a key")
            }
        }
    }

    func read() throws -> FrontMatter {
        let content = Array(bytes[block.contentRange])
        let lineOffset = LineTable(Array(bytes[..<block.contentRange.lowerBound])).starts.count - 1
        try refuseHeaderWithoutKey(content, lineOffset: lineOffset)
        let decoded: TOMLTable
        do {
            decoded = try TOMLTable(string: String(decoding: content, as: UTF8.self))
        } catch let error as TOMLParseError {
            let location = SourceLocation(file: path, line: error.source.begin.line + lineOffset, column: error.source.begin.column)
            throw TandemError.invalidValue(location, message: "invalid TOML front matter: \(error.description)")
        }
        let base = block.contentRange.lowerBound
        let scanner = ValueExtentScanner(bytes: content, bound: content.count)
        var fields: [FrontMatterField] = []
        var nestedFields: [FrontMatterField] = []
        // The table the lines below a header belong to (`[menu.main]`, `resources.1` after the
        // second `[[resources]]`); empty at the top, nil after a header not read.
        var table: [String]? = []
        var arraysOfTables = ArraysOfTables()
        var index = 0
        var line = lineOffset + 1
        while index < content.count {
            var cursor = index
            while cursor < content.count, content[cursor] == 0x20 || content[cursor] == 0x09 { cursor += 1 }
            if cursor < content.count, content[cursor] == UInt8(ascii: "[") {
                table = tableHeader(content, from: cursor, arrays: &arraysOfTables)
            } else if let table, let (keys, valueStart) = keyPathAndValueStart(content, from: cursor) {
                let (end, style) = scanner.extent(from: valueStart, comments: true)
                let path = table + keys
                let range = (base + valueStart)..<(base + end)
                if path.count == 1 {
                    fields.append(FrontMatterField(key: path[0], value: value(decoded[path[0]]), valueRange: range, style: style, line: line))
                } else if path.count <= FrontMatter.nestingLimit, case let found = value(Self.value(at: path, in: decoded)),
                          found != .other || content[valueStart] == UInt8(ascii: "{") {
                    // An inline table is kept as `.other` (never translated) so that the text
                    // in it is named as untranslated.
                    nestedFields.append(FrontMatterField(key: path.joined(separator: "."), value: found, valueRange: range, style: style, line: line))
                }
                cursor = end
            }
            // Next line.
            while cursor < content.count, content[cursor] != 0x0A {
                cursor += 1
            }
            line += content[index..<min(cursor + 1, content.count)].filter { $0 == 0x0A }.count
            index = cursor + 1
        }
        // `translations` written as a table (`[translations]`, `[[translations]]`) is not the
        // list Tandem keeps right in every language version: refused, not silently ignored.
        let translations = FrontMatterPolicy.translationsKey
        if decoded[translations] != nil, !fields.contains(where: { $0.key == translations }) {
            let header = LineTable(content).starts.firstIndex { start in
                let text = String(decoding: content[start...].prefix { $0 != 0x0A }, as: UTF8.self)
                return text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "[]")) == translations
            }
            let location = SourceLocation(file: path, line: lineOffset + 1 + (header ?? 0), column: 1)
            throw TandemError.invalidValue(location, message: "translations must be a list of locale tags such as [\"zh-CN\", \"en\"], written before any [table]")
        }
        var frontMatter = FrontMatter(block: block, fields: fields)
        frontMatter.nestedFields = nestedFields
        return frontMatter
    }

    /// The decoded value at `path` (tables, and an array's item by its position), if any.
    private static func value(at path: [String], in table: TOMLTable) -> TOMLValueConvertible? {
        var current: TOMLValueConvertible = table
        for key in path {
            if let inner = current.table {
                guard let next = inner[key] else { return nil }
                current = next
            } else if let array = current.array, let position = Int(key), array.indices.contains(position) {
                current = array[position]
            } else {
                return nil
            }
        }
        return current
    }

    /// How many items each array of tables has had so far, by its path with the positions of
    /// the arrays above it (`[[a]]`, `[[a.b]]`, `[[a]]`, `[[a.b]]` make `a.0.b` and `a.1.b`).
    private struct ArraysOfTables {
        var counts: [[String]: Int] = [:]

        /// The path of a header's keys, each array of tables on the way followed by the
        /// position of its last item, as TOML reads `[a.b]` after `[[a]]`.
        func resolve(_ keys: [String]) -> [String] {
            var path: [String] = []
            for key in keys {
                path.append(key)
                if let count = counts[path] { path.append(String(count - 1)) }
            }
            return path
        }

        /// The path of a new item of the array of tables `[[keys]]`.
        mutating func appendItem(_ keys: [String]) -> [String] {
            var path = resolve(Array(keys.dropLast()))
            path.append(keys[keys.count - 1])
            let count = counts[path, default: 0] + 1
            counts[path] = count
            return path + [String(count - 1)]
        }
    }

    private func value(_ node: TOMLValueConvertible?) -> FrontMatterValue {
        if let string = node?.string { return .string(string) }
        if let array = node?.array {
            let strings = array.compactMap { $0.string }
            return strings.count == array.count ? .strings(strings) : .other
        }
        return .other
    }

    /// A key (bare or quoted, dotted or not: `menu.main.name`) and `=` at `start`: the key's
    /// parts and where the value starts.
    private func keyPathAndValueStart(_ content: [UInt8], from start: Int) -> ([String], Int)? {
        var index = start
        guard let keys = keyPath(content, &index), index < content.count, content[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skipBlanks(content, &index)
        return (keys, index)
    }

    /// The path of the table a header at `start` opens (`[menu.main]`; `[[resources]]`, an
    /// array of tables' next item: `resources.0`, `resources.1` …), or nil for a header not read.
    private func tableHeader(_ content: [UInt8], from start: Int, arrays: inout ArraysOfTables) -> [String]? {
        var index = start + 1
        let isArrayItem = index < content.count && content[index] == UInt8(ascii: "[")
        if isArrayItem { index += 1 }
        skipBlanks(content, &index)
        guard let keys = keyPath(content, &index), index < content.count, content[index] == UInt8(ascii: "]") else { return nil }
        if isArrayItem {
            guard index + 1 < content.count, content[index + 1] == UInt8(ascii: "]") else { return nil }
            return arrays.appendItem(keys)
        }
        return arrays.resolve(keys)
    }

    /// The parts of a key at `index` (each bare or quoted, joined by dots with blanks around
    /// them allowed), leaving `index` after the blanks that follow it.
    private func keyPath(_ content: [UInt8], _ index: inout Int) -> [String]? {
        var keys: [String] = []
        while true {
            if index < content.count, content[index] == UInt8(ascii: "\"") || content[index] == UInt8(ascii: "'") {
                let quote = content[index]
                let keyStart = index + 1
                index = keyStart
                while index < content.count, content[index] != quote, content[index] != 0x0A { index += 1 }
                guard index < content.count, content[index] == quote else { return nil }
                let raw = content[keyStart..<index]
                // A basic string's escapes are decoded by TOMLKit; a key holding one is not located.
                if quote == UInt8(ascii: "\""), raw.contains(UInt8(ascii: "\\")) { return nil }
                keys.append(String(decoding: raw, as: UTF8.self))
                index += 1
            } else {
                let keyStart = index
                while index < content.count, isBareKeyByte(content[index]) { index += 1 }
                guard index > keyStart else { return nil }
                keys.append(String(decoding: content[keyStart..<index], as: UTF8.self))
            }
            skipBlanks(content, &index)
            guard index < content.count, content[index] == UInt8(ascii: ".") else { return keys }
            index += 1
            skipBlanks(content, &index)
        }
    }

    private func skipBlanks(_ content: [UInt8], _ index: inout Int) {
        while index < content.count, content[index] == 0x20 || content[index] == 0x09 { index += 1 }
    }

    private func isBareKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
