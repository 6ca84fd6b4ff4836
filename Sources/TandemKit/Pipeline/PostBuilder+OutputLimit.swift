import Foundation

extension PostBuilder {
    /// Refuses a built post larger than Tandem reads (`TextFile.postSizeLimit`): it could not be
    /// extracted, checked or rebuilt again. The error points at the longest target, the usual
    /// cause (a pasted file, a runaway machine translation).
    func refuseOversizedOutput(_ bytes: [UInt8], post: String, locale: LocaleTag, targets: [String: String], segmentFile: URL) throws {
        let limit = TextFile.postSizeLimit
        guard bytes.count > limit else { return }
        let longest = targets.max { $0.value.utf8.count < $1.value.utf8.count }
        let path = project.projectPath(of: segmentFile)
        let location = try longest.map { SegmentFileStore.location(ofSegment: $0.key, in: try TextFile.readBytes(segmentFile), path: path) }
            ?? SourceLocation(file: path, line: 1, column: 1)
        let culprit = longest.map { "; its longest target (segment \($0.key)) is \($0.value.utf8.count) bytes" } ?? ""
        throw TandemError.invalidValue(
            location,
            message: "the \(locale) version of \(post) would be \(bytes.count) bytes; at most \(limit) are accepted\(culprit)")
    }
}
