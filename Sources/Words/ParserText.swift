/// What ArgumentParser itself writes around our texts: the headings of `--help`, the help of
/// `-h, --help`, the `(values: …)` and `(default: …)` notes, and its usage errors ("Unknown
/// option '--x'"). It has no localisation, so under `--lang fr` a French help said
/// `OVERVIEW:` and a mistyped option said `Error: Unknown option`. `ParserOutput` reads its
/// output line by line (the wording of swift-argument-parser 1.8.2) into these phrases and
/// says them in the catalog's language; a line it does not recognise passes unchanged.
/// English says exactly what ArgumentParser wrote.
public enum ParserPhrase: Sendable, Equatable {
    // Headings of `--help`.
    case overviewHeading, usageHeading, argumentsHeading, optionsHeading, subcommandsHeading
    // Prefixes of a usage error's lines.
    case errorPrefix, usagePrefix, helpPrefix
    /// `See 'reseau present --help' for more information.`
    case seeHelp(command: String)
    /// `See 'reseau help <subcommand>' for detailed help.` (`names`: "reseau help").
    case seeSubcommandHelp(names: String)
    // The help of the options ArgumentParser adds.
    case showHelp, showVersion, showSubcommandHelp
    /// `(values:` and `(default:` in an option's help; `; default:` between them.
    case valuesNote, defaultNote, defaultAfterValues
    // Usage errors.
    case unknownOption(String)
    case unknownOptionDidYouMean(String, suggestion: String)
    case missingValue(String)
    case takesNoValue(String, given: String)
    case unexpectedArgument(String)
    case unexpectedArguments([String])
    case missingArgument(String)
    case missingOneOf([String])
    /// `The value 'x' is invalid for '--lang <lang>'`; `option` nil: `The value 'x' is invalid.`
    case invalidValue(String, option: String?)
    /// `. Please provide one of 'fr' and 'en'.` after an invalid value.
    case provideOneOf([String])
    /// `. Please provide one of the following:`, the values follow one a line.
    case provideOneOfTheFollowing
    /// `: ` between an invalid value and why (our reason, already in the language).
    case reasonSeparator
    case missingSubcommand
}

public enum ParserOutput {
    /// `text` (ArgumentParser's `fullMessage(for:)`: a help, or a usage error with its usage
    /// line) in `words`' language.
    public static func translate(_ text: String, _ words: any Phrasebook) -> String {
        var out: [String] = []
        // The usage's continuation lines hang under its first word: moved with a longer heading.
        var hanging: (old: Int, new: Int)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let h = hanging {
                let indent = line.prefix(while: { $0 == " " }).count
                if indent == h.old, indent < line.count {
                    out.append(String(repeating: " ", count: h.new) + line.dropFirst(h.old))
                    continue
                }
                hanging = nil
            }
            var heading: String?
            out.append(translateLine(line, words, heading: &heading))
            if let heading { hanging = (old: 7, new: heading.count + 1) }
        }
        return out.joined(separator: "\n")
    }

    private static func translateLine(_ line: String, _ words: any Phrasebook, heading: inout String?) -> String {
        let say = words.parser
        switch line {
        case "ARGUMENTS:": return say(.argumentsHeading)
        case "OPTIONS:": return say(.optionsHeading)
        case "SUBCOMMANDS:": return say(.subcommandsHeading)
        default: break
        }
        if let rest = line.after("OVERVIEW: ") { return say(.overviewHeading) + " " + rest }
        if let rest = line.after("USAGE: ") {
            heading = say(.usageHeading)
            return say(.usageHeading) + " " + rest
        }
        if let rest = line.after("Usage: ") {
            heading = say(.usagePrefix)
            return say(.usagePrefix) + " " + rest
        }
        if let rest = line.after("Error: ") { return say(.errorPrefix) + " " + message(rest, words) }
        if let rest = line.after("Help:  ") { return say(.helpPrefix) + "  " + rest }
        if let command = line.between("  See '", "' for more information.") { return "  " + say(.seeHelp(command: command)) }
        if let names = line.between("  See '", " <subcommand>' for detailed help.") { return "  " + say(.seeSubcommandHelp(names: names)) }
        // A row of OPTIONS or SUBCOMMANDS: ArgumentParser's own help at its end, its notes anywhere.
        var row = line
        for (english, phrase) in [("Show help information.", ParserPhrase.showHelp), ("Show the version.", .showVersion),
                                  ("Show subcommand help information.", .showSubcommandHelp)]
            where row.hasSuffix(english) && row.hasPrefix("  ") {
            row = String(row.dropLast(english.count)) + say(phrase)
        }
        for (english, phrase) in [("(values:", ParserPhrase.valuesNote), ("(default:", .defaultNote), ("; default:", .defaultAfterValues)] {
            row = row.replacingWord(english, with: say(phrase))
        }
        return row
    }

    /// A usage error's first line (the values of a list follow on lines of their own).
    private static func message(_ text: String, _ words: any Phrasebook) -> String {
        let say = words.parser
        if let parts = text.quoted(around: ["Unknown option '", "'. Did you mean '", "'?"]) {
            return say(.unknownOptionDidYouMean(parts[0], suggestion: parts[1]))
        }
        if let name = text.between("Unknown option '", "'") { return say(.unknownOption(name)) }
        if let name = text.between("Missing value for '", "'") { return say(.missingValue(name)) }
        if let parts = text.quoted(around: ["The option '", "' does not take any value, but '", "' was specified."]) {
            return say(.takesNoValue(parts[0], given: parts[1]))
        }
        if let value = text.between("Unexpected argument '", "'") { return say(.unexpectedArgument(value)) }
        if let count = text.firstIndex(of: " "), Int(text[..<count]) != nil,
           let list = text[count...].description.between(" unexpected arguments: '", "'") {
            return say(.unexpectedArguments(list.split(separator: "', '", omittingEmptySubsequences: false).map(String.init)))
        }
        if let name = text.between("Missing expected argument '", "'") { return say(.missingArgument(name)) }
        if let list = text.between("Missing one of: '", "'") { return say(.missingOneOf(list.split(separator: "', '", omittingEmptySubsequences: false).map(String.init))) }
        if text == "Missing required subcommand." { return say(.missingSubcommand) }
        if let value = text.after("The value '"), let end = value.firstRange(of: "' is invalid") {
            let given = String(value[..<end.lowerBound])
            var rest = String(value[end.upperBound...])
            var option: String?
            if let r = rest.after(" for '"), let close = r.firstIndex(of: "'") {
                option = String(r[..<close])
                rest = String(r[r.index(after: close)...])
            } else if let r = rest.after(".") {
                rest = r
            }
            return say(.invalidValue(given, option: option)) + tail(rest, words)
        }
        return text
    }

    /// What follows an invalid value: the values to choose from, or the reason (ours, already
    /// in the language) after `: `.
    private static func tail(_ rest: String, _ words: any Phrasebook) -> String {
        if rest == ". Please provide one of the following:" { return words.parser(.provideOneOfTheFollowing) }
        if let list = rest.between(". Please provide one of ", ".") {
            // 'a' and 'b', 'a', 'b' or 'c': the values are between quotes.
            let values = list.split(separator: "'", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            return words.parser(.provideOneOf(values))
        }
        if let reason = rest.after(": ") { return words.parser(.reasonSeparator) + reason }
        return rest
    }
}

extension String {
    fileprivate func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The text between a prefix and a suffix that frame the whole string.
    fileprivate func between(_ prefix: String, _ suffix: String) -> String? {
        guard hasPrefix(prefix), hasSuffix(suffix), count >= prefix.count + suffix.count else { return nil }
        return String(dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// The values between fixed pieces that make the whole string: `["a '", "' b '", "'"]`
    /// reads `a 'x' b 'y'` as `["x", "y"]`.
    fileprivate func quoted(around pieces: [String]) -> [String]? {
        guard let first = pieces.first, var rest = after(first) else { return nil }
        var values: [String] = []
        for piece in pieces.dropFirst() {
            if piece == pieces.last {
                guard rest.hasSuffix(piece) else { return nil }
                values.append(String(rest.dropLast(piece.count)))
                return values
            }
            guard let r = rest.firstRange(of: piece) else { return nil }
            values.append(String(rest[..<r.lowerBound]))
            rest = String(rest[r.upperBound...])
        }
        return values
    }

    /// `word` replaced where it stands as a word: followed by a space or the end of the line.
    fileprivate func replacingWord(_ word: String, with replacement: String) -> String {
        guard word != replacement, contains(word) else { return self }
        var result = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: word) {
            let next = r.upperBound == rest.endIndex ? nil : rest[r.upperBound]
            result += rest[..<r.lowerBound]
            result += (next == nil || next == " ") ? replacement : word
            rest = rest[r.upperBound...]
        }
        return result + rest
    }
}
