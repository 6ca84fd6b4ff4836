/// A front matter value, decoded with its type: only what Tandem reads is kept.
public enum FrontMatterValue: Equatable, Sendable {
    case string(String)
    case strings([String])
    /// Anything else (numbers, dates, booleans, maps, mixed lists): never touched.
    case other
}
