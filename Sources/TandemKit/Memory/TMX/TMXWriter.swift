import Foundation

/// Writes translation units as TMX 1.4b that validates against the LISA DTD.
///
/// Placeholders become inline codes (`{1}` → `<bpt i="1" x="1">`, `{/1}` → `<ept i="1">`,
/// unpaired ones `<it>`, `{2/}` → `<ph x="2">`); the code's content is the placeholder itself,
/// since a unit keeps no native bytes. Characters XML 1.0 cannot carry (C0 controls other than
/// tab and newlines, U+FFFE, U+FFFF — real gettext catalogs hold BEL and ESC) are written as
/// `<ph type="x-tandem-control">HEX</ph>` and read back as the character.
/// Context keys, origin and state travel as `x-tandem-…` properties. Text that reads as a
/// placeholder but was imported as text (`LiteralPlaceholderEscape`) is written as the text it was.
public struct TMXWriter {
    static let controlCharacterType = "x-tandem-control"

    /// Property names for what TMX has no attribute for.
    enum Property {
        static let previousKey = "x-tandem-previous"
        static let nextKey = "x-tandem-next"
        static let originFile = "x-tandem-origin-file"
        static let originSegment = "x-tandem-origin-segment"
        static let state = "x-tandem-state"
    }

    private let file: AtomicFileWriter

    /// Starts a TMX at `destination` (replaced atomically by `finish()`).
    public init(destination: URL, sourceLocale: LocaleTag?, toolVersion: String) throws {
        file = try AtomicFileWriter(destination: destination)
        try file.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Tandem" creationtoolversion="\(Self.attribute(toolVersion))" segtype="sentence" o-tmf="Tandem" adminlang="en" srclang="\(sourceLocale.map { Self.attribute($0.identifier) } ?? "*all*")" datatype="plaintext"/>
              <body>

            """)
    }

    /// Appends one unit as a `<tu>` with a source and a target variant.
    public func write(_ unit: MemoryUnit) throws {
        var tu = "    <tu srclang=\"\(Self.attribute(unit.sourceLocale.identifier))\""
        tu += " creationdate=\"\(TMXDate.format(unit.created))\" changedate=\"\(TMXDate.format(unit.changed))\""
        if let creator = unit.creator { tu += " creationid=\"\(Self.attribute(creator))\"" }
        tu += ">\n"
        func property(_ type: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            tu += "      <prop type=\"\(type)\">\(Self.text(value))</prop>\n"
        }
        property(Property.previousKey, unit.previousKey)
        property(Property.nextKey, unit.nextKey)
        property(Property.originFile, unit.originFile)
        property(Property.originSegment, unit.originSegment)
        property(Property.state, unit.state.rawValue)
        for (locale, text) in [(unit.sourceLocale, unit.source), (unit.targetLocale, unit.target)] {
            tu += "      <tuv xml:lang=\"\(Self.attribute(locale.identifier))\"><seg>\(Self.segment(text))</seg></tuv>\n"
        }
        tu += "    </tu>\n"
        try file.write(tu)
    }

    /// Closes the document and puts the file in place.
    public func finish() throws {
        try file.write("  </body>\n</tmx>\n")
        try file.commit()
    }

    /// Leaves the destination as it was.
    public func abandon() { file.abandon() }

    /// `text` with placeholders as TMX inline codes.
    static func segment(_ text: String) -> String {
        let coded = CodedText(text)
        // Pairs whose both ends are in the segment, in order, become bpt/ept; the rest it.
        let paired = coded.pairedNumbers
        var output = ""
        for piece in coded.pieces {
            switch piece {
            // Escaped lookalikes go back to the literal text the other tool wrote.
            case .text(let run): output += Self.text(LiteralPlaceholderEscape.restoring(run), controlsAsCodes: true)
            case .placeholder(let placeholder):
                let token = placeholder.token
                switch placeholder {
                case .open(let n) where paired.contains(n): output += "<bpt i=\"\(n)\" x=\"\(n)\">\(token)</bpt>"
                case .open(let n): output += "<it pos=\"begin\" x=\"\(n)\">\(token)</it>"
                case .close(let n) where paired.contains(n): output += "<ept i=\"\(n)\">\(token)</ept>"
                case .close(let n): output += "<it pos=\"end\" x=\"\(n)\">\(token)</it>"
                case .standalone(let n): output += "<ph x=\"\(n)\">\(token)</ph>"
                }
            }
        }
        return output
    }

    /// Escaped character data; in a segment, characters XML cannot hold become
    /// `<ph type="x-tandem-control">HEX</ph>` (read back as the character), elsewhere U+FFFD.
    static func text(_ value: String, controlsAsCodes: Bool = false) -> String {
        guard controlsAsCodes else { return XMLEscaping.text(value) }
        return XMLEscaping.text(value) { scalar in
            "<ph type=\"\(controlCharacterType)\">\(String(scalar.value, radix: 16, uppercase: true))</ph>"
        }
    }

    /// An attribute value for double quotes.
    static func attribute(_ value: String) -> String { XMLEscaping.attribute(value) }
}
