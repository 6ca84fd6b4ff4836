import Foundation
import Testing
import TandemKit

/// Reading segment files: one error, at one position, for a bad file, whoever reads it.
@Suite("Segment file store")
struct SegmentFileStoreTests {
    static let file: SegmentFile = {
        var entries = [
            SegmentEntry(id: "a1", location: "body/paragraph[1]/s[1]", source: "第一句。"),
            SegmentEntry(id: "b2", location: "body/paragraph[1]/s[2]", source: "第二句。", target: "Second.", state: .translated),
        ]
        entries[0].notes = ["a note"]
        return SegmentFile(source: "content/posts/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: entries)
    }()

    static var text: String { String(decoding: try! SegmentFileStore.encode(file), as: UTF8.self) }

    /// The 1-based line holding `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    @Test func aSyntaxErrorIsReportedAtItsLineAndColumn() throws {
        let broken = Self.text.replacingOccurrences(of: "\"formatVersion\" : 1,", with: "\"formatVersion\" : 1,,")
        #expect {
            _ = try SegmentFileStore.decode(Array(broken.utf8), path: "a.json")
        } throws: { error in
            guard case TandemError.invalidSegmentFile(let location, _) = error else { return false }
            return location == SourceLocation(file: "a.json", line: 2, column: 23)
        }
    }

    @Test func aWrongValueIsReportedAtTheValue() throws {
        let broken = Self.text.replacingOccurrences(of: "\"state\" : \"translated\"", with: "\"state\" : \"done\"")
        let expectedLine = Self.line(of: "\"state\" : \"done\"", in: broken)
        #expect {
            _ = try SegmentFileStore.decode(Array(broken.utf8), path: "a.json")
        } throws: { error in
            guard case TandemError.invalidSegmentFile(let location, _) = error else { return false }
            return location.line == expectedLine
        }
    }

    @Test func aSegmentIsFoundAtItsTarget() {
        let text = Self.text
        let location = SegmentFileStore.location(ofSegment: "b2", in: Array(text.utf8), path: "a.json")
        #expect(location.line == Self.line(of: "\"target\" : \"Second.\"", in: text))
        // Without a target, at the segment.
        let first = SegmentFileStore.location(ofSegment: "a1", in: Array(text.utf8), path: "a.json")
        #expect(first.line < Self.line(of: "\"id\" : \"a1\"", in: text))
    }
}
