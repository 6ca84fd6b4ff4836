extension FrontMatter {
    /// The top-level entries of YAML or TOML front matter in file order (`bytes`: the whole
    /// file it was read from); nil for JSON, whose members are not kept line by line.
    ///
    /// Lines before the first key (comments) belong to no entry; lines after an entry up to the
    /// next one (blank lines, comments) belong to it.
    public func entries(in bytes: [UInt8]) -> [FrontMatterEntry]? {
        guard syntax != .json else { return nil }
        let lines = LineTable(bytes).starts
        let content = block.contentRange
        // Where each entry starts: a top-level key's line, or a TOML table header's line.
        var starts: [(offset: Int, key: String, isTable: Bool)] = fields.compactMap { field in
            guard field.line >= 1, field.line <= lines.count else { return nil }
            return (lines[field.line - 1], field.key, false)
        }
        if syntax == .toml {
            for start in lines where content.contains(start) {
                if let key = Self.tomlTableKey(bytes, lineStart: start, bound: content.upperBound) { starts.append((start, key, true)) }
            }
        }
        starts.sort { $0.offset < $1.offset }
        var entries: [FrontMatterEntry] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : content.upperBound
            if let existing = entries.firstIndex(where: { $0.key == start.key && $0.isTable == start.isTable }) {
                entries[existing].ranges.append(start.offset..<end)
            } else {
                entries.append(FrontMatterEntry(key: start.key, ranges: [start.offset..<end], isTable: start.isTable))
            }
        }
        return entries
    }

    /// The first key of the TOML table header on the line at `lineStart` (`params` for
    /// `[params.author]` or `[[params]]`), nil when the line is no header. Bare keys and quoted
    /// ones (`["a b"]`) are read; the reader already refused headers that start otherwise.
    static func tomlTableKey(_ bytes: [UInt8], lineStart: Int, bound: Int) -> String? {
        var index = lineStart
        func skipBlanks() { while index < bound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        skipBlanks()
        guard index < bound, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        if index < bound, bytes[index] == UInt8(ascii: "[") { index += 1 }
        skipBlanks()
        guard index < bound else { return nil }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            var end = start
            while end < bound, bytes[end] != quote, bytes[end] != 0x0A { end += 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        let start = index
        while index < bound, case let byte = bytes[index],
              (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
            index += 1
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }
}
