/// Writes TBX-Basic (TBX v3, DCA style, namespace `urn:iso:std:iso:30042:ed-2`).
///
/// One `conceptEntry` per glossary entry; forbidden variants are target terms with
/// `administrativeStatus` `deprecatedTerm-admn-sts`. TBX-Basic has no data category for
/// Tandem's case flag, so it is not written; a `keep` entry is written as a target equal to
/// its source, which is how the reader recognizes it. Match contexts (`notPrecededBy`,
/// `notFollowedBy`) are Tandem's own term notes on the source term, one element per item.
enum TBXGlossaryWriter {
    static func write(_ glossary: Glossary) -> String {
        let source = glossary.sourceLocale?.identifier ?? "und"
        let target = glossary.targetLocale?.identifier ?? "und"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="\(XMLEscaping.attribute(source))" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc><p>Written by tandem glossary convert</p></sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for (index, entry) in glossary.entries.enumerated() {
            out += "      <conceptEntry id=\"c\(index + 1)\">\n"
            if let note = entry.note { out += "        <descrip type=\"definition\">\(XMLEscaping.text(note))</descrip>\n" }
            if let comment = entry.comment { out += "        <note>\(XMLEscaping.text(comment))</note>\n" }
            out += "        <langSec xml:lang=\"\(XMLEscaping.attribute(source))\">\n"
            out += termSec(entry.source, status: nil, partOfSpeech: entry.partOfSpeech, contexts: [
                ("notPrecededBy", entry.notPrecededBy), ("notFollowedBy", entry.notFollowedBy),
            ])
            out += "        </langSec>\n"
            out += "        <langSec xml:lang=\"\(XMLEscaping.attribute(target))\">\n"
            switch entry.kind {
            case .term: out += termSec(entry.target, status: "preferredTerm-admn-sts", partOfSpeech: entry.partOfSpeech)
            case .keep: out += termSec(entry.source, status: "preferredTerm-admn-sts", partOfSpeech: entry.partOfSpeech)
            case .forbidden: out += termSec(entry.target, status: "deprecatedTerm-admn-sts", partOfSpeech: nil)
            case .admitted: out += termSec(entry.target, status: "admittedTerm-admn-sts", partOfSpeech: entry.partOfSpeech)
            }
            for variant in entry.forbiddenVariants {
                out += termSec(variant, status: "deprecatedTerm-admn-sts", partOfSpeech: nil)
            }
            out += "        </langSec>\n"
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    static func termSec(_ term: String, status: String?, partOfSpeech: String?, contexts: [(type: String, items: [String])] = []) -> String {
        var out = "          <termSec>\n            <term>\(XMLEscaping.text(term))</term>\n"
        if let partOfSpeech { out += "            <termNote type=\"partOfSpeech\">\(XMLEscaping.text(partOfSpeech))</termNote>\n" }
        for (type, items) in contexts {
            for item in items { out += "            <termNote type=\"\(type)\">\(XMLEscaping.text(item))</termNote>\n" }
        }
        if let status { out += "            <termNote type=\"administrativeStatus\">\(status)</termNote>\n" }
        out += "          </termSec>\n"
        return out
    }
}
