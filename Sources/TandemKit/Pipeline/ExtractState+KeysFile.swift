import Foundation

extension ExtractState {
    /// Puts the keys of every post that asks the memory and holds them as bytes (extracted by
    /// this run) into the keys file in `directory` (`AskingKeysFile`): appended to the file the
    /// state points into, or, when that file cannot be appended to (missing, another file,
    /// shorter than the blocks the state names) or more than half of it would be garbage, into
    /// a new file with the live blocks, which the state then points into. Posts whose blocks are
    /// in an unusable file lose their record (they are extracted again).
    ///
    /// Returns whether the state now points into a new file (the old one is removed once the
    /// state is saved). `old` is the state's file as a run read it, if it did.
    mutating func storeAskingKeys(in directory: URL, reading old: AskingKeysFile?) throws -> Bool {
        var fresh: [(path: String, bytes: ArraySlice<UInt8>)] = []
        var stored: [(path: String, block: AskingKeysFile.Block)] = []
        for (path, entry) in posts {
            guard let keys = entry.askingKeys, keys.asksAny else { continue }
            switch keys.storage {
            case .bytes(let bytes): fresh.append((path, bytes))
            case .stored(let block): stored.append((path, block))
            }
        }
        guard !fresh.isEmpty else { return false }
        fresh.sort { $0.path < $1.path }
        let freshCount = fresh.reduce(0) { $0 + $1.bytes.count }
        let live = stored.reduce(0) { $0 + $1.block.length }
        let end = stored.reduce(AskingKeysFile.headerCount) { max($0, $1.block.offset + $1.block.length) }
        let url = AskingKeysFile.url(in: directory, id: keysFile)
        if keysFile != 0, let size = Self.appendableSize(of: url, id: keysFile), size >= end {
            // Garbage: everything between the header and the end that no block is.
            let garbage = size - AskingKeysFile.headerCount - live
            if garbage * 2 <= size + freshCount - AskingKeysFile.headerCount {
                try append(fresh, to: url, at: size)
                return false
            }
        }
        // A new file: the live blocks the old one still holds, then the new ones.
        let reader = old.flatMap { $0.id == keysFile ? $0 : nil } ?? AskingKeysFile(directory: directory, id: keysFile)
        var newID = UInt64.random(in: 1...UInt64.max)
        while newID == keysFile { newID = UInt64.random(in: 1...UInt64.max) }
        var writer = BinaryRecordWriter(capacity: AskingKeysFile.headerCount + live + freshCount)
        writer.append(raw: AskingKeysFile.header(id: newID))
        for (path, block) in stored.sorted(by: { $0.path < $1.path }) {
            guard let bytes = reader.bytes(of: block) else {
                posts[path] = nil
                continue
            }
            posts[path]!.askingKeys = AskingKeys(storage: .stored(.init(offset: writer.bytes.count, length: bytes.count)), asksAny: true)
            writer.append(raw: bytes)
        }
        for (path, bytes) in fresh {
            posts[path]!.askingKeys = AskingKeys(storage: .stored(.init(offset: writer.bytes.count, length: bytes.count)), asksAny: true)
            writer.append(raw: bytes)
        }
        try AtomicFile.write(writer.bytes, to: AskingKeysFile.url(in: directory, id: newID))
        keysFile = newID
        return true
    }

    /// Appends the `fresh` blocks to the keys file at `url`, whose size is `size`, and flushes
    /// them before the state that points to them is written.
    private mutating func append(_ fresh: [(path: String, bytes: ArraySlice<UInt8>)], to url: URL, at size: Int) throws {
        var writer = BinaryRecordWriter(capacity: fresh.reduce(0) { $0 + $1.bytes.count })
        for (path, bytes) in fresh {
            posts[path]!.askingKeys = AskingKeys(storage: .stored(.init(offset: size + writer.bytes.count, length: bytes.count)), asksAny: true)
            writer.append(raw: bytes)
        }
        let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TandemError.unwritable(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try AtomicFileWriter.writeAll(writer.bytes, to: descriptor, at: size, path: url.path)
        guard fsync(descriptor) == 0 else { throw TandemError.unwritable(path: url.path, reason: String(cString: strerror(errno))) }
    }

    /// The size of the keys file at `url` when it is the file of `id` (its header says so);
    /// nil otherwise. Reads the header only.
    private static func appendableSize(of url: URL, id: UInt64) -> Int? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let expected = AskingKeysFile.header(id: id)
        var header = [UInt8](repeating: 0, count: expected.count)
        let got = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        var info = stat()
        guard got == expected.count, header == expected, fstat(descriptor, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Removes the keys files in `directory` other than the state's own: one replaced by this
    /// save, or one a run killed after writing it left behind.
    func removeOtherKeysFiles(in directory: URL) {
        let own = AskingKeysFile.url(in: directory, id: keysFile).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(AskingKeysFile.namePrefix) && name.hasSuffix(".bin") && name != own {
            unlink(directory.appendingPathComponent(name).path)
        }
    }
}
