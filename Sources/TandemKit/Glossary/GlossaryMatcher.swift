/// Finds glossary terms in text: every longest-leftmost match over normalized keys, mapped
/// back to UTF-8 offsets in the original text. Build it once per run and reuse it.
///
/// - Keys are `Normalizer.matchingKey`-compatible: NFKC, case folded, width folded (`ＡＩ` is
///   `AI`), white space collapsed.
/// - Scanning left to right, at each position the longest term that fits wins and scanning
///   resumes after it (阿里巴巴 wins over 阿里 in 阿里巴巴集团; 阿里云 over 阿里 in 阿里云).
/// - A term that starts or ends with a Latin-like letter or digit matches only on a word
///   boundary there (`AMD` does not match in `AMDx`, `AI` does match in `AI功能`).
/// - A Han or kana term must not begin or end inside a longer word (阿里 not in 阿里山):
///   `TermWordEdges` decides with ICU's dictionary breaks, and an entry's `notPrecededBy` /
///   `notFollowedBy` refuse what ICU cannot see (三星期). A longer term refused there gives
///   way to the next shorter one at the same place (`edgeRule: .anywhere` matches anywhere).
/// - A case-sensitive entry matches only text in exactly its case (width still folded).
/// - Traditional Chinese is folded to Simplified (ICU's `Hant-Hans`, character by character), so
///   one entry 苹果 matches 蘋果 too; an entry with a `script` matches only text written in the
///   script of its source (not folded).
/// - Placeholders are not text. Decision: paired placeholders (`{1}`…`{/1}`, emphasis and
///   links) are transparent, so `{1}通义{/1}千问` (from `**通义**千问`) matches 通义千问: the
///   reader sees the term, and a translator should render it. Standalone placeholders (`{2/}`:
///   images, inline code, line breaks) separate text, so no term matches across them.
public struct GlossaryMatcher: Sendable {
    /// The entries, in glossary order; matches refer to them by index.
    public let entries: [GlossaryEntry]
    private let trie: TermTrie
    /// Entries accepted at each node: `acceptEntries[acceptStart[n]..<acceptStart[n+1]]`.
    private let acceptStart: [Int32]
    private let acceptEntries: [Int32]
    /// Case-sensitive entries' sources in NFKC (width folded, case kept, Traditional Chinese
    /// folded unless the entry is script-specific), by entry index.
    private let exactForms: [Int: String]
    /// Script-specific entries' sources as `Normalizer.matchingKey` (scripts not folded).
    private let scriptForms: [Int: String]
    /// What each node needs beyond its accept list (`NodeFlag` bits): an array read per hit
    /// rather than a hash lookup per set.
    private let nodeFlags: [UInt8]
    private enum NodeFlag {
        /// A case-sensitive or script-specific entry, whose matches need a look at the original text.
        static let caseCheck: UInt8 = 1
        /// A Han or kana term that ICU's dictionary takes as one word (三星, 苹果).
        static let oneWord: UInt8 = 2
        /// An entry with `notPrecededBy` / `notFollowedBy` contexts.
        static let contexts: UInt8 = 4
    }
    /// Where CJK terms may begin and end.
    public let edgeRule: TermEdgeRule
    private let wordEdges: TermWordEdges
    /// Folded `notPrecededBy` / `notFollowedBy` items by entry index, for entries that have any.
    private let contexts: [Int: (before: [[UInt16]], after: [[UInt16]])]

    /// Builds the matcher over the sources of `glossary`'s term and keep entries (forbidden
    /// entries only constrain targets) and of forbidden entries that carry a source.
    public init(glossary: Glossary, edgeRule: TermEdgeRule = .wordEdges) {
        self.init(entries: glossary.entries, keys: glossary.entries.map(\.source), edgeRule: edgeRule)
    }

    /// Builds a matcher whose entry `i` is found where `keys[i]` occurs (used for matching
    /// target-language strings such as forbidden variants).
    public init(entries: [GlossaryEntry], keys: [String], edgeRule: TermEdgeRule = .wordEdges) {
        precondition(entries.count == keys.count)
        self.entries = entries
        let folded = keys.map { MatchingText.key($0) }
        var trie = TermTrie(expectedEdges: folded.reduce(0) { $0 + $1.count })
        var pairs: [(node: Int32, entry: Int32)] = []
        pairs.reserveCapacity(folded.count)
        var exactForms: [Int: String] = [:]
        var scriptForms: [Int: String] = [:]
        for (index, key) in folded.enumerated() where !key.isEmpty && !key.contains(MatchingText.breakUnit) {
            pairs.append((trie.insert(key), Int32(index)))
            let scriptSpecific = entries[index].script != nil
            if entries[index].isCaseSensitive {
                let exact = Normalizer.normalize(keys[index], to: .nfkc)
                exactForms[index] = scriptSpecific ? exact : Normalizer.simplifyingChinese(exact)
            }
            if scriptSpecific { scriptForms[index] = Normalizer.matchingKey(keys[index]) }
        }
        pairs.sort { $0.node != $1.node ? $0.node < $1.node : $0.entry < $1.entry }
        var acceptStart = [Int32](repeating: 0, count: trie.nodeCount + 1)
        for pair in pairs { acceptStart[Int(pair.node) + 1] += 1 }
        for node in 0..<trie.nodeCount { acceptStart[node + 1] += acceptStart[node] }
        self.acceptStart = acceptStart
        self.acceptEntries = pairs.map(\.entry)
        self.trie = trie
        self.exactForms = exactForms
        self.scriptForms = scriptForms
        var nodeFlags = [UInt8](repeating: 0, count: trie.nodeCount)
        for pair in pairs where exactForms[Int(pair.entry)] != nil || scriptForms[Int(pair.entry)] != nil {
            nodeFlags[Int(pair.node)] |= NodeFlag.caseCheck
        }
        self.edgeRule = edgeRule
        let wordEdges = TermWordEdges()
        self.wordEdges = wordEdges
        var contexts: [Int: (before: [[UInt16]], after: [[UInt16]])] = [:]
        if edgeRule == .wordEdges {
            for pair in pairs {
                let index = Int(pair.entry), key = folded[index]
                if TermWordEdges.isDictionaryScript(key[0]) || TermWordEdges.isDictionaryScript(key[key.count - 1]),
                   nodeFlags[Int(pair.node)] & NodeFlag.oneWord == 0, wordEdges.isOneWord(key) {
                    nodeFlags[Int(pair.node)] |= NodeFlag.oneWord
                }
                let before = entries[index].notPrecededBy.map { MatchingText.key($0) }.filter { !$0.isEmpty }
                let after = entries[index].notFollowedBy.map { MatchingText.key($0) }.filter { !$0.isEmpty }
                if !before.isEmpty || !after.isEmpty {
                    contexts[index] = (before, after)
                    nodeFlags[Int(pair.node)] |= NodeFlag.contexts
                }
            }
        }
        self.nodeFlags = nodeFlags
        self.contexts = contexts
    }

    /// Every longest-leftmost match in `text`, in order.
    public func matches(in text: String) -> [GlossaryMatch] {
        var text = text
        return text.withUTF8 { matches(utf8: $0) }
    }

    /// Every longest-leftmost match in UTF-8 `bytes` (valid UTF-8), in order.
    public func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [GlossaryMatch] {
        let folded = MatchingText(utf8: bytes, placeholders: true)
        var result: [GlossaryMatch] = []
        scan(folded, bytes: bytes) { range, node, entries in
            result.append(GlossaryMatch(range: range, entryIndices: entries ?? self.entries(at: node)))
        }
        return result
    }

    /// The number of matches in UTF-8 `bytes`, without collecting them (for throughput runs).
    @_spi(Benchmarks) public func matchCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let folded = MatchingText(utf8: bytes, placeholders: true)
        var count = 0
        scan(folded, bytes: bytes) { _, _, _ in count += 1 }
        return count
    }

    /// The glossary terms of a segment's source, one note per entry, for translators: the
    /// target, the entry's comment and its forbidden variants.
    public func termNotes(in sourceText: String) -> [TermNote] {
        var notes: [TermNote] = []
        var seen = Set<Int>()
        let utf8 = Array(sourceText.utf8)
        for match in matches(in: sourceText) {
            let term = String(decoding: utf8[match.range], as: UTF8.self)
            // An admitted target is accepted by the term check, not asked for: the note gives
            // the preferred one.
            for index in match.entryIndices where entries[index].kind != .admitted && seen.insert(index).inserted {
                let entry = entries[index]
                let note = TermNote(
                    term: term, target: entry.requiredTarget ?? entry.target, kind: entry.kind.rawValue,
                    comment: entry.comment, forbidden: entry.forbiddenVariants.isEmpty ? nil : entry.forbiddenVariants)
                // A glossary listing a term in both scripts (苹果 and 蘋果) gives one note: the
                // same term and target (a regional row's own comment does not make it another).
                if !notes.contains(where: { $0.term == note.term && $0.target == note.target }) { notes.append(note) }
            }
        }
        return notes
    }

    /// The entries accepted at `node` (no case check).
    private func entries(at node: Int32) -> [Int] {
        acceptEntries[Int(acceptStart[Int(node)])..<Int(acceptStart[Int(node) + 1])].map { Int($0) }
    }

    /// Calls `found` with each match's UTF-8 range, its trie node and, when a case check or a
    /// context filtered them, its entries (nil: every entry at the node).
    private func scan(_ folded: MatchingText, bytes: UnsafeBufferPointer<UInt8>, _ found: (Range<Int>, Int32, [Int]?) -> Void) {
        let flags = ScalarFoldTable.shared.flags
        let units = folded.units
        let count = units.count
        // The terms ending at each place from the current start, shortest first; reused.
        var candidates: [(end: Int, node: Int32)] = []
        flags.withUnsafeBufferPointer { flags in
            units.withUnsafeBufferPointer { units in
                @inline(__always) func isWord(_ unit: UInt16) -> Bool { flags[Int(unit)] & ScalarFoldTable.word != 0 }
                var checker: TermWordEdges.Checker?
                var i = 0
                while i < count {
                    let first = units[i]
                    var node = trie.rootChildren[Int(first)]
                    // A term starting with a word character needs a word boundary before it.
                    if node == TermTrie.none || (i > 0 && isWord(first) && isWord(units[i - 1])) {
                        i += 1
                        continue
                    }
                    candidates.removeAll(keepingCapacity: true)
                    var j = i + 1
                    while true {
                        if acceptStart[Int(node)] < acceptStart[Int(node) + 1] && (j == count || !isWord(units[j - 1]) || !isWord(units[j])) {
                            candidates.append((j, node))
                        }
                        guard j < count else { break }
                        node = trie.child(node, units[j])
                        if node == TermTrie.none { break }
                        j += 1
                    }
                    var matched = false
                    // Longest first; one refused by case, context or word edges gives way to the next.
                    for (end, node) in candidates.reversed() {
                        var entries: [Int]?
                        let flags = nodeFlags[Int(node)]
                        if flags & NodeFlag.caseCheck != 0 {
                            let accepted = accept(Int(acceptStart[Int(node)])..<Int(acceptStart[Int(node) + 1]), folded: folded, from: i, to: end, bytes: bytes)
                            if accepted.isEmpty { continue }
                            entries = accepted
                        }
                        if edgeRule == .wordEdges {
                            if flags & NodeFlag.contexts != 0 {
                                let all = entries ?? self.entries(at: node)
                                let allowed = all.filter { contextsAllow($0, units: units, range: i..<end) }
                                if allowed.isEmpty { continue }
                                if allowed.count != all.count { entries = allowed }
                            }
                            if TermWordEdges.isDictionaryScript(units[i]) || TermWordEdges.isDictionaryScript(units[end - 1]) {
                                if checker == nil { checker = wordEdges.checker(for: units) }
                                if !checker!.accepts(i..<end, termIsOneWord: flags & NodeFlag.oneWord != 0) { continue }
                            }
                        }
                        found(Int(folded.starts[i])..<Int(folded.ends[end - 1]), node, entries)
                        i = end
                        matched = true
                        break
                    }
                    if !matched { i += 1 }
                }
            }
        }
    }

    /// Whether entry `index`'s `notPrecededBy` and `notFollowedBy` let it match units `range`.
    private func contextsAllow(_ index: Int, units: UnsafeBufferPointer<UInt16>, range: Range<Int>) -> Bool {
        guard let context = contexts[index] else { return true }
        for key in context.before where key.count <= range.lowerBound {
            if units[(range.lowerBound - key.count)..<range.lowerBound].elementsEqual(key) { return false }
        }
        for key in context.after where range.upperBound + key.count <= units.count {
            if units[range.upperBound..<(range.upperBound + key.count)].elementsEqual(key) { return false }
        }
        return true
    }

    /// The entries in `range` of `acceptEntries` that accept the text of units `from..<to`:
    /// all of them, except case-sensitive ones whose exact form differs and script-specific ones
    /// whose source is written in the other script.
    private func accept(_ range: Range<Int>, folded: MatchingText, from: Int, to: Int, bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var accepted: [Int] = []
        accepted.reserveCapacity(range.count)
        var text: String?
        func original() -> String {
            if let text { return text }
            let slice = UnsafeBufferPointer(rebasing: bytes[Int(folded.starts[from])..<Int(folded.ends[to - 1])])
            text = Self.removingPairedPlaceholders(slice)
            return text!
        }
        for k in range {
            let entry = Int(acceptEntries[k])
            if let scriptForm = scriptForms[entry], Normalizer.matchingKey(original()) != scriptForm { continue }
            if let exact = exactForms[entry] {
                let form = Normalizer.normalize(original(), to: .nfkc)
                if (scriptForms[entry] != nil ? form : Normalizer.simplifyingChinese(form)) != exact { continue }
            }
            accepted.append(entry)
        }
        return accepted
    }

    /// The text of `bytes` without paired placeholders (as the matcher sees it).
    static func removingPairedPlaceholders(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x7B, let (placeholder, end) = Placeholder.parse(bytes, at: index), placeholder.partner != nil {
                index = end
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }
}

extension GlossaryMatcher {
    /// Every entry whose source occurs anywhere in `text` (all starts, all lengths, word
    /// boundaries respected): the terms nested in a longer term, for the glossary lint.
    func entriesContained(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            let folded = MatchingText(utf8: bytes, placeholders: false)
            var found: [Int] = []
            forEachOccurrence(folded, bytes: bytes) { _, _, entries in found += entries }
            return found
        }
    }
}

extension GlossaryMatcher {
    /// Calls `body` for every occurrence of every term (overlapping ones too), with its folded
    /// unit range and accepting entries.
    fileprivate func forEachOccurrence(_ folded: MatchingText, bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, [Int]) -> Void) {
        let units = folded.units
        let count = units.count
        for i in 0..<count {
            var node = trie.rootChildren[Int(units[i])]
            if node == TermTrie.none || (i > 0 && MatchingText.isWord(units[i]) && MatchingText.isWord(units[i - 1])) { continue }
            var j = i + 1
            while true {
                let from = Int(acceptStart[Int(node)]), to = Int(acceptStart[Int(node) + 1])
                if from < to && (j == count || !MatchingText.isWord(units[j - 1]) || !MatchingText.isWord(units[j])) {
                    let accepted = accept(from..<to, folded: folded, from: i, to: j, bytes: bytes)
                    if !accepted.isEmpty { body(i, j, accepted) }
                }
                guard j < count else { break }
                node = trie.child(node, units[j])
                if node == TermTrie.none { break }
                j += 1
            }
        }
    }
}
