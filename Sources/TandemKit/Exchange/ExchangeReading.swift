/// What a bilingual exchange file (XLIFF, PO) is read as.
public enum ExchangeReading: Sendable {
    /// Tandem's own export coming back (`tandem import`): inline ids are placeholder numbers,
    /// units are keyed by segment id, and text that reads as a placeholder is a problem of its
    /// unit (codes must be tags).
    case returnedExport
    /// Any tool's bilingual file feeding the memory (`tandem tm import`: SDLXLIFF, MQXLIFF,
    /// Okapi, OmegaT, gettext catalogs): inline ids of any form are numbered per unit (a
    /// numeric id keeps its number when it can), text that reads as a placeholder is literal
    /// and escaped (`LiteralPlaceholderEscape`), and `original` and unit ids may be missing.
    case memorySource
}
