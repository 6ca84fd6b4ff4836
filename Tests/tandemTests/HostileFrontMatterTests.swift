import Foundation
import Testing
import TandemTestSupport

/// Hostile front matter: a clear error with exit 2, quickly and in little memory, nothing written.
@Suite("Hostile front matter")
struct HostileFrontMatterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var post: String
        var message: String
        var testDescription: String { name }
    }

    static let aliasBomb: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][index - 1]
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("translations: *i")
        return "---\n" + lines.joined(separator: "\n") + "\n---\n正文。\n"
    }()

    static let cases: [Case] = [
        Case(name: "alias bomb used as translations", post: aliasBomb, message: "translations must be a list of locale tags"),
        Case(name: "100k-deep nesting", post: "---\ntitle: x\ndeep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\n正文。\n", message: "front matter"),
        Case(name: "duplicate keys", post: "---\ntitle: \"一\"\ntitle: \"二\"\n---\n正文。\n", message: "duplicate key 'title'"),
        Case(name: "translations is a number", post: "---\ntitle: \"标题\"\ntranslations: 5\n---\n正文。\n", message: ":3:1: error: translations must be a list of locale tags"),
        Case(name: "translations holds numbers", post: "---\ntitle: \"标题\"\ntranslations: [1, 2]\n---\n正文。\n", message: ":3:1: error: translations must be a list of locale tags"),
        Case(name: "translations holds a path", post: "---\ntranslations: [\"zh-CN\", \"../../etc\"]\n---\n正文。\n", message: "'../../etc' is not a BCP 47 language tag"),
        Case(name: "50 MB scalar", post: "---\ntitle: \"" + String(repeating: "长", count: 17_000_000) + "\"\n---\n正文。\n", message: "bytes; at most"),
        Case(name: "1 MB scalar", post: "---\ntitle: \"" + String(repeating: "长", count: 340_000) + "\"\n---\n正文。\n", message: "at most 262144 are accepted"),
        Case(name: "invalid YAML", post: "---\ntitle: \"unterminated\n---\n正文。\n", message: "invalid YAML front matter"),
        Case(name: "invalid TOML", post: "+++\ntitle = \n+++\n正文。\n", message: "invalid TOML front matter"),
    ]

    @Test(arguments: cases)
    func rejectedWithExitTwoAndAClearMessage(_ row: Case) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(row.post, to: "content/posts/bad.md")
        let (result, resources) = try ExecutableRunner.runMeasuringResources(["extract"], in: project.root)
        #expect(result.status == 2)
        #expect(result.standardError.contains("content/posts/bad.md:"), "\(result.standardError.prefix(300))")
        #expect(result.standardError.contains(row.message), "\(result.standardError.prefix(300))")
        // Nothing was written.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("locales").path))
        if let resources {
            #expect(resources.cpuSeconds < 2, "CPU time \(resources.cpuSeconds) s")
            #expect(resources.peakKilobytes < 100 * 1024, "peak memory \(resources.peakKilobytes) KB")
        }
    }
}
