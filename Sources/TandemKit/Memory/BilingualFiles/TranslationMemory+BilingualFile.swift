import Foundation

extension TranslationMemory {
    /// Stores the translated units of a bilingual XLIFF or PO file (`BilingualMemoryFile`) in
    /// one transaction. Units without a target, or whose codes cannot be mapped, are skipped
    /// and counted with their reasons.
    @discardableResult
    public func importBilingualFile(
        from url: URL, displayPath: String? = nil, sourceLocale: LocaleTag? = nil, targetLocale: LocaleTag? = nil
    ) throws -> TMXImportSummary {
        try importBilingualFile(BilingualMemoryFile(url: url, displayPath: displayPath, sourceLocale: sourceLocale, targetLocale: targetLocale))
    }

    /// Stores the units of a bilingual file already read.
    @discardableResult
    public func importBilingualFile(_ file: BilingualMemoryFile) throws -> TMXImportSummary {
        var summary = TMXImportSummary()
        summary.translationUnits = file.unitCount
        summary.skipped = file.warnings.count
        summary.warnings = file.warnings
        let written = try add(file.units)
        summary.inserted = written.inserted
        summary.updated = written.updated
        return summary
    }
}
