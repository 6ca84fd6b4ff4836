/// Placeholders (`{1}`, `{/1}`, `{2/}`) of a source that a target lost or invented.
enum PlaceholderCheck {
    /// Every placeholder of `text`, in order.
    static func placeholders(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [String] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x7B, let (end, _) = MatchingText.placeholder(bytes, at: index) {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                    index = end
                } else {
                    index += 1
                }
            }
            return found
        }
    }

    /// Placeholders in the source more often than in the target, and the reverse.
    static func differences(source: String, target: String) -> (lost: [String], added: [String]) {
        var counts: [String: Int] = [:]
        for placeholder in placeholders(in: source) { counts[placeholder, default: 0] += 1 }
        for placeholder in placeholders(in: target) { counts[placeholder, default: 0] -= 1 }
        let lost = counts.filter { $0.value > 0 }.keys.sorted()
        let added = counts.filter { $0.value < 0 }.keys.sorted()
        return (lost, added)
    }
}
