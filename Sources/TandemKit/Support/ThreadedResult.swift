import Foundation

/// A value computed on a thread of its own while the caller does something else; `value()`
/// waits for it (or rethrows what stopped it). For work that takes seconds and must overlap
/// other work on the machine's second core, such as a bulk load's two index builds.
///
/// `@unchecked Sendable`: `result` is written once by the thread before it signals, and read
/// only after `value()` has waited for that signal.
final class ThreadedResult<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }.start()
    }

    /// The work's value, once it is done (waits for it; call once).
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
