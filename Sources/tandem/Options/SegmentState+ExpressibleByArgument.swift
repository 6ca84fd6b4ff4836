import ArgumentParser
import TandemKit

extension SegmentState: ExpressibleByArgument {}
