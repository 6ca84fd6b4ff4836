/// The files Tandem hands to translators and takes back.
public enum ExchangeFormat: String, Codable, Sendable, CaseIterable {
    /// XLIFF 1.2 (strict schema): what OmegaT, Trados, memoQ and Okapi read best.
    case xliff12
    /// GNU gettext PO, for Poedit, Weblate and Translate Toolkit.
    case po

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .xliff12: return "xlf"
        case .po: return "po"
        }
    }

    /// The format of a returned file, from its first bytes: XML is XLIFF, anything else PO.
    public static func detect(_ bytes: [UInt8]) -> ExchangeFormat {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        return start < bytes.count && bytes[start] == UInt8(ascii: "<") ? .xliff12 : .po
    }
}
