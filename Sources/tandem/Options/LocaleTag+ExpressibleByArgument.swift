import ArgumentParser
import TandemKit

/// A locale option parses itself: a malformed tag is a usage error, printed with the usage line.
extension LocaleTag: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
