import Foundation

/// The name of a `readdir` entry, read where the entry lies.
///
/// `dirent.d_name` is declared as 256 bytes, but glibc's records are only as long as their
/// name, rounded up to 8 bytes. Copying the field (`let name = entry.pointee.d_name`, or passing
/// it to `withUnsafeBytes(of:)`) reads up to 255 bytes past a short record, and for the last
/// records of a full directory buffer past the end of that buffer: AddressSanitizer reports it
/// on any directory of a few hundred entries, and `extract` crashed with SIGSEGV in `memmove`
/// when the buffer ended a heap mapping (the 5,000-post benchmark, 1 run in about 20). The
/// name is read in place, up to its NUL, which glibc writes inside the record.
enum DirectoryEntryName {
    /// Where `d_name` starts inside a record.
    private static let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entry's name (invalid UTF-8 repaired, as `String(cString:)` does).
    static func of(_ entry: UnsafeMutablePointer<dirent>) -> String {
        String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}
