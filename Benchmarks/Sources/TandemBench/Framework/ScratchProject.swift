import Foundation
import TandemKit

/// A throwaway Tandem project for the extract suite: `tandem.yml` (zh-CN → en), a copy of the
/// prepared site's content directory (copied before the clock starts: a project's `content:`
/// must stay inside the project since issue 14), and a glossary.
struct ScratchProject {
    let project: Project
    let extractor: Extractor

    init(at root: URL, content: URL, glossary: URL) throws {
        let files = FileManager.default
        try? files.removeItem(at: root)
        try files.createDirectory(at: root.appendingPathComponent("glossaries/zh-CN"), withIntermediateDirectories: true)
        if files.fileExists(atPath: glossary.path) {
            try files.copyItem(at: glossary, to: root.appendingPathComponent("glossaries/zh-CN/en.tsv"))
        }
        try files.copyItem(at: content, to: root.appendingPathComponent("content"))
        let configuration = root.appendingPathComponent("tandem.yml")
        try Data("""
            source: zh-CN
            targets: [en]
            content: content
            translateKeys: [title, summary, description, lead]
            output: filename
            memory: .tandem/memory.sqlite

            """.utf8).write(to: configuration)
        project = try Project.open(configFile: configuration)
        extractor = try Extractor(project: project)
    }

    /// Extracts every post as `tandem extract` does; returns the number of segments written.
    func extract(_ posts: [URL]) throws -> Int {
        var segments = 0
        let batch = AtomicFileBatch()  // as `tandem extract` writes them
        for post in posts {
            for result in try extractor.extract(post, batch: batch) { segments += result.segments }
        }
        try extractor.commit(batch)
        return segments
    }
}
