import Foundation

/// Decides which sentences of a body may become bullets at all.
///
/// Whatever scores well, a bullet must never be a repeat of the headline, a byline, a
/// dateline, a photo caption or credit, a question to readers, or page furniture
/// (navigation, "Advertisement", headings). These are recognised by form, not by the
/// words of any one site: a caption is a block followed by a credit line ("Image: …"),
/// a heading is a line without final punctuation, a dateline is a short line made of a
/// date, and so on.
struct BulletEligibility {
    /// Whether each sentence may be a bullet.
    private(set) var eligible: [Bool] = []
    /// The block (line or paragraph) each sentence belongs to.
    private(set) var block: [Int] = []
    /// Whether each sentence opens its block.
    private(set) var opensBlock: [Bool] = []

    init(graph: SentenceGraph, title: String, byline: String?, relaxed: Bool = false) {
        let scalars = graph.scalars, sentences = graph.sentences, words = graph.words
        let terms = graph.wordTerms.elements
        let n = sentences.count
        // Filled as locals and stored once: a store into a property checks its array's
        // uniqueness every time.
        var eligible = [Bool](repeating: false, count: n)
        var block = [Int](repeating: 0, count: n)
        var opensBlock = [Bool](repeating: false, count: n)
        defer {
            self.eligible = eligible
            self.block = block
            self.opensBlock = opensBlock
        }
        var blockIndex = 0
        var previousEnd = 0
        for (index, span) in sentences.enumerated() {
            var newline = index == 0
            var k = previousEnd
            while k < span.start {
                if scalars[k] == "\n" { newline = true }
                k += 1
            }
            if newline, index > 0 { blockIndex += 1 }
            block[index] = blockIndex
            opensBlock[index] = newline
            previousEnd = span.end
        }
        let titleScalars = Array(title.unicodeScalars)
        // Title terms as graph term ids, so each sentence's overlap is a walk over its ids.
        var isTitleTerm = [Bool](repeating: false, count: graph.termHashes.count)
        var titleCount = 0
        for word in SentenceSplitter().words(in: titleScalars) {
            guard let hash = SentenceGraph.termHash(titleScalars, word) else { continue }
            titleCount += 1
            if let id = graph.existingID(hash), !isTitleTerm[Int(id)] { isTitleTerm[Int(id)] = true }
        }
        var lastSeen = [Int](repeating: -1, count: graph.termHashes.count)
        var isTrigger = [Bool](repeating: false, count: graph.termHashes.count)
        for hash in Self.furnitureTriggers {
            if let id = graph.existingID(hash) { isTrigger[Int(id)] = true }
        }
        // The byline as the hashes of its lower-cased words: a sentence repeats it when its
        // words hash the same, compared without building a string per sentence.
        let bylineKey: [UInt64]? = byline.map { text in
            let bylineScalars = Array(text.unicodeScalars)
            return SentenceSplitter().words(in: bylineScalars).map { WordSet.hash(bylineScalars, $0) }
        }
        // A block is a caption when the block after it is a credit line.
        var isCreditBlock = [Bool](repeating: false, count: blockIndex + 2)
        for (index, span) in sentences.enumerated() where opensBlock[index] && Self.isCredit(scalars, span) {
            isCreditBlock[block[index]] = true
        }
        for (index, span) in sentences.enumerated() {
            if isCreditBlock[block[index]] || isCreditBlock[block[index] + 1] { continue }
            let wordCount = words.count(ofRow: index)
            let minimumWords = relaxed ? 4 : 6
            guard wordCount >= minimumWords, wordCount <= 90 else { continue }
            guard relaxed || Self.endsLikeSentence(scalars, span) else { continue }
            if Self.isQuestion(scalars, span) { continue }
            // Only sentences with a word that opens a furniture phrase need the text search.
            let termRange = words.range(ofRow: index)
            let trigger = termRange.contains { k in
                let id = terms[k]
                return id >= 0 && isTrigger[Int(id)]
            }
            if Self.isFurniture(scalars, span, wordCount: wordCount, mayHaveFurniture: trigger) { continue }
            // Datelines and byline-like lines are short: longer sentences skip the checks.
            if wordCount <= 12 {
                let sentenceWords = words[index]
                if Self.isDateline(scalars, span, words: sentenceWords) { continue }
                if let bylineKey, !bylineKey.isEmpty, wordCount == bylineKey.count,
                   zip(sentenceWords, bylineKey).allSatisfy({ WordSet.hash(scalars, $0) == $1 }) {
                    continue
                }
                if Self.isBylineLike(scalars, span, words: sentenceWords) { continue }
            }
            if titleCount > 0 {
                var own = 0, shared = 0
                for k in termRange {
                    let id = terms[k]
                    guard id >= 0, lastSeen[Int(id)] != index else { continue }
                    lastSeen[Int(id)] = index
                    own += 1
                    if isTitleTerm[Int(id)] { shared += 1 }
                }
                if Double(shared) >= 0.8 * Double(titleCount), Double(shared) >= 0.6 * Double(own) { continue }
            }
            eligible[index] = true
        }
    }

    static func endsLikeSentence(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        var e = span.end
        while e > span.start, ScalarClass.isCloser(scalars[e - 1]) { e -= 1 }
        return e > span.start && ScalarClass.isTerminal(scalars[e - 1])
    }

    static func isQuestion(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        var e = span.end
        while e > span.start, ScalarClass.isCloser(scalars[e - 1]) { e -= 1 }
        guard e > span.start else { return false }
        let last = scalars[e - 1]
        return last == "?" || last == "\u{FF1F}"
    }

    private static let creditPrefixes = ["image:", "images:", "photo:", "photos:", "photograph:", "picture:",
                                         "video:", "audio:", "credit:", "credits:", "source:", "graphic:",
                                         "illustration:", "caption:", "pictured:", "file photo", "(photo"]

    private static let creditPatterns = creditPrefixes.map(pattern)

    static func isCredit(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        guard span.start < span.end, span.start >= 0, span.end <= scalars.count else { return false }
        let opening = ScalarClass.lowered(scalars[span.start]).value
        return creditPatterns.contains { $0[0] == opening && matches(scalars, at: span.start, end: span.end, $0) }
    }

    private static let furniturePrefixes = [
        "advertisement", "read more", "read next", "related:", "related stories", "sign up", "subscribe",
        "click here", "follow us", "share this", "share on", "copyright", "©", "all rights reserved",
        "this article", "this story", "get the latest", "download the", "listen to", "watch:", "more:",
        "see also", "recommended", "popular right now", "most read", "editor's note", "editor’s note",
        "image:", "photo:", "video:", "audio:", "credit:", "source:", "(photo", "(image", "[photo",
    ]

    private static let furnitureInside = ["newsletter", "sign up for", "terms of service", "privacy policy",
                                          "cookies", "javascript", "all rights reserved", "getty images",
                                          "ap photo", "reuters/", "click here"]

    private static let furniturePrefixPatterns = furniturePrefixes.map(pattern)
    private static let furnitureInsidePatterns = furnitureInside.map(pattern)

    static func isFurniture(_ scalars: [Unicode.Scalar], _ span: TextSpan, wordCount: Int,
                            mayHaveFurniture: Bool = true) -> Bool {
        // Bulleted navigation and breadcrumbs.
        let first = scalars[span.start]
        if first == "•" || first == "|" || first == ">" { return true }
        let opening = ScalarClass.lowered(first).value
        if furniturePrefixPatterns.contains(where: { $0[0] == opening && matches(scalars, at: span.start, end: span.end, $0) }) {
            return true
        }
        // Boilerplate sentences are short; long ones that mention a newsletter are reporting.
        guard wordCount <= 30, mayHaveFurniture else { return false }
        // One pass over the text, trying only the patterns that start with the scalar at hand.
        let (low, high) = furnitureFirstScalars
        for i in span.start..<span.end {
            let value = ScalarClass.lowered(scalars[i]).value
            guard value < 128 else { continue }
            let bit = value < 64 ? low & (1 << UInt64(value)) : high & (1 << UInt64(value - 64))
            guard bit != 0 else { continue }
            for pattern in furnitureInsidePatterns where pattern[0] == value
                && matches(scalars, at: i, end: span.end, pattern) {
                return true
            }
        }
        return false
    }

    /// Term hashes of the first content word of each in-sentence furniture phrase.
    private static let furnitureTriggers: [UInt64] = furnitureInside.compactMap { phrase in
        let scalars = Array(phrase.unicodeScalars)
        return SentenceSplitter().words(in: scalars).lazy.compactMap { SentenceGraph.termHash(scalars, $0) }.first
    }

    /// A bit per ASCII scalar that starts some in-sentence furniture pattern.
    private static let furnitureFirstScalars: (UInt64, UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for pattern in furnitureInsidePatterns {
            guard let first = pattern.first, first < 128 else { continue }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        return (low, high)
    }()

    /// Whether the lower-cased scalars from `start` begin with `pattern`.
    private static func matches(_ scalars: [Unicode.Scalar], at start: Int, end: Int, _ pattern: [UInt32]) -> Bool {
        guard pattern.count <= end - start else { return false }
        var i = start
        for value in pattern {
            if ScalarClass.lowered(scalars[i]).value != value { return false }
            i += 1
        }
        return true
    }


    // Plain scalar-value matching: Foundation's string search is far too slow for a check
    // that runs on every sentence of every article.
    private static func pattern(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private static let dateWords = WordSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "updated",
        "published", "posted", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
    ])

    /// A line made (almost) only of a date and time: "Tuesday, January 28, 2014".
    static func isDateline<Words: RandomAccessCollection<TextSpan>>(_ scalars: [Unicode.Scalar], _ span: TextSpan, words: Words) -> Bool where Words.Index == Int {
        guard words.count <= 9 else { return false }
        var other = 0
        for word in words {
            if dateWords.contains(scalars, word)
                || (word.start..<word.end).allSatisfy({ ScalarClass.isDigit(scalars[$0]) || scalars[$0] == ":" || scalars[$0] == "." }) {
                continue
            }
            other += 1
        }
        return other <= 1
    }

    /// "By Jane Doe and John Roe, Reuters": a short line opening with "By" and a capital.
    static func isBylineLike<Words: RandomAccessCollection<TextSpan>>(_ scalars: [Unicode.Scalar], _ span: TextSpan, words: Words) -> Bool where Words.Index == Int {
        guard words.count <= 10, let first = words.first, words.count > 1 else { return false }
        guard first.length == 2, ScalarClass.lowered(scalars[first.start]) == "b",
              ScalarClass.lowered(scalars[first.start + 1]) == "y" else { return false }
        return ScalarClass.isUpper(scalars[words[1].start])
    }

    static func lowerPrefix(_ scalars: [Unicode.Scalar], _ span: TextSpan, length: Int) -> String {
        let end = min(span.end, span.start + length)
        var view = String.UnicodeScalarView()
        for index in span.start..<end { view.append(ScalarClass.lowered(scalars[index])) }
        return String(view)
    }

    static func lower(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        lowerPrefix(scalars, span, length: span.length)
    }

}
