/// What the bytes from a terminal's keyboard amount to, as `KeyParser` reads them.
public enum InputEvent: Hashable, Sendable {
    /// One key, possibly `.unknown` (a sequence dropped whole) or `.modified` (Alt-3, Ctrl-F5).
    case key(Key)
    /// Text the user pasted while bracketed paste was on: data, never keys.
    case paste(String)
    /// A mouse report: litcoder does not ask for them, but a program run before it may have
    /// left the terminal sending them.
    case mouse(MouseReport)
}

/// A mouse button, wheel or motion report (X10 `CSI M b x y`, SGR `CSI < b;x;y M`, urxvt
/// `CSI b;x;y M`).
public struct MouseReport: Hashable, Sendable, CustomStringConvertible {
    /// The button code as sent, without the 32 offset X10 adds: 0–2 buttons, 64/65 wheel.
    public var button: Int
    /// Column and row, 1-based as terminals count.
    public var column: Int
    public var row: Int
    /// False for a release.
    public var isPress: Bool

    public init(button: Int, column: Int, row: Int, isPress: Bool) {
        self.button = button
        self.column = column
        self.row = row
        self.isPress = isPress
    }

    public var description: String {
        let base = button & ~(4 | 8 | 16 | 32)
        let what: String
        switch base {
        case 64: what = "wheel up"
        case 65: what = "wheel down"
        case 0, 1, 2: what = isPress ? "click" : "button release"
        case 3: what = "button release"
        default: what = "report"
        }
        return "mouse \(what) at column \(column), row \(row)"
    }
}
