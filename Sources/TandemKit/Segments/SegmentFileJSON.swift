/// A segment file's JSON text, as `JSONText.encoder` writes it, without `JSONEncoder` (see
/// `PrettyJSONWriter`). Each type's members are written in sorted key order, absent optionals
/// left out, as the synthesized `Encodable` conformances and `.sortedKeys` do.
///
/// A member added to `SegmentFile`, `SegmentEntry`, `MatchCandidate` or `TermNote` must be
/// written here too: `SegmentFileJSONTests` counts their stored properties and compares these
/// bytes with `JSONEncoder`'s for values that set every one.
enum SegmentFileJSON {
    static func bytes(of file: SegmentFile) -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: 512 * (file.segments.count + 1))
        writer.openObject()
        writer.member("formatVersion", file.formatVersion)
        writer.member("lintDisable", file.lintDisable)
        writer.member("obsolete", objects: file.obsolete, writeMembers)
        if let own = file.ownFrontMatter {
            writer.key("ownFrontMatter")
            writer.openObject()
            writer.member("entries", objects: own.entries) { writer, entry in
                writer.member("key", entry.key)
                writer.member("replaced", entry.replaced)
                writer.member("text", entry.text)
            }
            writer.member("syntax", own.syntax.rawValue)
            writer.closeObject()
        }
        writer.member("segments", objects: file.segments, writeMembers)
        writer.member("source", file.source)
        writer.member("sourceLocale", file.sourceLocale.identifier)
        writer.member("targetLocale", file.targetLocale.identifier)
        writer.closeObject()
        return writer.bytes
    }

    private static func writeMembers(_ writer: inout PrettyJSONWriter, _ entry: SegmentEntry) {
        writer.member("candidates", objects: entry.candidates) { writer, candidate in
            writer.member("diff", candidate.diff)
            writer.member("origin", candidate.origin)
            writer.member("score", candidate.score)
            writer.member("source", candidate.source)
            writer.member("target", candidate.target)
        }
        if let codes = entry.codes {
            writer.key("codes")
            writer.stringDictionary(codes)
        }
        writer.member("id", entry.id)
        writer.member("lintDisable", entry.lintDisable)
        writer.member("location", entry.location)
        writer.member("notes", entry.notes)
        writer.member("origin", entry.origin?.rawValue)
        writer.member("previousSource", entry.previousSource)
        writer.member("source", entry.source)
        writer.member("state", entry.state.rawValue)
        writer.member("target", entry.target)
        writer.member("terms", objects: entry.terms) { writer, term in
            writer.member("comment", term.comment)
            writer.member("forbidden", term.forbidden)
            writer.member("kind", term.kind)
            writer.member("target", term.target)
            writer.member("term", term.term)
        }
    }
}
