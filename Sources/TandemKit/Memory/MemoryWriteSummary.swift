/// What a batch write did.
public struct MemoryWriteSummary: Equatable, Sendable, Codable {
    /// Units that were not in the memory before.
    public var inserted: Int
    /// Units that were there already (same locales, source, context and target) and were refreshed.
    public var updated: Int

    public init(inserted: Int = 0, updated: Int = 0) {
        self.inserted = inserted
        self.updated = updated
    }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated)
    }
}
