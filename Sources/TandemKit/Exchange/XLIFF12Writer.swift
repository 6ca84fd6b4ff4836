/// Writes XLIFF 1.2 documents valid against the OASIS strict schema, one `<file>` per post.
///
/// - A segment is a `<trans-unit>` whose `id` is the segment id and `resname` its location;
///   `xml:space="preserve"` keeps its white space.
/// - Inline codes come from `InlineCodeSet`: a pair inside the segment is `<g>`, a standalone
///   code `<x/>`, an end whose partner is in another sentence `<bx/>`/`<ex/>`; `id` is the
///   placeholder number, `ctype` the kind (`bold`, `italic`, `link`, `lb`, or `x-…`), and
///   `<x/>`/`<bx/>`/`<ex/>` carry the Markdown bytes in `equiv-text` for a translator to read.
///   The bytes are not needed back: import maps ids to the segment file's `codes`, so a tool
///   that drops `equiv-text` loses nothing.
/// - `<target>`: the current target, or with `prefillTargets` a copy of the source (OmegaT 3.6
///   skips units without a target); `state` and `approved` from the segment's state.
/// - Glossary terms and notes are `<note>`s, the location a `<context-group purpose="location">`,
///   memory candidates `<alt-trans match-quality origin>`. The target the unit had at export
///   is kept in a `x-tandem-exported-target` context, so import can tell a translator's change
///   from an edit made in Tandem meanwhile.
public struct XLIFF12Writer: Sendable {
    public var prefillTargets: Bool
    public var toolVersion: String

    public init(prefillTargets: Bool = true, toolVersion: String) {
        self.prefillTargets = prefillTargets
        self.toolVersion = toolVersion
    }

    /// The namespace of XLIFF 1.2.
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// The context type holding the target a unit had when it was exported.
    public static let exportedTargetContext = "x-tandem-exported-target"

    /// The whole document.
    public func document(_ documents: [ExchangeDocument]) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<xliff version=\"1.2\" xmlns=\"\(Self.namespace)\">\n"
        for document in documents { output += file(document) }
        output += "</xliff>\n"
        return output
    }

    private func file(_ document: ExchangeDocument) -> String {
        var output = "  <file original=\"\(XMLEscaping.attribute(document.original))\" datatype=\"x-markdown\""
        output += " source-language=\"\(document.sourceLocale.identifier)\" target-language=\"\(document.targetLocale.identifier)\">\n"
        output += "    <header>\n      <tool tool-id=\"tandem\" tool-name=\"Tandem\" tool-version=\"\(XMLEscaping.attribute(toolVersion))\"/>\n    </header>\n"
        output += "    <body>\n"
        for segment in document.segments { output += unit(segment) }
        output += "    </body>\n  </file>\n"
        return output
    }

    private func unit(_ segment: SegmentEntry) -> String {
        let codes = segment.inlineCodes
        let approved = segment.state >= .reviewed ? "yes" : "no"
        var output = "      <trans-unit id=\"\(XMLEscaping.attribute(segment.id))\" resname=\"\(XMLEscaping.attribute(segment.location))\""
        output += " approved=\"\(approved)\" xml:space=\"preserve\">\n"
        output += "        <source>\(Self.inline(segment.source, codes: codes))</source>\n"
        // A target whose placeholders are broken (a hand edit) is not handed out: the translator
        // starts from the source and is told why; the segment file keeps it.
        let brokenTarget = segment.target.map { codes.problems(in: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let usableTarget = brokenTarget == nil ? segment.target : nil
        if let target = usableTarget ?? (prefillTargets ? segment.source : nil) {
            let state = usableTarget == nil ? "needs-translation" : Self.state(of: segment)
            output += "        <target state=\"\(state)\">\(Self.inline(target, codes: codes))</target>\n"
        }
        output += "        <context-group purpose=\"location\">\n"
        output += "          <context context-type=\"x-location\">\(XMLEscaping.text(segment.location))</context>\n"
        output += "        </context-group>\n"
        output += "        <context-group purpose=\"information\">\n"
        output += "          <context context-type=\"\(Self.exportedTargetContext)\">\(XMLEscaping.text(segment.target ?? ""))</context>\n"
        output += "        </context-group>\n"
        for term in segment.terms ?? [] {
            let text = term.translatorNote
            output += "        <note from=\"glossary\" annotates=\"source\">\(XMLEscaping.text(text))</note>\n"
        }
        for note in segment.notes ?? [] {
            output += "        <note from=\"translator\">\(XMLEscaping.text(note))</note>\n"
        }
        if let links = Self.linkNote(codes) {
            output += "        <note from=\"tandem\" annotates=\"source\">\(XMLEscaping.text(links))</note>\n"
        }
        if let brokenTarget {
            let reasons = brokenTarget.map(\.description).joined(separator: "; ")
            output += "        <note from=\"tandem\">\(XMLEscaping.text("The target in Tandem cannot be built (\(reasons)): " + (segment.target ?? "")))</note>\n"
        }
        if let previous = segment.previousSource {
            output += "        <note from=\"tandem\" annotates=\"source\">\(XMLEscaping.text("Previous source: " + previous))</note>\n"
        }
        for candidate in segment.candidates ?? [] {
            let origin = candidate.origin.map { " origin=\"\(XMLEscaping.attribute($0))\"" } ?? ""
            output += "        <alt-trans match-quality=\"\(min(candidate.score, 101))%\"\(origin) tool-id=\"tandem\">\n"
            // The stored source's codes are not the segment's: they are written as plain tokens.
            output += "          <source>\(XMLEscaping.text(candidate.source))</source>\n"
            output += "          <target>\(XMLEscaping.text(candidate.target))</target>\n"
            output += "        </alt-trans>\n"
        }
        output += "      </trans-unit>\n"
        return output
    }

    /// XLIFF 1.2 `state` for a segment's state.
    static func state(of segment: SegmentEntry) -> String {
        guard segment.target != nil else { return "needs-translation" }
        switch segment.state {
        case .new: return "needs-translation"
        case .fuzzy: return "needs-review-translation"
        case .translated: return "translated"
        case .reviewed: return "signed-off"
        case .final: return "final"
        }
    }

    /// `text` with its placeholders as XLIFF 1.2 inline elements.
    static func inline(_ text: String, codes: InlineCodeSet) -> String {
        let coded = CodedText(text)
        let paired = coded.nestedPairNumbers
        var output = ""
        for piece in coded.pieces {
            switch piece {
            case .text(let run):
                output += XMLEscaping.text(run)
            case .placeholder(let placeholder):
                let code = codes[placeholder]
                let equiv = code.map { $0.originalData.isEmpty ? "" : " equiv-text=\"\(XMLEscaping.attribute($0.originalData))\"" } ?? ""
                let kind = code?.kind ?? .other
                switch placeholder {
                case .open(let n) where paired.contains(n):
                    output += "<g id=\"\(n)\" ctype=\"\(pairType(kind))\">"
                case .close(let n) where paired.contains(n):
                    output += "</g>"
                case .open(let n):
                    output += "<bx id=\"\(n)\" ctype=\"\(pairType(kind))\"\(equiv)/>"
                case .close(let n):
                    output += "<ex id=\"\(n)\"\(equiv)/>"
                case .standalone(let n):
                    output += "<x id=\"\(n)\" ctype=\"\(placeholderType(kind))\"\(equiv)/>"
                }
            }
        }
        return output
    }

    /// `ctype` of `<g>`/`<bx>`: the schema's delimiter names where one fits.
    static func pairType(_ kind: InlineCodeKind) -> String {
        switch kind {
        case .strong: return "bold"
        case .emphasis: return "italic"
        case .link: return "link"
        default: return "x-\(kind.rawValue)"
        }
    }

    /// `ctype` of `<x/>`: the schema's placeholder names where one fits.
    static func placeholderType(_ kind: InlineCodeKind) -> String {
        switch kind {
        case .lineBreak, .hardBreak: return "lb"
        case .image: return "image"
        default: return "x-\(kind.rawValue)"
        }
    }

    /// Where the segment's links and images point (`Link {1}…{/1}: https://…`): a `<g>` carries
    /// no Markdown in XLIFF 1.2, so a translator saw a link's text but never its address.
    static func linkNote(_ codes: InlineCodeSet) -> String? {
        var lines: [String] = []
        for code in codes.sorted where code.kind == .link || code.kind == .image {
            guard case .close(let number) = code.placeholder else { continue }
            let data = code.originalData
            guard let open = data.range(of: "](") else { continue }
            var address = data[open.upperBound...].dropLast(data.hasSuffix(")") ? 1 : 0)
            if let space = address.firstIndex(of: " ") { address = address[..<space] }
            guard !address.isEmpty else { continue }
            lines.append("\(code.kind == .image ? "Image" : "Link") {\(number)}…{/\(number)}: \(address)")
        }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }
}
