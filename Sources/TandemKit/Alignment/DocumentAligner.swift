/// Pairs the sentences of a post with those of its human translation: structure first (units
/// of the same kind in order: headings, paragraphs, list items, table cells, titles, with
/// `SequenceAligner.unitShapes`), then sentences inside each pair of units by length and
/// anchors (`SequenceAligner.sentenceShapes`).
public struct DocumentAligner {
    /// A bead costing more than this is unsure (its sentences become fuzzy).
    public var certainCost: Double

    public init(certainCost: Double = 4) {
        self.certainCost = certainCost
    }

    /// One side: its units' sentences, by unit, in document order.
    struct Side {
        /// `context`: anchors around the unit that both languages share, such as the other
        /// arguments of a shortcode whose argument the unit is (`link="docs/"`).
        var units: [(kind: String, text: [UInt8], segments: [ExtractedSegment], context: Set<String>)]

        init(document: HugoDocument, segments: [ExtractedSegment]) {
            let byUnit = Dictionary(grouping: segments, by: \.unitIndex)
            let shortcodes = document.units.contains { if case .shortcodeArgument = $0.embedding { true } else { false } }
                ? ShortcodeScanner.shortcodes(in: document.bytes, range: document.bodyStart..<document.bytes.count) : []
            units = byUnit.keys.sorted().map { index in
                let (shortcode, context) = Self.context(of: document.units[index], shortcodes: shortcodes, in: document.bytes)
                return (Self.kind(of: document.units[index].location) + (shortcode.map { " " + $0 } ?? ""), document.units[index].text,
                        byUnit[index]!.sorted { $0.range.lowerBound < $1.range.lowerBound }, context)
            }
        }

        /// For a shortcode's argument: the shortcode's name (part of the unit's kind: a card's
        /// title never pairs with a figure's) and its other arguments that hold no Han or kana
        /// (`link=docs/`, `icon=book`), which a translated page keeps as they are. Without them,
        /// the arguments of a page's buttons or cards paired by position alone, and a translation
        /// that dropped or reordered one fed wrong pairs to the memory as sure ones.
        static func context(of unit: TranslatableUnit, shortcodes: [Range<Int>], in bytes: [UInt8]) -> (name: String?, anchors: Set<String>) {
            guard case .shortcodeArgument(let argument) = unit.embedding,
                  let span = shortcodes.first(where: { $0.lowerBound <= argument.valueRange.lowerBound && argument.valueRange.upperBound <= $0.upperBound })
            else { return (nil, []) }
            var context: Set<String> = []
            for other in ShortcodeScanner.arguments(of: span, in: bytes) where other.valueRange != argument.valueRange && !other.value.isEmpty {
                guard !other.value.unicodeScalars.contains(where: { UntranslatedTextFinder.isHanOrKana($0.value) }) else { continue }
                context.insert("\(other.name ?? String(other.position))=\(other.value)")
            }
            return (ShortcodeScanner.name(of: span, in: bytes), context)
        }

        /// `body/paragraph[3]` → `body/paragraph`, `front/tags[2]` → `front/tags`.
        static func kind(of location: String) -> String {
            var kind = ""
            var depth = 0
            for character in location {
                if character == "[" { depth += 1 } else if character == "]" { depth -= 1 } else if depth == 0 { kind.append(character) }
            }
            return kind
        }
    }

    /// The source sentences of `source` with the translation `target` offers each, in order;
    /// a source sentence the translation left out has no entry.
    public func align(
        source: HugoDocument, sourceSegments: [ExtractedSegment], target: HugoDocument, targetSegments: [ExtractedSegment]
    ) -> [AlignedSentence] {
        let sourceSide = Side(document: source, segments: sourceSegments)
        let targetSide = Side(document: target, segments: targetSegments)
        func measured(_ side: Side) -> [AlignableText] {
            side.units.map { unit in
                let texts = unit.segments.map { AlignableText(codedText: $0.text, codes: $0.codes) }
                return AlignableText(
                    length: texts.reduce(0) { $0 + $1.length },
                    anchors: texts.reduce(into: unit.context) { $0.formUnion($1.anchors) }, kind: unit.kind)
            }
        }
        let sourceUnits = measured(sourceSide)
        let targetUnits = measured(targetSide)
        let ratio = SequenceAligner.ratio(source: sourceUnits, target: targetUnits)
        var unitAligner = SequenceAligner(ratio: ratio, shapes: SequenceAligner.unitShapes)
        unitAligner.sameKindOnly = true
        let sentenceAligner = SequenceAligner(ratio: ratio)

        let sourceUniverse = sourceUnits.reduce(into: Set<String>()) { $0.formUnion($1.anchors) }
        let targetUniverse = targetUnits.reduce(into: Set<String>()) { $0.formUnion($1.anchors) }
        var result: [AlignedSentence] = []
        let unitBeads = unitAligner.align(sourceUnits, targetUnits)
        let placedByOrderAcrossASkip = Self.placedByOrderAcrossASkip(unitBeads, source: sourceUnits, target: targetUnits)
        for (beadIndex, unitBead) in unitBeads.enumerated() where unitBead.isPair {
            let sourceUnit = sourceSide.units[unitBead.source.lowerBound]
            let targetUnit = targetSide.units[unitBead.target.lowerBound]
            // Units that hold different anchors the other side has elsewhere (`rel` paired
            // with `class`: two list items the translator swapped) are paired, but unsure.
            let sourceAnchors = sourceUnits[unitBead.source.lowerBound].anchors.intersection(targetUniverse)
            let targetAnchors = targetUnits[unitBead.target.lowerBound].anchors.intersection(sourceUniverse)
            let sourceOnly = sourceAnchors.subtracting(targetAnchors).count
            let targetOnly = targetAnchors.subtracting(sourceAnchors).count
            let unitsAgree = (sourceOnly == 0 || targetOnly == 0 || sourceAnchors.intersection(targetAnchors).count >= min(sourceOnly, targetOnly))
                && !placedByOrderAcrossASkip.contains(beadIndex)
            let beads = sentenceAligner.align(
                sourceUnit.segments.map { AlignableText(codedText: $0.text, codes: $0.codes) },
                targetUnit.segments.map { AlignableText(codedText: $0.text, codes: $0.codes) })
            // A translation sentence paired with nothing joins its neighbour's pair (unsure),
            // so that the built post still holds it.
            var extra: [Int: [Int]] = [:]
            let pairIndices = beads.indices.filter { beads[$0].isPair }
            for (index, bead) in beads.enumerated() where bead.source.isEmpty {
                guard let neighbour = pairIndices.last(where: { $0 < index }) ?? pairIndices.first else { continue }
                extra[neighbour, default: []].append(contentsOf: bead.target)
            }
            for index in pairIndices {
                let bead = beads[index]
                let targets = (Array(bead.target) + (extra[index] ?? [])).sorted()
                var pieces: [TranslatedCodes.Piece] = []
                for (position, targetIndex) in targets.enumerated() {
                    let sentence = targetUnit.segments[targetIndex]
                    if position > 0 {
                        let previous = targetUnit.segments[targets[position - 1]]
                        let gap = targetUnit.text[previous.range.upperBound..<max(previous.range.upperBound, sentence.range.lowerBound)]
                        let isSpace = !gap.isEmpty && gap.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
                        pieces.append(.text(isSpace ? String(decoding: gap, as: UTF8.self).replacingNewlines : " "))
                    }
                    pieces += TranslatedCodes.pieces(of: sentence.text, codes: sentence.codes, sentence: targetIndex)
                }
                let first = sourceUnit.segments[bead.source.lowerBound]
                let (text, exact) = TranslatedCodes.coded(pieces, source: first.text, sourceCodes: first.codes)
                // A translation keeps a source sentence's Latin words, numbers and link targets:
                // a pair that shares none of them (`**Linux**: 一款…` with `**YAML**: YAML is…`, a
                // translator who wrote other examples) is unsure, even where the other side's
                // document holds none of them either (the units' check above cannot see it).
                let sourceAnchors = AlignableText(codedText: first.text, codes: first.codes).anchors
                let targetAnchors = targets.reduce(into: Set<String>()) {
                    $0.formUnion(AlignableText(codedText: targetUnit.segments[$1].text, codes: targetUnit.segments[$1].codes).anchors)
                }
                let sentencesAgree = sourceAnchors.isEmpty || !sourceAnchors.isDisjoint(with: targetAnchors)
                let certain = unitsAgree && sentencesAgree && exact && extra[index] == nil && bead.cost <= certainCost && bead.source.count == 1
                    && !(bead.source.count == 2 && bead.target.count == 2)
                result.append(AlignedSentence(
                    segmentID: first.id, source: first.text, target: text, targetSentences: targets.map { targetUnit.segments[$0].text },
                    isCertain: certain, cost: bead.cost))
                // The second source sentence of a 2-1 pair: its translation is in the first's.
                for second in bead.source.dropFirst() {
                    let segment = sourceUnit.segments[second]
                    result.append(AlignedSentence(
                        segmentID: segment.id, source: segment.text, target: "", targetSentences: [],
                        isCertain: false, cost: bead.cost))
                }
            }
        }
        return result
    }
}

extension DocumentAligner {
    /// The unit pairs whose only evidence is their order where the order is broken: a pair that
    /// shares no anchor (number, Latin word, link target, code) with its partner, between two
    /// anchored pairs (or a document's edge) with a unit left unpaired in between. There, which
    /// unit goes with which is a guess: an English page that is a short summary of the Chinese
    /// one paired "前置条件" with "Full tutorial" and a paragraph with a link's text, all sure and
    /// fed to the memory (a helper's finding on a real docs site, 8 of 27 sure pairs wrong).
    /// Where both sides hold the same units between anchors, order is evidence enough.
    static func placedByOrderAcrossASkip(_ beads: [AlignmentBead], source: [AlignableText], target: [AlignableText]) -> Set<Int> {
        var unsure: Set<Int> = []
        var run: [Int] = []
        var runHasSkip = false
        func close() {
            if runHasSkip { unsure.formUnion(run) }
            run = []
            runHasSkip = false
        }
        // Front matter values are named by their key, not placed by order: a value only one side
        // has (a `description:` only the English page wrote) is no break in the order. It made
        // every unanchored pair of the page unsure.
        let sourceKinds = Set(source.map(\.kind))
        let targetKinds = Set(target.map(\.kind))
        for (index, bead) in beads.enumerated() {
            guard bead.isPair else {
                let units = bead.source.map { source[$0] } + bead.target.map { target[$0] }
                let onlyOneSidesKey = units.allSatisfy { unit in
                    unit.kind.hasPrefix("front/") && (sourceKinds.contains(unit.kind) != targetKinds.contains(unit.kind))
                }
                if !onlyOneSidesKey { runHasSkip = true }
                continue
            }
            let sourceAnchors = bead.source.reduce(into: Set<String>()) { $0.formUnion(source[$1].anchors) }
            let targetAnchors = bead.target.reduce(into: Set<String>()) { $0.formUnion(target[$1].anchors) }
            if sourceAnchors.isDisjoint(with: targetAnchors) {
                run.append(index)
            } else {
                close()
            }
        }
        close()
        return unsure
    }
}

extension String {
    /// Line breaks inside a sentence gap as one space: a translation sentence never spans lines
    /// in a segment file.
    fileprivate var replacingNewlines: String {
        contains(where: \.isNewline) ? " " : self
    }
}
