/// A suite as `tandem-bench list` describes it to the driver.
struct SuiteDescription: Codable {
    var name: String
    var title: String
    var unit: String
    var baseline: String
    var targets: [Target]
    var participants: [PeerCommand]
}
