import TandemKit

/// What a command says, once, when another run holds the project lock it needs.
enum LockWaitNotice {
    static func say(_ holder: String) {
        Terminal.standardError.write("waiting for the project lock: \(holder)\n")
    }
}
