import Foundation

extension SegmentFileStore {
    /// `read(_:displayPath:)` for the segment file of `locale`: a file whose `targetLocale` is
    /// another language is an error at that key (see `SegmentFile.requireTargetLocale`), and so
    /// is one whose `sourceLocale` is not `source` when it is given.
    public static func read(_ url: URL, for locale: LocaleTag, source: LocaleTag? = nil, displayPath: String? = nil) throws -> SegmentFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes = try TextFile.readBytes(url)
        let path = displayPath ?? url.path
        let file = try decode(bytes, path: path)
        try file.requireTargetLocale(locale, bytes: bytes, path: path)
        if let source { try file.requireSourceLocale(source, bytes: bytes, path: path) }
        return file
    }
}
