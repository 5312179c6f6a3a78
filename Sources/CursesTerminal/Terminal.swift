@preconcurrency import CNCursesW
import Canvas
import Facts
import FoundationEssentials
import Glibc

/// A key, as the program understands it.
public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown, backspace, enter, tab, backTab, escape
    case resize
    /// Ctrl and a letter (`ctrl("c")`).
    case control(Character)
    /// A watched file changed on disk.
    case fileChanged
    /// One of `channels` has something to read (the presenter's console link).
    case channel
}

/// The only owner of ncursesw: it starts the screen, writes only the cells that changed,
/// reads keys, and restores the terminal on every way out (quit, signals, crashes).
public final class Terminal {
    public private(set) var width = 0
    public private(set) var height = 0
    /// The locale can show Unicode (else draw with ASCII).
    public let unicode: Bool
    /// 256, 8, or 0 colours (`NO_COLOR` asks for none).
    public let colors: Int
    private var shown: Grid?
    private var pairs: [Int32: Int16] = [:]
    private var theme: Theme
    private var running = true
    /// Links are sent as OSC 8 hyperlinks (the terminal has them); else they stay text.
    public var hyperlinks: Bool
    /// Other descriptors `readKey` waits on (sockets): `.channel` when one is readable.
    public var channels: [Int32] = []

    /// Whether the terminal can be drawn on: `TERM` names a terminal that has a description
    /// (ncurses' `tgetent`), and is not `dumb`. Otherwise the program speaks line by line.
    public static func canDraw() -> Bool {
        guard let term = getenv("TERM"), term.pointee != 0 else { return false }
        let name = String(cString: term)
        guard name != "dumb" else { return false }
        return reseau_terminal_known(name) == 1
    }

    private static func codesetIsUTF8() -> Bool {
        let name = String(cString: nl_langinfo(nl_item(CODESET)))
        return name == "UTF-8" || name == "utf8" || name == "UTF8" || name == "utf-8"
    }

    /// Every cell folded to ASCII (`--ascii`); also when the terminal cannot show Unicode.
    public var asciiOnly = false

    public init(theme: Theme) {
        setlocale(LC_ALL, "")
        // LANG unset or C: ncursesw would drop every letter outside ASCII (a French lesson
        // lost its é). The C.UTF-8 locale (glibc 2.35 and later, Debian, Ubuntu) draws them;
        // without it the screen is folded to ASCII, letters kept (`é` → `e`).
        if !Self.codesetIsUTF8() {
            for name in ["C.UTF-8", "C.utf8"] where setlocale(LC_CTYPE, name) != nil { break }
        }
        unicode = Self.codesetIsUTF8()
        reseau_install_signal_handlers()
        initscr()
        cbreak()
        noecho()
        nonl()
        intrflush(stdscr, false)
        keypad(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        var count = 0
        if Environment.value("NO_COLOR").map({ !$0.isEmpty }) != true, has_colors() {
            start_color()
            use_default_colors()
            count = Int(COLORS) >= 256 ? 256 : 8
        }
        colors = count
        self.theme = theme
        hyperlinks = Self.supportsHyperlinks(Environment.values(Self.hyperlinkVariables))
        refreshSize()
    }

    deinit { stop() }

    public func setTheme(_ theme: Theme) {
        self.theme = theme
        pairs = [:]
        lastStyle = nil
        shown = nil
    }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        if !isendwin() { endwin() }
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the program to quit, or 0.
    public var quitSignal: Int32 { Int32(reseau_quit_signal()) }

    func refreshSize() {
        width = Int(reseau_cols())
        height = Int(reseau_lines())
    }

    /// Also wake up when these files change.
    public var watch: FileWatch?

    /// Waits for a key: forever (`timeout` nil: no timer, no CPU while idle), or at most
    /// `timeout` milliseconds. nil on timeout or when a quit signal interrupted the wait.
    public func readKey(timeout milliseconds: Int?) -> Key? {
        if watch != nil || !channels.isEmpty {
            // Keys ncurses has already read come first; then sleep in poll() on the
            // keyboard and the file watch together.
            timeout(0)
            if let key = readOne() { return key }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if let watch { fds.append(pollfd(fd: watch.descriptor, events: Int16(POLLIN), revents: 0)) }
            for c in channels { fds.append(pollfd(fd: c, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(milliseconds ?? -1))
            if ready <= 0 { return nil }
            if let watch, fds[1].revents != 0, watch.drain() { return .fileChanged }
            if fds.suffix(channels.count).contains(where: { $0.revents != 0 }) { return .channel }
            if fds[0].revents == 0 { return nil }
            timeout(50)
            return readOne()
        }
        timeout(Int32(milliseconds ?? -1))
        return readOne()
    }

    private func readOne() -> Key? {
        var wide: wint_t = 0
        let result = get_wch(&wide)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            let code = Int32(wide)
            if code == reseau_key_resize() {
                refreshSize()
                shown = nil
                return .resize
            }
            switch code {
            case reseau_key_up(): return .up
            case reseau_key_down(): return .down
            case reseau_key_left(): return .left
            case reseau_key_right(): return .right
            case reseau_key_home(): return .home
            case reseau_key_end(): return .end
            case reseau_key_npage(): return .pageDown
            case reseau_key_ppage(): return .pageUp
            case reseau_key_backspace(): return .backspace
            case reseau_key_enter(): return .enter
            case reseau_key_btab(): return .backTab
            default: return nil
            }
        }
        switch wide {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(wide) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(wide)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The variables `supportsHyperlinks` reads.
    static let hyperlinkVariables = ["RESEAU_HYPERLINKS", "TMUX", "TERM", "VTE_VERSION", "TERM_PROGRAM", "KITTY_WINDOW_ID", "WT_SESSION"]

    /// Whether the terminal shows OSC 8 hyperlinks, from what it says of itself:
    /// `RESEAU_HYPERLINKS=1` or `0` decides; else VTE 0.50+, iTerm2, WezTerm, kitty,
    /// foot, Windows Terminal, VS Code and Ghostty do. Inside tmux or screen, whose support
    /// depends on their own configuration, links stay text unless asked.
    public static func supportsHyperlinks(_ environment: [String: String]) -> Bool {
        // (Every variable read here is in `hyperlinkVariables`.)
        if let forced = environment["RESEAU_HYPERLINKS"] { return forced == "1" }
        if environment["TMUX"] != nil || (environment["TERM"] ?? "").hasPrefix("screen") { return false }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        return ["xterm-kitty", "foot", "foot-extra", "wezterm", "xterm-ghostty"].contains(environment["TERM"] ?? "")
    }

    /// The OSC 8 sequences that make row `y`'s links hyperlinks: for each, the cursor saved,
    /// moved to the link, its text written again with its look inside the hyperlink, the cursor
    /// and attributes restored (ncurses does not know of them and need not).
    public static func hyperlinkSequences(_ grid: Grid, rows: [Int], theme: Theme, colors: Int) -> String {
        var out = ""
        for y in rows {
            for run in grid.linkRuns(y: y) {
                out += "\u{1B}7\u{1B}[\(y + 1);\(run.x + 1)H" + sgr(theme.look(run.style), colors: colors)
                    + "\u{1B}]8;;\(run.url)\u{1B}\\" + run.text + "\u{1B}]8;;\u{1B}\\\u{1B}8"
            }
        }
        return out
    }

    /// The SGR sequence of a look (what ncurses would have sent for it).
    static func sgr(_ look: Look, colors: Int) -> String {
        var codes = ["0"]
        if look.bold { codes.append("1") }
        if look.dim { codes.append("2") }
        if look.italic { codes.append("3") }
        if look.underline { codes.append("4") }
        if look.reverse { codes.append("7") }
        func color(_ c: TermColor, _ base: Int) {
            if colors >= 256, let i = c.index256 { codes.append("\(base + 8);5;\(i)") }
            else if colors > 0, let i = c.index8 { codes.append(i < 8 ? "\(base + i)" : "\(base + 60 + i - 8)") }
        }
        color(look.foreground, 30)
        color(look.background, 40)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The screen shown, with `text` on its last row in reverse video (a line saying the
    /// program is busy); the next frame replaces it.
    public func showStatus(_ text: String) {
        var grid = shown ?? Grid(width: width, height: height)
        guard grid.height > 0 else { return }
        let row = grid.height - 1
        grid.fill(Rect(x: 0, y: row, width: grid.width, height: 1), style: Style(.selected))
        _ = grid.put(" " + text, x: 0, y: row, style: Style(.selected))
        _ = present(grid)
    }

    /// Writes the cells that differ from what is on screen (all of them after a resize or a
    /// theme change), then refreshes. Returns how many cells were written.
    @discardableResult
    public func present(_ grid: Grid) -> Int {
        var written = 0
        var rows: [Int] = []
        // The characters handed to ncurses, reused from frame to frame (taken out of the
        // property for the frame, so that no cell goes through an access check).
        var buffer: [wchar_t] = []
        swap(&buffer, &text)
        if let shown, shown.width == grid.width, shown.height == grid.height {
            for change in grid.changes(from: shown) {
                written += change.cells.withUnsafeBufferPointer { paint($0, x: change.x, y: change.y, overBlank: false, buffer: &buffer) }
                rows.append(change.y)
            }
        } else {
            // Every cell, read where it is (no copy of the screen's rows first); the screen is
            // erased first, so plain blanks need not be written (most of a slide's screen).
            erase()
            let width = grid.width
            written += grid.cells.withUnsafeBufferPointer { cells in
                (0..<grid.height).reduce(0) { sum, y in
                    sum + paint(UnsafeBufferPointer(rebasing: cells[y * width ..< (y + 1) * width]), x: 0, y: y, overBlank: true,
                                buffer: &buffer)
                }
            }
            rows = Array(0..<grid.height)
        }
        swap(&buffer, &text)
        refresh()
        // The rows that changed and hold a link: sent again as hyperlinks.
        if hyperlinks {
            // Every changed row that shows a link (ncurses may have written over it plainly).
            let linked = Set(rows).sorted().filter { y in (0..<grid.width).contains { grid[$0, y].style.hasLink } }
            let sequences = Self.hyperlinkSequences(grid, rows: linked, theme: theme, colors: colors)
            if !sequences.isEmpty {
                let bytes = Array(sequences.utf8)
                _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            }
        }
        shown = grid
        return written
    }

    /// Gives ncurses a row's cells from column `x` on, one call per run of cells of one style;
    /// returns how many cells were written (a wide character's second half is not one).
    /// `overBlank`: the row was just erased, and a run of spaces with the plain look (no
    /// attribute, no colour: what `erase` leaves) is already on it.
    private func paint(_ cells: UnsafeBufferPointer<Cell>, x: Int, y: Int, overBlank: Bool, buffer: inout [wchar_t]) -> Int {
        if asciiOnly || !unicode {
            return cells.indices.reduce(0) { $0 + paint(cells[$1], x: x + $1, y: y) }
        }
        var written = 0
        var start = cells.startIndex
        while start < cells.endIndex {
            let style = cells[start].style
            var end = start
            var shown = 0
            var spaces = true
            buffer.removeAll(keepingCapacity: true)
            while end < cells.endIndex, cells[end].style == style {
                if !cells[end].isContinuation {
                    for scalar in cells[end].character.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                    spaces = spaces && cells[end].character == " "
                    shown += 1
                } else {
                    spaces = false
                }
                buffer.append(0)
                end += 1
            }
            use(style)
            if !(overBlank && spaces && lastAttributes == reseau_a_normal() && lastPair == 0) {
                reseau_put_run(Int32(y), Int32(x + start), buffer, Int32(end - start), lastAttributes, lastPair)
                written += shown
            }
            start = end
        }
        return written
    }

    /// Gives ncurses one cell (none for a wide character's second half); 1 when written.
    private func paint(_ cell: Cell, x: Int, y: Int) -> Int {
        if cell.isContinuation { return 0 }
        if asciiOnly || !unicode, !cell.character.isASCII {
            // Cell for cell: a wide character's second cell gets a space.
            var folded = cell
            folded.character = ASCIIFold.character(cell.character)
            put(folded, x: x, y: y)
            if CellWidth.of(cell.character) == 2 { put(Cell(" ", style: cell.style), x: x + 1, y: y) }
        } else {
            put(cell, x: x, y: y)
        }
        return 1
    }

    /// The attributes and colour pair of the last style written: neighbouring cells mostly
    /// share a style, so its look and pair are worked out once per run of cells.
    private var lastStyle: Style?
    private var lastAttributes = reseau_a_normal()
    private var lastPair: Int16 = 0
    /// The characters of a run of cells for ncurses, each cell's 0-terminated (kept from frame
    /// to frame, so that no cell allocates).
    private var text: [wchar_t] = []

    private func put(_ cell: Cell, x: Int, y: Int) {
        use(cell.style)
        var one: [wchar_t] = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        one.append(0)
        _ = reseau_put_cell(Int32(y), Int32(x), one, lastAttributes, lastPair)
    }

    /// Makes `style`'s attributes and colour pair the current ones.
    private func use(_ style: Style) {
        if style != lastStyle {
            let look = theme.look(style)
            var attrs = reseau_a_normal()
            if look.bold { attrs |= reseau_a_bold() }
            if look.underline { attrs |= reseau_a_underline() }
            if look.reverse { attrs |= reseau_a_reverse() }
            if look.dim { attrs |= reseau_a_dim() }
            if look.italic { attrs |= reseau_a_italic() }
            lastAttributes = attrs
            lastPair = colorPair(look)
            lastStyle = style
        }
    }

    private func colorPair(_ look: Look) -> Int16 {
        guard colors > 0 else { return 0 }
        let fg = Int16((colors >= 256 ? look.foreground.index256 : look.foreground.index8) ?? -1)
        let bg = Int16((colors >= 256 ? look.background.index256 : look.background.index8) ?? -1)
        if fg == -1 && bg == -1 { return 0 }
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < COLOR_PAIRS else { return 0 }
        init_pair(next, fg, bg)
        pairs[key] = next
        return next
    }
}
