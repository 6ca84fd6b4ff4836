/// The inline codes of one segment, keyed by placeholder: the one owner of what a target may
/// do with them. Build (`expand`) and lint (`problems`) both judge a target here, so a target
/// build refuses is always a target lint reports.
public struct InlineCodeSet: Equatable, Sendable {
    public private(set) var codes: [Placeholder: InlineCode]

    /// The codes of a segment file or an extracted segment (`codes`: placeholder key → bytes).
    /// A key that is not a placeholder is not a code (the segment file reader rejects it).
    public init(codes table: [String: String]) {
        var parsed: [Placeholder: String] = [:]
        for (key, data) in table {
            if let placeholder = Placeholder(key: key) { parsed[placeholder] = data }
        }
        var codes: [Placeholder: InlineCode] = [:]
        for (placeholder, data) in parsed {
            let partner = placeholder.partner
            let opening: String? = if case .close = placeholder { partner.flatMap { parsed[$0] } } else { nil }
            codes[placeholder] = InlineCode(
                placeholder: placeholder, originalData: data,
                kind: InlineCodeKind(classifying: data, as: placeholder, opening: opening),
                isIsolated: partner.map { parsed[$0] == nil } ?? false)
        }
        self.codes = codes
    }

    /// The codes of a text whose placeholders have no known bytes (a segment file without a
    /// `codes` table): enough to check a target's placeholders against its source's.
    public init(placeholdersOf source: String) {
        let placeholders = Set(CodedText(source).placeholders)
        var table: [String: String] = [:]
        for placeholder in placeholders { table[placeholder.key] = "" }
        self.init(codes: table)
    }

    public subscript(placeholder: Placeholder) -> InlineCode? { codes[placeholder] }

    public var isEmpty: Bool { codes.isEmpty }

    /// The codes in placeholder order.
    public var sorted: [InlineCode] { codes.keys.sorted().map { codes[$0]! } }

    /// Everything wrong with `target`'s placeholders, in the order a reader meets them, then
    /// the missing ones in placeholder order. Empty when `expand` succeeds.
    public func problems(in target: String) -> [PlaceholderProblem] {
        problems(in: CodedText(target))
    }

    public func problems(in target: CodedText) -> [PlaceholderProblem] {
        var problems: [PlaceholderProblem] = []
        var seen = Set<Placeholder>()
        var openPairs: [Int] = []
        for placeholder in target.placeholders {
            guard codes[placeholder] != nil else {
                problems.append(.unknown(placeholder))
                continue
            }
            guard seen.insert(placeholder).inserted else {
                problems.append(.duplicated(placeholder))
                continue
            }
            switch placeholder {
            case .open(let n) where codes[.close(n)] != nil:
                openPairs.append(n)
            case .close(let n) where codes[.open(n)] != nil:
                guard seen.contains(.open(n)), let depth = openPairs.lastIndex(of: n) else {
                    problems.append(.closedBeforeOpened(placeholder))
                    continue
                }
                if depth != openPairs.count - 1 { problems.append(.crossed(placeholder, inside: .open(openPairs.last!))) }
                openPairs.remove(at: depth)
            default:
                break
            }
        }
        for code in sorted where !seen.contains(code.placeholder) && !code.canDelete {
            problems.append(.missing(code.placeholder))
        }
        return problems
    }

    /// `target` with each placeholder replaced by its code's original bytes: the text a built
    /// post holds. Throws the first problem when the target breaks the codes' rules.
    public func expand(_ target: String) throws(PlaceholderProblem) -> String {
        let coded = CodedText(target)
        if let problem = problems(in: coded).first { throw problem }
        var output = ""
        for piece in coded.pieces {
            switch piece {
            case .text(let run): output += run
            case .placeholder(let placeholder): output += codes[placeholder]!.originalData
            }
        }
        return output
    }
}
