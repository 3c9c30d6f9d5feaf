import Foundation

/// Reads a web page saved as plain text (or a Markdown file) into an article.
///
/// Saved pages carry the site around the story: breadcrumbs, the headline printed
/// two or three times, a byline, the author's key points, then the body, and
/// page chrome at the end. The rules here use the shape of lines (length, list
/// markers, terminal punctuation), repetition and position rather than any
/// particular site's strings, so they hold on pages nobody has looked at.
public struct SavedPageParser: Sendable {
    public init() {}

    public func parse(_ rawText: String, source: String) throws -> ParsedDocument {
        let text = TextSanitizer.clean(rawText)
        let isMarkdown = source.lowercased().hasSuffix(".md") || source.lowercased().hasSuffix(".markdown")
        var blocks = Self.blocks(from: text, markdown: isMarkdown)
        guard !blocks.isEmpty else { throw IngestError.noText }

        // Each block's key, once: the title search and the loop below compare them all.
        var keys = blocks.map { Self.key($0.text) }
        let titleIndex = Self.titleIndex(in: blocks, keys: keys)
        let title = blocks[titleIndex].text
        let titleKey = keys[titleIndex]
        // Everything above the first headline is site navigation.
        blocks.removeFirst(titleIndex)
        keys.removeFirst(titleIndex)

        var byline: String?
        var published: Date?
        var keyPoints: [String] = []
        var body: [Block] = []
        var seenProse = false

        for (block, blockKey) in zip(blocks, keys) {
            if blockKey == titleKey { continue }
            if !seenProse {
                if block.listMarker == .numbered, block.wordCount <= 8 { continue }  // breadcrumbs
                if published == nil, let date = DatelineParser.date(in: block.text) {
                    published = date
                    continue
                }
                if byline == nil, let name = Self.byline(from: block) {
                    byline = name
                    continue
                }
                if block.listMarker == .bullet, block.isSentenceLike {
                    keyPoints.append(block.text)
                    continue
                }
            }
            if Self.isCreditLine(block) || Self.isCallToAction(block) { continue }
            if block.isProse { seenProse = true }
            body.append(block)
        }
        body = Self.droppingTrailingFurniture(body)
        var headline = title
        // A text that is one paragraph of prose and nothing else (a saved note, a pasted story)
        // has no headline line: the paragraph is the body and its first words stand for the title.
        if body.isEmpty, keyPoints.isEmpty, let only = blocks.first, only.isProse {
            body = [only]
            headline = Self.headline(fromProse: only.text)
        }
        // The headline was seen; if nothing else survives, there is no article.
        guard !body.isEmpty || !keyPoints.isEmpty else { throw IngestError.noText }
        return ParsedDocument(
            title: headline, byline: byline, published: published, source: source,
            body: body.map(\.text).joined(separator: "\n\n"), keyPoints: keyPoints)
    }

    // MARK: - Blocks

    enum ListMarker { case none, bullet, numbered }

    struct Block {
        var text: String {
            didSet { (wordCount, endsLikeSentence) = Self.shape(of: text) }
        }
        var listMarker: ListMarker
        var isHeading: Bool
        /// Measured once: the rules below ask for these many times per block.
        private(set) var wordCount: Int
        private(set) var endsLikeSentence: Bool

        init(text: String, listMarker: ListMarker, isHeading: Bool) {
            self.text = text
            self.listMarker = listMarker
            self.isHeading = isHeading
            (wordCount, endsLikeSentence) = Self.shape(of: text)
        }

        static func shape(of text: String) -> (Int, Bool) {
            var words = 0
            var inWord = false
            var last: Unicode.Scalar = " "
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let (scalar, length) = UTF8Walk.scalar(in: bytes, at: index)
                    index += length
                    let space = scalar == " " || scalar == "\n" || (scalar.value > 0x7F && scalar.properties.isWhitespace)
                    if !space {
                        if !inWord { words += 1 }
                        last = scalar
                    }
                    inWord = !space
                }
            }
            return (words, ".!?\"'\u{201D}\u{2019})…:".unicodeScalars.contains(last))
        }
        var isSentenceLike: Bool { wordCount >= 5 && endsLikeSentence }
        /// A paragraph of running text, as opposed to a label, heading or list entry.
        var isProse: Bool { !isHeading && listMarker == .none && wordCount >= 8 && endsLikeSentence }
    }

    /// Lines to blocks: one block per line, except that wrapped prose lines (no blank line
    /// between, no list marker) are joined into one paragraph.
    static func blocks(from text: String, markdown: Bool) -> [Block] {
        var blocks: [Block] = []
        var previousLineBlank = true
        // Split on the byte: after sanitizing, "\n" never joins another character into one.
        for rawLine in UTF8Walk.lines(of: text) {
            var line = rawLine.trimmedWhitespace
            if line.isEmpty { previousLineBlank = true; continue }
            var isHeading = false
            if markdown {
                let hashes = line.prefix(while: { $0 == "#" }).count
                if hashes > 0, hashes <= 6, line.dropFirst(hashes).first == " " {
                    line = line.dropFirst(hashes).trimmedWhitespace
                    isHeading = true
                }
                line = MarkdownInline.plain(line)
            }
            let (marker, rest) = listMarker(of: line)
            let block = Block(text: rest.trimmedWhitespace, listMarker: marker, isHeading: isHeading)
            if block.text.isEmpty { continue }
            if !previousLineBlank, marker == .none, !isHeading, let last = blocks.last,
               last.listMarker == .none, !last.isHeading, !last.endsLikeSentence || last.wordCount >= 12,
               last.text.utf8.count >= 50, last.text.index(last.text.startIndex, offsetBy: 49, limitedBy: last.text.endIndex)
                .map({ $0 < last.text.endIndex }) == true {
                blocks[blocks.count - 1].text += " " + block.text
            } else {
                blocks.append(block)
            }
            previousLineBlank = false
        }
        return blocks
    }

    static func listMarker(of line: String) -> (ListMarker, String) {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        guard index < scalars.endIndex else { return (.none, line) }
        let first = scalars[index]
        index = scalars.index(after: index)
        if "•·‣▪◦●*–—-".unicodeScalars.contains(first), index < scalars.endIndex, scalars[index] == " " {
            return (.bullet, String(line[scalars.index(after: index)...]))
        }
        var digits = 0
        index = scalars.startIndex
        while index < scalars.endIndex, digits < 3, ("0"..."9").contains(scalars[index]) {
            digits += 1
            index = scalars.index(after: index)
        }
        if digits > 0, index < scalars.endIndex, scalars[index] == "." || scalars[index] == ")" {
            let next = scalars.index(after: index)
            if next < scalars.endIndex, scalars[next] == " " {
                return (.numbered, String(line[scalars.index(after: next)...]))
            }
        }
        return (.none, line)
    }

    /// Letters and digits, lower-cased: what makes two lines "the same line".
    static func key(_ text: String) -> String {
        var text = text
        // Nearly every line is ASCII: its key is written straight into the new string's storage.
        let ascii = text.withUTF8 { bytes -> String? in
            let count = bytes.count
            guard count > 0 else { return "" }
            var allASCII = true
            let key = String(unsafeUninitializedCapacity: count) { out in
                var written = 0
                for byte in bytes {
                    if byte >= 0x80 { allASCII = false; return 0 }
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                        out[written] = byte
                        written += 1
                    } else if (0x41...0x5A).contains(byte) {
                        out[written] = byte + 32
                        written += 1
                    }
                }
                return written
            }
            return allASCII ? key : nil
        }
        if let ascii { return ascii }
        var out = ScalarTextBuilder(capacity: text.utf8.count)
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) { out.bytes.append(byte) }
                    else if (0x41...0x5A).contains(byte) { out.bytes.append(byte + 32) }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Walk.scalar(in: bytes, at: index)
                index += length
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    out.append(scalar.properties.lowercaseMapping)
                }
            }
        }
        return out.string
    }

    // MARK: - Title, byline

    /// The headline is the line the page repeats (title bar, breadcrumb, heading);
    /// failing that, the first line that reads like a headline.
    static func titleIndex(in blocks: [Block], keys: [String]) -> Int {
        // Only a key whose length recurs can repeat: the others, most of them whole paragraphs,
        // are never hashed.
        var lengths: [Int: Int] = [:]
        for key in keys { lengths[key.utf8.count, default: 0] += 1 }
        let mayRepeat = keys.map { lengths[$0.utf8.count, default: 0] >= 2 }
        var counts: [String: Int] = [:]
        for (key, may) in zip(keys, mayRepeat) where may { counts[key, default: 0] += 1 }
        let repeated = blocks.indices.filter { mayRepeat[$0] && blocks[$0].wordCount >= 4 && counts[keys[$0], default: 0] >= 2 }
        if let best = repeated.max(by: { blocks[$0].text.count < blocks[$1].text.count }) {
            let bestKey = keys[best]
            return repeated.first(where: { keys[$0] == bestKey && blocks[$0].listMarker == .none })
                ?? repeated.first(where: { keys[$0] == bestKey }) ?? best
        }
        if let heading = blocks.firstIndex(where: \.isHeading) { return heading }
        guard let line = blocks.firstIndex(where: { $0.wordCount >= 3 && $0.listMarker == .none }) else { return 0 }
        // A headline of one or two words ("Update", "Quarterly results") over the first paragraph:
        // taking that paragraph for the headline would leave a one-paragraph text with no body.
        if blocks[line].isProse,
           let short = blocks[..<line].lastIndex(where: { $0.listMarker == .none && !$0.endsLikeSentence }) {
            return short
        }
        return line
    }

    /// The first sentence of a paragraph (`SentenceSplitter`'s), cut after at most twelve words
    /// ("…" marks the cut).
    static func headline(fromProse text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let first = SentenceSplitter().sentences(in: scalars).first.map { scalars[$0.start..<$0.end] } ?? scalars[...]
        let words = String(String.UnicodeScalarView(first)).split(separator: " ")
        guard words.count > 12 else { return words.joined(separator: " ") }
        return words.prefix(12).joined(separator: " ") + "…"
    }

    /// A byline is a short name line near the headline: "By Jane Doe", "Asia Martin".
    static func byline(from block: Block) -> String? {
        guard block.listMarker == .none else { return nil }
        var text = block.text
        for prefix in ["By ", "by ", "BY ", "Written by ", "Words by "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), !block.endsLikeSentence || text.hasSuffix(".") && words.count <= 3 else { return nil }
        let nameWords = words.filter { word in
            let connective = ["and", "&", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al"].contains(word.lowercased())
            return connective || (word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "," })
        }
        guard nameWords.count == words.count, words.contains(where: { $0.count > 2 }) else { return nil }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
    }

    // MARK: - Furniture

    /// Labels under which pages credit pictures and media ("Image: Jane Doe.").
    static let creditLabels: Set<String> = [
        "image", "images", "photo", "photos", "photograph", "picture", "pictures", "video", "audio", "credit",
        "credits", "illustration", "graphic", "caption", "source", "photo credit", "image credit", "image source",
    ]

    static func isCreditLine(_ block: Block) -> Bool {
        guard block.wordCount <= 12, let colon = block.text.firstIndex(of: ":") else {
            return block.wordCount <= 8 && block.text.lowercased().hasPrefix("getty images")
        }
        let label = block.text[..<colon].lowercased().trimmedWhitespace
        return creditLabels.contains(label)
    }

    /// Lines that address the reader about the site rather than the story.
    static let callToActionPhrases = [
        "subscribe", "newsletter", "sign up", "signup", "log in to", "follow us", "share this", "share on",
        "click here", "read more", "our readers", "advertisement", "sponsored", "related articles",
        "recommended for you", "most popular", "popular right now", "trending now", "all rights reserved",
        "cookie", "download our app", "get the app", "skip to content", "back to top",
    ]

    static func isCallToAction(_ block: Block) -> Bool {
        guard block.wordCount <= 20 else { return false }
        let lower = block.text.lowercased()
        return callToActionPhrases.contains { UTF8Walk.contains(lower, $0) }
            && (block.wordCount <= 4 || !block.isProse || UTF8Walk.contains(lower, "our readers"))
    }

    /// Pages end in chrome: "Sources" and "Categories" lists, "Popular Right Now".
    static func droppingTrailingFurniture(_ body: [Block]) -> [Block] {
        var end = body.count
        // A run of very short lines at the very end is a menu, not story.
        while end > 0, body[end - 1].wordCount <= 3, !body[end - 1].endsLikeSentence { end -= 1 }
        // A heading followed only by short non-prose entries is a list of links or tags.
        if let lastProse = body[..<end].lastIndex(where: \.isProse) {
            for index in (lastProse + 1)..<end where isSectionLabel(body[index]) {
                let after = body[(index + 1)..<end]
                if after.count >= 2, after.allSatisfy({ !$0.isProse || $0.text.contains(" \u{2014} ") }) {
                    end = index
                    break
                }
            }
        }
        return Array(body[..<end])
    }

    static func isSectionLabel(_ block: Block) -> Bool {
        block.wordCount <= 2 && (block.text.last?.isLetter == true || block.text.hasSuffix(":"))
    }
}

/// Plain text of a Markdown line: emphasis markers and link targets removed.
enum MarkdownInline {
    static func plain(_ line: String) -> String {
        var out = ""
        var chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "!" && i + 1 < chars.count && chars[i + 1] == "[" {
                i += 1
                continue
            }
            if c == "[", let close = chars[i...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
               let paren = chars[close...].firstIndex(of: ")") {
                out += String(chars[(i + 1)..<close])
                i = paren + 1
                continue
            }
            if c == "*" || c == "`" || (c == "_" && (i == 0 || chars[i - 1] == " " || i + 1 == chars.count || chars[i + 1] == " ")) {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return out
    }
}
