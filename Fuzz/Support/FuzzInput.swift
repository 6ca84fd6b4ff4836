import Foundation
import TandemKit

/// What every harness does with libFuzzer's input: copy it into Swift, put it in a file for the
/// readers that only take a URL, and stop the process on a broken invariant so libFuzzer keeps
/// the input as a crash.
enum FuzzInput {
    /// The input's bytes.
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Runs an exchange reader both ways a file comes in: Tandem's own export returned
    /// (`tandem import`) and any tool's file feeding the memory (`tandem tm import`).
    static func readBothWays(_ read: (ExchangeReading) throws -> [ReturnedDocument]) {
        for reading in [ExchangeReading.returnedExport, .memorySource] {
            _ = try? read(reading)
        }
    }

    /// A file holding `bytes`, named with `fileExtension` (the glossary reader picks its format
    /// by extension), in a folder of this process's own: libFuzzer's `-jobs` run several
    /// processes side by side.
    static func file(_ bytes: [UInt8], fileExtension: String) -> URL {
        let url = folder.appendingPathComponent("input.\(fileExtension)")
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    /// A broken invariant: printed, then `abort()`, which libFuzzer reports as a crash and saves.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("FUZZ FINDING: \(message)\n".utf8))
        abort()
    }

    // /dev/shm when there is one: the file is rewritten for every input.
    private static let folder: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("tandem-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}
