import Foundation

/// Splits news English into sentences and words, keeping scalar offsets into the text.
///
/// It works on an array of Unicode scalars in one forward pass, because it runs on every
/// ingested article and offsets must count scalars anyway (see ``TextSpan``).
///
/// A boundary is a newline (a line that ends without punctuation — a headline, a list
/// item — is still its own sentence), or terminal punctuation (`.` `!` `?` `…`) plus any
/// closing quotes and brackets, followed by a space and something that can start a
/// sentence (an upper-case or uncased letter, a digit, an opening quote). What is *not* a
/// boundary: abbreviations that precede a name or number (Mr., Dr., St., No., Jan.),
/// initials (J. R. R. Tolkien), decimals and amounts ($1.13bn, 3.5%), and a period followed
/// by a lower-case word (e.g., "… and"). Abbreviations that can also end a sentence
/// (Inc., Corp., U.S.) end one only when the next word is a typical sentence opener.
/// Sentences glued without a space ("…from $10.9bn.For the full-year…") are split when a
/// word of two or more letters or digits is followed by `.` and a capitalized word.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// The sentences of `text`, trimmed of surrounding white space, in order.
    public func sentences(in text: String) -> [TextSpan] {
        sentences(in: scalarArray(text))
    }

    /// The sentences of a text already decoded to scalars.
    public func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        spans.reserveCapacity(scalars.count / 80 + 1)
        let count = scalars.count
        var start = 0

        // `Self.emit` takes `spans` and `start` inout rather than being a closure over them,
        // so the hot loop needs no dynamic exclusivity checks.

        var i = 0
        while i < count {
            let c = scalars[i]
            if c == "\n" || c == "\r" || c == "\u{2029}" || c == "\u{2028}" {
                Self.emit(scalars, &spans, &start, i)
                i += 1
                continue
            }
            guard ScalarClass.isTerminal(c) else {
                i += 1
                continue
            }
            // Take the whole run of terminal marks ("?!", "...") and closers after it.
            var j = i + 1
            while j < count, ScalarClass.isTerminal(scalars[j]) { j += 1 }
            while j < count, ScalarClass.isCloser(scalars[j]) { j += 1 }
            if j >= count {
                i = j
                continue
            }
            // Chinese and Japanese full stops end a sentence with no space after them.
            if c == "\u{3002}" || c == "\u{FF01}" || c == "\u{FF1F}" {
                Self.emit(scalars, &spans, &start, j)
                i = j
                continue
            }
            if ScalarClass.isSpace(scalars[j]) {
                if isBoundary(scalars, mark: i, afterClosers: j) {
                    Self.emit(scalars, &spans, &start, j)
                }
                i = j
                continue
            }
            // No space after the mark: a glued sentence, or a decimal, domain or acronym.
            if c == ".", j == i + 1, isGluedBoundary(scalars, period: i) {
                Self.emit(scalars, &spans, &start, i + 1)
            }
            i = j
        }
        Self.emit(scalars, &spans, &start, count)
        return spans
    }

    @inline(__always)
    private static func emit(_ scalars: [Unicode.Scalar], _ spans: inout [TextSpan], _ start: inout Int, _ end: Int) {
        var s = start, e = end
        while s < e, ScalarClass.isSpace(scalars[s]) { s += 1 }
        while e > s, ScalarClass.isSpace(scalars[e - 1]) { e -= 1 }
        if e > s { spans.append(TextSpan(start: s, end: e)) }
        start = end
    }

    /// The word tokens (letters, digits and their joiners) of `scalars` within `range`.
    ///
    /// Apostrophes, hyphens and periods between letters or digits stay inside a word
    /// ("Musk's", "14-year-old", "3.5", "U.S"), so callers see the same units as readers.
    public func words(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [TextSpan] {
        let range = range ?? 0..<scalars.count
        var words: [TextSpan] = []
        words.reserveCapacity(range.count / 5 + 4)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard ScalarClass.isWord(scalars[i]) else {
                i += 1
                continue
            }
            let s = i
            i += 1
            while i < end {
                let c = scalars[i]
                if ScalarClass.isWord(c) {
                    i += 1
                } else if ScalarClass.isJoiner(c), i + 1 < end, ScalarClass.isWord(scalars[i + 1]) {
                    i += 2
                } else if c == ",", i + 1 < end, ScalarClass.isDigit(scalars[i - 1]), ScalarClass.isDigit(scalars[i + 1]) {
                    // Thousands separators keep "10,000" one number.
                    i += 2
                } else {
                    break
                }
            }
            words.append(TextSpan(start: s, end: i))
        }
        return words
    }

    // MARK: - Boundary decisions

    private func isBoundary(_ scalars: [Unicode.Scalar], mark: Int, afterClosers j: Int) -> Bool {
        let count = scalars.count
        var k = j
        while k < count, ScalarClass.isSpace(scalars[k]), scalars[k] != "\n" { k += 1 }
        if k >= count || scalars[k] == "\n" { return true }
        // Look past opening quotes and brackets to the first letter of the next sentence.
        var n = k
        while n < count, ScalarClass.isOpener(scalars[n]) { n += 1 }
        guard n < count else { return true }
        let next = scalars[n]
        if ScalarClass.isLower(next) { return false }
        let closedByQuote = j > mark + 1 && !ScalarClass.isTerminal(scalars[j - 1])
        guard scalars[mark] == ".", !closedByQuote else { return true }
        // Three or more periods are an ellipsis: a boundary only before a capital, as above.
        if mark > 0, scalars[mark - 1] == "." { return true }
        let token = tokenBefore(scalars, period: mark)
        if token.isEmpty { return true }
        if token.count == 1, ScalarClass.isUpper(token[0]) {
            // An initial (J. R. R. Tolkien) is followed by another capital; "Plan B." rarely is.
            return !ScalarClass.isUpper(next)
        }
        let key = String(String.UnicodeScalarView(token.map { ScalarClass.lowered($0) }))
        if Abbreviations.neverFinal.contains(key) {
            return false
        }
        if Abbreviations.maybeFinal.contains(key) || isDottedAcronym(token) {
            return startsLikeSentence(scalars, at: n)
        }
        return true
    }

    private func isGluedBoundary(_ scalars: [Unicode.Scalar], period i: Int) -> Bool {
        let count = scalars.count
        guard i >= 2, i + 2 < count else { return false }
        let before = scalars[i - 1], previous = scalars[i - 2]
        guard ScalarClass.isWord(before), ScalarClass.isWord(previous) else { return false }
        guard ScalarClass.isUpper(scalars[i + 1]), ScalarClass.isLower(scalars[i + 2]) else { return false }
        let token = tokenBefore(scalars, period: i)
        if isDottedAcronym(token) { return false }
        let key = String(String.UnicodeScalarView(token.map { ScalarClass.lowered($0) }))
        return !Abbreviations.neverFinal.contains(key)
    }

    /// The run of non-space scalars before `period`, without leading punctuation.
    private func tokenBefore(_ scalars: [Unicode.Scalar], period: Int) -> [Unicode.Scalar] {
        var s = period
        while s > 0, !ScalarClass.isSpace(scalars[s - 1]), period - s < 24 { s -= 1 }
        while s < period, !ScalarClass.isWord(scalars[s]) { s += 1 }
        return Array(scalars[s..<period])
    }

    /// "U.S", "U.N", "e.g": single letters joined by periods.
    private func isDottedAcronym(_ token: [Unicode.Scalar]) -> Bool {
        guard token.count >= 3 else { return false }
        for (index, c) in token.enumerated() {
            if index % 2 == 0 {
                if !ScalarClass.isLetter(c) { return false }
            } else if c != "." {
                return false
            }
        }
        return true
    }

    private func startsLikeSentence(_ scalars: [Unicode.Scalar], at n: Int) -> Bool {
        var e = n
        while e < scalars.count, ScalarClass.isLetter(scalars[e]), e - n < 12 { e += 1 }
        let word = String(String.UnicodeScalarView(scalars[n..<e].map { ScalarClass.lowered($0) }))
        return Abbreviations.sentenceOpeners.contains(word)
    }
}

/// Abbreviation tables for news English, lower-cased and without the final period.
enum Abbreviations {
    /// Abbreviations that precede a name, number or date, so never end a sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
        "adm", "cmdr", "rev", "fr", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "no", "nos", "vol",
        "art", "fig", "pp", "op", "ch", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "vs", "v", "cf",
        "approx", "est", "ave", "blvd", "messrs", "mme", "mlle", "dept", "univ", "e.g", "i.e", "eg", "ie",
    ]

    /// Abbreviations that usually sit mid-sentence but may also close one.
    static let maybeFinal: Set<String> = [
        "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "al", "esq", "gmbh", "ag", "sa",
        "am", "pm", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "e.u",
    ]

    /// Words that typically open a sentence, used after an ambiguous abbreviation.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "but", "and", "or", "so",
        "this", "that", "these", "those", "its", "his", "her", "their", "our", "there", "for", "as", "after",
        "before", "when", "while", "if", "however", "meanwhile", "still", "yet", "also", "then", "since", "some",
        "many", "most", "one", "both", "last", "next", "shares", "analysts", "officials", "police",
    ]
}

/// Fast classification of scalars, with an ASCII path that avoids Unicode property lookups.
enum ScalarClass {
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0xA0 || c.properties.isWhitespace
    }

    @inline(__always)
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x3002 || v == 0xFF01 || v == 0xFF1F
    }

    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x203A, 0x300D, 0x300F: return true
        default: return false
        }
    }

    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2018, 0x201C, 0xAB, 0x2039, 0x300C, 0x300E, 0xBF, 0xA1: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return c.properties.isAlphabetic
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return c.properties.numericType != nil
    }

    /// Letters, digits and combining marks: what words are made of.
    @inline(__always)
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        // ASCII by bit masks (digits in the low word; A–Z and a–z in the high one): this test
        // runs on every scalar the splitter, recognizer and summarizer read.
        if v < 0x40 { return (0x03FF_0000_0000_0000 as UInt64) &>> UInt64(v) & 1 != 0 }
        if v < 0x80 { return (0x07FF_FFFE_07FF_FFFE as UInt64) &>> UInt64(v - 0x40) & 1 != 0 }
        if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Marks that join two word parts: apostrophes, hyphens, periods, commas between digits.
    @inline(__always)
    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x27, 0x2019, 0x2D, 0x2010, 0x2011, 0x2E, 0x26: return true
        default: return false
        }
    }

    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
    }

    @inline(__always)
    static func isLower(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return c.properties.isLowercase
    }

    @inline(__always)
    static func lowered(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v + 32)) }
            return c
        }
        let mapped = c.properties.lowercaseMapping.unicodeScalars
        if mapped.count == 1, let first = mapped.first { return first }
        return c
    }

    @inline(__always)
    static func uppered(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return Unicode.Scalar(UInt8(v - 32)) }
            return c
        }
        let mapped = c.properties.uppercaseMapping.unicodeScalars
        if mapped.count == 1, let first = mapped.first { return first }
        return c
    }
}
