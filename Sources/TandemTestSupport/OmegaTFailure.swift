/// OmegaT ran but did not do what a test asked of it.
public struct OmegaTFailure: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
