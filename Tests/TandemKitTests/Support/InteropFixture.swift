import Foundation
import Testing
import TandemTestSupport

/// Files other tools wrote (`Fixtures/Interop`, sources in its SOURCES.md), and Python's
/// standard library as the independent reader the tests compare Tandem with.
enum InteropFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Interop")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The JSON that Python `script` prints for `file` (passed as `sys.argv[1]`).
    static func python<T: Decodable>(_ script: String, _ file: URL, as type: T.Type = T.self) throws -> T {
        let result = try ExternalTool.run(try #require(ExternalTool.path("python3")), ["-c", script, file.path])
        try #require(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode(T.self, from: Data(result.output.utf8))
    }

    /// Each `<tu>` of a TMX as its variants' (language, text), read by ElementTree (which reads
    /// UTF-16 by itself). Text is the `<seg>`'s character data outside inline codes.
    static func tmxUnits(_ file: URL) throws -> [[[String]]] {
        try python("""
            import json, sys, xml.etree.ElementTree as ET
            XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
            CODES = {'bpt', 'ept', 'it', 'ph', 'ut'}
            def text(element):
                out = element.text or ''
                for child in element:
                    if child.tag not in CODES: out += text(child)
                    out += child.tail or ''
                return out
            units = []
            for tu in ET.parse(sys.argv[1]).iter('tu'):
                units.append([[tuv.get(XML_LANG) or tuv.get('lang'), text(tuv.find('seg'))] for tuv in tu.findall('tuv')])
            print(json.dumps(units, ensure_ascii=False))
            """, file)
    }
}
