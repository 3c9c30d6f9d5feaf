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
        var composed = isComposed(text) ? text : text.precomposedStringWithCanonicalMapping
        var out = ScalarTextBuilder(capacity: composed.utf8.count)
        // Walks UTF-8 bytes: printable ASCII, nearly all of an article, is copied without decoding,
        // where an array of scalars cost a quarter of parsing a saved page.
        composed.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x20, byte < 0x7F {
                    out.bytes.append(byte)
                    i += 1
                    continue
                }
                if byte < 0x80 {
                    switch byte {
                    case 0x1B:
                        i = skipEscapeSequence(bytes, from: i)
                        continue
                    case 0x0D:
                        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; continue }
                        out.bytes.append(0x0A)
                    case 0x0A, 0x0B, 0x0C:
                        out.bytes.append(0x0A)
                    case 0x09:
                        out.bytes.append(0x20)
                    default:
                        break  // other C0 controls and DEL
                    }
                    i += 1
                    continue
                }
                let length = scalarLength(byte)
                guard i + length <= bytes.count else { break }
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[i + offset] & 0x3F) }
                switch value {
                case 0x9B:  // CSI as one C1 character
                    i = skipControlSequenceBody(bytes, from: i + length)
                    continue
                case 0x2028, 0x2029:
                    out.bytes.append(0x0A)
                case 0x80..<0xA0:
                    break
                case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                    out.bytes.append(0x20)
                case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
                    // Invisible and bidi-override characters: they can disguise text, and carry no meaning here.
                    break
                default:
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                i += length
            }
        }
        return out.string
    }

    /// Text with nothing to change: printable characters and `\n` only, none of which NFC would alter.
    /// Most feed text is like this, and checking is far cheaper than rebuilding it.
    static func isAlreadyClean(_ text: String) -> Bool {
        // On UTF-8 bytes, decoding only what is not ASCII: the scalar walk below cost as much as
        // hashing the body, on every item of a refresh. The same answer (tests compare the two).
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 && b != 0x0A || b == 0x7F { return false }
                    i += 1
                    continue
                }
                guard let (v, length) = scalar(in: bytes, at: i) else { return false }
                if v < 0xA1 { return false }
                if v >= 0x300 && !(v >= 0x2010 && v <= 0x2027 || v >= 0x2030 && v <= 0x205E) { return false }
                i += length
            }
            return true
        }
    }

    /// `isAlreadyClean` scalar by scalar, as it was written first (tests compare the two).
    static func isAlreadyCleanByScalars(_ text: String) -> Bool {
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

    /// Whether the text is certainly in NFC already, judged from its characters alone: ASCII, Latin
    /// below the combining marks (U+0300), and general punctuation and currency signs other than
    /// U+2000/U+2001 (which NFC replaces) compose with nothing and are their own NFC. Most articles
    /// are all such characters, and normalizing cost three quarters of sanitizing.
    static func isComposed(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte < 0x80 { continue }
            if byte >= 0xC2, byte < 0xCC {  // U+0080..<U+0300
                _ = iterator.next()
                continue
            }
            guard byte == 0xE2, let second = iterator.next(), let third = iterator.next() else { return false }
            let value = (UInt32(byte & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
            guard (0x2002...0x205E).contains(value) || (0x20A0...0x20BF).contains(value) else { return false }
        }
        return true
    }

    /// The scalar value of the multi-byte sequence at `i` of valid UTF-8 (it came from a String:
    /// the lead byte gives the length) and its length in bytes; nil if the buffer ends inside it.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[i]
        let length = scalarLength(lead)
        guard i + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }

    /// Bytes in the UTF-8 sequence a (valid) lead byte starts.
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// Skips ESC and what follows it: CSI (ESC [ … final), OSC/DCS/APC/PM (to BEL or ESC \), or one character.
    /// Every byte these stop at is ASCII, so on UTF-8 they stop where scalars would.
    private static func skipEscapeSequence(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start + 1
        guard i < s.count else { return i }
        switch s[i] {
        case 0x5B:  // [
            return skipControlSequenceBody(s, from: i + 1)
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // ] P _ ^ X
            i += 1
            while i < s.count {
                if s[i] == 0x07 { return i + 1 }
                if s[i] == 0x1B, i + 1 < s.count, s[i + 1] == 0x5C { return i + 2 }
                i += 1
            }
            return i
        default:
            return min(s.count, i + scalarLength(s[i]))
        }
    }

    private static func skipControlSequenceBody(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < s.count {
            let v = s[i]
            if v >= 0x40, v <= 0x7E { return i + 1 }
            if v < 0x20 || v > 0x7E { return i }
            i += 1
        }
        return i
    }

    /// One line of text for places that show a single line (titles, list rows).
    public static func singleLine(_ text: String) -> String {
        let cleaned = clean(text)
        if isSingleLine(cleaned) { return cleaned }
        return cleaned.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True when splitting at whitespace and joining with single spaces would give the text back:
    /// no leading, trailing or doubled space, no other whitespace or control character. Checked on
    /// UTF-8 bytes, as this runs on every title of a refresh and the split walks grapheme clusters.
    /// A non-ASCII scalar right after a space could join it into one cluster: that text takes the split.
    static func isSingleLine(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
            var previousSpace = true
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                    i += 1
                } else if b < 0x80 {
                    if b < 0x20 || b == 0x7F { return false }
                    previousSpace = false
                    i += 1
                } else {
                    guard let (value, length) = scalar(in: bytes, at: i) else { return false }
                    if previousSpace && i > 0 && !startsCluster(value) { return false }
                    guard let unicode = Unicode.Scalar(value), !unicode.properties.isWhitespace else { return false }
                    previousSpace = false
                    i += length
                }
            }
            return !previousSpace || n == 0
        }
    }

    /// Scalars that never join the character before them into one grapheme cluster (no combining
    /// marks, joiners or spacing marks): Latin letters and signs, Greek and Cyrillic letters, the
    /// quotes, dashes and currency signs of titles, and CJK ideographs and kana. Others are unknown.
    private static func startsCluster(_ value: UInt32) -> Bool {
        switch value {
        case 0xA1...0xAC, 0xAE...0x2AF, 0x391...0x3A9, 0x3B1...0x3C9, 0x410...0x44F, 0x2010...0x2027, 0x2030...0x205E,
             0x20A0...0x20C0, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }
}
