import Testing
@testable import TandemKit

/// Where JSON text first breaks, for messages Foundation's reader cannot give (it says only that
/// the data is not in the correct format).
@Suite("JSON syntax errors")
struct JSONSyntaxErrorTests {
    @Test(arguments: [
        ("{\"a\": 1}", nil, nil),
        (" [1, -2.5e3, true, null, \"x\\u00e9\", {}] ", nil, nil),
        ("{\"a\": 1\n\"b\": 2}", 8, "expected ',' between members, or '}', found '\"'"),
        ("{\"a\": 1,}", 8, "expected another member after ',' (JSON has no trailing comma), found '}'"),
        ("{a: 1}", 1, "expected a key in double quotes, found 'a'"),
        ("{\"a\" 1}", 5, "expected ':' after the key, found '1'"),
        ("{\"a\": \"b", 6, "the string that starts here is never closed"),
        ("{\"a\": \"b\\q\"}", 9, "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found 'q'"),
        ("{\"a\": 01.}", 9, "expected a digit after '.', found '}'"),
        ("{\"a\": tru}", 6, "expected a value (a string, number, object, array, true, false or null), found 't'"),
        ("{\"a\": [1, 2}", 11, "expected ',' between items, or ']', found '}'"),
        ("{\"a\": 1} x", 9, "expected the end of the JSON text after its closing '}', found 'x'"),
        ("{\"a\": 1", 7, "the text ends where ',' or '}' belongs"),
        ("{\"标题\": 标}", 11, "expected a value (a string, number, object, array, true, false or null), found '标'"),
    ] as [(String, Int?, String?)])
    func firstError(_ text: String, _ offset: Int?, _ message: String?) {
        let error = JSONSyntaxError.first(in: Array(text.utf8))
        #expect(error?.offset == offset)
        #expect(error?.message == message)
    }

    @Test func nestingBeyondTheLimitIsAnError() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(JSONSyntaxError.first(in: Array(deep.utf8))?.message == "values nested deeper than 512")
    }
}
