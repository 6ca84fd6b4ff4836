import Foundation

/// What `build` wrote (`locales/.built.json`): for every translated post, a hash of the bytes
/// written, its source post and its locale. A file whose bytes no longer hash to its entry (or
/// that has none) is someone else's work, and `build` does not replace it without `--force`.
///
/// The file is tracked with the segment files rather than derived: after a fresh clone a
/// teammate's `build` must still tell Tandem's own outputs from human translations.
public struct BuildManifest: Codable, Equatable, Sendable {
    /// One built file.
    public struct Entry: Codable, Equatable, Sendable {
        /// `fnv1a64:<16 hex digits>` of the bytes written (the hash detects edits; it is not a
        /// defence against someone forging a file).
        public var hash: String
        /// The source post, relative to the project root.
        public var source: String
        /// The locale the file translates the source into.
        public var locale: String
    }

    /// Whose a file at an output path is.
    public enum Ownership: Equatable, Sendable {
        /// No file there.
        case absent
        /// Tandem wrote it and nobody changed it since.
        case tandem
        /// Tandem has no record of it, or it changed since Tandem wrote it.
        case foreign
    }

    public var version = 1
    /// Entries by the built file's path relative to the project root.
    public var files: [String: Entry] = [:]

    public init() {}

    /// The manifest of `project`, empty when there is none yet.
    public static func load(_ project: Project) throws -> BuildManifest {
        let url = project.layout.builtManifestFile
        guard FileManager.default.fileExists(atPath: url.path) else { return BuildManifest() }
        do {
            return try JSONDecoder().decode(BuildManifest.self, from: Data(TextFile.readBytes(url)))
        } catch let error as DecodingError {
            throw TandemError.invalidConfiguration(file: project.projectPath(of: url), message: error.tandemDescription)
        }
    }

    /// Writes the manifest of `project` (atomically).
    public func save(_ project: Project) throws {
        try AtomicFile.write(Array((try JSONText.string(self) + "\n").utf8), to: project.layout.builtManifestFile)
    }

    /// The hash recorded for `bytes`.
    public static func hash(_ bytes: [UInt8]) -> String {
        let value = bytes.withUnsafeBufferPointer { StableHash.fnv1a(StableHash.offsetBasis, $0) }
        let hex = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whose the file at `path` (relative to the root) holding `bytes` (nil: no file) is. A file
    /// the manifest does not name whose bytes are exactly those of a file Tandem wrote is
    /// Tandem's too: a page bundle moved with `git mv` carries its `index.en.md` along, which
    /// was then "not written by Tandem", and only --force rebuilt it (a helper's finding). Bytes
    /// Tandem wrote hold nothing a person wrote.
    public func ownership(of path: String, bytes: [UInt8]?) -> Ownership {
        guard let bytes else { return .absent }
        let hash = Self.hash(bytes)
        if let entry = files[path] { return entry.hash == hash ? .tandem : .foreign }
        return files.values.contains { $0.hash == hash } ? .tandem : .foreign
    }

    /// Records that `bytes` were written at `path` from `source` for `locale`.
    public mutating func record(_ path: String, bytes: [UInt8], source: String, locale: String) {
        files[path] = Entry(hash: Self.hash(bytes), source: source, locale: locale)
    }
}
