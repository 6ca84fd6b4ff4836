/// A count and its noun in English, singular for one: "1 segment", "2 segments", "1 entry".
/// Messages for people only; `--json` carries the numbers.
public enum CountedNoun {
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
