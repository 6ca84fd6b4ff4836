/// What a glossary entry asks of a translation.
public enum GlossaryEntryKind: String, Codable, Sendable, CaseIterable {
    /// The source term must be translated as the entry's target (通义千问 → Qwen).
    case term
    /// The term must appear unchanged in the target (Apple Intelligence, DeepSeek).
    case keep
    /// The entry's target is a variant that must not appear in translations ("Tongyi Qianwen").
    case forbidden
    /// Another accepted translation beside the source's preferred one (TBX's admitted term):
    /// 法国 is France, and "French" in 法国工程师 is right too. The term check takes either.
    case admitted

    /// Reads the `type` column: the three names, plus `keep-term`/`do-not-translate` spellings
    /// some term bases use.
    public init?(column value: String) {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "term", "preferred": self = .term
        case "keep", "do-not-translate", "dnt", "untranslatable": self = .keep
        case "forbidden", "deprecated", "avoid": self = .forbidden
        case "admitted", "admittedterm", "allowed": self = .admitted
        default: return nil
        }
    }
}
