import ArgumentParser
import TandemKit

extension LintReportFormat: ExpressibleByArgument {}
extension LintSeverity: ExpressibleByArgument {}
