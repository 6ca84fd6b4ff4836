import ArgumentParser
import TandemKit

extension ExchangeFormat: ExpressibleByArgument {
    /// `xliff` (what a user types first, and what CAT tools call the format) is XLIFF 1.2, the
    /// default; `xliff2` is 2.1.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "xliff", "xlf": self = .xliff12
        case "xliff2": self = .xliff21
        default: self.init(rawValue: argument.lowercased())
        }
    }
}
