import Facts
import Words
import Foundation

// Everything this program prints goes through these two functions: `print` here shadows
// Swift's for the whole module. Lessons, scene files and Mermaid files are other people's
// text; a control character in them (ESC above all) is written as a visible escape
// (`\u{1B}`), never sent to the terminal. Newlines and tabs pass.

func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(terminalSafe(text), terminator: terminator)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((terminalSafe(line) + "\n").utf8))
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
