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
/// the values, and reports the syntax errors the scan gives up on.
struct SegmentFileValidator {
    /// What is wrong and the byte offset of the key or value to fix.
    struct Problem: Error, Equatable {
        let offset: Int
        let message: String
    }

    /// Malformed JSON: left to `JSONDecoder`, which says where the syntax breaks.
    private struct Malformed: Error {}

    private var scanner: SegmentFilePositions.Scanner

    /// The first problem in file order, or nil when the file is a valid segment file (or is not
    /// JSON at all, which the decoder reports).
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var validator = SegmentFileValidator(scanner: .init(bytes: bytes))
        do {
            validator.scanner.skipSpace()
            try validator.value(.object(SegmentFileSchema.file), path: "", nullable: false)
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return nil
        }
    }

    private mutating func value(_ shape: SegmentFileSchema.Shape, path: String, nullable: Bool) throws {
        scanner.skipSpace()
        let start = scanner.index
        guard let byte = scanner.peek else { throw Malformed() }
        if byte == UInt8(ascii: "n") {
            guard scanner.value() else { throw Malformed() }
            if nullable { return }
            throw wrongType(shape, path: path, at: start)
        }
        switch shape {
        case .string:
            _ = try string(shape, path: path)
        case .integer:
            guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw wrongType(shape, path: path, at: start)
            }
            guard scanner.value() else { throw Malformed() }
            let raw = String(decoding: scanner.bytes[start..<scanner.index], as: UTF8.self)
            guard Int(raw) != nil else {
                throw Problem(offset: start, message: "\(Self.name(path)) must be a whole number, found \(raw)")
            }
        case .oneOf(let what, let allowed):
            let text = try string(shape, path: path)
            guard allowed.contains(text) else {
                throw Problem(offset: start, message: "\(Self.quoted(text)) is not a \(what); allowed: \(allowed.joined(separator: ", "))")
            }
        case .localeTag:
            let text = try string(shape, path: path)
            guard LocaleTag(text) != nil else {
                throw Problem(offset: start, message: "\(Self.name(path)): \(Self.quoted(text)) is not a BCP 47 language tag such as zh-CN or en")
            }
        case .array(let element):
            guard byte == UInt8(ascii: "[") else { throw wrongType(shape, path: path, at: start) }
            scanner.index += 1
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: "]") { scanner.index += 1; return }
            var index = 0
            while true {
                try value(element, path: "\(path)[\(index)]", nullable: false)
                index += 1
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") { scanner.index += 1; continue }
                if scanner.peek == UInt8(ascii: "]") { scanner.index += 1; return }
                throw Malformed()
            }
        case .stringMap:
            guard byte == UInt8(ascii: "{") else { throw wrongType(shape, path: path, at: start) }
            try members(path: path) { key, _, validator in
                try validator.value(.string, path: Self.join(path, key), nullable: false)
            }
        case .object(let object):
            guard byte == UInt8(ascii: "{") else { throw wrongType(shape, path: path, at: start) }
            try self.object(object, path: path, at: start)
        }
    }

    /// An object of a known shape: unknown, repeated and missing keys, then the one rule that
    /// spans keys (a translated state needs a target).
    private mutating func object(_ shape: SegmentFileSchema.ObjectShape, path: String, at start: Int) throws {
        var valueOffsets: [String: Int] = [:]
        try members(path: path) { key, keyOffset, validator in
            guard valueOffsets[key] == nil else {
                throw Problem(offset: keyOffset, message: "key \(Self.quoted(key)) appears twice in \(shape.name)\(Self.within(path))")
            }
            guard let field = shape.field(key) else {
                let suggestion = NearestName.nearest(to: key, among: shape.allowedKeys).map { " did you mean \(Self.quoted($0))?" } ?? ""
                throw Problem(offset: keyOffset, message: "unknown key \(Self.quoted(key)) in \(shape.name)\(Self.within(path));"
                              + "\(suggestion) allowed keys: \(shape.allowedKeys.joined(separator: ", "))")
            }
            validator.scanner.skipSpace()
            valueOffsets[key] = validator.scanner.index
            try validator.value(field.shape, path: Self.join(path, key), nullable: !field.required)
        }
        let missing = shape.fields.filter { $0.required && valueOffsets[$0.key] == nil }.map(\.key)
        if !missing.isEmpty {
            let required = shape.fields.filter(\.required).map(\.key).joined(separator: ", ")
            throw Problem(offset: start, message: "\(shape.name)\(Self.within(path)) has no "
                          + "\(missing.map(Self.quoted).joined(separator: ", ")); required keys: \(required)")
        }
        if shape.needsTargetWhenTranslated, let stateOffset = valueOffsets["state"] {
            var reader = SegmentFilePositions.Scanner(bytes: scanner.bytes, index: stateOffset)
            let state = reader.string().flatMap(Self.unescaped).flatMap(SegmentState.init(rawValue:))
            let hasTarget = valueOffsets["target"].map { scanner.bytes[$0] != UInt8(ascii: "n") } ?? false
            if let state, state.isTranslated, !hasTarget {
                throw Problem(offset: stateOffset, message: "\(shape.name)\(Self.within(path)) is \(Self.quoted(state.rawValue)) "
                              + "but has no \"target\"; add its translation as \"target\", or set \"state\" to \"new\"")
            }
        }
    }

    /// Walks an object's members, handing each unescaped key and its offset to `member`, which
    /// must consume the value.
    private mutating func members(path: String, _ member: (String, Int, inout SegmentFileValidator) throws -> Void) throws {
        scanner.index += 1
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") { scanner.index += 1; return }
        while true {
            scanner.skipSpace()
            let keyOffset = scanner.index
            guard let raw = scanner.string(), let key = Self.unescaped(raw) else { throw Malformed() }
            scanner.skipSpace()
            guard scanner.peek == UInt8(ascii: ":") else { throw Malformed() }
            scanner.index += 1
            try member(key, keyOffset, &self)
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: ",") { scanner.index += 1; continue }
            if scanner.peek == UInt8(ascii: "}") { scanner.index += 1; return }
            throw Malformed()
        }
    }

    /// A string value, unescaped; a problem when the value is of another type.
    private mutating func string(_ shape: SegmentFileSchema.Shape, path: String) throws -> String {
        let start = scanner.index
        guard scanner.peek == UInt8(ascii: "\"") else { throw wrongType(shape, path: path, at: start) }
        guard let raw = scanner.string(), let text = Self.unescaped(raw) else { throw Malformed() }
        return text
    }

    private func wrongType(_ shape: SegmentFileSchema.Shape, path: String, at offset: Int) -> Problem {
        var expected = shape.description
        if case .oneOf(_, let allowed) = shape { expected += " (one of \(allowed.joined(separator: ", ")))" }
        return Problem(offset: offset, message: "\(Self.name(path)) must be \(expected), found \(found(at: offset))")
    }

    /// The JSON type of the value at `offset`, as a message names it.
    private func found(at offset: Int) -> String {
        switch scanner.bytes[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    /// A JSON string's raw contents with its escapes undone (nil if they are malformed).
    private static func unescaped(_ raw: String) -> String? {
        guard raw.contains("\\") else { return raw }
        return try? JSONSerialization.jsonObject(with: Data("\"\(raw)\"".utf8), options: .fragmentsAllowed) as? String
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    private static func name(_ path: String) -> String { "\"\(path)\"" }
    private static func within(_ path: String) -> String { path.isEmpty ? "" : " (\(path))" }
    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
