internal import CTandemICU

/// An ICU break iterator reused across many texts (opening one costs far more than running it).
///
/// Not thread-safe: ICU iterators carry state. Give each thread its own.
public final class BreakIterator {
    /// Which boundaries the iterator finds.
    public enum Kind: Int32, Sendable {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    let handle: OpaquePointer
    private var boundaryBuffer: [Int] = []

    /// Opens an iterator for an ICU locale id such as `zh_CN@ss=standard` (see `LocaleTag.icuIdentifier`).
    public init(_ kind: Kind, icuLocale: String) throws {
        var raw: UnsafeMutableRawPointer?
        let code = tandem_break_open(kind.rawValue, icuLocale, &raw)
        try ICUError.check(code)
        guard let raw else { throw ICUError(code: 7) }  // U_MEMORY_ALLOCATION_ERROR
        handle = OpaquePointer(raw)
    }

    deinit { tandem_break_close(UnsafeMutableRawPointer(handle)) }

    /// Every boundary in `utf8` as a byte offset, `0` and `utf8.count` included.
    public func boundaries(in utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        withBoundaries(in: utf8) { Array($0) }
    }

    /// Calls `body` with every boundary in `utf8` (as `boundaries(in:)`), read from the
    /// iterator's own buffer: no array is made. The buffer is valid only inside `body`.
    func withBoundaries<Result>(in utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        let capacity = utf8.count + 1
        if boundaryBuffer.count < capacity {
            boundaryBuffer = [Int](repeating: 0, count: capacity)
        }
        var count: Int64 = 0
        let code = boundaryBuffer.withUnsafeMutableBufferPointer { out in
            // Int is 64 bits on every platform Swift on Linux and macOS runs on.
            out.withMemoryRebound(to: Int64.self) { out in
                tandem_break_utf8(
                    UnsafeMutableRawPointer(handle), utf8.baseAddress, Int64(utf8.count),
                    out.baseAddress, nil, Int64(out.count), &count)
            }
        }
        // The only failures are allocation or invalid UTF-8, impossible for the bytes of a Swift
        // String; fall back to "no inner boundary" rather than crash.
        guard code <= 0 else {
            let whole = utf8.isEmpty ? [0] : [0, utf8.count]
            return whole.withUnsafeBufferPointer(body)
        }
        return boundaryBuffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<Int(count)])) }
    }

    /// Every boundary in `text`, as UTF-8 byte offsets.
    public func boundaries(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { boundaries(in: $0) }
    }
}
