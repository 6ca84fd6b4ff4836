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
/// ICU iterators are not thread-safe; the matcher is shared between threads, so iterators (with
/// the runs they remember, `RunWordBreaks`) are lent from a pool, one per `matches` call that
/// needs one.
final class TermWordEdges: @unchecked Sendable {
    /// How far a run is read on each side of a term: ICU's choice near the term depends on
    /// little beyond a few words, and a long run of Han must not make each check cost its
    /// length. Runs between punctuation are shorter, so every term of one run shares one break.
    static let contextLimit = 96

    private let icuLocale: String
    private let lock = NSLock()
    private var idle: [RunWordBreaks] = []

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
        // Not through the breaker's memory: a glossary's terms would only crowd out the text's runs.
        return withBreaker { breaker in
            key.withUnsafeBufferPointer { breaker.iterator.boundaries(inUTF16: $0, into: breaker.scratch) } == 2
        } ?? false
    }

    /// A checker for one text (valid while `units` is), borrowing an iterator only once a
    /// term needs one.
    func checker(for units: UnsafeBufferPointer<UInt16>) -> Checker {
        Checker(owner: self, units: units)
    }

    fileprivate func borrow() -> RunWordBreaks? {
        lock.lock()
        if let breaker = idle.popLast() {
            lock.unlock()
            return breaker
        }
        lock.unlock()
        guard let iterator = try? BreakIterator(.word, icuLocale: icuLocale) else { return nil }
        return RunWordBreaks(iterator: iterator)
    }

    fileprivate func giveBack(_ breaker: RunWordBreaks) {
        lock.lock()
        idle.append(breaker)
        lock.unlock()
    }

    private func withBreaker<Result>(_ body: (RunWordBreaks) -> Result) -> Result? {
        guard let breaker = borrow() else { return nil }
        defer { giveBack(breaker) }
        return body(breaker)
    }

    /// The edge checks of one text; keeps the word breaks of the last run it read.
    final class Checker {
        let owner: TermWordEdges
        let units: UnsafeBufferPointer<UInt16>
        private var breaker: RunWordBreaks?
        /// The run last broken (unit range) and its word boundaries (unit offsets, ascending).
        private var run: Range<Int> = 0..<0
        private var boundaries: [Int] = []

        fileprivate init(owner: TermWordEdges, units: UnsafeBufferPointer<UInt16>) {
            self.owner = owner
            self.units = units
        }

        deinit {
            if let breaker { owner.giveBack(breaker) }
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
            if breaker == nil { breaker = owner.borrow() }
            guard let breaker else {
                boundaries = [start, end]
                return
            }
            // ICU reads the folded units as they are. A window edge cutting a surrogate pair (a run of
            // more than `contextLimit` supplementary Han) leaves a lone half, which ICU takes as
            // one non-Han code point, as it took the U+FFFD that the UTF-8 path put there.
            boundaries.removeAll(keepingCapacity: true)
            breaker.withBoundaries(of: UnsafeBufferPointer(rebasing: units[start..<end])) { offsets in
                for offset in offsets { boundaries.append(start + Int(offset)) }
            }
        }
    }
}
