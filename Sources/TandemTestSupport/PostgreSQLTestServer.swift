import CLibPQ
import Foundation

/// The PostgreSQL server the tests of the shared memory use: the one `TANDEM_TEST_POSTGRES_URL`
/// names (`make test` starts a throw-away server and sets it, see `.ci/with-test-postgres`).
/// Each test works in a schema of its own (`makeSchema()`); without a server they skip, saying
/// how to get one.
public enum PostgreSQLTestServer {
    public static let environmentVariable = "TANDEM_TEST_POSTGRES_URL"

    /// The server's URL (a superuser, or a role that may create schemas), when one is set.
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty else { return nil }
        return url
    }

    public static var isAvailable: Bool { url != nil }

    public static let absentMessage = """
        no PostgreSQL server for the tests of the shared memory: \(environmentVariable) is not set. \
        `make test` starts a throw-away one (as root, or as a user when Debian's postgresql is installed); \
        or run `.ci/with-test-postgres swift test`, or set \(environmentVariable)=postgresql://user@host/database
        """

    /// A new, empty schema on the server, for one test.
    public static func makeSchema() throws -> PostgreSQLTestSchema {
        guard let url else { throw PostgreSQLTestSchema.Failure(message: absentMessage) }
        return try PostgreSQLTestSchema(serverURL: url)
    }
}
