import Testing
@testable import Mermaid

/// packages/mermaid/src/diagrams/sequence/sequenceDiagram.spec.js, test by test.
struct SequenceSpecTests {
    @Test func shouldSpaceInActorNames() {
        let s = "sequenceDiagram\nAlice->Bob:Hello Bob, how are - you?\nBob-->Alice: I am good thanks!"
        #expect(Spec.actors(s)["Alice"]?[string: "description"] == "Alice")
        let m = Spec.messages(s)
        #expect(m.count == 2 && m[0][string: "from"] == "Alice" && m[1][string: "from"] == "Bob")
    }

    @Test func shouldHandleDashesAndEqualsInParticipantNames() {
        let dashes = "sequenceDiagram\nparticipant Alice-in-Wonderland\nparticipant Bob\nAlice-in-Wonderland->Bob:Hello Bob, how are - you?\nBob-->Alice-in-Wonderland:I am good thanks!"
        #expect(Spec.json(dashes)["actorOrder"] as? [String] == ["Alice-in-Wonderland", "Bob"])
        #expect(Spec.messages(dashes).map { $0[string: "from"] } == ["Alice-in-Wonderland", "Bob"])
        let equals = "sequenceDiagram\nparticipant Alice=Wonderland\nparticipant Bob\nAlice=Wonderland->Bob:Hello Bob, how are - you?\nBob-->Alice=Wonderland:I am good thanks!"
        #expect(Spec.json(equals)["actorOrder"] as? [String] == ["Alice=Wonderland", "Bob"])
        #expect(Spec.actors(equals)["Alice=Wonderland"]?[string: "description"] == "Alice=Wonderland")
    }

    @Test func shouldAliasParticipants() {
        let s = "sequenceDiagram\nparticipant A as Alice\nparticipant B as Bob\nA->B:Hello Bob, how are you?\nB-->A: I am good thanks!"
        #expect(Spec.json(s)["actorOrder"] as? [String] == ["A", "B"])
        #expect(Spec.actors(s)["A"]?[string: "description"] == "Alice" && Spec.actors(s)["B"]?[string: "description"] == "Bob")
        #expect(Spec.messages(s).map { $0[string: "from"] } == ["A", "B"])
    }

    @Test func shouldAliasAMixOfActorsAndParticipantsApa12() {
        let s = """
        sequenceDiagram
          actor Alice as Alice2
          actor Bob
          participant John as John2
          participant Mandy
          Alice->>Bob: Hi Bob
          Bob->>Alice: Hi Alice
          Alice->>John: Hi John
          John->>Mandy: Hi Mandy
          Mandy ->>Joan: Hi Joan
        """
        #expect(Spec.json(s)["actorOrder"] as? [String] == ["Alice", "Bob", "John", "Mandy", "Joan"])
        let a = Spec.actors(s)
        #expect(a["Alice"]?[string: "description"] == "Alice2" && a["Alice"]?[string: "type"] == "actor")
        #expect(a["Bob"]?[string: "description"] == "Bob")
        #expect(a["John"]?[string: "type"] == "participant" && a["Joan"]?[string: "type"] == "participant")
        let m = Spec.messages(s)
        #expect(m.count == 5 && m[0][string: "from"] == "Alice" && m[4][string: "to"] == "Joan")
    }

    /// "should handle in async messages", "…async dotted…", "…sync…", "…sync dotted…", "…arrow…"
    /// (twice), "…bidirectional arrow…", "…bidirectional dotted arrow messages".
    @Test(arguments: [("-x", "SOLID_CROSS"), ("--x", "DOTTED_CROSS"), ("-)", "SOLID_POINT"), ("--)", "DOTTED_POINT"),
                      ("->>", "SOLID"), ("-->>", "DOTTED"), ("<<->>", "BIDIRECTIONAL_SOLID"), ("<<-->>", "BIDIRECTIONAL_DOTTED"),
                      ("->", "SOLID_OPEN"), ("-->", "DOTTED_OPEN")])
    func shouldHandleEachArrow(arrow: String, lineType: String) {
        let s = "sequenceDiagram\nAlice\(arrow)Bob:Hello Bob, how are you?"
        #expect(Spec.actors(s)["Alice"]?[string: "description"] == "Alice" && Spec.actors(s)["Bob"]?[string: "description"] == "Bob")
        #expect(Spec.types(s) == [lineType])
    }

    @Test func shouldHandleActorActivation() {
        let s = "sequenceDiagram\nAlice-->>Bob:Hello Bob, how are you?\nactivate Bob\nBob-->>Alice:Hello Alice, I'm fine and  you?\ndeactivate Bob"
        #expect(Spec.types(s) == ["DOTTED", "ACTIVE_START", "DOTTED", "ACTIVE_END"])
    }

    @Test func shouldHandleActorOneLineNotationActivation() {
        let s = "sequenceDiagram\nAlice-->>+Bob:Hello Bob, how are you?\nBob-->>- Alice:Hello Alice, I'm fine and  you?"
        let m = Spec.messages(s)
        #expect(Spec.types(s) == ["DOTTED", "ACTIVE_START", "DOTTED", "ACTIVE_END"])
        #expect(m[1][string: "from"] == "Bob" && m[3][string: "from"] == "Bob")
    }

    @Test func shouldHandleStackedActivations() {
        let s = """
        sequenceDiagram
        Alice-->>+Bob:Hello Bob, how are you?
        Bob-->>+Carol:Carol, let me introduce Alice?
        Bob-->>- Alice:Hello Alice, please meet Carol?
        Carol->>- Bob:Oh Bob, I'm so happy to be here!
        """
        let m = Spec.messages(s)
        #expect(m.count == 8)
        #expect(m[1][string: "type"] == "ACTIVE_START" && m[1][string: "from"] == "Bob")
        #expect(m[3][string: "type"] == "ACTIVE_START" && m[3][string: "from"] == "Carol")
        #expect(m[5][string: "type"] == "ACTIVE_END" && m[5][string: "from"] == "Bob")
        #expect(m[7][string: "type"] == "ACTIVE_END" && m[7][string: "from"] == "Carol")
    }

    /// "should handle comments…", "…new lines…", "…semicolons", "…leading spaces…".
    @Test(arguments: [
        "sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\n%% Comment\nNote right of Bob: Bob thinks\nBob-->Alice: I am good thanks!",
        "sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\n\n%% Comment\nNote right of Bob: Bob thinks\nBob-->Alice: I am good thanks!\n",
        "sequenceDiagram;Alice->Bob: Hello Bob, how are you?;Note right of Bob: Bob thinks;Bob-->Alice: I am good thanks!;",
        "sequenceDiagram\n Alice->Bob: Hello Bob, how are you?\n\n%% Comment\nNote right of Bob: Bob thinks\nBob-->Alice: I am good thanks!",
    ])
    func shouldHandleCommentsNewLinesSemicolonsAndLeadingSpaces(source: String) {
        let m = Spec.messages(source)
        #expect(m.count == 3 && m[0][string: "from"] == "Alice" && m[2][string: "from"] == "Bob", "\(m)")
        #expect(Spec.diagnostics(source).isEmpty)
    }

    @Test func shouldHandleNotesOverOneAndOverMultipleActors() {
        let one = Spec.messages("sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\nNote over Bob: Bob thinks\n")
        #expect(one[1][string: "from"] == "Bob" && one[1][string: "to"] == "Bob" && one[1][string: "placement"] == "OVER")
        let two = Spec.messages("sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\nNote over Alice,Bob: confusion\nNote over Bob,Alice: resolution\n")
        #expect(two[1][string: "from"] == "Alice" && two[1][string: "to"] == "Bob")
        #expect(two[2][string: "from"] == "Bob" && two[2][string: "to"] == "Alice")
    }

    @Test func shouldHandleLoopStatements() {
        let s = "sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\n\n%% Comment\nNote right of Bob: Bob thinks\nloop Multiple happy responses\n\nBob-->Alice: I am good thanks!\nend"
        let m = Spec.messages(s)
        #expect(m.count == 5 && m[0][string: "from"] == "Alice" && m[1][string: "from"] == "Bob")
        #expect(m[2][string: "type"] == "LOOP_START" && m[2][string: "message"] == "Multiple happy responses")
    }

    @Test func shouldAddARectAroundSequenceAndAllowNestedRects() {
        let s = "sequenceDiagram\n  Alice->Bob: Hello Bob, how are you?\n  %% Comment\n  rect rgb(200, 255, 200)\n  Note right of Bob: Bob thinks\n  Bob-->Alice: I am good thanks\n  end\n"
        let m = Spec.messages(s)
        #expect(Spec.types(s) == ["SOLID_OPEN", "RECT_START", "NOTE", "DOTTED_OPEN", "RECT_END"])
        #expect(m[1][string: "message"] == "rgb(200, 255, 200)")
        let nested = "sequenceDiagram\n  Alice->Bob: Hello Bob, how are you?\n  rect rgb(200, 255, 200)\n  rect rgb(0, 0, 0)\n  Note right of Bob: Bob thinks\n  end\n  Bob-->Alice: I am good thanks\n  end\n"
        #expect(Spec.types(nested) == ["SOLID_OPEN", "RECT_START", "RECT_START", "NOTE", "RECT_END", "DOTTED_OPEN", "RECT_END"])
        #expect(Spec.messages(nested)[2][string: "message"] == "rgb(0, 0, 0)")
    }

    @Test func shouldHandleAltStatementsWithMultipleElses() {
        let s = "sequenceDiagram\nAlice->Bob: Hello Bob, how are you?\n%% Comment\nNote right of Bob: Bob thinks\nalt isWell\nBob-->Alice: I am good thanks!\nelse isSick\nBob-->Alice: Feel sick...\nelse default\nBob-->Alice: :-)\nend"
        let m = Spec.messages(s)
        #expect(m.count == 9)
        #expect(Spec.types(s) == ["SOLID_OPEN", "NOTE", "ALT_START", "DOTTED_OPEN", "ALT_ELSE", "DOTTED_OPEN", "ALT_ELSE", "DOTTED_OPEN", "ALT_END"])
        #expect(m[7][string: "from"] == "Bob" && m[7][string: "message"] == ":-)")
    }

    @Test func shouldHandleCriticalStatementsWithAndWithoutOptions() {
        let without = "sequenceDiagram\n    critical Establish a connection to the DB\n        Service-->DB: connect\n    end"
        #expect(Spec.types(without) == ["CRITICAL_START", "DOTTED_OPEN", "CRITICAL_END"])
        #expect(Spec.actors(without)["DB"]?[string: "description"] == "DB")
        let with = "sequenceDiagram\n    critical Establish a connection to the DB\n        Service-->DB: connect\n    option Network timeout\n        Service-->Service: Log error\n    option Credentials rejected\n        Service-->Service: Log different error\n    end"
        #expect(Spec.types(with) == ["CRITICAL_START", "DOTTED_OPEN", "CRITICAL_OPTION", "DOTTED_OPEN", "CRITICAL_OPTION", "DOTTED_OPEN", "CRITICAL_END"])
    }

    @Test func shouldHandleBreakStatements() {
        let s = "sequenceDiagram\n    Consumer-->API: Book something\n    API-->BookingService: Start booking process\n    break when the booking process fails\n        API-->Consumer: show failure\n    end\n    API-->BillingService: Start billing process"
        let m = Spec.messages(s)
        #expect(m.count == 6 && m[0][string: "from"] == "Consumer" && m[5][string: "from"] == "API")
        #expect(m[2][string: "type"] == "BREAK_START" && m[4][string: "type"] == "BREAK_END")
    }

    @Test func shouldHandleParAndParOverStatements() {
        let par = "sequenceDiagram\npar Parallel one\nAlice->>Bob: Hello Bob, how are you?\nBob-->>Alice: I am good thanks!\nand Parallel two\nAlice->>Bob: Are you OK?\nBob-->>Alice: Fine!\nand Parallel three\nAlice->>Bob: What do you think about it?\nBob-->>Alice: It's good!\nend"
        let m = Spec.messages(par)
        #expect(m.count == 10 && m[0][string: "message"] == "Parallel one" && m[1][string: "from"] == "Alice" && m[2][string: "from"] == "Bob")
        let over = "sequenceDiagram\npar_over Parallel overlap\nAlice ->> Bob: Message\nNote left of Alice: Alice note\nNote right of Bob: Bob note\nend"
        let o = Spec.messages(over)
        #expect(o.count == 5 && o[0][string: "message"] == "Parallel overlap" && o[0][string: "type"] == "PAR_OVER_START")
        #expect(o[1][string: "from"] == "Alice" && o[2][string: "from"] == "Alice" && o[3][string: "from"] == "Bob")
        #expect(Spec.diagnostics(over).isEmpty)
    }

    @Test func shouldShowSequenceNumbersOnlyWhenAutonumberIsEnabled() {
        #expect(Spec.json("sequenceDiagram\nAlice->Bob:Hello Bob, how are you?\nNote right of Bob: Bob thinks\nBob-->Alice: I am good thanks!")["showSequenceNumbers"] as? Bool == false)
        #expect(Spec.json("sequenceDiagram\nautonumber\nAlice->Bob:Hello Bob, how are you?\nNote right of Bob: Bob thinks\nBob-->Alice: I am good thanks!")["showSequenceNumbers"] as? Bool == true)
    }

    @Test func shouldHandleATitleWithAndWithoutAColon() {
        #expect(Spec.json("sequenceDiagram\ntitle: Diagram Title\nAlice->Bob:Hello Bob, how are you?")[string: "title"] == "Diagram Title")
        #expect(Spec.json("sequenceDiagram\ntitle Diagram Title\nAlice->Bob:Hello Bob, how are you?")[string: "title"] == "Diagram Title")
    }
}
