/// What makes two memory units the same unit (`TranslationMemory`'s unit identity, as both
/// backends compare it): locales, the source as written, the context keys and the target.
/// Adding a unit with a stored unit's identity refreshes that unit instead of adding one.
struct MemoryUnitIdentity: Hashable {
    var sourceLocale: LocaleTag
    var targetLocale: LocaleTag
    var source: String
    var previousKey: String
    var nextKey: String
    var target: String

    init(_ unit: MemoryUnit) {
        sourceLocale = unit.sourceLocale
        targetLocale = unit.targetLocale
        source = unit.source
        previousKey = unit.previousKey
        nextKey = unit.nextKey
        target = unit.target
    }
}
