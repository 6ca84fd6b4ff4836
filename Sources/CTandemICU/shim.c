// Thin wrappers over ICU's C API. Kept free of policy: Tandem's rules live in Swift.
#include "CTandemICU.h"
#include "transcode.h"
#include "break_handle.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int32_t tandem_break_open(int32_t kind, const char *locale, void **out_iterator) {
    UErrorCode status = U_ZERO_ERROR;
    *out_iterator = NULL;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &status);
    if (U_FAILURE(status)) return status;
    TandemBreak *handle = calloc(1, sizeof(TandemBreak));
    if (handle == NULL) {
        ubrk_close(bi);
        return U_MEMORY_ALLOCATION_ERROR;
    }
    handle->iterator = bi;
    UText initial = UTEXT_INITIALIZER;
    handle->text = initial;
    *out_iterator = handle;
    return status;
}

void tandem_break_close(void *iterator) {
    TandemBreak *handle = iterator;
    if (handle == NULL) return;
    ubrk_close(handle->iterator);
    utext_close(&handle->text);
    free(handle->utf16);
    free(handle->boundary_units);
    free(handle->boundary_bytes);
    free(handle);
}

static UErrorCode tandem_set_text(TandemBreak *handle, const uint8_t *text, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&handle->text, (const char *)text, length, &status);
    if (U_FAILURE(status)) return status;
    ubrk_setUText(handle->iterator, &handle->text, &status);
    return status;
}

UErrorCode tandem_break_transcode(TandemBreak *handle, const uint8_t *text, int32_t length) {
    handle->utf16_source = NULL;
    // Eight units of room past the end: tandem_normalize_ranges reads eight units at a time.
    if (handle->utf16_capacity < length + 9) {
        int32_t capacity = length + 9 > 256 ? length + 9 : 256;
        UChar *grown = realloc(handle->utf16, sizeof(UChar) * (size_t)capacity);
        if (grown == NULL) return U_MEMORY_ALLOCATION_ERROR;
        handle->utf16 = grown;
        handle->utf16_capacity = capacity;
    }
    int32_t utf16_length = tandem_utf8_to_utf16(text, length, handle->utf16);
    if (utf16_length < 0) return U_INVALID_CHAR_FOUND;
    handle->utf16_length = utf16_length;
    handle->utf16_source = text;
    handle->utf16_source_length = length;
    return U_ZERO_ERROR;
}

// Sets the iterator's text to a UTF-16 copy of `text` kept in the handle.
static UErrorCode tandem_set_text_utf16(TandemBreak *handle, const uint8_t *text, int32_t length) {
    // Always transcode afresh here: the caller's buffer may hold new bytes at the same address.
    handle->utf16_source = NULL;
    UErrorCode status = tandem_break_transcode(handle, text, length);
    if (U_FAILURE(status)) return status;
    ubrk_setText(handle->iterator, handle->utf16, handle->utf16_length, &status);
    return status;
}

int32_t tandem_break_utf8(void *iterator, const uint8_t *text, int64_t length,
                          int64_t *boundaries, int32_t *rule_status, int64_t capacity,
                          int64_t *out_count) {
    TandemBreak *handle = iterator;
    *out_count = 0;
    if (capacity < length + 1) return U_BUFFER_OVERFLOW_ERROR;
    if (length >= INT32_MAX) return U_INDEX_OUTOFBOUNDS_ERROR; // ICU offsets are 32-bit
    handle->boundary_count = 0;
    UErrorCode status = tandem_set_text_utf16(handle, text, (int32_t)length);
    if (U_FAILURE(status)) return status;
    if (handle->boundary_capacity < capacity) {
        int32_t *units = realloc(handle->boundary_units, sizeof(int32_t) * (size_t)capacity);
        if (units != NULL) handle->boundary_units = units;
        int64_t *bytes = realloc(handle->boundary_bytes, sizeof(int64_t) * (size_t)capacity);
        if (bytes != NULL) handle->boundary_bytes = bytes;
        if (units == NULL || bytes == NULL) return U_MEMORY_ALLOCATION_ERROR;
        handle->boundary_capacity = capacity;
    }
    // Boundaries come in ascending UTF-16 offsets; count the UTF-8 bytes of the units between
    // them (a branch-free loop the compiler vectorizes; a boundary never splits a pair).
    const UChar *utf16 = handle->utf16;
    int64_t count = 0, byte = 0;
    int32_t unit = 0;
    for (int32_t b = ubrk_first(handle->iterator); b != UBRK_DONE; b = ubrk_next(handle->iterator)) {
        int64_t bytes = 0;
#if defined(__SSE2__)
        // Eight units at a time: three bytes each, less one per unit up to U+007F, one more per
        // unit up to U+07FF, one per surrogate. Each comparison is -1 per lane where it holds, so
        // the lanes add up those "less" counts (flushed before 16 bits could overflow).
        const __m128i zero = _mm_setzero_si128(), x7f = _mm_set1_epi16(0x7F), x7ff = _mm_set1_epi16(0x7FF);
        const __m128i surrogate_mask = _mm_set1_epi16((short)0xF800), surrogate = _mm_set1_epi16((short)0xD800);
        const __m128i ones = _mm_set1_epi16(1);
        while (unit + 8 <= b) {
            __m128i less = zero;
            for (int rounds = 0; rounds < 8192 && unit + 8 <= b; rounds++, unit += 8) {
                __m128i units = _mm_loadu_si128((const __m128i *)(utf16 + unit));
                less = _mm_add_epi16(less, _mm_cmpeq_epi16(_mm_subs_epu16(units, x7f), zero));
                less = _mm_add_epi16(less, _mm_cmpeq_epi16(_mm_subs_epu16(units, x7ff), zero));
                less = _mm_add_epi16(less, _mm_cmpeq_epi16(_mm_and_si128(units, surrogate_mask), surrogate));
                bytes += 24;
            }
            __m128i sums = _mm_madd_epi16(less, ones); // four 32-bit sums
            sums = _mm_add_epi32(sums, _mm_shuffle_epi32(sums, _MM_SHUFFLE(1, 0, 3, 2)));
            sums = _mm_add_epi32(sums, _mm_shuffle_epi32(sums, _MM_SHUFFLE(2, 3, 0, 1)));
            bytes += _mm_cvtsi128_si32(sums);
        }
#endif
        for (; unit < b; unit++) {
            uint32_t c = utf16[unit];
            // 1, 2 or 3 bytes; each half of a surrogate pair 2 (4 for the character).
            bytes += 1 + (c >= 0x80) + (c >= 0x800) - ((c & 0xF800) == 0xD800);
        }
        byte += bytes;
        boundaries[count] = byte;
        handle->boundary_units[count] = b;
        handle->boundary_bytes[count] = byte;
        if (rule_status != NULL) rule_status[count] = ubrk_getRuleStatus(handle->iterator);
        count++;
    }
    *out_count = count;
    handle->boundary_count = count;
    return U_ZERO_ERROR;
}

int32_t tandem_break_utf16(void *iterator, const uint16_t *text, int32_t length, int32_t *boundaries,
                           int32_t capacity, int32_t *out_count) {
    TandemBreak *handle = iterator;
    *out_count = 0;
    if (length < 0 || capacity < length + 1) return U_BUFFER_OVERFLOW_ERROR;
    // The iterator no longer holds the text of a tandem_break_utf8 call: tandem_normalize_ranges
    // must not reuse that call's boundaries.
    handle->utf16_source = NULL;
    handle->boundary_count = 0;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(handle->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return status;
    int32_t count = 0;
    for (int32_t b = ubrk_first(handle->iterator); b != UBRK_DONE; b = ubrk_next(handle->iterator)) {
        boundaries[count++] = b;
    }
    *out_count = count;
    return U_ZERO_ERROR;
}

static int tandem_is_counted_per_character(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return 0;
    return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

int32_t tandem_count_words_utf8(void *word_iterator, const uint8_t *text, int64_t length,
                                int64_t *out_words, int64_t *out_cjk_characters) {
    TandemBreak *handle = word_iterator;
    *out_words = 0;
    *out_cjk_characters = 0;
    UErrorCode status = tandem_set_text(handle, text, length);
    if (U_FAILURE(status)) return status;
    int32_t start = ubrk_first(handle->iterator);
    for (int32_t end = ubrk_next(handle->iterator); end != UBRK_DONE;
         start = end, end = ubrk_next(handle->iterator)) {
        // UBRK_WORD_NONE..UBRK_WORD_NONE_LIMIT: spaces, punctuation, symbols.
        if (ubrk_getRuleStatus(handle->iterator) < UBRK_WORD_NONE_LIMIT) continue;
        int has_other = 0;
        int32_t i = start;
        while (i < end) {
            UChar32 c;
            U8_NEXT(text, i, end, c);
            if (c < 0) continue;
            if (tandem_is_counted_per_character(c)) {
                (*out_cjk_characters)++;
            } else if (u_isalnum(c)) {
                has_other = 1;
            }
        }
        if (has_other) (*out_words)++;
    }
    return U_ZERO_ERROR;
}

int32_t tandem_display_width(uint32_t c) {
    if (c == 0 || c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    if (c >= 0x1160 && c <= 0x11FF) return 0;  // Hangul Jamo vowels and finals join the syllable
    if (c == 0x200B) return 0;
    int8_t type = u_charType((UChar32)c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
    int32_t width = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

const char *tandem_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

const char *tandem_icu_version(void) { return U_ICU_VERSION; }
