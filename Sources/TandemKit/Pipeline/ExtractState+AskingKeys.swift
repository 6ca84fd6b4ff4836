extension ExtractState {
    /// For each segment file of a post, the keys of its sentences that ask the memory. A post
    /// that asks the memory has them in the keys file (`AskingKeysFile`), which the state points
    /// into and which is read only when a run needs them (the memory changed since the post's
    /// mark); until the state is saved, a post just extracted holds them as bytes.
    public struct AskingKeys: Equatable, Sendable {
        /// Where the keys are.
        enum Storage: Equatable, Sendable {
            /// As `BinaryRecordWriter` wrote them: the count of files, then for each the count
            /// of keys and the keys.
            case bytes(ArraySlice<UInt8>)
            /// A block of the keys file (those same bytes).
            case stored(AskingKeysFile.Block)
        }

        /// Whether any file has a key.
        public let asksAny: Bool
        let storage: Storage

        /// The keys of each file, in order.
        public init(_ files: [[String]]) {
            var writer = BinaryRecordWriter()
            writer.append(count: files.count)
            for keys in files {
                writer.append(count: keys.count)
                for key in keys { writer.append(key) }
            }
            storage = .bytes(writer.bytes[...])
            asksAny = files.contains { !$0.isEmpty }
        }

        /// Keys read from a state file (checked when decoded).
        init(storage: Storage, asksAny: Bool) {
            self.storage = storage
            self.asksAny = asksAny
        }

        /// Equal keys; the same bytes are not compared again (a run that keeps every post
        /// compares its state with the one it read). Keys in the file and keys as bytes are
        /// told apart: a state whose keys moved to the file is a state to save.
        public static func == (lhs: AskingKeys, rhs: AskingKeys) -> Bool {
            guard lhs.asksAny == rhs.asksAny else { return false }
            switch (lhs.storage, rhs.storage) {
            case (.stored(let left), .stored(let right)):
                return left == right
            case (.bytes(let left), .bytes(let right)):
                guard left.count == right.count else { return false }
                let same = left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
                }
                return same || left == right
            default:
                return false
            }
        }

        /// The keys' bytes when they are not in the keys file yet.
        var encodedBytes: ArraySlice<UInt8> {
            if case .bytes(let encoded) = storage { return encoded }
            return []
        }

        /// The keys of each file; nil when they are in the keys file (`AskingKeysFile.files(of:)`
        /// reads them) or the bytes are damaged.
        public var files: [[String]]? {
            guard case .bytes(let encoded) = storage else { return nil }
            return Self.files(encoded)
        }

        /// The keys of each file in `encoded`; nil when the bytes are damaged.
        static func files(_ encoded: ArraySlice<UInt8>) -> [[String]]? {
            var reader = BinaryRecordReader(encoded)
            guard let files = try? (0..<reader.count()).map({ _ in try (0..<reader.count()).map { _ in try reader.string() } }),
                  reader.isAtEnd
            else { return nil }
            return files
        }
    }
}
