import Foundation

/// One `<tu>` as read from a TMX file: its variants in every language, with placeholders
/// standing for the inline codes, and the metadata Tandem keeps.
public struct TMXTranslationUnit: Equatable, Sendable {
    /// One `<tuv>`.
    public struct Variant: Equatable, Sendable {
        public var locale: LocaleTag
        /// The `<seg>` text; `bpt`/`ept`/`it`/`ph` became `{n}`, `{/n}`, `{n/}`.
        public var text: String
        public init(locale: LocaleTag, text: String) {
            self.locale = locale
            self.text = text
        }
    }

    public var variants: [Variant] = []
    /// The language the unit is translated from: the `<tu srclang>`, else the header's (when a
    /// variant is in it and the file is not from Translate Toolkit, whose `po2tmx` writes `en`
    /// whatever the language), else the first variant's.
    public var sourceLocale: LocaleTag?
    public var tuid: String?
    public var creator: String?
    public var created: Date?
    public var changed: Date?
    /// `<prop type="…">` values (Tandem writes `x-tandem-…` ones: context keys, origin, state).
    public var properties: [String: String] = [:]
    /// Line of the `<tu>` start tag, for messages.
    public var line: Int = 0

    public init() {}
}
