/// The attributes of a `<tu>` or `<tuv>` that Tandem reads, found in one pass over libxml2's
/// attribute list: a `String` is made only of the values kept.
struct TMXUnitAttributes {
    var tuid: String?
    var sourceLanguage: String?
    /// `xml:lang`, else TMX 1.1's `lang`.
    var language: String?
    var creationDate: String?
    var changeDate: String?
    private var changeID: String?
    private var creationID: String?
    private var legacyLanguage: String?

    init(_ attributes: LibXML2Attributes) {
        attributes.forEach { name, bytes in
            if name.is(prefix: "xml", local: "lang") {
                language = String(decoding: bytes, as: UTF8.self)
                return
            }
            guard name.prefix == nil else { return }
            let value = { String(decoding: bytes, as: UTF8.self) }
            if name.isUnprefixed("lang") { legacyLanguage = value() }
            else if name.isUnprefixed("tuid") { tuid = value() }
            else if name.isUnprefixed("srclang") { sourceLanguage = value() }
            else if name.isUnprefixed("changeid") { changeID = value() }
            else if name.isUnprefixed("creationid") { creationID = value() }
            else if name.isUnprefixed("creationdate") { creationDate = value() }
            else if name.isUnprefixed("changedate") { changeDate = value() }
        }
        if language == nil { language = legacyLanguage }
    }

    /// Who last changed the unit, else who created it.
    var creator: String? { changeID ?? creationID }
}
