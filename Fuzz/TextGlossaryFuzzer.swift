import TandemKit

/// The TSV and CSV glossary readers, each on the same input: both split text into rows and
/// cells, and the same header rules (`GlossaryRowReader`) follow.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextGlossary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for fileExtension in ["tsv", "csv"] {
        _ = try? Glossary.read(FuzzInput.file(bytes, fileExtension: fileExtension), displayPath: "fuzz.\(fileExtension)")
    }
    return 0
}
