extension ExtractState {
    /// For each segment file of a post, the keys of its sentences that ask the memory, kept as
    /// the state file holds them and decoded only when a run needs them (the memory changed
    /// since the post's mark): a run with nothing changed reads past them.
    public struct AskingKeys: Equatable, Sendable {
        /// Whether any file has a key.
        public let asksAny: Bool
        /// The keys as `BinaryRecordWriter` wrote them: the count of files, then for each the
        /// count of keys and the keys.
        let encoded: ArraySlice<UInt8>

        /// The keys of each file, in order.
        public init(_ files: [[String]]) {
            var writer = BinaryRecordWriter()
            writer.append(count: files.count)
            for keys in files {
                writer.append(count: keys.count)
                for key in keys { writer.append(key) }
            }
            encoded = writer.bytes[...]
            asksAny = files.contains { !$0.isEmpty }
        }

        /// Keys read from a state file (checked when decoded).
        init(encoded: ArraySlice<UInt8>, asksAny: Bool) {
            self.encoded = encoded
            self.asksAny = asksAny
        }

        /// Equal keys; the same bytes of one loaded state are not compared again (a run that
        /// keeps every post compares its state with the one it read, ten megabytes of keys).
        public static func == (lhs: AskingKeys, rhs: AskingKeys) -> Bool {
            guard lhs.asksAny == rhs.asksAny, lhs.encoded.count == rhs.encoded.count else { return false }
            let same = lhs.encoded.withUnsafeBufferPointer { left in
                rhs.encoded.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
            }
            return same || lhs.encoded == rhs.encoded
        }

        /// The keys of each file; nil when the bytes are damaged.
        public var files: [[String]]? {
            var reader = BinaryRecordReader(encoded)
            guard let files = try? (0..<reader.count()).map({ _ in try (0..<reader.count()).map { _ in try reader.string() } }),
                  reader.isAtEnd
            else { return nil }
            return files
        }
    }
}
