/// Where a YAML mapping's key is written a second time. Yams reports a duplicated key at its
/// first occurrence, but the line to fix is the later one (the one Hugo and most readers would
/// not use); this finds it: the next line indented like the first that starts with the key
/// (plain or quoted) and a colon.
enum YAMLDuplicateKey {
    /// The 1-based line and column of `key`'s second occurrence after its first at
    /// (`line`, `column`) in `text`, or nil when it cannot be found (a flow mapping).
    static func secondOccurrence(of key: String, firstLine line: Int, column: Int, in text: String) -> (line: Int, column: Int)? {
        // Lines as libyaml counts them: a lone CR ends one too (`LineTable`). Swift reads CR LF
        // as one character.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        guard line >= 1, line < lines.count else { return nil }
        for index in line..<lines.count {
            let content = lines[index]
            let indent = content.prefix { $0 == " " }.count
            guard indent == column - 1 else { continue }
            let rest = content.dropFirst(indent)
            for spelling in spellings where rest.hasPrefix(spelling) {
                let after = rest.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(":") { return (index + 1, column) }
            }
        }
        return nil
    }
}
