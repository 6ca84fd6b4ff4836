import TandemKit

/// gettext PO import, both ways a file comes in (`FuzzInput.readBothWays`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPO(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.readBothWays { try POReader(displayPath: "fuzz.po", reading: $0).read(bytes) }
    return 0
}
