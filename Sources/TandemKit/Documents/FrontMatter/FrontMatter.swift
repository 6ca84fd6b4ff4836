/// A post's front matter: where the block is and its top-level fields.
public struct FrontMatter: Sendable {
    public var block: FrontMatterBlock
    /// Top-level keys in file order.
    public var fields: [FrontMatterField]
    /// String values (and lists of strings) inside nested maps, in file order, each keyed by its
    /// path (`menu.main.name`): YAML block mappings, JSON objects, TOML tables (`[menu.main]`)
    /// and dotted keys; and inside maps that are items of a list, keyed by the item's position
    /// from 0 (`resources.0.title`: YAML block sequences, JSON arrays, TOML arrays of tables
    /// `[[resources]]`). Flow mappings and inline tables are not entered (a splice inside them
    /// is not located reliably, and no Hugo setting lives there).
    public var nestedFields: [FrontMatterField] = []
    /// Top-level string values written with a YAML alias or anchor, which a splice would
    /// corrupt: refused when Tandem rewrites their key (`refuseAliases(rewriting:)`).
    var aliasedValues: [AliasedValue] = []

    /// Front matter larger than this is refused: it is metadata, not content.
    public static let sizeLimit = 256 * 1024

    public init(block: FrontMatterBlock, fields: [FrontMatterField]) {
        self.block = block
        self.fields = fields
    }

    public var syntax: FrontMatterBlock.Syntax { block.syntax }

    public subscript(key: String) -> FrontMatterField? {
        fields.first { $0.key == key }
    }

    /// The field `key` as Hugo finds it: in any case (`linktitle`, `URL:`), the exact spelling first.
    public func field(anyCase key: String) -> FrontMatterField? {
        self[key] ?? fields.first { $0.key.lowercased() == key.lowercased() }
    }

    /// The nested fields `path` names (`menu.*.name`), in file order.
    public func nestedFields(matching path: FrontMatterKeyPath) -> [FrontMatterField] {
        nestedFields.filter { path.matches($0.key) }
    }

    /// How deep nested maps are entered: Hugo's own settings are two or three levels down.
    static let nestingLimit = 8

    /// Reads the front matter of `bytes` (a whole file), or `nil` when there is none.
    public static func read(_ bytes: [UInt8], path: String) throws -> FrontMatter? {
        guard let block = FrontMatterBlock.locate(in: bytes) else {
            if let syntax = FrontMatterBlock.unclosedOpening(in: bytes) {
                let location = SourceLocation(file: path, line: 1, column: 1)
                let expected = switch syntax {
                case .yaml: "a closing --- line"
                case .toml: "a closing +++ line"
                case .json: "the closing } of the JSON object"
                }
                throw TandemError.invalidValue(location, message: "front matter is never closed; expected \(expected) (Hugo refuses the file too)")
            }
            return nil
        }
        if block.contentRange.count > sizeLimit {
            let location = SourceLocation(file: path, line: 1, column: 1)
            throw TandemError.invalidValue(location, message: "front matter is \(block.contentRange.count) bytes; at most \(sizeLimit) are accepted")
        }
        switch block.syntax {
        case .yaml: return try YAMLFrontMatterReader(bytes: bytes, block: block, path: path).read()
        case .toml: return try TOMLFrontMatterReader(bytes: bytes, block: block, path: path).read()
        case .json: return try JSONFrontMatterReader(bytes: bytes, block: block, path: path).read()
        }
    }
}
