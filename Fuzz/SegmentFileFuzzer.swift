import TandemKit

/// A segment file (`locales/<locale>/…json`): any input decodes or throws a `TandemError`, and
/// a file that decodes survives encode and decode unchanged (what `extract` writes back).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmentFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let file = try? SegmentFileStore.decode(bytes, path: "fuzz.json") else { return 0 }
    let encoded: [UInt8]
    do {
        encoded = try SegmentFileStore.encode(file)
    } catch {
        FuzzInput.fail("a decoded segment file does not encode: \(error)")
    }
    do {
        let again = try SegmentFileStore.decode(encoded, path: "fuzz.json")
        if again != file { FuzzInput.fail("a segment file changes through encode and decode") }
    } catch {
        FuzzInput.fail("Tandem refuses the segment file it wrote: \(error)")
    }
    return 0
}
