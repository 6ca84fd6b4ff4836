import Foundation

/// Decides whether a Han or kana term found in folded text begins or ends inside a longer
/// word, with ICU's dictionary word breaks of the run of CJK text around it.
///
/// ICU alone cannot decide: it splits names it does not know (英伟|达, 腾|讯), so a rule of
/// "edges on word boundaries" would lose them, and it cannot tell 三星期 (three weeks) from the
/// company. So:
/// - a term ICU knows as one word (三星, 苹果, 小米) is refused when ICU's word at either edge
///   reaches past it (阿里山, 小米粥, 小|米粒): ICU weighed both readings and chose the other;
/// - a term ICU does not know is refused only by a word holding all of it or by words crossing
///   both its edges (精美|图片 for 美图): one crossing word (英伟|达到) is an artefact of ICU
///   cutting around a name it has never seen;
/// - a term followed by a name dot and Han (阿里·阿卜杜拉希) is a transliterated first name.
/// What needs meaning (三星期, 苹果树) is left to each entry's `notFollowedBy`/`notPrecededBy`.
///
/// ICU iterators are not thread-safe; the matcher is shared between threads, so iterators are
/// lent from a pool, one per `matches` call that needs one.
final class TermWordEdges: @unchecked Sendable {
    /// How far a run is read on each side of a term: ICU's choice near the term depends on
    /// little beyond a few words, and a long run of Han must not make each check cost its
    /// length. Runs between punctuation are shorter, so every term of one run shares one break.
    static let contextLimit = 96

    private let icuLocale: String
    private let lock = NSLock()
    private var idle: [BreakIterator] = []

    init(icuLocale: String = "zh") {
        self.icuLocale = icuLocale
    }

    /// Whether `unit` is Han or kana (a surrogate is taken as Han: the supplementary Han
    /// planes are where CJK text leaves the BMP), the scripts ICU breaks with its dictionary.
    @inline(__always)
    static func isDictionaryScript(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x3005, 0x3007, 0x3040...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xD800...0xDFFF:
            return true
        default:
            return false
        }
    }

    /// Middle dots that join the parts of a transliterated foreign name (阿里·阿卜杜拉希).
    @inline(__always)
    static func isNameDot(_ unit: UInt16) -> Bool {
        unit == 0x00B7 || unit == 0x30FB || unit == 0x2027 || unit == 0x2022
    }

    /// Whether ICU's dictionary takes `key` (folded units of a term) as one word.
    func isOneWord(_ key: [UInt16]) -> Bool {
        guard key.count > 1 else { return true }
        // Without ICU (no iterator could be opened) the term counts as unknown: the lenient reading.
        return withIterator { iterator in
            iterator.boundaries(in: String(decoding: key, as: UTF16.self)).count == 2
        } ?? false
    }

    /// A checker for one text (valid while `units` is), borrowing an iterator only once a
    /// term needs one.
    func checker(for units: UnsafeBufferPointer<UInt16>) -> Checker {
        Checker(owner: self, units: units)
    }

    fileprivate func borrow() -> BreakIterator? {
        lock.lock()
        if let iterator = idle.popLast() {
            lock.unlock()
            return iterator
        }
        lock.unlock()
        return try? BreakIterator(.word, icuLocale: icuLocale)
    }

    fileprivate func giveBack(_ iterator: BreakIterator) {
        lock.lock()
        idle.append(iterator)
        lock.unlock()
    }

    private func withIterator<Result>(_ body: (BreakIterator) -> Result) -> Result? {
        guard let iterator = borrow() else { return nil }
        defer { giveBack(iterator) }
        return body(iterator)
    }

    /// The edge checks of one text; keeps the word breaks of the last run it read.
    final class Checker {
        let owner: TermWordEdges
        let units: UnsafeBufferPointer<UInt16>
        private var iterator: BreakIterator?
        /// The run last broken (unit range) and its word boundaries (unit offsets, ascending).
        private var run: Range<Int> = 0..<0
        private var boundaries: [Int] = []

        fileprivate init(owner: TermWordEdges, units: UnsafeBufferPointer<UInt16>) {
            self.owner = owner
            self.units = units
        }

        deinit {
            if let iterator { owner.giveBack(iterator) }
        }

        /// Whether the term at units `range` (its key known to ICU as one word or not) stands
        /// on word edges.
        func accepts(_ range: Range<Int>, termIsOneWord: Bool) -> Bool {
            let (i, j) = (range.lowerBound, range.upperBound)
            let startTouches = i > 0 && Self.touches(units[i - 1], units[i])
            let endTouches = j < units.count && Self.touches(units[j - 1], units[j])
            if j + 1 < units.count, TermWordEdges.isDictionaryScript(units[j - 1]), TermWordEdges.isNameDot(units[j]),
               TermWordEdges.isDictionaryScript(units[j + 1]) {
                return false
            }
            guard startTouches || endTouches else { return true }
            breakRun(around: range)
            let startWord = startTouches ? crossingWord(at: i) : nil
            let endWord = endTouches ? crossingWord(at: j) : nil
            if startWord == nil && endWord == nil { return true }
            if termIsOneWord { return false }
            if startWord != nil && endWord != nil { return false }
            let word = (startWord ?? endWord)!
            return !(word.lowerBound <= i && word.upperBound >= j)
        }

        @inline(__always)
        private static func touches(_ inside: UInt16, _ outside: UInt16) -> Bool {
            TermWordEdges.isDictionaryScript(inside) && TermWordEdges.isDictionaryScript(outside)
        }

        /// The word of the current run that holds offset `edge` strictly inside, if any.
        private func crossingWord(at edge: Int) -> Range<Int>? {
            var low = 0, high = boundaries.count
            while low < high {
                let middle = (low + high) / 2
                if boundaries[middle] < edge { low = middle + 1 } else { high = middle }
            }
            guard low < boundaries.count, boundaries[low] != edge, low > 0 else { return nil }
            return boundaries[low - 1]..<boundaries[low]
        }

        /// Breaks the run of CJK units around `range` (at most `contextLimit` units either side).
        private func breakRun(around range: Range<Int>) {
            var start = range.lowerBound, end = range.upperBound
            let lowest = max(0, start - TermWordEdges.contextLimit), highest = min(units.count, end + TermWordEdges.contextLimit)
            while start > lowest && TermWordEdges.isDictionaryScript(units[start - 1]) { start -= 1 }
            while end < highest && TermWordEdges.isDictionaryScript(units[end]) { end += 1 }
            if run == start..<end { return }
            run = start..<end
            if iterator == nil { iterator = owner.borrow() }
            guard let iterator else {
                boundaries = [start, end]
                return
            }
            let slice = UnsafeBufferPointer(rebasing: units[start..<end])
            var utf8: [UInt8] = []
            utf8.reserveCapacity(slice.count * 3)
            // The unit offset of each UTF-8 offset that starts a scalar (-1 inside one).
            var unitAt = [Int](repeating: -1, count: slice.count * 4 + 1)
            var k = 0
            for scalar in Self.scalars(slice) {
                unitAt[utf8.count] = start + k
                UTF8.encode(scalar) { utf8.append($0) }
                k += scalar.utf16.count
            }
            unitAt[utf8.count] = end
            boundaries = utf8.withUnsafeBufferPointer { iterator.boundaries(in: $0) }.compactMap { unitAt[$0] >= 0 ? unitAt[$0] : nil }
        }

        /// The scalars of UTF-16 `units`, a lone surrogate read as U+FFFD (one unit, as it was).
        private static func scalars(_ units: UnsafeBufferPointer<UInt16>) -> [Unicode.Scalar] {
            var scalars: [Unicode.Scalar] = []
            var decoder = UTF16()
            var iterator = units.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): scalars.append(scalar)
                case .emptyInput: break loop
                case .error: scalars.append("\u{FFFD}")
                }
            }
            return scalars
        }
    }
}
