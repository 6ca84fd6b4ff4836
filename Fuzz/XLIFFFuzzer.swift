import TandemKit

/// XLIFF 1.2 and 2.1 import: the version is told from the root as `tandem import` and
/// `tandem tm import` do (`ExchangeFormat.detect`), and the file is read both ways it comes in;
/// a 2.x file also goes through the core rules check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    switch ExchangeFormat.detect(bytes) {
    case .xliff21:
        FuzzInput.readBothWays { try XLIFF21Reader(displayPath: "fuzz.xlf", reading: $0).read(bytes) }
        _ = try? XLIFF21Reader.ruleViolations(bytes, displayPath: "fuzz.xlf")
    case .xliff12, .po:
        // Text that is not XML still goes to the 1.2 reader: its refusal is what is fuzzed.
        FuzzInput.readBothWays { try XLIFF12Reader(displayPath: "fuzz.xlf", reading: $0).read(bytes) }
    }
    return 0
}
