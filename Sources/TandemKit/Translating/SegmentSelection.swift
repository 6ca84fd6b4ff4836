/// Which segments a translation pass walks.
public enum SegmentSelection: String, Sendable, CaseIterable {
    /// `new` and `fuzzy`: what still needs a translator.
    case untranslated
    /// `translated`: what still needs a reviewer.
    case review

    /// Whether a segment in `state` belongs to the pass.
    public func includes(_ state: SegmentState) -> Bool {
        switch self {
        case .untranslated: return state == .new || state == .fuzzy
        case .review: return state == .translated
        }
    }
}
