/// How many characters of a text are written in one Chinese script only, and so which script
/// the text is in. Characters both scripts share (the large majority: 中, 国 is not, 國 is)
/// count for neither.
public struct ScriptCount: Equatable, Sendable, Codable {
    /// Characters that ICU's `Hant-Hans` transform changes (們, 蘋, 為).
    public var traditional = 0
    /// Characters that `Hans-Hant` changes and `Hant-Hans` leaves alone (们, 苹, 为).
    public var simplified = 0
    /// Hiragana and katakana (の, ス): Japanese, whose kanji forms are neither script's.
    public var kana = 0

    public init(traditional: Int = 0, simplified: Int = 0, kana: Int = 0) {
        self.traditional = traditional
        self.simplified = simplified
        self.kana = kana
    }

    /// The counts of `text`.
    public init(of text: String) {
        self = HanVariantTable.shared.scriptCount(of: text)
    }

    /// The script of most script-specific characters; nil when there are none or as many of
    /// each. A few characters of the other script (a quoted name, 台 written in both) do not
    /// change a post's script. A text with more kana than script-specific Han is Japanese, not
    /// Chinese (its kanji such as 氣 or 戦 would otherwise count as one script or the other),
    /// while a Japanese name in Chinese copy (一风堂の…) does not make it Japanese.
    public var script: ChineseScript? {
        if kana > traditional + simplified { return nil }
        if traditional > simplified { return .traditional }
        if simplified > traditional { return .simplified }
        return nil
    }

    public static func + (lhs: ScriptCount, rhs: ScriptCount) -> ScriptCount {
        ScriptCount(traditional: lhs.traditional + rhs.traditional, simplified: lhs.simplified + rhs.simplified, kana: lhs.kana + rhs.kana)
    }

    public static func += (lhs: inout ScriptCount, rhs: ScriptCount) { lhs = lhs + rhs }
}
