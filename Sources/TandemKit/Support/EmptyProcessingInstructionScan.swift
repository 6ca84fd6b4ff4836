import Foundation

/// Finds a processing instruction that carries no data (`<?name?>`), chunk by chunk.
///
/// libxml2 reports such an instruction with a null data pointer, and FoundationXML on Linux
/// makes a String of it without checking (`strlen(NULL)`, a SIGSEGV that no `catch` sees): found
/// by `TBXGlossaryFuzzer` with `<?xmld?>`. The readers that parse through FoundationXML (TBX,
/// XLIFF) therefore stop at one before libxml2 sees its `?>`; the TMX reader drives libxml2
/// itself and never asks for an instruction's data. An instruction with data (`<?pi text?>`, even
/// `<?pi ?>`) reaches the parser as before.
///
/// This is not an XML parser: `<?` cannot occur in well-formed XML outside an instruction but in
/// a comment or a CDATA section, where `<?name?>` is refused too (and would be odd enough).
struct EmptyProcessingInstructionScan {
    private enum State {
        case text, afterLessThan, name, afterQuestionMark
    }

    private var state = State.text
    private var name: [UInt8] = []
    private var line = 1
    private var column = 0
    private var startLine = 1
    private var startColumn = 0

    /// The instruction found: its position (of `<`) and its name.
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var name: String
    }

    /// Feeds the next bytes; returns the index in `bytes` of the `>` closing a data-less
    /// instruction, with what was found, or nil.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, finding: Finding)? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index < bytes.count {
            if state == .text {
                // Nearly every byte is outside `<?`: skip to the next `<` by a byte search,
                // counting lines and columns over the run at once (this scan read every byte
                // of a TMX import through the switch below, 5% of its reading thread).
                let end = memchr(base + index, 0x3C, bytes.count - index).map { UnsafeRawPointer(base).distance(to: $0) }
                    ?? bytes.count
                advance(over: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                if end == bytes.count { return nil }
                index = end
            }
            let byte = bytes[index]
            defer { index += 1 }
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            switch state {
            case .text:
                if byte == 0x3C { markStart() }
            case .afterLessThan:
                if byte == 0x3F {
                    state = .name
                    name = []
                } else if byte == 0x3C {
                    markStart()
                } else {
                    state = .text
                }
            case .name:
                switch byte {
                case 0x3F where !name.isEmpty: state = .afterQuestionMark
                case 0x3C: markStart()
                case 0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x3F: state = .text  // data follows, or not an instruction
                default: if name.count < 64 { name.append(byte) }
                }
            case .afterQuestionMark:
                if byte == 0x3E {
                    return (index, Finding(line: startLine, column: startColumn, name: String(decoding: name, as: UTF8.self)))
                }
                if byte == 0x3C { markStart() } else { state = .text }
            }
        }
        return nil
    }

    /// Counts the lines and columns of `run`, which holds no `<` (so no state changes in it).
    private mutating func advance(over run: UnsafeBufferPointer<UInt8>) {
        guard let base = run.baseAddress else { return }
        var lineStart = 0
        while lineStart < run.count, let newline = memchr(base + lineStart, 0x0A, run.count - lineStart) {
            line += 1
            column = 0
            lineStart = UnsafeRawPointer(base).distance(to: newline) + 1
        }
        // A column per character: every byte but UTF-8's continuation bytes.
        var characters = 0
        for byte in UnsafeBufferPointer(rebasing: run[lineStart...]) where byte & 0xC0 != 0x80 { characters += 1 }
        column += characters
    }

    private mutating func markStart() {
        state = .afterLessThan
        startLine = line
        startColumn = column
    }
}

extension EmptyProcessingInstructionScan.Finding {
    /// The error naming the instruction at its place in `path`.
    func error(path: String) -> TandemError {
        TandemError.invalidValue(
            SourceLocation(file: path, line: line, column: column),
            message: "the processing instruction '<?\(name)?>' has no data; such instructions are refused (the XML parser cannot take them)")
    }

    /// Throws at the first data-less instruction in `document`, when there is one.
    static func refuse(in document: [UInt8], path: String) throws {
        var scan = EmptyProcessingInstructionScan()
        if let found = document.withUnsafeBufferPointer({ scan.feed($0) }) { throw found.finding.error(path: path) }
    }
}
