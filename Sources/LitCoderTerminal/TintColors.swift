/// The terminal colours of the dimensions' tints (`Style.tint`), in tint order: distinct from
/// the accent (yellow, alias highlights) where there are enough, and never red (warnings).
/// `Curses.start` makes colour pairs 4 … 9 of them; the cluster overlay writes them as SGR.
enum TintColors {
    /// ANSI colour numbers, which curses' `COLOR_*` constants are: cyan, magenta, green, blue,
    /// yellow, white; one per tint, as many as `Style.tintCount` (the tmux test of quotes checks
    /// two dimensions' colours on screen).
    static let ansi: [Int16] = [6, 5, 2, 4, 3, 7]

    /// The first colour pair of the tints (pairs 1 … 3 are accent, warning and success).
    static let firstPair: Int16 = 4

    /// As SGR foreground codes (30 + the colour).
    static var sgr: [Int] { ansi.map { 30 + Int($0) } }
}
