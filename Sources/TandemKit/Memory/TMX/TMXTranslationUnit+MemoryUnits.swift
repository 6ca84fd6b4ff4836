import Foundation

extension TMXTranslationUnit {
    /// The memory units this `<tu>` gives: one per variant in another language than the source
    /// (the variant in `override`, else in `sourceLocale`), none when there is no source text
    /// or no translation. `path` is the origin when the file names none; `now` the creation
    /// time when it gives none. With `targetLocale`, a variant in a region or script of its
    /// language (`en-US`, `en-GB` for `en`) is stored as `targetLocale`: CAT tools write the
    /// regional tag, and a project translating into `en` would never have used those units.
    func memoryUnits(sourceLocale override: LocaleTag?, targetLocale: LocaleTag? = nil, path: String, now: Date) -> [MemoryUnit] {
        guard let source = sourceVariant(override: override), !source.text.isEmpty else { return [] }
        let storedSource = override ?? source.locale
        // Most files have no <prop>: no lookups then (each hashes its key).
        let properties = self.properties.isEmpty ? nil : self.properties
        let state = properties?[TMXWriter.Property.state].flatMap(SegmentState.init(rawValue:)) ?? .translated
        var units: [MemoryUnit] = []
        for variant in variants where variant.locale != source.locale && !variant.text.isEmpty {
            var unit = MemoryUnit(
                sourceLocale: storedSource, targetLocale: Self.mapped(variant.locale, to: targetLocale), source: source.text, target: variant.text,
                originFile: properties?[TMXWriter.Property.originFile] ?? path,
                originSegment: properties?[TMXWriter.Property.originSegment] ?? tuid,
                creator: creator, created: created ?? changed ?? now, changed: changed, state: state)
            if let properties {
                unit.previousKey = properties[TMXWriter.Property.previousKey] ?? ""
                unit.nextKey = properties[TMXWriter.Property.nextKey] ?? ""
            }
            units.append(unit)
        }
        return units
    }

    /// The variant holding the source text: the one in `override` when given, else — as
    /// `--target-locale` maps `en-US` to `en` — the only variant in `override`'s language (a
    /// vendor's zh-TW file imported with `--source-locale zh-CN`, which the import's own advice
    /// names: it stored nothing); without `override`, the variant in the unit's `srclang`.
    func sourceVariant(override: LocaleTag?) -> Variant? {
        guard let override else { return sourceLocale.flatMap { locale in variants.first { $0.locale == locale } } }
        if let exact = variants.first(where: { $0.locale == override }) { return exact }
        let sameLanguage = variants.filter { $0.locale.language == override.language }
        return sameLanguage.count == 1 ? sameLanguage[0] : nil
    }

    /// `locale`, or `target` when that is given and `locale` is in its language.
    static func mapped(_ locale: LocaleTag, to target: LocaleTag?) -> LocaleTag {
        guard let target, locale.language == target.language else { return locale }
        return target
    }

    /// Why `memoryUnits` gives nothing for this `<tu>`, in words that add up across units.
    func skipReason(sourceLocale override: LocaleTag?) -> String {
        guard let source = sourceVariant(override: override) else {
            return "no variant in the source language\(override.map { " \($0)" } ?? "")"
        }
        if source.text.isEmpty { return "an empty source" }
        return variants.contains { $0.locale != source.locale } ? "an empty translation" : "no translation (one language only)"
    }
}
