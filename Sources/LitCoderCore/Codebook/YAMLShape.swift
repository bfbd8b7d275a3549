import CYaml

/// Checks the shape of a YAML text before Yams builds its tree: how deep it nests, and how
/// far its aliases multiply it.
///
/// Yams replaces every alias (`*name`) by a copy of the node its anchor (`&name`) marks, so ten
/// nested lists of ten aliases each (the YAML "billion laughs") become 10^10 nodes that every
/// later step walks; and nesting is limited only by the stack. A codebook needs neither: it
/// nests six levels deep, and an alias or two saves retyping a help text. So the events of the
/// text are read once first (libyaml's own parser, which Yams wraps), counting what the tree
/// would hold, and a text beyond the bounds is refused at the place that crosses them.
enum YAMLShape {
    /// The deepest nesting of lists and mappings accepted.
    static let largestDepth = 64
    /// Aliases may make the tree at most this many times the nodes written, plus `aliasAllowance`.
    static let expansionFactor = 10
    static let aliasAllowance = 1_000

    /// Why the text's shape is refused, located; nil when it is fine or is not YAML at all (Yams
    /// then reports the syntax error in its own words).
    static func problem(in text: String, file: String) -> Diagnostic? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser, file: file)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t, file: String) -> Diagnostic? {
        // The nodes each open list or mapping holds so far (itself included), and its anchor.
        var open: [(nodes: Int, anchor: String?)] = []
        var anchors: [String: Int] = [:]
        var written = 0
        var built = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's own limit (1,000 levels) can be met first: its scanner reads ahead
                // over a run of brackets. Said the same way; any other error is Yams' to word.
                guard let problem = parser.problem.map({ String(cString: $0) }), problem.hasPrefix("Maximum nesting level") else {
                    return nil
                }
                let mark = parser.problem_mark
                return Diagnostic(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                                  message: "YAML nested more than \(largestDepth) levels deep; litcoder stops there",
                                  hint: "a codebook nests about six levels: dimensions, codes, needs; check the brackets and indentation here")
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            func located(_ message: String, hint: String) -> Diagnostic {
                Diagnostic(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message, hint: hint)
            }
            var finished: (nodes: Int, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                written += 1
                built = saturatingSum(built, 1)
                finished = (1, name(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                written += 1
                let nodes = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                built = saturatingSum(built, nodes)
                let (times, overflow) = written.multipliedReportingOverflow(by: expansionFactor)
                if built > saturatingSum(overflow ? .max : times, aliasAllowance) {
                    return located(
                        "YAML aliases here make the file \(built) nodes where \(written) are written; litcoder refuses aliases that multiply a file more than \(expansionFactor) times",
                        hint: "write the repeated part out, or refer to it less often; each alias (*name) is a full copy of its anchor (&name)")
                }
                finished = (nodes, nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                written += 1
                built = saturatingSum(built, 1)
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                open.append((1, name(anchor)))
                if open.count > largestDepth {
                    return located("YAML nested more than \(largestDepth) levels deep; litcoder stops there",
                                   hint: "a codebook nests about six levels: dimensions, codes, needs; check the brackets and indentation here")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                finished = open.popLast()
            default:
                break
            }
            if let finished {
                if let anchor = finished.anchor { anchors[anchor] = finished.nodes }
                if !open.isEmpty { open[open.count - 1].nodes = saturatingSum(open[open.count - 1].nodes, finished.nodes) }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
