import Foundation

/// Makes outside text safe and uniform: no escape sequences, no control characters,
/// composed Unicode, ordinary spaces, `\n` line ends.
///
/// Runs at ingestion and again at rendering, because a terminal that receives an
/// escape sequence from an article can be made to do anything.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        if isAlreadyClean(text) { return text }
        // Pure ASCII is already composed; skip the normalization round trip for it.
        let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        var out = ScalarTextBuilder(capacity: composed.utf8.count)
        let scalars = Array(composed.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s.value {
            case 0x1B:
                i = skipEscapeSequence(scalars, from: i)
                continue
            case 0x9B:  // CSI as one C1 byte
                i = skipControlSequenceBody(scalars, from: i + 1)
                continue
            case 0x0D:
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1; continue }
                out.append("\n")
            case 0x0A:
                out.append("\n")
            case 0x09:
                out.append(" ")
            case 0x0B, 0x0C, 0x2028, 0x2029:
                out.append("\n")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                break
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                out.append(" ")
            case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
                // Invisible and bidi-override characters: they can disguise text, and carry no meaning here.
                break
            default:
                out.append(s)
            }
            i += 1
        }
        return out.string
    }

    /// Text with nothing to change: printable characters and `\n` only, none of which NFC would alter.
    /// Most feed text is like this, and checking is far cheaper than rebuilding it.
    private static func isAlreadyClean(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if v < 0x20 && v != 0x0A || v == 0x7F { return false }
            } else if v < 0xA1 {
                // C1 controls go; U+00A0 becomes a plain space.
                return false
            } else if v < 0x300 {
                // Below the combining marks nothing composes or decomposes canonically.
                continue
            } else if v >= 0x2010 && v <= 0x2027 || v >= 0x2030 && v <= 0x205E {
                // General punctuation (dashes, quotes, ellipsis), minus the spaces and invisible marks.
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Skips ESC and what follows it: CSI (ESC [ … final), OSC/DCS/APC/PM (to BEL or ESC \), or one char.
    private static func skipEscapeSequence(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        guard i < s.count else { return i }
        switch s[i] {
        case "[":
            return skipControlSequenceBody(s, from: i + 1)
        case "]", "P", "_", "^", "X":
            i += 1
            while i < s.count {
                if s[i].value == 0x07 { return i + 1 }
                if s[i].value == 0x1B, i + 1 < s.count, s[i + 1] == "\\" { return i + 2 }
                i += 1
            }
            return i
        default:
            return i + 1
        }
    }

    private static func skipControlSequenceBody(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let v = s[i].value
            if v >= 0x40, v <= 0x7E { return i + 1 }
            if v < 0x20 || v > 0x7E { return i }
            i += 1
        }
        return i
    }

    /// One line of text for places that show a single line (titles, list rows).
    public static func singleLine(_ text: String) -> String {
        clean(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
