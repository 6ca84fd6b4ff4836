/// One post's units in a returned exchange file (an XLIFF `<file>`, a PO file's entries for one post).
public struct ReturnedDocument: Equatable, Sendable {
    /// The post, relative to the project root, as exported (`original`, PO `#:` path).
    public var original: String
    public var sourceLocale: String?
    public var targetLocale: String?
    /// Where the document starts in the returned file.
    public var location: SourceLocation
    public var units: [ReturnedUnit]

    public init(original: String, sourceLocale: String?, targetLocale: String?, location: SourceLocation, units: [ReturnedUnit] = []) {
        self.original = original
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.location = location
        self.units = units
    }
}
