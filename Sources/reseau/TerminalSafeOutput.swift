import Canvas
import Facts
import Words
import FoundationEssentials
import Glibc

// Everything this program prints goes through these two functions: `print` here shadows
// Swift's for the whole module. Lessons, scene files and Mermaid files are other people's
// text; a control character in them (ESC above all) is written as a visible escape
// (`\u{1B}`), never sent to the terminal. Newlines and tabs pass.

func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(terminalSafe(text), terminator: terminator)
}

/// A line on standard error. A failing standard error (closed, a full disk, a terminal gone)
/// loses the line and nothing else: `FileHandle.write` would trap the program (SIGILL).
func printError(_ line: String) {
    var bytes = Array((terminalSafe(line) + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}

/// `text` with C0 controls other than newline and tab, DEL and C1 controls escaped.
func terminalSafe(_ text: String) -> String {
    guard ControlCharacters.mightHold(text.utf8) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        if ControlCharacters.isControl(scalar) {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// The variables that choose the locale's codeset, in glibc's precedence.
let codesetVariables = ["LC_ALL", "LC_CTYPE", "LANG"]

/// The locale's codeset is UTF-8, as glibc would choose it: the first of LC_ALL, LC_CTYPE
/// and LANG that is set (none: the C locale, which is ASCII).
func localeIsUTF8(_ environment: [String: String] = Environment.values(codesetVariables)) -> Bool {
    let name = codesetVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
    let codeset = name.split(separator: ".").dropFirst().first?.split(separator: "@").first?.lowercased() ?? ""
    return codeset == "utf-8" || codeset == "utf8"
}

/// A line of the program's text output (render, the line mode): folded to ASCII, cell for
/// cell and letters kept, with `--ascii` or when the locale cannot show anything else.
func emit(_ line: String, ascii: Bool) {
    print(ascii || !outputIsUTF8 ? ASCIIFold.line(line) : line)
}

/// A line of the line modes (`--plain`, `quiz --plain`): as it is, or folded to ASCII when
/// the locale cannot show anything else (as `emit` does).
func say(_ line: String = "") { emit(line, ascii: false) }

/// Whether to draw in ASCII: asked for (`--ascii`), or the output cannot show Unicode. Drawn
/// so rather than folded afterwards: the fold drops what has no letter (a struck word's stroke).
func drawsASCII(asked: Bool) -> Bool { asked || !outputIsUTF8 }

/// The locale, read once (not at every line printed).
let outputIsUTF8 = localeIsUTF8()
