// The state behind a tandem_break_open iterator, shared by shim.c (breaks) and normalize.c
// (sentence keys computed from the same UTF-16 copy).
#ifndef TANDEM_BREAK_HANDLE_H
#define TANDEM_BREAK_HANDLE_H

#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

typedef struct {
    UBreakIterator *iterator;
    UText text; // reused for every call: no allocation per paragraph
    // UTF-16 copy of the text for tandem_break_utf8: ICU's break rules run about 2.5x faster on
    // UTF-16 than through a UTF-8 UText, and converting costs far less than the difference.
    UChar *utf16;
    int32_t utf16_capacity;
    int32_t utf16_length;
    // Which UTF-8 text `utf16` holds, so tandem_normalize_ranges can reuse it (and redo it when
    // it is asked about other text).
    const uint8_t *utf16_source;
    int64_t utf16_source_length;
    // The last tandem_break_utf8 call's boundaries as UTF-16 offsets (its byte offsets are the
    // caller's), so sentence ranges near them map to UTF-16 without walking the whole text.
    int32_t *boundary_units;
    int64_t *boundary_bytes;
    int64_t boundary_count;
    int64_t boundary_capacity;
} TandemBreak;

/// Makes `handle->utf16` the UTF-16 of `text` (unless it already is). Returns an ICU error code.
UErrorCode tandem_break_transcode(TandemBreak *handle, const uint8_t *text, int32_t length);

#endif
