// Byte scans for Tandem's sentence rules (the bracket-pair scan in SentenceBreakPatterns).
#include "CTandemICU.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int64_t tandem_find_byte_in_set(const uint8_t *text, int64_t from, int64_t length, const uint8_t *set,
                                int32_t set_count) {
    int64_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time against each byte of the set: Chinese prose has a bracket or quote
    // every few dozen characters, so most blocks are passed over with one mask test.
    if (set_count > 0 && set_count <= 16) {
        __m128i needles[16];
        for (int32_t k = 0; k < set_count; k++) needles[k] = _mm_set1_epi8((char)set[k]);
        while (i + 16 <= length) {
            __m128i block = _mm_loadu_si128((const __m128i *)(text + i));
            __m128i hit = _mm_cmpeq_epi8(block, needles[0]);
            for (int32_t k = 1; k < set_count; k++) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, needles[k]));
            int mask = _mm_movemask_epi8(hit);
            if (mask != 0) return i + __builtin_ctz((unsigned)mask);
            i += 16;
        }
    }
#endif
    for (; i < length; i++) {
        for (int32_t k = 0; k < set_count; k++) {
            if (text[i] == set[k]) return i;
        }
    }
    return length;
}
