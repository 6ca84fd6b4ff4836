import Foundation

/// A whole file's bytes read with `read(2)` into one array: no `Data` in between to copy from
/// (the extract state, ten megabytes, is read on every run).
enum FileBytes {
    /// The file cannot be opened or read (`errno`).
    struct Unreadable: Error {
        let errorNumber: Int32
    }

    /// The bytes of the file at `path`.
    static func contents(atPath path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(errorNumber: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Unreadable(errorNumber: errno) }
        // One byte more than the size, so the end is seen without growing; a file that grows
        // while it is read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Unreadable(errorNumber: errno)
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
