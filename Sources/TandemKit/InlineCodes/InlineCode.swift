/// One inline code of a segment: the placeholder a translator sees, the markup it stands for
/// (byte for byte), what that markup is, and what a translator may do with it.
public struct InlineCode: Equatable, Sendable {
    public var placeholder: Placeholder
    /// The original bytes of the document (XLIFF 2's `originalData`).
    public var originalData: String
    public var kind: InlineCodeKind
    /// An end of a pair whose other end is in another sentence (XLIFF 1.2 `<bx>`/`<ex>`,
    /// XLIFF 2 `<sc isolated>`/`<ec isolated>`, TMX `<it>`).
    public var isIsolated: Bool

    public init(placeholder: Placeholder, originalData: String, kind: InlineCodeKind, isIsolated: Bool) {
        self.placeholder = placeholder
        self.originalData = originalData
        self.kind = kind
        self.isIsolated = isIsolated
    }

    /// Whether a translation may leave the code out. Only a line break that is nothing but a
    /// newline and its container prefix (`\n> `, `\n  `) may go: the sentence is then joined
    /// onto one line, which renders the same. Every other code carries content or formatting
    /// that building must put back.
    public var canDelete: Bool {
        kind == .lineBreak && originalData.allSatisfy { $0.isWhitespace || $0 == ">" }
    }

    /// Whether a translation may hold the code more than once. Never: building puts each
    /// code's bytes back exactly once, so a copy would duplicate a link or an image.
    public var canCopy: Bool { false }

    /// Whether a translation may move the code relative to the other codes. Always, as long as
    /// pairs stay well nested (an opening before its closing, no crossing pairs): word order
    /// differs between languages, and build splices each code where the translator put it.
    public var canReorder: Bool { true }
}
