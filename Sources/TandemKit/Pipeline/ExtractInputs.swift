import Foundation

/// Hashes of what `extract` makes a post's segment files from, for `ExtractState`.
///
/// The run's part (`settings`) covers everything shared by all posts: tandem.yml, the Hugo
/// site's configuration files, the locale rules (`locales/*.yml`), the glossaries of the
/// source locale, the tandem executable and ICU, and whether a memory is used and which file
/// it is. A post's part adds its bytes and those of its segment files. Files are hashed whole
/// (FNV-1a over length-prefixed parts): a change anywhere in them counts as a change.
struct ExtractInputs {
    private var hash = StableHash.offsetBasis

    /// Adds `text`, length first, so consecutive parts cannot run into each other.
    mutating func add(_ text: String) {
        var text = text
        add(count: text.utf8.count)
        hash = text.withUTF8 { StableHash.fnv1a(hash, $0) }
    }

    /// Adds `bytes` (nil: absent, told apart from empty).
    mutating func add(bytes: [UInt8]?) {
        guard let bytes else { return add(count: -1) }
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    /// Adds `bytes`, count first.
    mutating func add(bytes: UnsafeRawBufferPointer) {
        add(count: bytes.count)
        hash = StableHash.fnv1a(hash, bytes.bindMemory(to: UInt8.self))
    }

    /// Adds a digest made before (`FileDigests`; nil: absent).
    mutating func add(digest: UInt64?) {
        guard let digest else { return add(count: -1) }
        add(count: 0)
        add(count: Int(Int64(bitPattern: digest)))
    }

    /// Adds the path and bytes of `url` (absent when it cannot be read).
    mutating func add(file url: URL) {
        add(url.path)
        add(bytes: FileManager.default.contents(atPath: url.path).map { Array($0) })
    }

    /// Adds every regular file directly in `directory` whose name ends in one of `extensions`
    /// (all when empty), in name order.
    mutating func add(filesIn directory: URL, extensions: Set<String> = []) {
        // Only the names that count: `locales/` gains a folder per target language at the first
        // extract, and counted, it changed every post's hash, so the second run extracted every
        // post again (17 s on a 510-page site; a helper's finding).
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { extensions.isEmpty || extensions.contains(($0 as NSString).pathExtension) }
        add(count: names.count)
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            add(file: url)
        }
    }

    /// Adds the identity and state of a file as `stat` gives them (device, inode, size,
    /// modification time in nanoseconds), or its absence.
    mutating func add(status path: String) {
        add(path)
        var info = stat()
        guard stat(path, &info) == 0 else { return add(count: -1) }
        for number in [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)] {
            add(count: number)
        }
    }

    /// Adds the identity of a file only (device and inode): the same file, whatever it holds.
    mutating func add(identity path: String) {
        add(path)
        var info = stat()
        guard stat(path, &info) == 0 else { return add(count: -1) }
        add(count: Int(info.st_dev))
        add(count: Int(info.st_ino))
    }

    private mutating func add(count: Int) {
        var value = Int64(count).littleEndian
        hash = withUnsafeBytes(of: &value) { StableHash.fnv1a(hash, $0.bindMemory(to: UInt8.self)) }
    }

    /// The hash so far, as stored.
    var value: String { String(hash, radix: 16) }

    /// The hash so far.
    var digest: UInt64 { hash }
}
