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
    /// The boundaries of the last text, reused from call to call. A scratch buffer rather than
    /// an array: no uniqueness check or exclusivity bookkeeping per paragraph.
    private let boundaryBuffer = ScratchBuffer<Int>()

    /// Opens an iterator for an ICU locale id such as `zh_CN@ss=standard` (see `LocaleTag.icuIdentifier`).
    public init(_ kind: Kind, icuLocale: String) throws {
        var raw: UnsafeMutableRawPointer?
        let code = tandem_break_open(kind.rawValue, icuLocale, &raw)
        try ICUError.check(code)
        guard let raw else { throw ICUError(code: 7) }  // U_MEMORY_ALLOCATION_ERROR
        handle = OpaquePointer(raw)
    }

    deinit {
        tandem_break_close(UnsafeMutableRawPointer(handle))
    }

    /// Every boundary in `utf8` as a byte offset, `0` and `utf8.count` included.
    public func boundaries(in utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        withBoundaries(in: utf8) { Array($0) }
    }

    /// Calls `body` with every boundary in `utf8` (as `boundaries(in:)`), read from the
    /// iterator's own buffer: no array is made. The buffer is valid only inside `body`.
    @inline(__always)
    func withBoundaries<Result>(in utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        let count = boundaryCount(in: utf8)
        guard count >= 0 else {
            // The only failures are allocation or invalid UTF-8, impossible for the bytes of a
            // Swift String; fall back to "no inner boundary" rather than crash.
            let whole = utf8.isEmpty ? [0] : [0, utf8.count]
            return whole.withUnsafeBufferPointer(body)
        }
        return body(boundaryBuffer.elements(0..<count))
    }

    /// Breaks `utf8` into the boundary buffer; the number of boundaries, or -1 on failure.
    private func boundaryCount(in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        // At most one boundary per byte, plus the end.
        boundaryBuffer.reserve(utf8.count + 1, minimumGrowth: 256)
        let capacity = boundaryBuffer.capacity
        var count: Int64 = 0
        // Int is 64 bits on every platform Swift on Linux and macOS runs on.
        let code = boundaryBuffer.base.withMemoryRebound(to: Int64.self, capacity: capacity) { out in
            tandem_break_utf8(
                UnsafeMutableRawPointer(handle), utf8.baseAddress, Int64(utf8.count),
                out, nil, Int64(capacity), &count)
        }
        return code <= 0 ? Int(count) : -1
    }

    /// Every boundary in `text`, as UTF-8 byte offsets.
    public func boundaries(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { boundaries(in: $0) }
    }
}

/// Not thread-safe: it holds an ICU iterator with state; give each thread its own.
@available(*, unavailable)
extension BreakIterator: Sendable {}
