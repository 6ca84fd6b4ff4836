import Foundation
import TandemKit

/// Front matter: the input is a post's start, and its first line picks the reader as Hugo
/// does (`---` YAML, `+++` TOML, `{` JSON; the seeds hold all three). Any input must read or
/// throw a `TandemError`; a crash, hang or memory blow-up is a finding.
///
/// Then every string value one to four maps or list items down (`*.*` … `*.*.*.*.*`, as
/// `translateKeys` paths name them: `resources.1.params.icon` is four down) is translated as a hostile string (quotes, `: `, `#`, a backslash): the built
/// front matter must read again, each such value of one sentence now the target (with the
/// source's white space around it). A
/// splice in the wrong place, or quoting the syntax does not read back, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let post = FuzzInput.bytes(data, size) + Array("body\n".utf8)
    guard (try? FrontMatter.read(post, path: "fuzz.md")) != nil,
          let document = try? HugoDocument(bytes: post, path: "fuzz.md", translatableKeys: nestedPaths) else { return 0 }
    let segments = documentSegmenter.segments(of: document).filter { $0.location.hasPrefix("front/") }
    // Only plain sentences: a target must keep a sentence's codes, which this one would not.
    let plain = segments.filter { !$0.text.contains("{") && !$0.text.contains("}") }
    let targets = Dictionary(plain.map { ($0.id, hostileTarget) }, uniquingKeysWith: { first, _ in first })
    let built: [UInt8]
    do {
        built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: true, language: nil, translations: nil)
    } catch {
        return 0
    }
    let reread: FrontMatter?
    do {
        reread = try FrontMatter.read(built, path: "built.md")
    } catch {
        FuzzInput.fail("the built front matter does not read again: \(error)")
    }
    // A nested value that was one plain sentence is now the target.
    let sentences = Dictionary(grouping: segments) { $0.location.split(separator: "/").dropFirst().first.map(String.init) ?? "" }
    for field in document.frontMatter?.nestedFields ?? [] {
        guard case .string = field.value, let parts = sentences[field.key], parts.count == 1, targets[parts[0].id] != nil else { continue }
        // What surrounds the sentence in the value is the source's: white space (a literal
        // block's last newline), and characters no sentence holds (control characters).
        guard case .string(let now)? = reread?.nestedFields.first(where: { $0.key == field.key })?.value else {
            FuzzInput.fail("\(field.key) is not read again after the build")
        }
        let expected: String
        if case .string(let source) = field.value, let range = source.range(of: parts[0].text) {
            expected = source.replacingCharacters(in: range, with: hostileTarget)
        } else {
            expected = hostileTarget
        }
        guard now == expected || now.trimmingCharacters(in: .whitespacesAndNewlines) == hostileTarget else {
            FuzzInput.fail("\(field.key) does not read as the target after the build: \(now.debugDescription)")
        }
    }
    return 0
}

private let nestedPaths = ["title", "*.*", "*.*.*", "*.*.*.*", "*.*.*.*.*"]
private let hostileTarget = "It's \"x: y\" # not a comment \\ - [end]"

// ICU's break rules are compiled once, before the first input (see MarkdownRoundTripFuzzer).
private let documentSegmenter = DocumentSegmenter(segmenter: try! SentenceSegmenter(locale: LocaleTag("zh-CN")!))

@_cdecl("LLVMFuzzerInitialize")
public func initializeFrontMatterFuzzer(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = documentSegmenter
    return 0
}
