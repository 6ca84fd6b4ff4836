/// Reads the bytes before a TMX file's root element, chunk by chunk, and finds whether its
/// DOCTYPE declares entities.
///
/// This is not an XML parser: it skips processing instructions and comments, follows the
/// DOCTYPE's quoted strings and internal subset, and stops at the first element. It exists
/// because Foundation's XMLParser on Linux neither reports entity declarations to its delegate
/// nor keeps internal entities' text (they are dropped silently), so a document declaring
/// entities must be refused before libxml2 sees it. Memory use does not depend on the prolog's size.
struct XMLPrologScan {
    enum Verdict: Equatable {
        /// The root element starts and no entity was declared before it.
        case safe
        /// `<!ENTITY` at this line and column.
        case entityDeclaration(line: Int, column: Int)
    }

    private enum State {
        case text, afterLessThan, processingInstruction, bang, comment, doctype
    }

    private var state = State.text
    private var recent: [UInt8] = []  // the last few bytes, to recognise `-->`, `?>`, `<!ENTITY`
    private var bangWord: [UInt8] = []
    private var quote: UInt8?
    private var inSubset = false
    private var subsetComment = false
    /// Inside a processing instruction in the internal subset: its text (quotes included)
    /// means nothing until `?>`.
    private var subsetProcessingInstruction = false
    /// Inside a markup declaration (`<!ATTLIST …>`) in the subset: the only place quotes quote.
    private var inDeclaration = false
    private var line = 1
    private var column = 0

    /// The verdict, once the bytes fed so far decide it.
    private(set) var verdict: Verdict?

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if verdict != nil { return }
            advancePosition(byte)
            recent.append(byte)
            if recent.count > 8 { recent.removeFirst(recent.count - 8) }
            step(byte)
        }
    }

    private mutating func advancePosition(_ byte: UInt8) {
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 0
        } else if byte & 0xC0 != 0x80 {
            column += 1  // a character starts (UTF-8 continuation bytes do not count)
        }
    }

    private func recentEnds(with text: String) -> Bool {
        let tail = Array(text.utf8)
        return recent.count >= tail.count && Array(recent.suffix(tail.count)) == tail
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { state = .afterLessThan }
        case .afterLessThan:
            if byte == UInt8(ascii: "?") {
                state = .processingInstruction
            } else if byte == UInt8(ascii: "!") {
                state = .bang
                bangWord = []
            } else {
                verdict = .safe  // the root element
            }
        case .processingInstruction:
            if recentEnds(with: "?>") { state = .text }
        case .bang:
            bangWord.append(byte)
            if bangWord == Array("--".utf8) {
                state = .comment
                recent = []
            } else if bangWord == Array("DOCTYPE".utf8) {
                state = .doctype
            } else if bangWord.count >= 7 {
                state = .text  // some other declaration; XML allows none here, libxml2 will say so
            }
        case .comment:
            if recentEnds(with: "-->") { state = .text }
        case .doctype:
            doctypeStep(byte)
        }
    }

    private mutating func doctypeStep(_ byte: UInt8) {
        if subsetComment {
            if recentEnds(with: "-->") { subsetComment = false }
            return
        }
        if subsetProcessingInstruction {
            if recentEnds(with: "?>") { subsetProcessingInstruction = false }
            return
        }
        if let q = quote {
            if byte == q { quote = nil }
            return
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            // In the subset a quote opens a literal only inside a declaration: a stray one (in
            // text libxml2 rejects anyway) must not hide what follows from this scan.
            if !inSubset || inDeclaration { quote = byte }
        case UInt8(ascii: "?") where inSubset && recentEnds(with: "<?"):
            subsetProcessingInstruction = true
            recent = []
        case UInt8(ascii: "!") where inSubset && recentEnds(with: "<!"):
            inDeclaration = true
        case UInt8(ascii: ">") where inSubset && inDeclaration:
            inDeclaration = false
        case UInt8(ascii: "["):
            inSubset = true
        case UInt8(ascii: "]"):
            inSubset = false
        case UInt8(ascii: ">") where !inSubset:
            // Entities can only be declared in the DOCTYPE: after it, nothing more to check.
            verdict = .safe
        default:
            if inSubset, recentEnds(with: "<!ENTITY") {
                verdict = .entityDeclaration(line: line, column: column - 7)
            } else if inSubset, recentEnds(with: "<!--") {
                subsetComment = true
                inDeclaration = false
                recent = []
            }
        }
    }
}

extension XMLPrologScan {
    /// Throws `message` at the declaration's position when the prolog fed so far declares entities.
    func refuseEntityDeclarations(path: String, message: String) throws {
        if case .entityDeclaration(let line, let column) = verdict {
            throw TandemError.invalidValue(SourceLocation(file: path, line: line, column: column), message: message)
        }
    }
}
