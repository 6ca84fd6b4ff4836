import Foundation

/// A Hugo post: its bytes, front matter and translatable units, ready to be segmented or built.
public struct HugoDocument: Sendable {
    /// The path used in messages.
    public let path: String
    public let bytes: [UInt8]
    public let frontMatter: FrontMatter?
    /// Where the Markdown body starts (after the front matter block).
    public let bodyStart: Int
    /// Front matter values to translate, then the body's units, in document order.
    public let units: [TranslatableUnit]
    /// The body's code blocks and its shortcodes (with the whole of a raw-content shortcode),
    /// as byte ranges of `bytes`: what `UntranslatedTextFinder` needs to tell code from text.
    let codeBlocks: [Range<Int>]
    /// The body's inline code spans as cmark reads them (backticks included).
    let codeSpans: [Range<Int>]
    /// Links to a heading's automatic id in Han or kana, which a translated heading does not
    /// keep (`HeadingFragmentLinks`): the link's offset and its fragment.
    let headingFragmentLinks: [(offset: Int, fragment: String)]
    let opaqueSpans: [Range<Int>]

    /// Parses `bytes`. `translatableKeys` are the front matter keys whose string values (or
    /// lists of strings, item by item) are translated (paths such as `menu.*.name` reach into
    /// nested maps: `FrontMatterKeyPath`), `shortcodeParameters` the shortcode
    /// arguments that hold text (the policies in `tandem.yml`); `hardWraps`, the site's
    /// `markup.goldmark.renderer.hardWraps`: every line break of a paragraph is a hard one.
    public init(
        bytes: [UInt8], path: String, translatableKeys: [String] = FrontMatterPolicy.defaultKeys,
        shortcodeParameters: ShortcodeTextParameters = .defaults, hardWraps: Bool = false
    ) throws {
        try TextFile.refuseNUL(bytes, path: path)
        // Front matter first: a hostile block is refused before the whole file is looked at.
        let frontMatter = try FrontMatter.read(bytes, path: path)
        try frontMatter?.refuseAliases(rewriting: translatableKeys + FrontMatterPolicy.languageKeys + [FrontMatterPolicy.translationsKey])
        _ = try TextFile.decodeUTF8(bytes, path: path)
        self.path = path
        self.bytes = bytes
        self.frontMatter = frontMatter
        var bodyStart = frontMatter?.block.range.upperBound ?? 0
        if frontMatter == nil { while bytes[bodyStart...].starts(with: [0xEF, 0xBB, 0xBF]) { bodyStart += 3 } }
        self.bodyStart = bodyStart

        var units: [TranslatableUnit] = []
        if let frontMatter {
            for key in translatableKeys {
                // A path into nested maps (`menu.*.name`) names each field it matches, by its own path.
                let path = FrontMatterKeyPath(key)
                let named: [(key: String, field: FrontMatterField)] = path.isNested
                    ? frontMatter.nestedFields(matching: path).map { ($0.key, $0) }
                    : frontMatter.field(anyCase: key).map { [(key, $0)] } ?? []
                for (key, field) in named {
                    let values: [(location: String, value: String, item: Int?)]
                    switch field.value {
                    case .string(let value): values = [("front/\(key)", value, nil)]
                    case .strings(let items): values = items.enumerated().map { ("front/\(key)[\($0.offset + 1)]", $0.element, $0.offset) }
                    case .other: values = []
                    }
                    for (location, value, item) in values where !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        var unit = TranslatableUnit.plainText(location: location, origin: field.valueRange, text: Array(value.utf8))
                        unit.frontMatterField = field
                        unit.frontMatterItem = item
                        if unit.hasTranslatableText { units.append(unit) }
                    }
                }
            }
        }
        let body = Array(bytes[bodyStart...])
        var opaque = ShortcodeScanner.opaqueSpans(in: body, range: 0..<body.count, rawContent: shortcodeParameters.rawContent)
        let dividers = SummaryDivider.spansBeforeText(in: body).filter { divider in !opaque.contains { $0.overlaps(divider) } }
        if !dividers.isEmpty { opaque = (opaque + dividers).sorted { $0.lowerBound < $1.lowerBound } }
        let tree: MarkdownNode
        do {
            tree = try MarkdownParser.parse(ShortcodeScanner.masking(opaque, in: body))
        } catch {
            let offset = bodyStart + error.offset
            throw TandemError.invalidValue(
                SourceLocation(file: path, text: String(decoding: bytes[..<offset], as: UTF8.self), utf8Offset: offset),
                message: "Markdown nested deeper than \(error.limit) levels (lists, blockquotes, emphasis, links)")
        }
        let opaqueSpans = opaque.map { ($0.lowerBound + bodyStart)..<($0.upperBound + bodyStart) }
        let extracted = UnitExtractor.unitsAndCodeBlocks(
            of: tree, in: bytes, base: bodyStart, opaqueSpans: opaqueSpans, shortcodeParameters: shortcodeParameters, hardWraps: hardWraps)
        units += extracted.units
        self.codeBlocks = extracted.codeBlocks
        self.codeSpans = extracted.codeSpans
        // Only a body that links to a fragment at all (`](#`) is walked again: every post with a
        // heading holds a `#`.
        headingFragmentLinks = HeadingFragmentLinks.linksToAFragment(body) ? HeadingFragmentLinks.find(in: tree, bytes: bytes, base: bodyStart) : []
        self.opaqueSpans = opaqueSpans
        // A sentence numbers its codes from 1 (`Placeholder.numbers`): past the last number a
        // code could only be written as text, and the built post would lose its markup.
        if let crowded = units.first(where: { $0.pieces.count(where: \.isCode) > Placeholder.numbers.upperBound }) {
            let offset = crowded.frontMatterField?.valueRange.lowerBound ?? crowded.origin.lowerBound
            throw TandemError.invalidValue(
                SourceLocation(file: path, text: String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self), utf8Offset: offset),
                message: "\(crowded.location) holds more than \(Placeholder.numbers.upperBound) inline codes; split it into shorter paragraphs")
        }
        self.units = units
    }

    /// The newline the file uses ("\r\n" when its first line ends so).
    public var newline: String {
        guard let lf = bytes.firstIndex(of: 0x0A) else { return "\n" }
        return lf > 0 && bytes[lf - 1] == 0x0D ? "\r\n" : "\n"
    }
}
