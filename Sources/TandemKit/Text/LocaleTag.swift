import Foundation

/// A BCP 47 language tag such as `zh-CN` or `en`, checked to be well-formed.
///
/// Tags end up in file names (`locales/<tag>/…`, `foo.<tag>.md`), so only the letters, digits
/// and hyphens of BCP 47 are accepted: a tag can never carry a path separator.
public struct LocaleTag: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The tag in BCP 47's canonical case, such as `zh-CN` (also for `zh-cn` or `ZH-cn`).
    public let identifier: String

    /// Validates `identifier`: a 2–3 letter language, then subtags of 1–8 letters or digits.
    /// The tag is kept in canonical case (language lower, script title, region upper, the rest
    /// lower; RFC 5646 §2.1.1), so `EN` and `en` are one locale and compare equal everywhere.
    public init?(_ identifier: String) {
        let subtags = identifier.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count),
                  subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
        }
        self.identifier = Self.canonicalCase(subtags)
    }

    private static func canonicalCase(_ subtags: [Substring]) -> String {
        var output: [String] = []
        var afterSingleton = false
        for (index, subtag) in subtags.enumerated() {
            if index > 0, !afterSingleton, subtag.count == 4, subtag.allSatisfy(\.isLetter) {
                output.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            } else if index > 0, !afterSingleton, subtag.count == 2 || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)) {
                output.append(subtag.uppercased())
            } else {
                output.append(subtag.lowercased())
            }
            // After a singleton (`x-`, `u-`) every subtag is lower case.
            if index > 0, subtag.count == 1 { afterSingleton = true }
        }
        return output.joined(separator: "-")
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let tag = LocaleTag(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a BCP 47 language tag such as zh-CN or en")
        }
        self = tag
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }

    /// The primary language subtag, lower-cased (`zh` for `zh-CN`).
    public var language: String { String(identifier.split(separator: "-")[0]).lowercased() }

    /// The region subtag, upper-cased (`CN` for `zh-CN` and `zh-Hans-CN`, `419` for `es-419`), nil
    /// when the tag has none.
    public var region: String? {
        let subtags = identifier.split(separator: "-").dropFirst()
        for subtag in subtags.prefix(2) {
            if subtag.count == 2, subtag.allSatisfy(\.isLetter) { return subtag.uppercased() }
            if subtag.count == 3, subtag.allSatisfy(\.isNumber) { return String(subtag) }
            if subtag.count != 4 { return nil }
        }
        return nil
    }

    /// ICU's spelling of the tag (`zh_CN`).
    public var icuIdentifier: String { identifier.replacingOccurrences(of: "-", with: "_") }

    public var description: String { identifier }

    public static func < (lhs: LocaleTag, rhs: LocaleTag) -> Bool { lhs.identifier < rhs.identifier }
}
