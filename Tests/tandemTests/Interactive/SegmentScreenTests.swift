import Foundation
import Testing
import TandemKit
@testable import tandem

/// The translation screen fits the terminal: 80 columns measured by display width, 24 rows
/// with the least needed lines left out first.
@Suite("Segment screen")
struct SegmentScreenTests {
    static let source = "阿里云今天在杭州发布了新一代{1}通义千问{/1}大模型，百度、腾讯和字节跳动也在同一周推出了各自的新版本，行业竞争进一步加剧。"

    static func context(candidates: Int, terms: Int) -> SegmentContext {
        let reference = SegmentReference(post: "content/posts/ai.md", segmentFile: "locales/en/posts/ai.json", id: "0123456789abcdef", url: URL(fileURLWithPath: "/tmp/ai.json"))
        var segment = SegmentEntry(id: "0123456789abcdef", location: "body/paragraph[2]/s[1]", source: source, codes: ["1": "**", "/1": "**"])
        segment.target = "Alibaba Cloud released a new generation of {1}Qwen{/1} in Hangzhou today."
        let neighbour = SegmentEntry(id: "1", location: "body/paragraph[1]/s[1]", source: "这是前一句，它也很长，长到一行放不下它的全部内容，需要截断才能显示在屏幕上。")
        let found = (0..<terms).map { n in
            SegmentTerm(term: "阿里云", start: 0, end: 9, kind: "term", requiredTarget: "Alibaba Cloud \(n)", forbiddenTargets: ["Aliyun"], comment: nil)
        }
        let offered = (0..<candidates).map { n in
            MatchCandidate(score: 90 - n, source: source.replacingOccurrences(of: "今天", with: "昨天"), target: "Alibaba Cloud released {1}Qwen{/1} yesterday (\(n)).")
        }
        return SegmentContext(reference: reference, segment: segment, position: 3, count: 12, previous: neighbour, next: neighbour, terms: found, candidates: offered)
    }

    static func lines(_ context: SegmentContext, colour: Bool = false, height: Int? = 24) throws -> [StyledText] {
        let screen = SegmentScreen(context: context, status: "3 of 40", editor: nil, keys: TranslationSession.keys)
        return screen.layout(width: 80, height: height, colour: colour, breaker: try DisplayLineBreaker()).lines
    }

    /// Found on a theme's documentation site: a long post path cut the header at the terminal's
    /// edge, and the id `set` needs went with it. The path now gives way, cut in its middle.
    @Test func aLongPostPathLeavesThePositionAndTheIdOnTheHeader() throws {
        var context = Self.context(candidates: 0, terms: 0)
        context.reference = SegmentReference(
            post: "content/posts/theme-documentation-content-encryption/index.zh-cn.md", segmentFile: "locales/en/posts/x.json",
            id: "0123456789abcdef", url: URL(fileURLWithPath: "/tmp/x.json"))
        let header = try Self.lines(context)[0].plain
        #expect(DisplayWidth.of(header) <= 80)
        #expect(header.contains("body/paragraph[2]/s[1]  3/12  new  id 0123456789"), "\(header)")
        #expect(header.hasPrefix(" content/") && header.contains("…") && header.contains("zh-cn.md  body/"), "\(header)")
        // A path that fits is not touched; wide characters count twice.
        #expect(SegmentScreen.elidingMiddle("content/a.md", to: 40) == "content/a.md")
        let cut = SegmentScreen.elidingMiddle("content/文章/很长的文件夹名字/index.zh-cn.md", to: 24)
        #expect(DisplayWidth.of(cut) <= 24 && cut.hasPrefix("content/") && cut.hasSuffix("zh-cn.md"), "\(cut)")
    }

    /// Found on a theme's documentation site: `show` wrapped a long sentence between a
    /// placeholder's number and its kind (`⟨1` ‖ `link⟩`). A label is never cut, at any width.
    @Test func aPlaceholderLabelIsNeverCutByTheWrap() throws {
        let source = StyledText("这是一段很长的文字，里面有") + StyledText("⟨1 link⟩", .placeholder) + StyledText("一个链接")
            + StyledText("⟨/1⟩", .placeholder) + StyledText("和") + StyledText("⟨2 strong⟩", .placeholder) + StyledText("粗体的内容")
            + StyledText("⟨/2⟩", .placeholder) + StyledText("以及") + StyledText("⟨3 code/⟩", .placeholder) + StyledText("，用于测试换行。")
        let breaker = try DisplayLineBreaker()
        for width in 10...40 {
            let lines = source.wrapped(width: width, breaker: breaker).map(\.plain)
            #expect(lines.joined() == source.plain, "\(width)")
            for line in lines {
                #expect(!line.hasSuffix("⟨1") && !line.hasSuffix("⟨2") && !line.hasSuffix("⟨3") && !line.hasSuffix("⟨/"), "\(width): \(lines)")
                #expect(!line.hasPrefix("1⟩") && !line.hasPrefix("2⟩") && !line.hasPrefix("⟩"), "\(width): \(lines)")
                #expect(!line.hasPrefix("link⟩") && !line.hasPrefix("strong⟩") && !line.hasPrefix("code/⟩"), "\(width): \(lines)")
            }
        }
    }

    /// A helper's finding in review: a target longer than five lines was cut with `…` though
    /// the screen had empty rows, so the reviewer approved an end they never saw. The whole
    /// target shows while there is room (memory lines give way first); when even that does not
    /// fit, its end is cut and marked. On a narrow screen the location gives way before the id.
    @Test func aLongTargetIsShownWholeWhileThereIsRoom() throws {
        var context = Self.context(candidates: 2, terms: 1)
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        context.segment.target = "The company {1}\(words) END-OF-TARGET{/1}."
        let roomy = try Self.lines(context).map(\.plain).joined(separator: "\n")
        #expect(roomy.contains("END-OF-TARGET⟨/1⟩."), "\(roomy)")
        let small = SegmentScreen(context: context, status: "3 of 40", editor: nil, keys: TranslationSession.keys)
            .layout(width: 80, height: 10, colour: false, breaker: try DisplayLineBreaker()).lines.map(\.plain)
        #expect(small.count <= 10)
        #expect(!small.joined().contains("END-OF-TARGET") && small.contains { $0.hasPrefix("target  The company") }, "\(small)")
        #expect(small.contains { $0.hasSuffix("…") }, "\(small)")
        let narrow = SegmentScreen(context: context, status: "3 of 40", editor: nil, keys: TranslationSession.keys)
            .layout(width: 50, height: 24, colour: false, breaker: try DisplayLineBreaker()).lines[0].plain
        #expect(narrow.contains("id 0123456789"), "\(narrow)")
    }

    @Test func everyLineFits80ColumnsAndTheScreen24Rows() throws {
        let lines = try Self.lines(Self.context(candidates: 9, terms: 6))
        #expect(lines.count <= 24)
        for line in lines { #expect(line.width <= 80, "\(line.plain)") }
        // The source wraps by display width and is never left out, nor the target or the keys.
        let text = lines.map(\.plain).joined(separator: "\n")
        #expect(text.contains("source  阿里云今天在杭州发布了新一代⟨1 strong⟩通义千问⟨/1⟩大模型"))
        #expect(text.contains("target  Alibaba Cloud released a new generation of ⟨1 strong⟩Qwen⟨/1⟩"))
        #expect(text.contains("1-9 accept"))
        // The best match stays; the ninth goes first.
        #expect(text.contains("memory  1 90%"))
        #expect(!text.contains("9 82%"))
    }

    @Test func withRoomEverythingShowsAndTheDiffIsMarkedWithoutColour() throws {
        let lines = try Self.lines(Self.context(candidates: 2, terms: 1), height: nil)
        let text = lines.map(\.plain).joined(separator: "\n")
        #expect(text.contains("terms   阿里云 → Alibaba Cloud 0  not: Aliyun"))
        #expect(text.contains("2 89%  Alibaba Cloud released ⟨1 strong⟩Qwen⟨/1⟩ yesterday (1)."))
        #expect(text.contains("阿里云[-昨-]{+今+}天在杭州"))
        #expect(text.contains("after   这是前一句"))
    }

    @Test func colourIsANSIOnlyWhenAskedFor() throws {
        let plain = try Self.lines(Self.context(candidates: 1, terms: 1))
        #expect(!plain.map { $0.rendered(colour: false) }.joined().contains("\u{1B}["))
        let coloured = try Self.lines(Self.context(candidates: 1, terms: 1), colour: true)
        #expect(coloured.map { $0.rendered(colour: true) }.joined().contains("\u{1B}[4;33m阿里云"))
    }
}
