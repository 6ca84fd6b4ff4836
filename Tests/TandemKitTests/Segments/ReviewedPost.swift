import TandemKit

/// The post of the returning-sentence tests and what a person did to its segment file.
enum ReviewedPost {
    /// Two sentences.
    static let both = "第一句话。第二句话。\n"
    /// The same post with the second sentence deleted.
    static let firstOnly = "第一句话。\n"

    /// Both sentences of `both` translated and reviewed by a person, the second with a note and
    /// a lint rule switched off.
    static func review(_ file: inout SegmentFile) {
        for (index, target) in ["The first sentence.", "The second sentence."].enumerated() {
            file.segments[index].target = target
            file.segments[index].state = .reviewed
            file.segments[index].origin = .human
        }
        file.segments[1].notes = ["Checked with the author."]
        file.segments[1].lintDisable = ["glossary-forbidden"]
    }
}
