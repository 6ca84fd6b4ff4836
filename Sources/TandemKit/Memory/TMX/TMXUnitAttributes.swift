/// The attributes of a `<tu>` or `<tuv>` that Tandem reads, found in one pass over the
/// dictionary `XMLParser` hands over: a lookup per name would hash each of them for every
/// element, and most elements carry one attribute or none.
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

    init(_ attributes: [String: String]) {
        for (name, value) in attributes {
            switch name {
            case "xml:lang": language = value
            case "lang": legacyLanguage = value
            case "tuid": tuid = value
            case "srclang": sourceLanguage = value
            case "changeid": changeID = value
            case "creationid": creationID = value
            case "creationdate": creationDate = value
            case "changedate": changeDate = value
            default: break
            }
        }
        if language == nil { language = legacyLanguage }
    }

    /// Who last changed the unit, else who created it.
    var creator: String? { changeID ?? creationID }
}
