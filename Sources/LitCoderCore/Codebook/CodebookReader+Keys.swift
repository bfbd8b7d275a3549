import Yams

/// Finding a key's value in a mapping of the codebook.
extension CodebookReader {
    /// The value of `key` in `map`, the last one when the key is repeated: `map[key]`, which
    /// compares a new plain-scalar node for `key` with each key of the mapping. Equal text is
    /// then settled by the two nodes' resolved tags, and Yams resolves a plain scalar's tag by
    /// running up to seven regular expressions over it (a fifth of loading the codebook), then
    /// keeps it in the node's tag. Reusing one node per key name resolves each name once.
    func lookup(_ map: Node.Mapping, _ key: String) -> Node? {
        map[keyProbes.node(for: key)]
    }

    /// One plain-scalar node per key name, tagged as `Node.Mapping`'s string subscript tags
    /// the ones it makes (codebooks are composed with Yams's default resolver).
    final class KeyProbes {
        private var nodes: [String: Node] = [:]

        func node(for key: String) -> Node {
            if let node = nodes[key] { return node }
            let node = Node(key, Tag(.implicit))
            nodes[key] = node
            return node
        }
    }
}
