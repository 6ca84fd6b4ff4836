import Foundation

extension Project {
    /// The post (or a human translation of one) at `url`, read as every command reads it: the
    /// front matter keys `tandem.yml` translates, its shortcode rules, and the site's
    /// `hardWraps`. One place, so that extract, build and align never cut a post differently.
    public func document(at url: URL) throws -> HugoDocument {
        try HugoDocument(
            bytes: TextFile.readBytes(url, limit: TextFile.postSizeLimit), path: projectPath(of: url),
            translatableKeys: configuration.translateKeys, shortcodeParameters: configuration.shortcodes,
            hardWraps: site?.hardWraps ?? false)
    }
}
