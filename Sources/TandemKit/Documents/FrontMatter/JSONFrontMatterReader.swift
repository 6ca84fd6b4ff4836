import Foundation

/// Reads JSON front matter: JSONSerialization decodes and validates it; the top-level keys are
/// located for splicing.
struct JSONFrontMatterReader {
    let bytes: [UInt8]
    let block: FrontMatterBlock
    let path: String

    func read() throws -> FrontMatter {
        let content = Array(bytes[block.contentRange])
        let object: [String: Any]
        do {
            guard let decoded = try JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] else {
                throw TandemError.invalidValue(SourceLocation(file: path, line: 1, column: 1), message: "JSON front matter must be an object")
            }
            object = decoded
        } catch let error as TandemError {
            throw error
        } catch {
            // Foundation says only that the data is not in the correct format: the position and
            // what belongs there come from a scan of our own.
            if let syntax = JSONSyntaxError.first(in: content) {
                let position = LineTable(bytes).position(of: block.contentRange.lowerBound + syntax.offset)
                throw TandemError.invalidValue(SourceLocation(file: path, line: position.line, column: position.column), message: "invalid JSON front matter: \(syntax.message)")
            }
            throw TandemError.invalidValue(SourceLocation(file: path, line: 1, column: 1), message: "invalid JSON front matter: \(error.localizedDescription)")
        }
        var reading = ObjectReading(content: content, base: block.contentRange.lowerBound, path: path)
        var index = 1  // after "{"
        try reading.readMembers(of: object, from: &index, prefix: nil, depth: 1)
        var frontMatter = FrontMatter(block: block, fields: reading.fields)
        frontMatter.nestedFields = reading.nestedFields
        return frontMatter
    }

    /// The walk over the object's members, top-level and nested, locating each value.
    private struct ObjectReading {
        let content: [UInt8]
        let base: Int
        let path: String
        let lines: LineTable
        let scanner: ValueExtentScanner
        var fields: [FrontMatterField] = []
        var nestedFields: [FrontMatterField] = []

        init(content: [UInt8], base: Int, path: String) {
            self.content = content
            self.base = base
            self.path = path
            lines = LineTable(content)
            scanner = ValueExtentScanner(bytes: content, bound: content.count)
        }

        /// Reads the members of `object` (decoded) from `index`, just after its `{`, to just
        /// after its `}`. Members of the top-level object (`prefix` nil) are fields; string
        /// values in nested objects are nested fields keyed by their dotted path.
        mutating func readMembers(of object: [String: Any], from index: inout Int, prefix: String?, depth: Int) throws {
            var seen: Set<String> = []
            while index < content.count {
                skipSpace(&index)
                guard index < content.count, content[index] == UInt8(ascii: "\"") else { break }
                let (keyEnd, _) = scanner.extent(from: index, comments: false)
                let keyLine = lines.position(of: index).line
                let key = (try? JSONDecoder().decode(String.self, from: Data(content[index..<keyEnd]))) ?? ""
                // JSONSerialization keeps the last of duplicate keys (as Hugo does) while a splice
                // would translate the first: refuse, naming the second.
                guard seen.insert(key).inserted else {
                    let position = lines.position(of: index)
                    throw TandemError.invalidValue(
                        SourceLocation(file: path, line: position.line, column: position.column),
                        message: "duplicate key '\(key)' in JSON front matter; each key may appear once")
                }
                index = keyEnd
                skipSpace(&index)
                guard index < content.count, content[index] == UInt8(ascii: ":") else { break }
                index += 1
                skipSpace(&index)
                let keyPath = prefix.map { $0 + "." + key } ?? key
                if let inner = object[key] as? [String: Any], index < content.count, content[index] == UInt8(ascii: "{"), depth < FrontMatter.nestingLimit {
                    let start = index
                    index += 1
                    try readMembers(of: inner, from: &index, prefix: keyPath, depth: depth + 1)
                    if prefix == nil {
                        fields.append(FrontMatterField(key: key, value: .other, valueRange: (base + start)..<(base + index), style: .plain, line: keyLine))
                    }
                } else if let items = object[key] as? [Any], items.contains(where: { $0 is [String: Any] }),
                          index < content.count, content[index] == UInt8(ascii: "["), depth < FrontMatter.nestingLimit {
                    let start = index
                    try readItems(items, from: &index, prefix: keyPath, depth: depth + 1)
                    if prefix == nil {
                        fields.append(FrontMatterField(key: key, value: .other, valueRange: (base + start)..<(base + index), style: .plain, line: keyLine))
                    }
                } else {
                    let (valueEnd, style) = scanner.extent(from: index, comments: false)
                    let value: FrontMatterValue
                    if let string = object[key] as? String { value = .string(string) }
                    else if let strings = object[key] as? [String] { value = .strings(strings) }
                    else { value = .other }
                    let field = FrontMatterField(key: keyPath, value: value, valueRange: (base + index)..<(base + valueEnd), style: style, line: keyLine)
                    if prefix == nil { fields.append(field) } else if value != .other { nestedFields.append(field) }
                    index = valueEnd
                }
                skipSpace(&index)
                guard index < content.count, content[index] == UInt8(ascii: ",") else { break }
                let comma = index
                index += 1
                skipSpace(&index)
                // Foundation accepts `"a": 1,}`; Hugo (Go's encoding/json) refuses the whole site.
                if index < content.count, content[index] == UInt8(ascii: "}") {
                    let position = lines.position(of: comma)
                    throw TandemError.invalidValue(
                        SourceLocation(file: path, line: position.line, column: position.column),
                        message: "a comma after the last key of the JSON front matter; JSON allows none (Hugo refuses the file)")
                }
            }
            // Past the object's closing brace.
            skipSpace(&index)
            if index < content.count, content[index] == UInt8(ascii: "}") { index += 1 }
        }

        /// Reads the items of `items` (decoded) from `index`, at its `[`, to just after its `]`:
        /// the members of an item that is an object are nested fields keyed by the item's
        /// position from 0 (`resources.0.title`); other items are stepped over.
        mutating func readItems(_ items: [Any], from index: inout Int, prefix: String, depth: Int) throws {
            index += 1
            for (position, item) in items.enumerated() {
                skipSpace(&index)
                guard index < content.count else { return }
                if let object = item as? [String: Any], content[index] == UInt8(ascii: "{") {
                    index += 1
                    try readMembers(of: object, from: &index, prefix: prefix + "." + String(position), depth: depth)
                } else {
                    index = scanner.extent(from: index, comments: false).end
                }
                skipSpace(&index)
                guard index < content.count, content[index] == UInt8(ascii: ",") else { break }
                index += 1
            }
            skipSpace(&index)
            if index < content.count, content[index] == UInt8(ascii: "]") { index += 1 }
        }

        private func skipSpace(_ index: inout Int) {
            while index < content.count, [0x20, 0x09, 0x0A, 0x0D].contains(content[index]) { index += 1 }
        }
    }
}
