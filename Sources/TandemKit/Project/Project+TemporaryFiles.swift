import Foundation

extension Project {
    /// Removes the temporary files killed runs left in the project (segment files, built
    /// posts, TMX copies, a rebuilt memory): see `TemporaryFile.removeStale`. A concurrent
    /// run's files stay. Call at the start of a run, before anything is written.
    @discardableResult
    public func removeStaleTemporaryFiles(runStart: Date = Date()) -> [URL] {
        TemporaryFile.removeStale(below: [root], runStart: runStart)
    }
}
