/// The TMX elements `TMXReader` acts on, told from libxml2's name bytes without making a
/// `String` (a 1M-unit file has about ten million elements).
enum TMXElement {
    case tmx, header, tu, tuv, seg, prop
    /// Inline codes, whose content is native code, not text.
    case bpt, ept, it, ph, ut
    /// Anything else (`body`, `note`, `hi`, `sub`, a prefixed name, an unknown element).
    case other

    init(_ name: LibXML2Name) {
        guard name.prefix == nil else {
            self = .other
            return
        }
        switch name.local[0] {
        case UInt8(ascii: "t"):
            if name.isUnprefixed("tu") { self = .tu }
            else if name.isUnprefixed("tuv") { self = .tuv }
            else if name.isUnprefixed("tmx") { self = .tmx }
            else { self = .other }
        case UInt8(ascii: "s"): self = name.isUnprefixed("seg") ? .seg : .other
        case UInt8(ascii: "h"): self = name.isUnprefixed("header") ? .header : .other
        case UInt8(ascii: "p"):
            if name.isUnprefixed("prop") { self = .prop }
            else if name.isUnprefixed("ph") { self = .ph }
            else { self = .other }
        case UInt8(ascii: "b"): self = name.isUnprefixed("bpt") ? .bpt : .other
        case UInt8(ascii: "e"): self = name.isUnprefixed("ept") ? .ept : .other
        case UInt8(ascii: "i"): self = name.isUnprefixed("it") ? .it : .other
        case UInt8(ascii: "u"): self = name.isUnprefixed("ut") ? .ut : .other
        default: self = .other
        }
    }

    /// An inline code: it ends the text run before it, and its content is skipped.
    var isCode: Bool {
        switch self {
        case .bpt, .ept, .it, .ph, .ut: return true
        default: return false
        }
    }
}
