/// Every suite `make bench` runs, in table order.
enum SuiteRegistry {
    static let all: [any BenchmarkSuite] = [
        SegmentationSuite(),
        GlossarySuite(),
        ExactMemorySuite(),
        FuzzyMemorySuite(units: "100k"),
        FuzzyMemorySuite(units: "1M"),
        TMXImportSuite(),
        ExtractSuite(),
    ]

    static func suite(named name: String) throws -> any BenchmarkSuite {
        guard let suite = all.first(where: { $0.name == name }) else { throw BenchmarkError.unknownSuite(name) }
        return suite
    }
}
