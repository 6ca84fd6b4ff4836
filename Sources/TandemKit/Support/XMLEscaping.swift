/// Character data and attribute values for the XML 1.0 documents Tandem writes (TMX, TBX).
///
/// Besides `&`, `<`, `>` and quotes, XML 1.0 cannot carry most C0 controls, U+FFFE and U+FFFF
/// even as character references, and real catalogs hold some (gettext files with BEL and ESC).
/// Each writer decides what such a character becomes; by default U+FFFD, so the document stays
/// well-formed.
enum XMLEscaping {
    /// Whether XML 1.0 allows `scalar` in a document.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Escaped character data; a character XML cannot hold becomes `replacingInvalid(scalar)`.
    static func text(_ value: String, replacingInvalid: (Unicode.Scalar) -> String = { _ in "\u{FFFD}" }) -> String {
        escape(value, inAttribute: false, replacingInvalid: replacingInvalid)
    }

    /// An attribute value for double quotes; white space kept as character references, so an
    /// XML parser's attribute normalization gives it back unchanged.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true, replacingInvalid: { _ in "\u{FFFD}" })
    }

    private static func escape(_ value: String, inAttribute: Bool, replacingInvalid: (Unicode.Scalar) -> String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">" where !inAttribute: output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n" where inAttribute: output += "&#10;"
            case "\r": output += "&#13;"
            default:
                if isXMLCharacter(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += replacingInvalid(scalar)
                }
            }
        }
        return output
    }
}
