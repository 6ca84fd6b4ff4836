/// The attributes of one start tag as libxml2's SAX2 interface gives them: five pointers each
/// (local name, prefix, namespace URI, value start, value end), entities already replaced in
/// the values. Valid during the callback only.
struct LibXML2Attributes {
    let base: UnsafePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// Calls `body` with each attribute's name and value bytes, in document order.
    func forEach(_ body: (LibXML2Name, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base else { return }
        for index in 0..<count {
            let entry = base + index * 5
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { continue }
            body(LibXML2Name(prefix: entry[1], local: local), UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The value of the attribute named `name` without a prefix, or nil.
    subscript(_ name: StaticString) -> String? {
        var found: String?
        forEach { attribute, value in
            if found == nil, attribute.isUnprefixed(name) { found = String(decoding: value, as: UTF8.self) }
        }
        return found
    }
}
