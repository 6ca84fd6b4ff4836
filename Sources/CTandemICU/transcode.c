#include "transcode.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#include <tmmintrin.h>

// Up to five three-byte characters (15 bytes, most of Chinese text) at once with SSSE3's byte
// shuffle: returns how many of the five three-byte slots at `source`, from the first, hold valid
// three-byte sequences (0-5), their units written (stores 8: `dest` must have room for 8). A block
// that ends in ASCII or other punctuation still decodes the characters before it. Same checks as
// the scalar loop.
__attribute__((target("ssse3"))) static int tandem_decode_five_3byte(const uint8_t *source, UChar *dest) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)source);
    const __m128i lead_order = _mm_setr_epi8(0, -1, 3, -1, 6, -1, 9, -1, 12, -1, -1, -1, -1, -1, -1, -1);
    const __m128i middle_order = _mm_setr_epi8(1, -1, 4, -1, 7, -1, 10, -1, 13, -1, -1, -1, -1, -1, -1, -1);
    const __m128i last_order = _mm_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1);
    __m128i lead = _mm_shuffle_epi8(bytes, lead_order);
    __m128i middle = _mm_shuffle_epi8(bytes, middle_order);
    __m128i last = _mm_shuffle_epi8(bytes, last_order);
    __m128i ok = _mm_cmpeq_epi16(_mm_and_si128(lead, _mm_set1_epi16(0xF0)), _mm_set1_epi16(0xE0));
    ok = _mm_and_si128(ok, _mm_cmpeq_epi16(_mm_and_si128(middle, _mm_set1_epi16(0xC0)), _mm_set1_epi16(0x80)));
    ok = _mm_and_si128(ok, _mm_cmpeq_epi16(_mm_and_si128(last, _mm_set1_epi16(0xC0)), _mm_set1_epi16(0x80)));
    __m128i c = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(lead, _mm_set1_epi16(0x0F)), 12),
                             _mm_or_si128(_mm_slli_epi16(_mm_and_si128(middle, _mm_set1_epi16(0x3F)), 6),
                                          _mm_and_si128(last, _mm_set1_epi16(0x3F))));
    // Not overlong (c >= U+0800) and not a surrogate.
    __m128i overlong = _mm_cmpeq_epi16(_mm_subs_epu16(c, _mm_set1_epi16(0x7FF)), _mm_setzero_si128());
    __m128i surrogate = _mm_cmpeq_epi16(_mm_and_si128(c, _mm_set1_epi16((short)0xF800)), _mm_set1_epi16((short)0xD800));
    ok = _mm_andnot_si128(_mm_or_si128(overlong, surrogate), ok);
    _mm_storeu_si128((__m128i *)dest, c);
    // Two mask bits per lane; the first clear one ends the valid run (bit 10 at the latest).
    unsigned valid = (unsigned)_mm_movemask_epi8(ok) & 0x3FFu;
    return __builtin_ctz(~valid) / 2;
}

static int tandem_has_ssse3(void) {
    static int known = -1;
    if (known < 0) known = __builtin_cpu_supports("ssse3") ? 1 : 0;
    return known;
}
#endif

// The decoder, compiled twice below: with the five-character SSSE3 blocks inlined (`ssse3` set,
// in a function built for SSSE3) and without them.
static inline __attribute__((always_inline)) int32_t tandem_decode(const uint8_t *restrict source, int32_t length,
                                                                   UChar *restrict dest, int ssse3) {
    int32_t i = 0, j = 0;
    while (i < length) {
        uint32_t lead = source[i];
        if (lead < 0x80) {
            // ASCII runs (Latin words, markup, numbers) sixteen or eight bytes at a time.
#if defined(__SSE2__)
            while (i + 16 <= length) {
                __m128i bytes = _mm_loadu_si128((const __m128i *)(source + i));
                if (_mm_movemask_epi8(bytes) != 0) break;
                __m128i zero = _mm_setzero_si128();
                _mm_storeu_si128((__m128i *)(dest + j), _mm_unpacklo_epi8(bytes, zero));
                _mm_storeu_si128((__m128i *)(dest + j + 8), _mm_unpackhi_epi8(bytes, zero));
                i += 16;
                j += 16;
            }
#endif
            uint64_t word;
            while (i + 8 <= length && (memcpy(&word, source + i, 8), (word & 0x8080808080808080ull) == 0)) {
                for (int k = 0; k < 8; k++) dest[j + k] = source[i + k];
                i += 8;
                j += 8;
            }
            while (i < length && source[i] < 0x80) dest[j++] = source[i++];
            continue;
        }
        // Runs of three-byte characters (most of CJK text) without going back to the top; the
        // checks are combined without branches (continuation bytes XOR 0x80 are below 0x40; no
        // overlong forms, no surrogates).
#if defined(__SSE2__)
        if (ssse3) {
            // dest has room for `length` units and j <= i, so eight units at j always fit.
            // A whole block advances by a constant, so the next load does not wait on this one's checks.
            while (i + 16 <= length) {
                int count = tandem_decode_five_3byte(source + i, dest + j);
                if (count == 5) {
                    i += 15;
                    j += 5;
                    continue;
                }
                i += 3 * count;
                j += count;
                break;
            }
        }
#endif
        while (i + 2 < length) {
            uint32_t b0 = source[i];
            if ((b0 & 0xF0) != 0xE0) break;
            uint32_t b1 = source[i + 1] ^ 0x80u, b2 = source[i + 2] ^ 0x80u;
            uint32_t c = ((b0 & 0x0F) << 12) | (b1 << 6) | b2;
            if (((b1 | b2) >= 0x40) | (c < 0x800) | ((c - 0xD800) < 0x800)) return -1;
            dest[j++] = (UChar)c;
            i += 3;
        }
        if (i >= length) break;
        lead = source[i];
        if (lead < 0x80) continue;
        // Continuation bytes XOR 0x80 are below 0x40; anything else is malformed.
        if (lead >= 0xE0 && lead < 0xF0 && i + 2 < length) { // most of CJK text
            uint32_t b1 = source[i + 1] ^ 0x80u, b2 = source[i + 2] ^ 0x80u;
            uint32_t c = ((lead & 0x0F) << 12) | (b1 << 6) | b2;
            if ((b1 | b2) >= 0x40 || c < 0x800 || (c - 0xD800) < 0x800) return -1;
            dest[j++] = (UChar)c;
            i += 3;
        } else if (lead >= 0xC2 && lead < 0xE0 && i + 1 < length) {
            uint32_t b1 = source[i + 1] ^ 0x80u;
            if (b1 >= 0x40) return -1;
            dest[j++] = (UChar)(((lead & 0x1F) << 6) | b1);
            i += 2;
        } else if (lead >= 0xF0 && lead < 0xF5 && i + 3 < length) {
            uint32_t b1 = source[i + 1] ^ 0x80u, b2 = source[i + 2] ^ 0x80u, b3 = source[i + 3] ^ 0x80u;
            uint32_t c = ((lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3;
            if ((b1 | b2 | b3) >= 0x40 || c < 0x10000 || c > 0x10FFFF) return -1;
            c -= 0x10000;
            dest[j++] = (UChar)(0xD800 | (c >> 10));
            dest[j++] = (UChar)(0xDC00 | (c & 0x3FF));
            i += 4;
        } else {
            return -1;
        }
    }
    return j;
}

#if defined(__SSE2__)
__attribute__((target("ssse3"))) static int32_t tandem_decode_ssse3(const uint8_t *restrict source, int32_t length,
                                                                    UChar *restrict dest) {
    return tandem_decode(source, length, dest, 1);
}
#endif

int32_t tandem_utf8_to_utf16(const uint8_t *restrict source, int32_t length, UChar *restrict dest) {
#if defined(__SSE2__)
    if (tandem_has_ssse3()) return tandem_decode_ssse3(source, length, dest);
#endif
    return tandem_decode(source, length, dest, 0);
}

// The code point at source[*i], advancing *i; unpaired surrogates read as U+FFFD.
static uint32_t tandem_next_code_point(const UChar *source, int32_t length, int32_t *i) {
    uint32_t c = source[(*i)++];
    if (c >= 0xD800 && c <= 0xDBFF && *i < length && source[*i] >= 0xDC00 && source[*i] <= 0xDFFF) {
        return 0x10000 + ((c - 0xD800) << 10) + (source[(*i)++] - 0xDC00);
    }
    return (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c;
}

int64_t tandem_utf8_length(const UChar *source, int32_t length) {
    int64_t bytes = 0;
    for (int32_t i = 0; i < length;) {
        uint32_t c = tandem_next_code_point(source, length, &i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return bytes;
}

int64_t tandem_utf16_to_utf8(const UChar *source, int32_t length, uint8_t *dest, int64_t capacity) {
    int64_t j = 0;
    int32_t i = 0;
    // While 3 bytes per unit surely fit, BMP characters other than surrogates need no checks.
    while (i < length && j + 3 * (int64_t)(length - i) <= capacity) {
        uint32_t c = source[i];
        if (c < 0x80) {
            dest[j++] = (uint8_t)c;
        } else if (c < 0x800) {
            dest[j++] = (uint8_t)(0xC0 | (c >> 6));
            dest[j++] = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0xD800 || c > 0xDFFF) {
            dest[j++] = (uint8_t)(0xE0 | (c >> 12));
            dest[j++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            dest[j++] = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            break; // a surrogate: the careful loop below
        }
        i++;
    }
    while (i < length) {
        uint32_t c = source[i];
        if (c < 0x80) {
            if (j + 1 > capacity) return -1;
            dest[j++] = (uint8_t)c;
            i++;
            continue;
        }
        c = tandem_next_code_point(source, length, &i);
        if (c < 0x800) {
            if (j + 2 > capacity) return -1;
            dest[j++] = (uint8_t)(0xC0 | (c >> 6));
            dest[j++] = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (j + 3 > capacity) return -1;
            dest[j++] = (uint8_t)(0xE0 | (c >> 12));
            dest[j++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            dest[j++] = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            if (j + 4 > capacity) return -1;
            dest[j++] = (uint8_t)(0xF0 | (c >> 18));
            dest[j++] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
            dest[j++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            dest[j++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    return j;
}
