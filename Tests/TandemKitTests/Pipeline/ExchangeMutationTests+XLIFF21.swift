import Foundation
@testable import TandemKit

extension ExchangeMutationTests {
    /// XLIFF 2.1 broken as tools and people break it: codes dropped, copied, invented,
    /// misnested or pointing at no data; units removed, repeated or with an edited source;
    /// the wrong or no target language; hostile, truncated or undecodable bytes.
    static func xliff21Mutations(_ golden: String, count: Int, generator: inout Generator) -> [Mutation] {
        let units = Self.units(golden, syntax: .xliff21)
        var mutations: [Mutation] = []
        func replacingTarget(_ index: Int, _ transform: (String) -> String?) -> (String, String)? {
            Self.replacingTarget(golden, units[index], transform)
        }
        let emptyCode = try! NSRegularExpression(pattern: #"<(ph|sc|ec) [^>]*/>"#)
        func codes(_ content: String) -> [String] {
            emptyCode.matches(in: content, range: NSRange(content.startIndex..., in: content)).map { (content as NSString).substring(with: $0.range) }
        }
        while mutations.count < count {
            let index = Int.random(in: 0..<units.count, using: &generator)
            let kind = Int.random(in: 0..<20, using: &generator)
            var result: (String, String?)?
            var name = ""
            switch kind {
            case 0:
                name = "drop a standalone or isolated code"
                result = replacingTarget(index) { content in
                    guard let code = codes(content).randomElement(using: &generator) else { return nil }
                    return content.replacingOccurrences(of: code, with: "")
                }
            case 1:
                name = "drop a pair"
                result = replacingTarget(index) { content in
                    guard content.contains("<pc ") else { return nil }
                    return content.replacingOccurrences(of: #"<pc [^>]*>"#, with: "", options: .regularExpression).replacingOccurrences(of: "</pc>", with: "")
                }
            case 2:
                name = "duplicate a code"
                result = replacingTarget(index) { content in
                    guard let code = codes(content).randomElement(using: &generator) else { return nil }
                    return content + code
                }
            case 3:
                name = "invent a code"
                result = replacingTarget(index) { $0 + "<ph id=\"\(Int.random(in: 7...99, using: &generator))\"/>" }
            case 4:
                name = "change a code's id"
                result = replacingTarget(index) { content in
                    guard content.contains(" id=\"") else { return nil }
                    return content.replacingOccurrences(of: #" id="\d+""#, with: " id=\"42\"", options: .regularExpression)
                }
            case 5:
                name = "close a pair before it opens"
                result = replacingTarget(index) { content in
                    guard let open = content.range(of: #"<pc id="(\d+)"[^>]*>"#, options: .regularExpression) else { return nil }
                    let id = content[open].split(separator: "\"")[1]
                    var changed = content
                    changed.replaceSubrange(open, with: "<ec id=\"\(id)\" isolated=\"yes\"/>")
                    return changed.replacingOccurrences(of: "</pc>", with: "<sc id=\"\(id)\" isolated=\"yes\"/>")
                }
            case 6:
                name = "text that reads as a placeholder"
                result = replacingTarget(index) { $0 + " {1/}" }
            case 7:
                name = "an unknown element in the target"
                result = replacingTarget(index) { ["<blink>" + $0 + "</blink>", $0 + "<x:b xmlns:x=\"urn:x\"/>", "<g id=\"1\">" + $0 + "</g>"].randomElement(using: &generator)! }
            case 8...14, 19:
                mutations.append(contentsOf: Self.wholeFileMutation(kind, golden, unit: (units[index].id, units[index].block), syntax: .xliff21, generator: &generator))
                continue
            case 15:
                name = "dataRef to a missing data"
                result = replacingTarget(index) { content in
                    guard content.contains("dataRef") else { return nil }
                    return content.replacingOccurrences(of: #"dataRef(Start|End)?="d"#, with: "dataRef$1=\"x", options: .regularExpression)
                }
            case 16:
                name = "an end code that matches no start"
                result = replacingTarget(index) { content in
                    guard let code = codes(content).randomElement(using: &generator) else { return nil }
                    return content.replacingOccurrences(of: code, with: code.replacingOccurrences(of: " isolated=\"yes\"", with: "").replacingOccurrences(of: "<ph id=", with: "<ec startRef="))
                }
            case 17:
                name = "no target language"
                result = (golden.replacingOccurrences(of: " trgLang=\"en\"", with: ""), nil)
            case 18:
                name = "split a unit into two segments, the second untranslated"
                let unit = units[index]
                var text = golden
                text.replaceSubrange(unit.target.upperBound..<unit.target.upperBound, with: "</target>\n      </segment>\n      <segment><source>。</source><target>.")
                // The source now has an extra sentence: stale or incomplete either way.
                result = (text.replacingOccurrences(of: "<source>。</source><target>.</target>", with: "<source>。</source>"), unit.id)
            default:
                continue
            }
            guard let (text, unit) = result else { continue }
            mutations.append(Mutation(name: name, bytes: Array(text.utf8), brokenUnit: unit))
        }
        return mutations
    }
}
