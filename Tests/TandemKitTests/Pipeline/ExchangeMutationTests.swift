import Foundation
import Testing
@testable import TandemKit
import TandemTestSupport

/// Returned files broken in every way a tool or a person breaks them: import writes no wrong
/// target, names every rejected unit, and applies nothing of a file it refuses.
@Suite("Import of mutated XLIFF and PO files")
struct ExchangeMutationTests {
    /// The memory tests' deterministic generator, so every run tries the same mutations.
    typealias Generator = MemoryTestData.Random

    /// One mutated file and what it breaks: the unit it must not apply (nil: it may break the
    /// whole file, or nothing).
    struct Mutation {
        var name: String
        var bytes: [UInt8]
        var brokenUnit: String?
    }

    /// Unit blocks of an XLIFF text: (id, range of the block, range of its target content).
    static func units(_ text: String, syntax: XLIFFSyntax = .xliff12) -> [(id: String, block: Range<String.Index>, target: Range<String.Index>)] {
        var found: [(String, Range<String.Index>, Range<String.Index>)] = []
        var cursor = text.startIndex
        while let start = text.range(of: syntax.unitStart + "id=\"", range: cursor..<text.endIndex) {
            let idEnd = text.range(of: "\"", range: start.upperBound..<text.endIndex)!
            let end = text.range(of: syntax.unitEnd, range: start.upperBound..<text.endIndex)!
            let targetOpen = text.range(of: syntax.targetStart, range: start.upperBound..<end.lowerBound)!
            let targetClose = text.range(of: "</target>", range: targetOpen.upperBound..<end.lowerBound)!
            found.append((String(text[start.upperBound..<idEnd.lowerBound]), start.lowerBound..<end.upperBound, targetOpen.upperBound..<targetClose.lowerBound))
            cursor = end.upperBound
        }
        return found
    }

    /// `golden` with the target content of `unit` transformed, and the unit's id; nil when the
    /// transformation does not apply or changes nothing.
    static func replacingTarget(_ golden: String, _ unit: (id: String, block: Range<String.Index>, target: Range<String.Index>),
                                _ transform: (String) -> String?) -> (String, String)? {
        let content = String(golden[unit.target])
        guard let changed = transform(content), changed != content else { return nil }
        var text = golden
        text.replaceSubrange(unit.target, with: changed)
        return (text, unit.id)
    }

    static func xliffMutations(_ golden: String, count: Int, generator: inout Generator) -> [Mutation] {
        let units = Self.units(golden)
        var mutations: [Mutation] = []
        func replacingTarget(_ index: Int, _ transform: (String) -> String?) -> (String, String)? {
            Self.replacingTarget(golden, units[index], transform)
        }
        let tagPattern = try! NSRegularExpression(pattern: #"<(x|bx|ex) id="(\d+)"[^>]*/>|<g id="(\d+)"[^>]*>"#)
        func tags(_ content: String) -> [NSTextCheckingResult] { tagPattern.matches(in: content, range: NSRange(content.startIndex..., in: content)) }
        while mutations.count < count {
            let index = Int.random(in: 0..<units.count, using: &generator)
            let kind = Int.random(in: 0..<16, using: &generator)
            var result: (String, String?)?
            var name = ""
            switch kind {
            case 0:
                name = "drop a standalone or isolated code"
                result = replacingTarget(index) { content in
                    guard let tag = tags(content).filter({ !(content as NSString).substring(with: $0.range).hasPrefix("<g") }).randomElement(using: &generator) else { return nil }
                    return (content as NSString).replacingCharacters(in: tag.range, with: "")
                }
            case 1:
                name = "drop a pair"
                result = replacingTarget(index) { content in
                    guard content.contains("<g ") else { return nil }
                    return content.replacingOccurrences(of: #"<g id="\d+"[^>]*>"#, with: "", options: .regularExpression).replacingOccurrences(of: "</g>", with: "")
                }
            case 2:
                name = "duplicate a code"
                result = replacingTarget(index) { content in
                    guard let tag = tags(content).filter({ !(content as NSString).substring(with: $0.range).hasPrefix("<g") }).randomElement(using: &generator) else { return nil }
                    let element = (content as NSString).substring(with: tag.range)
                    return content + element
                }
            case 3:
                name = "invent a code"
                result = replacingTarget(index) { $0 + "<x id=\"\(Int.random(in: 7...99, using: &generator))\"/>" }
            case 4:
                name = "change a code's id"
                result = replacingTarget(index) { content in
                    guard let tag = tags(content).randomElement(using: &generator) else { return nil }
                    let element = (content as NSString).substring(with: tag.range)
                    return (content as NSString).replacingCharacters(in: tag.range, with: element.replacingOccurrences(of: #"id="\d+""#, with: "id=\"42\"", options: .regularExpression))
                }
            case 5:
                name = "close a pair before it opens"
                result = replacingTarget(index) { content in
                    guard let open = content.range(of: #"<g id="(\d+)"[^>]*>"#, options: .regularExpression) else { return nil }
                    let id = content[open].split(separator: "\"")[1]
                    var changed = content
                    changed.replaceSubrange(open, with: "<ex id=\"\(id)\"/>")
                    return changed.replacingOccurrences(of: "</g>", with: "<bx id=\"\(id)\"/>")
                }
            case 6:
                name = "text that reads as a placeholder"
                result = replacingTarget(index) { $0 + " {1/}" }
            case 7:
                name = "an unknown element in the target"
                result = replacingTarget(index) { "<blink>" + $0 + "</blink>" }
            default:
                mutations.append(contentsOf: Self.wholeFileMutation(kind, golden, unit: (units[index].id, units[index].block), syntax: .xliff12, generator: &generator))
                continue
            }
            guard let (text, unit) = result else { continue }
            mutations.append(Mutation(name: name, bytes: Array(text.utf8), brokenUnit: unit))
        }
        return mutations
    }

    /// How an XLIFF version spells what the mutations touch.
    struct XLIFFSyntax {
        var targetStart: String
        var targetLanguage: String
        var unitStart: String
        var unitEnd: String
        static let xliff12 = XLIFFSyntax(targetStart: "<target state=\"translated\">", targetLanguage: "target-language", unitStart: "<trans-unit ", unitEnd: "</trans-unit>")
        static let xliff21 = XLIFFSyntax(targetStart: "<target>", targetLanguage: "trgLang", unitStart: "<unit ", unitEnd: "</unit>")
    }

    /// The mutations every XLIFF version gets, by `kind`: 8 an edited source, 9 a removed unit,
    /// 10 a unit repeated with another target, 11 a wrong target language, 12 entity
    /// declarations, 13 truncation, 14 invalid UTF-8, 15 CRLF and white space around tags.
    static func wholeFileMutation(_ kind: Int, _ golden: String, unit: (id: String, block: Range<String.Index>), syntax: XLIFFSyntax,
                                  generator: inout Generator) -> [Mutation] {
        switch kind {
        case 8:
            var text = golden
            let source = text.range(of: "</source>", range: unit.block)!
            text.replaceSubrange(source.lowerBound..<source.lowerBound, with: "改")
            return [Mutation(name: "edit the source", bytes: Array(text.utf8), brokenUnit: unit.id)]
        case 9:
            var text = golden
            text.removeSubrange(unit.block)
            return [Mutation(name: "remove a unit", bytes: Array(text.utf8), brokenUnit: unit.id)]
        case 10:
            let block = String(golden[unit.block])
            var text = golden
            text.insert(contentsOf: block.replacingOccurrences(of: syntax.targetStart, with: syntax.targetStart + "Other "), at: unit.block.upperBound)
            return [Mutation(name: "repeat a unit with another target", bytes: Array(text.utf8), brokenUnit: nil)]
        case 11:
            let language = ["de", "fr", "zh-CN", "xx"].randomElement(using: &generator)!
            let text = golden.replacingOccurrences(of: "\(syntax.targetLanguage)=\"en\"", with: "\(syntax.targetLanguage)=\"\(language)\"")
            return [Mutation(name: "wrong target language", bytes: Array(text.utf8), brokenUnit: nil)]
        case 12:
            let doctype = ["<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>", "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                           "<!DOCTYPE xliff [<!ENTITY a \"b\"><!ENTITY c \"&a;&a;\">]>"].randomElement(using: &generator)!
            let text = golden.replacingOccurrences(of: "?>\n<xliff", with: "?>\n\(doctype)\n<xliff")
            return [Mutation(name: "entity declarations", bytes: Array(text.utf8), brokenUnit: nil)]
        case 13:
            let bytes = Array(golden.utf8)
            let cut = Int.random(in: 1..<(bytes.count - 10), using: &generator)
            return [Mutation(name: "truncated", bytes: Array(bytes[..<cut]), brokenUnit: nil)]
        case 14:
            var bytes = Array(golden.utf8)
            bytes.insert([0xFF, 0xC0, 0x80].randomElement(using: &generator)!, at: Int.random(in: 0..<bytes.count, using: &generator))
            return [Mutation(name: "invalid UTF-8", bytes: bytes, brokenUnit: nil)]
        default:
            let text = golden.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: syntax.unitStart, with: syntax.unitStart + " ")
            return [Mutation(name: "white space and CRLF around tags", bytes: Array(text.utf8), brokenUnit: nil)]
        }
    }

    static func poMutations(_ golden: String, count: Int, generator: inout Generator) -> [Mutation] {
        // Entries: blank-line separated; the first is the header.
        let entries = golden.components(separatedBy: "\n\n")
        var mutations: [Mutation] = []
        func id(of entry: String) -> String? {
            entry.split(separator: "\n").first { $0.hasPrefix("msgctxt ") }.map { String($0.split(separator: "#").last!.dropLast()) }
        }
        while mutations.count < count {
            let index = Int.random(in: 1..<entries.count, using: &generator)
            var entry = entries[index]
            let kind = Int.random(in: 0..<9, using: &generator)
            var broken: String? = id(of: entry)
            var name = ""
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let msgstrLine = lines.firstIndex(where: { $0.hasPrefix("msgstr ") }) else { continue }
            var msgstr = lines[msgstrLine]
            switch kind {
            case 0:
                name = "drop a placeholder"
                guard let range = msgstr.range(of: #"\{/?\d+/?\}"#, options: .regularExpression) else { continue }
                msgstr.removeSubrange(range)
            case 1:
                name = "invent a placeholder"
                msgstr = String(msgstr.dropLast()) + "{9/}\""
            case 2:
                name = "duplicate a placeholder"
                guard let range = msgstr.range(of: #"\{\d+/\}"#, options: .regularExpression) else { continue }
                msgstr = String(msgstr.dropLast()) + msgstr[range] + "\""
            case 3:
                name = "reverse a pair"
                guard msgstr.contains("{/1}"), msgstr.contains("{1}") else { continue }
                msgstr = msgstr.replacingOccurrences(of: "{1}", with: "{TMP}").replacingOccurrences(of: "{/1}", with: "{1}").replacingOccurrences(of: "{TMP}", with: "{/1}")
            case 4:
                name = "edit msgid"
                entry = entry.replacingOccurrences(of: "msgid \"", with: "msgid \"改")
                mutations.append(Mutation(name: name, bytes: Array((entries[..<index] + [entry] + entries[(index + 1)...]).joined(separator: "\n\n").utf8), brokenUnit: broken))
                continue
            case 5:
                name = "wrong language header"
                mutations.append(Mutation(name: name, bytes: Array(golden.replacingOccurrences(of: "\"Language: en\\n\"", with: "\"Language: de\\n\"").utf8), brokenUnit: nil))
                continue
            case 6:
                name = "truncated"
                let bytes = Array(golden.utf8)
                mutations.append(Mutation(name: name, bytes: Array(bytes[..<Int.random(in: 1..<bytes.count, using: &generator)]), brokenUnit: nil))
                continue
            case 7:
                name = "invalid UTF-8"
                var bytes = Array(golden.utf8)
                bytes.insert(0xFF, at: Int.random(in: 0..<bytes.count, using: &generator))
                mutations.append(Mutation(name: name, bytes: bytes, brokenUnit: nil))
                continue
            default:
                name = "remove an entry"
                mutations.append(Mutation(name: name, bytes: Array((entries[..<index] + entries[(index + 1)...]).joined(separator: "\n\n").utf8), brokenUnit: broken))
                continue
            }
            if msgstr == lines[msgstrLine] { broken = nil }
            var changed = lines
            changed[msgstrLine] = msgstr
            entry = changed.joined(separator: "\n")
            mutations.append(Mutation(name: name, bytes: Array((entries[..<index] + [entry] + entries[(index + 1)...]).joined(separator: "\n\n").utf8), brokenUnit: broken))
        }
        return mutations
    }

    /// How many mutations each format gets.
    static let mutationCounts = ["xlf": 800, "xlf21": 600, "po": 400]

    @Test(arguments: ["xlf", "xlf21", "po"])
    func noMutationWritesAWrongTarget(_ format: String) throws {
        let sample = try ExchangeSampleProject()
        defer { sample.remove() }
        let golden = try ExchangeImportTests.translated(format, sample)
        var generator = Generator(state: ["xlf": 12, "xlf21": 21, "po": 34][format]!)
        let count = Self.mutationCounts[format]!
        let mutations = switch format {
        case "xlf": Self.xliffMutations(golden, count: count, generator: &generator)
        case "xlf21": Self.xliff21Mutations(golden, count: count, generator: &generator)
        default: Self.poMutations(golden, count: count, generator: &generator)
        }
        let pristine = try TextFile.readBytes(sample.segmentFile)
        let url = sample.temporary.root.appendingPathComponent("returned.\(format)")
        var outcomes: [String: Int] = [:]
        for mutation in mutations {
            try AtomicFile.write(pristine, to: sample.segmentFile)
            try Data(mutation.bytes).write(to: url)
            let report: ImportReport
            do {
                report = try ExchangeImport(project: sample.project).run([url])
            } catch is TandemError {
                // A refused file: nothing of it is applied.
                #expect(try TextFile.readBytes(sample.segmentFile) == pristine, "\(mutation.name) wrote after an error")
                outcomes["refused", default: 0] += 1
                outcomes[mutation.name + " → refused", default: 0] += 1
                continue
            }
            let file = try sample.segments()
            for segment in file.segments {
                // Every written target is the translator's real one, never a damaged one.
                if let target = segment.target {
                    #expect(target == ExchangeSampleProject.english[segment.source], "\(mutation.name): wrote '\(target)'")
                    #expect(InlineCodeSet(codes: segment.codes ?? [:]).problems(in: target).isEmpty)
                }
                if segment.id == mutation.brokenUnit {
                    #expect(segment.target == nil, "\(mutation.name): applied the broken unit \(segment.id)")
                }
            }
            if let broken = mutation.brokenUnit, mutation.name != "remove a unit", mutation.name != "remove an entry" {
                // Reported with its id (an edited source reads as an unknown unit when the
                // edit changes nothing else: it is quarantined either way).
                #expect(report.quarantined.contains { $0.id == broken }, "\(mutation.name): unit \(broken) not reported")
            }
            outcomes[report.quarantined.isEmpty ? "applied" : "quarantined", default: 0] += 1
            outcomes[mutation.name + (report.quarantined.isEmpty ? " → applied" : " → quarantined"), default: 0] += 1
        }
        print("mutation outcomes (\(format)): \(outcomes.sorted { $0.key < $1.key })")
        #expect(mutations.count >= count)
        // Each kind of outcome happened: the suite exercises refusals, quarantines and clean imports.
        #expect(outcomes["refused", default: 0] > 0)
        #expect(outcomes["quarantined", default: 0] > 0)
        #expect(outcomes["applied", default: 0] > 0)
    }
}
