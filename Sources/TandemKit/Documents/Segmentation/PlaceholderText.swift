/// Turns a target with placeholders back into the bytes of the document, checking that the
/// placeholders a translator returned are the ones the source had.
public enum PlaceholderText {
    /// What is wrong with a target's placeholders.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknown(String)
        case duplicated(String)
        case missing(String)
        case closedBeforeOpened(String)

        public var description: String {
            switch self {
            case .unknown(let token): return "placeholder \(token) is not in the source"
            case .duplicated(let token): return "placeholder \(token) appears more than once"
            case .missing(let token): return "placeholder \(token) of the source is missing"
            case .closedBeforeOpened(let token): return "placeholder \(token) closes before it opens"
            }
        }
    }

    /// `text` with each placeholder replaced by the bytes in `codes`. Every code but line
    /// breaks must appear exactly once; a pair must open before it closes.
    public static func expand(_ text: String, codes: [String: String]) throws -> String {
        var output = ""
        var used = Set<String>()
        var scalars = text.unicodeScalars[...]
        while let brace = scalars.firstIndex(of: "{") {
            output.unicodeScalars.append(contentsOf: scalars[..<brace])
            scalars = scalars[brace...]
            guard let close = scalars.firstIndex(of: "}"), let key = placeholderKey(String(scalars[scalars.index(after: scalars.startIndex)..<close])) else {
                output.unicodeScalars.append(scalars.removeFirst())
                continue
            }
            let token = "{\(key)}"
            guard let code = codes[key] else { throw Problem.unknown(token) }
            guard used.insert(key).inserted else { throw Problem.duplicated(token) }
            if key.hasPrefix("/"), codes[String(key.dropFirst())] != nil, !used.contains(String(key.dropFirst())) {
                throw Problem.closedBeforeOpened(token)
            }
            output += code
            scalars = scalars[scalars.index(after: close)...]
        }
        output.unicodeScalars.append(contentsOf: scalars)
        for key in codes.keys.sorted() where !used.contains(key) {
            let bytes = codes[key]!
            if !(bytes.contains("\n") || bytes.contains("\r")) || bytes.contains(where: { !$0.isWhitespace && $0 != ">" }) {
                throw Problem.missing("{\(key)}")
            }
        }
        return output
    }

    /// The placeholder keys (`1`, `/1`, `2/`) in `text`, in order.
    public static func keys(in text: String) -> [String] {
        var keys: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "}") else { break }
            if let key = placeholderKey(String(rest[..<close])) { keys.append(key) }
        }
        return keys
    }

    /// `1`, `/1` or `1/`: digits with an optional slash before or after.
    static func placeholderKey(_ inner: String) -> String? {
        var digits = Substring(inner)
        if digits.hasPrefix("/") { digits = digits.dropFirst() } else if digits.hasSuffix("/") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return inner
    }

    /// `text` without placeholders (for counting and matching).
    public static func plainText(_ text: String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), placeholderKey(String(rest[afterOpen..<close])) != nil {
                rest = rest[rest.index(after: close)...]
            } else {
                output.append("{")
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }
}
