/// Writes JSON in `JSONText`'s form, byte for byte: two-space indentation, `"key" : value`, an
/// empty container as its brackets around a blank line, slashes and non-ASCII unescaped, control
/// characters as `\b \t \n \f \r` or `\u00xx`. The caller writes object keys in sorted order.
///
/// For the one value written thousands of times per run, the segment file: `JSONEncoder` goes
/// through `Codable`'s containers and an intermediate tree, which took a tenth of a 5,000-post
/// `extract`. `SegmentFileJSONTests` checks the two give the same bytes.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has an element yet.
    private var hasElements: [Bool] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func openObject() { openContainer(UInt8(ascii: "{")) }
    mutating func closeObject() { closeContainer(UInt8(ascii: "}")) }
    mutating func openArray() { openContainer(UInt8(ascii: "[")) }
    mutating func closeArray() { closeContainer(UInt8(ascii: "]")) }

    /// Starts a member of the open object: its key, then the value the caller writes next.
    mutating func key(_ key: String) {
        startElement()
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts an element of the open array; the caller writes its value next.
    mutating func element() { startElement() }

    /// A member whose value is a string; none when `value` is nil (an absent optional).
    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// A member whose value is an array of strings; none when `values` is nil.
    mutating func member(_ key: String, _ values: [String]?) {
        guard let values else { return }
        self.key(key)
        strings(values)
    }

    /// A member whose value is an array of objects, each written by `writeMembers`; none when
    /// `items` is nil.
    mutating func member<Item>(_ key: String, objects items: [Item]?, _ writeMembers: (inout PrettyJSONWriter, Item) -> Void) {
        guard let items else { return }
        self.key(key)
        openArray()
        for item in items {
            element()
            openObject()
            writeMembers(&self, item)
            closeObject()
        }
        closeArray()
    }

    mutating func member(_ key: String, _ value: Int) {
        self.key(key)
        int(value)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// `[String]` as an array of strings.
    mutating func strings(_ values: [String]) {
        openArray()
        for value in values {
            element()
            string(value)
        }
        closeArray()
    }

    /// `[String: String]` as an object, keys in the order of their UTF-8 bytes: the order of
    /// `.sortedKeys` on Linux (not `String`'s `<`, which compares them normalized).
    mutating func stringDictionary(_ dictionary: [String: String]) {
        openObject()
        for (key, value) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            self.key(key)
            string(value)
        }
        closeObject()
    }

    private mutating func openContainer(_ bracket: UInt8) {
        bytes.append(bracket)
        hasElements.append(false)
    }

    private mutating func closeContainer(_ bracket: UInt8) {
        let hadElements = hasElements.removeLast()
        bytes.append(0x0A)
        if !hadElements { bytes.append(0x0A) }
        indent()
        bytes.append(bracket)
    }

    private mutating func startElement() {
        if hasElements[hasElements.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasElements[hasElements.count - 1] = true
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        for _ in 0..<hasElements.count { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for (index, byte) in text.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }
}
