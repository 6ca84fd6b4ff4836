/// What the reference run left in the memory, known only once it ran (the checks after each
/// kill are made before): its units' hash, and the hash of its first n units for each n a
/// committed transaction can end at.
final class ReferenceMemory: @unchecked Sendable {
    var hash: String?
    var prefixHashes: [Int: String] = [:]
}
