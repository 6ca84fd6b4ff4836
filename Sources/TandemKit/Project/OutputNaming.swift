/// Where `build` writes a translated post.
public enum OutputNaming: String, Codable, Sendable {
    /// `foo.<tag>.md` beside `foo.md`: Hugo's translation by file name.
    case filename
    /// `<outputDirectory with {tag}>/<same relative path>`: Hugo's translation by content
    /// directory (each language's `contentDir`).
    case directory
}
