// Byte scans for Tandem's sentence rules (the bracket-pair scan in SentenceBreakPatterns).
#include "CTandemICU.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Whether a byte of the set at `at` may start a marker: always, unless `tail_checked[byte]` says
// every marker it starts is three bytes or more; then the two bytes after it must be a pair that
// some marker has there (one bit per 16-bit value in `tails`).
static inline int tandem_marker_may_start(const uint8_t *text, int64_t at, int64_t length,
                                          const uint8_t *tail_checked, const uint64_t *tails) {
    if (!tail_checked[text[at]]) return 1;
    if (at + 2 >= length) return 0;
    uint32_t tail = (uint32_t)text[at + 1] << 8 | text[at + 2];
    return (int)((tails[tail >> 6] >> (tail & 63)) & 1);
}

int64_t tandem_find_marker(const uint8_t *text, int64_t from, int64_t length, const uint8_t *set, int32_t set_count,
                           const uint8_t *tail_checked, const uint64_t *tails) {
    int64_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time against each byte of the set; the bytes found are filtered here, not
    // in Swift: in Chinese prose most of them start other punctuation (，。、 share lead bytes with
    // the brackets, ─ with the quotes), a few per line.
    if (set_count > 0 && set_count <= 16) {
        __m128i needles[16];
        for (int32_t k = 0; k < set_count; k++) needles[k] = _mm_set1_epi8((char)set[k]);
        while (i + 16 <= length) {
            __m128i block = _mm_loadu_si128((const __m128i *)(text + i));
            __m128i hit = _mm_cmpeq_epi8(block, needles[0]);
            for (int32_t k = 1; k < set_count; k++) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, needles[k]));
            unsigned mask = (unsigned)_mm_movemask_epi8(hit);
            while (mask != 0) {
                int64_t at = i + __builtin_ctz(mask);
                mask &= mask - 1;
                if (tandem_marker_may_start(text, at, length, tail_checked, tails)) return at;
            }
            i += 16;
        }
    }
#endif
    for (; i < length; i++) {
        for (int32_t k = 0; k < set_count; k++) {
            if (text[i] == set[k]) {
                if (tandem_marker_may_start(text, i, length, tail_checked, tails)) return i;
                break;
            }
        }
    }
    return length;
}
