/// Which front matter keys are translated; every other key is never touched.
public enum FrontMatterPolicy {
    /// The keys translated unless `tandem.yml` says otherwise.
    public static let defaultKeys = ["title", "summary", "description", "lead"]
    /// Keys that name the language of a file: set to the target locale in a translation.
    public static let languageKeys = ["lang", "language", "languageCode"]
    /// The list of locales a post is published in.
    public static let translationsKey = "translations"
}
