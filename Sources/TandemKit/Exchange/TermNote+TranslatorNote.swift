extension TermNote {
    /// The note every exchange format gives a translator for the term (XLIFF `<note>`, PO `#.`).
    /// The entry's comment and forbidden variants follow: "Glossary: '英伟达' → 'Nvidia' (term);
    /// not 'NVIDIA'; the chip maker".
    var translatorNote: String {
        var note = kind == "keep" ? "Glossary: keep '\(term)' unchanged" : "Glossary: '\(term)' → '\(target)' (\(kind))"
        if let forbidden, !forbidden.isEmpty { note += "; not " + forbidden.map { "'\($0)'" }.joined(separator: ", ") }
        if let comment, !comment.isEmpty { note += "; \(comment)" }
        return note
    }
}
