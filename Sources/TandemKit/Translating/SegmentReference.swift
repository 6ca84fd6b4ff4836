import Foundation

/// Where one segment is: its post, its segment file and its id (ids are unique inside a post,
/// not across posts: the same sentence in two posts has the same id).
public struct SegmentReference: Hashable, Sendable, Encodable {
    /// The post, relative to the project root (`content/posts/foo.md`).
    public var post: String
    /// The segment file, relative to the project root (`locales/en/posts/foo.json`).
    public var segmentFile: String
    public var id: String
    /// The segment file on disk.
    public var url: URL

    public init(post: String, segmentFile: String, id: String, url: URL) {
        self.post = post
        self.segmentFile = segmentFile
        self.id = id
        self.url = url
    }

    private enum CodingKeys: String, CodingKey { case post, segmentFile, id }
}
