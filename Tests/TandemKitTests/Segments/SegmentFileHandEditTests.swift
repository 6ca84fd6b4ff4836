import Foundation
import Testing
@testable import TandemKit

/// A segment file edited by hand: every mistake is an error at the key or value to fix, never a
/// translation silently dropped.
@Suite("Segment file hand edits")
struct SegmentFileHandEditTests {
    /// A segment file as `extract` writes it, with a reviewed translation: each test breaks one thing.
    static let text = """
        {
          "formatVersion" : 1,
          "segments" : [
            {
              "id" : "4f1c2a",
              "location" : "body/paragraph[1]/s[1]",
              "source" : "我们在 {1}Hugo{/1} 上发布。",
              "codes" : {
                "1" : "**",
                "/1" : "**"
              },
              "state" : "reviewed",
              "target" : "We publish on {1}Hugo{/1}."
            },
            {
              "candidates" : [
                {
                  "score" : 87,
                  "source" : "第二句话。",
                  "target" : "The second one."
                }
              ],
              "id" : "9b0d11",
              "location" : "body/paragraph[1]/s[2]",
              "source" : "第二句。",
              "state" : "new"
            }
          ],
          "source" : "content/posts/a.md",
          "sourceLocale" : "zh-CN",
          "targetLocale" : "en"
        }

        """

    /// The error `SegmentFileStore.decode` throws for `text` with `old` replaced by `new`.
    static func error(replacing old: String, with new: String) throws -> (location: TandemKit.SourceLocation, message: String) {
        let broken = text.replacingOccurrences(of: old, with: new)
        #expect(broken != text, "the fixture must contain \(old)")
        do {
            _ = try SegmentFileStore.decode(Array(broken.utf8), path: "locales/en/posts/a.json")
        } catch TandemError.invalidSegmentFile(let location, let message) {
            return (location, message)
        }
        Issue.record("\(old) → \(new) decoded without an error")
        return (TandemKit.SourceLocation(file: "", line: 0, column: 0), "")
    }

    @Test func theFixtureDecodes() throws {
        let file = try SegmentFileStore.decode(Array(Self.text.utf8), path: "a.json")
        #expect(file.segments.map(\.state) == [.reviewed, .new])
        #expect(file.segments[0].target == "We publish on {1}Hugo{/1}.")
    }

    /// A helper's finding: a file saved as "UTF-8 with BOM" (Notepad) was refused with an
    /// invisible "unexpected ''". It reads as the file without it, and later errors keep
    /// their positions.
    @Test func aByteOrderMarkIsRead() throws {
        let plain = try SegmentFileStore.decode(Array(Self.text.utf8), path: "a.json")
        #expect(try SegmentFileStore.decode([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), path: "a.json") == plain)
        let broken = Self.text.replacingOccurrences(of: "\"target\" :", with: "\"taget\" :")
        #expect(throws: TandemError.self) { try SegmentFileStore.decode([0xEF, 0xBB, 0xBF] + Array(broken.utf8), path: "a.json") }
        do {
            _ = try SegmentFileStore.decode([0xEF, 0xBB, 0xBF] + Array(broken.utf8), path: "a.json")
        } catch let error as TandemError {
            let line = Self.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"target\" :") }.map { $0 + 1 }
            #expect(error.location?.line == line)
        }
    }

    @Test func aMisspelledTargetKeyIsAnErrorAtTheKeyWithTheNearestAllowedKey() throws {
        let (location, message) = try Self.error(replacing: "\"target\" : \"We", with: "\"traget\" : \"We")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 13, column: 7))
        #expect(message.hasPrefix("unknown key \"traget\" in a segment (segments[0]); did you mean \"target\"? allowed keys: id, location, source, codes, target, state,"))
    }

    @Test func anUnknownKeyInANestedObjectIsAnErrorAtTheKey() throws {
        let (location, message) = try Self.error(replacing: "\"score\" : 87", with: "\"scroe\" : 87")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 18, column: 11))
        #expect(message == "unknown key \"scroe\" in a match candidate (segments[1].candidates[0]); did you mean \"score\"? allowed keys: score, source, target, origin, diff")
    }

    @Test func anUnknownFileLevelKeyIsAnErrorAtTheKey() throws {
        let (location, message) = try Self.error(replacing: "  \"source\" : \"content", with: "  \"comment\" : \"mine\",\n  \"source\" : \"content")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 29, column: 3))
        #expect(message == "unknown key \"comment\" in a segment file; allowed keys: formatVersion, source, sourceLocale, targetLocale, segments, obsolete, lintDisable, ownFrontMatter")
    }

    @Test func aReviewedSegmentWithoutATargetIsAnErrorAtItsState() throws {
        let (location, message) = try Self.error(replacing: ",\n      \"target\" : \"We publish on {1}Hugo{/1}.\"", with: "")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 12, column: 17))
        #expect(message == "a segment (segments[0]) is \"reviewed\" but has no \"target\"; add its translation as \"target\", or set \"state\" to \"new\"")
    }

    @Test func aNullTargetCountsAsNone() throws {
        let (location, message) = try Self.error(replacing: "\"target\" : \"We publish on {1}Hugo{/1}.\"", with: "\"target\" : null")
        #expect(location.line == 12)
        #expect(message.contains("is \"reviewed\" but has no \"target\""))
    }

    @Test func aBadStateIsAnErrorAtTheValueListingTheStates() throws {
        let (location, message) = try Self.error(replacing: "\"state\" : \"reviewed\"", with: "\"state\" : \"done\"")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 12, column: 17))
        #expect(message == "\"done\" is not a state; allowed: new, fuzzy, translated, reviewed, final")
    }

    @Test func aWrongTypeIsAnErrorAtTheValue() throws {
        let (location, message) = try Self.error(replacing: "\"score\" : 87", with: "\"score\" : \"87\"")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 18, column: 21))
        #expect(message == "\"segments[1].candidates[0].score\" must be a whole number, found a string")
    }

    /// A helper's finding: a bare word where a value belongs was reported as "found null" or
    /// "found true or false", which the file does not hold; a null is still accepted where one is.
    @Test(arguments: ["nope", "ture", "nul", "nan"])
    func aBareWordIsInvalidJSONAtTheWord(_ word: String) throws {
        let (location, message) = try Self.error(replacing: "\"state\" : \"new\"", with: "\"state\" : \(word)")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 26, column: 17))
        #expect(message == "invalid JSON: unexpected '\(word)' where \"segments[1].state\"'s value belongs (a text value needs double quotes)")
        #expect(try Self.error(replacing: "\"state\" : \"new\"", with: "\"state\" : null").message.hasSuffix("found null"))
    }

    /// A file cut short (a failed merge, a full disk) was reported at 1:1 with Foundation's "The
    /// given data was not valid JSON."; now at its end. A stray character is named where it is.
    @Test func aFileCutShortIsAnErrorAtItsEnd() throws {
        let cut = String(Self.text.prefix(150))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            _ = try SegmentFileStore.decode(Array(cut.utf8), path: "a.json")
            Issue.record("a cut file decoded")
        } catch TandemError.invalidSegmentFile(let location, let message) {
            #expect(message == "invalid JSON: the file ends before its last value is complete (cut short?)")
            #expect(location.line == lines.count, "\(location)")
        }
        let (location, message) = try Self.error(replacing: "\"state\" : \"new\"\n", with: "\"state\" : \"new\" #\n")
        #expect(message == "invalid JSON: unexpected '#'")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 26, column: 23))
    }

    @Test func aStateOfTheWrongTypeListsTheStates() throws {
        let (location, message) = try Self.error(replacing: "\"state\" : \"new\"", with: "\"state\" : 1")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 26, column: 17))
        #expect(message == "\"segments[1].state\" must be a string (one of new, fuzzy, translated, reviewed, final), found a number")
    }

    @Test func aCodeThatIsNotAStringIsAnErrorAtTheValue() throws {
        let (location, message) = try Self.error(replacing: "\"/1\" : \"**\"", with: "\"/1\" : [\"**\"]")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 10, column: 16))
        #expect(message == "\"segments[0].codes./1\" must be a string, found an array")
    }

    @Test func aMissingRequiredKeyIsAnErrorAtItsObject() throws {
        let (location, message) = try Self.error(replacing: "      \"location\" : \"body/paragraph[1]/s[2]\",\n", with: "")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 15, column: 5))
        #expect(message == "a segment (segments[1]) has no \"location\"; required keys: id, location, source, state")
    }

    @Test func aRepeatedKeyIsAnErrorAtItsSecondOccurrence() throws {
        let (location, message) = try Self.error(replacing: "\"state\" : \"new\"", with: "\"state\" : \"new\",\n      \"state\" : \"final\"")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 27, column: 7))
        #expect(message == "key \"state\" appears twice in a segment (segments[1])")
    }

    @Test func aBadLocaleTagIsAnErrorAtTheValue() throws {
        let (location, message) = try Self.error(replacing: "\"targetLocale\" : \"en\"", with: "\"targetLocale\" : \"english please\"")
        #expect(location == TandemKit.SourceLocation(file: "locales/en/posts/a.json", line: 31, column: 20))
        #expect(message.hasPrefix("\"targetLocale\": \"english please\" is not a BCP 47 language tag"))
    }

    @Test func aFileThatIsNotAnObjectIsAnErrorAtItsStart() throws {
        #expect {
            _ = try SegmentFileStore.decode(Array("\n  [1, 2]\n".utf8), path: "a.json")
        } throws: { error in
            guard case TandemError.invalidSegmentFile(let location, let message) = error else { return false }
            return location == TandemKit.SourceLocation(file: "a.json", line: 2, column: 3)
                && message == "the file must be a segment file, found an array"
        }
    }

    @Test func anEscapedKeyIsComparedUnescaped() throws {
        let broken = Self.text.replacingOccurrences(of: "\"state\" : \"new\"", with: "\"st\\u0061te\" : \"new\"")
        let file = try SegmentFileStore.decode(Array(broken.utf8), path: "a.json")
        #expect(file.segments[1].state == .new)
    }

    @Test func aFileLevelLintDisableIsKept() throws {
        let edited = Self.text.replacingOccurrences(of: "  \"formatVersion\" : 1,", with: "  \"formatVersion\" : 1,\n  \"lintDisable\" : [\"number-missing\"],")
        let file = try SegmentFileStore.decode(Array(edited.utf8), path: "a.json")
        #expect(file.lintDisable == ["number-missing"])
        #expect(String(decoding: try SegmentFileStore.encode(file), as: UTF8.self).contains("\"lintDisable\" : [\n    \"number-missing\"\n  ]"))
    }

    @Test func everyFieldTheEncoderWritesIsAllowed() throws {
        var entry = SegmentEntry(id: "a", location: "front/title/s[1]", source: "{1}标题{/1}", codes: ["1": "*", "/1": "*"],
                                 target: "{1}Title{/1}", state: .final, origin: .human)
        entry.previousSource = "旧标题"
        entry.candidates = [MatchCandidate(score: 90, source: "标题", target: "Title", origin: "tm/a.tmx", diff: "{+x+}")]
        entry.terms = [TermNote(term: "标题", target: "title", kind: "term")]
        entry.notes = ["n"]
        entry.lintDisable = ["term-missing"]
        var file = SegmentFile(source: "content/a.md", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: [entry])
        file.obsolete = [entry]
        file.lintDisable = ["all"]
        let bytes = try SegmentFileStore.encode(file)
        #expect(SegmentFileValidator.firstProblem(in: bytes) == nil)
        #expect(try SegmentFileStore.decode(bytes, path: "a.json") == file)
    }

    /// A field added to a segment file type without its schema entry would make every file
    /// that holds it unreadable: the schema must list exactly the stored properties.
    @Test func theSchemaListsEveryStoredProperty() {
        func properties(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        let entry = SegmentEntry(id: "a", location: "l", source: "s")
        #expect(properties(entry) == Set(SegmentFileSchema.segment.allowedKeys))
        #expect(properties(SegmentFile(source: "s", sourceLocale: LocaleTag("zh-CN")!, targetLocale: LocaleTag("en")!, segments: []))
                == Set(SegmentFileSchema.file.allowedKeys))
        #expect(properties(MatchCandidate(score: 1, source: "s", target: "t")) == Set(SegmentFileSchema.matchCandidate.allowedKeys))
        #expect(properties(TermNote(term: "t", target: "t", kind: "term")) == Set(SegmentFileSchema.termNote.allowedKeys))
    }

    @Test(arguments: [("traget", "target"), ("stat", "state"), ("lintdisable", "lintDisable"), ("xyz", nil), ("comment", nil)])
    func nearestNameSuggestsOnlyPlausibleTypos(name: String, expected: String?) {
        #expect(NearestName.nearest(to: name, among: SegmentFileSchema.segment.allowedKeys) == expected)
    }
}
