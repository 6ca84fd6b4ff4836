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

    private static func lowercasingKeys(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return Dictionary(dictionary.map { ($0.key.lowercased(), lowercasingKeys($0.value)) }) { $1 }
        }
        if let dictionary = value as? [AnyHashable: Any] {
            return Dictionary(dictionary.map { ("\($0.key)".lowercased(), lowercasingKeys($0.value)) }) { $1 }
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
