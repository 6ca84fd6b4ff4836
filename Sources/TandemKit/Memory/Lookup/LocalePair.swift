/// A memory's direction of translation: what its in-memory exact tables are kept per.
struct LocalePair: Hashable {
    var source: LocaleTag
    var target: LocaleTag
}
