import ArgumentParser
import TandemKit

extension SegmentState: ExpressibleByArgument {
    /// The states `--state` offers in help and completions. Only `tandem set` takes a state, and
    /// a target it saves is never `new` (that state is a segment without a target): listing it
    /// invited a value `set` then refused. Typed anyway, `set` says why it is refused.
    public static var allValueStrings: [String] { allCases.filter { $0 != .new }.map(\.rawValue) }
}
