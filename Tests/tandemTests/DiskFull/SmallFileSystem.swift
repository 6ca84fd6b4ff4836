import Foundation
import TandemTestSupport

/// A small tmpfs mounted for one test (`mount -t tmpfs -o size=…`: root only), and a filler
/// file that leaves a chosen number of bytes free on it.
struct SmallFileSystem {
    let mountPoint: URL
    var filler: URL { mountPoint.appendingPathComponent("filler") }

    /// Whether this machine lets the tests mount a tmpfs (root, outside a restricted container).
    static let canMount: Bool = {
        guard let probe = try? TemporaryDirectory(prefix: "tandem-mount-probe") else { return false }
        defer { probe.remove() }
        guard (try? run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.url.path])) == 0 else { return false }
        _ = try? run("/usr/bin/umount", [probe.url.path])
        return true
    }()

    static let cannotMountMessage = "cannot mount a tmpfs here (the disk-full tests need root and mount(8), as in CI)"

    /// Mounts a tmpfs of `megabytes` at a new directory.
    init(megabytes: Int) throws {
        mountPoint = try TemporaryDirectory(prefix: "tandem-disk-full").url
        let status = try Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", mountPoint.path])
        guard status == 0 else { throw Failure(message: "mount failed with status \(status)") }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Unmounts (lazily if something still holds a file there) and removes the directory.
    func unmount() {
        if (try? Self.run("/usr/bin/umount", [mountPoint.path])) != 0 {
            _ = try? Self.run("/usr/bin/umount", ["-l", mountPoint.path])
        }
        try? FileManager.default.removeItem(at: mountPoint)
    }

    /// Bytes free for an unprivileged writer.
    var available: Int {
        var stats = statvfs()
        guard statvfs(mountPoint.path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Grows the filler file until about `bytes` are left free (tmpfs counts whole pages).
    func leave(_ bytes: Int) throws {
        removeFiller()
        let size = available - bytes
        guard size > 0 else { return }
        let descriptor = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot create the filler: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let result = posix_fallocate(descriptor, 0, off_t(size))
        guard result == 0 else { throw Failure(message: "cannot fill \(size) bytes: \(String(cString: strerror(result)))") }
    }

    func removeFiller() {
        unlink(filler.path)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
