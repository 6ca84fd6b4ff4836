import Foundation

extension TandemError {
    /// The system's words for a failed file operation: Foundation says a full disk as "There
    /// isn't enough space" (a Cocoa error wrapping `ENOSPC`); the POSIX error underneath is
    /// what the person searches for ("No space left on device"), so it is said when present.
    static func systemReason(of error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// Creates `directory` (with its parents) for writing `destination`, as `unwritable` of the
    /// destination with the system's reason when it cannot be.
    static func createDirectory(_ directory: URL, for destination: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TandemError.unwritable(path: destination.path, reason: "cannot create \(directory.path): \(systemReason(of: error))")
        }
    }
}
