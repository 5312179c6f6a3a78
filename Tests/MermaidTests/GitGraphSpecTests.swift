import Testing
@testable import Mermaid

/// packages/mermaid/src/diagrams/git/gitGraph.spec.ts, test by test.
struct GitGraphSpecTests {
    static func commits(_ s: String) -> [[String: Any]] { Spec.json(s)[list: "commits"] }
    static func branches(_ s: String) -> [String: Any] { Spec.json(s)[object: "branches"] }
    static func current(_ s: String) -> String? { Spec.json(s)[string: "currentBranch"] }

    @Test(arguments: [("gitGraph:\n commit\n", "LR"), ("gitGraph TB:\ncommit\n", "TB"), ("gitGraph BT:\ncommit\n", "BT")])
    func shouldHandleAGitGraphDefinitionAndSetItsDirection(source: String, direction: String) {
        #expect(Self.commits(source).count == 1 && Self.current(source) == "main" && Self.branches(source).count == 1)
        #expect(Spec.json(source)[string: "direction"] == direction)
        #expect(Spec.diagnostics(source).isEmpty)
    }

    @Test(arguments: ["checkout", "switch"])
    func shouldCheckoutOrSwitchABranch(verb: String) {
        let s = "gitGraph:\nbranch new\n\(verb) new\n"
        #expect(Self.commits(s).isEmpty && Self.current(s) == "new")
    }

    @Test func shouldAddCommitsToCheckedOutBranch() {
        let s = "gitGraph:\nbranch new\ncheckout new\ncommit\ncommit\n"
        let c = Self.commits(s)
        #expect(c.count == 2 && Self.current(s) == "new")
        let head = Self.branches(s)["new"] as? String
        #expect(head != nil && c.first { $0[string: "id"] == head }?["parents"] as? [String] == [c[0][string: "id"] ?? ""])
    }

    @Test func shouldHandleCommitWithArgs() {
        let c = Self.commits("gitGraph:\ncommit \"a commit\"\n")
        #expect(c.count == 1 && c[0][string: "message"] == "a commit")
    }

    @Test func shouldHandleCasesWhenMergeIsANoopAndMergeWith2Parents() {
        let noop = "gitGraph:\ncommit\nbranch newbranch\ncheckout newbranch\ncommit\ncommit\nmerge main\n"
        #expect(Self.commits(noop).count == 4 && Self.current(noop) == "newbranch")
        #expect(Self.branches(noop)["newbranch"] as? String != Self.branches(noop)["main"] as? String)
        let two = "gitGraph:\ncommit\nbranch newbranch\ncheckout newbranch\ncommit\ncommit\ncheckout main\ncommit\nmerge newbranch\n"
        let c = Self.commits(two)
        #expect(c.count == 5 && Self.current(two) == "main")
        #expect(c[4][string: "type"] == "MERGE" && (c[4]["parents"] as? [String])?.count == 2)
        #expect(Self.branches(two)["main"] as? String == c[4][string: "id"])
    }

    @Test func shouldGenerateAnArrayOfKnownBranches() {
        #expect(Spec.json("gitGraph:\ncommit\nbranch b1\ncheckout b1\ncommit\ncommit\nbranch b2\n")["branchOrder"] as? [String] == ["main", "b1", "b2"])
    }

    @Test func aCommitWithNoParamsGetsAnIDAnEmptyMessageNoTagsAndTypeNormal() {
        let c = Self.commits("gitGraph:\n        commit\n        ")
        #expect(c.count == 1 && c[0][string: "message"] == "" && c[0][string: "id"]?.isEmpty == false)
        #expect(c[0]["tags"] as? [String] == [] && c[0][string: "type"] == "NORMAL")
    }

    /// "…with custom commit id only", "…tag only", "…type HIGHLIGHT / REVERSE / NORMAL only",
    /// "…msg only", "…"msg:" key only", and "…custom commit id, type,  tag and msg" with its
    /// reorderings.
    @Test(arguments: [
        ("commit id:\"1111\"", "1111", [String](), "NORMAL", ""),
        ("commit tag:\"test\"", nil, ["test"], "NORMAL", ""),
        ("commit type: HIGHLIGHT", nil, [], "HIGHLIGHT", ""),
        ("commit type: REVERSE", nil, [], "REVERSE", ""),
        ("commit type: NORMAL", nil, [], "NORMAL", ""),
        ("commit \"test commit\"", nil, [], "NORMAL", "test commit"),
        ("commit msg: \"test commit\"", nil, [], "NORMAL", "test commit"),
        ("commit id:\"1111\" type:REVERSE tag: \"test tag\" msg:\"test msg\"", "1111", ["test tag"], "REVERSE", "test msg"),
        ("commit type:REVERSE tag: \"test tag\" msg: \"test msg\" id: \"1111\"", "1111", ["test tag"], "REVERSE", "test msg"),
        ("commit  tag: \"test tag\" msg:\"test msg\" id:\"1111\" type:REVERSE", "1111", ["test tag"], "REVERSE", "test msg"),
        ("commit msg:\"test msg\" id:\"1111\" type:REVERSE tag: \"test tag\"", "1111", ["test tag"], "REVERSE", "test msg"),
    ] as [(String, String?, [String], String, String)])
    func aCommitWithCustomIDTagTypeAndMessage(line: String, id: String?, tags: [String], type: String, message: String) {
        let s = "gitGraph:\n        \(line)\n        "
        let c = Self.commits(s)
        #expect(c.count == 1 && Self.current(s) == "main" && Self.branches(s).count == 1)
        if let id { #expect(c.first?[string: "id"] == id) }
        #expect(c.first?["tags"] as? [String] == tags && c.first?[string: "type"] == type && c.first?[string: "message"] == message)
    }

    @Test func shouldHandle3StraightCommitsAndNewBranchCreation() {
        #expect(Self.commits("gitGraph:\n        commit\n        commit\n        commit\n        ").count == 3)
        let s = "gitGraph:\n        commit\n        branch testBranch\n        "
        #expect(Self.commits(s).count == 1 && Self.current(s) == "testBranch" && Self.branches(s).count == 2)
    }

    @Test func shouldAllowQuotedBranchNames() {
        let s = "gitGraph:\n        commit\n        branch \"branch\"\n        checkout \"branch\"\n        commit\n        checkout main\n        merge \"branch\"\n        "
        let c = Self.commits(s)
        #expect(c.count == 3 && Self.current(s) == "main" && Self.branches(s).count == 2)
        #expect(c.map { $0[string: "branch"] } == ["main", "branch", "main"])
        #expect(Spec.json(s)["branchOrder"] as? [String] == ["main", "branch"])
    }

    @Test(arguments: ["azAZ_-./test", "1.0.1"])
    func shouldAllowUnusualCharactersInBranchNames(name: String) {
        let s = "gitGraph:\n        commit\n        %% a comment\n        branch \(name)\n        "
        #expect(Self.commits(s).count == 1 && Self.current(s) == name && Self.branches(s).count == 2)
    }

    @Test func shouldAllowBranchNamesStartingWithUnusualPrefixes() {
        let s = "gitGraph:\n  commit\n  branch branch01\n  branch checkout02\n  branch cherry-pick03\n  branch branch/example-branch\n  branch merge/test_merge\n  branch A\n"
        #expect(Self.current(s) == "A" && Self.branches(s).count == 7)
        #expect(Set(Self.branches(s).keys).isSuperset(of: ["branch01", "checkout02", "cherry-pick03", "branch/example-branch", "merge/test_merge", "A"]))
    }

    @Test func shouldHandleNewBranchCheckoutWithAndWithoutOrder() {
        #expect(Spec.json("gitGraph:\n  commit\n  branch test1 order: 3\n  branch test2 order: 2\n  branch test3 order: 1\n")["branchOrder"] as? [String]
                == ["main", "test3", "test2", "test1"])
        #expect(Spec.json("gitGraph:\n  commit\n  branch test1 order: 1\n  branch test2\n  branch test3\n")["branchOrder"] as? [String]
                == ["main", "test2", "test3", "test1"])
    }

    @Test func shouldHandleNewBranchCheckoutAndCommit() {
        let s = "gitGraph:\n  commit\n  branch testBranch\n  checkout testBranch\n  commit\n"
        let c = Self.commits(s)
        #expect(c.count == 2 && Self.current(s) == "testBranch")
        #expect(c[0][string: "branch"] == "main" && c[0]["parents"] as? [String] == [])
        #expect(c[1][string: "branch"] == "testBranch" && c[1]["parents"] as? [String] == [c[0][string: "id"] ?? ""])
    }
}
