// UTF-8 <-> UTF-16 for text that comes from Swift strings (valid UTF-8), faster than ICU's
// general u_strFromUTF8 / u_strToUTF8 which also handle substitution and preflighting.
#ifndef TANDEM_TRANSCODE_H
#define TANDEM_TRANSCODE_H

#include <stdint.h>
#include <unicode/utypes.h>

/// Decodes `length` bytes of UTF-8 into `dest` (room for `length` units: UTF-16 never needs
/// more). Returns the number of UTF-16 units, or -1 when the bytes are not valid UTF-8.
int32_t tandem_utf8_to_utf16(const uint8_t *restrict source, int32_t length, UChar *restrict dest);

/// The number of UTF-8 bytes that `length` UTF-16 units encode to (unpaired surrogates count as
/// U+FFFD, as ICU writes them).
int64_t tandem_utf8_length(const UChar *source, int32_t length);

/// Encodes UTF-16 into `dest` (room for `capacity` bytes). Returns the number of bytes written,
/// or -1 when they do not fit (tandem_utf8_length tells how many are needed).
int64_t tandem_utf16_to_utf8(const UChar *source, int32_t length, uint8_t *dest, int64_t capacity);

#endif
