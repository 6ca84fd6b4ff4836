/// ICU's dictionary word breaks of runs of folded Han or kana units, remembered by the run's
/// content.
///
/// Why: profiling the glossary suite (100k terms, zh-CN prose) showed ICU's CJK dictionary walk
/// as half of the matcher's time; nearly every run of Han text between punctuation holds a hit
/// that touches Han at an edge, so nearly every run must be broken. ICU's breaks of a run depend
/// on its units alone, and prose repeats its short runs (如果, 例如, 一个, 软件包 between
/// punctuation), so a run seen before is answered from here, with the same boundaries ICU gave.
/// The memory is bounded (`unitLimit` units of runs, `defaultUnitLimit` unless told) and
/// forgotten whole when full.
///
/// Not thread-safe: `TermWordEdges` lends each one to one `matches` call at a time.
final class RunWordBreaks {
    /// How many units of runs are remembered before all is forgotten (about 6 MB with the
    /// boundaries and the index).
    static let defaultUnitLimit = 1 << 20

    /// Where one remembered run's units and boundaries are in the pools.
    private struct Remembered {
        var unitStart: Int32
        var unitCount: Int32
        var boundaryStart: Int32
        var boundaryCount: Int32
    }

    let iterator: BreakIterator
    let unitLimit: Int
    /// Where ICU writes boundaries; valid until the next break.
    let scratch = ScratchBuffer<Int32>()
    /// Runs by the hash of their units (a run whose hash is taken by another is not remembered).
    private var index: [UInt64: Remembered] = [:]
    private var rememberedUnits: [UInt16] = []
    /// Boundaries as offsets from the start of their run.
    private var rememberedBoundaries: [Int32] = []

    init(iterator: BreakIterator, unitLimit: Int = RunWordBreaks.defaultUnitLimit) {
        self.iterator = iterator
        self.unitLimit = unitLimit
    }

    /// Calls `body` with the word boundaries of `run` (offsets from its start, `0` and
    /// `run.count` included; just those two when ICU failed).
    func withBoundaries<Result>(of run: UnsafeBufferPointer<UInt16>, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        let hash = Self.hash(run)
        let known = index[hash]
        if let known, Int(known.unitCount) == run.count {
            let start = Int(known.unitStart)
            let same = rememberedUnits.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[start..<(start + run.count)]).elementsEqual(run)
            }
            if same {
                let from = Int(known.boundaryStart)
                return rememberedBoundaries.withUnsafeBufferPointer {
                    body(UnsafeBufferPointer(rebasing: $0[from..<(from + Int(known.boundaryCount))]))
                }
            }
        }
        let count = iterator.boundaries(inUTF16: run, into: scratch)
        guard count >= 0 else { return [0, Int32(run.count)].withUnsafeBufferPointer(body) }
        let boundaries = scratch.elements(0..<count)
        if known == nil { remember(run, boundaries, hash: hash) }
        return body(boundaries)
    }

    private func remember(_ run: UnsafeBufferPointer<UInt16>, _ boundaries: UnsafeBufferPointer<Int32>, hash: UInt64) {
        guard run.count <= unitLimit else { return }
        if rememberedUnits.count + run.count > unitLimit {
            index.removeAll(keepingCapacity: true)
            rememberedUnits.removeAll(keepingCapacity: true)
            rememberedBoundaries.removeAll(keepingCapacity: true)
        }
        index[hash] = Remembered(
            unitStart: Int32(rememberedUnits.count), unitCount: Int32(run.count),
            boundaryStart: Int32(rememberedBoundaries.count), boundaryCount: Int32(boundaries.count))
        rememberedUnits.append(contentsOf: run)
        rememberedBoundaries.append(contentsOf: boundaries)
    }

    /// FNV-1a over the units and the length (equal hashes are checked against the units).
    @inline(__always)
    private static func hash(_ run: UnsafeBufferPointer<UInt16>) -> UInt64 {
        StableHash.fnv1a(StableHash.offsetBasis ^ UInt64(run.count), units: run)
    }
}
