import Foundation

/// Pairs two sequences of texts in order by length and anchors, after Gale and Church (1993):
/// a dynamic programme over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2), each costing the surprise of
/// its length ratio (a normal law around the document's ratio) and of its shape, less what the
/// anchors both sides share, plus what only one side holds. Units align this way too, with
/// 1-1 beads between units of the same kind only.
public struct SequenceAligner: Sendable {
    /// A bead shape: how many items of each side it takes, and its prior cost (−log p).
    public struct Shape: Sendable {
        public var source: Int
        public var target: Int
        public var cost: Double
    }

    /// Gale and Church's priors: 1-1 0.89, 1-0 and 0-1 0.0099 together, 2-1 and 1-2 0.089
    /// together, 2-2 0.011.
    public static let sentenceShapes = [
        Shape(source: 1, target: 1, cost: -log(0.89)), Shape(source: 1, target: 0, cost: -log(0.005)),
        Shape(source: 0, target: 1, cost: -log(0.005)), Shape(source: 2, target: 1, cost: -log(0.0445)),
        Shape(source: 1, target: 2, cost: -log(0.0445)), Shape(source: 2, target: 2, cost: -log(0.011)),
    ]

    /// Units: one to one, or one left out (a paragraph the translator added or dropped).
    public static let unitShapes = [
        Shape(source: 1, target: 1, cost: 0), Shape(source: 1, target: 0, cost: 6), Shape(source: 0, target: 1, cost: 6),
    ]

    /// Expected target length per source character (English per Chinese: about 3).
    public var ratio: Double
    /// Variance of the target length per source character.
    public var variance: Double
    public var shapes: [Shape]
    /// What an anchor both sides share saves, and what an anchor on one side only costs.
    public var sharedAnchorBonus = 1.5
    public var unmatchedAnchorCost = 1.0
    /// Whether items pair only with items of their own `kind` (units: a heading with a heading).
    public var sameKindOnly = false

    public init(ratio: Double, variance: Double? = nil, shapes: [Shape] = SequenceAligner.sentenceShapes) {
        self.ratio = ratio
        self.variance = variance ?? 6.8 * ratio
        self.shapes = shapes
    }

    /// The ratio of two sides' total lengths, bounded to what languages do (0.2–8).
    public static func ratio(source: [AlignableText], target: [AlignableText]) -> Double {
        let sourceLength = source.reduce(0) { $0 + $1.length }
        let targetLength = target.reduce(0) { $0 + $1.length }
        guard sourceLength > 0, targetLength > 0 else { return 1 }
        return min(8, max(0.2, Double(targetLength) / Double(sourceLength)))
    }

    /// The cheapest beads covering both sequences, in order. Only cells near the diagonal are
    /// searched (a band wider than the two lengths' difference), as Gale and Church did: a
    /// 2,000-unit post would otherwise cost four million cells.
    public func align(_ source: [AlignableText], _ target: [AlignableText]) -> [AlignmentBead] {
        let rows = source.count + 1
        let columns = target.count + 1
        var cost = [Double](repeating: .infinity, count: rows * columns)
        var back = [Int](repeating: -1, count: rows * columns)
        cost[0] = 0
        // Anchors count only where the other side could hold them at all.
        let sourceUniverse = source.reduce(into: Set<String>()) { $0.formUnion($1.anchors) }
        let targetUniverse = target.reduce(into: Set<String>()) { $0.formUnion($1.anchors) }
        let sourceAnchors = source.map { $0.anchors.intersection(targetUniverse) }
        let targetAnchors = target.map { $0.anchors.intersection(sourceUniverse) }
        let band = max(64, 2 * abs(source.count - target.count) + 32)
        for i in 0..<rows {
            let center = source.isEmpty ? 0 : i * target.count / source.count
            for j in max(0, center - band)...min(target.count, center + band) where !(i == 0 && j == 0) {
                for (shapeIndex, shape) in shapes.enumerated() where shape.source <= i && shape.target <= j {
                    let previous = cost[(i - shape.source) * columns + (j - shape.target)]
                    guard previous < .infinity else { continue }
                    let sourceRange = (i - shape.source)..<i
                    let targetRange = (j - shape.target)..<j
                    let beadCost = self.cost(
                        source[sourceRange], target[targetRange], shape: shape,
                        sourceAnchors: sourceAnchors[sourceRange], targetAnchors: targetAnchors[targetRange])
                    if previous + beadCost < cost[i * columns + j] {
                        cost[i * columns + j] = previous + beadCost
                        back[i * columns + j] = shapeIndex
                    }
                }
            }
        }
        var beads: [AlignmentBead] = []
        var i = source.count
        var j = target.count
        while i > 0 || j > 0 {
            let shape = shapes[back[i * columns + j]]
            let start = cost[(i - shape.source) * columns + (j - shape.target)]
            beads.append(AlignmentBead(source: (i - shape.source)..<i, target: (j - shape.target)..<j, cost: cost[i * columns + j] - start))
            i -= shape.source
            j -= shape.target
        }
        return beads.reversed()
    }

    private func cost(
        _ source: ArraySlice<AlignableText>, _ target: ArraySlice<AlignableText>, shape: Shape,
        sourceAnchors: ArraySlice<Set<String>>, targetAnchors: ArraySlice<Set<String>>
    ) -> Double {
        if sameKindOnly, let first = source.first, let other = target.first, first.kind != other.kind { return .infinity }
        var total = shape.cost
        guard !source.isEmpty, !target.isEmpty else { return total }
        let sourceLength = Double(source.reduce(0) { $0 + $1.length })
        let targetLength = Double(target.reduce(0) { $0 + $1.length })
        let mean = (sourceLength + targetLength / ratio) / 2
        let delta = (targetLength - sourceLength * ratio) / (max(mean, 1) * variance).squareRoot()
        total += Self.twoTailSurprise(abs(delta))
        let sourceSet = sourceAnchors.count == 1 ? sourceAnchors.first! : sourceAnchors.reduce(into: Set<String>()) { $0.formUnion($1) }
        let targetSet = targetAnchors.count == 1 ? targetAnchors.first! : targetAnchors.reduce(into: Set<String>()) { $0.formUnion($1) }
        if !sourceSet.isEmpty || !targetSet.isEmpty {
            let shared = sourceSet.intersection(targetSet).count
            total -= sharedAnchorBonus * Double(shared)
            total += unmatchedAnchorCost * Double(sourceSet.count + targetSet.count - 2 * shared)
        }
        return total
    }

    /// −log of the probability that a standard normal value is at least `z` away from 0.
    static func twoTailSurprise(_ z: Double) -> Double {
        let p = erfc(z / 2.0.squareRoot())
        return -log(max(p, 1e-12))
    }
}
