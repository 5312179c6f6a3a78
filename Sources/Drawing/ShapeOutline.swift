import Canvas
import Mermaid

/// How a node's box suggests its shape. The frame is always one of four box styles (light,
/// rounded, double, heavy), so that every node still reads as a box with its arrows on its
/// border; the shape shows in marks inside the frame: mermaid's own brackets beside the label
/// (`( … )` for a stadium, `(( … ))` for a circle, `< … >` for a hexagon), a lip row under the
/// top of a cylinder, a wavy row above the bottom of a document, slanted sides for the
/// parallelograms and trapezoids.
///
///     ╭──────╮   ╭──────────╮   ╔════════════╗   ┌─────────┐
///     │╰╌╌╌╌╯│   │╭╮╭╮╭╮╭╮╭╮│   ║< Préparer >║   │ Rapport │
///     │ Base │   │ Internet │   ╚════════════╝   │~~~~~~~~~│
///     ╰──────╯   ╰──────────╯                    └─────────┘
///
/// The families follow mermaid 11's shape table (flowchart docs, "New shapes"): every name and
/// alias `NamedShapes.all` accepts belongs to one.
struct ShapeOutline: Equatable {
    enum Frame { case light, rounded, double, heavy }
    var frame: Frame
    var left = ""
    var right = ""
    /// A row drawn inside the frame under its top border, and one above its bottom border.
    var topRow: RowPattern?
    var bottomRow: RowPattern?

    enum RowPattern: Equatable {
        /// A cylinder's lip: `╰╌╌╌╯`.
        case lip
        /// A cloud's bumps: `╭╮╭╮`.
        case bumps
        /// A document's wavy edge: `~~~~`.
        case wave
        /// A divided rectangle's rule: `╌╌╌╌`.
        case rule
    }

    /// Cells the marks add to the label's width (they stand against the frame: `│( label )│`).
    var extraWidth: Int { CellWidth.of(left) + CellWidth.of(right) }
    var extraHeight: Int { (topRow == nil ? 0 : 1) + (bottomRow == nil ? 0 : 1) }

    /// The outline of a node: its `@{ shape: … }` name when it has one, else its classic shape.
    /// The marks beside the label are for a label of one line (on more, they would cut the
    /// text in the middle of a sentence); a label of one glyph (a state diagram's `●` start,
    /// `◉` end, `◇` choice) is the shape itself.
    static func of(_ node: Node, lines: [String]) -> ShapeOutline {
        var outline = node.namedShape.map(named) ?? classic(node.shape ?? .square)
        if lines.count != 1 || CellWidth.of(lines[0]) <= 1 {
            outline.left = ""
            outline.right = ""
        }
        return outline
    }

    static func classic(_ shape: Shape) -> ShapeOutline {
        switch shape {
        case .square, .rect: return ShapeOutline(frame: .light)
        case .round: return ShapeOutline(frame: .rounded)
        case .stadium: return ShapeOutline(frame: .rounded, left: "(", right: ")")
        case .subroutine: return ShapeOutline(frame: .light, left: "║", right: "║")
        case .cylinder: return ShapeOutline(frame: .rounded, topRow: .lip)
        case .circle, .ellipse: return ShapeOutline(frame: .rounded, left: "((", right: "))")
        case .doublecircle: return ShapeOutline(frame: .heavy, left: "((", right: "))")
        case .odd: return ShapeOutline(frame: .light, left: ">")
        case .diamond: return ShapeOutline(frame: .double, left: "◇", right: "◇")
        case .hexagon: return ShapeOutline(frame: .double, left: "<", right: ">")
        case .lean_right: return ShapeOutline(frame: .light, left: "╱", right: "╱")
        case .lean_left: return ShapeOutline(frame: .light, left: "╲", right: "╲")
        case .trapezoid: return ShapeOutline(frame: .light, left: "╱", right: "╲")
        case .inv_trapezoid: return ShapeOutline(frame: .light, left: "╲", right: "╱")
        }
    }

    /// mermaid 11's names, by their short name (`NamedShapes.families` gives each one's aliases).
    static func named(_ name: String) -> ShapeOutline {
        switch NamedShapes.shortName(name) ?? name {
        case "cloud": return ShapeOutline(frame: .rounded, topRow: .bumps)
        case "bang": return ShapeOutline(frame: .double, left: "✶", right: "✶")
        case "datastore": return ShapeOutline(frame: .light, topRow: .rule, bottomRow: .rule)
        case "doc", "lin-doc", "tag-doc": return ShapeOutline(frame: .light, bottomRow: .wave)
        case "docs": return ShapeOutline(frame: .light, right: "┊", bottomRow: .wave)
        case "st-rect": return ShapeOutline(frame: .light, right: "┊")
        case "flag": return ShapeOutline(frame: .light, topRow: .wave, bottomRow: .wave)
        case "div-rect": return ShapeOutline(frame: .light, topRow: .rule)
        case "win-pane": return ShapeOutline(frame: .light, left: "┊", topRow: .rule)
        case "lin-rect": return ShapeOutline(frame: .light, left: "┊")
        case "h-cyl": return ShapeOutline(frame: .rounded, right: "()")
        case "lin-cyl": return ShapeOutline(frame: .rounded, topRow: .lip, bottomRow: .rule)
        case "delay": return ShapeOutline(frame: .light, right: ")")
        case "curv-trap": return ShapeOutline(frame: .light, left: "<", right: ")")
        case "hourglass": return ShapeOutline(frame: .light, left: ">", right: "<")
        case "bolt": return ShapeOutline(frame: .light, left: "↯")
        case "brace": return ShapeOutline(frame: .light, left: "{")
        case "brace-r": return ShapeOutline(frame: .light, right: "}")
        case "braces": return ShapeOutline(frame: .light, left: "{", right: "}")
        case "tri": return ShapeOutline(frame: .light, left: "△")
        case "flip-tri": return ShapeOutline(frame: .light, left: "▽")
        case "sl-rect": return ShapeOutline(frame: .light, left: "╱")
        case "notch-pent": return ShapeOutline(frame: .light, left: "╱", right: "╲")
        case "bow-rect": return ShapeOutline(frame: .light, left: "(", right: "(")
        case "notch-rect": return ShapeOutline(frame: .light, left: "◸")
        case "tag-rect": return ShapeOutline(frame: .light, right: "◢")
        case "cross-circ": return ShapeOutline(frame: .rounded, left: "(✕", right: "✕)")
        case "sm-circ", "f-circ": return ShapeOutline(frame: .rounded, left: "(", right: ")")
        case "fr-circ": return ShapeOutline(frame: .heavy, left: "(", right: ")")
        case "fork": return ShapeOutline(frame: .heavy)
        case "state": return ShapeOutline(frame: .rounded)
        default: return classic(NamedShapes.classic(name))
        }
    }

    // MARK: - Drawing

    func boxStyle(ascii: Bool) -> BoxStyle {
        if ascii {
            switch frame {
            case .rounded: return BoxStyle(topLeft: ".", topRight: ".", bottomLeft: "'", bottomRight: "'", horizontal: "-", vertical: "|")
            case .double: return BoxStyle(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "=", vertical: "|")
            case .heavy: return BoxStyle(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=", vertical: "#")
            case .light: return .ascii
            }
        }
        switch frame {
        case .light: return .light
        case .rounded: return .rounded
        case .double: return .double
        case .heavy: return .heavy
        }
    }

    /// A pattern row `width` cells wide (the frame's inside).
    static func row(_ pattern: RowPattern, width: Int, ascii: Bool) -> String {
        guard width > 0 else { return "" }
        switch pattern {
        case .lip:
            if width < 2 { return ascii ? "-" : "╌" }
            return ascii ? "\\" + String(repeating: "_", count: width - 2) + "/"
                : "╰" + String(repeating: "╌", count: width - 2) + "╯"
        case .bumps:
            // Whole bumps only, centred.
            let bumps = String(repeating: ascii ? "()" : "╭╮", count: width / 2)
            return (width % 2 == 1 ? " " : "") + bumps
        case .wave: return String(repeating: "~", count: width)
        case .rule: return String(repeating: ascii ? "-" : "╌", count: width)
        }
    }

    /// A mark in ASCII: the brackets stay, the drawn ones turn into their nearest letters.
    static func ascii(_ mark: String, right: Bool) -> String {
        String(mark.map { c -> Character in
            switch c {
            case "◇": return right ? ">" : "<"
            case "╱": return "/"
            case "╲": return "\\"
            case "║", "┊": return "|"
            case "↯": return "!"
            case "△": return "^"
            case "▽": return "v"
            case "◸", "◢": return "/"
            case "✕": return "x"
            case "✶": return "*"
            default: return c
            }
        })
    }
}
