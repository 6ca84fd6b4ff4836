/// Which front matter keys are translated; every other key is never touched.
public enum FrontMatterPolicy {
    /// The keys translated unless `tandem.yml` says otherwise: Hugo's own (`linkTitle` names a
    /// page in menus, and so does a menu entry's `name`, under `menu` or `menus`; a page
    /// resource's `title` is what galleries and download lists show) and what themes commonly
    /// show under the title (`subtitle`, `excerpt`; theme example sites left them Chinese on
    /// English pages).
    public static let defaultKeys = [
        "title", "linkTitle", "subtitle", "summary", "description", "lead", "excerpt", "menu.*.name", "menus.*.name",
        "resources.*.title",
    ]
    /// Keys that name the language of a file: set to the target locale in a translation.
    public static let languageKeys = ["lang", "language", "languageCode"]
    /// The list of locales a post is published in.
    public static let translationsKey = "translations"
}
