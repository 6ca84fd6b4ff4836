extension MarkdownNode {
    /// The kinds of node cmark-gfm makes with the extensions `MarkdownParser` attaches.
    ///
    /// Raw values are cmark-gfm's type names (`cmark_node_get_type_string`), which also name body
    /// units' locations (`body/table_cell[2]`).
    public enum Kind: String, Sendable, CaseIterable {
        // Blocks.
        case document, paragraph, heading, list, table
        case blockQuote = "block_quote", item, codeBlock = "code_block", htmlBlock = "html_block"
        case customBlock = "custom_block", thematicBreak = "thematic_break"
        case footnoteDefinition = "footnote_definition"
        /// A list item with a `[ ]` or `[x]` box (the tasklist extension).
        case taskListItem = "tasklist"
        /// The header row of a table.
        case tableHeader = "table_header", tableRow = "table_row", tableCell = "table_cell"
        // Inlines.
        case text, code, strong, link, image, strikethrough
        case softBreak = "softbreak", lineBreak = "linebreak", htmlInline = "html_inline"
        case customInline = "custom_inline", emphasis = "emph"
        case footnoteReference = "footnote_reference"
        /// A type name this list does not know (a newer cmark-gfm or another extension).
        case unknown = "<unknown>"
    }
}
