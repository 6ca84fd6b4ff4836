import TandemKit

/// A whole post (front matter and Markdown body) through extract and build: what `extract`
/// accepts must segment, and building it with every segment translated as itself must give
/// back the input byte for byte (principle 2). A mismatch or a refused build is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownRoundTrip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let document = try? HugoDocument(bytes: bytes, path: "fuzz.md") else { return 0 }
    let segments = documentSegmenter.segments(of: document)
    let targets = Dictionary(segments.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    let built: [UInt8]
    do {
        built = try DocumentBuilder(document: document, segments: segments)
            .build(targets: targets, fallbackToSource: false, language: nil, translations: nil)
    } catch {
        FuzzInput.fail("identity build refused a post extract accepted: \(error)")
    }
    if built != bytes {
        let first = zip(built, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(built.count, bytes.count)
        FuzzInput.fail("identity build differs from the post at byte \(first) (\(built.count) bytes built, \(bytes.count) read)")
    }
    return 0
}

// ICU's break rules are compiled once, not per input, and before the first input (in
// `LLVMFuzzerInitialize`): in a sanitized debug build that takes long enough to count as a timeout.
private let documentSegmenter = DocumentSegmenter(segmenter: try! SentenceSegmenter(locale: LocaleTag("zh-CN")!))

@_cdecl("LLVMFuzzerInitialize")
public func initializeMarkdownRoundTripFuzzer(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = documentSegmenter
    return 0
}
