/// A SARIF 2.1.0 log of lint findings (OASIS Static Analysis Results Interchange Format), the
/// form GitHub code scanning uploads. Every rule is listed in the driver so results can refer
/// to it by index; locations are URIs relative to the directory lint ran in.
struct SARIFLog: Encodable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    init(findings: [LintFinding], toolVersion: String) {
        let rules = LintRule.allCases
        let driver = Driver(
            name: "tandem", version: toolVersion,
            rules: rules.map {
                ReportingDescriptor(
                    id: $0.rawValue, shortDescription: Message(text: $0.summary),
                    defaultConfiguration: Configuration(level: $0.severity.rawValue))
            })
        let results = findings.map { finding in
            Result(
                ruleId: finding.rule.rawValue, ruleIndex: rules.firstIndex(of: finding.rule)!,
                level: finding.severity.rawValue, message: Message(text: finding.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(finding.location.file)),
                    region: Region(startLine: finding.location.line, startColumn: finding.location.column)))])
        }
        runs = [Run(tool: Tool(driver: driver), results: results, columnKind: "unicodeCodePoints")]
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        allowed.remove(0)
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            if allowed.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded() }
        }
        return out
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind: String
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [ReportingDescriptor]
    }
    struct ReportingDescriptor: Encodable {
        var id: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}

private extension String {
    func leftPadded() -> String { count == 1 ? "0" + self : self }
}
