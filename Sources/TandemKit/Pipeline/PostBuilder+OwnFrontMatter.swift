import Foundation

extension PostBuilder {
    /// Refuses the page's own front matter (`ownFrontMatter` in its segment file) when it cannot
    /// go into `document`'s: written in another syntax (the post was converted from TOML to YAML
    /// since `align`), or a post without front matter. Leaving it out would silently drop what
    /// the person's page had.
    static func refuseForeignSyntax(_ own: OwnFrontMatter?, of document: HugoDocument, segmentFile: URL, displayPath: String) throws {
        guard let own, !own.entries.isEmpty else { return }
        let syntax = document.frontMatter?.syntax
        guard syntax != own.syntax || document.frontMatter?.entries(in: document.bytes) == nil else { return }
        let bytes = try TextFile.readBytes(segmentFile)
        let offset = SegmentFilePositions(bytes).topLevelKeyOffsets["ownFrontMatter"] ?? 0
        let position = LineTable(bytes).position(of: offset)
        let keys = own.entries.map(\.key).joined(separator: ", ")
        let post = syntax.map { "\(document.path)'s front matter is \($0.rawValue.uppercased())" } ?? "\(document.path) has no front matter"
        throw TandemError.invalidSegmentFile(
            SourceLocation(file: displayPath, line: position.line, column: position.column),
            message: "ownFrontMatter (\(keys)) is \(own.syntax.rawValue.uppercased()) but \(post); rewrite the entries as the post's are, or remove them")
    }

    /// The keys of `own` whose entry in the post changed since `align` kept the page's: what a
    /// build writes for them now (`builtWithout`: the translation built without the page's
    /// entries) differs from what it wrote then (`Entry.replaced`).
    static func outdatedOwnEntries(_ own: OwnFrontMatter?, builtWithout: [UInt8], path: String) -> [String] {
        guard let own, !own.entries.isEmpty,
              let document = try? HugoDocument(bytes: builtWithout, path: path, translatableKeys: []),
              let entries = document.frontMatter?.entries(in: builtWithout)
        else { return [] }
        return own.entries.compactMap { entry in
            let now = entries.named(entry.key, isTable: own.isTable(entry))?.keptText(in: builtWithout)
            return now == entry.replaced ? nil : entry.key
        }
    }
}
