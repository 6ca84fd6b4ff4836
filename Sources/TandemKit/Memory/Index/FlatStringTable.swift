/// Distinct strings in a `FlatImage`: their UTF-8 back to back, and an open-addressing hash
/// table (linear probing, at most half full) from `StableHash` of the bytes to the position.
/// Finding a string reads one slot run, one offset pair and its bytes: a few pages of a
/// mapped file. Three sections: offsets (`UInt64`, count + 1), bytes, slots (`UInt64`: the
/// hash's high 32 bits, then position + 1; 0 is empty).
struct FlatStringTable {
    static let sectionCount = 3

    private let offsets: UnsafeBufferPointer<UInt64>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let slots: UnsafeBufferPointer<UInt64>

    var count: Int { offsets.count - 1 }

    /// The table in sections `firstSection…` of `image`; nil when they are inconsistent.
    init?(image: FlatImage, firstSection: Int) {
        guard let offsets = image.section(firstSection, as: UInt64.self),
              let bytes = image.section(firstSection + 1, as: UInt8.self),
              let slots = image.section(firstSection + 2, as: UInt64.self),
              offsets.count >= 1, Int(offsets[offsets.count - 1]) == bytes.count,
              slots.count >= 2, slots.count & (slots.count - 1) == 0, slots.count >= 2 * (offsets.count - 1)
        else { return nil }
        self.offsets = offsets
        self.bytes = bytes
        self.slots = slots
    }

    /// Appends the table of `strings` (distinct) to `sink`.
    static func appendSections(of strings: [String], to sink: inout some FlatImageSink) {
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var bytes: [UInt8] = []
        var hashes: [Int64] = []
        hashes.reserveCapacity(strings.count)
        for string in strings {
            var string = string
            string.withUTF8 { utf8 in
                bytes.append(contentsOf: utf8)
                hashes.append(StableHash.of(utf8))
            }
            offsets.append(UInt64(bytes.count))
        }
        appendSections(offsets: offsets, bytes: bytes, hashes: hashes, to: &sink)
    }

    /// Appends the table of the distinct strings whose UTF-8 is `bytes[offsets[i]..<offsets[i + 1]]`,
    /// `hashes[i]` being `StableHash` of string `i`'s bytes (a caller that deduplicated them has it).
    static func appendSections(offsets: [UInt64], bytes: [UInt8], hashes: [Int64], to sink: inout some FlatImageSink) {
        precondition(offsets.count == hashes.count + 1, "one hash per string")
        var capacity = 2
        while capacity < hashes.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        slots.withUnsafeMutableBufferPointer { slots in
            for (position, hash) in hashes.enumerated() {
                var index = home(hash, mask: capacity - 1)
                while slots[index] != 0 { index = (index + 1) & (capacity - 1) }
                slots[index] = tag(hash) | UInt64(position + 1)
            }
        }
        sink.append(offsets)
        sink.append(bytes)
        sink.append(slots)
    }

    /// The position of `string`, if the table holds it.
    func position(of string: String) -> Int? {
        var string = string
        return string.withUTF8 { position(of: $0) }
    }

    func position(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = StableHash.of(utf8)
        let mask = slots.count - 1
        var index = Self.home(hash, mask: mask)
        // At most every slot once, even in a damaged table with no empty slot.
        for _ in 0..<slots.count {
            let slot = slots[index]
            if slot == 0 { return nil }
            let position = Int(slot & 0xFFFF_FFFF) - 1
            if slot & ~0xFFFF_FFFF == Self.tag(hash), position < count, let stored = bytes(at: position),
               stored.count == utf8.count, stored.elementsEqual(utf8) {
                return position
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The string at `position` (which must be below `count`).
    func string(at position: Int) -> String {
        String(decoding: bytes(at: position) ?? UnsafeBufferPointer(start: nil, count: 0), as: UTF8.self)
    }

    private func bytes(at position: Int) -> UnsafeBufferPointer<UInt8>? {
        let upper = Int(offsets[position + 1]), lower = Int(offsets[position])
        guard lower <= upper, upper <= bytes.count else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// FNV's low bits are weak; a multiplicative mix spreads the hash over the table.
    static func home(_ hash: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private static func tag(_ hash: Int64) -> UInt64 { UInt64(bitPattern: hash) & ~0xFFFF_FFFF }
}
