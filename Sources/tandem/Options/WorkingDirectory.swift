import Foundation

/// The directory the command runs in: where relative paths start and the project is looked
/// for. Read here only; the library is always handed it.
enum WorkingDirectory {
    static var url: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
}
