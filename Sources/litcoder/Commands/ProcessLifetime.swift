/// Large values a command leaves to the end of the process instead of freeing them.
///
/// Freeing an import's 50,000 papers one string at a time takes 80 ms, longer than the corpus
/// write, and the process exits right after, when the system takes all its memory back at
/// once; the reading commands keep their workspace (100,000 papers and the coders' states)
/// the same way. (Clang's `-disable-free` does the same for a compilation.) Only for values built once
/// per command run; nothing long-running may use it.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keepUntilExit(_ value: Any) { kept.append(value) }
}
