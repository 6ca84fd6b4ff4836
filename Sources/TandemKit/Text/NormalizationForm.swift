/// The Unicode normalization forms Tandem uses, through ICU.
public enum NormalizationForm: Int32, Sendable, CaseIterable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    /// ICU's NFKC_Casefold: NFKC, full case folding, default ignorables removed.
    case nfkcCasefold = 4
}
