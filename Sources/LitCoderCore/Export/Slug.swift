import Foundation

/// Turns a human name into an id: lower-case ASCII letters and digits joined by `-`.
///
/// Accents are folded first (`Émotion` → `emotion`) so names in other languages still give
/// readable ids.
enum Slug {
    static func make(_ name: String, fallback: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? fallback : slug
    }
}
