import Foundation

/// `.build/test-artifacts/`: files a test keeps for a person to look at (a screenshot), next to
/// the build products and ignored by git like them.
public enum TestArtifacts {
    public static var directory: URL {
        var directory = ExecutableRunner.productsDirectory
        while directory.lastPathComponent != ".build", directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        if directory.path == "/" { directory = FileManager.default.temporaryDirectory }
        let artifacts = directory.appendingPathComponent("test-artifacts")
        try? FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        return artifacts
    }
}
