/// One key press, decoded from what a terminal sends.
enum Key: Equatable {
    case character(Character)
    case enter, escape, backspace, delete, tab
    case left, right, up, down, home, end
    /// Ctrl and a letter (`control("t")` is Ctrl-T).
    case control(Character)
    /// Standard input ended.
    case endOfInput
    /// The terminal was resized (SIGWINCH): not a key, a reason to lay the screen out again.
    case resize
}
