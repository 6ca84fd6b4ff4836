import TandemKit

/// Front matter: the input is a post's start, and its first line picks the reader as Hugo
/// does (`---` YAML, `+++` TOML, `{` JSON; the seeds hold all three). Any input must read or
/// throw a `TandemError`; a crash, hang or memory blow-up is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let post = FuzzInput.bytes(data, size) + Array("body\n".utf8)
    _ = try? FrontMatter.read(post, path: "fuzz.md")
    return 0
}
