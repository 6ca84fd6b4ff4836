import Foundation

/// Writes a GNU gettext PO catalog of a locale's segments, valid for `msgfmt --check`.
///
/// - `msgctxt` is `<post>#<segment id>`: the segment id alone is not unique in a catalog of
///   several posts (the same sentence in two posts has one id), and gettext requires
///   (msgctxt, msgid) to be unique.
/// - `#:` names the post and the segment's location; `#.` lists glossary terms, what each
///   placeholder stands for, notes, and the target at export (`x-tandem-exported-target`, so
///   import can tell a translator's change from an edit made in Tandem meanwhile);
///   `#, fuzzy` marks fuzzy targets; `#| msgid` holds the previous source.
/// - Placeholders stay as `{1}`…`{/1}`, `{2/}` tokens (PO has no inline markup); import checks
///   them like any target.
public struct POWriter: Sendable {
    public var toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    /// The comment keyword before the exported target.
    public static let exportedTargetComment = "x-tandem-exported-target"
    /// How a segment's note is written (an extracted comment), and read back on import.
    static let notePrefix = "#. Note: "

    public func catalog(_ documents: [ExchangeDocument], targetLocale: LocaleTag) -> String {
        let source = documents.first?.sourceLocale.identifier ?? ""
        var output = "# Tandem export for translators (\(targetLocale.identifier)); return it with `tandem import`.\n"
        output += "msgid \"\"\nmsgstr \"\"\n"
        output += "\"Project-Id-Version: Tandem \(Self.escapeHeader(toolVersion))\\n\"\n"
        output += "\"PO-Revision-Date: \(Self.revisionDate(Date()))\\n\"\n"
        output += "\"Last-Translator: Tandem\\n\"\n"
        output += "\"Language-Team: \(targetLocale.identifier)\\n\"\n"
        output += "\"Language: \(targetLocale.identifier)\\n\"\n"
        output += "\"MIME-Version: 1.0\\n\"\n"
        output += "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        output += "\"Content-Transfer-Encoding: 8bit\\n\"\n"
        output += "\"X-Tandem-Source-Language: \(source)\\n\"\n"
        for document in documents {
            for segment in document.segments { output += "\n" + entry(segment, original: document.original) }
        }
        return output
    }

    private func entry(_ segment: SegmentEntry, original: String) -> String {
        var output = ""
        for term in segment.terms ?? [] {
            output += "#. " + Self.oneLine(term.translatorNote) + "\n"
        }
        if let codes = segment.codes.map(InlineCodeSet.init(codes:)) {
            for code in codes.sorted {
                output += "#. " + Self.oneLine("\(code.placeholder) = \(code.originalData) (\(code.kind.rawValue))") + "\n"
            }
        }
        for note in segment.notes ?? [] { output += Self.notePrefix + Self.oneLine(note) + "\n" }
        if let target = segment.target {
            output += "#. \(Self.exportedTargetComment) \"\(Self.escape(target))\"\n"
        }
        output += "#: \(original.replacingOccurrences(of: " ", with: "\u{00A0}")):\(segment.location)\n"
        if segment.state == .fuzzy { output += "#, fuzzy\n" }
        if let previous = segment.previousSource { output += "#| msgid \"\(Self.escape(previous))\"\n" }
        output += "msgctxt \"\(Self.escape(original + "#" + segment.id))\"\n"
        output += "msgid \"\(Self.escape(segment.source))\"\n"
        output += "msgstr \"\(Self.escape(segment.target ?? ""))\"\n"
        return output
    }

    /// gettext's `YEAR-MO-DA HO:MI+ZONE`, in UTC.
    static func revisionDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm+0000"
        return formatter.string(from: date)
    }

    /// A PO string's content: backslash escapes for what gettext escapes.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    output += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    private static func escapeHeader(_ text: String) -> String { escape(text).replacingOccurrences(of: "\\n", with: " ") }

    /// A comment's text on one line.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
