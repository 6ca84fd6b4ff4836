import Foundation

/// A throwaway Tandem project in a temporary directory: `tandem.yml`, `content/posts/`, and
/// whatever files a test adds. Removed by `remove()`.
public struct TemporaryProject {
    public let root: URL

    /// A project translating `source` into `targets`.
    public init(source: String = "zh-CN", targets: [String] = ["en"], extraConfiguration: String = "") throws {
        root = try TemporaryDirectory(prefix: "tandem-project").url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try "source: \(source)\ntargets: [\(targets.joined(separator: ", "))]\ncontent: content\n\(extraConfiguration)"
            .write(to: root.appendingPathComponent("tandem.yml"), atomically: true, encoding: .utf8)
    }

    public var configFile: URL { root.appendingPathComponent("tandem.yml") }

    /// Writes `bytes` at `path` (relative to the root), creating directories.
    @discardableResult
    public func write(_ bytes: [UInt8], to path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    @discardableResult
    public func write(_ text: String, to path: String) throws -> URL {
        try write(Array(text.utf8), to: path)
    }

    public func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
