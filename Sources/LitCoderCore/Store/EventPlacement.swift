/// Whether an event belongs in the log it was read from: the one rule every reader of a log
/// applies, so that `validate`, `status`, the exports and the reports see the same codings.
///
/// A coder's log (`codings/CODER.jsonl`) holds that coder's own decisions: `coder` is the
/// log's owner, and never an `adjudicate`. The consensus log (`codings/_consensus.jsonl`)
/// holds only `adjudicate` decisions, whose `coder` is `_consensus` (the person who decided
/// is in `adjudicator`). litcoder writes every log so; a line that breaks the rule came from a
/// hand edit or a copy between logs, and is a malformed line: reported, kept in place, left
/// out of the codings.
public enum EventPlacement {
    /// What is wrong with `event` in the log of `owner` (`an 'adjudicate' event … in maya's
    /// log; …`), and what to do; nil when it belongs there.
    public static func problem(of event: CodingEvent, inLogOf owner: String) -> (message: String, hint: String)? {
        problem(op: event.op, coder: event.coder, inLogOf: owner)
    }

    /// What is wrong with an event of operation `op` by `coder` in the log of `owner`; nil when
    /// it belongs there.
    static func problem(op: CodingEvent.Operation, coder: String, inLogOf owner: String) -> (message: String, hint: String)? {
        if owner == CoderName.consensus {
            if op != .adjudicate {
                return ("a '\(op.rawValue)' event (coder '\(coder)') in the consensus log, which holds only 'adjudicate' decisions",
                        "a coder's decision belongs in that coder's log (codings/CODER.jsonl, made with 'litcoder set' or 'litcoder code'), a consensus decision is made with 'litcoder review'; remove the line, or move it where it belongs")
            }
            if coder != CoderName.consensus {
                return ("an 'adjudicate' event whose coder is '\(coder)', not '\(CoderName.consensus)', the consensus log's owner",
                        "if it is a consensus decision, correct its coder to \"\(CoderName.consensus)\" (the person who decided goes in \"adjudicator\"); otherwise remove the line")
            }
            return nil
        }
        if op == .adjudicate {
            return ("an 'adjudicate' event (a consensus decision) in \(owner)'s log; consensus decisions belong in codings/\(CoderName.consensus).jsonl",
                    "make the decision with 'litcoder review' (or move the line to codings/\(CoderName.consensus).jsonl), and remove it here")
        }
        if coder != owner {
            return ("an event of coder '\(coder)' in \(owner)'s log, which holds only \(owner)'s events (coder \"\(owner)\")",
                    "if it is \(coder)'s decision, make it in \(coder)'s log ('litcoder set … --coder \(coder)') and remove the line; if it is \(owner)'s, correct its coder to \"\(owner)\"")
        }
        return nil
    }
}
