import Foundation
@testable import TandemKit

/// TMX import (`tandem tm import`): the reader and the memory units each `<tu>` gives. The
/// reader takes a file (it streams), so the input goes through one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let url = FuzzInput.file(FuzzInput.bytes(data, size), fileExtension: "tmx")
    let reader = TMXReader(url: url, displayPath: "fuzz.tmx")
    _ = try? reader.read { unit in
        _ = unit.memoryUnits(sourceLocale: nil, path: "fuzz.tmx", now: Date(timeIntervalSince1970: 0))
        _ = unit.skipReason(sourceLocale: nil)
    }
    return 0
}

/// The memory key's script tables are built once, on first use: seconds in a sanitized debug
/// build, which libFuzzer would report as the first input's timeout.
@_cdecl("LLVMFuzzerInitialize")
public func initializeTMXFuzzer(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = Normalizer.memoryKey("中文")
    return 0
}
