/// The `?` overlay: every key of a screen's table with what it does, over that screen.
public struct HelpOverlay {
    /// (keys, what they do) rows; the workbench's table unless given.
    public var rows: [(String, String)]
    /// The last row, for keys outside the table.
    public var footer: (String, String)

    public init() {
        rows = Keymap.bindings.map { ($0.keyLabel, $0.summary) }
        footer = ("In a prompt:", "letters are text; Enter accepts, Esc cancels, Ctrl-O opens $EDITOR")
    }

    public init(rows: [(String, String)], footer: (String, String)) {
        self.rows = rows
        self.footer = footer
    }

    public func render(in screen: Rect, into canvas: inout Canvas) {
        let box = screen.inset(dx: screen.width >= 70 ? 4 : 1, dy: screen.height >= 20 ? 2 : 0)
        guard box.width >= 10, box.height >= 3 else { return }
        canvas.fill(box)
        canvas.drawBorder(box, title: "Keys — Esc closes")
        let inside = box.inset(dx: 2, dy: 1)
        let keyWidth = min(16, inside.width / 3)
        let rows = self.rows + [("", ""), footer]
        var y = inside.y
        for (index, (keys, summary)) in rows.enumerated() {
            guard y < inside.maxY else { break }
            if y == inside.maxY - 1, index < rows.count - 1 {
                canvas.write("… \(rows.count - index) more: enlarge the window, or see docs/keys.md", in: inside.row(y - inside.y), style: .dim)
                break
            }
            let keyArea = Rect(x: inside.x, y: y, width: keyWidth, height: 1)
            canvas.write(keys, in: keyArea, style: .bold)
            let textArea = Rect(x: inside.x + keyWidth + 1, y: y, width: inside.width - keyWidth - 1, height: 1)
            canvas.write(summary, in: textArea)
            y += 1
        }
    }
}
