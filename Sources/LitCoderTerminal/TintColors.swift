/// The terminal colours of the dimensions' tints (`Style.tint`), in tint order: distinct from
/// the accent (yellow, alias highlights) where there are enough, and never red (warnings).
/// `Curses.start` sets up colour pairs 4 … 9 with the same colours, in the same order.
enum TintColors {
    /// As SGR foreground codes: cyan, magenta, green, blue, yellow, white.
    static let sgr: [Int] = [36, 35, 32, 34, 33, 37]
}
