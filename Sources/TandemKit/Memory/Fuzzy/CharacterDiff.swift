/// A character-level diff of two sources, to show a translator what differs from a stored one.
public enum CharacterDiff {
    /// One run of the diff.
    public enum Run: Equatable, Sendable {
        case same(String)
        /// In the stored source, not in the query.
        case removed(String)
        /// In the query, not in the stored source.
        case added(String)
    }

    /// The runs that turn `stored` into `query` (longest common subsequence of characters; a
    /// placeholder is one unit, so a diff never cuts `{12/}` into pieces).
    public static func runs(from stored: String, to query: String) -> [Run] {
        let a = units(of: stored)
        let b = units(of: query)
        // Sentences are short; a full table is fine and keeps the diff minimal.
        guard a.count * b.count <= 4_000_000 else { return [.removed(stored), .added(query)] }
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var runs: [Run] = []
        func push(_ run: Run) {
            switch (runs.last, run) {
            case (.same(let x)?, .same(let y)): runs[runs.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): runs[runs.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): runs[runs.count - 1] = .added(x + y)
            default: runs.append(run)
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                push(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                // Removed text first, then what replaces it, as diffs usually read.
                push(.removed(a[i]))
                i += 1
            } else {
                push(.added(b[j]))
                j += 1
            }
        }
        return runs
    }

    /// Characters of the text runs, and each placeholder whole.
    static func units(of text: String) -> [String] {
        CodedText(text).pieces.flatMap { piece -> [String] in
            switch piece {
            case .text(let run): return run.map(String.init)
            case .placeholder(let placeholder): return [placeholder.token]
            }
        }
    }

    /// Plain-text form: `[-removed-]{+added+}` around the changes (as `git diff --word-diff`).
    public static func plain(from stored: String, to query: String) -> String {
        runs(from: stored, to: query).map { run in
            switch run {
            case .same(let text): return text
            case .removed(let text): return "[-\(text)-]"
            case .added(let text): return "{+\(text)+}"
            }
        }.joined()
    }
}
