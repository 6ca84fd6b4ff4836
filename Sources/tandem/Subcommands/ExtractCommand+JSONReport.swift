import Foundation
import TandemKit

extension ExtractCommand.Report {
    /// `JSONText.string(self)`, byte for byte, with the results written here rather than by
    /// `JSONEncoder`: encoding 5,000 results took a sixth of an `extract` that skips every post.
    /// The failures and scripts are still encoded by `JSONText`, and any string with a
    /// character JSON escapes goes through it too.
    func jsonText() throws -> String {
        var rest = self
        rest.results = []
        let frame = try JSONText.string(rest)
        let empty = "\"results\" : [\n\n  ]"
        guard !results.isEmpty, let range = frame.range(of: empty) else { return frame }
        var text = "\"results\" : [\n"
        for (index, result) in results.enumerated() {
            try Self.append(result, to: &text)
            text += index == results.count - 1 ? "\n" : ",\n"
        }
        text += "  ]"
        return frame.replacingCharacters(in: range, with: text)
    }

    /// One result as an element of the top-level `results` array (indented by four spaces).
    private static func append(_ result: ExtractResult, to text: inout String) throws {
        let changes = result.changes
        text += "    {\n      \"changes\" : {\n"
        text += "        \"added\" : \(changes.added),\n        \"edited\" : \(changes.edited),\n"
        text += "        \"obsoleted\" : \(changes.obsoleted),\n        \"restored\" : \(changes.restored),\n"
        text += "        \"unchanged\" : \(changes.unchanged)\n      },\n"
        text += "      \"copied\" : \(result.copied),\n"
        if let lacks = result.lacksSourceText { text += "      \"lacksSourceText\" : \(lacks),\n" }
        if let leverage = result.leverage {
            text += "      \"leverage\" : {\n        \"exact\" : \(leverage.exact),\n        \"fuzzy\" : \(leverage.fuzzy),\n"
            text += "        \"inContext\" : \(leverage.inContext),\n        \"none\" : \(leverage.none)\n      },\n"
        }
        text += "      \"locale\" : \(try string(result.locale)),\n"
        text += "      \"post\" : \(try string(result.post)),\n"
        if let script = result.script { text += "      \"script\" : \(try string(script.rawValue)),\n" }
        text += "      \"segmentFile\" : \(try string(result.segmentFile)),\n"
        text += "      \"segments\" : \(result.segments),\n"
        text += "      \"skipped\" : \(result.skipped),\n"
        text += "      \"translated\" : \(result.translated),\n"
        if let untranslated = result.untranslatedText {
            // Rare and nested: left to the encoder, indented to its depth here.
            let encoded = try JSONText.string(untranslated).replacingOccurrences(of: "\n", with: "\n      ")
            text += "      \"untranslatedText\" : \(encoded),\n"
        }
        text += "      \"written\" : \(result.written)\n    }"
    }

    /// `value` as a JSON string: printable ASCII without quote or backslash is quoted as it is.
    private static func string(_ value: String) throws -> String {
        let plain = value.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        return plain ? "\"" + value + "\"" : try JSONText.string(value)
    }
}
