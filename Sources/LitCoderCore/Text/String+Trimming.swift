import Foundation

/// Foundation's trimming, skipped where it would find nothing to trim.
///
/// On Linux `trimmingCharacters(in:)` copies the text into an NSString and back: thousands of
/// instructions a call, paid for every paper of the corpus and every name of the codebook at
/// each start, when almost none of them has white space at either end.
extension String {
    /// `trimmingCharacters(in: set)`: the text itself when neither its first nor its last
    /// scalar is in `set`, else Foundation's answer.
    func trimming(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              set.contains(first) || set.contains(last) else { return self }
        return trimmingCharacters(in: set)
    }

    /// Whether every scalar is in `set` (the empty text too): `trimmingCharacters(in: set).isEmpty`.
    func isMade(of set: CharacterSet) -> Bool {
        unicodeScalars.allSatisfy { set.contains($0) }
    }
}
