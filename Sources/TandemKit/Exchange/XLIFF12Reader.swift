import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a returned XLIFF 1.2 file into Tandem's placeholder text, refusing hostile XML
/// (`XLIFFReader`).
///
/// Inline elements become placeholders by their `id`: `<g id="1">…</g>` → `{1}…{/1}`,
/// `<x id="2"/>` → `{2/}`, `<bx id="3"/>` → `{3}`, `<ex id="3"/>` → `{/3}`; `<ph>`, `<bpt>`,
/// `<ept>` and `<it>` (what some tools turn codes into) likewise, their native content skipped;
/// `<mrk>` is transparent. Anything else inside a source or target, an id that is not a
/// placeholder number, or text that itself reads as a placeholder makes the unit's `problems`,
/// so it is quarantined rather than misread. A DOCTYPE declaring entities is refused before
/// libxml2 sees the file; external entities are never resolved; sizes are capped.
public final class XLIFF12Reader: XLIFFReader {
    /// The unit being read.
    private var unit: ReturnedUnit?
    /// Memory source: the sentences of `<seg-source>` and of the target (`<mrk mtype="seg"
    /// mid="…">`, as Trados writes them), to store sentence pairs rather than the paragraph.
    private var segmentStarts: [(mid: String, offset: Int)] = []
    private var sourceSegments: [(mid: String, text: String)] = []
    private var targetSegments: [String: String] = [:]

    override public init(displayPath: String, limits: Limits = Limits(), reading: Reading = .returnedExport) {
        super.init(displayPath: displayPath, limits: limits, reading: reading)
    }

    // MARK: - XMLParserDelegate

    override var pairElement: String { "g" }
    override var exportedTargetElement: String { "context" }

    override func startElement(_ parser: XMLParser, _ name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if depth == 1 {
            guard name == "xliff" else { return fail(parser, "expected an <xliff> root element, found <\(name)>") }
            let version = attributes["version"] ?? ""
            guard version == "1.2" || version == "1.1" else {
                return fail(parser, "XLIFF version '\(version)' is not read; Tandem reads XLIFF 1.2 (export with --format xliff12)")
            }
            sawRoot = true
            return
        }
        if field != nil { return startInline(parser, name, attributes) }
        switch name {
        case "file":
            guard let original = attributes["original"] ?? (reading == .memorySource ? "" : nil) else { return fail(parser, "a <file> without 'original'") }
            documents.append(ReturnedDocument(
                original: original, sourceLocale: attributes["source-language"], targetLocale: attributes["target-language"],
                location: location(parser)))
        case "trans-unit":
            guard !documents.isEmpty else { return fail(parser, "a <trans-unit> outside a <file>") }
            guard let id = attributes["id"] ?? (reading == .memorySource ? "" : nil) else { return fail(parser, "a <trans-unit> without 'id'") }
            unit = ReturnedUnit(id: id, location: location(parser))
            beginUnit()
            sourceSegments = []
            targetSegments = [:]
        case "source" where unit != nil:
            beginField(.source)
        case "seg-source" where unit != nil && reading == .memorySource:
            beginField(.segmentedSource)
            segmentStarts = []
        case "target" where unit != nil:
            beginField(.target)
            if let state = attributes["state"] { unit?.state = Self.segmentState(xliffState: state) }
        case "context" where unit != nil && attributes["context-type"] == XLIFF12Writer.exportedTargetContext:
            beginField(.exportedTarget)
        case "note" where unit != nil && attributes["from"] != "glossary" && attributes["from"] != "tandem":
            // A translator's note (a question to the author, a decision), kept on the segment.
            noteText = ""
        case "header", "alt-trans", "note", "bin-unit", "seg-source", "count-group", "phase-group", "prop-group":
            skipDepth = 1
        default:
            break
        }
    }

    /// An element inside a source or target.
    private func startInline(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        flushRun()
        if field == .exportedTarget {
            unitProblems.append("unexpected <\(name)> in the exported-target context")
            skipDepth = 1
            return
        }
        func number() -> Int? { placeholderNumber(name, attributes) }
        switch name {
        case "g":
            let n = number()
            if let n { text += Placeholder.open(n).token }
            openElements.append(n ?? -1)
        case "x":
            if let n = number() { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "bx":
            if let n = number() { text += Placeholder.open(n).token }
            skipDepth = 1
        case "ex":
            if let n = number() { text += Placeholder.close(n).token }
            skipDepth = 1
        case "ph":
            if let n = number() { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "bpt":
            if let n = number() { text += Placeholder.open(n).token }
            skipDepth = 1
        case "ept":
            if let n = number() { text += Placeholder.close(n).token }
            skipDepth = 1
        case "it":
            if let n = number() { text += (attributes["pos"] == "close" ? Placeholder.close(n) : Placeholder.open(n)).token }
            skipDepth = 1
        case "mrk" where reading == .memorySource && attributes["mtype"] == "seg" && attributes["mid"] != nil:
            segmentStarts.append((attributes["mid"]!, text.utf8.count))
            openElements.append(-3)
        case "mrk":
            openElements.append(-2)
        default:
            unitProblems.append("unexpected element <\(name)> inside a \(field == .source ? "source" : "target")")
            skipDepth = 1
        }
    }

    override func endField(_ field: Field) {
        switch field {
        case .source: unit?.source = text
        case .target: unit?.target = text
        case .exportedTarget: unit?.exportedTarget = text
        case .segmentedSource: break
        }
    }

    override func endSegmentMark() {
        guard let start = segmentStarts.popLast() else { return }
        let sentence = String(decoding: text.utf8.dropFirst(start.offset), as: UTF8.self)
        switch field {
        case .segmentedSource: sourceSegments.append((start.mid, sentence))
        case .target: targetSegments[start.mid] = sentence
        default: break
        }
    }

    override func endElement(_ name: String) {
        if name == "note", let note = noteText {
            noteText = nil
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { unit?.notes.append(trimmed) }
            return
        }
        if name == "trans-unit", var unit {
            unit.problems = unitProblems
            if !sourceSegments.isEmpty && !targetSegments.isEmpty {
                // Sentence pairs by `mid`; a sentence without its translation is a unit without a target.
                for (mid, sentence) in sourceSegments {
                    documents[documents.count - 1].units.append(ReturnedUnit(
                        id: "\(unit.id)#\(mid)", location: unit.location, source: sentence, target: targetSegments[mid],
                        state: unit.state, problems: unit.problems))
                }
            } else {
                documents[documents.count - 1].units.append(unit)
            }
            self.unit = nil
        }
    }

    /// Tandem's state for an XLIFF 1.2 `state`.
    static func segmentState(xliffState: String) -> SegmentState? {
        switch xliffState {
        case "new", "needs-translation": return .new
        case "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n", "needs-review-translation": return .fuzzy
        case "translated": return .translated
        case "signed-off": return .reviewed
        case "final": return .final
        default: return nil
        }
    }
}
