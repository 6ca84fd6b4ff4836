extension ExtractState {
    /// The first bytes of the file: a state file of another format (the JSON of format 2
    /// included) is not read as one.
    static let magic = Array("TANDEM-EXTRACT-STATE\n".utf8)

    /// The state as `.tandem/extract-state.bin` holds it: the magic, the format version, the
    /// keys file's id, the posts (each one's asking keys as bytes or a block of the keys file),
    /// the file records, the language records and the content listing's directories, each
    /// sorted by path (equal states, equal bytes). Every field of `ExtractResult` is written: a field added there must be
    /// added here, with `currentFormatVersion` bumped.
    func binary() -> [UInt8] {
        var writer = BinaryRecordWriter(capacity: 256 * (posts.count + files.count + languages.count))
        writer.append(raw: Self.magic)
        writer.append(formatVersion)
        writer.appendFixed(keysFile)
        // The paths are sorted, not the records: sorting (path, record) pairs moves the records.
        writer.append(count: posts.count)
        for path in posts.keys.sorted() {
            writer.append(path)
            posts[path]!.write(to: &writer)
        }
        writer.append(count: files.count)
        for path in files.keys.sorted() {
            let record = files[path]!
            writer.append(path)
            record.stamp.write(to: &writer)
            writer.appendFixed(record.digest)
        }
        writer.appendFixed(languageSettings)
        writer.append(count: languages.count)
        for path in languages.keys.sorted() {
            let record = languages[path]!
            writer.append(path)
            record.stamp.write(to: &writer)
            writer.append(record.language)
        }
        writer.append(count: listing.directories.count)
        for path in listing.directories.keys.sorted() {
            let directory = listing.directories[path]!
            writer.append(path)
            directory.stamp.write(to: &writer)
            for names in [directory.subdirectories, directory.markdownFiles] {
                writer.append(count: names.count)
                for name in names { writer.append(name) }
            }
        }
        return writer.bytes
    }

    /// The state in `bytes`; throws when they are not a whole state of the current format.
    init(binary bytes: ArraySlice<UInt8>) throws {
        guard bytes.starts(with: Self.magic) else { throw BinaryRecordReader.Damaged() }
        var reader = BinaryRecordReader(bytes.dropFirst(Self.magic.count))
        guard try reader.int() == Self.currentFormatVersion else { throw BinaryRecordReader.Damaged() }
        self.init()
        keysFile = try reader.fixed()
        let postCount = try reader.count()
        posts.reserveCapacity(postCount)
        for _ in 0..<postCount {
            let path = try reader.string()
            posts[path] = try Entry(from: &reader)
        }
        let fileCount = try reader.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let path = try reader.string()
            files[path] = FileRecord(stamp: try FileStamp(from: &reader), digest: try reader.fixed())
        }
        languageSettings = try reader.fixed()
        let languageCount = try reader.count()
        languages.reserveCapacity(languageCount)
        for _ in 0..<languageCount {
            let path = try reader.string()
            languages[path] = LanguageRecord(stamp: try FileStamp(from: &reader), language: try reader.optionalString())
        }
        let directoryCount = try reader.count()
        listing.directories.reserveCapacity(directoryCount)
        for _ in 0..<directoryCount {
            let path = try reader.string()
            let stamp = try FileStamp(from: &reader)
            let subdirectories = try (0..<reader.count()).map { _ in try reader.string() }
            let markdownFiles = try (0..<reader.count()).map { _ in try reader.string() }
            listing.directories[path] = ContentListing.Directory(stamp: stamp, subdirectories: subdirectories, markdownFiles: markdownFiles)
        }
        guard reader.isAtEnd else { throw BinaryRecordReader.Damaged() }
    }
}

extension ExtractState.Entry {
    func write(to writer: inout BinaryRecordWriter) {
        writer.append(hash != nil)
        if let hash { writer.appendFixed(hash) }
        writer.append(count: segmentFiles.count)
        for file in segmentFiles { writer.append(file) }
        writer.append(filesHash != nil)
        if let filesHash { writer.appendFixed(filesHash) }
        writer.append(memory)
        writer.append(count: results.count)
        for result in results { result.write(to: &writer) }
        writer.append(askingKeys != nil)
        if let askingKeys {
            writer.append(askingKeys.asksAny)
            switch askingKeys.storage {
            case .bytes(let encoded):
                writer.append(false)
                writer.append(count: encoded.count)
                writer.append(raw: encoded)
            case .stored(let block):
                writer.append(true)
                writer.append(block.offset)
                writer.append(block.length)
            }
        }
        writer.append(memoryMark != nil)
        if let memoryMark {
            for number in [memoryMark.instance, memoryMark.generation, memoryMark.rewrites, memoryMark.lastUnitID] {
                writer.append(number)
            }
        }
    }

    init(from reader: inout BinaryRecordReader) throws {
        let hash = try reader.bool() ? try reader.fixed() : nil
        let segmentFiles = try (0..<reader.count()).map { _ in try reader.string() }
        let filesHash = try reader.bool() ? try reader.fixed() : nil
        let memory = try reader.optionalString()
        let results = try (0..<reader.count()).map { _ in try ExtractResult(from: &reader) }
        var askingKeys: ExtractState.AskingKeys?
        if try reader.bool() {
            let asksAny = try reader.bool()
            if try reader.bool() {
                let block = AskingKeysFile.Block(offset: try reader.int(), length: try reader.int())
                askingKeys = ExtractState.AskingKeys(storage: .stored(block), asksAny: asksAny)
            } else {
                askingKeys = ExtractState.AskingKeys(storage: .bytes(try reader.raw(reader.count())), asksAny: asksAny)
            }
        }
        var memoryMark: MemoryMark?
        if try reader.bool() {
            memoryMark = MemoryMark(
                instance: try reader.signed(), generation: try reader.signed(), rewrites: try reader.signed(),
                lastUnitID: try reader.signed())
        }
        self.init(
            hash: hash, segmentFiles: segmentFiles, filesHash: filesHash, memory: memory, results: results,
            askingKeys: askingKeys, memoryMark: memoryMark)
    }
}

extension ExtractResult {
    func write(to writer: inout BinaryRecordWriter) {
        writer.append(post)
        writer.append(locale)
        writer.append(segmentFile)
        for number in [segments, translated, copied, changes.unchanged, changes.restored, changes.added, changes.edited, changes.obsoleted] {
            writer.append(number)
        }
        writer.append(leverage != nil)
        if let leverage {
            for number in [leverage.inContext, leverage.exact, leverage.fuzzy, leverage.none] { writer.append(number) }
        }
        writer.append(written)
        writer.append(script?.rawValue)
        writer.append(skipped)
    }

    init(from reader: inout BinaryRecordReader) throws {
        let post = try reader.string()
        let locale = try reader.string()
        let segmentFile = try reader.string()
        let segments = try reader.int()
        let translated = try reader.int()
        let copied = try reader.int()
        let changes = SegmentMerger.Report(
            unchanged: try reader.int(), restored: try reader.int(), added: try reader.int(), edited: try reader.int(),
            obsoleted: try reader.int())
        var leverage: LeverageSummary?
        if try reader.bool() {
            var summary = LeverageSummary()
            summary.inContext = try reader.int()
            summary.exact = try reader.int()
            summary.fuzzy = try reader.int()
            summary.none = try reader.int()
            leverage = summary
        }
        let written = try reader.bool()
        var script: ChineseScript?
        if let raw = try reader.optionalString() {
            guard let known = ChineseScript(rawValue: raw) else { throw BinaryRecordReader.Damaged() }
            script = known
        }
        let skipped = try reader.bool()
        self.init(
            post: post, locale: locale, segmentFile: segmentFile, segments: segments, translated: translated, copied: copied,
            changes: changes, leverage: leverage, written: written, script: script, skipped: skipped)
    }
}

extension FileStamp {
    func write(to writer: inout BinaryRecordWriter) {
        writer.append(device)
        writer.append(inode)
        writer.append(size)
        writer.append(modified)
        writer.append(changed)
    }

    init(from reader: inout BinaryRecordReader) throws {
        self.init(
            device: try reader.unsigned(), inode: try reader.unsigned(), size: try reader.signed(),
            modified: try reader.signed(), changed: try reader.signed())
    }
}
