extension HugoSiteConfiguration {
    /// A root setting found inside a table, where Hugo does not read it.
    public struct MisplacedSetting: Equatable, Sendable {
        /// The configuration file, relative to the site root.
        public var file: String
        /// The table that holds it, lower-cased as Hugo reads keys (`pagination`).
        public var table: String
        /// Its value as written.
        public var value: String
    }
}
