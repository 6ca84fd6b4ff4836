import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a returned XLIFF 2.0 or 2.1 file into Tandem's placeholder text, refusing hostile XML
/// (`XLIFFReader`).
///
/// Inline elements become placeholders by their `id`: `<pc id="1">…</pc>` → `{1}…{/1}`,
/// `<ph id="2"/>` → `{2/}`, `<sc id="3"/>` → `{3}`, `<ec startRef="3"/>` (or an isolated
/// `<ec id="3"/>`) → `{/3}`; `<cp hex/>` is its character; `<mrk>`, `<sm/>` and `<em/>` are
/// transparent. A unit a tool split into several `<segment>`s (and `<ignorable>`s) is joined
/// back in order. Anything else inside a source or target, an id that is not a placeholder
/// number, text that reads as a placeholder, a `dataRef` naming no `<data>` of the unit, or
/// `sc`/`ec` that do not match makes the unit's `problems`, so it is quarantined rather than
/// misread.
public final class XLIFF21Reader: XLIFFReader {
    private var sourceLanguage: String?
    private var targetLanguage: String?
    /// Whether any unit has a target: then the root must name `trgLang`.
    private var sawTarget = false

    // The unit being read.
    private var unit: ReturnedUnit?
    private var dataIDs = Set<String>()
    private var dataRefs: [String] = []
    /// Its `<segment>`s and `<ignorable>`s so far: source, target, state, whether ignorable.
    private var parts: [(source: String, target: String?, state: SegmentState?, ignorable: Bool)] = []
    private var part: (source: String, target: String?, state: SegmentState?, ignorable: Bool)?
    /// Per side (source, target) of the unit: inline ids used, and `sc` waiting for their `ec`.
    private var inlineIDs: [Bool: Set<String>] = [:]
    private var openStarts: [Bool: Set<String>] = [:]

    override public init(displayPath: String, limits: Limits = Limits(), reading: Reading = .returnedExport) {
        super.init(displayPath: displayPath, limits: limits, reading: reading)
    }

    /// What XLIFF 2 requires and its schema cannot check, in `bytes`: `trgLang` when a unit has
    /// a target, every `dataRef`/`dataRefStart`/`dataRefEnd` naming a `<data>` of its unit,
    /// `sc`/`ec` matched, inline ids unique and placeholder numbers. Empty for a good file;
    /// throws what `read` throws.
    public static func ruleViolations(_ bytes: [UInt8], displayPath: String = "-") throws -> [String] {
        let reader = XLIFF21Reader(displayPath: displayPath)
        let documents = try reader.read(bytes)
        var violations: [String] = []
        if reader.sawTarget && reader.targetLanguage == nil { violations.append("a unit has a target, and <xliff> has no trgLang") }
        for document in documents {
            for unit in document.units {
                violations += unit.problems.map { "\(unit.location): unit \(unit.id): \($0)" }
            }
        }
        return violations
    }

    // MARK: - XMLParserDelegate

    override var pairElement: String { "pc" }
    override var exportedTargetElement: String { "meta" }

    override func startElement(_ parser: XMLParser, _ name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let core = namespaceURI == XLIFF21Writer.namespace
        if depth == 1 {
            guard name == "xliff", core else {
                return fail(parser, "expected an XLIFF 2 <xliff> root element in \(XLIFF21Writer.namespace), found <\(qualifiedName ?? name)>")
            }
            let version = attributes["version"] ?? ""
            guard version.hasPrefix("2.") else {
                return fail(parser, "XLIFF version '\(version)' in the XLIFF 2 namespace; Tandem reads XLIFF 2.0 and 2.1 (export with --format xliff21)")
            }
            sourceLanguage = attributes["srcLang"]
            targetLanguage = attributes["trgLang"]
            sawRoot = true
            return
        }
        if field != nil { return startInline(parser, name, core: core, attributes) }
        if !core {
            // Modules: only the exported target in the metadata module is read.
            if namespaceURI == XLIFF21Writer.metadataNamespace, unit != nil {
                if name == "meta", attributes["type"] == XLIFF21Writer.exportedTargetMeta { beginField(.exportedTarget) }
                if name == "metadata" || name == "metaGroup" || name == "meta" { return }
            }
            skipDepth = 1
            return
        }
        switch name {
        case "file":
            guard let original = attributes["original"] ?? (reading == .memorySource ? "" : nil) else { return fail(parser, "a <file> without 'original'; this file was not exported by Tandem") }
            documents.append(ReturnedDocument(original: original, sourceLocale: sourceLanguage, targetLocale: targetLanguage, location: location(parser)))
        case "unit":
            guard !documents.isEmpty else { return fail(parser, "a <unit> outside a <file>") }
            guard let id = attributes["id"] ?? (reading == .memorySource ? "" : nil) else { return fail(parser, "a <unit> without 'id'") }
            unit = ReturnedUnit(id: id, location: location(parser))
            beginUnit()
            dataIDs = []
            dataRefs = []
            parts = []
            inlineIDs = [:]
            openStarts = [:]
        case "segment" where unit != nil, "ignorable" where unit != nil:
            var state: SegmentState? = nil
            if name == "segment" {
                let raw = attributes["state"] ?? "initial"
                state = Self.segmentState(xliffState: raw, subState: attributes["subState"])
                if state == nil { unitProblems.append("unknown state '\(raw)'") }
            }
            part = (source: "", target: nil, state: state, ignorable: name == "ignorable")
        case "source" where part != nil:
            beginField(.source)
        case "target" where part != nil:
            beginField(.target)
            sawTarget = true
        case "data" where unit != nil:
            if let id = attributes["id"], !dataIDs.insert(id).inserted { unitProblems.append("<data id=\"\(id)\"> appears twice") }
            skipDepth = 1
        case "originalData", "group":
            break
        case "notes" where unit != nil:
            break
        case "note" where unit != nil && !["glossary", "tandem", "tool"].contains(attributes["category"] ?? ""):
            // A translator's note (a question to the author, a decision), kept on the segment.
            noteText = ""
        default:
            // Notes, skeleton and anything a later version adds: nothing Tandem reads.
            skipDepth = 1
        }
    }

    /// An element inside a source, target or the exported target.
    private func startInline(_ parser: XMLParser, _ name: String, core: Bool, _ attributes: [String: String]) {
        let side = field == .source ? "source" : "target"
        let isSource = field == .source
        if core && name == "cp" && field != .exportedTarget {
            // A character XML cannot hold: part of the run, so a lookalike made with it is still seen.
            if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                run.unicodeScalars.append(scalar)
            } else {
                unitProblems.append("<cp hex=\"\(attributes["hex"] ?? "")\"> is not a character")
            }
            skipDepth = 1
            return
        }
        flushRun()
        guard core, field != .exportedTarget else {
            unitProblems.append("unexpected element <\(name)> inside a \(field == .exportedTarget ? "Tandem metadata" : side)")
            skipDepth = 1
            return
        }
        func number(_ attribute: String = "id") -> Int? { placeholderNumber(name, attributes, attribute) }
        func claim(_ n: Int?) {
            guard let n else { return }
            if !inlineIDs[isSource, default: []].insert(String(n)).inserted {
                unitProblems.append("inline id '\(n)' appears twice in the \(side)")
            }
        }
        func reference(_ attribute: String) {
            if let ref = attributes[attribute] { dataRefs.append(ref) }
        }
        switch name {
        case "pc":
            let n = number()
            claim(n)
            reference("dataRefStart")
            reference("dataRefEnd")
            if let n { text += Placeholder.open(n).token }
            openElements.append(n ?? -1)
        case "ph":
            let n = number()
            claim(n)
            reference("dataRef")
            if let n { text += Placeholder.standalone(n).token }
            skipDepth = 1
        case "sc":
            let n = number()
            claim(n)
            reference("dataRef")
            if let n {
                text += Placeholder.open(n).token
                if attributes["isolated"] != "yes" { openStarts[isSource, default: []].insert(String(n)) }
            }
            skipDepth = 1
        case "ec":
            reference("dataRef")
            if attributes["isolated"] == "yes" {
                let n = number()
                claim(n)
                if let n { text += Placeholder.close(n).token }
            } else if let start = attributes["startRef"] {
                if openStarts[isSource, default: []].remove(start) == nil {
                    unitProblems.append("<ec startRef=\"\(start)\"> closes no <sc> opened before it in the \(side)")
                }
                if let n = number("startRef") { text += Placeholder.close(n).token }
            } else {
                unitProblems.append("an <ec> with neither startRef nor isolated=\"yes\"")
            }
            skipDepth = 1
        case "mrk":
            openElements.append(-2)
        case "sm", "em":
            skipDepth = 1
        default:
            unitProblems.append("unexpected element <\(name)> inside a \(side)")
            skipDepth = 1
        }
    }

    override func endField(_ field: Field) {
        switch field {
        case .source: part?.source = text
        case .target: part?.target = text
        case .exportedTarget: unit?.exportedTarget = text
        case .segmentedSource: break
        }
    }

    override func endElement(_ name: String) {
        switch name {
        case "note":
            if let note = noteText?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { unit?.notes.append(note) }
            noteText = nil
        case "segment", "ignorable":
            if let part { parts.append(part) }
            part = nil
        case "unit":
            guard var unit else { return }
            // A memory source keeps each translated segment as its own pair (a sentence each).
            let segments = reading == .memorySource ? parts.filter { !$0.ignorable } : []
            finish(&unit)
            if segments.count > 1 {
                for (index, segment) in segments.enumerated() where segment.target != nil {
                    documents[documents.count - 1].units.append(ReturnedUnit(
                        id: "\(unit.id)#\(index + 1)", location: unit.location, source: segment.source, target: segment.target,
                        state: segment.state, problems: unit.problems.filter { !$0.contains("segments have no target") }))
                }
            } else {
                documents[documents.count - 1].units.append(unit)
            }
            self.unit = nil
        default:
            break
        }
    }

    /// Joins the unit's segments and checks what only the whole unit shows.
    private func finish(_ unit: inout ReturnedUnit) {
        // In a unit a tool split, a segment still `initial` whose target is its own source is
        // the tool's pre-fill nobody touched, not a translation: joined with a translated one
        // it made a half-Chinese target that was applied as translated. (A whole unit returned
        // so is told from a translation by the import, against the segment's source.)
        if parts.count(where: { !$0.ignorable }) > 1 {
            for index in parts.indices where !parts[index].ignorable && parts[index].state == .new && parts[index].target == parts[index].source {
                parts[index].target = nil
            }
        }
        let segments = parts.filter { !$0.ignorable }
        if !parts.isEmpty { unit.source = parts.map(\.source).joined() }
        let translated = segments.filter { $0.target != nil }
        if !translated.isEmpty {
            if translated.count < segments.count {
                unitProblems.append("\(segments.count - translated.count) of its \(segments.count) segments have no target; a resegmented unit is applied only whole")
            }
            // An ignorable without a target stands for its source (white space between segments).
            unit.target = parts.map { $0.target ?? ($0.ignorable ? $0.source : "") }.joined()
        }
        unit.state = segments.compactMap(\.state).min()
        for ref in dataRefs where !dataIDs.contains(ref) {
            unitProblems.append("dataRef '\(ref)' names no <data> of the unit")
        }
        for (isSource, starts) in openStarts {
            for start in starts.sorted() { unitProblems.append("<sc id=\"\(start)\"> in the \(isSource ? "source" : "target") has no <ec>") }
        }
        unit.problems = unitProblems
        parts = []
    }

    /// Tandem's state for an XLIFF 2 `state` and `subState`.
    static func segmentState(xliffState: String, subState: String?) -> SegmentState? {
        switch xliffState {
        case "initial": return subState == XLIFF21Writer.fuzzySubState ? .fuzzy : .new
        case "translated": return .translated
        case "reviewed": return .reviewed
        case "final": return .final
        default: return nil
        }
    }
}
