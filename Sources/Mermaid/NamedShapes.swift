import Facts
/// The shape names `id@{ shape: … }` accepts (mermaid 11's shape registry: each short
/// name and its aliases). An unknown name is an error, as in mermaid.
enum NamedShapes {
    static let all: Set<String> = [
        "rect", "rectangle", "proc", "process", "rounded", "event", "stadium", "pill", "terminal",
        "fr-rect", "subproc", "subprocess", "framed-rectangle", "subroutine",
        "cyl", "cylinder", "db", "database", "circle", "circ", "dbl-circ", "double-circle",
        "odd", "diam", "diamond", "decision", "question", "hex", "hexagon", "prepare",
        "lean-r", "lean-right", "in-out", "lean-l", "lean-left", "out-in",
        "trap-b", "trapezoid", "trapezoid-bottom", "priority", "trap-t", "inv-trapezoid",
        "trapezoid-top", "manual", "manual-file", "flipped-triangle", "flip-tri",
        "manual-input", "sloped-rectangle", "sl-rect", "docs", "documents", "st-doc",
        "stacked-document", "procs", "processes", "st-rect", "stacked-rectangle",
        "paper-tape", "flag", "comment", "brace", "brace-l", "brace-r", "braces",
        "das", "h-cyl", "horizontal-cylinder", "text", "notch-rect", "card", "notched-rectangle",
        "lin-rect", "lined-rectangle", "shaded-process", "lin-proc", "lined-process",
        "sm-circ", "small-circle", "start", "fr-circ", "framed-circle", "stop",
        "fork", "join", "hourglass", "collate", "bolt", "com-link", "lightning-bolt",
        "doc", "document", "delay", "half-rounded-rectangle", "lin-cyl", "disk", "lined-cylinder",
        "curv-trap", "curved-trapezoid", "display", "div-rect", "div-proc", "divided-rectangle",
        "divided-process", "tri", "extract", "triangle", "win-pane", "internal-storage",
        "window-pane", "f-circ", "filled-circle", "junction", "lin-doc", "lined-document",
        "notch-pent", "loop-limit", "notched-pentagon", "bow-rect", "bow-tie-rectangle",
        "stored-data", "cross-circ", "crossed-circle", "summary", "tag-doc", "tagged-document",
        "tag-rect", "tag-proc", "tagged-rectangle", "tagged-process", "squareRect", "roundedRect",
        "icon", "iconSquare", "iconCircle", "iconRounded", "image", "anchor", "label",
        "forkJoin", "choice", "note", "classBox", "erBox", "kanbanItem", "requirementBox",
        "stateStart", "stateEnd", "state", "ellipse",
    ]

    /// The classic shape nearest to a named one, for drawing.
    static func classic(_ name: String) -> Shape {
        switch name {
        case "rounded", "event": return .round
        case "stadium", "pill", "terminal": return .stadium
        case "fr-rect", "subproc", "subprocess", "framed-rectangle", "subroutine": return .subroutine
        case "cyl", "cylinder", "db", "database", "das", "h-cyl", "horizontal-cylinder",
             "lin-cyl", "disk", "lined-cylinder": return .cylinder
        case "circle", "circ", "sm-circ", "small-circle", "start", "f-circ", "filled-circle",
             "junction", "cross-circ", "crossed-circle", "summary": return .circle
        case "dbl-circ", "double-circle", "fr-circ", "framed-circle", "stop": return .doublecircle
        case "odd": return .odd
        case "diam", "diamond", "decision", "question": return .diamond
        case "hex", "hexagon", "prepare": return .hexagon
        case "lean-r", "lean-right", "in-out": return .lean_right
        case "lean-l", "lean-left", "out-in": return .lean_left
        case "trap-b", "trapezoid", "trapezoid-bottom", "priority": return .trapezoid
        case "trap-t", "inv-trapezoid", "trapezoid-top", "manual": return .inv_trapezoid
        case "ellipse": return .ellipse
        default: return .square
        }
    }
}

/// The short names of mermaid 11's flowchart shapes, as its registry lists them
/// (mermaid-js/mermaid, packages/mermaid/src/rendering-util/rendering-elements/shapes.ts,
/// `shapesDefs`): what a warning about an unknown shape offers instead.
public enum MermaidShapeNames {
    public static let short = [
        "rect", "rounded", "stadium", "fr-rect", "cyl", "circle", "diam", "hex", "lean-r", "lean-l", "trap-b", "trap-t",
        "dbl-circ", "text", "notch-rect", "lin-rect", "sm-circ", "fr-circ", "fork", "hourglass", "brace", "brace-r", "braces",
        "bolt", "doc", "delay", "h-cyl", "lin-cyl", "curv-trap", "div-rect", "tri", "win-pane", "f-circ", "notch-pent",
        "flip-tri", "sl-rect", "docs", "st-rect", "bow-rect", "cross-circ", "tag-doc", "tag-rect", "flag", "odd", "lin-doc",
    ]
}
