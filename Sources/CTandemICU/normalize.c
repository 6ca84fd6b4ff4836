// Normalization of UTF-8 text through ICU's UTF-16 API.
#include "CTandemICU.h"
#include "transcode.h"
#include "break_handle.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { FORM_COUNT = 5 };

static const UNormalizer2 *tandem_normalizer(int32_t form, UErrorCode *status) {
    switch (form) {
    case TANDEM_NORM_NFC: return unorm2_getNFCInstance(status);
    case TANDEM_NORM_NFD: return unorm2_getNFDInstance(status);
    case TANDEM_NORM_NFKC: return unorm2_getNFKCInstance(status);
    case TANDEM_NORM_NFKD: return unorm2_getNFKDInstance(status);
    case TANDEM_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

// Per form, one bit per BMP code point: set when ICU's quick check says "yes" for the character
// alone and its combining class is 0. Text made only of such characters is in the form (the
// quick-check algorithm can then answer nothing but "yes"), so it needs no UTF-16 copy and no
// ICU call at all. The table is ICU's own answers, asked once per form.
static uint8_t tandem_stable[FORM_COUNT][0x10000 / 8];
// Per form: whether all of U+4000..U+9FFF (CJK ideographs, UTF-8 lead bytes E4..E9) is stable,
// so the scan can step over such characters without decoding them.
static int tandem_ideographs_stable[FORM_COUNT];
static pthread_once_t tandem_stable_once[FORM_COUNT] = {
    PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void tandem_fill_stable(int32_t form) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = tandem_normalizer(form, &status);
    if (U_FAILURE(status)) return; // an empty table only sends every text to ICU
    for (UChar32 c = 0; c < 0x10000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        UChar unit = (UChar)c;
        status = U_ZERO_ERROR;
        if (unorm2_getCombiningClass(n, c) == 0 && unorm2_quickCheck(n, &unit, 1, &status) == UNORM_YES &&
            U_SUCCESS(status)) {
            tandem_stable[form][c >> 3] |= (uint8_t)(1u << (c & 7));
        }
    }
    int all = 1;
    for (uint32_t byte = 0x4000 >> 3; byte < 0xA000 >> 3; byte++) all &= tandem_stable[form][byte] == 0xFF;
    tandem_ideographs_stable[form] = all;
}

static void tandem_fill_nfc(void) { tandem_fill_stable(TANDEM_NORM_NFC); }
static void tandem_fill_nfd(void) { tandem_fill_stable(TANDEM_NORM_NFD); }
static void tandem_fill_nfkc(void) { tandem_fill_stable(TANDEM_NORM_NFKC); }
static void tandem_fill_nfkd(void) { tandem_fill_stable(TANDEM_NORM_NFKD); }
static void tandem_fill_casefold(void) { tandem_fill_stable(TANDEM_NORM_NFKC_CASEFOLD); }

static const uint8_t *tandem_stable_table(int32_t form) {
    static void (*const fill[FORM_COUNT])(void) = {
        tandem_fill_nfc, tandem_fill_nfd, tandem_fill_nfkc, tandem_fill_nfkd, tandem_fill_casefold};
    pthread_once(&tandem_stable_once[form], fill[form]);
    return tandem_stable[form];
}

int32_t tandem_normalize_utf8(int32_t form, const uint8_t *source, int64_t length, uint8_t *dest,
                              int64_t capacity, int64_t *out_length, int32_t *out_unchanged) {
    *out_length = 0;
    *out_unchanged = 0;
    if (form < 0 || form >= FORM_COUNT) return U_ILLEGAL_ARGUMENT_ERROR;
    if (length >= INT32_MAX / 18) return U_INDEX_OUTOFBOUNDS_ERROR;
    const uint8_t *stable = tandem_stable_table(form);

    // Find the first character that is not stable (reading only: most text is stable for NFC,
    // and then nothing is copied). ASCII runs go eight bytes at a time when all ASCII is stable.
    int ascii_stable = form != TANDEM_NORM_NFKC_CASEFOLD;
    int ideographs = tandem_ideographs_stable[form];
    int64_t i = 0;
    while (i < length) {
        if (ascii_stable) {
            while (i + 8 <= length) {
                uint64_t word;
                memcpy(&word, source + i, 8);
                if (word & 0x8080808080808080ull) break;
                i += 8;
            }
            if (i == length) break;
        }
        uint8_t lead = source[i];
        uint32_t c;
        int32_t size;
        if (lead >= 0xE4 && lead <= 0xE9 && ideographs && i + 2 < length) {
            i += 3;
            continue;
        }
        if (lead < 0x80) { c = lead; size = 1; }
        else if (lead >= 0xE0 && lead < 0xF0 && i + 2 < length) {
            c = ((uint32_t)(lead & 0x0F) << 12) | ((uint32_t)(source[i + 1] & 0x3F) << 6) | (source[i + 2] & 0x3F);
            size = 3;
        } else if (lead >= 0xC2 && lead < 0xE0 && i + 1 < length) {
            c = ((uint32_t)(lead & 0x1F) << 6) | (source[i + 1] & 0x3F);
            size = 2;
        } else break; // supplementary (or malformed): ICU decides
        if (!(stable[c >> 3] & (1u << (c & 7)))) break;
        i += size;
    }
    if (i == length) {
        *out_unchanged = 1;
        return U_ZERO_ERROR;
    }

    // Every stable character has a normalization boundary before it (quick check "yes" and
    // combining class 0), so the text up to the last stable character before `i` is copied as it
    // is and only the rest goes through ICU. Starting one character early lets a combining mark
    // at `i` compose with the character before it.
    int64_t seam = i;
    if (seam > 0) {
        seam--;
        while (seam > 0 && (source[seam] & 0xC0) == 0x80) seam--;
    }
    if (seam > capacity) {
        // Cannot happen with the capacity Swift asks for; answer with the size needed anyway.
        seam = 0;
    }
    const uint8_t *rest = source + seam;
    int32_t rest_length = (int32_t)(length - seam);

    enum { SMALL = 512 };
    UChar small_input[SMALL], small_output[SMALL * 3];
    int32_t input_capacity = rest_length + 1;
    UChar *input = input_capacity <= SMALL ? small_input : malloc(sizeof(UChar) * (size_t)input_capacity);
    UChar *output = NULL;
    if (input == NULL) return U_MEMORY_ALLOCATION_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    int32_t input_length = tandem_utf8_to_utf16(rest, rest_length, input);
    if (input_length < 0) { status = U_INVALID_CHAR_FOUND; goto done; }

    // NFKC grows a unit to 18 at most (U+FDFA): start with room for 3x and retry if needed.
    for (int32_t factor = 3;; factor = 18) {
        int32_t output_capacity = input_length * factor + 16;
        output = output_capacity <= SMALL * 3 ? small_output : malloc(sizeof(UChar) * (size_t)output_capacity);
        if (output == NULL) { status = U_MEMORY_ALLOCATION_ERROR; goto done; }
        status = U_ZERO_ERROR;
        const UNormalizer2 *n = tandem_normalizer(form, &status);
        if (U_FAILURE(status)) goto done;
        int32_t output_length = unorm2_normalize(n, input, input_length, output, output_capacity, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && factor < 18) {
            if (output != small_output) free(output);
            output = NULL;
            continue;
        }
        if (U_FAILURE(status)) goto done;
        status = U_ZERO_ERROR;
        if (output_length == input_length && memcmp(output, input, sizeof(UChar) * (size_t)input_length) == 0) {
            *out_unchanged = 1; // "maybe" characters that were fine after all
            break;
        }
        memcpy(dest, source, (size_t)seam);
        int64_t written = tandem_utf16_to_utf8(output, output_length, dest + seam, capacity - seam);
        if (written < 0) {
            *out_length = seam + tandem_utf8_length(output, output_length);
            status = U_BUFFER_OVERFLOW_ERROR;
        } else {
            *out_length = seam + written;
        }
        break;
    }
done:
    if (input != small_input) free(input);
    if (output != NULL && output != small_output) free(output);
    return status;
}

// Per form, what a BMP unit becomes when it can be handled on its own: itself when it is
// stable, or the one stable BMP unit ICU turns the character alone into (U+FF0C FULLWIDTH COMMA
// -> ',' under NFKC, U+F9D1 -> U+516D under NFC: a "singleton"); 0 for everything else (and
// U+0000), which goes to ICU. A singleton between stable characters (or others of its kind) can be
// replaced on its own: the replacement has combining class 0 and quick check "yes", so nothing
// composes with it or reorders around it. Full-width punctuation makes nearly every Chinese
// sentence change under NFKC; this keeps those sentences out of ICU's general path.
static uint16_t *tandem_unit_map[FORM_COUNT];
// Per form: whether every ASCII character is stable (all but NFKC_Casefold).
static int tandem_ascii_stable[FORM_COUNT];
static pthread_once_t tandem_unit_map_once[FORM_COUNT] = {
    PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void tandem_fill_unit_map(int32_t form) {
    const uint8_t *stable = tandem_stable_table(form);
    uint16_t *table = calloc(0x10000, sizeof(uint16_t));
    if (table == NULL) return; // no table: every sentence goes to ICU
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = tandem_normalizer(form, &status);
    if (U_FAILURE(status)) { free(table); return; }
    for (UChar32 c = 0; c < 0x10000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        if (stable[c >> 3] & (1u << (c & 7))) { table[c] = (uint16_t)c; continue; }
        if (unorm2_getCombiningClass(n, c) != 0) continue;
        UChar unit = (UChar)c, out[4];
        status = U_ZERO_ERROR;
        int32_t length = unorm2_normalize(n, &unit, 1, out, 4, &status);
        if (U_FAILURE(status) || length != 1 || out[0] == 0 || out[0] == unit) continue;
        if (out[0] >= 0xD800 && out[0] <= 0xDFFF) continue;
        if (stable[out[0] >> 3] & (1u << (out[0] & 7))) table[c] = out[0];
    }
    int ascii = 1;
    for (uint16_t c = 0; c < 0x80; c++) ascii &= table[c] == c;
    tandem_ascii_stable[form] = ascii;
    tandem_unit_map[form] = table;
}

static void tandem_fill_unit_map_nfc(void) { tandem_fill_unit_map(TANDEM_NORM_NFC); }
static void tandem_fill_unit_map_nfd(void) { tandem_fill_unit_map(TANDEM_NORM_NFD); }
static void tandem_fill_unit_map_nfkc(void) { tandem_fill_unit_map(TANDEM_NORM_NFKC); }
static void tandem_fill_unit_map_nfkd(void) { tandem_fill_unit_map(TANDEM_NORM_NFKD); }
static void tandem_fill_unit_map_casefold(void) { tandem_fill_unit_map(TANDEM_NORM_NFKC_CASEFOLD); }

static const uint16_t *tandem_unit_map_table(int32_t form) {
    static void (*const fill[FORM_COUNT])(void) = {
        tandem_fill_unit_map_nfc, tandem_fill_unit_map_nfd, tandem_fill_unit_map_nfkc,
        tandem_fill_unit_map_nfkd, tandem_fill_unit_map_casefold};
    pthread_once(&tandem_unit_map_once[form], fill[form]);
    return tandem_unit_map[form];
}

// Normalizes `length` units at `source` into `dest` (room for `capacity` units). Units are mapped
// through `map` while that is safe; from the first other character on, ICU's
// normalizeSecondAndAppend does the rest (it revisits the end of what is already written when a
// combining mark must compose with it). Returns the length written, or -1 with *status set.
static int32_t tandem_normalize_units(const UNormalizer2 *n, const uint16_t *map, int ascii, int ideographs,
                                      const UChar *source, int32_t length, UChar *dest, int32_t capacity,
                                      int32_t start, UErrorCode *status) {
    // `dest` already holds the key's first `start` units (normalized, ending at a boundary).
    int32_t i = start;
    if (capacity >= length && map != NULL) {
        for (; i < length; i++) {
#if defined(__SSE2__)
            // Eight units at a time while all are ASCII or ideographs U+4000..U+9FFF (when the
            // form leaves those alone): most of Chinese prose between punctuation marks.
            if (ascii && ideographs && i + 8 <= length) {
                const __m128i ascii_max = _mm_set1_epi16(0x7F), ideograph_base = _mm_set1_epi16(0x4000);
                const __m128i ideograph_span = _mm_set1_epi16(0x5FFF), zero = _mm_setzero_si128();
                int trivial;
                do {
                    __m128i units = _mm_loadu_si128((const __m128i *)(source + i));
                    __m128i is_ascii = _mm_cmpeq_epi16(_mm_subs_epu16(units, ascii_max), zero);
                    __m128i is_ideograph =
                        _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(units, ideograph_base), ideograph_span), zero);
                    // All eight are written; only the leading run of trivial ones counts.
                    _mm_storeu_si128((__m128i *)(dest + i), units);
                    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(is_ascii, is_ideograph));
                    trivial = mask == 0xFFFF ? 8 : __builtin_ctz(~mask) / 2;
                    i += trivial;
                } while (trivial == 8 && i + 8 <= length);
                if (i == length) break;
            }
#endif
            UChar c = source[i];
            if (ideographs && (uint16_t)(c - 0x4000) < 0x6000) { dest[i] = c; continue; }
            UChar mapped = map[c];
            if (mapped == 0) break;
            // A singleton is safe only when what follows cannot attach to it: the end, a stable
            // character, or another singleton.
            if (mapped != c && i + 1 < length && map[source[i + 1]] == 0) break;
            dest[i] = mapped;
        }
        if (i == length) return length;
    }
    // Everything before `i` is normalized and ends at a boundary.
    *status = U_ZERO_ERROR;
    return unorm2_normalizeSecondAndAppend(n, dest, i, capacity, source + i, length - i, status);
}

#if defined(__SSE2__)
// Two forms that leave ASCII and U+4000..U+9FFF alone (NFC and NFKC) in one pass over `source`,
// while both can map the units on their own. Only the second form's units are written (to
// `second`, room for `length` + 8); of the first only whether any unit differs from the source is
// kept (`*first_changed`, as `*second_changed` for the second): NFC nearly never changes a
// sentence, and an unchanged key is the sentence itself, not a copy. Eight units at a time, the
// sentence's last ones too (`source` must be readable 8 units past `length`). Returns how many
// units both keys have so far; the caller finishes each with tandem_normalize_units from there.
static int32_t tandem_normalize_pair_prefix(const uint16_t *first_map, const uint16_t *second_map,
                                            const UChar *source, int32_t length, UChar *second,
                                            int *first_changed, int *second_changed) {
    const __m128i ascii_max = _mm_set1_epi16(0x7F), ideograph_base = _mm_set1_epi16(0x4000);
    const __m128i ideograph_span = _mm_set1_epi16(0x5FFF), zero = _mm_setzero_si128();
    int first = 0, second_ = 0;
    int32_t i = 0;
    while (i < length) {
        for (;;) {
            __m128i units = _mm_loadu_si128((const __m128i *)(source + i));
            __m128i is_ascii = _mm_cmpeq_epi16(_mm_subs_epu16(units, ascii_max), zero);
            __m128i is_ideograph =
                _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(units, ideograph_base), ideograph_span), zero);
            _mm_storeu_si128((__m128i *)(second + i), units);
            unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(is_ascii, is_ideograph));
            int32_t taken = mask == 0xFFFF ? 8 : __builtin_ctz(~mask) / 2;
            if (taken == 8 && i + 8 < length) { i += 8; continue; }
            i = i + taken < length ? i + taken : length;
            break;
        }
        if (i == length) break;
        UChar c = source[i];
        UChar a = first_map[c], b = second_map[c];
        if (a == 0 || b == 0) break;
        if ((a != c || b != c) && i + 1 < length) {
            UChar next = source[i + 1];
            if ((a != c && first_map[next] == 0) || (b != c && second_map[next] == 0)) break;
        }
        first |= a != c;
        second_ |= b != c;
        second[i] = b;
        i++;
    }
    *first_changed = first;
    *second_changed = second_;
    return i;
}
#endif

int32_t tandem_normalize_ranges(void *iterator, const uint8_t *text, int64_t length, int32_t text_is_broken,
                                const int64_t *bounds, int64_t range_count, const int32_t *forms,
                                int32_t form_count, uint16_t *dest, int64_t capacity, int64_t *key_bounds) {
    TandemBreak *handle = iterator;
    if (length >= INT32_MAX) return U_INDEX_OUTOFBOUNDS_ERROR;
    if (form_count < 0 || form_count > FORM_COUNT) return U_ILLEGAL_ARGUMENT_ERROR;
    // The boundaries of the last break, to start each walk from (none when the text is new here).
    int64_t known = 0;
    if (text_is_broken && handle->utf16_source == text && handle->utf16_source_length == length) {
        known = handle->boundary_count;
    } else {
        handle->utf16_source = NULL;
        handle->boundary_count = 0;
        UErrorCode status = tandem_break_transcode(handle, text, (int32_t)length);
        if (U_FAILURE(status)) return status;
    }
    const UNormalizer2 *normalizers[FORM_COUNT];
    const uint16_t *maps[FORM_COUNT];
    int ideographs[FORM_COUNT], ascii[FORM_COUNT];
    for (int32_t f = 0; f < form_count; f++) {
        if (forms[f] < 0 || forms[f] >= FORM_COUNT) return U_ILLEGAL_ARGUMENT_ERROR;
        UErrorCode status = U_ZERO_ERROR;
        normalizers[f] = tandem_normalizer(forms[f], &status);
        if (U_FAILURE(status)) return status;
        maps[f] = tandem_unit_map_table(forms[f]);
        tandem_stable_table(forms[f]);
        ideographs[f] = tandem_ideographs_stable[forms[f]];
        ascii[f] = tandem_ascii_stable[forms[f]];
    }
    int pair = form_count == 2 && maps[0] != NULL && maps[1] != NULL && ascii[0] && ascii[1] && ideographs[0] &&
               ideographs[1];
    const UChar *utf16 = handle->utf16;
    // The text's UTF-16 first: a key equal to its sentence is a range of it.
    int64_t text_units = handle->utf16_length;
    if (capacity < text_units) return U_BUFFER_OVERFLOW_ERROR;
    memcpy(dest, utf16, sizeof(UChar) * (size_t)text_units);
    // Byte offsets come in ascending order: map each to UTF-16 from the nearest boundary of the
    // break before it (sentences start and end at or near one), walking the UTF-8 from there.
    int64_t byte = 0, next_known = 0;
    int32_t unit = 0;
    int64_t written = text_units;
    for (int64_t r = 0; r < range_count; r++) {
        int32_t range_units[2];
        for (int side = 0; side < 2; side++) {
            int64_t target = bounds[2 * r + side];
            if (target < byte || target > length) return U_ILLEGAL_ARGUMENT_ERROR;
            while (next_known < known && handle->boundary_bytes[next_known] <= target) {
                if (handle->boundary_bytes[next_known] > byte) {
                    byte = handle->boundary_bytes[next_known];
                    unit = handle->boundary_units[next_known];
                }
                next_known++;
            }
            while (byte < target) {
                uint8_t lead = text[byte];
                if (lead < 0x80) { byte += 1; unit += 1; }
                else if (lead < 0xE0) { byte += 2; unit += 1; }
                else if (lead < 0xF0) { byte += 3; unit += 1; }
                else { byte += 4; unit += 2; }
            }
            range_units[side] = unit;
        }
        const UChar *sentence = utf16 + range_units[0];
        int32_t sentence_length = range_units[1] - range_units[0];
        int64_t *slot_bounds = key_bounds + 2 * r * form_count;
        // Two forms that agree on what is trivial share one pass for the common prefix: the
        // second key's units go straight into place, the first's are only compared.
        int32_t shared = 0;
        int paired = 0, changed[2] = {0, 0};
#if defined(__SSE2__)
        // (Eight units are read and written at a time: the UTF-16 copy has room past its end.)
        if (pair && capacity - written >= (int64_t)sentence_length + 8) {
            shared = tandem_normalize_pair_prefix(maps[0], maps[1], sentence, sentence_length, dest + written,
                                                  &changed[0], &changed[1]);
            paired = 1;
        }
#endif
        for (int32_t k = 0; k < form_count; k++) {
            // With a shared prefix the second form comes first: its units are already in place.
            int32_t f = paired ? 1 - k : k;
            if (paired && shared == sentence_length && !changed[f]) {
                slot_bounds[2 * f] = range_units[0];
                slot_bounds[2 * f + 1] = range_units[1];
                continue;
            }
            int64_t room = capacity - written;
            if (room > INT32_MAX) room = INT32_MAX;
            int32_t start = 0;
            if (paired && room >= shared) {
                start = shared;
                if (f == 0) {
                    // The first form's prefix: the source's units, mapped where that form changed any.
                    if (changed[0]) {
                        for (int32_t i = 0; i < shared; i++) dest[written + i] = maps[0][sentence[i]];
                    } else {
                        memcpy(dest + written, sentence, sizeof(UChar) * (size_t)shared);
                    }
                }
            }
            UErrorCode status = U_ZERO_ERROR;
            int32_t produced = tandem_normalize_units(normalizers[f], maps[f], ascii[f], ideographs[f], sentence,
                                                      sentence_length, dest + written, (int32_t)room, start, &status);
            if (U_FAILURE(status)) return status;
            slot_bounds[2 * f] = written;
            slot_bounds[2 * f + 1] = written + produced;
            written += produced;
        }
    }
    return U_ZERO_ERROR;
}
