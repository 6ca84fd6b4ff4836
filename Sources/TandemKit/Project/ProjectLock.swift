import Foundation

/// The project lock: one run at a time writes a project's segment files and built posts
/// (`extract`, `build`, `import`, `pseudo`, `align`; each save of `set`, `review`, `translate`;
/// `tm rebuild`), so that two runs never read the same
/// segment file, each merge into it, and the later rename drop the other's work.
///
/// An advisory `flock` on `.tandem/lock`: the kernel releases it when the holder exits, killed
/// or not, so a crash never leaves a stale lock. The holder writes who it is into the file
/// (process id, command line, start time, host), which a run that waits longer than its
/// patience names in its error instead of waiting forever. The translation memory is not
/// covered: it has its own locking (SQLite's busy timeout, PostgreSQL's transactions), so
/// `tm import` runs beside an `extract`.
public final class ProjectLock {
    /// `.tandem/lock`.
    public let file: URL
    private var descriptor: Int32

    /// How long a run waits for the lock by default: longer than any normal run of a large
    /// site, short enough that a forgotten run (an editor left open in `translate`, a hung
    /// CI job) is reported rather than waited on forever.
    public static let defaultPatience: TimeInterval = 600
    /// The environment variable that sets the patience in seconds (0: do not wait at all).
    public static let patienceVariable = "TANDEM_LOCK_TIMEOUT"

    /// The patience `TANDEM_LOCK_TIMEOUT` sets, else the default.
    public static var configuredPatience: TimeInterval {
        guard let text = ProcessInfo.processInfo.environment[patienceVariable],
              let seconds = TimeInterval(text), seconds >= 0 else { return defaultPatience }
        return seconds
    }

    /// Takes the lock of the project at `root`, waiting up to `patience` seconds for another
    /// run to release it; `waiting` is called once, with the holder, when the lock is busy.
    /// Throws `TandemError.projectLocked` naming the holder when the wait runs out.
    public init(
        projectRoot root: URL, command: String, patience: TimeInterval = ProjectLock.configuredPatience,
        waiting: (String) -> Void = { _ in }
    ) throws {
        let directory = root.appendingPathComponent(ProjectLayout.derivedDirectoryName)
        file = directory.appendingPathComponent("lock")
        // The root exists (its tandem.yml was read): only `.tandem` may be missing.
        if mkdir(directory.path, 0o755) != 0 && errno != EEXIST {
            throw TandemError.unwritable(path: directory.path, reason: String(cString: strerror(errno)))
        }
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TandemError.unwritable(path: file.path, reason: String(cString: strerror(errno)))
        }
        let started = Date()
        var announced = false
        var pause: TimeInterval = 0.01
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw TandemError.unwritable(path: file.path, reason: "cannot lock: \(reason)")
            }
            let waited = Date().timeIntervalSince(started)
            if waited >= patience {
                let holder = Self.holder(of: file)
                close(descriptor)
                throw TandemError.projectLocked(lockFile: file.path, holder: holder, waitedSeconds: waited)
            }
            if !announced {
                announced = true
                waiting(Self.holder(of: file))
            }
            Thread.sleep(forTimeInterval: min(pause, max(patience - waited, 0.001)))
            pause = min(pause * 2, 0.2)
        }
        // Who holds it, for a run that waits too long. Written in place (the file is the lock:
        // it is never replaced); a reader that meets it half written says the holder is unknown.
        let info = Array(Self.describeThisProcess(command: command).utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = info.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    deinit { release() }

    /// Releases the lock (also done when the process ends, however it ends).
    public func release() {
        guard descriptor >= 0 else { return }
        // Emptied first: a later reader must not name a process that has finished.
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// `pid 1234 (tandem extract), started 2026-11-30T05:00:00Z on host`.
    static func describeThisProcess(command: String) -> String {
        let started = ISO8601DateFormatter().string(from: Date())
        return "pid \(getpid()) (\(command)), started \(started) on \(ProcessInfo.processInfo.hostName)\n"
    }

    /// What the lock file says about its holder.
    static func holder(of file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.hasPrefix("pid ") ? text : "a process that has not yet said who it is"
    }
}

/// One holder, one thread.
@available(*, unavailable)
extension ProjectLock: Sendable {}
