import Foundation
internal import Yams

/// Decoding Tandem's own YAML files (`tandem.yml`, `locales/<tag>.yml`): typed decoding only,
/// errors naming the file and the key, unknown keys refused.
enum YAMLConfigurationFile {
    /// The largest settings file read.
    static let configurationSizeLimit = 1 << 20

    /// `file` decoded as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        // Settings are a few hundred bytes: a megabyte is a mistake or an attack (a 50 MB
        // scalar keeps the YAML parser busy for minutes), refused before parsing.
        let text = try TextFile.decodeText(TextFile.readBytes(file, limit: configurationSizeLimit), path: file.path)
        do {
            // Parsed without tag rules (`Resolver.basic`): Yams' own `decode(_:from: String)`
            // compiles an ICU regular expression for YAML merge keys (`<<`) on first use, over a
            // millisecond of every command's start, and a settings file has no use for merges
            // (`<<` is an unknown key, refused like any other). Typed decoding reads the scalars
            // itself, so nothing else depends on the tags.
            let parser = try Parser(yaml: text, resolver: .basic)
            return try withExtendedLifetime(parser) {
                try YAMLDecoder().decode(type, from: try parser.singleRoot() ?? Node(""))
            }
        } catch let error as DecodingError {
            throw locatedError(error, in: text, file: file.path)
        } catch let error as YamlError {
            throw locatedError(error, file: file.path)
        }
    }

    /// Throws when `decoder`'s mapping holds a key not in `known`, so a typo never silently
    /// falls back to a default.
    static func rejectUnknownKeys(_ decoder: Decoder, known: [String]) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let knownSet = Set(known)
        if let unknown = container.allKeys.first(where: { !knownSet.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container,
                debugDescription: "unknown key '\(unknown.stringValue)'; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }
}
