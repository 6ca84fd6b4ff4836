internal import CTandemICU

/// Counts words and CJK characters with ICU word breaks, the numbers translators are paid by.
///
/// Translate Toolkit's `pocount` counts a 17-character Chinese sentence as one word; here each
/// Han/kana character counts as one and each Latin-script word as one.
public final class WordCounter {
    private let iterator: BreakIterator

    /// A counter using the word rules of `locale`.
    public init(locale: LocaleTag) throws {
        iterator = try BreakIterator(.word, icuLocale: locale.icuIdentifier)
    }

    /// The count for `text`.
    public func count(_ text: String) -> WordCount {
        var text = text
        var words: Int64 = 0
        var cjk: Int64 = 0
        let code = text.withUTF8 { utf8 in
            tandem_count_words_utf8(
                UnsafeMutableRawPointer(iterator.handle), utf8.baseAddress, Int64(utf8.count), &words, &cjk)
        }
        guard code <= 0 else { return WordCount() }
        return WordCount(words: Int(words), cjkCharacters: Int(cjk))
    }
}

/// Not thread-safe: it owns an ICU iterator; make one per thread.
@available(*, unavailable)
extension WordCounter: Sendable {}
