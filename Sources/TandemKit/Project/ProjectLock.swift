import Foundation

/// The project lock: one run at a time writes a project's segment files and built posts
/// (`extract`, `build`, `import`, `pseudo`, `align`; each save of `set`, `review`, `translate`;
/// `tm rebuild`), so that two runs never read the same
/// segment file, each merge into it, and the later rename drop the other's work.
///
/// An exclusive `AdvisoryFileLock` on `.tandem/lock`: the kernel releases it when the holder
/// exits, killed or not, and the holder writes who it is into the file, which a run that waits
/// longer than its patience names. The translation memory is not covered: it has its own
/// locking (SQLite's busy timeout, PostgreSQL's transactions, and `MemoryFileLock` between
/// `tm rebuild` of a SQLite file and the runs that have it open), so `tm import` runs beside
/// an `extract`. A run that needs both takes the memory's lock first (`memory:`), as a rebuild
/// does, so two runs never each hold the lock the other waits for.
public final class ProjectLock {
    /// `.tandem/lock`.
    public var file: URL { lock.file }
    private let lock: AdvisoryFileLock
    /// The memory's shared lock, taken before the project lock and released after it.
    private let memoryLock: MemoryFileLock?

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
    ///
    /// With `memory` (a SQLite memory the run will open), that memory's shared lock is taken
    /// first (`MemoryFileLock`; `waitingForMemory` is called when a rebuild holds it).
    public init(
        projectRoot root: URL, command: String, memory: MemoryAddress? = nil,
        patience: TimeInterval = ProjectLock.configuredPatience,
        waiting: (String) -> Void = { _ in }, waitingForMemory: (String) -> Void = { _ in }
    ) throws {
        if case .sqlite(let path) = memory {
            memoryLock = try MemoryFileLock.using(memoryPath: path, patience: patience, waiting: waitingForMemory)
        } else {
            memoryLock = nil
        }
        let file = root.appendingPathComponent(ProjectLayout.derivedDirectoryName).appendingPathComponent("lock")
        lock = try AdvisoryFileLock(
            file: file, exclusive: true, command: command, patience: patience,
            unnamedHolder: "a process that has not yet said who it is", waiting: waiting
        ) { holder, waited in
            TandemError.projectLocked(lockFile: file.path, holder: holder, waitedSeconds: waited)
        }
    }

    /// Releases the lock (also done when the process ends, however it ends), then the memory's.
    public func release() {
        lock.release()
        memoryLock?.release()
    }
}

/// One holder, one thread.
@available(*, unavailable)
extension ProjectLock: Sendable {}
