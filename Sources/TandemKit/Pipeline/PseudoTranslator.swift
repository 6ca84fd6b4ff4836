/// `tandem pseudo`: fills untranslated segments of a segment file with pseudo-translations.
/// A real translation is never replaced: only segments that are new, or were filled by an
/// earlier pseudo run, are (re)filled.
public struct PseudoTranslator {
    public let style: PseudoStyle

    public init(style: PseudoStyle) {
        self.style = style
    }

    /// Fills `file`; returns how many segments were filled.
    public func fill(_ file: inout SegmentFile) -> Int {
        var filled = 0
        for index in file.segments.indices {
            let segment = file.segments[index]
            guard segment.state == .new || segment.origin == .pseudo else { continue }
            let target = style.apply(to: segment.source)
            if segment.target == target, segment.state == .translated { continue }
            file.segments[index].target = target
            file.segments[index].state = .translated
            file.segments[index].origin = .pseudo
            filled += 1
        }
        return filled
    }
}
