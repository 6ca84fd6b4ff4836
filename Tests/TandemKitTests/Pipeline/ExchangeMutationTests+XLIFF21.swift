import Foundation
@testable import TandemKit

extension ExchangeMutationTests {
    /// Unit blocks of an XLIFF 2 text: (id, range of the block, range of its target content).
    static func units21(_ text: String) -> [(id: String, block: Range<String.Index>, target: Range<String.Index>)] {
        var found: [(String, Range<String.Index>, Range<String.Index>)] = []
        var cursor = text.startIndex
        while let start = text.range(of: "<unit id=\"", range: cursor..<text.endIndex) {
            let idEnd = text.range(of: "\"", range: start.upperBound..<text.endIndex)!
            let end = text.range(of: "</unit>", range: start.upperBound..<text.endIndex)!
            let targetOpen = text.range(of: "<target>", range: start.upperBound..<end.lowerBound)!
            let targetClose = text.range(of: "</target>", range: targetOpen.upperBound..<end.lowerBound)!
            found.append((String(text[start.upperBound..<idEnd.lowerBound]), start.lowerBound..<end.upperBound, targetOpen.upperBound..<targetClose.lowerBound))
            cursor = end.upperBound
        }
        return found
    }

    /// XLIFF 2.1 broken as tools and people break it: codes dropped, copied, invented,
    /// misnested or pointing at no data; units removed, repeated or with an edited source;
    /// the wrong or no target language; hostile, truncated or undecodable bytes.
    static func xliff21Mutations(_ golden: String, count: Int, generator: inout Generator) -> [Mutation] {
        let units = Self.units21(golden)
        var mutations: [Mutation] = []
        func replacingTarget(_ index: Int, _ transform: (String) -> String?) -> (String, String)? {
            let unit = units[index]
            let content = String(golden[unit.target])
            guard let changed = transform(content), changed != content else { return nil }
            var text = golden
            text.replaceSubrange(unit.target, with: changed)
            return (text, unit.id)
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
            case 8:
                name = "edit the source"
                let unit = units[index]
                var text = golden
                let source = text.range(of: "</source>", range: unit.block)!
                text.replaceSubrange(source.lowerBound..<source.lowerBound, with: "改")
                result = (text, unit.id)
            case 9:
                name = "remove a unit"
                var text = golden
                text.removeSubrange(units[index].block)
                result = (text, units[index].id)
            case 10:
                name = "repeat a unit with another target"
                let block = String(golden[units[index].block])
                var text = golden
                text.insert(contentsOf: block.replacingOccurrences(of: "<target>", with: "<target>Other "), at: units[index].block.upperBound)
                result = (text, nil)
            case 11:
                name = "wrong target language"
                result = (golden.replacingOccurrences(of: "trgLang=\"en\"", with: "trgLang=\"\(["de", "fr", "zh-CN", "xx"].randomElement(using: &generator)!)\""), nil)
            case 12:
                name = "entity declarations"
                let doctype = ["<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>", "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                               "<!DOCTYPE xliff [<!ENTITY a \"b\"><!ENTITY c \"&a;&a;\">]>"].randomElement(using: &generator)!
                result = (golden.replacingOccurrences(of: "?>\n<xliff", with: "?>\n\(doctype)\n<xliff"), nil)
            case 13:
                name = "truncated"
                let bytes = Array(golden.utf8)
                let cut = Int.random(in: 1..<(bytes.count - 10), using: &generator)
                mutations.append(Mutation(name: name, bytes: Array(bytes[..<cut]), brokenUnit: nil))
                continue
            case 14:
                name = "invalid UTF-8"
                var bytes = Array(golden.utf8)
                bytes.insert([0xFF, 0xC0, 0x80].randomElement(using: &generator)!, at: Int.random(in: 0..<bytes.count, using: &generator))
                mutations.append(Mutation(name: name, bytes: bytes, brokenUnit: nil))
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
                name = "white space and CRLF around tags"
                result = (golden.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "<unit ", with: "<unit  "), nil)
            }
            guard let (text, unit) = result else { continue }
            mutations.append(Mutation(name: name, bytes: Array(text.utf8), brokenUnit: unit))
        }
        return mutations
    }
}
