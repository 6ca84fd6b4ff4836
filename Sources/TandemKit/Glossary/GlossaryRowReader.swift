/// Turns the cells of one TSV or CSV row into a `GlossaryEntry`, shared by both formats so
/// they accept the same columns and report the same errors.
struct GlossaryRowReader {
    let columns: [GlossaryColumn]
    let path: String

    /// A cell's text and the 1-based column (in characters) where it starts.
    struct Cell {
        var text: String
        var column: Int
    }

    /// The columns a header row names, or nil when the row is not a header (its first cells are
    /// not `source` and `target`).
    static func columns(header cells: [Cell], path: String, line: Int) throws -> [GlossaryColumn]? {
        guard cells.count >= 2, GlossaryColumn(header: cells[0].text) == .source,
              GlossaryColumn(header: cells[1].text) == .target
        else { return nil }
        var columns: [GlossaryColumn] = []
        for cell in cells {
            guard let column = GlossaryColumn(header: cell.text) else {
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: line, column: cell.column),
                    message: "unknown column '\(cell.text)'; expected one of \(GlossaryColumn.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if columns.contains(column) {
                throw TandemError.invalidValue(
                    SourceLocation(file: path, line: line, column: cell.column), message: "column '\(cell.text)' named twice")
            }
            columns.append(column)
        }
        return columns
    }

    func entry(cells: [Cell], line: Int) throws -> GlossaryEntry {
        func location(_ column: Int) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }
        if cells.count > columns.count {
            throw TandemError.invalidValue(
                location(cells[columns.count].column),
                message: "\(cells.count) columns but the header names \(columns.count) (\(columns.map(\.rawValue).joined(separator: ", ")))")
        }
        var entry = GlossaryEntry(source: "", target: "", location: location(1))
        var targetCell: Cell?
        for (cell, column) in zip(cells, columns) {
            let value = cell.text
            switch column {
            case .source: entry.source = value
            case .target:
                entry.target = value
                targetCell = cell
            case .comment: entry.comment = value.isEmpty ? nil : value
            case .note: entry.note = value.isEmpty ? nil : value
            case .partOfSpeech: entry.partOfSpeech = value.isEmpty ? nil : value
            case .type:
                guard let kind = GlossaryEntryKind(column: value) else {
                    throw TandemError.invalidValue(
                        location(cell.column), message: "unknown entry type '\(value)'; expected term, keep or forbidden")
                }
                entry.kind = kind
            case .forbidden: entry.forbiddenVariants = Self.list(value)
            case .notPrecededBy: entry.notPrecededBy = Self.list(value)
            case .notFollowedBy: entry.notFollowedBy = Self.list(value)
            case .script:
                let code = value.trimmingCharacters(in: .whitespaces)
                if code.isEmpty {
                    entry.script = nil
                } else if let script = ChineseScript(rawValue: code) {
                    entry.script = script
                } else {
                    throw TandemError.invalidValue(location(cell.column), message: "script must be Hans, Hant or empty, not '\(value)'")
                }
            case .caseSensitive:
                switch value.trimmingCharacters(in: .whitespaces).lowercased() {
                case "", "no", "false", "0", "n": entry.isCaseSensitive = false
                case "yes", "true", "1", "y": entry.isCaseSensitive = true
                default:
                    throw TandemError.invalidValue(location(cell.column), message: "case must be yes or no, not '\(value)'")
                }
            }
        }
        if entry.source.trimmingCharacters(in: .whitespaces).isEmpty {
            throw TandemError.invalidValue(location(1), message: "empty source term")
        }
        if entry.kind == .keep && entry.target.isEmpty { entry.target = entry.source }
        if entry.target.trimmingCharacters(in: .whitespaces).isEmpty {
            throw TandemError.invalidValue(
                location(targetCell?.column ?? 1), message: "empty target for '\(entry.source)'; a \(entry.kind.rawValue) entry needs one")
        }
        return entry
    }

    /// The `|`-separated items of a cell, trimmed, empty ones dropped.
    static func list(_ value: String) -> [String] {
        value.split(separator: GlossaryColumn.variantSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The cells of `entry` in `columns` order.
    static func cells(of entry: GlossaryEntry, columns: [GlossaryColumn]) -> [String] {
        columns.map { column in
            switch column {
            case .source: return entry.source
            case .target: return entry.target
            case .comment: return entry.comment ?? ""
            case .type: return entry.kind.rawValue
            case .forbidden: return entry.forbiddenVariants.joined(separator: String(GlossaryColumn.variantSeparator))
            case .caseSensitive: return entry.isCaseSensitive ? "yes" : ""
            case .partOfSpeech: return entry.partOfSpeech ?? ""
            case .note: return entry.note ?? ""
            case .script: return entry.script?.rawValue ?? ""
            case .notPrecededBy: return entry.notPrecededBy.joined(separator: String(GlossaryColumn.variantSeparator))
            case .notFollowedBy: return entry.notFollowedBy.joined(separator: String(GlossaryColumn.variantSeparator))
            }
        }
    }

    /// Whether the OmegaT columns hold everything the entries say (no header needed).
    static func fitsOmegaT(_ entries: [GlossaryEntry]) -> Bool {
        entries.allSatisfy {
            $0.kind == .term && $0.forbiddenVariants.isEmpty && !$0.isCaseSensitive && $0.partOfSpeech == nil && $0.note == nil
                && $0.script == nil
                && $0.notPrecededBy.isEmpty && $0.notFollowedBy.isEmpty
        }
    }
}
