import Foundation

/// Turns the LaTeX in a BibTeX value into plain Unicode text, collapsing whitespace.
///
/// `{\"o}` and `\"{o}` → ö, `\c{c}` → ç, `{\ss}` → ß, `\&` → &, `--` → –, `~` → space;
/// protective braces and math `$` are dropped; formatting commands (`\emph{x}`) keep their
/// argument; an unknown command is kept as its name without the backslash
/// (`{\BibTeX}ing` → `BibTeXing`), so nothing a reader needs silently disappears.
public struct LaTeXDecoder {
    private var out: [UInt8] = []
    private var pendingSpace = false
    private var composed = false

    /// The decoded, whitespace-collapsed text of `bytes`; nil when nothing is left.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if isPlain(bytes) {
            // Most values (abstracts above all) hold no LaTeX and no stray whitespace: no copy needed.
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        var decoder = LaTeXDecoder()
        decoder.out.reserveCapacity(bytes.count)
        decoder.run(bytes)
        guard !decoder.out.isEmpty else { return nil }
        let text = String(decoding: decoder.out, as: UTF8.self)
        // Accents are written as base letter + combining mark; NFC makes `ö` one character again.
        return decoder.composed ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `decode(_:)` for a string (tests, CSV and JSON values that carry LaTeX).
    public static func decode(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Whether a byte may need decoding: whitespace, `~`, `{`, `}`, `$`, `\\`, `-` or the
    /// first byte of a no-break space. Two bit masks, so the test costs a shift, not a lookup.
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        let below64: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x24 | 1 << 0x2D
        let below128: UInt64 = 1 << (0x5C - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64) | 1 << (0x7E - 64)
        if b < 64 { return below64 >> b & 1 != 0 }
        if b < 128 { return below128 >> (b - 64) & 1 != 0 }
        return b == 0xC2
    }

    /// True when the bytes are already plain collapsed text, with no LaTeX to decode.
    ///
    /// Eight bytes at a time: a word of printable ASCII without `$` and `\\` can only fail by
    /// a doubled space or hyphen, which exact masks show; other words go byte by byte.
    private static func isPlain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = p.first, let last = p.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        let n = p.count
        var previous: UInt8 = 0
        var i = 0
        while i + 8 <= n {
            let word = ByteWords.load(p, at: i)
            if !ByteWords.containsByte(below: 0x0E, word), !ByteWords.containsByte(above: 0x7A, word),
               !ByteWords.contains(word, 0x24), !ByteWords.contains(word, 0x5C) {
                let spaces = ByteWords.positions(of: 0x20, in: word)
                let hyphens = ByteWords.positions(of: 0x2D, in: word)
                if spaces & (spaces << 8) != 0 || hyphens & (hyphens << 8) != 0 { return false }
                if (previous == 0x20 && spaces & 0x80 != 0) || (previous == 0x2D && hyphens & 0x80 != 0) { return false }
                previous = UInt8(truncatingIfNeeded: word >> 56)
                i += 8
                continue
            }
            for k in i..<(i + 8) {
                guard isPlainByte(p[k], after: previous) else { return false }
                previous = p[k]
            }
            i += 8
        }
        while i < n {
            guard isPlainByte(p[i], after: previous) else { return false }
            previous = p[i]
            i += 1
        }
        return true
    }

    /// Whether `b`, following `previous`, leaves the text plain: not special, or a single space or hyphen.
    @inline(__always)
    private static func isPlainByte(_ b: UInt8, after previous: UInt8) -> Bool {
        guard isSpecial(b) else { return true }
        switch b {
        case 0x20: return previous != 0x20
        case 0x2D: return previous != 0x2D
        default: return false
        }
    }

    private mutating func emit(_ b: UInt8) {
        if pendingSpace, !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(b)
    }

    private mutating func emit(_ s: String) {
        guard !s.isEmpty else { return }
        if pendingSpace, !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(contentsOf: s.utf8)
    }

    private mutating func run(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x7E:  // whitespace and `~` (a no-break space)
                pendingSpace = true
                i += 1
            case 0xC2 where i + 1 < n && p[i + 1] == 0xA0:
                pendingSpace = true
                i += 2
            case 0x7B, 0x7D, 0x24:  // `{`, `}`, `$`
                i += 1
            case 0x2D where i + 1 < n && p[i + 1] == 0x2D:  // `--` en dash, `---` em dash
                if i + 2 < n && p[i + 2] == 0x2D {
                    emit("\u{2014}")
                    i += 3
                } else {
                    emit("\u{2013}")
                    i += 2
                }
            case 0x5C:
                i = command(p, at: i)
            default:
                // Copy the run of ordinary bytes in one go.
                var end = i + 1
                while end < n, !Self.isSpecial(p[end]) { end += 1 }
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<end]))
                i = end
            }
        }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Handles the command whose backslash is at `start`; returns where reading goes on.
    private mutating func command(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        let n = p.count
        guard start + 1 < n else { return n }
        let c = p[start + 1]
        if let mark = Self.symbolAccents[c] {
            return accent(mark, p, argumentAt: start + 2)
        }
        guard Self.isLetter(c) else {
            switch c {
            case 0x20, 0x5C, 0x2C, 0x3B, 0x3A, 0x21, 0x0A, 0x09: pendingSpace = true  // `\ `, `\\`, `\,` …
            case 0x2D, 0x2F, 0x40: break  // `\-` hyphenation hint, `\/` italic correction, `\@`
            default: emit(c)  // `\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`
            }
            return start + 2
        }
        var end = start + 1
        while end < n, Self.isLetter(p[end]) { end += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[(start + 1)..<end]), as: UTF8.self)
        var next = end
        // TeX ignores the spaces after a control word.
        while next < n, p[next] == 0x20 || p[next] == 0x09 || p[next] == 0x0A { next += 1 }
        if name.utf8.count == 1, let mark = Self.letterAccents[c], next < n, p[next] != 0x7D {
            return accent(mark, p, argumentAt: next)
        }
        if let symbol = Self.symbols[name] {
            emit(symbol)
            return next
        }
        if Self.formatting.contains(name) { return next }
        if name == "noopsort" { return skipGroup(p, at: next) }
        emit(name)
        return end
    }

    /// Emits the accent's argument (a letter, `{x}`, `\i`, `{\i}`) with the combining mark after it.
    private mutating func accent(_ mark: String, _ p: UnsafeBufferPointer<UInt8>, argumentAt start: Int) -> Int {
        let n = p.count
        var i = start
        while i < n, p[i] == 0x20 { i += 1 }
        if i < n, p[i] == 0x7B { i += 1 }
        while i < n, p[i] == 0x20 { i += 1 }
        guard i < n, p[i] != 0x7D else {
            // `\'{}` has no letter to accent; the mark alone says what was written.
            emit(mark)
            return i
        }
        if p[i] == 0x5C, i + 1 < n, p[i + 1] == 0x69 || p[i + 1] == 0x6A,
           i + 2 >= n || !Self.isLetter(p[i + 2]) {
            emit(p[i + 1])  // dotless i / j take the accent as plain i / j
            i += 2
        } else if p[i] < 0x80, let precomposed = Self.precomposed[mark]?[p[i]] {
            // The common case (an accented Latin letter) needs no Unicode normalisation pass.
            emit(precomposed)
            return i + 1
        } else {
            var length = 1
            if p[i] >= 0xF0 { length = 4 } else if p[i] >= 0xE0 { length = 3 } else if p[i] >= 0xC0 { length = 2 }
            for k in 0..<length where i + k < n { emit(p[i + k]) }
            i += length
        }
        out.append(contentsOf: mark.utf8)
        composed = true
        return i
    }

    /// Each combining mark with the ASCII letters it composes with into one character
    /// (`e` + U+0301 → `é`), worked out once from Unicode's own composition.
    private static let precomposed: [String: [UInt8: String]] = {
        var table: [String: [UInt8: String]] = [:]
        for mark in Set(symbolAccents.values).union(letterAccents.values) {
            var letters: [UInt8: String] = [:]
            for letter in Array(0x41...0x5A) + Array(0x61...0x7A) {
                let composed = (String(UnicodeScalar(UInt8(letter))) + mark).precomposedStringWithCanonicalMapping
                if composed.unicodeScalars.count == 1 { letters[UInt8(letter)] = composed }
            }
            table[mark] = letters
        }
        return table
    }()

    private func skipGroup(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        guard start < p.count, p[start] == 0x7B else { return start }
        var depth = 0
        var i = start
        while i < p.count {
            if p[i] == 0x7B { depth += 1 } else if p[i] == 0x7D {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return p.count
    }

    /// Accents written with a symbol: `\'e`, `\"o`, `\^a`, … as combining marks.
    private static let symbolAccents: [UInt8: String] = [
        0x27: "\u{0301}", 0x60: "\u{0300}", 0x5E: "\u{0302}", 0x22: "\u{0308}",
        0x7E: "\u{0303}", 0x3D: "\u{0304}", 0x2E: "\u{0307}",
    ]

    /// Accents written with a letter: `\c{c}`, `\v{s}`, `\u{a}`, `\H{o}`, `\k{a}`, `\r{a}`, …
    private static let letterAccents: [UInt8: String] = [
        0x63: "\u{0327}", 0x76: "\u{030C}", 0x75: "\u{0306}", 0x48: "\u{030B}", 0x6B: "\u{0328}",
        0x72: "\u{030A}", 0x64: "\u{0323}", 0x62: "\u{0331}", 0x74: "\u{0361}",
    ]

    /// Commands that only format their argument: dropped, the argument kept.
    private static let formatting: Set<String> = [
        "emph", "textit", "textbf", "textsc", "textrm", "texttt", "textsf", "textup", "textsl", "textnormal",
        "textmd", "text", "mathrm", "mathbf", "mathit", "mathcal", "mathsf", "mathtt", "mathbb", "mathnormal",
        "mbox", "hbox", "url", "uppercase", "lowercase", "MakeUppercase", "MakeLowercase", "ensuremath",
        "em", "it", "bf", "sc", "rm", "tt", "sf", "sl", "up", "small", "footnotesize", "scriptsize", "tiny",
        "large", "Large", "LARGE", "huge", "Huge", "normalsize", "relax", "protect", "boldmath", "unboldmath",
        "nocase", "NoCaseChange", "bibinfo", "bibnamefont", "bibfnamefont", "citenamefont", "href",
        "left", "right", "displaystyle", "textstyle", "xspace", "ignorespaces", "null", "hspace", "vspace",
    ]

    /// Named characters: letters that are not accented Latin ones, punctuation, and the math
    /// symbols that turn up in titles.
    private static let symbols: [String: String] = [
        "ss": "ß", "SS": "SS", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł",
        "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
        "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
        "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
        "textquotedblleft": "“", "textquotedblright": "”", "textquotedbl": "\"", "textquotesingle": "'",
        "guillemotleft": "«", "guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›",
        "ldots": "…", "dots": "…", "textellipsis": "…", "cdots": "⋯", "textbullet": "•", "textperiodcentered": "·",
        "textregistered": "®", "textcopyright": "©", "copyright": "©", "texttrademark": "™",
        "textdegree": "°", "degree": "°", "S": "§", "P": "¶", "pounds": "£", "textsterling": "£",
        "euro": "€", "texteuro": "€", "textyen": "¥", "textcent": "¢", "textdollar": "$",
        "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "textbar": "|",
        "textless": "<", "textgreater": ">", "textunderscore": "_", "textexclamdown": "¡",
        "textquestiondown": "¿", "textordfeminine": "ª", "textordmasculine": "º", "textmu": "µ",
        "textdagger": "†", "dag": "†", "ddag": "‡", "textsection": "§", "textparagraph": "¶",
        "LaTeX": "LaTeX", "TeX": "TeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX",
        "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "space": " ", "newline": " ", "par": " ",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
        "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω",
        "times": "×", "div": "÷", "pm": "±", "mp": "∓", "cdot": "·", "leq": "≤", "le": "≤",
        "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
        "equiv": "≡", "propto": "∝", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑",
        "prod": "∏", "int": "∫", "sqrt": "√", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
        "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "neg": "¬", "wedge": "∧", "vee": "∨",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
        "leftrightarrow": "↔", "Leftrightarrow": "⇔", "uparrow": "↑", "downarrow": "↓",
        "circ": "∘", "bullet": "•", "star": "⋆", "ast": "∗", "prime": "′", "ell": "ℓ", "hbar": "ℏ",
        "langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}", "vert": "|", "mid": "|",
        "colon": ":", "lvert": "|", "rvert": "|", "emptyset": "∅", "deg": "°",
    ]
}
