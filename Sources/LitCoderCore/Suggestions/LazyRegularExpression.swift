import Foundation

/// A regular expression compiled the first time it is used, then kept.
///
/// A codebook has hundreds of aliases and compiling one costs about a millisecond, while a
/// typical abstract needs only a dozen of them; compiling on first use keeps the workbench's
/// start instant. Safe to share between threads (`litcoder suggest` matches in parallel).
final class LazyRegularExpression: @unchecked Sendable {
    let pattern: String
    private let lock = NSLock()
    private var state: State = .notCompiled

    private enum State {
        case notCompiled
        case compiled(NSRegularExpression)
        case invalid
    }

    init(pattern: String) { self.pattern = pattern }

    /// The compiled expression, or nil when the pattern is not a valid one.
    var expression: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .compiled(let regex):
            return regex
        case .invalid:
            return nil
        case .notCompiled:
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                state = .invalid
                return nil
            }
            state = .compiled(regex)
            return regex
        }
    }
}
