import Foundation

/// An advisory `flock` on a lock file, waited for with a patience: what the project lock
/// (`ProjectLock`) and a SQLite memory's lock (`MemoryFileLock`) are made of.
///
/// The kernel releases it when the holder exits, killed or not, so a crash never leaves a
/// stale lock. An exclusive holder writes who it is into the file (process id, command line,
/// start time, host), which a run that waits longer than its patience names in its error
/// instead of waiting forever. Shared holders write nothing: there may be many, and the file
/// holds one line.
final class AdvisoryFileLock {
    let file: URL
    let isExclusive: Bool
    private var descriptor: Int32

    /// Takes the lock on `file` (created, with its directory, when missing), shared or
    /// exclusive, waiting up to `patience` seconds; `waiting` is called once, with the holder
    /// (or `unnamedHolder` when the holders did not say who they are), when the lock is busy.
    /// `exclusive` holders write `command` into the file. When the wait runs out, throws what
    /// `locked(holder, waited)` makes.
    init(
        file: URL, exclusive: Bool, command: String, patience: TimeInterval, unnamedHolder: String,
        waiting: (String) -> Void, locked: (_ holder: String, _ waited: TimeInterval) -> TandemError
    ) throws {
        self.file = file
        isExclusive = exclusive
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TandemError.unwritable(path: directory.path, reason: TandemError.systemReason(of: error))
        }
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TandemError.unwritable(path: file.path, reason: String(cString: strerror(errno)))
        }
        let started = Date()
        var announced = false
        var pause: TimeInterval = 0.01
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw TandemError.unwritable(path: file.path, reason: "cannot lock: \(reason)")
            }
            let waited = Date().timeIntervalSince(started)
            if waited >= patience {
                let holder = Self.holder(of: file, unnamed: unnamedHolder)
                close(descriptor)
                throw locked(holder, waited)
            }
            if !announced {
                announced = true
                waiting(Self.holder(of: file, unnamed: unnamedHolder))
            }
            Thread.sleep(forTimeInterval: min(pause, max(patience - waited, 0.001)))
            pause = min(pause * 2, 0.2)
        }
        guard exclusive else { return }
        // Who holds it, for a run that waits too long. Written in place (the file is the lock:
        // it is never replaced); a reader that meets it half written says the holder is unknown.
        let info = Array(Self.describeThisProcess(command: command).utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = info.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    deinit { release() }

    /// Releases the lock (also done when the process ends, however it ends).
    func release() {
        guard descriptor >= 0 else { return }
        // Emptied first: a later reader must not name a process that has finished. (Shared
        // holders wrote nothing.)
        if isExclusive { _ = ftruncate(descriptor, 0) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// `pid 1234 (tandem extract), started 2026-11-30T05:00:00Z on host`.
    static func describeThisProcess(command: String) -> String {
        let started = ISO8601DateFormatter().string(from: Date())
        return "pid \(getpid()) (\(command)), started \(started) on \(ProcessInfo.processInfo.hostName)\n"
    }

    /// What the lock file says about its holder; else the processes the kernel lists as
    /// holding a lock on it (shared holders write nothing); else `unnamed`.
    static func holder(of file: URL, unnamed: String) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.hasPrefix("pid ") { return text }
        let holders = FileLockHolders.processes(holding: file.path)
        return holders.isEmpty ? unnamed : holders.joined(separator: "; ")
    }
}

/// One holder, one thread.
@available(*, unavailable)
extension AdvisoryFileLock: Sendable {}
