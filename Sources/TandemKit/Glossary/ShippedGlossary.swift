/// The glossaries Tandem ships, compiled into the binary (`Package.swift`'s `embedInCode`):
/// `tandem init` installs the one for each of a new project's language pairs, so matching,
/// term notes and `glossary lint` work from the first `extract`. The project's copy is then
/// the user's to edit; Tandem never writes it again.
public enum ShippedGlossary {
    /// The shipped glossary from `source` into `target`, as TSV, when there is one: Chinese (any
    /// script or region: Traditional text is folded to Simplified when matched) into English
    /// (any region).
    public static func tsv(source: LocaleTag, target: LocaleTag) -> [UInt8]? {
        guard source.language == "zh", target.language == "en" else { return nil }
        return PackageResources.zh_CN_en_tsv
    }

    /// The number of entries of a shipped glossary (lines that are neither comments nor blank).
    public static func entryCount(_ tsv: [UInt8]) -> Int {
        tsv.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty && $0.first != UInt8(ascii: "#") }.count
    }
}
