import TandemKit

/// A TBX glossary (`tandem glossary import`, and every command that loads a project's glossary).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTBXGlossary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let url = FuzzInput.file(FuzzInput.bytes(data, size), fileExtension: "tbx")
    _ = try? Glossary.read(url, displayPath: "fuzz.tbx")
    return 0
}
