extension SegmentFile {
    /// What decoding cannot see, refused at its position in `bytes` (the file's text): a
    /// `formatVersion` this Tandem does not know (a newer one's file would be rewritten wrongly),
    /// and a segment id used twice (build would take the later target, lint the earlier).
    func validate(bytes: [UInt8], path: String) throws {
        if formatVersion != Self.currentFormatVersion {
            let offset = SegmentFilePositions(bytes).topLevelKeyOffsets["formatVersion"] ?? 0
            throw TandemError.invalidSegmentFile(
                Self.location(offset, in: bytes, path: path),
                message: "formatVersion \(formatVersion) is not one this Tandem reads (\(Self.currentFormatVersion)); a newer Tandem wrote this file, or it was edited")
        }
        var seen: Set<String> = []
        let positions = SegmentFilePositions(bytes)
        for (index, segment) in segments.enumerated() where !seen.insert(segment.id).inserted {
            throw TandemError.invalidSegmentFile(
                Self.location(positions.offset(ofSegmentAt: index), in: bytes, path: path),
                message: "segment id \(segment.id) appears twice; each segment may appear once (remove one of them)")
        }
    }

    /// Refuses a file whose `sourceLocale` is not the project's: its sources would be matched
    /// against posts and memory units of another language.
    func requireSourceLocale(_ locale: LocaleTag, bytes: [UInt8], path: String) throws {
        guard sourceLocale != locale else { return }
        throw Self.wrongLocale(key: "sourceLocale", bytes: bytes, path: path,
                               message: "sourceLocale is \(sourceLocale) but this project translates from \(locale); correct sourceLocale or tandem.yml's source")
    }

    /// Refuses a file whose `targetLocale` is not `locale`, the language of the folder it is in
    /// (`locales/<tag>/…`): its targets would be published as the wrong language.
    func requireTargetLocale(_ locale: LocaleTag, bytes: [UInt8], path: String) throws {
        guard targetLocale != locale else { return }
        throw Self.wrongLocale(key: "targetLocale", bytes: bytes, path: path,
                               message: "targetLocale is \(targetLocale) but the file is in the folder of \(locale); move it or correct targetLocale")
    }

    /// The error at the top-level `key` of the file.
    private static func wrongLocale(key: String, bytes: [UInt8], path: String, message: String) -> TandemError {
        let offset = SegmentFilePositions(bytes).topLevelKeyOffsets[key] ?? 0
        return TandemError.invalidSegmentFile(location(offset, in: bytes, path: path), message: message)
    }

    private static func location(_ offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let position = LineTable(bytes).position(of: offset)
        return SourceLocation(file: path, line: position.line, column: position.column)
    }
}
