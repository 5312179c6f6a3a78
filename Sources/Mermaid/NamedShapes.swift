import Facts
/// The shape names `id@{ shape: … }` accepts: mermaid 11's shape registry, each short name
/// with its aliases and internal aliases, then the shapes its registry keeps undocumented
/// (mermaid-js/mermaid df032c942, packages/mermaid/src/rendering-util/rendering-elements/
/// shapes.ts, `shapesDefs` and `undocumentedShapes`). An unknown name is warned about.
public enum NamedShapes {
    public static let families: [[String]] = [
        ["rect", "proc", "process", "rectangle", "squareRect"],
        ["rounded", "event", "roundedRect"],
        ["stadium", "terminal", "pill"],
        ["fr-rect", "subprocess", "subproc", "framed-rectangle", "subroutine"],
        ["cyl", "db", "database", "cylinder"],
        ["datastore", "data-store"],
        ["circle", "circ"],
        ["bang"],
        ["cloud"],
        ["diam", "decision", "diamond", "question"],
        ["hex", "hexagon", "prepare"],
        ["lean-r", "lean-right", "in-out", "lean_right"],
        ["lean-l", "lean-left", "out-in", "lean_left"],
        ["trap-b", "priority", "trapezoid-bottom", "trapezoid"],
        ["trap-t", "manual", "trapezoid-top", "inv-trapezoid", "inv_trapezoid"],
        ["dbl-circ", "double-circle", "doublecircle"],
        ["text"],
        ["notch-rect", "card", "notched-rectangle"],
        ["lin-rect", "lined-rectangle", "lined-process", "lin-proc", "shaded-process"],
        ["sm-circ", "start", "small-circle", "stateStart"],
        ["fr-circ", "stop", "framed-circle", "stateEnd"],
        ["fork", "join", "forkJoin"],
        ["hourglass", "collate"],
        ["brace", "comment", "brace-l"],
        ["brace-r"],
        ["braces"],
        ["bolt", "com-link", "lightning-bolt"],
        ["doc", "document"],
        ["delay", "half-rounded-rectangle"],
        ["h-cyl", "das", "horizontal-cylinder"],
        ["lin-cyl", "disk", "lined-cylinder"],
        ["curv-trap", "curved-trapezoid", "display"],
        ["div-rect", "div-proc", "divided-rectangle", "divided-process"],
        ["tri", "extract", "triangle"],
        ["win-pane", "internal-storage", "window-pane"],
        ["f-circ", "junction", "filled-circle"],
        ["notch-pent", "loop-limit", "notched-pentagon"],
        ["flip-tri", "manual-file", "flipped-triangle"],
        ["sl-rect", "manual-input", "sloped-rectangle"],
        ["docs", "documents", "st-doc", "stacked-document"],
        ["st-rect", "procs", "processes", "stacked-rectangle"],
        ["bow-rect", "stored-data", "bow-tie-rectangle"],
        ["cross-circ", "summary", "crossed-circle"],
        ["tag-doc", "tagged-document"],
        ["tag-rect", "tagged-rectangle", "tag-proc", "tagged-process"],
        ["flag", "paper-tape"],
        ["odd", "rect_left_inv_arrow"],
        ["lin-doc", "lined-document"],
    ]
    public static let undocumented = [
        "state", "choice", "note", "rectWithTitle", "labelRect", "iconSquare", "iconCircle", "icon", "iconRounded",
        "imageSquare", "anchor", "kanbanItem", "mindmapCircle", "defaultMindmapNode", "classBox", "erBox", "requirementBox",
    ]
    public static let all: Set<String> = Set(families.joined()).union(undocumented)

    /// A name's short name (`database` → `cyl`); undocumented names are their own.
    public static func shortName(_ name: String) -> String? {
        if let family = families.first(where: { $0.contains(name) }) { return family[0] }
        return undocumented.contains(name) ? name : nil
    }

    /// The classic shape nearest to a named one (what mermaid's vertex type would be).
    public static func classic(_ name: String) -> Shape {
        switch shortName(name) ?? name {
        case "rounded", "state": return .round
        case "stadium": return .stadium
        case "fr-rect": return .subroutine
        case "cyl", "h-cyl", "lin-cyl", "datastore": return .cylinder
        case "circle", "sm-circ", "f-circ", "cross-circ", "iconCircle", "mindmapCircle": return .circle
        case "dbl-circ", "fr-circ": return .doublecircle
        case "odd": return .odd
        case "diam", "choice": return .diamond
        case "hex": return .hexagon
        case "lean-r": return .lean_right
        case "lean-l": return .lean_left
        case "trap-b": return .trapezoid
        case "trap-t": return .inv_trapezoid
        default: return .square
        }
    }
}

/// The short names of mermaid 11's flowchart shapes, as its registry lists them
/// (mermaid-js/mermaid, packages/mermaid/src/rendering-util/rendering-elements/shapes.ts,
/// `shapesDefs`): what a warning about an unknown shape offers instead.
public enum MermaidShapeNames {
    public static let short = NamedShapes.families.map { $0[0] }
}
