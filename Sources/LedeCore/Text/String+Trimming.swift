extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux and showed up as the
    /// largest cost when parsing large feeds; this walks the scalars directly.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
