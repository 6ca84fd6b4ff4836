import TandemKit

/// What a translator asks for on a segment's screen.
enum TranslatorCommand: Equatable {
    /// Save memory candidate N (1-based) as the target.
    case accept(Int)
    /// Edit the target; the text when it came with the command (line mode `e TEXT`).
    case edit(String?)
    /// Start from the source (a name, a code sample that stays as it is).
    case copySource
    case skip, back, review, quit
    /// Append a note; its text when it came with the command.
    case note(String?)
    /// Jump to the next segment whose source or target holds the text.
    case search(String?)
    /// Anything else, as typed (shown back with the keys).
    case unknown(String)
}

/// How a target that failed its check goes on.
enum CheckResolution: Equatable {
    /// Save it anyway (only offered for glossary and number findings).
    case save
    /// Save this text instead (checked again).
    case revise(String)
    /// Leave the segment as it was.
    case cancel
}

/// The two faces of `tandem translate`: a full-screen terminal, or plain lines when standard
/// input or output is not a terminal (scripts, tests, a dumb terminal).
protocol TranslatorInterface {
    /// Shows `screen` and reads what to do.
    func command(on screen: SegmentScreen) -> TranslatorCommand
    /// Reads a line of text (a target, a note, a search) starting from `initial`; nil when
    /// cancelled. `immediate`: take `initial` as it is where no editing is possible. `history`:
    /// earlier entries, browsed with Up and Down.
    func edit(_ label: String, initial: String, on screen: SegmentScreen, immediate: Bool, history: [String]) -> String?
    /// Shows a failed check (its messages are in `screen`) and asks how to go on.
    func resolve(_ check: TargetCheck, text: String, on screen: SegmentScreen) -> CheckResolution
    /// The pass ended: says so.
    func finish(_ summary: String)
}
