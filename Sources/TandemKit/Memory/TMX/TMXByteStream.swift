import Foundation

/// The bytes of a TMX file as the XML parser reads them, chunk by chunk, with C0 control characters
/// made legal: XML 1.0 forbids them (libxml2 stops at the first one), yet gettext catalogs hold
/// BEL or ESC and some tools write them raw into TMX. Each such byte becomes a character of
/// Unicode's last private-use plane (U+10FF00 + byte) that `TMXReader` turns back into the
/// control character; character references to them (`&#7;`) are treated the same. A control
/// byte never occurs inside a multi-byte UTF-8 sequence, so the mapping is safe at any chunk
/// boundary (a reference cut by one waits for the next chunk).
///
/// A UTF-16 file (with or without a byte order mark) is transcoded to UTF-8 on the way, its
/// declaration made to say so: the control-character mapping works on UTF-8 bytes, and a
/// UTF-16 zero byte would otherwise read as a control character.
final class TMXByteStream {
    /// Where escaped control characters start (U+10FF00 + the byte's value).
    static let escapeBase: UInt32 = 0x10_FF00

    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var finished = false
    private static let chunkSize = 1 << 16
    /// Set by the first chunk: nil until then, and for UTF-8 files.
    private var transcoder: UTF16Transcoder?
    private var sawFirstChunk = false
    /// The file offset of the first byte of a UTF-8 file that is not UTF-8: the stream ends
    /// before it, and `TMXReader` reports this instead of the parser's error. Checked as each
    /// chunk is read, so the file is read once.
    private(set) var invalidUTF8Offset: Int?
    /// The start of a UTF-8 sequence cut by the last chunk's end, held back until the next
    /// chunk completes it (never handed to the parser unchecked).
    private var cutSequence: [UInt8] = []
    /// Bytes of the file checked and handed on (a UTF-8 file's: the offset of `cutSequence`).
    private var checkedBytes = 0

    init?(file url: URL) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        self.handle = handle
    }

    func close() { try? handle.close() }

    /// Copies up to `maxLength` of the next bytes into `buffer`; 0 at the end.
    func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        if pendingOffset >= pending.count {
            if finished { return 0 }
            refill()
            if pending.isEmpty { return 0 }
        }
        let count = min(maxLength, pending.count - pendingOffset)
        pending.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + pendingOffset, count: count)
        }
        pendingOffset += count
        return count
    }

    /// Bytes held back from the previous chunk: the start of a character reference cut by the chunk boundary.
    private var carry: [UInt8] = []

    private func refill() {
        pending.removeAll(keepingCapacity: true)
        pendingOffset = 0
        var data = [UInt8]((try? handle.read(upToCount: Self.chunkSize)) ?? Data())
        if !sawFirstChunk {
            sawFirstChunk = true
            data = firstChunk(data)
        } else if transcoder != nil {
            data = transcoder!.transcode(data, final: data.isEmpty)
        } else {
            data = checkingUTF8(data)
        }
        // Empty means the end: a chunk that held only a cut sequence waits for the next one.
        while data.isEmpty, !cutSequence.isEmpty, invalidUTF8Offset == nil {
            data = checkingUTF8([UInt8]((try? handle.read(upToCount: Self.chunkSize)) ?? Data()))
        }
        if data.isEmpty {
            finished = true
            pending = carry
            carry = []
            return
        }
        var bytes = carry
        bytes.append(contentsOf: data)
        carry = []
        // After a bad byte, the bytes before it are the last the parser gets.
        if invalidUTF8Offset != nil { finished = true }
        // A `&#…` without its `;` at the end waits for the next chunk.
        if !finished, let amp = bytes.lastIndex(of: UInt8(ascii: "&")), bytes.count - amp < 12,
           !bytes[amp...].contains(UInt8(ascii: ";")) {
            carry = Array(bytes[amp...])
            bytes.removeSubrange(amp...)
        }
        // Most chunks hold no control character and no character reference: passed as they are.
        let needsWork = bytes.withUnsafeBufferPointer { Self.nextCandidate(in: $0, from: 0) != nil }
        if !needsWork {
            pending = bytes
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        bytes.withUnsafeBufferPointer { buffer in
            var runStart = 0
            var index = 0
            while let candidate = Self.nextCandidate(in: buffer, from: index) {
                index = candidate
                let byte = buffer[index]
                var escaped: UInt8?
                var end = index + 1
                if byte != UInt8(ascii: "&") {
                    escaped = byte
                } else if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "#"),
                          let (value, after) = Self.characterReference(bytes, at: index),
                          value < 0x20, value != 0x09, value != 0x0A, value != 0x0D {
                    // `&#7;` is as illegal in XML 1.0 as a raw BEL, and as common in real files.
                    escaped = UInt8(value)
                    end = after
                }
                if let escaped {
                    output.append(contentsOf: buffer[runStart..<index])
                    Self.appendEscape(escaped, to: &output)
                    runStart = end
                }
                index = end
            }
            output.append(contentsOf: buffer[runStart..<buffer.count])
        }
        pending = output
    }

    /// The bytes of a UTF-8 file's next chunk `data` that are whole UTF-8 sequences (after the
    /// cut sequence held back from the chunk before); at a bad byte, those before it, and the
    /// stream ends there (`invalidUTF8Offset`). A UTF-16 file is left to the transcoder, whose
    /// UTF-8 is valid.
    private func checkingUTF8(_ data: [UInt8]) -> [UInt8] {
        var bytes = cutSequence
        bytes.append(contentsOf: data)
        cutSequence = []
        let verdict = bytes.withUnsafeBufferPointer { UTF8ChunkCheck.scan($0, final: data.isEmpty) }
        switch verdict {
        case .valid:
            break
        case .incomplete(let start):
            cutSequence = Array(bytes[start...])
            bytes.removeSubrange(start...)
        case .invalid(let start):
            invalidUTF8Offset = checkedBytes + start
            bytes.removeSubrange(start...)
        }
        checkedBytes += bytes.count
        return bytes
    }

    /// The first chunk in UTF-8 with its declaration saying so; sets up transcoding for the rest.
    private func firstChunk(_ data: [UInt8]) -> [UInt8] {
        var data = data
        // A chunk of at least 4 bytes tells the encoding (only a tiny file has fewer).
        while data.count < 4, let more = try? handle.read(upToCount: 4 - data.count), !more.isEmpty { data += more }
        let (encoding, mark) = XMLByteEncoding.detect(data)
        if encoding != .utf8 {
            transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BigEndian)
            data = transcoder!.transcode(data[mark...], final: data.count < 4)
        } else {
            // The file's own bytes are checked, before the declaration may be rewritten.
            data = checkingUTF8(data)
        }
        return XMLByteEncoding.declaringUTF8(data)
    }

    /// The index, from `start` on, of the next control character XML 1.0 forbids or `&#` (which
    /// may start a reference to one), or nil.
    ///
    /// Eight bytes at a time: every chunk of a TMX file is read through here, and nearly all of
    /// its bytes are text and markup (a byte loop was 4 % of an import's reading thread).
    static func nextCandidate(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Some byte below 0x20, or some byte equal to `&` (a zero byte after the XOR).
                let below = (word &- ones &* 0x20) & ~word & highs
                let ampersand = word ^ (ones &* 0x26)
                let hasAmpersand = (ampersand &- ones) & ~ampersand & highs
                if below | hasAmpersand == 0 {
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = base[index]
                if byte == 0x26 {
                    if index + 1 < count, base[index + 1] == 0x23 { return index }
                } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    return index
                }
                index += 1
            }
        }
        return nil
    }

    /// U+10FF00 + `byte`, in UTF-8.
    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        let scalar = escapeBase + UInt32(byte)
        output.append(0xF0 | UInt8(scalar >> 18))
        output.append(0x80 | UInt8((scalar >> 12) & 0x3F))
        output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
        output.append(0x80 | UInt8(scalar & 0x3F))
    }

    /// The value of a numeric character reference (`&#7;`, `&#x1B;`) at `start`, and the index after it.
    static func characterReference(_ bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        var index = start + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        var radix: UInt32 = 10
        if index < bytes.count, bytes[index] == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        var value: UInt32 = 0
        let digitsStart = index
        while index < bytes.count, index - digitsStart < 8 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: digit = 99
            }
            if digit == 99 { break }
            value = value * radix + digit
            index += 1
        }
        guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        return (value, index + 1)
    }

    /// `text` with escaped control characters restored (nil when there were none).
    static func restoringControlCharacters(_ text: String) -> String? {
        // Escapes are in plane 16, whose UTF-8 starts with byte F4: text without one (nearly
        // all) is passed by a byte search instead of decoding every scalar.
        var probe = text
        guard probe.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 0xF4, $0.count) != nil }),
              text.unicodeScalars.contains(where: { $0.value >= escapeBase && $0.value < escapeBase + 0x20 })
        else { return nil }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= escapeBase, scalar.value < escapeBase + 0x20 {
                output.append(Unicode.Scalar(UInt8(scalar.value - escapeBase)))
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
