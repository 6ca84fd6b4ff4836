import Foundation
import Testing
import TandemKit
import TandemTestSupport

/// A real post edited at random, a thousand times, re-merged after every edit: every translation a
/// person made is still in the segment file, exactly once, live or obsolete, with its state (or
/// `fuzzy` once it moved to an edited sentence) and its notes.
@Suite("Segment merging under random edits")
struct SegmentMergerPropertyTests {
    /// The post as the edits see it: the bytes before the first body unit (front matter), then
    /// paragraphs (the body units the segmenter found), each cut where its sentences start.
    struct EditablePost {
        var head: [UInt8]
        var paragraphs: [[String]]
        /// Sentences taken out, with where they were, so they can come back.
        var deleted: [(paragraph: Int, position: Int, sentence: String)] = []

        init(_ bytes: [UInt8], document: HugoDocument, segments: [ExtractedSegment]) {
            let body = document.units.enumerated().filter { $0.element.location.hasPrefix("body/") }
            head = Array(bytes[..<(body.first?.element.origin.lowerBound ?? bytes.count)])
            paragraphs = body.map { unitIndex, unit in
                // Cut the unit's text where its sentences start; the pieces cover all of it.
                let starts = segments.filter { $0.unitIndex == unitIndex }.map(\.range.lowerBound).filter { $0 > 0 }
                let bounds = [0] + starts + [unit.text.count]
                return zip(bounds, bounds.dropFirst()).map { String(decoding: unit.text[$0..<$1], as: UTF8.self) }
            }
        }

        var markdown: [UInt8] {
            head + Array(paragraphs.filter { !$0.isEmpty }.map { $0.joined() }.joined(separator: "\n\n").utf8) + [0x0A]
        }

        var sentenceCount: Int { paragraphs.reduce(0) { $0 + $1.count } }

        /// The paragraph and position of the `n`th sentence.
        func place(ofSentence n: Int) -> (Int, Int) {
            var rest = n
            for (index, paragraph) in paragraphs.enumerated() {
                if rest < paragraph.count { return (index, rest) }
                rest -= paragraph.count
            }
            preconditionFailure("no sentence \(n)")
        }

        /// Applies one random edit; returns what it did.
        mutating func edit(using random: inout MemoryTestData.Random) -> String {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where sentenceCount > 1:
                let (paragraph, position) = place(ofSentence: Int.random(in: 0..<sentenceCount, using: &random))
                deleted.append((paragraph, position, paragraphs[paragraph].remove(at: position)))
                return "delete p\(paragraph) s\(position)"
            case 1 where !deleted.isEmpty:
                let back = deleted.remove(at: Int.random(in: 0..<deleted.count, using: &random))
                paragraphs[back.paragraph].insert(back.sentence, at: min(back.position, paragraphs[back.paragraph].count))
                return "restore p\(back.paragraph) s\(back.position)"
            case 2:
                let from = Int.random(in: 0..<paragraphs.count, using: &random)
                let to = Int.random(in: 0..<paragraphs.count, using: &random)
                paragraphs.insert(paragraphs.remove(at: from), at: to)
                return "move p\(from) to p\(to)"
            default:
                guard sentenceCount > 0 else { return "nothing" }
                let (paragraph, position) = place(ofSentence: Int.random(in: 0..<sentenceCount, using: &random))
                var text = Array(paragraphs[paragraph][position].unicodeScalars)
                // One Han character becomes another: markup and placeholders stay as they were.
                let han = text.indices.filter { (0x4E00...0x9FFF).contains(text[$0].value) }
                guard let index = han.randomElement(using: &random) else { return "nothing" }
                let replacement = ["甲", "乙", "丙", "丁"].map { Unicode.Scalar($0)! }.filter { $0 != text[index] }
                text[index] = replacement[Int.random(in: 0..<replacement.count, using: &random)]
                var edited = String.UnicodeScalarView()
                edited.append(contentsOf: text)
                paragraphs[paragraph][position] = String(edited)
                return "edit p\(paragraph) s\(position)"
            }
        }
    }

    /// `DocumentSegmenter`'s sentences of an `EditablePost`, segmenting each paragraph once: a
    /// debug build takes some 25 ms for the whole post, too slow for a thousand steps. Ids are
    /// numbered over the whole post as `DocumentSegmenter` numbers them (checked against it).
    struct ParagraphSegmenter {
        let segmenter: DocumentSegmenter
        private let headSentences: [Sentence]
        /// A paragraph's sentences with their matching keys.
        private var cache: [String: [Sentence]] = [:]
        /// A sentence, its matching key and its unit's text (what ids are made of).
        typealias Sentence = (segment: ExtractedSegment, key: String, unit: String)

        init(segmenter: DocumentSegmenter, head: [UInt8]) throws {
            self.segmenter = segmenter
            headSentences = try Self.sentences(of: head, segmenter: segmenter)
        }

        static func sentences(of bytes: [UInt8], segmenter: DocumentSegmenter) throws -> [Sentence] {
            let document = try HugoDocument(bytes: bytes, path: "content/posts/seed.md")
            return segmenter.segments(of: document).map {
                ($0, Normalizer.matchingKey($0.text), String(decoding: document.units[$0.unitIndex].text, as: UTF8.self))
            }
        }

        mutating func segments(of post: EditablePost) throws -> [ExtractedSegment] {
            var sentences = headSentences
            for paragraph in post.paragraphs where !paragraph.isEmpty {
                let text = paragraph.joined() + "\n"
                if cache[text] == nil { cache[text] = try Self.sentences(of: Array(text.utf8), segmenter: segmenter) }
                // Locations stay the paragraph's own (`paragraph[1]`): the merger only copies them.
                sentences += cache[text]!
            }
            // Ids over the whole post, as DocumentSegmenter makes them.
            let ids = SegmentIdentity.ids(forKeys: sentences.map(\.key), units: sentences.map(\.unit))
            return zip(sentences, ids).map { sentence, id in
                var segment = sentence.segment
                segment.id = id
                return segment
            }
        }
    }

    /// What a person set on a segment, to be found again after every edit.
    struct HumanWork: Equatable {
        var state: SegmentState
        var notes: [String]?
        var lintDisable: [String]?
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, Comment(rawValue: SharedCorpus.absentMessage)))
    func everyHumanTranslationSurvivesAThousandRandomEdits() throws {
        let bytes = try TextFile.readBytes(SharedCorpus.seedPost)
        let segmenter = DocumentSegmenter(segmenter: try SentenceSegmenter(locale: LocaleTag("zh-CN")!))
        let merger = SegmentMerger()
        func wholePost(_ bytes: [UInt8]) throws -> [ExtractedSegment] {
            segmenter.segments(of: try HugoDocument(bytes: bytes, path: "content/posts/seed.md"))
        }

        let document = try HugoDocument(bytes: bytes, path: "content/posts/seed.md")
        var post = EditablePost(bytes, document: document, segments: try wholePost(bytes))
        var paragraphs = try ParagraphSegmenter(segmenter: segmenter, head: post.head)
        var file = SegmentFile(
            source: "content/posts/seed.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!,
            segments: merger.merge(try paragraphs.segments(of: post), into: nil).segments)
        try #require(file.segments.count > 50)
        // A person translated everything: distinct targets, each with its own state and note.
        var expected: [String: HumanWork] = [:]
        let states: [SegmentState] = [.translated, .reviewed, .final]
        for index in file.segments.indices {
            let target = "Translation \(index)"
            let work = HumanWork(
                state: states[index % states.count], notes: ["note \(index)"],
                lintDisable: index % 5 == 0 ? ["number-mismatch"] : nil)
            file.segments[index].target = target
            file.segments[index].state = work.state
            file.segments[index].origin = .human
            file.segments[index].notes = work.notes
            file.segments[index].lintDisable = work.lintDisable
            expected[target] = work
        }
        // What each translation was first: the old sentence kept beside an edited one brings
        // its own state back when it returns.
        let original = expected

        var random = MemoryTestData.Random(state: 20_261_129)
        var total = SegmentMerger.Report()
        for step in 1...1_000 {
            let operation = post.edit(using: &random)
            let sentences = try paragraphs.segments(of: post)
            if step % 100 == 1 {
                let whole = try wholePost(post.markdown)
                try #require(sentences.map(\.id) == whole.map(\.id), "step \(step): paragraph by paragraph is not the whole post")
                try #require(sentences.map(\.text) == whole.map(\.text))
            }
            let merged = merger.merge(sentences, into: file)
            total.restored += merged.report.restored
            total.edited += merged.report.edited
            file.segments = merged.segments
            file.obsolete = merged.obsolete.isEmpty ? nil : merged.obsolete

            var found: [String: SegmentEntry] = [:]
            for entry in merged.segments + merged.obsolete {
                guard let target = entry.target else {
                    try #require(entry.state == .new, "step \(step) (\(operation)): \(entry.id) has a state but no target")
                    continue
                }
                // A target more than once only as edited sentences' fuzzy copies beside the old
                // sentence it was first made for, kept translated in `obsolete`; a copy is the
                // one followed.
                if let other = found[target] {
                    let isCopy = { (candidate: SegmentEntry) in candidate.origin == .previous && candidate.state == .fuzzy }
                    let originals = [other, entry].filter { !isCopy($0) }
                    try #require(originals.count <= 1 && originals.allSatisfy { $0.state.isTranslated && $0.origin == .human }
                                 && (originals.isEmpty ? true : isCopy(other) || isCopy(entry)),
                                 "step \(step) (\(operation)): \(target) twice")
                    found[target] = isCopy(other) ? other : entry
                    continue
                }
                found[target] = entry
            }
            let missing = Set(expected.keys).subtracting(found.keys)
            try #require(missing.isEmpty, "step \(step) (\(operation)): lost \(missing.sorted())")
            try #require(found.count == expected.count, "step \(step) (\(operation)): targets nobody wrote")
            for (target, entry) in found {
                var work = try #require(expected[target])
                if entry.state == .fuzzy && work.state != .fuzzy {
                    // Moved to an edited sentence: marked for checking, with the source it was made for.
                    try #require(entry.origin == .previous && entry.previousSource != nil, "step \(step) (\(operation)): \(target)")
                    work.state = .fuzzy
                    expected[target] = work
                } else if entry.state != .fuzzy && work.state == .fuzzy && entry.state == original[target]?.state {
                    // The old sentence came back (or outlived its edited copy) with its own state.
                    try #require(entry.origin == .human, "step \(step) (\(operation)): \(target)")
                    work.state = entry.state
                    expected[target] = work
                }
                let kept = HumanWork(state: entry.state, notes: entry.notes, lintDisable: entry.lintDisable)
                try #require(kept == work, "step \(step) (\(operation)): \(target) was \(work), is \(kept)")
            }
        }
        // The edits did what they are for: sentences came back and edited ones took translations.
        #expect(total.restored > 100)
        #expect(total.edited > 100)
    }
}
