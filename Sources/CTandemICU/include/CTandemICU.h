// The only door from Swift to system ICU (Debian libicu-dev).
//
// This header deliberately exposes nothing but <stdint.h> types and opaque pointers: importing
// ICU's own headers into a Swift module that also sees Foundation clashes with the ICU copy that
// Foundation carries on Linux, and ICU's versioned symbol macros (ubrk_open_72) do not import.
// Every function returns an ICU UErrorCode (0 = U_ZERO_ERROR, < 0 warning, > 0 failure).
#ifndef CTANDEMICU_H
#define CTANDEMICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Break iterator kinds, mirroring ICU's UBreakIteratorType.
enum {
    TANDEM_BREAK_CHARACTER = 0,
    TANDEM_BREAK_WORD = 1,
    TANDEM_BREAK_LINE = 2,
    TANDEM_BREAK_SENTENCE = 3
};

/// Normalization forms; TANDEM_NORM_NFKC_CASEFOLD is ICU's NFKC_Casefold (NFKC + case fold +
/// removal of default ignorables), the basis of Tandem's matching keys.
enum {
    TANDEM_NORM_NFC = 0,
    TANDEM_NORM_NFD = 1,
    TANDEM_NORM_NFKC = 2,
    TANDEM_NORM_NFKD = 3,
    TANDEM_NORM_NFKC_CASEFOLD = 4
};

/// Opens a break iterator of `kind` for an ICU locale id such as "zh_CN@ss=standard".
int32_t tandem_break_open(int32_t kind, const char *locale, void **out_iterator);

/// Closes an iterator from tandem_break_open (NULL is fine).
void tandem_break_close(void *iterator);

/// Runs the iterator over UTF-8 text (through a UTF-16 copy kept in the iterator: ICU's rules
/// run about 2.5x faster on UTF-16 than through a UTF-8 UText) and writes every boundary as a
/// byte offset, 0 and `length` included. `rule_status` may be NULL; otherwise it
/// receives ICU's rule status of the text before each boundary. `capacity` must be at least
/// length + 1. The number of boundaries is stored in `out_count`.
int32_t tandem_break_utf8(void *iterator, const uint8_t *text, int64_t length,
                          int64_t *boundaries, int32_t *rule_status, int64_t capacity,
                          int64_t *out_count);

/// Runs the iterator over UTF-16 `text` as it is (no copy) and writes every boundary as a UTF-16
/// offset, 0 and `length` included. `capacity` must be at least length + 1. The number of
/// boundaries is stored in `out_count`. For callers that already hold UTF-16 (the glossary's
/// word edges break short runs of folded Han text, where converting to UTF-8 and back cost more
/// than ICU's rules). The text must stay valid until the iterator's next call.
int32_t tandem_break_utf16(void *iterator, const uint16_t *text, int32_t length, int32_t *boundaries,
                           int32_t capacity, int32_t *out_count);

/// Normalizes UTF-8 text into UTF-8 `dest` (ICU works on a UTF-16 copy). When `source` is
/// already in `form`, `*out_unchanged` is set to 1 and nothing is written. On
/// U_BUFFER_OVERFLOW_ERROR (15), `out_length` holds the capacity needed.
int32_t tandem_normalize_utf8(int32_t form, const uint8_t *source, int64_t length, uint8_t *dest,
                              int64_t capacity, int64_t *out_length, int32_t *out_unchanged);

/// The keys of sentences: each byte range of `text` (pairs of UTF-8 offsets in `bounds`, ascending,
/// `range_count` of them) normalized to each of `forms` (TANDEM_NORM_…, `form_count` of them), as
/// UTF-16 in `dest`. The UTF-16 of the whole text comes first: a key
/// equal to its sentence (NFC nearly always is) is that sentence's range of it, not a copy; the
/// other keys are written after it. `key_bounds[2 * (range * form_count + form)]` and the next
/// entry receive where each key starts and ends in `dest`. With `text_is_broken` set, `text` must
/// be the text of the last tandem_break_utf8 call on `iterator` (same bytes, same address): its
/// UTF-16 copy is reused instead of made again. On U_BUFFER_OVERFLOW_ERROR (15) call again with
/// more room (the text's length, and each key can be at most 18 times its sentence's UTF-16 length).
int32_t tandem_normalize_ranges(void *iterator, const uint8_t *text, int64_t length, int32_t text_is_broken,
                                const int64_t *bounds, int64_t range_count, const int32_t *forms,
                                int32_t form_count, uint16_t *dest, int64_t capacity, int64_t *key_bounds);

/// The first offset in `from..<length` of `text` where a marker of the bracket scan may start, or
/// `length` when there is none: a byte of the `set_count` bytes of `set` (each a character's first
/// byte) and, when `tail_checked[byte]` is nonzero, followed by two bytes whose 16-bit value
/// (first byte high) has its bit set in `tails` (1024 words). Sixteen bytes at a time with SSE2.
int64_t tandem_find_marker(const uint8_t *text, int64_t from, int64_t length, const uint8_t *set, int32_t set_count,
                           const uint8_t *tail_checked, const uint64_t *tails);

/// Counts what translators are paid by in UTF-8 text: words of space-delimited scripts, and
/// characters of Han / Hiragana / Katakana text (each counted as one). Punctuation, symbols and
/// spaces count as neither. `word_iterator` must be a TANDEM_BREAK_WORD iterator.
int32_t tandem_count_words_utf8(void *word_iterator, const uint8_t *text, int64_t length,
                                int64_t *out_words, int64_t *out_cjk_characters);

/// Columns a terminal gives code point `c` (wcwidth's rules from ICU's properties): 2 for East
/// Asian Wide and Fullwidth characters, 0 for combining marks, format characters, controls and
/// Hangul medial vowels and final consonants, 1 otherwise.
int32_t tandem_display_width(uint32_t c);

/// Runs ICU's transform `transform_id` (such as "Hant-Hans") over the UTF-16 `text` in place;
/// `capacity` is the room `text` has, and the new length is stored in `out_length`. Opens the
/// transform for this call only: callers run it once over many characters and keep the result.
int32_t tandem_transliterate_utf16(const char *transform_id, uint16_t *text, int32_t length, int32_t capacity,
                                   int32_t *out_length);

/// ICU's own name for an error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *tandem_error_name(int32_t code);

/// The ICU version in use, such as "72.1".
const char *tandem_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
