import Canvas
import Synchronization

/// Drawings already made, by what they are drawn from: a slide is drawn again at every key
/// and every frame, and a scene's drawing reads its YAML, traces its flows and lays the
/// cluster out (0.4 s a key on the course's last lesson in a debug build). The drawing is a
/// function of its source, file position, width, glyphs and language: the same key, the same
/// lines. At most `capacity` drawings are kept (emptied when full: slides come back in order).
final class DrawingCache: Sendable {
    static let shared = DrawingCache()
    static let capacity = 256

    struct Key: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case scene, flowchart }
        var kind: Kind
        var source: String
        var file: String
        var line: Int
        var column: Int
        var width: Int
        var ascii: Bool
        var language: String
    }

    private let entries = Mutex<[Key: [StyledLine]]>([:])

    func lines(_ key: Key, make: () -> [StyledLine]) -> [StyledLine] {
        if let known = entries.withLock({ $0[key] }) { return known }
        let made = make()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }
}
