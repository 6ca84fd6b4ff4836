extension TermNote {
    /// The note every exchange format gives a translator for the term (XLIFF `<note>`, PO `#.`).
    var translatorNote: String {
        kind == "keep" ? "Glossary: keep '\(term)' unchanged" : "Glossary: '\(term)' → '\(target)' (\(kind))"
    }
}
