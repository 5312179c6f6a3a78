import Canvas
import Drawing
import Foundation
import Mermaid
import Testing

/// Git graphs (#22, in part): drawn as lanes, as `git log --graph` does.
struct GitGraphTests {
    static let source = """
    gitGraph
       commit id: "init"
       branch develop
       checkout develop
       commit id: "feat-a"
       checkout main
       merge develop tag: "v1.0"
       checkout nowhere
       cherry-pick id: "feat-a"
    """

    @Test func commitsBranchesMergesAndAWarningForABranchNeverMade() throws {
        let result = Mermaid.parse(Self.source)
        guard case .git(let g)? = result.diagram else { Issue.record("not a git graph"); return }
        #expect(g.branches == ["main", "develop"])
        #expect(g.events == [
            .commit(branch: "main", id: "init", tag: nil, type: nil, message: nil), .branch("develop", from: "main"), .checkout("develop"),
            .commit(branch: "develop", id: "feat-a", tag: nil, type: nil, message: nil), .checkout("main"),
            .merge(source: "develop", target: "main", id: nil, tag: "v1.0"),
            .cherryPick(branch: "main", id: "feat-a"),
        ])
        #expect(result.diagnostics.map(\.line) == [8], "checkout of a branch never made")
    }

    @Test func drawnAsLanes() throws {
        guard case .git(let g)? = Mermaid.parse(Self.source).diagram else { return }
        #expect(GitGraphRenderer(glyphs: Glyphs(ascii: false)).render(g, maxWidth: 40).map(\.text) == [
            "│    main",
            "●    init",
            "├─╮  develop",
            "│ ●  feat-a",
            "●─╯  3 [v1.0] ← develop",
            "● │  feat-a ⟲ cherry-pick",
        ])
        #expect(GitGraphRenderer(glyphs: Glyphs(ascii: true)).render(g, maxWidth: 40).map(\.text)[4] == "*-/  3 [v1.0] <- develop")
    }
}
