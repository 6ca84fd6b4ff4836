/// A trie over folded UTF-16 units in flat arrays: a dense table for the first unit and one
/// open-addressing hash table for every other edge, so a step is an array read or one probe.
struct TermTrie: Sendable {
    static let none: Int32 = -1

    /// Child of the root for each first unit, or `none`.
    private(set) var rootChildren = [Int32](repeating: TermTrie.none, count: 0x10000)
    /// Edge keys `(parent << 16 | unit) + 1` (0 = empty slot) and the child they lead to.
    private var edgeKeys: [UInt64]
    private var edgeChildren: [Int32]
    private var edgeMask: Int
    private var edgeCount = 0
    private(set) var nodeCount = 1

    init(expectedEdges: Int) {
        var capacity = 16
        while capacity < expectedEdges * 2 { capacity <<= 1 }
        edgeKeys = [UInt64](repeating: 0, count: capacity)
        edgeChildren = [Int32](repeating: TermTrie.none, count: capacity)
        edgeMask = capacity - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The node reached from `node` by `unit`, or `none`.
    @inline(__always)
    func child(_ node: Int32, _ unit: UInt16) -> Int32 {
        if node == 0 { return rootChildren[Int(unit)] }
        let key = (UInt64(UInt32(node)) << 16 | UInt64(unit)) &+ 1
        var slot = Self.slot(key, mask: edgeMask)
        return edgeKeys.withUnsafeBufferPointer { keys in
            while true {
                let stored = keys[slot]
                if stored == key { return edgeChildren[slot] }
                if stored == 0 { return TermTrie.none }
                slot = (slot + 1) & edgeMask
            }
        }
    }

    /// Inserts `key` and returns the node where it ends.
    mutating func insert(_ key: [UInt16]) -> Int32 {
        var node: Int32 = 0
        for unit in key {
            let next = child(node, unit)
            if next != TermTrie.none {
                node = next
                continue
            }
            let created = Int32(nodeCount)
            nodeCount += 1
            if node == 0 {
                rootChildren[Int(unit)] = created
            } else {
                if (edgeCount + 1) * 2 > edgeKeys.count { grow() }
                let edge = (UInt64(UInt32(node)) << 16 | UInt64(unit)) &+ 1
                var slot = Self.slot(edge, mask: edgeMask)
                while edgeKeys[slot] != 0 { slot = (slot + 1) & edgeMask }
                edgeKeys[slot] = edge
                edgeChildren[slot] = created
                edgeCount += 1
            }
            node = created
        }
        return node
    }

    private mutating func grow() {
        let oldKeys = edgeKeys
        let oldChildren = edgeChildren
        edgeKeys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        edgeChildren = [Int32](repeating: TermTrie.none, count: oldKeys.count * 2)
        edgeMask = edgeKeys.count - 1
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var slot = Self.slot(key, mask: edgeMask)
            while edgeKeys[slot] != 0 { slot = (slot + 1) & edgeMask }
            edgeKeys[slot] = key
            edgeChildren[slot] = oldChildren[index]
        }
    }
}
