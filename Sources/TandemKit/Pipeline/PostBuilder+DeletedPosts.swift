import Foundation

extension PostBuilder {
    /// Retires the posts whose source was deleted, so that a translation is never published
    /// without its source: each translation Tandem built is removed (with `keep`, or when
    /// someone edited it since, it stays and is reported `kept`), and each segment file moves
    /// to `locales/<tag>/.archive/<same path>`, where `tm rebuild` still reads it (with `keep`
    /// it stays where it is).
    public func retireDeletedPosts(keep: Bool = false) throws -> [BuildResult] {
        defer { if state.savesEachPost { try? saveManifest() } }
        var results: [BuildResult] = []
        for (path, entry) in manifest.files.sorted(by: { $0.key < $1.key }) {
            guard !exists(entry.source) else {
                if let result = try retireOutOfPlace(path, entry: entry, keep: keep) { results.append(result) }
                continue
            }
            let output = project.root.appendingPathComponent(path)
            guard let bytes = try Self.existingBytes(output) else {
                forget(path)
                continue
            }
            if keep || manifest.ownership(of: path, bytes: bytes) != .tandem {
                results.append(BuildResult(post: entry.source, locale: entry.locale, output: path, complete: 0, status: .kept))
            } else {
                try FileManager.default.removeItem(at: output)
                forget(path)
                results.append(BuildResult(post: entry.source, locale: entry.locale, output: path, complete: 0, status: .removed))
            }
        }
        guard !keep else { return results }
        for file in try orphanedSegmentFiles() {
            let locale = file.relative.split(separator: "/")[1]
            let inLocale = file.relative.split(separator: "/").dropFirst(2).joined(separator: "/")
            let destination = project.layout.archiveDirectory(for: String(locale)).appendingPathComponent(inLocale)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
            try FileManager.default.moveItem(at: file.url, to: destination)
            results.append(BuildResult(
                post: file.source, locale: String(locale), output: project.projectPath(of: destination), complete: 0, status: .archived))
        }
        return results
    }

    /// A file Tandem built where no translation goes any more, its source still there: the
    /// layout changed (the locale got a `contentDir`, `output:` changed), or the locale is no
    /// longer a target. Hugo went on publishing the old file (a helper's finding: the English
    /// title stayed as it was after the update; a dropped `fr` published `a.fr.md` as a Chinese
    /// page). Removed when Tandem's own and unchanged and the file is out of place, or its
    /// locale is none of the site's languages; otherwise kept and reported.
    private func retireOutOfPlace(_ path: String, entry: BuildManifest.Entry, keep: Bool) throws -> BuildResult? {
        guard let locale = LocaleTag(entry.locale) else { return nil }
        let output = project.root.appendingPathComponent(path)
        let isTarget = project.configuration.targets.contains(locale)
        if isTarget {
            let expected = try? project.translatedPost(for: project.root.appendingPathComponent(entry.source), locale: locale)
            guard let expected, project.projectPath(of: expected) != path else { return nil }
        }
        let siteHasLocale = project.site.map { $0.language(for: locale) != nil } ?? true
        let status: BuildResult.Status = isTarget ? .relocated : siteHasLocale ? .untargeted : .dropped
        guard let bytes = try Self.existingBytes(output) else {
            forget(path)
            return nil
        }
        // A locale the site still has but the project no longer targets: its pages stay (they
        // are the site's), reported, and not updated any more.
        if keep || status == .untargeted || manifest.ownership(of: path, bytes: bytes) != .tandem {
            return BuildResult(post: entry.source, locale: entry.locale, output: path, complete: 0, status: status == .untargeted ? .untargeted : .outOfPlace)
        }
        try FileManager.default.removeItem(at: output)
        forget(path)
        return BuildResult(post: entry.source, locale: entry.locale, output: path, complete: 0, status: status)
    }

    private func exists(_ projectPath: String) -> Bool {
        FileManager.default.fileExists(atPath: project.root.appendingPathComponent(projectPath).path)
    }

    /// Segment files (outside the archives) whose source post no longer exists.
    private func orphanedSegmentFiles() throws -> [(url: URL, relative: String, source: String)] {
        var orphans: [(url: URL, relative: String, source: String)] = []
        for url in try MemoryRebuild(project: project).segmentFiles() {
            let relative = project.projectPath(of: url)
            guard !relative.split(separator: "/").contains(".archive"),
                  let file = try SegmentFileStore.read(url), !exists(file.source) else { continue }
            orphans.append((url, relative, file.source))
        }
        return orphans
    }
}
