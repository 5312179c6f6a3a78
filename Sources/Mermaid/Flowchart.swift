import Facts
/// A parsed mermaid flowchart, named the way mermaid's own FlowDB names things so that it
/// compares directly with mermaid's tests (`arrow_point`, `stadium`, `dotted`…).
public struct Flowchart: Sendable, Equatable {
    public var direction: Direction = .topBottom
    /// The mermaid frontmatter `title:`.
    public var title: String?
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// In the order mermaid finishes them: an inner subgraph before the one holding it.
    public var subgraphs: [Subgraph] = []
    public var classDefs: [String: [String]] = [:]
    /// Order in which class definitions were declared.
    public var classDefOrder: [String] = []
    public var clicks: [Click] = []
    /// `linkStyle default interpolate basis`.
    public var defaultInterpolate: String?
    public var accessibilityTitle: String?
    public var accessibilityDescription: String?

    public init() {}

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    public func subgraph(_ id: String) -> Subgraph? { subgraphs.first { $0.id == id } }
    public func edge(id: String) -> Edge? { edges.first { $0.id == id } }
}

public enum Direction: String, Sendable, Equatable, CaseIterable {
    case topBottom = "TB", bottomTop = "BT", leftRight = "LR", rightLeft = "RL"

    /// TD and TB, `v`; BT, `^`; LR, `>`; RL, `<`.
    public init?(mermaid word: String) {
        switch word {
        case "TB", "TD", "v": self = .topBottom
        case "BT", "^": self = .bottomTop
        case "LR", ">": self = .leftRight
        case "RL", "<": self = .rightLeft
        default: return nil
        }
    }

    public var isVertical: Bool { self == .topBottom || self == .bottomTop }
}

/// How a label was written: plain, `"quoted"`, or a markdown string `"`**bold**`"`.
public enum LabelType: String, Sendable, Equatable {
    case text, string, markdown
}

public struct Node: Sendable, Equatable {
    public var id: String
    /// The label as mermaid stores it (`<br>` kept, `<` as `&lt;`).
    public var label: String
    public var labelType: LabelType = .text
    /// The classic shape (`[ ]` square, `( )` round…), mermaid's `vertex.type`.
    public var shape: Shape?
    /// A shape from `id@{ shape: … }` (mermaid's newer names: `rounded`, `cyl`…).
    public var namedShape: String?
    public var classes: [String] = []
    public var styles: [String] = []
    /// `icon: "fa:user"`, `img: …` and other `@{ }` keys, kept as text.
    public var metadata: [String: String] = [:]
    /// Where the node is first written, 1-based in the diagram source.
    public var line: Int
    public var column: Int

    /// The lines a reader sees: split on `<br>` and line breaks, entities decoded,
    /// markdown markers and `fa:` icons dropped.
    public var lines: [String] { LabelText.lines(label, type: labelType) }

    public init(id: String, label: String, labelType: LabelType = .text, shape: Shape? = nil, namedShape: String? = nil,
                classes: [String] = [], styles: [String] = [], metadata: [String: String] = [:], line: Int, column: Int) {
        self.id = id
        self.label = label
        self.labelType = labelType
        self.shape = shape
        self.namedShape = namedShape
        self.classes = classes
        self.styles = styles
        self.metadata = metadata
        self.line = line
        self.column = column
    }
}

/// The classic node shapes, with mermaid's names for them.
public enum Shape: String, Sendable, Equatable, CaseIterable {
    case square, round, stadium, subroutine, cylinder, circle, doublecircle, odd, diamond,
         hexagon, lean_right, lean_left, trapezoid, inv_trapezoid, ellipse, rect
}

public struct Edge: Sendable, Equatable {
    /// The id written (`e1@-->`), else mermaid's generated `L_from_to_n`.
    public var id: String
    public var isUserDefinedID: Bool
    public var from: String
    public var to: String
    public var type: ArrowType
    public var stroke: Stroke
    public var length: Int
    public var label: String
    public var labelType: LabelType = .text
    public var animate: Bool?
    public var animation: String?
    /// `curve:` from `e1@{ }` or `linkStyle N interpolate …`.
    public var interpolate: String?
    public var classes: [String] = []
    public var styles: [String] = []
    public var line: Int
    public var column: Int

    public var isAnimated: Bool { animate == true || animation != nil }

    public init(id: String, isUserDefinedID: Bool, from: String, to: String, type: ArrowType, stroke: Stroke, length: Int,
                label: String, labelType: LabelType = .text, animate: Bool? = nil, animation: String? = nil,
                interpolate: String? = nil, classes: [String] = [], styles: [String] = [], line: Int, column: Int) {
        self.id = id
        self.isUserDefinedID = isUserDefinedID
        self.from = from
        self.to = to
        self.type = type
        self.stroke = stroke
        self.length = length
        self.label = label
        self.labelType = labelType
        self.animate = animate
        self.animation = animation
        self.interpolate = interpolate
        self.classes = classes
        self.styles = styles
        self.line = line
        self.column = column
    }
    /// The label as a reader sees it.
    public var labelLines: [String] { LabelText.lines(label, type: labelType) }
}

public enum ArrowType: String, Sendable, Equatable {
    case arrow_point, arrow_open, arrow_cross, arrow_circle
    case double_arrow_point, double_arrow_cross, double_arrow_circle
}

public enum Stroke: String, Sendable, Equatable {
    case normal, thick, dotted, invisible
}

public struct Subgraph: Sendable, Equatable {
    public var id: String
    public var title: String
    public var labelType: LabelType = .text
    public var direction: Direction?
    /// The direction word as written (`TD`), for mermaid's `dir`.
    public var directionWord: String?
    /// Members as mermaid lists them: node ids and the ids of subgraphs nested in it.
    public var nodes: [String]
    public var classes: [String] = []
    public var line: Int

    /// The title as a reader sees it.
    public var titleLines: [String] { LabelText.lines(title, type: labelType) }

    public init(id: String, title: String, labelType: LabelType = .text, direction: Direction? = nil,
                directionWord: String? = nil, nodes: [String], classes: [String] = [], line: Int) {
        self.id = id
        self.title = title
        self.labelType = labelType
        self.direction = direction
        self.directionWord = directionWord
        self.nodes = nodes
        self.classes = classes
        self.line = line
    }
}

/// `click id …`: interactions, kept and ignored when drawing.
public struct Click: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case callback(name: String, arguments: String?)
        case link(url: String, target: String?)
    }
    public var node: String
    public var action: Action
    public var tooltip: String?
}
