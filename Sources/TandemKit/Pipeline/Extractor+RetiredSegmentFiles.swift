import Foundation

extension Extractor {
    /// Segment files whose post is gone, by locale, read once per extractor: those `build`
    /// archived (`locales/<tag>/.archive/`), and those still in place because no build ran
    /// since the post was moved (`git mv`).
    final class RetiredSegmentFiles {
        var byLocale: [LocaleTag: [SegmentFile]] = [:]
    }

    /// The segment file of a deleted or moved post that a post with no segment file of its own
    /// takes its entries from: the archived one of its own path (a deleted post restored), else
    /// the retired one holding most of its sentences, at least half (a post moved to another
    /// section or into a bundle, `foo.md` → `foo/index.md`, with or without a build between).
    ///
    /// Without it, every sentence of such a post was filled from the memory as `translated`,
    /// origin `tm`: the reviewers' states (`reviewed`, `final`) and notes were lost, with the
    /// file that held them lying in the archive or beside it (a helper's finding). Only posts
    /// with no segment file look, and a live segment file is read only when no post of its
    /// path is there.
    func retiredSegmentFile(for url: URL, locale: LocaleTag, extracted: [ExtractedSegment]) -> SegmentFile? {
        guard !extracted.isEmpty else { return nil }
        let archive = project.layout.archiveDirectory(for: locale.identifier)
        let localeDirectory = project.layout.localesDirectory.appendingPathComponent(locale.identifier)
        guard FileManager.default.fileExists(atPath: localeDirectory.path) else { return nil }
        let localePath = localeDirectory.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        if path.hasPrefix(localePath), let file = read(archive.appendingPathComponent(String(path.dropFirst(localePath.count))), locale: locale) {
            return file
        }
        let candidates = retired(in: localeDirectory, locale: locale)
        let wanted = Set(extracted.map(\.id))
        var best: (file: SegmentFile, shared: Int)?
        for file in candidates {
            let shared = file.segments.reduce(0) { $0 + (wanted.contains($1.id) ? 1 : 0) }
            if shared * 2 >= wanted.count, shared > (best?.shared ?? 0) { best = (file, shared) }
        }
        return best?.file
    }

    /// The retired segment files of `locale` (see `RetiredSegmentFiles`), listed on first use.
    private func retired(in localeDirectory: URL, locale: LocaleTag) -> [SegmentFile] {
        if let known = retiredFiles.byLocale[locale] { return known }
        var found: [SegmentFile] = []
        let contentPath = project.contentDirectory.standardizedFileURL.path
        let files = FileManager.default.enumerator(at: localeDirectory, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "json" else { continue }
            let relative = file.standardizedFileURL.path.dropFirst(localeDirectory.standardizedFileURL.path.count + 1)
            let isArchived = relative.hasPrefix(".archive/")
            if !isArchived {
                // A post of this path is there (`.md` or `.markdown`): the file is its, not retired.
                let stem = contentPath + "/" + (String(relative) as NSString).deletingPathExtension
                if ["md", "markdown"].contains(where: { FileManager.default.fileExists(atPath: stem + "." + $0) }) { continue }
            }
            // Whose post is there again (restored) is not retired, archived or not: its live file
            // holds the current translations, and a new post took the archive's stale ones.
            guard let segmentFile = read(file, locale: locale),
                  !FileManager.default.fileExists(atPath: project.root.appendingPathComponent(segmentFile.source).path)
            else { continue }
            found.append(segmentFile)
        }
        retiredFiles.byLocale[locale] = found
        return found
    }

    private func read(_ file: URL, locale: LocaleTag) -> SegmentFile? {
        try? SegmentFileStore.read(file, for: locale, source: project.configuration.source, displayPath: project.projectPath(of: file))
    }
}
