/// Reads a returned PO catalog (as Poedit, Weblate or Translate Toolkit save it: re-wrapped
/// strings, reordered entries, CRLF) into returned documents, one per post named in `msgctxt`.
///
/// Entries without a Tandem `msgctxt` (`<post>#<id>`), plural entries and obsolete (`#~`)
/// entries are reported as problems of their unit or skipped; a syntax error is an error with
/// line and column.
///
/// Read as a memory source (`ExchangeReading.memorySource`), any catalog is accepted: an entry
/// without a Tandem `msgctxt` belongs to a document named "", a plural entry is a problem of its
/// unit, and unless the catalog is Tandem's own (`X-Tandem-Source-Language`), text that reads as
/// a placeholder is literal (PO has no codes) and escaped (`LiteralPlaceholderEscape`).
public struct POReader {
    public let displayPath: String
    public let reading: ExchangeReading

    public init(displayPath: String, reading: ExchangeReading = .returnedExport) {
        self.displayPath = displayPath
        self.reading = reading
    }

    /// One catalog entry as read.
    struct Entry {
        var line = 0
        var context: String?
        var id: String?
        var translation: String?
        var plural = false
        var fuzzy = false
        var exportedTarget: String?
        /// Translator comments (`# …`) and the notes Tandem exported (`#. Note: …`).
        var notes: [String] = []
    }

    public func read(_ bytes: [UInt8]) throws -> [ReturnedDocument] {
        var text = try TextFile.decodeText(bytes, path: displayPath)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var entries: [Entry] = []
        var current = Entry()
        var started = false
        /// Which string a continuation line (`"…"`) extends.
        enum Field { case context, id, translation, none }
        var field = Field.none
        var headerLanguage: String?
        var headerSource: String?

        func finish() {
            if started { entries.append(current) }
            current = Entry()
            started = false
            field = .none
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                finish()
                continue
            }
            if trimmed.hasPrefix("#~") { continue }
            if trimmed.hasPrefix("#") {
                // A comment after the strings starts the next entry.
                if started && field != .none && current.id != nil { finish() }
                if trimmed.hasPrefix("#,") {
                    if trimmed.dropFirst(2).split(separator: ",").contains(where: { $0.trimmingSpaces == "fuzzy" }) { current.fuzzy = true }
                } else if trimmed.hasPrefix("#. \(POWriter.exportedTargetComment) ") {
                    let quoted = trimmed.dropFirst("#. \(POWriter.exportedTargetComment) ".count)
                    current.exportedTarget = try string(quoted, line: number, column: line.count - quoted.count + 1)
                } else if trimmed.hasPrefix(POWriter.notePrefix) {
                    current.notes.append(String(trimmed.dropFirst(POWriter.notePrefix.count)))
                } else if trimmed == "#" || trimmed.hasPrefix("# ") {
                    // A translator comment: the PO editor's note field.
                    let note = trimmed.dropFirst().trimmingSpaces
                    if !note.isEmpty { current.notes.append(note) }
                }
                if !started { current.line = number }
                started = true
                continue
            }
            if trimmed.hasPrefix("\"") {
                let value = try string(trimmed, line: number, column: line.count - trimmed.count + 1)
                switch field {
                case .context: current.context! += value
                case .id: current.id! += value
                case .translation: current.translation! += value
                case .none: throw TandemError.invalidValue(SourceLocation(file: displayPath, line: number, column: 1), message: "a string continues nothing; expected msgctxt, msgid or msgstr before it")
                }
                continue
            }
            let keyword = trimmed.prefix { !$0.isWhitespace }
            let rest = trimmed.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            let column = line.count - rest.count + 1
            if !started { current.line = number }
            if keyword == "msgctxt" || (keyword == "msgid" && current.id != nil) {
                if current.id != nil { finish(); current.line = number }
            }
            started = true
            switch keyword {
            case "msgctxt":
                current.context = try string(rest, line: number, column: column)
                field = .context
            case "msgid":
                current.id = try string(rest, line: number, column: column)
                field = .id
            case "msgid_plural":
                current.plural = true
                _ = try string(rest, line: number, column: column)
                field = .none
            case "msgstr", "msgstr[0]":
                current.translation = try string(rest, line: number, column: column)
                field = .translation
            default:
                if keyword.hasPrefix("msgstr[") {
                    current.plural = true
                    field = .none
                    continue
                }
                throw TandemError.invalidValue(SourceLocation(file: displayPath, line: number, column: line.count - trimmed.count + 1),
                                               message: "expected msgctxt, msgid, msgstr, a comment or a string, found '\(keyword)'")
            }
        }
        finish()

        var documents: [ReturnedDocument] = []
        var byOriginal: [String: Int] = [:]
        for entry in entries {
            let location = SourceLocation(file: displayPath, line: max(entry.line, 1), column: 1)
            guard let id = entry.id else {
                // Comments alone are no entry; strings without a msgid are a broken one, which
                // would otherwise vanish without a word.
                if entry.context != nil || entry.translation != nil {
                    throw TandemError.invalidValue(location, message: "an entry without msgid; expected msgid before msgstr")
                }
                continue
            }
            // The limit XLIFF units have: no sentence comes near it, and a longer target
            // would only reach a segment file to be refused by build.
            let limit = XLIFFReader.Limits().maximumUnitTextBytes
            if let longest = [id, entry.translation ?? ""].max(by: { $0.utf8.count < $1.utf8.count }), longest.utf8.count > limit {
                throw TandemError.invalidValue(location, message: "an entry of \(longest.utf8.count) bytes; at most \(limit) are accepted in a msgid or msgstr")
            }
            if id.isEmpty && entry.context == nil {
                // The header.
                for field in (entry.translation ?? "").split(separator: "\n") {
                    let parts = field.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces }
                    guard parts.count == 2 else { continue }
                    if parts[0] == "Language" { headerLanguage = parts[1] }
                    if parts[0] == "X-Tandem-Source-Language" { headerSource = parts[1] }
                }
                continue
            }
            let original: String
            var unit: ReturnedUnit
            if let context = entry.context, let hash = context.lastIndex(of: "#") {
                original = String(context[..<hash])
                unit = ReturnedUnit(id: String(context[context.index(after: hash)...]), location: location, source: id)
            } else if reading == .memorySource {
                original = ""
                unit = ReturnedUnit(id: entry.context ?? "", location: location, source: id)
            } else {
                throw TandemError.invalidValue(location, message: "an entry without a Tandem msgctxt (<post>#<segment id>); this catalog was not exported by Tandem")
            }
            if entry.plural { unit.problems.append("a plural entry; Tandem segments have no plural forms") }
            if let translation = entry.translation, !translation.isEmpty {
                unit.target = translation
                unit.state = entry.fuzzy ? .fuzzy : .translated
            }
            unit.exportedTarget = entry.exportedTarget ?? ""
            unit.notes = entry.notes
            if byOriginal[original] == nil {
                byOriginal[original] = documents.count
                documents.append(ReturnedDocument(original: original, sourceLocale: nil, targetLocale: nil, location: location))
            }
            documents[byOriginal[original]!].units.append(unit)
        }
        for index in documents.indices {
            documents[index].sourceLocale = headerSource
            documents[index].targetLocale = headerLanguage
            if reading == .memorySource, headerSource == nil {
                for unitIndex in documents[index].units.indices {
                    documents[index].units[unitIndex].source = documents[index].units[unitIndex].source.map(LiteralPlaceholderEscape.escaping)
                    documents[index].units[unitIndex].target = documents[index].units[unitIndex].target.map(LiteralPlaceholderEscape.escaping)
                }
            }
        }
        return documents
    }

    /// The content of a quoted PO string at the start of `text`; nothing but white space or a
    /// comment may follow it.
    private func string(_ text: Substring, line: Int, column: Int) throws -> String {
        func error(_ message: String, at offset: Int) -> TandemError {
            TandemError.invalidValue(SourceLocation(file: displayPath, line: line, column: column + offset), message: message)
        }
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "\"" else { throw error("expected a string in double quotes", at: 0) }
        var output = String.UnicodeScalarView()
        var index = 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                let rest = scalars[(index + 1)...].drop { $0 == " " || $0 == "\t" }
                guard rest.isEmpty else { throw error("unexpected text after the closing quote", at: index + 1) }
                return String(output)
            }
            if scalar == "\\" {
                index += 1
                guard index < scalars.count else { break }
                switch scalars[index] {
                case "n": output.append("\n")
                case "t": output.append("\t")
                case "r": output.append("\r")
                case "\\": output.append("\\")
                case "\"": output.append("\"")
                case "a": output.append("\u{07}")
                case "b": output.append("\u{08}")
                case "f": output.append("\u{0C}")
                case "v": output.append("\u{0B}")
                case "0"..."7":
                    var value: UInt32 = 0
                    var digits = 0
                    while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
                        value = value * 8 + (scalars[index].value - 0x30)
                        index += 1
                        digits += 1
                    }
                    output.append(Unicode.Scalar(value)!)
                    continue
                default:
                    throw error("unknown escape '\\\(scalars[index])'", at: index - 1)
                }
                index += 1
                continue
            }
            output.append(scalar)
            index += 1
        }
        throw error("the string has no closing quote", at: scalars.count)
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
