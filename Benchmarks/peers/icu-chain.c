// The "ICU C chain": the peer Tandem's segmentation + normalization is measured against.
//
// Reads a file of paragraphs (one per line, UTF-8), converts each to UTF-16 before the clock
// starts (ICU's native form, its fastest path), then per paragraph runs ICU's sentence break
// iterator (zh_CN@ss=standard, as Tandem opens it) and normalizes every sentence to NFC and NFKC
// the fastest way ICU offers: unorm2_spanQuickCheckYes, and unorm2_normalizeSecondAndAppend only
// for the rest of a sentence that is not already normalized.
//
// Modes: chain (break + NFC + NFKC), break (UTF-16 break only), break-utf8 (break through a
// UText over the UTF-8 bytes, as Tandem's shim does).
//
// Prints one result line: BENCH {"suite":…,"participant":…,"seconds":…,"bytes":…,"items":…}.
// Build: gcc -O2 -o icu-chain icu-chain.c $(pkg-config --cflags --libs icu-uc icu-i18n)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

typedef struct {
    const char *utf8;
    int32_t utf8_length;
    UChar *utf16;
    int32_t utf16_length;
} Paragraph;

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void fail(const char *what, UErrorCode status) {
    fprintf(stderr, "icu-chain: %s: %s\n", what, u_errorName(status));
    exit(2);
}

static char *read_file(const char *path, long *out_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)size + 1);
    if (fread(bytes, 1, (size_t)size, f) != (size_t)size) { perror(path); exit(2); }
    fclose(f);
    bytes[size] = 0;
    *out_size = size;
    return bytes;
}

// Normalizes `s` into `buffer` (capacity `capacity`), returning the normalized length; text
// already in the form is only spanned, never copied.
static int32_t normalize(const UNormalizer2 *n, const UChar *s, int32_t length, UChar *buffer,
                         int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t yes = unorm2_spanQuickCheckYes(n, s, length, &status);
    if (U_FAILURE(status)) fail("spanQuickCheckYes", status);
    if (yes == length) return length;
    memcpy(buffer, s, (size_t)yes * sizeof(UChar));
    int32_t out = unorm2_normalizeSecondAndAppend(n, buffer, yes, capacity, s + yes, length - yes, &status);
    if (U_FAILURE(status)) fail("normalizeSecondAndAppend", status);
    return out;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: icu-chain chain|break|break-utf8 PARAGRAPHS.txt\n");
        return 2;
    }
    const char *mode = argv[1];
    int chain = strcmp(mode, "chain") == 0;
    int utf8 = strcmp(mode, "break-utf8") == 0;
    if (!chain && !utf8 && strcmp(mode, "break") != 0) { fprintf(stderr, "unknown mode %s\n", mode); return 2; }

    long size = 0;
    char *text = read_file(argv[2], &size);
    long capacity = 1024, count = 0;
    Paragraph *paragraphs = malloc(sizeof(Paragraph) * (size_t)capacity);
    int32_t longest = 0;
    for (char *line = text; line < text + size;) {
        char *end = memchr(line, '\n', (size_t)(text + size - line));
        if (end == NULL) end = text + size;
        if (end > line) {
            if (count == capacity) { capacity *= 2; paragraphs = realloc(paragraphs, sizeof(Paragraph) * (size_t)capacity); }
            Paragraph *p = &paragraphs[count++];
            p->utf8 = line;
            p->utf8_length = (int32_t)(end - line);
            UErrorCode status = U_ZERO_ERROR;
            p->utf16 = malloc(sizeof(UChar) * ((size_t)p->utf8_length + 1));
            u_strFromUTF8(p->utf16, p->utf8_length + 1, &p->utf16_length, line, p->utf8_length, &status);
            if (U_FAILURE(status)) fail("u_strFromUTF8", status);
            if (p->utf16_length > longest) longest = p->utf16_length;
        }
        line = end + 1;
    }

    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "zh_CN@ss=standard", NULL, 0, &status);
    if (U_FAILURE(status)) fail("ubrk_open", status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) fail("unorm2_get", status);
    int32_t buffer_capacity = longest * 18 + 16; // NFKC grows a unit to 18 at most
    UChar *buffer = malloc(sizeof(UChar) * (size_t)buffer_capacity);
    UText ut = UTEXT_INITIALIZER;

    long long sentences = 0, checksum = 0, bytes = 0;
    double start = now_seconds();
    for (long i = 0; i < count; i++) {
        Paragraph *p = &paragraphs[i];
        bytes += p->utf8_length;
        if (utf8) {
            utext_openUTF8(&ut, p->utf8, p->utf8_length, &status);
            ubrk_setUText(bi, &ut, &status);
        } else {
            ubrk_setText(bi, p->utf16, p->utf16_length, &status);
        }
        if (U_FAILURE(status)) fail("setText", status);
        int32_t from = ubrk_first(bi);
        for (int32_t to = ubrk_next(bi); to != UBRK_DONE; from = to, to = ubrk_next(bi)) {
            sentences++;
            if (!chain) continue;
            checksum += normalize(nfc, p->utf16 + from, to - from, buffer, buffer_capacity);
            checksum += normalize(nfkc, p->utf16 + from, to - from, buffer, buffer_capacity);
        }
    }
    double seconds = now_seconds() - start;
    printf("BENCH {\"participant\":\"icu-c-%s\",\"seconds\":%.6f,\"bytes\":%lld,\"items\":%lld,"
           "\"checksum\":%lld,\"paragraphs\":%ld,\"icu\":\"%s\"}\n",
           mode, seconds, bytes, sentences, checksum, count, U_ICU_VERSION);
    return 0;
}
