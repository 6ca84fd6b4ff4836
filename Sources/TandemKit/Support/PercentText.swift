/// A share in percent as people read it in a progress line: rounded down, so 249 of 250
/// sentences is 99%, never "100% translated" beside "not built".
public enum PercentText {
    public static func roundedDown(_ value: Double) -> String {
        "\(Int((value + 1e-9).rounded(.down)))%"
    }
}
