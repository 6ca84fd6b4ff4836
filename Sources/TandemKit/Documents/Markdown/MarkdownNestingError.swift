/// Markdown nested deeper than `MarkdownParser.nestingLimit`: refused rather than walked.
public struct MarkdownNestingError: Error, Equatable, Sendable {
    /// Byte offset, in the parsed text, of the first node past the limit.
    public var offset: Int
    /// The limit that was passed.
    public var limit: Int

    public init(offset: Int, limit: Int) {
        self.offset = offset
        self.limit = limit
    }
}
