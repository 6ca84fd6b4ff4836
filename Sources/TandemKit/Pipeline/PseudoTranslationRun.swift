import Foundation

/// `tandem pseudo` over a project: reads each post's segment file for a locale, fills it with
/// a `PseudoTranslator`, and writes it back when something changed.
public struct PseudoTranslationRun {
    public let project: Project
    public let translator: PseudoTranslator

    /// What one segment file got.
    public struct Result: Codable, Equatable, Sendable {
        /// The segment file, relative to the project root.
        public var segmentFile: String
        /// How many segments were filled.
        public var filled: Int
    }

    public init(project: Project, style: PseudoStyle) {
        self.project = project
        translator = PseudoTranslator(style: style)
    }

    /// Fills `post`'s segment file for `locale`; nil when it has none yet (`extract` first).
    public func fill(_ post: URL, locale: LocaleTag) throws -> Result? {
        let url = try project.segmentFile(for: post, locale: locale)
        guard var file = try SegmentFileStore.read(url, for: locale, source: project.configuration.source, displayPath: project.projectPath(of: url)) else { return nil }
        let filled = translator.fill(&file)
        if filled > 0 { try SegmentFileStore.write(file, to: url) }
        return Result(segmentFile: project.projectPath(of: url), filled: filled)
    }
}
