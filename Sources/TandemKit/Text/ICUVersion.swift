internal import CTandemICU

/// The system ICU library Tandem is linked against, whose data decides where sentences break
/// (two ICU versions may cut the same text differently).
public enum ICUVersion {
    /// Its version, such as `72.1`.
    public static var linked: String { String(cString: tandem_icu_version()) }
}
