import Foundation

/// Tandem's one JSON form, for segment files, reports and `--json` output alike: pretty,
/// sorted keys, slashes and UTF-8 left unescaped, so that it diffs and reads well and the same
/// value always gives the same bytes.
public enum JSONText {
    /// An encoder with that configuration (a new one each time: `JSONEncoder` is a class).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as that JSON (no final newline).
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
