/// One node of a CommonMark + GFM tree, with where it sits in the parsed bytes.
///
/// A plain Swift copy of cmark-gfm's tree, so nothing else in Tandem touches the C library.
public struct MarkdownNode: Sendable {
    /// What the node is: paragraph, heading, text, strong, table cell, …
    public var kind: Kind
    /// Byte range in the parsed text; `nil` for nodes cmark gives no position (soft breaks).
    public var range: Range<Int>?
    public var children: [MarkdownNode]
    /// For links and images: the destination.
    public var destination: String?
    /// For links and images: the title as cmark decoded it (escapes resolved), when there is one.
    public var title: String?

    public init(kind: Kind, range: Range<Int>?, children: [MarkdownNode] = [], destination: String? = nil, title: String? = nil) {
        self.kind = kind
        self.range = range
        self.children = children
        self.destination = destination
        self.title = title
    }
}
