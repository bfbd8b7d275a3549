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
        /// A paper shown from part of its text, whose whole text's suggestions are wanted.
        var suggestionsWanted: (index: Int, paper: Paper)?
        var suggestionsReady: [Int: [String: Set<String>]] = [:]
        /// The paper whose suggestions are being found, so it is not asked for twice.
        var suggesting: Int?
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

    /// Asks for the whole text's suggestions of a paper shown from part of its text.
    func requestSuggestions(for paper: (index: Int, paper: Paper)) {
        let start = withWork { work -> Bool in
            guard work.suggesting != paper.index, work.suggestionsReady[paper.index] == nil else { return false }
            work.suggestionsWanted = paper
            guard !work.running else { return false }
            work.running = true
            return true
        }
        if start { queue.async { [self] in drain() } }
    }

    /// The suggestions found since the last call, by paper.
    func takeSuggestions() -> [Int: [String: Set<String>]] {
        withWork { work in
            let ready = work.suggestionsReady
            work.suggestionsReady = [:]
            return ready
        }
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

    private enum Job {
        case suggestions(index: Int, paper: Paper)
        case prepare(index: Int, paper: Paper, width: Int)
    }

    /// Works until nothing is wanted; the paper on screen's suggestions first, since the coder
    /// is waiting for them.
    private func drain() {
        while let job = withWork({ work -> Job? in
            if let wanted = work.suggestionsWanted {
                work.suggestionsWanted = nil
                work.suggesting = wanted.index
                return .suggestions(index: wanted.index, paper: wanted.paper)
            }
            if !work.wanted.isEmpty {
                let next = work.wanted.removeFirst()
                return .prepare(index: next.index, paper: next.paper, width: work.width)
            }
            work.running = false
            return nil
        }) {
            switch job {
            case .suggestions(let index, let paper):
                let found = PreparedPaper.allSuggestions(paper, matcher: matcher)
                withWork { work in
                    work.suggestionsReady[index] = found
                    work.suggesting = nil
                }
            case .prepare(let index, let paper, let width):
                let prepared = PreparedPaper.make(paper, matcher: matcher, width: width)
                withWork { work in
                    // A width that changed meanwhile makes this one useless.
                    if work.width == width { work.ready[index] = prepared }
                }
            }
        }
    }
}
