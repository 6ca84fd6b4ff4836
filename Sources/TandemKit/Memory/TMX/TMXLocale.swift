/// Language codes as TMX files write them (`EN-US`, `zh_CN`, `ZH-CN`), in canonical BCP 47 case.
enum TMXLocale {
    /// `en-US`, `zh-Hans-CN`; nil when not a language tag.
    static func canonical(_ raw: String) -> LocaleTag? {
        let parts = raw.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        var output: [String] = []
        for (index, part) in parts.enumerated() {
            if index == 0 {
                output.append(part.lowercased())
            } else if part.count == 2, part.allSatisfy(\.isLetter) {
                output.append(part.uppercased())
            } else if part.count == 4, part.allSatisfy(\.isLetter) {
                output.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else {
                output.append(part.lowercased())
            }
        }
        return LocaleTag(output.joined(separator: "-"))
    }
}
