import TandemKit

extension OutputOptions {
    /// `value` as JSON, or `text` for people, on standard output.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        switch selected {
        case .json: Terminal.standardOutput.write(try JSONText.string(value) + "\n")
        case .text: Terminal.standardOutput.write(text())
        }
    }
}
