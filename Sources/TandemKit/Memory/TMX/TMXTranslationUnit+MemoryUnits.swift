import Foundation

extension TMXTranslationUnit {
    /// The memory units this `<tu>` gives: one per variant in another language than the source
    /// (the variant in `override`, else in `sourceLocale`), none when there is no source text
    /// or no translation. `path` is the origin when the file names none; `now` the creation
    /// time when it gives none. With `targetLocale`, a variant in a region or script of its
    /// language (`en-US`, `en-GB` for `en`) is stored as `targetLocale`: CAT tools write the
    /// regional tag, and a project translating into `en` would never have used those units.
    func memoryUnits(sourceLocale override: LocaleTag?, targetLocale: LocaleTag? = nil, path: String, now: Date) -> [MemoryUnit] {
        let source = (override ?? sourceLocale).flatMap { locale in variants.first { $0.locale == locale } }
        guard let source, !source.text.isEmpty else { return [] }
        // Most files have no <prop>: no lookups then (each hashes its key).
        let properties = self.properties.isEmpty ? nil : self.properties
        let state = properties?[TMXWriter.Property.state].flatMap(SegmentState.init(rawValue:)) ?? .translated
        var units: [MemoryUnit] = []
        for variant in variants where variant.locale != source.locale && !variant.text.isEmpty {
            var unit = MemoryUnit(
                sourceLocale: source.locale, targetLocale: Self.mapped(variant.locale, to: targetLocale), source: source.text, target: variant.text,
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

    /// `locale`, or `target` when that is given and `locale` is in its language.
    static func mapped(_ locale: LocaleTag, to target: LocaleTag?) -> LocaleTag {
        guard let target, locale.language == target.language else { return locale }
        return target
    }

    /// Why `memoryUnits` gives nothing for this `<tu>`, in words that add up across units.
    func skipReason(sourceLocale override: LocaleTag?) -> String {
        let locale = override ?? sourceLocale
        guard let source = locale.flatMap({ locale in variants.first { $0.locale == locale } }) else {
            return "no variant in the source language\(override.map { " \($0)" } ?? "")"
        }
        if source.text.isEmpty { return "an empty source" }
        return variants.contains { $0.locale != source.locale } ? "an empty translation" : "no translation (one language only)"
    }
}
