/// Which of TandemKit's backends a memory is: the embedded SQLite file or the shared PostgreSQL
/// server.
///
/// Also what closes `TranslationMemory`: every conforming type must return one, and only
/// TandemKit can make them (no public initializer). Swift has no sealed protocols; this is the
/// seal, so that TMX, leverage and rebuild may rely on the semantics the conformance suite checks.
public struct MemoryBackend: Equatable, Sendable, CustomStringConvertible {
    /// "SQLite" or "PostgreSQL".
    public let description: String

    private init(_ name: String) { description = name }

    static let sqlite = MemoryBackend("SQLite")
    static let postgreSQL = MemoryBackend("PostgreSQL")
}
