import Foundation

extension Extractor {
    /// The archived segment file (`locales/<tag>/.archive/`, where `build` moves the file of a
    /// deleted post) a post with no segment file of its own takes its entries from: the one of
    /// its own path (a deleted post restored), else the one holding most of its sentences, at
    /// least half (a post moved to another section or into a bundle, `foo.md` → `foo/index.md`).
    ///
    /// Without it, every sentence of such a post was filled from the memory as `translated`,
    /// origin `tm`: the reviewers' states (`reviewed`, `final`) and notes were lost, with the
    /// file that held them lying in the archive (a helper's finding). Only posts with no segment
    /// file look, and only when the archive exists.
    func archivedSegmentFile(for url: URL, locale: LocaleTag, extracted: [ExtractedSegment]) -> SegmentFile? {
        let archive = project.layout.archiveDirectory(for: locale.identifier)
        guard !extracted.isEmpty, FileManager.default.fileExists(atPath: archive.path) else { return nil }
        let localeDirectory = project.layout.localesDirectory.appendingPathComponent(locale.identifier).standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        func read(_ file: URL) -> SegmentFile? {
            try? SegmentFileStore.read(file, for: locale, source: project.configuration.source, displayPath: project.projectPath(of: file))
        }
        if path.hasPrefix(localeDirectory) {
            let samePath = archive.appendingPathComponent(String(path.dropFirst(localeDirectory.count)))
            if let file = read(samePath) { return file }
        }
        let wanted = Set(extracted.map(\.id))
        var best: (file: SegmentFile, shared: Int)?
        let files = FileManager.default.enumerator(at: archive, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "json", let archived = read(file) else { continue }
            let shared = archived.segments.reduce(0) { $0 + (wanted.contains($1.id) ? 1 : 0) }
            if shared * 2 >= wanted.count, shared > (best?.shared ?? 0) { best = (archived, shared) }
        }
        return best?.file
    }
}
