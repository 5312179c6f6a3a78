/// A colour for a terminal: an index into the 256-colour table, with the 8-colour one to
/// fall back on. `nil` index: the terminal's own default.
public struct TermColor: Hashable, Sendable {
    public var index256: Int?
    public var index8: Int?
    public init(_ index256: Int?, _ index8: Int?) {
        self.index256 = index256
        self.index8 = index8
    }
    public static let none = TermColor(nil, nil)
}

/// How a theme shows one style.
public struct Look: Hashable, Sendable {
    public var foreground: TermColor
    public var background: TermColor
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var italic = false
}

/// Themes map meanings to colours. Flows use the Okabe-Ito palette (distinguishable with
/// the common colour-blindnesses) and always carry a second signal (a mark, bold), so
/// colour is never the only one.
public struct Theme: Sendable {
    public enum Name: String, Sendable, CaseIterable { case dark, light, projector, mono }
    public var name: Name

    public init(_ name: Name) { self.name = name }

    /// Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
    public static let okabeIto: [TermColor] = [
        TermColor(214, 3), TermColor(74, 6), TermColor(36, 2), TermColor(221, 3),
        TermColor(25, 4), TermColor(166, 1), TermColor(175, 5),
    ]

    /// The flows on a white projection: the same hues, dark enough to read from the back.
    static let projectorFlows: [TermColor] = [
        TermColor(166, 3), TermColor(25, 6), TermColor(29, 2), TermColor(130, 3),
        TermColor(18, 4), TermColor(124, 1), TermColor(90, 5),
    ]

    static let classColours: [String: TermColor] = [
        "blue": TermColor(33, 4), "green": TermColor(35, 2), "red": TermColor(160, 1), "orange": TermColor(208, 3),
        "yellow": TermColor(178, 3), "purple": TermColor(97, 5), "grey": TermColor(245, 7), "gray": TermColor(245, 7),
        "ingress": TermColor(173, 3), "gateway": TermColor(140, 5),
    ]

    public func look(_ style: Style) -> Look {
        var look = Look(foreground: .none, background: .none, bold: style.bold, underline: style.underline,
                        reverse: style.reverse, dim: style.dim, italic: style.italic)
        if name == .projector { look.background = TermColor(231, 7) ; look.foreground = TermColor(16, 0) }
        let light = name == .light || name == .projector
        func fg(_ c: TermColor) { if name != .mono { look.foreground = c } }
        switch style.role {
        case .plain: break
        case .muted: if name == .mono { look.dim = true } else { fg(light ? TermColor(242, 0) : TermColor(245, 7)) }
        case .heading(let level): look.bold = true; fg(light ? TermColor(24, 4) : TermColor(117, 6)); if level <= 2 { look.underline = look.underline || name == .mono }
        case .code: fg(light ? TermColor(94, 3) : TermColor(223, 3))
        case .link: look.underline = true; fg(light ? TermColor(25, 4) : TermColor(75, 4))
        case .quote: look.italic = true; fg(light ? TermColor(240, 0) : TermColor(250, 7))
        case .border: fg(light ? TermColor(244, 0) : TermColor(240, 7))
        case .title: look.bold = true
        case .caption: look.italic = true; fg(light ? TermColor(242, 0) : TermColor(246, 7))
        case .selected: look.reverse = true
        case .directive(let kind):
            switch kind {
            case "tip", "info", "note": fg(TermColor(light ? 28 : 114, 2))
            case "warning", "caution", "danger": fg(TermColor(light ? 160 : 203, 1)); look.bold = true
            case "link": fg(TermColor(light ? 25 : 75, 4))
            case "exo", "correction": fg(TermColor(light ? 90 : 176, 5))
            default: fg(TermColor(light ? 240 : 250, 7))
            }
        case .diagramClass(let name): fg(Self.classColours[name] ?? TermColor(light ? 238 : 252, 7))
        case .flow(let n): fg(Self.okabeIto[n % Self.okabeIto.count]); look.bold = true
        case .packet: look.bold = true; look.reverse = name == .mono; fg(Self.okabeIto[0])
        case .error: look.bold = true; fg(TermColor(160, 1))
        case .warning: fg(TermColor(light ? 130 : 214, 3))
        case .ok: fg(TermColor(light ? 28 : 114, 2))
        }
        // On a projector, grey on white washes out: frames, captions and muted text are
        // drawn black or near black, flows in the palette's darker tones, nothing dim.
        if name == .projector {
            look.dim = false
            switch style.role {
            case .border: look.foreground = TermColor(16, 0)
            case .muted, .caption, .quote: look.foreground = TermColor(236, 0)
            case .flow(let n): look.foreground = Self.projectorFlows[n % Self.projectorFlows.count]
            case .packet: look.foreground = Self.projectorFlows[0]
            default: break
            }
        }
        return look
    }
}
