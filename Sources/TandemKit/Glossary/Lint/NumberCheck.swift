import Foundation

/// Numbers that must survive translation: every Arabic-digit number of a Chinese source must
/// reappear in the English target, with Chinese units converted (1600 亿 = 160 billion,
/// 1 亿 = 100 million, 3 万 = 30,000 or 30 thousand; in Traditional script too: 150萬 = 1.5 million,
/// 3.2億 = 320 million, 1兆 = 1 trillion; full-width digits read as digits), percentages kept (53.07% = 53.07
/// percent), a month number allowed to become its name (9 月 = September), and 1–12 allowed
/// as words (two, twelve). A target that keeps the units (Japanese 150万台, 1928億円; Chinese in
/// the other script) is read with them. Anything else is allowed explicitly by switching `number-missing`
/// off for the segment.
enum NumberCheck {
    /// A number with the value it stands for.
    struct Number: Equatable {
        var text: String
        var value: Double
        /// Followed by 月: may be written as a month name.
        var isMonth = false
    }

    /// Units after a number, in Simplified script (the source is folded to it first: 萬 is 万).
    /// 兆 is a trillion as Taiwan and Hong Kong write amounts (1兆元); before a unit of measure
    /// it is the prefix mega (100兆瓦 = 100 MW), where the number stays as written.
    static let chineseUnits: [(String, Double)] = [
        ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("兆", 1e12),
    ]
    static let megaPrefixedUnits = ["兆瓦", "兆赫", "兆字节", "兆位", "兆比特", "兆帕", "兆焦", "兆伏", "兆欧", "兆吨", "兆元组"]
    static let englishScales: [(String, Double)] = [
        ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mn", 1e6), ("tn", 1e12),
    ]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]

    /// The source numbers missing from the target.
    static func missing(source: String, target: String) -> [Number] {
        let sourceNumbers = numbers(in: source, isSource: true)
        guard !sourceNumbers.isEmpty else { return [] }
        let targetText = Normalizer.normalize(target, to: .nfkc).lowercased()
        let targetValues = numbers(in: target, isSource: false).map(\.value)
        let targetWords = Set(targetText.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return sourceNumbers.filter { number in
            if targetValues.contains(where: { same($0, number.value) }) { return false }
            if number.isMonth, (1...12).contains(Int(number.value)), number.value == number.value.rounded() {
                let name = months[Int(number.value) - 1]
                if targetWords.contains(name) || targetWords.contains(String(name.prefix(3))) { return false }
            }
            if number.value == number.value.rounded(), (0...12).contains(Int(number.value)), targetWords.contains(words[Int(number.value)]) {
                return false
            }
            return true
        }
    }

    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1) }

    /// The numbers of `text`, placeholders (`{1}`, `{2/}`) skipped, with source units or target
    /// scale words applied.
    static func numbers(in text: String, isSource: Bool) -> [Number] {
        let normalized = Normalizer.normalize(text, to: .nfkc)
        // A target is folded too: a Japanese or Chinese target keeps 万 and 億 (150萬 → 150万台).
        let scalars = Array(Normalizer.simplifyingChinese(normalized).unicodeScalars)
        var result: [Number] = []
        var index = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        while index < scalars.count {
            if scalars[index] == "{" {
                // Skip a placeholder: its digits are not part of the text.
                var k = index + 1
                if k < scalars.count, scalars[k] == "/" { k += 1 }
                while isDigit(k) { k += 1 }
                if k < scalars.count, scalars[k] == "/" { k += 1 }
                if k < scalars.count, scalars[k] == "}" { index = k + 1; continue }
            }
            guard isDigit(index) else {
                index += 1
                continue
            }
            // Digits glued to a Latin word are part of a name (`GDC2019`, `Win10`, `H100`),
            // which a translation may spell apart: the whole run is skipped, not only its first
            // digit (`019` was then checked, and "GDC 2019" refused).
            if index > 0, scalars[index - 1].properties.isAlphabetic, scalars[index - 1].value < 0x3000 {
                while isDigit(index) || (index < scalars.count && (scalars[index] == "." || scalars[index] == ",") && isDigit(index + 1)) { index += 1 }
                continue
            }
            var digits = ""
            var k = index
            while k < scalars.count {
                if isDigit(k) {
                    digits.unicodeScalars.append(scalars[k])
                } else if scalars[k] == ",", isDigit(k + 1), isDigit(k + 2), isDigit(k + 3), !isDigit(k + 4) {
                    // thousands separator
                } else if scalars[k] == ".", isDigit(k + 1), !digits.contains(".") {
                    digits.append(".")
                } else {
                    break
                }
                k += 1
            }
            let numberText = String(String.UnicodeScalarView(scalars[index..<k]))
            guard var value = Double(digits) else { index = k; continue }
            // Look past spaces at what follows.
            var after = k
            while after < scalars.count, scalars[after] == " " { after += 1 }
            let rest = String(String.UnicodeScalarView(scalars[after..<min(after + 12, scalars.count)])).lowercased()
            var isMonth = false
            let unit = megaPrefixedUnits.contains(where: { rest.hasPrefix($0) }) ? nil : chineseUnits.first(where: { rest.hasPrefix($0.0) })
            if isSource {
                if let unit { value *= unit.1 }
                isMonth = rest.hasPrefix("月")
            } else if let unit {
                // A CJK target (Japanese, or Chinese in the other script) writes the same units.
                value *= unit.1
            } else if let scale = englishScales.first(where: { rest.hasPrefix($0.0) && !(rest.dropFirst($0.0.count).first?.isLetter ?? false) }) {
                value *= scale.1
            }
            result.append(Number(text: numberText, value: value, isMonth: isMonth))
            index = k
        }
        return result
    }
}
