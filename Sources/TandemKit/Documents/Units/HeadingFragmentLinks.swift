import Foundation

/// Links within a page to a heading's automatic id (`[灵隐寺](#灵隐寺)` to `## 灵隐寺`).
///
/// Hugo makes a heading's id from its text, so the translated heading gets another one
/// (`lingyin-temple`), and every such link in the translation points nowhere: a helper's
/// finding, with no command saying a word. A link in Han or kana to a heading with no explicit
/// id (`## 灵隐寺 {#lingyin}`, which Tandem keeps as it is) is reported by `extract`.
enum HeadingFragmentLinks {
    /// Each link of `tree` (parsed from the body at `base` of `bytes`) whose destination is
    /// `#<automatic id>` of one of its headings, with the link's offset in `bytes`.
    static func find(in tree: MarkdownNode, bytes: [UInt8], base: Int) -> [(offset: Int, fragment: String)] {
        var automaticIDs: Set<String> = []
        var links: [(offset: Int, fragment: String)] = []
        var pending = [tree]
        while let node = pending.popLast() {
            switch node.kind {
            case .heading:
                guard let range = node.range else { continue }
                let line = (range.lowerBound + base)..<(range.upperBound + base)
                if AttributeListScanner.headingAttributes(in: bytes, range: line).isEmpty {
                    automaticIDs.insert(automaticID(of: node, bytes: bytes, base: base))
                }
                pending.append(contentsOf: node.children)
            case .link:
                if let destination = node.destination, destination.hasPrefix("#"), let range = node.range {
                    let fragment = String(destination.dropFirst())
                    links.append((range.lowerBound + base, fragment.removingPercentEncoding ?? fragment))
                }
                pending.append(contentsOf: node.children)
            default:
                pending.append(contentsOf: node.children)
            }
        }
        return links
            .filter { automaticIDs.contains($0.fragment) && $0.fragment.unicodeScalars.contains { UntranslatedTextFinder.isHanOrKana($0.value) } }
            .sorted { $0.offset < $1.offset }
    }

    /// Whether `body` holds `](#`, the start of an inline link's fragment destination.
    static func linksToAFragment(_ body: [UInt8]) -> Bool {
        var index = 0
        while let bracket = body[index...].firstIndex(of: UInt8(ascii: "]")) {
            if bracket + 2 < body.count, body[bracket + 1] == UInt8(ascii: "("), body[bracket + 2] == UInt8(ascii: "#") { return true }
            index = bracket + 1
        }
        return false
    }

    /// The id Hugo's Goldmark renderer gives a heading by default (`autoHeadingIDType:
    /// github`): its text lower-cased, letters, digits, `-` and `_` kept, each space a `-`.
    static func automaticID(of heading: MarkdownNode, bytes: [UInt8], base: Int) -> String {
        var text = ""
        var pending = Array(heading.children.reversed())
        while let node = pending.popLast() {
            switch node.kind {
            case .text:
                if let range = node.range { text += String(decoding: bytes[(range.lowerBound + base)..<(range.upperBound + base)], as: UTF8.self) }
            case .code:
                if let range = node.range {
                    text += String(decoding: bytes[(range.lowerBound + base)..<(range.upperBound + base)], as: UTF8.self)
                        .trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                }
            default:
                pending.append(contentsOf: node.children.reversed())
            }
        }
        var id = ""
        for scalar in text.trimmingCharacters(in: .whitespaces).lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                id.unicodeScalars.append("-")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_" {
                id.unicodeScalars.append(scalar)
            }
        }
        return id
    }
}
