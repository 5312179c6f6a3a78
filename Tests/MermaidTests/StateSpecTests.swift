import Testing
@testable import Mermaid

/// packages/mermaid/src/diagrams/state/parser/state-parser.spec.js and stateDiagram-v2.spec.js,
/// test by test.
struct StateSpecTests {
    static func states(_ s: String) -> [String: [String: Any]] { Spec.json(s)["states"] as? [String: [String: Any]] ?? [:] }
    static func relations(_ s: String) -> [[String: Any]] { Spec.json(s)[list: "relations"] }
    static func descriptions(_ s: String, _ id: String) -> String? { (states(s)[id]?["descriptions"] as? [String])?.joined(separator: " ") }
    static func doc(_ s: String, _ id: String) -> [String] { (states(s)[id]?["doc"] as? [[String: Any]])?.compactMap { $0[string: "id"] } ?? [] }

    // state-parser.spec.js — "states with id displayed as a (name)"
    @Test func stateIDAsSomeName() {
        #expect(Self.descriptions("stateDiagram-v2\n        state \"Small State 1\" as namedState1", "namedState1") == "Small State 1")
    }

    @Test(arguments: ["namedState1 : Small State 1", "namedState1:Small State 1"])
    func stateIDColonName(line: String) {
        #expect(Self.descriptions("stateDiagram-v2\n        \(line)", "namedState1") == "Small State 1")
    }

    // "can handle "as" in a state name"
    @Test func assembleAssembliesAndAsAsAs() {
        let s = Self.states("stateDiagram-v2\n      assemble\n      assemblies\n      state assemble\n      state assemblies\n      ")
        #expect(s["assemble"] != nil && s["assemblies"] != nil)
        #expect(Self.descriptions("stateDiagram-v2\n      state \"as\" as as\n      ", "as") == "as")
    }

    // "groups (clusters/containers)"
    @Test func stateGroupNameAsStateIdentifier() {
        let s = """
        stateDiagram-v2
          state "Small State 1" as namedState1
          %% Notice that this is named "Big State 1" with an "as"
          state "Big State 1" as bigState1 {
              bigState1InternalState
          }
          namedState1 --> bigState1: should point to \\nBig State 1 container
          state "Small State 2" as namedState2
          %% Notice that bigState2 does not have a name; no "as"
          state bigState2 {
              bigState2InternalState
          }
          namedState2 --> bigState2: should point to \\nbigState2 container
        """
        #expect(Self.states(s)["namedState1"] != nil && Self.states(s)["namedState2"] != nil)
        #expect(Self.doc(s, "bigState1").first == "bigState1InternalState")
        #expect(Self.doc(s, "bigState2").first == "bigState2InternalState")
        let r = Self.relations(s)
        #expect(r.map { [$0[string: "id1"] ?? "", $0[string: "id2"] ?? ""] } == [["namedState1", "bigState1"], ["namedState2", "bigState2"]])
    }

    @Test func groupHasAStateWithStateIDAsNameAndStateIDColonName() {
        let s = "stateDiagram-v2\n  state \"Big State 1\" as bigState1 {\n      state \"inner state 1\" as inner1\n      inner2: inner state 2\n      inner1 --> inner2\n  }"
        #expect(Self.doc(s, "bigState1") == ["inner1", "inner2"])
        #expect(Self.descriptions(s, "inner1") == "inner state 1" && Self.descriptions(s, "inner2") == "inner state 2")
    }

    // "colons in transition descriptions (issue #7418)"
    @Test func colonsInTransitionAndStateDescriptions() {
        let one = Self.relations("stateDiagram-v2\n  locked --> pending : recoverable error (ex: timeout)")
        #expect(one.count == 1 && one[0][string: "id1"] == "locked" && one[0][string: "id2"] == "pending")
        #expect(one[0][string: "relationTitle"] == "recoverable error (ex: timeout)")
        #expect(Self.relations("stateDiagram-v2\n  A --> B : info: key: value").first?[string: "relationTitle"] == "info: key: value")
        #expect(Self.descriptions("stateDiagram-v2\n  myState : status: active", "myState") == "status: active")
    }

    // "unsafe properties as state names"
    @Test(arguments: ["__proto__", "constructor"])
    func unsafePropertiesAsStateNames(name: String) {
        #expect(Self.states("\nstateDiagram-v2\n[*] --> \(name)\n\(name) --> [*]")[name] != nil)
    }

    // "note parsing (issue #7089)"
    @Test(arguments: ["this sentence contains send note inside the note text", "this sentence contains end note as part of the note text"])
    func aNoteEndsOnlyAtALineThatIsEndNote(text: String) {
        let s = "stateDiagram-v2\n  State1\n  note right of State1\n    \(text)\n  end note\n  State1 --> State2"
        let r = Self.relations(s)
        #expect(r.count == 1 && r[0][string: "id1"] == "State1" && r[0][string: "id2"] == "State2")
        #expect(Self.states(s)["State1"]?[object: "note"][string: "text"]?.contains(text.split(separator: " ").suffix(5).joined(separator: " ")) == true)
    }

    // stateDiagram-v2.spec.js — "relationship labels: simple states with : labels"
    @Test func simpleStatesWithColonLabels() {
        let s = "stateDiagram-v2\n  [*] --> State1\n  State1 --> State2 : Transition 1\n  State1 --> State3 : Transition 2\n  State1 --> State4 : Transition 3\n  State1 --> [*]"
        let r = Self.relations(s)
        func title(_ a: String, _ b: String) -> String? { r.first { $0[string: "id1"] == a && $0[string: "id2"] == b }?[string: "relationTitle"] }
        #expect(title("State1", "State2") == "Transition 1" && title("State1", "State3") == "Transition 2" && title("State1", "State4") == "Transition 3")
        #expect(Self.states(s)["root_start"]?[string: "type"] == "start" && Self.states(s)["root_end"]?[string: "type"] == "end")
    }

    @Test func shouldHandleNoteStatements() {
        let s = "stateDiagram-v2\n\n  [*] --> Active\n  Active --> Inactive\n\n  note left of Active : this is a short<br/>note\n\n  note right of Inactive\n  A note can also\n  be defined on\n  several lines\n  end note\n"
        let active = Self.states(s)["Active"]?[object: "note"] ?? [:]
        #expect(active[string: "position"] == "left of" && active[string: "text"] == "this is a short<br>note")
        let inactive = Self.states(s)["Inactive"]?[object: "note"] ?? [:]
        #expect(inactive[string: "position"] == "right of")
        #expect(inactive[string: "text"]?.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["A note can also", "be defined on", "several lines"])
    }

    @Test func shouldHandleMultilineNotesWithDifferentLineBreaks() {
        let s = "stateDiagram-v2\n  State1\n  note right of State1\n  Line1<br>Line2<br/>Line3<br />Line4<br\t/>Line5\n  end note\n"
        #expect(Self.states(s)["State1"]?[object: "note"][string: "text"] == "Line1<br>Line2<br>Line3<br>Line4<br>Line5")
    }

    /// "should handle floating notes" (twice) and "hide empty description": mermaid only parses them.
    @Test func floatingNotesAndHideEmptyDescriptionAreRead() {
        for s in ["stateDiagram-v2\n  foo: bar\n  note \"This is a floating note\" as N1\n", "stateDiagram-v2\n  state foo\n  note \"This is a floating note\" as N1\n",
                  "stateDiagram-v2\n  hide empty description\n  [*] --> State1\n  State1 --> [*]\n"] {
            #expect(Spec.diagnostics(s).isEmpty, "\(s)")
        }
        #expect(Self.states("stateDiagram-v2\n  state foo\n  note \"This is a floating note\" as N1\n")["N1"] != nil)
    }

    @Test func shouldHandleNotesForCompositeStates() {
        let s = """
        stateDiagram-v2
          [*] --> NotShooting
          state "Not Shooting State" as NotShooting {
            state "Idle mode" as Idle
            state "Configuring mode" as Configuring
            [*] --> Idle
            Idle --> Configuring : EvConfig
            Configuring --> Idle : EvConfig
          }
          note right of NotShooting : This is a note on a composite state
        """
        let note = Self.states(s)["NotShooting"]?[object: "note"] ?? [:]
        #expect(note[string: "position"] == "right of" && note[string: "text"] == "This is a note on a composite state")
    }

    @Test func aCompositeStateShouldBeAbleToLinkToItself() {
        let s = "stateDiagram-v2\n  state Active {\n    Idle\n  }\n  Inactive --> Idle: ACT\n  Active --> Active: LOG"
        #expect(Self.doc(s, "Active").first == "Idle")
        let r = Self.relations(s)
        #expect(r.first { $0[string: "id1"] == "Inactive" && $0[string: "id2"] == "Idle" }?[string: "relationTitle"] == "ACT")
        #expect(r.first { $0[string: "id1"] == "Active" && $0[string: "id2"] == "Active" }?[string: "relationTitle"] == "LOG")
    }

    // "…default direction…" and "retrieve the diagram direction correctly": TB unless `direction LR`.
    @Test func directionStatements() {
        #expect(Spec.json("stateDiagram-v2\n  [*] --> A")[string: "direction"] == "TB")
        #expect(Spec.json("stateDiagram-v2\n  direction LR\n  [*] --> A")[string: "direction"] == "LR")
    }
}
