/// A sentence or a unit of one side of a translation, as alignment sees it: how long it is and
/// which anchors it holds (numbers, Latin words, inline code bytes), which a translation keeps.
public struct AlignableText: Sendable {
    /// Letters, digits and symbols, white space excepted.
    public var length: Int
    /// Numbers, Latin words (lower-cased) and the bytes of inline codes.
    public var anchors: Set<String>
    /// What kind of text it is (`body/heading`, `front/title`): units align only with their kind.
    public var kind: String

    public init(length: Int, anchors: Set<String>, kind: String = "") {
        self.length = length
        self.anchors = anchors
        self.kind = kind
    }

    /// `text` (with `{n}` placeholders standing for `codes`) measured.
    public init(codedText text: String, codes: [String: String], kind: String = "") {
        let coded = CodedText(text)
        var anchors = Set<String>()
        for placeholder in coded.placeholders {
            // A pair's closing bytes carry the link target: the anchor a translation keeps.
            if case .open = placeholder { continue }
            if let bytes = codes[placeholder.key], bytes.count > 2 { anchors.insert(bytes) }
        }
        let plain = coded.plainText
        var length = 0
        var word = ""
        var number = ""
        func flush() {
            if word.count >= 2 { anchors.insert(word.lowercased()) }
            if !number.isEmpty { anchors.insert(number) }
            word = ""
            number = ""
        }
        for scalar in plain.unicodeScalars {
            if !scalar.properties.isWhitespace { length += 1 }
            if scalar.isASCII, scalar.properties.isAlphabetic {
                if !number.isEmpty { flush() }
                word.unicodeScalars.append(scalar)
            } else if ("0"..."9").contains(scalar) || (scalar == "." && !number.isEmpty) {
                if !word.isEmpty { flush() }
                number.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        anchors = Set(anchors.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        self.init(length: length, anchors: anchors, kind: kind)
    }
}
