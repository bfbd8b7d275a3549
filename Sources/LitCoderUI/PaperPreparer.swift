import Dispatch
import Foundation
import LitCoderCore

/// Matches and wraps the papers ahead of the coder on a background thread, so that a held →
/// or Enter finds each paper already prepared.
///
/// The workbench stays a pure state machine: the run loop asks for papers with `request`,
/// and hands what is ready to the workbench with `Workbench.adopt(_:)` before each event.
/// A prepared paper depends only on the paper's text and the width, never on codings, so
/// one made in the background is the same as one made on the key.
final class PaperPreparer: @unchecked Sendable {
    private struct Work {
        /// Papers (index in the workbench's `papers`) still to prepare, nearest first.
        var wanted: [(index: Int, paper: Paper)] = []
        var width = 0
        var ready: [Int: PreparedPaper] = [:]
        var running = false
    }

    private let matcher: AliasMatcher
    /// Guarded by `lock` (not `Mutex`, which needs macOS 15).
    private var work = Work()
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "litcoder.prepare-papers", qos: .userInitiated)

    init(matcher: AliasMatcher) {
        self.matcher = matcher
    }

    /// Replaces what is wanted; papers already ready at this width are not redone.
    func request(_ papers: [(index: Int, paper: Paper)], width: Int) {
        let start = withWork { work -> Bool in
            if work.width != width { work.ready = [:] }
            work.width = width
            work.wanted = papers.filter { work.ready[$0.index] == nil }
            guard !work.wanted.isEmpty, !work.running else { return false }
            work.running = true
            return true
        }
        if start { queue.async { [self] in drain() } }
    }

    /// The papers prepared since the last call.
    func take() -> [Int: PreparedPaper] {
        withWork { work in
            let ready = work.ready
            work.ready = [:]
            return ready
        }
    }

    private func withWork<T>(_ body: (inout Work) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&work)
    }

    private func drain() {
        while let (index, paper, width) = withWork({ work -> (Int, Paper, Int)? in
            guard !work.wanted.isEmpty else {
                work.running = false
                return nil
            }
            let next = work.wanted.removeFirst()
            return (next.index, next.paper, work.width)
        }) {
            let prepared = PreparedPaper.make(paper, matcher: matcher, width: width)
            withWork { work in
                // A width that changed meanwhile makes this one useless.
                if work.width == width { work.ready[index] = prepared }
            }
        }
    }
}
