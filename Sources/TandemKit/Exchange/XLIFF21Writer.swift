/// Writes XLIFF 2.1 documents valid against the OASIS core schema (2.0 namespace) and its
/// matches, glossary and metadata modules, one `<file>` per post.
///
/// - The root is `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1">`: XLIFF 2.1
///   keeps the 2.0 namespace and core schema (whose `version` accepts any value) and says 2.1 in
///   `version`. `trgLang` is always written, since every unit may carry a target.
/// - A segment is a `<unit id="SEGMENT-ID" name="LOCATION">` with one `<segment>`. Inline codes
///   come from `InlineCodeSet`: a pair nested inside the segment is `<pc>`, a standalone code
///   `<ph/>`, a pair whose ends cross another pair `<sc/>`…`<ec startRef/>`, an end whose partner
///   is in another sentence `<sc isolated="yes"/>`/`<ec isolated="yes"/>`. `id` is the
///   placeholder number; each code's Markdown bytes are a `<data>` in the unit's
///   `<originalData>` (`d1` for an opening or standalone code, `d1e` for a closing one), which a
///   tool may show but import does not need: it maps ids to the segment file's `codes`.
///   `canCopy="no"` always (build puts each code back once), `canDelete` only for a bare line
///   break, `canReorder="yes"`; `type`/`subType` from the code's kind (`fmt`/`xlf:b`, `link`,
///   `image`, `other`/`tandem:shortcode`…).
/// - `state`: new → `initial`, fuzzy → `initial` with `subState="tandem:fuzzy"` (XLIFF 2 has no
///   fuzzy state; `initial` keeps the target in a tool's to-do list, and a translator who
///   confirms it moves it to `translated`), translated, reviewed and final as named.
/// - Notes (glossary terms, translator notes, the previous source) are `<note>`s; glossary terms
///   also a `gls:glossary`, memory candidates `mtc:matches`. The target at export is kept in an
///   `mda:metadata` group (`tandem:exported-target`), so import can tell a translator's change
///   from an edit made in Tandem meanwhile.
public struct XLIFF21Writer: Sendable {
    public var prefillTargets: Bool
    public var toolVersion: String

    public init(prefillTargets: Bool = true, toolVersion: String) {
        self.prefillTargets = prefillTargets
        self.toolVersion = toolVersion
    }

    /// The namespace of XLIFF 2.0 and 2.1 core.
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"
    public static let glossaryNamespace = "urn:oasis:names:tc:xliff:glossary:2.0"
    public static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"
    /// The `mda:meta` type holding the target a unit had when it was exported.
    public static let exportedTargetMeta = "tandem:exported-target"
    /// The `subState` of a fuzzy target.
    public static let fuzzySubState = "tandem:fuzzy"

    /// The whole document.
    public func document(_ documents: [ExchangeDocument]) -> String {
        let source = documents.first?.sourceLocale.identifier ?? "und"
        let target = documents.first?.targetLocale.identifier ?? "und"
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<xliff xmlns=\"\(Self.namespace)\" xmlns:mtc=\"\(Self.matchesNamespace)\""
        output += " xmlns:gls=\"\(Self.glossaryNamespace)\" xmlns:mda=\"\(Self.metadataNamespace)\""
        output += " version=\"2.1\" srcLang=\"\(XMLEscaping.attribute(source))\" trgLang=\"\(XMLEscaping.attribute(target))\">\n"
        for (index, document) in documents.enumerated() { output += file(document, number: index + 1) }
        output += "</xliff>\n"
        return output
    }

    private func file(_ document: ExchangeDocument, number: Int) -> String {
        var output = "  <file id=\"f\(number)\" original=\"\(XMLEscaping.attribute(document.original))\">\n"
        output += "    <notes>\n      <note category=\"tool\">\(XMLEscaping.text("Tandem \(toolVersion)"))</note>\n    </notes>\n"
        for segment in document.segments { output += unit(segment) }
        output += "  </file>\n"
        return output
    }

    private func unit(_ segment: SegmentEntry) -> String {
        let codes = segment.inlineCodes
        var output = "    <unit id=\"\(XMLEscaping.attribute(segment.id))\" name=\"\(XMLEscaping.attribute(segment.location))\" xml:space=\"preserve\">\n"
        // Modules first: the schema puts foreign elements before <notes>.
        let candidates = segment.candidates ?? []
        if !candidates.isEmpty {
            output += "      <mtc:matches>\n"
            for candidate in candidates {
                let origin = candidate.origin.map { " origin=\"\(XMLEscaping.attribute($0))\"" } ?? ""
                output += "        <mtc:match ref=\"#s1\" type=\"tm\" matchQuality=\"\(min(max(candidate.score, 0), 100))\"\(origin)>\n"
                // The stored source's codes are not the segment's: they are written as plain tokens.
                output += "          <source>\(Self.text(candidate.source))</source>\n"
                output += "          <target>\(Self.text(candidate.target))</target>\n"
                output += "        </mtc:match>\n"
            }
            output += "      </mtc:matches>\n"
        }
        let terms = segment.terms ?? []
        if !terms.isEmpty {
            output += "      <gls:glossary>\n"
            for term in terms {
                output += "        <gls:glossEntry>\n"
                output += "          <gls:term source=\"tandem:\(XMLEscaping.attribute(term.kind))\">\(XMLEscaping.text(term.term))</gls:term>\n"
                // A forbidden term's target is the variant that must not appear: not a translation.
                if term.kind == "forbidden" {
                    output += "          <gls:definition source=\"tandem:forbidden\">\(XMLEscaping.text(term.translatorNote))</gls:definition>\n"
                } else {
                    output += "          <gls:translation>\(XMLEscaping.text(term.target))</gls:translation>\n"
                    if let comment = term.comment, !comment.isEmpty {
                        output += "          <gls:definition source=\"tandem:comment\">\(XMLEscaping.text(comment))</gls:definition>\n"
                    }
                }
                output += "        </gls:glossEntry>\n"
            }
            output += "      </gls:glossary>\n"
        }
        output += "      <mda:metadata>\n        <mda:metaGroup category=\"tandem\">\n"
        output += "          <mda:meta type=\"\(Self.exportedTargetMeta)\">\(XMLEscaping.text(segment.target ?? ""))</mda:meta>\n"
        output += "        </mda:metaGroup>\n      </mda:metadata>\n"

        // A target whose placeholders are broken (a hand edit) is not handed out: the translator
        // starts from the source and is told why; the segment file keeps it.
        let brokenTarget = segment.target.map { codes.problems(in: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var notes: [String] = []
        for term in terms {
            notes.append("<note category=\"glossary\" appliesTo=\"source\">\(XMLEscaping.text(term.translatorNote))</note>")
        }
        for note in segment.notes ?? [] { notes.append("<note category=\"translator\">\(XMLEscaping.text(note))</note>") }
        if let brokenTarget {
            let reasons = brokenTarget.map(\.description).joined(separator: "; ")
            notes.append("<note category=\"tandem\">\(XMLEscaping.text("The target in Tandem cannot be built (\(reasons)): " + (segment.target ?? "")))</note>")
        }
        if let previous = segment.previousSource {
            notes.append("<note category=\"tandem\" appliesTo=\"source\">\(XMLEscaping.text("Previous source: " + previous))</note>")
        }
        if !notes.isEmpty {
            output += "      <notes>\n" + notes.map { "        \($0)\n" }.joined() + "      </notes>\n"
        }
        if !codes.isEmpty {
            output += "      <originalData>\n"
            for code in codes.sorted {
                output += "        <data id=\"\(Self.dataID(code.placeholder))\">\(Self.text(code.originalData))</data>\n"
            }
            output += "      </originalData>\n"
        }
        let usableTarget = brokenTarget == nil ? segment.target : nil
        let target = usableTarget ?? (prefillTargets ? segment.source : nil)
        let state = usableTarget == nil ? "initial" : Self.state(of: segment)
        let subState = usableTarget != nil && segment.state == .fuzzy ? " subState=\"\(Self.fuzzySubState)\"" : ""
        output += "      <segment id=\"s1\" state=\"\(state)\"\(subState)>\n"
        output += "        <source>\(Self.inline(segment.source, codes: codes))</source>\n"
        if let target { output += "        <target>\(Self.inline(target, codes: codes))</target>\n" }
        output += "      </segment>\n"
        output += "    </unit>\n"
        return output
    }

    /// XLIFF 2 `state` for a segment that has a target.
    static func state(of segment: SegmentEntry) -> String {
        switch segment.state {
        case .new, .fuzzy: return "initial"
        case .translated: return "translated"
        case .reviewed: return "reviewed"
        case .final: return "final"
        }
    }

    /// The `<data>` id of a code's original bytes.
    static func dataID(_ placeholder: Placeholder) -> String {
        switch placeholder {
        case .open(let n), .standalone(let n): return "d\(n)"
        case .close(let n): return "d\(n)e"
        }
    }

    /// Character data; a character XML 1.0 cannot hold is a `<cp hex/>` (XLIFF 2's escape).
    static func text(_ value: String) -> String {
        XMLEscaping.text(value) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<cp hex=\"\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\"/>"
        }
    }

    /// `text` with its placeholders as XLIFF 2 inline elements.
    static func inline(_ text: String, codes: InlineCodeSet) -> String {
        let coded = CodedText(text)
        let nested = coded.nestedPairNumbers
        let paired = coded.pairedNumbers
        var output = ""
        for piece in coded.pieces {
            switch piece {
            case .text(let run):
                output += Self.text(run)
            case .placeholder(let placeholder):
                let code = codes[placeholder]
                let (type, subType) = Self.type(of: code?.kind ?? .other)
                let typing = " type=\"\(type)\"" + (subType.map { " subType=\"\($0)\"" } ?? "")
                let rights = " canCopy=\"no\" canDelete=\"\(code?.canDelete == true ? "yes" : "no")\" canReorder=\"yes\""
                let n = placeholder.number
                switch placeholder {
                case .open where nested.contains(n):
                    let end = codes[.close(n)] != nil ? " dataRefEnd=\"\(dataID(.close(n)))\"" : ""
                    output += "<pc id=\"\(n)\" dataRefStart=\"\(dataID(placeholder))\"\(end)\(typing)\(rights)>"
                case .close where nested.contains(n):
                    output += "</pc>"
                case .open:
                    let isolated = paired.contains(n) ? "" : " isolated=\"yes\""
                    output += "<sc id=\"\(n)\"\(isolated) dataRef=\"\(dataID(placeholder))\"\(typing)\(rights)/>"
                case .close where paired.contains(n):
                    output += "<ec startRef=\"\(n)\" dataRef=\"\(dataID(placeholder))\"\(typing)\(rights)/>"
                case .close:
                    output += "<ec id=\"\(n)\" isolated=\"yes\" dataRef=\"\(dataID(placeholder))\"\(typing)\(rights)/>"
                case .standalone:
                    output += "<ph id=\"\(n)\" dataRef=\"\(dataID(placeholder))\"\(typing)\(rights)/>"
                }
            }
        }
        return output
    }

    /// XLIFF 2 `type` and `subType` of a code: the spec's `xlf:` names where one fits.
    static func type(of kind: InlineCodeKind) -> (type: String, subType: String?) {
        switch kind {
        case .strong: return ("fmt", "xlf:b")
        case .emphasis: return ("fmt", "xlf:i")
        case .lineBreak, .hardBreak: return ("fmt", "xlf:lb")
        case .strikethrough, .html: return ("fmt", "tandem:\(kind.rawValue)")
        case .link: return ("link", nil)
        case .footnoteReference, .url: return ("link", "tandem:\(kind.rawValue)")
        case .image: return ("image", nil)
        case .code, .shortcode, .math, .attributes, .literal, .escape, .other: return ("other", "tandem:\(kind.rawValue)")
        }
    }
}
