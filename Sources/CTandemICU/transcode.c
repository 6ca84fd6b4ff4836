#include "transcode.h"

int32_t tandem_utf8_to_utf16(const uint8_t *source, int32_t length, UChar *dest) {
    int32_t i = 0, j = 0;
    while (i < length) {
        uint8_t lead = source[i];
        if (lead < 0x80) {
            dest[j++] = lead;
            i += 1;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            if (i + 2 >= length || (source[i + 1] & 0xC0) != 0x80 || (source[i + 2] & 0xC0) != 0x80) return -1;
            UChar c = (UChar)(((lead & 0x0F) << 12) | ((source[i + 1] & 0x3F) << 6) | (source[i + 2] & 0x3F));
            if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return -1;
            dest[j++] = c;
            i += 3;
        } else if (lead >= 0xC2 && lead < 0xE0) {
            if (i + 1 >= length || (source[i + 1] & 0xC0) != 0x80) return -1;
            dest[j++] = (UChar)(((lead & 0x1F) << 6) | (source[i + 1] & 0x3F));
            i += 2;
        } else if (lead >= 0xF0 && lead < 0xF5) {
            if (i + 3 >= length || (source[i + 1] & 0xC0) != 0x80 || (source[i + 2] & 0xC0) != 0x80 ||
                (source[i + 3] & 0xC0) != 0x80) return -1;
            uint32_t c = ((uint32_t)(lead & 0x07) << 18) | ((uint32_t)(source[i + 1] & 0x3F) << 12) |
                         ((uint32_t)(source[i + 2] & 0x3F) << 6) | (source[i + 3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF) return -1;
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
    for (int32_t i = 0; i < length;) {
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
