import Foundation

/// `.tandem/extract-keys-<id>.bin`: the asking keys of every post the extract state records
/// (`ExtractState.AskingKeys`), one block per post, which the state points into by offset and
/// length. They are nearly all of what the state knows (8.5 of 9.7 MB in the 5,000-post
/// benchmark): a run that extracts one post appends that post's block instead of reading and
/// rewriting everyone's, and a run that skips every post reads them only when the memory
/// changed since the posts' marks.
///
/// Append-only: a post extracted again gets a new block, its old one becomes garbage, and when
/// garbage is more than half of the blocks the live ones are copied to a new file under a new
/// id (`ExtractState.storeAskingKeys(in:reading:)`).
///
/// Crash safety: blocks are appended and flushed (`fsync`) before the state that points to them
/// is saved (atomically), and nothing a saved state points to is ever overwritten, so a killed
/// run leaves the old state with its blocks intact (and garbage after them). A compacted file
/// has a new name: the old state's file stays until the new state is saved. A state whose file
/// is missing, another file or too short gets no keys from it, and every post that needs them is
/// extracted again.
final class AskingKeysFile {
    /// Where a post's keys are in the file.
    struct Block: Hashable, Sendable {
        var offset: Int
        var length: Int
    }

    /// The first bytes of the file, followed by its id (eight bytes, little-endian).
    static let magic = Array("TANDEM-EXTRACT-KEYS\n".utf8)
    static var headerCount: Int { magic.count + 8 }
    /// The name of a keys file without its id.
    static let namePrefix = "extract-keys-"

    let url: URL
    let id: UInt64
    /// The file's bytes once read (nil inside: it is missing or not the file of `id`).
    private var bytes: [UInt8]??

    /// The keys file `id` in `directory` (the state's directory), read when first needed.
    init(directory: URL, id: UInt64) {
        url = Self.url(in: directory, id: id)
        self.id = id
    }

    static func url(in directory: URL, id: UInt64) -> URL {
        let hex = String(id, radix: 16)
        return directory.appendingPathComponent(namePrefix + String(repeating: "0", count: 16 - hex.count) + hex + ".bin")
    }

    /// The header of the file `id`.
    static func header(id: UInt64) -> [UInt8] {
        var writer = BinaryRecordWriter(capacity: headerCount)
        writer.append(raw: magic)
        writer.appendFixed(id)
        return writer.bytes
    }

    /// The whole file, or nil when it is missing or not the file of `id`.
    var contents: [UInt8]? {
        if let bytes { return bytes }
        var read = id == 0 ? nil : try? FileBytes.contents(atPath: url.path)
        if let file = read, !file.starts(with: Self.header(id: id)) { read = nil }
        bytes = .some(read)
        return read
    }

    /// The bytes of `block`, or nil when the file does not hold it.
    func bytes(of block: Block) -> ArraySlice<UInt8>? {
        guard let contents, block.offset >= Self.headerCount, block.length >= 0,
              block.offset <= contents.count - block.length
        else { return nil }
        return contents[block.offset..<block.offset + block.length]
    }

    /// The keys of each file of `keys`, from the file when they are there; nil when they cannot
    /// be read.
    func files(of keys: ExtractState.AskingKeys) -> [[String]]? {
        switch keys.storage {
        case .bytes(let encoded): ExtractState.AskingKeys.files(encoded)
        case .stored(let block): bytes(of: block).flatMap { ExtractState.AskingKeys.files($0) }
        }
    }
}
