/// The figures of every analysed post for one target locale.
public struct LocaleStatistics: Equatable, Codable, Sendable {
    public var locale: LocaleTag
    /// In the order the posts were given (content order by default).
    public var posts: [PostStatistics]
    /// The sum over `posts`.
    public var total: PostStatistics

    public init(locale: LocaleTag, posts: [PostStatistics]) {
        self.locale = locale
        self.posts = posts
        var total = PostStatistics(post: "total")
        for post in posts { total.add(post) }
        self.total = total
    }
}
