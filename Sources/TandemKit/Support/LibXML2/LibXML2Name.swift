import Foundation

/// An element's or attribute's name as libxml2's SAX2 interface gives it: an optional prefix
/// and a local name, NUL-terminated UTF-8 in the parser's dictionary, valid during the
/// callback. Compared as bytes, so reading an element costs no `String`.
struct LibXML2Name {
    let prefix: UnsafePointer<UInt8>?
    let local: UnsafePointer<UInt8>

    /// Whether the name has no prefix and is `literal` (ASCII).
    func isUnprefixed(_ literal: StaticString) -> Bool {
        prefix == nil && Self.equals(local, literal)
    }

    /// Whether the name is `prefix:local`.
    func `is`(prefix expected: StaticString, local literal: StaticString) -> Bool {
        guard let prefix else { return false }
        return Self.equals(prefix, expected) && Self.equals(local, literal)
    }

    /// `prefix:local`, or `local`, as messages show it.
    var qualified: String {
        let name = String(cString: local)
        guard let prefix else { return name }
        return String(cString: prefix) + ":" + name
    }

    /// Whether the NUL-terminated `bytes` are `literal`.
    static func equals(_ bytes: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return memcmp(bytes, literal.utf8Start, count) == 0 && bytes[count] == 0
    }
}
