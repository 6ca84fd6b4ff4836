/// OmegaT's glossary format: UTF-8, one entry per line, `source<TAB>target<TAB>comment`.
///
/// Tandem's extra columns (type, forbidden, case, pos, note) follow a header line
/// `# source<TAB>target<TAB>comment<TAB>type…`; OmegaT skips lines starting with `#`, so it still
/// reads the first three columns. Other `#` lines and blank lines are comments.
enum TSVGlossaryFormat {
    static func read(_ text: String, path: String) throws -> Glossary {
        var reader = GlossaryRowReader(columns: GlossaryColumn.omegaT, path: path)
        var entries: [GlossaryEntry] = []
        var sawContent = false
        var lineNumber = 0
        // Split on U+000A scalars: in Swift "\r\n" is one Character and would not split on "\n".
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(String(rawLine))
            if line.unicodeScalars.last == "\r" { line = Substring(String(line.unicodeScalars.dropLast())) }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix("#") {
                // The header is the first `#` line before any entry whose cells name columns.
                if !sawContent {
                    let body = line.dropFirst().drop(while: { $0 == " " })
                    let offset = line.count - body.count
                    let cells = Self.cells(body, firstColumn: offset + 1)
                    if let columns = try GlossaryRowReader.columns(header: cells, path: path, line: lineNumber) {
                        reader = GlossaryRowReader(columns: columns, path: path)
                        sawContent = true
                    }
                }
                continue
            }
            sawContent = true
            entries.append(try reader.entry(cells: Self.cells(line, firstColumn: 1), line: lineNumber))
        }
        return Glossary(entries: entries)
    }

    static func cells(_ line: Substring, firstColumn: Int) -> [GlossaryRowReader.Cell] {
        var cells: [GlossaryRowReader.Cell] = []
        var column = firstColumn
        for part in line.split(separator: "\t", omittingEmptySubsequences: false) {
            cells.append(.init(text: String(part), column: column))
            column += part.unicodeScalars.count + 1
        }
        return cells
    }

    /// The TSV text; the header is written only when an entry needs more than OmegaT's columns.
    ///
    /// A field cannot hold a tab or a line break (OmegaT splits lines on both and reads no
    /// escapes: a `\n` would show as those two characters). Each is written as one space, so
    /// OmegaT shows a multi-line definition or comment on one line, and reported as a warning;
    /// with `strict`, such an entry is an error instead.
    static func write(_ glossary: Glossary, strict: Bool = false) throws -> (text: String, warnings: [ImportWarning]) {
        let columns = GlossaryRowReader.fitsOmegaT(glossary.entries) ? GlossaryColumn.omegaT : GlossaryColumn.full(for: glossary.entries)
        var output = ""
        var warnings: [ImportWarning] = []
        if columns != GlossaryColumn.omegaT {
            output += "# " + columns.map(\.rawValue).joined(separator: "\t") + "\n"
        }
        for entry in glossary.entries {
            var cells = GlossaryRowReader.cells(of: entry, columns: columns)
            let location = entry.location ?? SourceLocation(file: "<glossary>", line: 1, column: 1)
            for (index, cell) in cells.enumerated() where cell.unicodeScalars.contains(where: Self.breaksCell) {
                if strict {
                    throw TandemError.invalidValue(
                        location, message: "'\(cell)' holds a tab or line break, which TSV cannot carry (without --strict it is written as a space)")
                }
                cells[index] = Self.flattened(cell)
                warnings.append(ImportWarning(location: location, reason: "a tab or line break written as a space"))
            }
            while let last = cells.last, last.isEmpty, cells.count > 2 { cells.removeLast() }
            output += cells.joined(separator: "\t") + "\n"
        }
        return (output, warnings)
    }

    private static func breaksCell(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `cell` with each line break (CR LF counted once), run of indentation after it, and tab as one space.
    static func flattened(_ cell: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in cell.unicodeScalars {
            if breaksCell(scalar) {
                pendingSpace = true
            } else if pendingSpace, scalar == " " {
                continue
            } else {
                if pendingSpace, !output.isEmpty, output.last != " " { output += " " }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
