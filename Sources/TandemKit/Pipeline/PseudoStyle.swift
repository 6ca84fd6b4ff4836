/// How `tandem pseudo` fills targets, for testing layouts before real translations exist.
public enum PseudoStyle: String, Codable, Sendable, CaseIterable {
    /// The source itself: building gives back the original post.
    case identity
    /// The source between ⟦ ⟧: shows what is translated and what is not.
    case brackets
    /// Classic pseudo-localization: accented Latin letters, ⟦ ⟧ and 30% padding, to catch
    /// hard-coded strings and layouts that cannot grow.
    case accents

    /// `text` transformed; placeholders are kept exactly.
    public func apply(to text: String) -> String {
        switch self {
        case .identity:
            return text
        case .brackets:
            return "⟦" + text + "⟧"
        case .accents:
            var output = ""
            var letters = 0
            for piece in CodedText(text).pieces {
                switch piece {
                case .placeholder(let placeholder):
                    output += placeholder.token
                case .text(let run):
                    for character in run {
                        if character.isLetter { letters += 1 }
                        output.append(Self.accented[character] ?? character)
                    }
                }
            }
            return "⟦" + output + String(repeating: "·", count: max(1, letters * 3 / 10)) + "⟧"
        }
    }

    private static let accented: [Character: Character] = [
        "a": "á", "e": "é", "i": "í", "o": "ó", "u": "ü", "c": "ç", "n": "ñ", "y": "ý", "s": "š", "z": "ž",
        "A": "Å", "E": "É", "I": "Î", "O": "Ø", "U": "Û", "C": "Ç", "N": "Ñ", "Y": "Ý", "S": "Š", "Z": "Ž",
    ]
}
