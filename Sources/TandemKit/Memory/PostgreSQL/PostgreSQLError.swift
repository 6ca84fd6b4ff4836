/// What libpq or the server reported: the message and, for a failed statement, its SQLSTATE
/// (`40P01` deadlock, `23505` unique violation, …), which decides whether a write is retried.
struct PostgreSQLError: Error, CustomStringConvertible {
    var message: String
    var sqlState: String?

    /// A deadlock or serialization failure: the transaction can run again and succeed.
    var isTransient: Bool { sqlState == "40P01" || sqlState == "40001" }

    var description: String { message }
}
