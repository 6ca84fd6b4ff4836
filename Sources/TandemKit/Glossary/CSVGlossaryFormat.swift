/// Comma-separated term bases (RFC 4180: quoted fields may hold commas, quotes and line breaks).
/// A first row naming `source,target,…` is the header; otherwise columns are source, target, comment.
enum CSVGlossaryFormat {
    static func read(_ text: String, path: String) throws -> Glossary {
        let rows = try parseRows(text, path: path)
        var reader = GlossaryRowReader(columns: GlossaryColumn.omegaT, path: path)
        var entries: [GlossaryEntry] = []
        for (index, row) in rows.enumerated() {
            if row.cells.count == 1 && row.cells[0].text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if index == 0, let columns = try GlossaryRowReader.columns(header: row.cells, path: path, line: row.line) {
                reader = GlossaryRowReader(columns: columns, path: path)
                continue
            }
            entries.append(try reader.entry(cells: row.cells, line: row.line))
        }
        return Glossary(entries: entries)
    }

    struct Row {
        var line: Int
        var cells: [GlossaryRowReader.Cell]
    }

    static func parseRows(_ text: String, path: String) throws -> [Row] {
        var rows: [Row] = []
        var cells: [GlossaryRowReader.Cell] = []
        var field = ""
        var line = 1
        var column = 1
        var rowLine = 1
        var fieldColumn = 1
        var inQuotes = false
        var quoteLine = 1
        var quoteColumn = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }
        func endRow() {
            cells.append(.init(text: field, column: fieldColumn))
            rows.append(Row(line: rowLine, cells: cells))
            cells = []
            field = ""
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                        column += 2
                        continue
                    }
                    inQuotes = false
                    column += 1
                    if let next = pending, next != ",", next != "\n", next != "\r" {
                        throw TandemError.invalidValue(
                            SourceLocation(file: path, line: line, column: column),
                            message: "unexpected '\(next)' after a closing quote; expected a comma or the end of the line")
                    }
                    continue
                }
                field.unicodeScalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
                quoteColumn = column
                column += 1
            case ",":
                cells.append(.init(text: field, column: fieldColumn))
                field = ""
                column += 1
                fieldColumn = column
            case "\r":
                if pending == "\n" { continue }
                fallthrough
            case "\n":
                endRow()
                line += 1
                column = 1
                fieldColumn = 1
                rowLine = line
            default:
                field.unicodeScalars.append(scalar)
                column += 1
            }
        }
        if inQuotes {
            throw TandemError.invalidValue(
                SourceLocation(file: path, line: quoteLine, column: quoteColumn), message: "quoted field is never closed")
        }
        if !field.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }

    static func write(_ glossary: Glossary) -> String {
        let columns = GlossaryColumn.full(for: glossary.entries)
        var output = columns.map(\.rawValue).joined(separator: ",") + "\n"
        for entry in glossary.entries {
            output += GlossaryRowReader.cells(of: entry, columns: columns).map(quote).joined(separator: ",") + "\n"
        }
        return output
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
