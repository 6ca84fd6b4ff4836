internal import Yams

extension YAMLFrontMatterReader {
    /// The value of `key` as an `AliasedValue`, or nil when it is a string written in place
    /// (or not a string at all).
    func aliasedValue(key: String, keyMark: Mark, value: Node, bound: Int, lines: LineTable, content: [UInt8]) -> FrontMatter.AliasedValue? {
        let nodes: [Node]
        switch value {
        case .scalar:
            guard Resolver.default.resolveTag(of: value) == .str else { return nil }
            nodes = [value]
        case .sequence(let sequence):
            guard sequence.contains(where: { Resolver.default.resolveTag(of: $0) == .str }) else { return nil }
            nodes = [value] + Array(sequence)
        default:
            return nil
        }
        // Every node written in place lies after the key, before the next key, each after the
        // one before; an alias points back at its anchor.
        var previous = offset(of: keyMark, lines: lines, content: content)
        for node in nodes {
            guard let mark = node.mark else { continue }
            let start = offset(of: mark, lines: lines, content: content)
            let isAlias = start <= previous || start >= bound
            let isAnchored = !isAlias && start < content.count && content[start] == UInt8(ascii: "&")
            if isAlias || isAnchored {
                // An alias's own position is not known to the composer: report the key's.
                return FrontMatter.AliasedValue(key: key, isAlias: isAlias, error: TandemError.invalidValue(
                    isAlias ? location(keyMark) : location(mark),
                    message: "front matter key '\(key)' uses a YAML \(isAlias ? "alias (*)" : "anchor (&)"); Tandem cannot rewrite such a value safely: write the value out in full"))
            }
            previous = start
        }
        return nil
    }
}
