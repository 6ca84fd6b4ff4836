import Foundation

/// Literal text from another tool that reads as a placeholder (`Error {0}: {1}` in an OmegaT
/// memory of Java messages, where `{0}` is a MessageFormat argument, not an inline code), kept
/// as text in Tandem's own representation.
///
/// The memory stores such text escaped: U+FDD0 after the `{` of each lookalike, so that
/// `Placeholder`'s grammar no longer reads a code there (`{\u{FDD0}0}` is text to `CodedText`,
/// the matching key and the fuzzy symbols), and exports (`TMXWriter`) restore it. U+FDD0 is a
/// noncharacter, which Unicode reserves for a program's internal use: it never stands for
/// itself in interchanged text, so one found in an imported text becomes U+FFFD and the escape
/// stays reversible.
///
/// Only readers of other tools' files escape (TMX, and XLIFF and PO read as memory sources);
/// segment files never hold the marker: extraction turns a document's lookalikes into codes.
public enum LiteralPlaceholderEscape {
    /// The scalar written after a lookalike's `{`.
    public static let marker = Unicode.Scalar(0xFDD0 as UInt32)!
    private static let markerUTF8: [UInt8] = [0xEF, 0xB7, 0x90]

    /// `text` (literal text, no codes) with every placeholder lookalike escaped.
    public static func escaping(_ text: String) -> String {
        var text = text
        // Byte searches, not a walk over the scalars: a TMX import escapes every run of text,
        // and nearly all hold neither a marker nor a `{`.
        let (hasMarker, hasBrace) = text.withUTF8 { bytes in
            (containsMarker(bytes), bytes.count > 0 && memchr(bytes.baseAddress!, Int32(UInt8(ascii: "{")), bytes.count) != nil)
        }
        if hasMarker { text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == marker ? "\u{FFFD}" : $0 })) }
        guard hasBrace else { return text }
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            var copied = 0
            Placeholder.forEach(in: bytes) { _, range in
                output += bytes[copied...range.lowerBound]
                output += markerUTF8
                copied = range.lowerBound + 1
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            output += bytes[copied...]
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `bytes` (UTF-8) hold the marker, whose encoding is the only one of U+FDD0.
    private static func containsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, Int32(markerUTF8[0]), bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 2 < bytes.count, bytes[index + 1] == markerUTF8[1], bytes[index + 2] == markerUTF8[2] { return true }
            start = index + 1
        }
        return false
    }

    /// `text` with the escapes of `escaping` undone: the literal text as the other tool wrote it.
    public static func restoring(_ text: String) -> String {
        guard containsEscape(text) else { return text }
        var output = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == marker, previous == "{" {
                previous = scalar
                continue
            }
            output.append(scalar)
            previous = scalar
        }
        return String(output)
    }

    /// Whether `text` holds an escaped lookalike.
    public static func containsEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 1..<(bytes.count - 2) where bytes[index] == markerUTF8[0]
                && bytes[index + 1] == markerUTF8[1] && bytes[index + 2] == markerUTF8[2] && bytes[index - 1] == UInt8(ascii: "{") {
                return true
            }
            return false
        }
    }
}
