import Foundation

extension ExecutableRunner {
    /// CPU time and peak memory of one run, as `/usr/bin/time` measures them.
    public struct Resources: Sendable {
        /// User plus system CPU seconds.
        public var cpuSeconds: Double
        /// Peak resident memory in kilobytes.
        public var peakKilobytes: Double
    }

    /// Runs `tandem` as `run` does, under `/usr/bin/time` when the machine has it, and returns its
    /// CPU time and peak memory with the result. Hostile-input tests check these rather than
    /// wall-clock time: the machines are noisy.
    ///
    /// `nil` without the tool, and in a sanitized build (`make test-sanitize` sets
    /// `TANDEM_TEST_SANITIZER`): AddressSanitizer triples memory and slows every access, so the
    /// numbers would say nothing about Tandem.
    public static func runMeasuringResources(_ arguments: [String], in directory: URL) throws -> (Result, Resources?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time"),
              ProcessInfo.processInfo.environment["TANDEM_TEST_SANITIZER"] == nil
        else {
            return (try run(arguments, in: directory), nil)
        }
        let result = try run(arguments, in: directory, wrappedIn: ["/usr/bin/time", "-f", "tandem-resources %U %S %M"])
        guard let line = result.standardError.split(separator: "\n").last(where: { $0.hasPrefix("tandem-resources") }) else {
            return (result, nil)
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count == 3 else { return (result, nil) }
        return (result, Resources(cpuSeconds: fields[0] + fields[1], peakKilobytes: fields[2]))
    }
}
