import Facts
/// The parser walks Unicode scalars, not grapheme clusters: much faster, and columns
/// count scalars, as the lesson loader's do.
extension Unicode.Scalar {
    var isWhitespace: Bool { properties.isWhitespace }
    var isNewline: Bool { self == "\n" || self == "\r" || self == "\u{0B}" || self == "\u{0C}" || self == "\u{85}" || self == "\u{2028}" || self == "\u{2029}" }
    var isLetter: Bool { properties.isAlphabetic }
    var isNumber: Bool { properties.numericType != nil }
}

extension String {
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }

    mutating func append(_ scalar: Unicode.Scalar) { unicodeScalars.append(scalar) }

    func contains(_ scalar: Unicode.Scalar) -> Bool { unicodeScalars.contains(scalar) }
}
