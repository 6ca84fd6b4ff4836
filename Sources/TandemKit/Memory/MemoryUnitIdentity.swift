/// What makes two memory units the same unit (`TranslationMemory`'s unit identity, as both
/// backends compare it): locales, the source as written, the context keys and the target.
/// Adding a unit with a stored unit's identity refreshes that unit instead of adding one.
///
/// The texts are compared by their bytes (`UTF8Key`), as SQLite's and PostgreSQL's text
/// equality does. `String`'s own equality would also join canonically equivalent texts the
/// backends keep apart, and hashing it normalizes each one: recording a 5,000-post extract's
/// pending units spent 7 % of the run on that.
struct MemoryUnitIdentity: Hashable {
    var sourceLocale: LocaleTag
    var targetLocale: LocaleTag
    var source: UTF8Key
    var previousKey: UTF8Key
    var nextKey: UTF8Key
    var target: UTF8Key

    init(_ unit: MemoryUnit) {
        sourceLocale = unit.sourceLocale
        targetLocale = unit.targetLocale
        source = UTF8Key(unit.source)
        previousKey = UTF8Key(unit.previousKey)
        nextKey = UTF8Key(unit.nextKey)
        target = UTF8Key(unit.target)
    }
}
