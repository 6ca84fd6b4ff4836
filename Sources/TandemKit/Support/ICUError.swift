internal import CTandemICU

/// A failure reported by ICU, wrapping its `UErrorCode` (as swift-system wraps `errno`).
public struct ICUError: Error, Equatable, CustomStringConvertible {
    /// ICU's numeric `UErrorCode`; positive values are failures.
    public let code: Int32

    /// `U_BUFFER_OVERFLOW_ERROR`: the output buffer was too small.
    public static let bufferOverflow = ICUError(code: 15)

    public init(code: Int32) { self.code = code }

    /// ICU's own name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { String(cString: tandem_error_name(code)) }

    public var description: String { "ICU error \(name) (\(code))" }

    /// Throws when `code` is an ICU failure; warnings (negative codes) pass.
    static func check(_ code: Int32) throws {
        if code > 0 { throw ICUError(code: code) }
    }
}
