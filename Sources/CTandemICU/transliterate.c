// ICU transforms (utrans), such as Hant-Hans between Traditional and Simplified Chinese.
#include "CTandemICU.h"

#include <unicode/utrans.h>

int32_t tandem_transliterate_utf16(const char *transform_id, uint16_t *text, int32_t length, int32_t capacity,
                                   int32_t *out_length) {
    UErrorCode status = U_ZERO_ERROR;
    *out_length = 0;
    // utrans_openU wants the id in UTF-16; ids are ASCII.
    UChar id[64];
    int32_t id_length = 0;
    while (transform_id[id_length] != 0) {
        if (id_length == 63) return U_ILLEGAL_ARGUMENT_ERROR;
        id[id_length] = (UChar)(unsigned char)transform_id[id_length];
        id_length += 1;
    }
    UTransliterator *transliterator = utrans_openU(id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return status;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars(transliterator, (UChar *)text, &text_length, capacity, 0, &limit, &status);
    utrans_close(transliterator);
    *out_length = text_length;
    return status;
}
