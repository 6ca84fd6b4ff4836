import Foundation

/// The table ICU gives, kept in a file per ICU version so that a process reads it instead of
/// running ICU.
///
/// Why a file and not a lazy fold per character met: what costs is not the characters but
/// opening the transforms. `utrans_openU("Hant-Hans")` compiles ICU's rule source on every
/// process's first call (0.1–0.7 s measured on the 2-core machine, `Hans-Hant` 0.1 s more;
/// folding 28k characters afterwards takes milliseconds), and any Chinese text has a character
/// to fold, so a memoised per-character fold would still pay the whole compile in every
/// `tm lookup`. The file (192 KB: the fold and the script flags of every BMP unit) is made by
/// `computedByICU()`, the same code that was run per process before, and read back in well
/// under a millisecond. ICU stays the source of truth: the file is named and stamped with the
/// ICU version, checksummed whole, and anything else (missing, damaged, another version, another
/// format) is computed again from ICU and rewritten. An unwritable directory only costs the
/// computation, as before.
///
/// Where: the user's cache directory (`TandemCacheDirectory`) rather than a project's
/// `.tandem/`: the fold is the same for every project and memory of one ICU, and `tm lookup --memory FILE`, `glossary lint` and the library's
/// `Normalizer.memoryKey` fold with no project in sight.
extension HanVariantTable {
    /// Bumped when what the file holds or how it is computed changes.
    static let cacheFormat: UInt64 = 1

    /// The cache file for the linked ICU in `directory`.
    static func cacheFile(in directory: URL) -> URL {
        let version = String(ICUVersion.linked.map { $0.isASCII && ($0.isNumber || $0 == ".") ? $0 : "_" })
        return directory.appendingPathComponent("han-variants.icu\(version).tmi")
    }

    /// The table from the cache in `directory`, or computed by ICU and written there when the
    /// cache has no sound one; computed only when `directory` is nil.
    static func cached(in directory: URL?) -> HanVariantTable {
        guard let directory else { return computedByICU() ?? identity }
        let url = cacheFile(in: directory)
        if let table = load(url) { return table }
        guard let table = computedByICU() else { return identity }
        // A cache: when it cannot be written the next process computes the table again.
        try? AtomicFile.write(table.cacheImage(), to: url)
        return table
    }

    /// The table in the file at `url` if it is a sound cache file of this ICU version and format.
    static func load(_ url: URL) -> HanVariantTable? {
        guard let storage = IndexStorage(mapping: url.path), let image = FlatImage(storage),
              image.fields.count == 3, image.fields[0] == cacheFormat, image.fields[1] == icuStamp,
              let simplified = image.section(0, as: UInt16.self), simplified.count == 0x10000,
              let flags = image.section(1, as: UInt8.self), flags.count == 0x10000,
              image.fields[2] == contentHash(UnsafeRawBufferPointer(simplified), UnsafeRawBufferPointer(flags))
        else { return nil }
        return HanVariantTable(simplified: Array(simplified), scriptFlags: Array(flags))
    }

    /// The bytes of the cache file (a `FlatImage`: format, ICU stamp and content hash in its
    /// header; the fold and the flags as its two sections).
    func cacheImage() -> [UInt8] {
        var builder = FlatImageBuilder()
        builder.append(simplified)
        builder.append(scriptFlags)
        let hash = simplified.withUnsafeBytes { folds in scriptFlags.withUnsafeBytes { Self.contentHash(folds, $0) } }
        return builder.image(fields: [Self.cacheFormat, Self.icuStamp, hash])
    }

    /// The linked ICU's version, hashed (the file name says it too; the stamp catches a renamed file).
    private static var icuStamp: UInt64 { StableHash.fnv1a(StableHash.offsetBasis, ICUVersion.linked) }

    /// FNV-1a over the sections' bytes: `FlatImage` checks only its header, and a damaged
    /// table would fold wrongly in every process until ICU changed.
    private static func contentHash(_ folds: UnsafeRawBufferPointer, _ flags: UnsafeRawBufferPointer) -> UInt64 {
        [folds, flags].reduce(StableHash.offsetBasis) { hash, bytes in
            StableHash.fnv1a(hash, UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count))
        }
    }
}
