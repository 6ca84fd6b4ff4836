import Foundation
internal import Yams

extension YAMLConfigurationFile {
    /// The error for `error` in `file` (text `text`): at the line and column of the key or value
    /// it is about (Yams' nodes carry their marks), worded for the person editing the file.
    static func locatedError(_ error: DecodingError, in text: String, file: String) -> TandemError {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        @unknown default: return .invalidConfiguration(file: file, message: error.tandemDescription)
        }
        // Yams' decoder wraps a syntax error (a duplicate key too): it has its own mark.
        if let yamlError = context.underlyingError as? YamlError { return locatedError(yamlError, file: file) }
        let (line, column) = position(of: context.codingPath, in: text)
        let keyPath = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        let message: String
        switch error {
        case .typeMismatch(let type, _), .valueNotFound(let type, _):
            message = keyPath.isEmpty
                ? "the file holds no settings; expected a mapping such as 'source: zh-CN' and 'targets: [en]' (tandem init writes one)"
                : "\(keyPath): expected \(plainName(of: type))"
        case .keyNotFound(let key, _):
            message = "\(keyPath.isEmpty ? "" : keyPath + ": ")missing key '\(key.stringValue)'"
        default:
            message = keyPath.isEmpty ? context.debugDescription : "\(keyPath): \(context.debugDescription)"
        }
        return .invalidValue(SourceLocation(file: file, line: line, column: column), message: message)
    }

    /// A YAML syntax error at its mark.
    static func locatedError(_ error: YamlError, file: String) -> TandemError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .invalidValue(SourceLocation(file: file, line: mark.line, column: mark.column), message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let second = YAMLDuplicateKey.secondOccurrence(of: key, firstLine: context.mark.line, column: context.mark.column, in: context.text)
                ?? (context.mark.line, context.mark.column)
            return .invalidValue(SourceLocation(file: file, line: second.line, column: second.column), message: "duplicate key '\(key)'; each key may appear once")
        default:
            return .invalidConfiguration(file: file, message: "invalid YAML: \(error)")
        }
    }

    /// The line and column of the node `path` leads to (a mapping entry's key), or of the
    /// deepest node found on the way; 1:1 when the text does not compose.
    private static func position(of path: [CodingKey], in text: String) -> (Int, Int) {
        guard var node = (try? Yams.compose(yaml: text, .default, .default, .utf8)) ?? nil else { return (1, 1) }
        var mark = node.mark
        for key in path {
            switch node {
            case .mapping(let mapping):
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { return place(mark) }
                mark = pair.key.mark
                node = pair.value
            case .sequence(let sequence):
                guard let index = key.intValue, index < sequence.count else { return place(mark) }
                node = sequence[index]
                mark = node.mark
            default:
                return place(mark)
            }
        }
        return place(mark)
    }

    private static func place(_ mark: Mark?) -> (Int, Int) { (mark?.line ?? 1, mark?.column ?? 1) }

    /// `Array<LocaleTag>` as "a list", `String` as "a string"…: what a YAML author writes.
    private static func plainName(of type: Any.Type) -> String {
        let name = String(describing: type)
        // Yams names the node it wanted: `Sequence`, `Mapping`.
        if name.hasPrefix("Array<") || name == "Sequence" { return "a list, such as [en, ja]" }
        if name.hasPrefix("Dictionary<") || name == "Mapping" { return "a mapping of keys to values" }
        switch name {
        case "String": return "a string"
        case "Int", "Double", "Float": return "a number"
        case "Bool": return "true or false"
        default: return "a value of type \(name)"
        }
    }
}
