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
            throw TandemError.invalidValue(SourceLocation(file: path, line: 1, column: 1), message: "invalid JSON front matter: \(error.localizedDescription)")
        }
        let base = block.contentRange.lowerBound
        let lines = LineTable(content)
        let scanner = ValueExtentScanner(bytes: content, bound: content.count)
        var fields: [FrontMatterField] = []
        var seen: Set<String> = []
        var index = 1  // after "{"
        while index < content.count {
            skipSpace(content, &index)
            guard index < content.count, content[index] == UInt8(ascii: "\"") else { break }
            let (keyEnd, _) = scanner.extent(from: index, comments: false)
            let keyLine = lines.position(of: index).line
            let keyData = Data(content[index..<keyEnd])
            let key = (try? JSONDecoder().decode(String.self, from: keyData)) ?? ""
            // JSONSerialization keeps the last of duplicate keys (as Hugo does) while a splice
            // would translate the first: refuse, naming the second.
            guard seen.insert(key).inserted else {
                let position = lines.position(of: index)
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: position.line, column: position.column),
                    message: "duplicate key '\(key)' in JSON front matter; each key may appear once")
            }
            index = keyEnd
            skipSpace(content, &index)
            guard index < content.count, content[index] == UInt8(ascii: ":") else { break }
            index += 1
            skipSpace(content, &index)
            let (valueEnd, style) = scanner.extent(from: index, comments: false)
            let value: FrontMatterValue
            if let string = object[key] as? String { value = .string(string) }
            else if let strings = object[key] as? [String] { value = .strings(strings) }
            else { value = .other }
            fields.append(FrontMatterField(key: key, value: value, valueRange: (base + index)..<(base + valueEnd), style: style, line: keyLine))
            index = valueEnd
            skipSpace(content, &index)
            guard index < content.count, content[index] == UInt8(ascii: ",") else { break }
            let comma = index
            index += 1
            skipSpace(content, &index)
            // Foundation accepts `"a": 1,}`; Hugo (Go's encoding/json) refuses the whole site.
            if index < content.count, content[index] == UInt8(ascii: "}") {
                let position = lines.position(of: comma)
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: position.line, column: position.column),
                    message: "a comma after the last key of the JSON front matter; JSON allows none (Hugo refuses the file)")
            }
        }
        return FrontMatter(block: block, fields: fields)
    }

    private func skipSpace(_ content: [UInt8], _ index: inout Int) {
        while index < content.count, [0x20, 0x09, 0x0A, 0x0D].contains(content[index]) { index += 1 }
    }
}
