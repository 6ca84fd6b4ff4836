import Foundation

/// A post that `extract` or `build` could not process: the run goes on with the others and
/// reports each failure at its place, then exits 2.
public struct PostFailure: Error, Codable, Equatable, Sendable {
    /// The post, relative to the project root.
    public var post: String
    /// Where the problem is (the post, or the segment file or configuration it comes from).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    /// `error` met while processing `post`; without a location of its own it is placed at the
    /// start of the post. A location given as an absolute path under `root` (the project) is
    /// shown relative to it, as every other message names project files.
    public init(post: String, error: any Error, root: URL? = nil) {
        self.post = post
        let tandemError = error as? TandemError
        let location = tandemError?.location
        file = location.map { location in
            guard let root, location.file.hasPrefix("/") else { return location.file }
            return URL(fileURLWithPath: location.file).path(relativeTo: root)
        } ?? post
        line = location?.line ?? 1
        column = location?.column ?? 1
        message = tandemError?.message ?? "\(error)"
    }

    /// `file:line:col: error: message`, as every Tandem error prints.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
