import Foundation

/// The hand-edit check of a segment file: every key known, every value of the right JSON type
/// and range, every translated segment with a target — each problem at the line and column of
/// the offending key or value.
///
/// Why a scan of its own rather than `JSONDecoder` alone: the decoder drops unknown keys
/// silently (so a misspelled `"traget"` turned a reviewed translation into source text, and the
/// next `extract` deleted it) and reports a wrong value by coding path, not by position;
/// `JSONSerialization` keeps neither positions nor duplicate keys. The scan reuses
/// `SegmentFilePositions.Scanner`'s tokens and decodes nothing itself: `JSONDecoder` still builds
/// the values, and reports the syntax errors the scan gives up on. It reads keys and plain
/// strings as bytes and builds the key path only for a message, since it runs on every read.
struct SegmentFileValidator {
    /// What is wrong and the byte offset of the key or value to fix.
    struct Problem: Error, Equatable {
        let offset: Int
        let message: String
    }

    /// Malformed JSON: left to `JSONDecoder`, which says where the syntax breaks.
    private struct Malformed: Error {}

    /// One step of the path from the top to the value being checked, for messages.
    private enum PathStep {
        case key(String)
        case index(Int)
    }

    private var scanner: SegmentFilePositions.Scanner
    private var path: [PathStep] = []

    /// The first problem in file order, or nil when the file is a valid segment file (or is not
    /// JSON at all, which the decoder reports).
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var validator = SegmentFileValidator(scanner: .init(bytes: bytes))
        do {
            validator.scanner.skipSpace()
            try validator.value(.object(SegmentFileSchema.file), nullable: false)
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            // Where the scan stopped, when the text is not JSON indeed (asked of Foundation's
            // reader, so a value the scan does not know is never called broken): Foundation's
            // decoder said only "The given data was not valid JSON." at 1:1 of a file cut short.
            guard (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil else { return nil }
            return validator.syntaxProblem()
        }
    }

    /// Malformed JSON at the scanner: the file's end, or the byte the scan stopped at.
    private func syntaxProblem() -> Problem {
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        guard scanner.index < end else {
            return Problem(offset: end, message: "invalid JSON: the file ends before its last value is complete (cut short?)")
        }
        return Problem(offset: scanner.index, message: "invalid JSON: unexpected \(token(at: scanner.index))")
    }

    /// The word or character at `offset`, quoted, for a message.
    private func token(at offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 20, Self.isWordByte(bytes[end]) { end += 1 }
        if end == offset { end = offset + 1; while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 } }
        return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    /// A bare word where a value belongs that is no JSON literal (`nope`, `ture`, `nul`): the
    /// type messages named it "null" or "true or false", which the file does not hold.
    private func bareWordProblem(at offset: Int) -> Problem? {
        guard offset < bytes.count, ![UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\"")].contains(bytes[offset]) else { return nil }
        var end = offset
        while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
        let word = String(decoding: bytes[offset..<end], as: UTF8.self)
        if ["true", "false", "null"].contains(word) { return nil }
        if let first = word.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), Double(word) != nil {
            return nil
        }
        guard !path.isEmpty else {
            return Problem(offset: offset, message: "invalid JSON: unexpected \(token(at: offset)) where a segment file's opening '{' belongs")
        }
        return Problem(offset: offset, message: "invalid JSON: unexpected \(token(at: offset)) where \(name)'s value belongs (a text value needs double quotes)")
    }

    private var bytes: [UInt8] { scanner.bytes }

    private mutating func value(_ shape: SegmentFileSchema.Shape, nullable: Bool) throws {
        scanner.skipSpace()
        let start = scanner.index
        guard let byte = scanner.peek else { throw Malformed() }
        if let problem = bareWordProblem(at: start) { throw problem }
        if byte == UInt8(ascii: "n") {
            guard scanner.value() else { throw Malformed() }
            if nullable { return }
            throw wrongType(shape, at: start)
        }
        switch shape {
        case .string:
            _ = try stringRange(shape)
        case .integer:
            guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw wrongType(shape, at: start)
            }
            guard scanner.value() else { throw Malformed() }
            let raw = String(decoding: bytes[start..<scanner.index], as: UTF8.self)
            guard Int(raw) != nil else {
                throw Problem(offset: start, message: "\(name) must be a whole number, found \(raw)")
            }
        case .oneOf(let what, let allowed):
            let text = try Self.text(of: try stringRange(shape), in: bytes)
            guard allowed.contains(text) else {
                throw Problem(offset: start, message: "\(Self.quoted(text)) is not a \(what); allowed: \(allowed.joined(separator: ", "))")
            }
        case .localeTag:
            let text = try Self.text(of: try stringRange(shape), in: bytes)
            guard LocaleTag(text) != nil else {
                throw Problem(offset: start, message: "\(name): \(Self.quoted(text)) is not a BCP 47 language tag such as zh-CN or en")
            }
        case .array(let element):
            guard byte == UInt8(ascii: "[") else { throw wrongType(shape, at: start) }
            scanner.index += 1
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: "]") { scanner.index += 1; return }
            var index = 0
            while true {
                path.append(.index(index))
                try value(element, nullable: false)
                path.removeLast()
                index += 1
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") { try skipComma(before: UInt8(ascii: "]")); continue }
                if scanner.peek == UInt8(ascii: "]") { scanner.index += 1; return }
                throw Malformed()
            }
        case .stringMap:
            guard byte == UInt8(ascii: "{") else { throw wrongType(shape, at: start) }
            try members { key, _, validator in
                validator.path.append(.key(try Self.text(of: key, in: validator.bytes)))
                try validator.value(.string, nullable: false)
                validator.path.removeLast()
            }
        case .object(let object):
            guard byte == UInt8(ascii: "{") else { throw wrongType(shape, at: start) }
            try self.object(object, at: start)
        }
    }

    /// An object of a known shape: unknown, repeated and missing keys, then the one rule that
    /// spans keys (a translated state needs a target).
    private mutating func object(_ shape: SegmentFileSchema.ObjectShape, at start: Int) throws {
        // Where each field's value starts, by the field's index in the shape.
        var valueOffsets = [Int?](repeating: nil, count: shape.fields.count)
        try members { key, keyOffset, validator in
            let bytes = validator.bytes
            let index = Self.hasEscape(key, in: bytes)
                ? shape.allowedKeys.firstIndex(of: try Self.text(of: key, in: bytes))
                : shape.keyBytes.firstIndex { $0.count == key.count && bytes[key].elementsEqual($0) }
            guard let index else {
                let text = try Self.text(of: key, in: bytes)
                let suggestion = NearestName.nearest(to: text, among: shape.allowedKeys).map { " did you mean \(Self.quoted($0))?" } ?? ""
                throw Problem(offset: keyOffset, message: "unknown key \(Self.quoted(text)) in \(shape.name)\(validator.within);"
                              + "\(suggestion) allowed keys: \(shape.allowedKeys.joined(separator: ", "))")
            }
            let field = shape.fields[index]
            guard valueOffsets[index] == nil else {
                throw Problem(offset: keyOffset, message: "key \(Self.quoted(field.key)) appears twice in \(shape.name)\(validator.within)")
            }
            validator.scanner.skipSpace()
            valueOffsets[index] = validator.scanner.index
            validator.path.append(.key(field.key))
            try validator.value(field.shape, nullable: !field.required)
            validator.path.removeLast()
        }
        let missing = shape.fields.indices.filter { shape.fields[$0].required && valueOffsets[$0] == nil }.map { shape.fields[$0].key }
        if !missing.isEmpty {
            let required = shape.fields.filter(\.required).map(\.key).joined(separator: ", ")
            throw Problem(offset: start, message: "\(shape.name)\(within) has no "
                          + "\(missing.map(Self.quoted).joined(separator: ", ")); required keys: \(required)")
        }
        if shape.needsTargetWhenTranslated, let stateIndex = shape.allowedKeys.firstIndex(of: "state"),
           let targetIndex = shape.allowedKeys.firstIndex(of: "target"), let stateOffset = valueOffsets[stateIndex] {
            var reader = SegmentFilePositions.Scanner(bytes: bytes, index: stateOffset)
            let state = reader.string().flatMap(Self.unescaped).flatMap(SegmentState.init(rawValue:))
            let hasTarget = valueOffsets[targetIndex].map { bytes[$0] != UInt8(ascii: "n") } ?? false
            if let state, state.isTranslated, !hasTarget {
                throw Problem(offset: stateOffset, message: "\(shape.name)\(within) is \(Self.quoted(state.rawValue)) "
                              + "but has no \"target\"; add its translation as \"target\", or set \"state\" to \"new\"")
            }
        }
    }

    /// Walks an object's members, handing each key (its raw bytes between the quotes) and its
    /// offset to `member`, which must consume the value.
    private mutating func members(_ member: (Range<Int>, Int, inout SegmentFileValidator) throws -> Void) throws {
        scanner.index += 1
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") { scanner.index += 1; return }
        while true {
            scanner.skipSpace()
            let keyOffset = scanner.index
            guard scanner.peek == UInt8(ascii: "\"") else { throw Malformed() }
            let key = try skipString()
            scanner.skipSpace()
            guard scanner.peek == UInt8(ascii: ":") else { throw Malformed() }
            scanner.index += 1
            try member(key, keyOffset, &self)
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: ",") { try skipComma(before: UInt8(ascii: "}")); continue }
            if scanner.peek == UInt8(ascii: "}") { scanner.index += 1; return }
            throw Malformed()
        }
    }

    /// Steps over a comma; one right before `closer` is a problem here, since Swift's
    /// `JSONDecoder` accepts it while `jq`, Python and every CAT tool's JSON reader refuse it.
    private mutating func skipComma(before closer: UInt8) throws {
        let comma = scanner.index
        scanner.index += 1
        scanner.skipSpace()
        if scanner.peek == closer {
            throw Problem(offset: comma, message: "a comma before '\(Character(UnicodeScalar(closer)))'; JSON allows none after the last item (remove it)")
        }
    }

    /// A string value's raw bytes; a problem when the value is of another type.
    private mutating func stringRange(_ shape: SegmentFileSchema.Shape) throws -> Range<Int> {
        guard scanner.peek == UInt8(ascii: "\"") else { throw wrongType(shape, at: scanner.index) }
        return try skipString()
    }

    /// Moves past the string at the scanner (which is at its opening quote); returns the bytes
    /// between the quotes.
    private mutating func skipString() throws -> Range<Int> {
        scanner.index += 1
        let start = scanner.index
        let bytes = scanner.bytes
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                scanner.index = index + 1
                return start..<index
            default: index += 1
            }
        }
        scanner.index = bytes.count  // the file ends inside the string
        throw Malformed()
    }

    private func wrongType(_ shape: SegmentFileSchema.Shape, at offset: Int) -> Problem {
        var expected = shape.description
        if case .oneOf(_, let allowed) = shape { expected += " (one of \(allowed.joined(separator: ", ")))" }
        return Problem(offset: offset, message: "\(name) must be \(expected), found \(found(at: offset))")
    }

    /// The JSON type of the value at `offset`, as a message names it.
    private func found(at offset: Int) -> String {
        switch bytes[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    /// The path to the value being checked, `segments[1].candidates[0].score`.
    private var pathText: String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// How a message names the value being checked.
    private var name: String { path.isEmpty ? "the file" : "\"\(pathText)\"" }
    /// ` (segments[1])` after the name of an object's kind, or nothing at the top.
    private var within: String { path.isEmpty ? "" : " (\(pathText))" }

    private static func hasEscape(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        bytes[range].contains(UInt8(ascii: "\\"))
    }

    /// The text of a string's raw bytes, escapes undone.
    private static func text(of range: Range<Int>, in bytes: [UInt8]) throws -> String {
        let raw = String(decoding: bytes[range], as: UTF8.self)
        guard hasEscape(range, in: bytes) else { return raw }
        guard let text = unescaped(raw) else { throw Malformed() }
        return text
    }

    /// A JSON string's raw contents with its escapes undone (nil if they are malformed).
    private static func unescaped(_ raw: String) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return raw }
        return try? JSONSerialization.jsonObject(with: Data("\"\(raw)\"".utf8), options: .fragmentsAllowed) as? String
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
