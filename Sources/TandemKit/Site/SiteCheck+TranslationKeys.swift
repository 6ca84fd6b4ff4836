import Foundation

extension SiteCheck {
    /// A translation a person wrote under another name, linked to its post by `translationKey`
    /// (`b-english.en.md` beside `b.md`, both `translationKey: bkey`): Hugo pairs them by the
    /// key, while Tandem builds the translation as `b.en.md`, and Hugo then listed two English
    /// pages for one post (a helper's finding; `align --all` found nothing to adopt). An error:
    /// the file is to be renamed as Tandem names it, and `align` adopts it then.
    func translationKeyFindings() throws -> [SiteFinding] {
        let layout = project.translationLayout
        var linked: [String: [URL]] = [:]
        for post in try project.candidatePosts() {
            guard let bytes = try? TextFile.readBytes(post, limit: TextFile.postSizeLimit),
                  Self.mentionsTranslationKey(bytes),
                  let frontMatter = try? FrontMatter.read(bytes, path: post.path),
                  case .string(let key)? = frontMatter.field(anyCase: "translationKey")?.value, !key.isEmpty
            else { continue }
            linked[key, default: []].append(post)
        }
        guard !linked.isEmpty else { return [] }
        let sources = Set(try project.sourcePosts().map(\.standardizedFileURL.path))
        var findings: [SiteFinding] = []
        for (key, posts) in linked.sorted(by: { $0.key < $1.key }) where posts.count > 1 {
            for source in posts where sources.contains(source.standardizedFileURL.path) {
                for target in project.configuration.targets {
                    let expected = try project.translatedPost(for: source, locale: target)
                    let targetKey = layout.languageKey(for: target)
                    for other in posts where other.standardizedFileURL.path != expected.standardizedFileURL.path
                        && !sources.contains(other.standardizedFileURL.path) && project.language(of: other).key == targetKey {
                        findings.append(SiteFinding(
                            severity: .error, file: project.projectPath(of: other),
                            message: "its translationKey \(key) makes it the \(target.identifier) translation of \(project.projectPath(of: source)), which Tandem builds as \(project.projectPath(of: expected)): Hugo would list two \(target.identifier) pages; rename it \(project.projectPath(of: expected)), then `tandem align --all` adopts it"))
                    }
                }
            }
        }
        return findings
    }

    /// Whether `bytes` holds "translationkey" in any case: most posts do not, and are not parsed.
    static func mentionsTranslationKey(_ bytes: [UInt8]) -> Bool {
        let word = Array("translationkey".utf8)
        guard bytes.count >= word.count else { return false }
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] | 0x20 == word[0] {
                var matched = true
                for offset in 1..<word.count where bytes[index + offset] | 0x20 != word[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
