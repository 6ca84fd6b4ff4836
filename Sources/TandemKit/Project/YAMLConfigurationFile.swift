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
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            return try withExtendedLifetime(parser) {
                let root = try parser.singleRoot() ?? Node("", Tag(.implicit, .basic, .default))
                return try YAMLDecoder().decode(type, from: root, userInfo: [rootNodeKey: root])
            }
        } catch let error as DecodingError {
            throw locatedError(error, in: text, file: file.path)
        } catch let error as YamlError {
            throw locatedError(error, file: file.path)
        }
    }

    /// Where `decode(_:from:)` puts the document's root node for `rejectUnknownKeys`.
    private static let rootNodeKey = CodingUserInfoKey(rawValue: "tandem.yamlRootNode")!

    /// Throws when `decoder`'s mapping holds a key not in `known`, so a typo never silently
    /// falls back to a default.
    static func rejectUnknownKeys(_ decoder: Decoder, known: [String]) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let knownSet = Set(known)
        // The keys read from the document's nodes rather than Yams' `allKeys`, whose filter
        // builds a node with the default tag rules and so compiles their seven ICU regular
        // expressions: 1.5 ms (6 %) of a cold `tm lookup`, paid by every command that reads
        // `tandem.yml`.
        let keys = mappingKeys(at: decoder.codingPath, in: decoder.userInfo[rootNodeKey] as? Node)
            ?? container.allKeys.map(\.stringValue)
        if let unknown = keys.first(where: { !knownSet.contains($0) }).map(AnyCodingKey.init(stringValue:)) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container,
                debugDescription: "unknown key '\(unknown.stringValue)'; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }

    /// The keys of the mapping `path` leads to from `root`, in document order; nil when the
    /// path does not lead to a mapping (the caller then asks the decoder).
    private static func mappingKeys(at path: [CodingKey], in root: Node?) -> [String]? {
        guard var node = root else { return nil }
        for key in path {
            switch node {
            case .mapping(let mapping):
                // By the keys' text: `mapping[key]` would compare nodes, whose tags resolve.
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { return nil }
                node = pair.value
            case .sequence(let sequence):
                guard let index = key.intValue, sequence.indices.contains(index) else { return nil }
                node = sequence[index]
            default:
                return nil
            }
        }
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.keys.compactMap(\.string)
    }
}
