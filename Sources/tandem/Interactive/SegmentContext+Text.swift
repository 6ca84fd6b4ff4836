import TandemKit

extension SegmentContext {
    /// The segment as `show` and `next` print it for people: the translation screen's lines,
    /// without keys or colour.
    func text(width: Int, breaker: DisplayLineBreaker) -> String {
        let screen = SegmentScreen(context: self, status: "", editor: nil, keys: "")
        return screen.layout(width: width, height: nil, colour: false, breaker: breaker).lines
            .map { line in
                var text = line.plain
                while text.last == " " { text.removeLast() }
                return text + "\n"
            }.joined()
    }
}
