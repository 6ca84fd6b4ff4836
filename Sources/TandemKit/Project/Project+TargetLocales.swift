import Foundation

extension Project {
    /// The locales the project translates into: the configured targets, then any other
    /// `locales/<tag>/` folder (a post's `translations:` may ask for more), in tag order.
    public func targetLocales() -> [LocaleTag] {
        var result = configuration.targets
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: localesDirectory.path)) ?? []
        var isDirectory: ObjCBool = false
        for name in folders.sorted() {
            guard let tag = LocaleTag(name), !result.contains(tag), tag != configuration.source,
                  FileManager.default.fileExists(atPath: localesDirectory.appendingPathComponent(name).path, isDirectory: &isDirectory),
                  isDirectory.boolValue
            else { continue }
            result.append(tag)
        }
        return result
    }

    /// Refuses a `--locale` the project does not translate into, which would otherwise find no
    /// segment file and report nothing, as if there were nothing to do (a typo such as `--locale
    /// fr` for `fr-FR`, or the source locale). A locale written with another case or separator
    /// (`EN`, `zh_TW`) is the same tag and passes.
    public func requireTargets(_ locales: [LocaleTag]) throws(TandemError) {
        let known = targetLocales()
        for locale in locales where !known.contains(locale) {
            let list = known.map(\.identifier).joined(separator: ", ")
            if locale == configuration.source {
                throw .usage("--locale \(locale.identifier) is the project's source locale; its targets are \(list.isEmpty ? "none yet" : list)")
            }
            let near = known.filter { $0.language == locale.language }.map(\.identifier)
            let hint = near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"
            throw .usage("--locale \(locale.identifier) is not a target of this project\(hint): its targets are \(list.isEmpty ? "none yet" : list); add it to targets: in tandem.yml (or to a post's translations:) and run tandem extract")
        }
    }
}
