extension SegmentEntry {
    /// Gives the segment a new target from `origin` in `state`. The source it was made for is
    /// now the current one, so a kept `previousSource` no longer applies once translated.
    public mutating func replaceTarget(with target: String, state: SegmentState, origin: TargetOrigin) {
        self.target = target
        self.origin = origin
        self.state = state
        if state.isTranslated { previousSource = nil }
    }
}
