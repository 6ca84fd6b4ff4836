internal import Yams

/// Reads YAML front matter with typed decoding (Yams' composer, never `Yams.load` into `Any`,
/// which expands alias bombs) and finds where each top-level value is written, so a value can
/// be replaced by a minimal splice and everything else stays byte-identical.
struct YAMLFrontMatterReader {
    let bytes: [UInt8]
    let block: FrontMatterBlock
    let path: String

    func read() throws -> FrontMatter {
        let content = Array(bytes[block.contentRange])
        let lines = LineTable(content)
        let root: Node?
        do {
            // The encoding named: Yams' default reads the whole process environment (for
            // `YAMS_DEFAULT_ENCODING`) at every parser, 4 % of an extract of 5,000 posts.
            root = try Parser(yaml: String(decoding: content, as: UTF8.self), encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw convert(error)
        }
        guard let root else { return FrontMatter(block: block, fields: []) }
        guard case .mapping(let mapping) = root else {
            throw TandemError.invalidValue(location(root.mark), message: "front matter must be a mapping of keys to values")
        }
        var fields: [FrontMatterField] = []
        var found = Found()
        forEachPair(of: mapping, bound: content.count, lines: lines) { key, keyMark, value, bound in
            if let aliased = aliasedValue(key: key, keyMark: keyMark, value: value, bound: bound, lines: lines, content: content) {
                found.aliasedValues.append(aliased)
            }
            fields.append(field(key: key, keyMark: keyMark, value: value, bound: bound, lines: lines, content: content))
            switch value {
            case .mapping(let inner) where isBlockMappingInPlace(inner, key: keyMark, bound: bound, lines: lines, content: content):
                collectNested(inner, path: key, depth: 2, bound: bound, lines: lines, content: content, into: &found)
            case .sequence(let sequence) where sequence.contains(where: { if case .mapping = $0 { true } else { false } }):
                collectItems(of: sequence, path: key, depth: 2, key: keyMark, bound: bound, lines: lines, content: content, into: &found)
            default:
                break
            }
        }
        var frontMatter = FrontMatter(block: block, fields: fields)
        frontMatter.nestedFields = found.fields
        frontMatter.aliasedValues = found.aliasedValues
        return frontMatter
    }

    /// What the walk of the mappings finds: the nested fields, and every aliased value (top-level
    /// or nested).
    private struct Found {
        var fields: [FrontMatterField] = []
        var aliasedValues: [FrontMatter.AliasedValue] = []
    }

    /// Whether `mapping`, the value of the key at `key`, is written there as a block (`key:
    /// value` lines): not in flow (`{key: value}`), whose values' ends the line-based extents
    /// would not find (read from the bytes: the composed node's style is not the one written),
    /// and not an alias (`*m`), whose nodes' marks are the anchored mapping's, elsewhere.
    private func isBlockMappingInPlace(_ mapping: Node.Mapping, key: Mark, bound: Int, lines: LineTable, content: [UInt8]) -> Bool {
        guard let mark = mapping.mark else { return false }
        let start = offset(of: mark, lines: lines, content: content)
        return start > offset(of: key, lines: lines, content: content) && start < bound && content[start] != UInt8(ascii: "{")
    }

    /// Calls `body` with each scalar key of `mapping`, its value and where the value's bytes
    /// must end (the start of the next key's line, or `bound` after the last).
    private func forEachPair(of mapping: Node.Mapping, bound: Int, lines: LineTable, _ body: (String, Mark, Node, Int) -> Void) {
        let pairs = Array(mapping)
        for (index, pair) in pairs.enumerated() {
            guard case .scalar(let keyScalar) = pair.key, let keyMark = keyScalar.mark else { continue }
            let nextKeyLine = index + 1 < pairs.count ? pairs[index + 1].key.mark?.line : nil
            body(keyScalar.string, keyMark, pair.value, nextKeyLine.map { lines.starts[$0 - 1] } ?? bound)
        }
    }

    /// The string values (and lists of strings) inside the block mapping at `path`, keyed by
    /// their dotted path, and those of the block mappings inside it.
    private func collectNested(
        _ mapping: Node.Mapping, path: String, depth: Int, bound: Int, lines: LineTable, content: [UInt8], into found: inout Found
    ) {
        guard depth <= FrontMatter.nestingLimit else { return }
        forEachPair(of: mapping, bound: bound, lines: lines) { key, keyMark, value, bound in
            let keyPath = path + "." + key
            switch value {
            case .mapping(let inner) where isBlockMappingInPlace(inner, key: keyMark, bound: bound, lines: lines, content: content):
                collectNested(inner, path: keyPath, depth: depth + 1, bound: bound, lines: lines, content: content, into: &found)
            case .sequence(let sequence) where sequence.contains(where: { if case .mapping = $0 { true } else { false } }):
                collectItems(of: sequence, path: keyPath, depth: depth + 1, key: keyMark, bound: bound, lines: lines, content: content, into: &found)
            case .scalar, .sequence:
                if var aliased = aliasedValue(key: keyPath, keyMark: keyMark, value: value, bound: bound, lines: lines, content: content) {
                    aliased.isNested = true
                    found.aliasedValues.append(aliased)
                }
                let field = field(key: keyPath, keyMark: keyMark, value: value, bound: bound, lines: lines, content: content)
                if field.value != .other { found.fields.append(field) }
            case .mapping:
                // A flow mapping (`box: {caption: 图注}`) is not entered, but kept as a field
                // never translated (`.other`), so that the text in it is named as untranslated.
                found.fields.append(field(key: keyPath, keyMark: keyMark, value: value, bound: bound, lines: lines, content: content))
            default:
                break
            }
        }
    }

    /// The fields of the block mappings that are items of `sequence`, the value of the key at
    /// `key` (Hugo's page resources: `resources:` then `- src: …` / `  title: …`), each item
    /// keyed by its position from 0 (`resources.0.title`). Entered only when the sequence is
    /// written as a block in place; an item's bytes end where the next item's dash line starts
    /// (`- src: …`, or a `-` alone on its line above the map). A flow mapping item (`- {…}`) is
    /// not entered.
    private func collectItems(
        of sequence: Node.Sequence, path: String, depth: Int, key: Mark, bound: Int, lines: LineTable, content: [UInt8], into found: inout Found
    ) {
        guard depth <= FrontMatter.nestingLimit, let mark = sequence.mark else { return }
        let keyStart = offset(of: key, lines: lines, content: content)
        // A flow sequence (`[…]`) is not entered: its items share lines. Nor is an alias
        // (`*r`), whose nodes' marks are the anchored sequence's, before the key.
        let sequenceStart = offset(of: mark, lines: lines, content: content)
        guard sequenceStart > keyStart, sequenceStart < bound, content[sequenceStart] != UInt8(ascii: "[") else { return }
        let items = Array(sequence)
        // Where each item starts, and where its line starts if the item is the first thing on
        // it after its dash.
        let starts = items.map { item in item.mark.map { offset(of: $0, lines: lines, content: content) } }
        let dashLineStarts = zip(items, starts).map { item, start -> Int? in
            guard let line = item.mark?.line, line - 1 < lines.starts.count, let start, start > keyStart, start < bound else { return nil }
            let lineStart = lines.starts[line - 1]
            if isDashLine(content[lineStart..<start]) { return lineStart }
            // A dash alone on a line above the item, with only blank or comment lines between.
            guard content[lineStart..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
            var above = line - 1
            while above >= 1 {
                let aboveStart = lines.starts[above - 1]
                let text = content[aboveStart..<lines.starts[above]].filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
                if text.first == UInt8(ascii: "#") || text.isEmpty { above -= 1; continue }
                return text == [UInt8(ascii: "-")] && aboveStart > keyStart ? aboveStart : nil
            }
            return nil
        }
        for (index, item) in items.enumerated() {
            guard case .mapping(let inner) = item, let start = starts[index], start > keyStart, start < bound,
                  content[start] != UInt8(ascii: "{") else { continue }
            let itemBound: Int
            if index + 1 < items.count {
                guard let next = dashLineStarts[index + 1] else { continue }
                itemBound = next
            } else {
                itemBound = bound
            }
            collectNested(inner, path: path + "." + String(index), depth: depth + 1, bound: itemBound, lines: lines, content: content, into: &found)
        }
    }

    /// Whether the bytes before an item on its line are a dash and blanks (`  - `), so the item
    /// is the first thing on its line after its dash.
    private func isDashLine(_ prefix: ArraySlice<UInt8>) -> Bool {
        let trimmed = prefix.drop { $0 == 0x20 || $0 == 0x09 }
        guard trimmed.first == UInt8(ascii: "-") else { return false }
        let rest = trimmed.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private func field(key: String, keyMark: Mark, value: Node, bound: Int, lines: LineTable, content: [UInt8]) -> FrontMatterField {
        let base = block.contentRange.lowerBound
        let line = keyMark.line + lineOffset
        guard let mark = value.mark else {
            return FrontMatterField(key: key, value: .other, valueRange: (base + bound)..<(base + bound), style: .plain, line: line)
        }
        let start = min(offset(of: mark, lines: lines, content: content), bound)
        switch value {
        case .scalar(let scalar):
            let isString = Self.isString(scalar)
            let (end, style) = scalarExtent(scalar.style, start: start, bound: bound, content: content)
            return FrontMatterField(
                key: key, value: isString ? .string(scalar.string) : .other,
                valueRange: (base + start)..<(base + end), style: style, line: line)
        case .sequence(let sequence):
            let items = sequence.map { node -> String? in
                guard case .scalar(let item) = node, Self.isString(item) else { return nil }
                return item.string
            }
            let strings = items.allSatisfy { $0 != nil } ? FrontMatterValue.strings(items.map { $0! }) : .other
            let firstQuote = sequence.first.flatMap { node -> String? in
                guard case .scalar(let item) = node else { return nil }
                return item.style == .doubleQuoted ? "\"" : item.style == .singleQuoted ? "'" : ""
            } ?? "\""
            // The written form decides (libyaml marks a flow sequence from its key's line).
            let firstByte = content[start..<bound].firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if let open = firstByte, content[open] == UInt8(ascii: "[") {
                let end = matchingBracket(from: open, bound: bound, content: content)
                return FrontMatterField(key: key, value: strings, valueRange: (base + open)..<(base + end),
                                        style: .flowSequence(quote: firstQuote), line: line)
            }
            // A block sequence: from the start of the first item's line to the end of the last
            // content line before the next key.
            let itemStart = firstByte ?? start
            let lineStart = lines.position(of: itemStart).line > 0 ? lines.starts[lines.position(of: itemStart).line - 1] : itemStart
            let prefix = String(decoding: content[lineStart..<itemStart], as: UTF8.self)
            let end = trimmedBlockEnd(bound: bound, from: itemStart, content: content)
            return FrontMatterField(key: key, value: strings, valueRange: (base + lineStart)..<(base + end),
                                    style: .blockSequence(prefix: prefix, quote: firstQuote), line: line)
        default:
            return FrontMatterField(key: key, value: .other, valueRange: (base + start)..<(base + bound), style: .plain, line: line)
        }
    }

    /// Whether Yams' default resolver makes `scalar` a string (`Resolver.default.resolveTag`),
    /// without its seven regular expressions when none of them can match: each is anchored at
    /// the start and begins with one of a few ASCII characters (`true`, `~`, `-1`, `.5`, `<<`,
    /// `=`, a digit), or matches the empty string (null). Quoted and tagged scalars carry their
    /// tag already. The regular expressions took 4 % of a 5,000-post extract.
    static func isString(_ scalar: Node.Scalar) -> Bool {
        if scalar.tag.rawValue == Tag.Name.implicit.rawValue, let first = scalar.string.utf8.first, !ruleInitials.contains(first) { return true }
        return Resolver.default.resolveTag(of: Node.scalar(scalar)) == .str
    }

    /// The first characters a string matched by a rule of `Resolver.default` can have.
    private static let ruleInitials = Set("yYnNtTfFoO+-0123456789.<~=".utf8)

    /// Where a scalar's text ends, by its style.
    private func scalarExtent(_ style: Node.Scalar.Style, start: Int, bound: Int, content: [UInt8]) -> (Int, FrontMatterField.Style) {
        switch style {
        case .doubleQuoted:
            var index = start + 1
            while index < bound {
                if content[index] == UInt8(ascii: "\\") { index += 2; continue }
                if content[index] == UInt8(ascii: "\"") { return (index + 1, .doubleQuoted) }
                index += 1
            }
            return (bound, .doubleQuoted)
        case .singleQuoted:
            var index = start + 1
            while index < bound {
                if content[index] == UInt8(ascii: "'") {
                    if index + 1 < bound, content[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                    return (index + 1, .singleQuoted)
                }
                index += 1
            }
            return (bound, .singleQuoted)
        case .literal, .folded:
            return (trimmedBlockEnd(bound: bound, from: start, content: content), .block)
        default:
            // Plain: to the end of the last non-comment content before the next key.
            return (plainEnd(start: start, bound: bound, content: content), .plain)
        }
    }

    /// The end of a plain scalar: its lines up to `bound`, without comments and trailing space.
    private func plainEnd(start: Int, bound: Int, content: [UInt8]) -> Int {
        var end = start
        var index = start
        var lineHasComment = false
        while index < bound {
            let byte = content[index]
            if byte == 0x0A || byte == 0x0D {
                lineHasComment = false
            } else if byte == UInt8(ascii: "#"), index > start, content[index - 1] == 0x20 || content[index - 1] == 0x09 {
                lineHasComment = true
            } else if !lineHasComment, byte != 0x20, byte != 0x09 {
                end = index + 1
            }
            index += 1
        }
        return end
    }

    private func trimmedBlockEnd(bound: Int, from start: Int, content: [UInt8]) -> Int {
        var end = bound
        while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(content[end - 1]) { end -= 1 }
        return end
    }

    private func matchingBracket(from start: Int, bound: Int, content: [UInt8]) -> Int {
        var depth = 0
        var quote: UInt8?
        var index = start
        while index < bound {
            let byte = content[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { index += 2; continue }
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return bound
    }

    /// libyaml counts columns in Unicode scalars.
    func offset(of mark: Mark, lines: LineTable, content: [UInt8]) -> Int {
        guard mark.line - 1 < lines.starts.count else { return content.count }
        var index = lines.starts[mark.line - 1]
        var column = 1
        while column < mark.column, index < content.count {
            index += 1
            while index < content.count, content[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// Lines before the YAML content: the opening `---` (and a BOM-bearing first line).
    private var lineOffset: Int {
        LineTable(Array(bytes[..<block.contentRange.lowerBound])).starts.count - 1
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    private func convert(_ error: YamlError) -> TandemError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .invalidValue(location(mark), message: "invalid YAML front matter: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the one to remove is the second.
            if let key = duplicates.sorted().first,
               let second = YAMLDuplicateKey.secondOccurrence(of: key, firstLine: context.mark.line, column: context.mark.column, in: context.text) {
                return .invalidValue(SourceLocation(file: path, line: second.line + lineOffset, column: second.column), message: "duplicate key '\(key)' in front matter; each key may appear once")
            }
            return .invalidValue(location(context.mark), message: "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in front matter; each key may appear once")
        case .reader(let problem, _, _, _):
            return .invalidValue(location(nil), message: "invalid YAML front matter: \(problem)")
        default:
            return .invalidValue(location(nil), message: "invalid YAML front matter: \(error)")
        }
    }
}
