/// What a segment file may hold, key by key: the hand-edit check (`SegmentFileValidator`) walks
/// a file against it, because `JSONDecoder` silently drops keys it does not know, and a
/// misspelled `"target"` would otherwise lose a translation at the next `extract`.
///
/// Kept next to `SegmentFile`, `SegmentEntry`, `MatchCandidate` and `TermNote`: a field added
/// there must be added here (`SegmentFileHandEditTests.theSchemaListsEveryStoredProperty`
/// fails until it is).
enum SegmentFileSchema {
    /// The JSON a value must be.
    indirect enum Shape: Sendable {
        case string
        /// A JSON number without fraction or exponent.
        case integer
        /// A string that is one of `allowed`.
        case oneOf(String, allowed: [String])
        /// A string that `LocaleTag` accepts.
        case localeTag
        case array(Shape)
        /// An object with any keys whose values are strings (`codes`).
        case stringMap
        case object(ObjectShape)

        /// How a message names it: "a string", "an array of segments".
        var description: String {
            switch self {
            case .string, .oneOf, .localeTag: return "a string"
            case .integer: return "a whole number"
            case .array(let element): return "an array of \(element.pluralDescription)"
            case .stringMap: return "an object of strings"
            case .object(let shape): return shape.name
            }
        }

        var pluralDescription: String {
            switch self {
            case .string, .oneOf, .localeTag: return "strings"
            case .integer: return "whole numbers"
            case .array: return "arrays"
            case .stringMap: return "objects of strings"
            case .object(let shape): return shape.pluralName
            }
        }
    }

    /// One kind of JSON object and its keys.
    struct ObjectShape: Sendable {
        /// "a segment", for messages.
        let name: String
        let pluralName: String
        /// In the order messages list them.
        let fields: [Field]
        /// A segment: a `translated`, `reviewed` or `final` state needs a `target`.
        let needsTargetWhenTranslated: Bool
        let allowedKeys: [String]
        /// The keys' UTF-8, to compare with a file's bytes without making strings.
        let keyBytes: [[UInt8]]

        init(name: String, pluralName: String, fields: [Field], needsTargetWhenTranslated: Bool = false) {
            self.name = name
            self.pluralName = pluralName
            self.fields = fields
            self.needsTargetWhenTranslated = needsTargetWhenTranslated
            allowedKeys = fields.map(\.key)
            keyBytes = fields.map { Array($0.key.utf8) }
        }

        func field(_ key: String) -> Field? { fields.first { $0.key == key } }
    }

    struct Field: Sendable {
        let key: String
        let shape: Shape
        /// Required keys may not be missing or `null`; optional ones may be either (as
        /// `JSONDecoder` decodes optionals).
        let required: Bool
    }

    static let states = SegmentState.allCases.map(\.rawValue)
    static let origins = TargetOrigin.allCases.map(\.rawValue)

    static let matchCandidate = ObjectShape(name: "a match candidate", pluralName: "match candidates", fields: [
        Field(key: "score", shape: .integer, required: true),
        Field(key: "source", shape: .string, required: true),
        Field(key: "target", shape: .string, required: true),
        Field(key: "origin", shape: .string, required: false),
        Field(key: "diff", shape: .string, required: false),
    ])

    static let termNote = ObjectShape(name: "a term note", pluralName: "term notes", fields: [
        Field(key: "term", shape: .string, required: true),
        Field(key: "target", shape: .string, required: true),
        Field(key: "kind", shape: .string, required: true),
        Field(key: "comment", shape: .string, required: false),
        Field(key: "forbidden", shape: .array(.string), required: false),
    ])

    static let segment = ObjectShape(name: "a segment", pluralName: "segments", fields: [
        Field(key: "id", shape: .string, required: true),
        Field(key: "location", shape: .string, required: true),
        Field(key: "source", shape: .string, required: true),
        Field(key: "codes", shape: .stringMap, required: false),
        Field(key: "target", shape: .string, required: false),
        Field(key: "state", shape: .oneOf("state", allowed: states), required: true),
        Field(key: "origin", shape: .oneOf("origin", allowed: origins), required: false),
        Field(key: "previousSource", shape: .string, required: false),
        Field(key: "candidates", shape: .array(.object(matchCandidate)), required: false),
        Field(key: "terms", shape: .array(.object(termNote)), required: false),
        Field(key: "notes", shape: .array(.string), required: false),
        Field(key: "lintDisable", shape: .array(.string), required: false),
    ], needsTargetWhenTranslated: true)

    static let ownFrontMatterEntry = ObjectShape(name: "a front matter entry", pluralName: "front matter entries", fields: [
        Field(key: "key", shape: .string, required: true),
        Field(key: "text", shape: .string, required: true),
        Field(key: "replaced", shape: .string, required: false),
    ])

    static let ownFrontMatter = ObjectShape(name: "the page's own front matter", pluralName: "front matters", fields: [
        Field(key: "syntax", shape: .oneOf("syntax", allowed: ["yaml", "toml"]), required: true),
        Field(key: "entries", shape: .array(.object(ownFrontMatterEntry)), required: true),
    ])

    static let file = ObjectShape(name: "a segment file", pluralName: "segment files", fields: [
        Field(key: "formatVersion", shape: .integer, required: true),
        Field(key: "source", shape: .string, required: true),
        Field(key: "sourceLocale", shape: .localeTag, required: true),
        Field(key: "targetLocale", shape: .localeTag, required: true),
        Field(key: "segments", shape: .array(.object(segment)), required: true),
        Field(key: "obsolete", shape: .array(.object(segment)), required: false),
        Field(key: "lintDisable", shape: .array(.string), required: false),
        Field(key: "ownFrontMatter", shape: .object(ownFrontMatter), required: false),
    ])
}
