import Foundation
internal import TOMLKit
internal import Yams

/// The three formats of Hugo configuration files, read into one tree and written as the lines
/// `tandem check` asks a user to add.
public enum HugoConfigurationFormat: String, Sendable, Codable {
    case toml, yaml, json

    /// The format of `file` by its extension (`.yml` too), if it is one.
    init?(file: String) {
        switch (file as NSString).pathExtension.lowercased() {
        case "toml": self = .toml
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }

    /// `text` as nested dictionaries with lower-cased keys (Hugo's keys are case-insensitive).
    func tree(of text: String, file: String) throws -> [String: Any] {
        let parsed: Any?
        do {
            switch self {
            case .toml:
                let json = try TOMLTable(string: text).convert(to: .json)
                parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
            case .yaml:
                parsed = try Yams.load(yaml: text, .default, .default, .utf8)
            case .json:
                parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            }
        } catch let error as TOMLParseError {
            throw TandemError.invalidValue(
                SourceLocation(file: file, line: error.source.begin.line, column: error.source.begin.column),
                message: "invalid TOML: \(error.description)")
        } catch {
            throw TandemError.invalidConfiguration(file: file, message: "invalid \(rawValue.uppercased()): \(error)")
        }
        guard let parsed else { return [:] }
        guard let tree = Self.lowercasingKeys(parsed) as? [String: Any] else {
            throw TandemError.invalidConfiguration(file: file, message: "expected a table of settings at the top level")
        }
        return tree
    }

    /// Hugo reads keys in any case. Two keys that differ only in case (`[Languages.en]` and
    /// `[languages.zh-cn]`) are one: their tables are merged, where keeping either one lost the
    /// other's languages, by the dictionary's order, a different one each run.
    private static func lowercasingKeys(_ value: Any) -> Any {
        var entries: [(String, Any)]?
        if let dictionary = value as? [String: Any] {
            entries = dictionary.map { ($0.key, $0.value) }
        } else if let dictionary = value as? [AnyHashable: Any] {
            entries = dictionary.map { ("\($0.key)", $0.value) }
        }
        if let entries {
            var result: [String: Any] = [:]
            // In a fixed order, so that a scalar set twice keeps the same value every run.
            for (key, child) in entries.sorted(by: { $0.0 < $1.0 }) {
                let lowered = key.lowercased()
                let value = lowercasingKeys(child)
                if let existing = result[lowered] as? [String: Any], let table = value as? [String: Any] {
                    result[lowered] = existing.merging(table) { first, second in
                        if let first = first as? [String: Any], let second = second as? [String: Any] {
                            return first.merging(second) { $1 }
                        }
                        return second
                    }
                } else {
                    result[lowered] = value
                }
            }
            return result
        }
        if let array = value as? [Any] { return array.map { lowercasingKeys($0) } }
        return value
    }

    /// The lines that add `languages` (key, languageCode, weight) to a file of this format,
    /// under a `languages` key unless `topLevel` (a `config/_default/languages.*` file).
    func lines(adding languages: [HugoLanguage], topLevel: Bool) -> String {
        switch self {
        case .toml:
            return languages.map { language in
                let header = topLevel ? "[\(language.key)]" : "[languages.\(language.key)]"
                return header + "\n" + (language.languageCode.map { "languageCode = \"\($0)\"\n" } ?? "") + "weight = \(language.weight)\n"
            }.joined(separator: "\n")
        case .yaml:
            let indent = topLevel ? "" : "  "
            return (topLevel ? "" : "languages:\n") + languages.map { language in
                "\(indent)\(language.key):\n" + (language.languageCode.map { "\(indent)  languageCode: \($0)\n" } ?? "")
                    + "\(indent)  weight: \(language.weight)\n"
            }.joined()
        case .json:
            let entries = languages.map { language in
                "\"\(language.key)\": {" + (language.languageCode.map { "\"languageCode\": \"\($0)\", " } ?? "") + "\"weight\": \(language.weight)}"
            }.joined(separator: ", ")
            return topLevel ? "{\(entries)}\n" : "\"languages\": {\(entries)}\n"
        }
    }

    /// The line that sets `defaultContentLanguage` (TOML: before the first table).
    func defaultLanguageLine(_ key: String) -> String {
        switch self {
        case .toml: return "defaultContentLanguage = \"\(key)\"\n"
        case .yaml: return "defaultContentLanguage: \(key)\n"
        case .json: return "\"defaultContentLanguage\": \"\(key)\"\n"
        }
    }
}
