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
    private(set) var eligible: [Bool]
    /// The block (line or paragraph) each sentence belongs to.
    private(set) var block: [Int]
    /// Whether each sentence opens its block.
    private(set) var opensBlock: [Bool]

    init(graph: SentenceGraph, title: String, byline: String?, relaxed: Bool = false) {
        let scalars = graph.scalars, sentences = graph.sentences, words = graph.words
        let n = sentences.count
        eligible = Array(repeating: false, count: n)
        block = Array(repeating: 0, count: n)
        opensBlock = Array(repeating: false, count: n)
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
        let titleWords = Set(SentenceSplitter().words(in: titleScalars).compactMap {
            SentenceGraph.termHash(titleScalars, $0)
        })
        let bylineKey = byline.map { Self.normalized(Array($0.unicodeScalars)) }
        // A block is a caption when the block after it is a credit line.
        var creditBlocks = Set<Int>()
        for (index, span) in sentences.enumerated() where opensBlock[index] && Self.isCredit(scalars, span) {
            creditBlocks.insert(block[index])
        }
        for (index, span) in sentences.enumerated() {
            if creditBlocks.contains(block[index]) || creditBlocks.contains(block[index] + 1) { continue }
            let wordCount = words[index].count
            let minimumWords = relaxed ? 4 : 6
            guard wordCount >= minimumWords, wordCount <= 90 else { continue }
            guard relaxed || Self.endsLikeSentence(scalars, span) else { continue }
            if Self.isQuestion(scalars, span) { continue }
            if Self.isFurniture(scalars, span, wordCount: wordCount) { continue }
            if Self.isDateline(scalars, span, words: words[index]) { continue }
            if let bylineKey, !bylineKey.isEmpty, wordCount <= 12,
               Self.normalized(Array(scalars[span.start..<span.end])) == bylineKey {
                continue
            }
            if Self.isBylineLike(scalars, span, words: words[index]) { continue }
            if !titleWords.isEmpty {
                let own = Set(graph.wordTerms[index].filter { $0 >= 0 }.map { graph.termHashes[Int($0)] })
                let shared = own.intersection(titleWords).count
                if Double(shared) >= 0.8 * Double(titleWords.count), Double(shared) >= 0.6 * Double(own.count) {
                    continue
                }
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

    static func isCredit(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
        let head = lowerPrefix(scalars, span, length: 14)
        return creditPrefixes.contains { head.hasPrefix($0) }
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

    static func isFurniture(_ scalars: [Unicode.Scalar], _ span: TextSpan, wordCount: Int) -> Bool {
        let head = lowerPrefix(scalars, span, length: 24)
        if furniturePrefixes.contains(where: { head.hasPrefix($0) }) { return true }
        // Numbered or bulleted navigation crumbs: "1. Home".
        if let first = head.unicodeScalars.first, first == "•" || first == "|" || first == ">" { return true }
        // Boilerplate sentences are short; long ones that mention a newsletter are reporting.
        guard wordCount <= 30 else { return false }
        let whole = lowerPrefix(scalars, span, length: 400)
        return furnitureInside.contains { whole.contains($0) }
    }

    private static let dateWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "updated",
        "published", "posted", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
    ]

    /// A line made (almost) only of a date and time: "Tuesday, January 28, 2014".
    static func isDateline(_ scalars: [Unicode.Scalar], _ span: TextSpan, words: [TextSpan]) -> Bool {
        guard words.count <= 9 else { return false }
        var other = 0
        for word in words {
            let text = lower(scalars, word)
            if dateWords.contains(text) || text.unicodeScalars.allSatisfy({ ScalarClass.isDigit($0) || $0 == ":" || $0 == "." }) {
                continue
            }
            other += 1
        }
        return other <= 1
    }

    /// "By Jane Doe and John Roe, Reuters": a short line opening with "By" and a capital.
    static func isBylineLike(_ scalars: [Unicode.Scalar], _ span: TextSpan, words: [TextSpan]) -> Bool {
        guard words.count <= 10, let first = words.first, words.count > 1 else { return false }
        guard lower(scalars, first) == "by" else { return false }
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

    static func normalized(_ scalars: [Unicode.Scalar]) -> String {
        let words = SentenceSplitter().words(in: scalars)
        return words.map { lower(scalars, $0) }.joined(separator: " ")
    }
}
