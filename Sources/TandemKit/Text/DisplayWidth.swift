internal import CTandemICU

/// How many columns a terminal gives text: what screens that must fit 80 columns measure and
/// wrap by. A Han character or a full-width letter takes two, a combining accent none (ICU's
/// East Asian Width and general category, as `wcwidth` reads them).
public enum DisplayWidth {
    /// The columns of one code point: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int { Int(tandem_display_width(scalar.value)) }

    /// The columns of one grapheme: its widest code point, and two when an emoji presentation
    /// selector (U+FE0F) asks for the wide form.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            width = scalar.value == 0xFE0F ? 2 : max(width, of(scalar))
        }
        return width
    }

    /// The columns of `text` on one line.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }
}
