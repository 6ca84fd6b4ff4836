import Foundation

/// The forms `tandem glossary lint` prints its findings in.
public enum LintReportFormat: String, Sendable, CaseIterable {
    /// `file:line:col: error: message [rule-id]`, one per line, as compilers print.
    case text
    /// `{"findings": [...], "errors": N, "warnings": N}` for scripts.
    case json
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
    case github
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    case sarif

    /// `findings` rendered in this format (ending in a newline unless empty text).
    public func render(_ findings: [LintFinding], toolVersion: String) throws -> String {
        switch self {
        case .text:
            return findings.map { "\($0)\n" }.joined()
        case .github:
            return findings.map { finding in
                let location = finding.location
                let properties = "file=\(Self.escapeProperty(location.file)),line=\(location.line),col=\(location.column),title=\(Self.escapeProperty(finding.rule.rawValue))"
                return "::\(finding.severity.rawValue) \(properties)::\(Self.escapeData(finding.message))\n"
            }.joined()
        case .json:
            let report = JSONReport(
                findings: findings.map {
                    .init(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                          severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: $0.message)
                },
                errors: findings.filter { $0.severity == .error }.count,
                warnings: findings.filter { $0.severity == .warning }.count)
            return try Self.encode(report)
        case .sarif:
            return try Self.encode(SARIFLog(findings: findings, toolVersion: toolVersion))
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        try JSONText.string(value) + "\n"
    }

    /// GitHub's escaping of a workflow command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub's escaping of a workflow command's property value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    struct JSONReport: Encodable {
        struct Finding: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var rule: String
            var message: String
        }
        var findings: [Finding]
        var errors: Int
        var warnings: Int
    }
}
