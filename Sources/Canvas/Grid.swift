/// A rectangle of cells: x and y from the top left, in cells.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }

    public func intersects(_ other: Rect) -> Bool { !intersection(other).isEmpty }
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// One cell: a grapheme and its style. The second half of a wide character is a
/// continuation cell, never written on its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells with a clipping rectangle: everything drawn outside it is dropped, and
/// a wide character that would straddle its edge is not drawn (never split).
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var clip: Rect

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
        clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
    }

    /// The first `height` rows of `cells` (taken, not copied).
    private init(width: Int, height: Int, cells: consuming [Cell]) {
        self.width = width
        self.height = height
        cells.removeSubrange((width * height)...)
        self.cells = cells
        clip = Rect(x: 0, y: 0, width: width, height: height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// The same grid without its blank rows at the bottom (its top and its columns stay,
    /// so every position in it keeps its meaning).
    /// (Consuming: the drawing it trims is not needed, and a 1,000-node chart's grid was
    /// copied cell by cell.)
    public consuming func trimmingBlankBottom() -> Grid {
        var last = height - 1
        while last >= 0, (0..<width).allSatisfy({ cells[last * width + $0].character == " " }) { last -= 1 }
        guard last < height - 1 else { return self }
        return Grid(width: width, height: last + 1, cells: cells)
    }

    func visible(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && clip.contains(x: x, y: y)
    }

    /// Writes a character; returns the cells it took (0 when it was clipped or has no width).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain) -> Int {
        let w = CellWidth.of(character)
        guard w > 0 else { return 0 }
        guard visible(x, y), w == 1 || visible(x + 1, y) else { return w }
        clearWide(x, y)
        self[x, y] = Cell(character, style: style)
        if w == 2 {
            clearWide(x + 1, y)
            self[x + 1, y] = Cell(" ", style: style, isContinuation: true)
        }
        return w
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(_ x: Int, _ y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        // (An ASCII character is one cell: no width to look up for most writes.)
        if !cell.isContinuation, !cell.character.isASCII, CellWidth.of(cell.character) == 2, x + 1 < width {
            self[x + 1, y] = Cell(" ", style: cell.style)
        }
    }

    /// Writes text on one line from (x, y); returns the x after it.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain) -> Int {
        var cx = x
        for c in text { cx += put(c, x: cx, y: y, style: style) }
        return cx
    }

    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX where visible(x, y) { self[x, y] = Cell(character, style: style) } }
    }

    /// Runs `body` with the clip narrowed to `rect`.
    public mutating func clipped(to rect: Rect, _ body: (inout Grid) -> Void) {
        let saved = clip
        clip = clip.intersection(rect)
        body(&self)
        clip = saved
    }

    /// The text of each row, trailing spaces removed (continuation cells take no character).
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Copies another grid in at (x, y), through the clip.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        for oy in 0..<other.height {
            for ox in 0..<other.width {
                let cell = other[ox, oy]
                let tx = x + ox, ty = y + oy
                guard visible(tx, ty) else { continue }
                if cell.isContinuation {
                    if visible(tx - 1, ty) { self[tx, ty] = cell }
                    continue
                }
                if CellWidth.of(cell.character) == 2 && !visible(tx + 1, ty) { continue }
                self[tx, ty] = cell
            }
        }
    }
}
