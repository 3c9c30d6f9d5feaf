import Foundation

/// Renders HTML as clean plain text: paragraphs separated by blank lines, list items as "• " lines,
/// and links kept as numbered references ("the report [1]" … "[1] https://…"), as newsboat does.
public enum HTMLText {
    static let voidElements: Set<String> = ["br", "hr", "img", "meta", "link", "input", "area", "base", "col",
                                            "embed", "param", "source", "track", "wbr"]
    // <embed>, <object> and <iframe> stay: libxml2 nests text after an unclosed one inside it,
    // and what they contain is fallback text meant for readers.
    static let skipped: Set<String> = ["script", "style", "noscript", "head", "template", "svg", "math", "button", "select", "textarea", "input", "form",
                                       "title", "canvas", "audio", "video", "map"]
    static let blocks: Set<String> = ["p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
                                      "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt",
                                      "dd", "li", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption",
                                      "address", "hr", "body", "html", "center", "details", "summary", "caption",
                                      "fieldset", "legend", "hgroup", "td", "th"]

    /// Converts an HTML fragment to text.
    public static func text(fromHTML html: String, base: URL? = nil, linkReferences: Bool = true) -> String {
        text(fromHTML: html, base: base, linkReferences: linkReferences, simpleFastPath: true)
    }

    /// `simpleFastPath: false` always parses with libxml2 (tests compare the two paths).
    static func text(fromHTML html: String, base: URL?, linkReferences: Bool, simpleFastPath: Bool) -> String {
        guard hasMarkup(html) else { return normalizeInline(html) }
        if simpleFastPath, let simple = SimpleHTML.render(html, base: base, linkReferences: linkReferences) { return simple.text }
        guard let root = MarkupParser.parseHTMLFragment(html, base: base) else { return normalizeInline(html) }
        return text(of: root, base: base, linkReferences: linkReferences)
    }

    /// Without a tag or entity, a fragment's text is the fragment itself, normalized.
    private static func hasMarkup(_ html: String) -> Bool {
        html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&"))
    }

    /// Whether a link gets a numbered reference: not one within the page, nor a script.
    static func isReferenced(_ href: String) -> Bool {
        !href.hasPrefix("#") && !href.lowercased().hasPrefix("javascript:")
    }

    /// A link's reference number; an address already referenced keeps its first number. Shared by
    /// the tree walk and SimpleHTML's direct rendering, which must give the same text.
    static func referenceNumber(of resolved: String, in links: inout [String]) -> Int {
        if let existing = links.firstIndex(of: resolved) { return existing + 1 }
        links.append(resolved)
        return links.count
    }

    /// The marker of the next item of the innermost list ("• " or "3. "), indented by the lists
    /// around it; counts the item.
    static func nextListItemPrefix(_ listStack: inout [(ordered: Bool, counter: Int)]) -> String {
        var prefix = "• "
        if var top = listStack.popLast() {
            top.counter += 1
            if top.ordered { prefix = "\(top.counter). " }
            listStack.append(top)
        }
        return String(repeating: "  ", count: max(0, listStack.count - 1)) + prefix
    }

    /// The fragment's text with numbered link references and without them, from one parse: what
    /// `text(fromHTML:base:)` and `text(fromHTML:base:linkReferences: false)` return. A feed item
    /// needs both (the reader shows references, the pipeline reads the body without them), and
    /// parsing each fragment twice was a large part of a refresh.
    public static func texts(fromHTML html: String, base: URL? = nil) -> (withReferences: String, plain: String) {
        guard hasMarkup(html) else {
            let text = normalizeInline(html)
            return (text, text)
        }
        // SimpleHTML reads the fragment or gives up the same way for both renderings.
        if let simple = SimpleHTML.render(html, base: base, linkReferences: true) {
            guard simple.linked else { return (simple.text, simple.text) }
            if let plain = SimpleHTML.render(html, base: base, linkReferences: false) { return (simple.text, plain.text) }
        }
        guard let root = MarkupParser.parseHTMLFragment(html, base: base) else {
            let text = normalizeInline(html)
            return (text, text)
        }
        var renderer = Renderer(linkReferences: true, base: base)
        renderer.walkChildren(root)
        // With no reference written the two renderings are the same text: skip the second walk.
        let referenced = !renderer.links.isEmpty
        let withReferences = renderer.finish()
        return (withReferences, referenced ? text(of: root, base: base, linkReferences: false) : withReferences)
    }

    /// Converts parsed markup (HTML, or XHTML inside a feed) to text.
    public static func text(of element: MarkupElement, base: URL? = nil, linkReferences: Bool = true) -> String {
        var renderer = Renderer(linkReferences: linkReferences, base: base)
        renderer.walkChildren(element)
        return renderer.finish()
    }

    private static let windows1252C1: [UInt32: Unicode.Scalar] = {
        let table: [UInt32: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return table.compactMapValues(Unicode.Scalar.init)
    }()

    /// Collapses runs of whitespace into single spaces and trims; drops control characters.
    ///
    /// This runs over every piece of text lede reads, so it works on UTF-8 bytes and looks up
    /// Unicode properties only for non-ASCII scalars.
    static func normalizeInline(_ input: String) -> String {
        var copy = input
        return copy.withUTF8 { bytes -> String in
            // Normal text holds no ESC (a control) and no CSI (not ASCII): one pass decides most text.
            if alreadyNormal(bytes) == true { return input }
            // An escape sequence must go whole, not just its ESC byte, or "[31m" is left behind.
            if containsEscape(bytes) { return normalizeScalars(TextSanitizer.clean(input)) }
            return normalizeBytes(bytes)
        }
    }

    /// ESC, or the C1 control CSI (U+009B, C2 9B in UTF-8).
    private static func containsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x1B || (b == 0x9B && previous == 0xC2) { return true }
            previous = b
        }
        return false
    }

    /// True when ASCII text has nothing to change (no control characters, no leading, trailing or
    /// doubled spaces); nil when the text is not all ASCII.
    private static func alreadyNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var previousSpace = true
        for b in bytes {
            // Printable ASCII other than the space, nearly every byte, first and with one comparison.
            if b &- 0x21 < 0x5E {
                previousSpace = false
            } else if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b >= 0x80 {
                return nil
            } else {
                return false
            }
        }
        return !previousSpace || bytes.isEmpty
    }

    private static func normalizeScalars(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { normalizeBytes($0) }
    }

    private static func normalizeBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        appendNormalizedBytes(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalizeInline` of valid UTF-8, appended to `out` as UTF-8.
    static func appendNormalizedInline(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if alreadyNormal(bytes) == true {
            out.append(contentsOf: bytes)
        } else if containsEscape(bytes) {
            out.append(contentsOf: normalizeInline(String(decoding: bytes, as: UTF8.self)).utf8)
        } else {
            appendNormalizedBytes(bytes, to: &out)
        }
    }

    private static func appendNormalizedBytes(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace && out.count > start { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = true
                } else if b >= 0x20 && b != 0x7F {
                    if pendingSpace && out.count > start { out.append(0x20) }
                    pendingSpace = false
                    out.append(b)
                }
                i += 1
                continue
            }
            // A sequence cut off at the end (never in text that came from a String) is dropped.
            guard let (v, length) = TextSanitizer.scalar(in: bytes, at: i) else { break }
            if v < 0xA0 {
                // C1 controls are almost always Windows-1252 bytes mislabelled as Latin-1 ("demoronizing").
                if v == 0x85 {
                    pendingSpace = true
                } else if let fixed = windows1252C1[v] {
                    emit(fixed)
                }
            } else if let scalar = Unicode.Scalar(v), !scalar.properties.isWhitespace {
                if pendingSpace && out.count > start { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            } else {
                pendingSpace = true
            }
            i += length
        }
    }

    private struct Block {
        var text: String
        var listItem: Bool
    }

    private struct Renderer {
        let linkReferences: Bool
        let base: URL?
        var blocks: [Block] = []
        var inline = ""
        var links: [String] = []
        var listStack: [(ordered: Bool, counter: Int)] = []
        var pendingPrefix = ""
        var preDepth = 0

        init(linkReferences: Bool, base: URL?) {
            self.linkReferences = linkReferences
            self.base = base
        }

        mutating func flush(listItem: Bool = false) {
            let text: String
            if preDepth > 0 {
                text = inline.trimmingCharacters(in: .newlines)
            } else {
                text = HTMLText.normalizeInline(inline)
            }
            inline = ""
            guard !text.isEmpty else { return }
            blocks.append(Block(text: pendingPrefix.isEmpty ? text : pendingPrefix + text, listItem: listItem || !pendingPrefix.isEmpty))
            pendingPrefix = ""
        }

        mutating func walkChildren(_ element: MarkupElement) {
            for child in element.children {
                switch child {
                case .text(let t): inline += preDepth > 0 ? t : t
                case .element(let e): walk(e)
                }
            }
        }

        mutating func walk(_ e: MarkupElement) {
            let name = e.name
            if HTMLText.skipped.contains(name) { return }
            switch name {
            case "br":
                if preDepth > 0 { inline += "\n" } else { flush() }
                return
            case "img":
                return
            case "a":
                let before = inline.count
                walkChildren(e)
                if linkReferences, let href = e.attributes["href"], HTMLText.isReferenced(href), inline.count > before,
                   let resolved = URLResolver.resolve(href, against: e.base ?? base) {
                    inline += "[\(HTMLText.referenceNumber(of: resolved, in: &links))]"
                }
                return
            case "ul", "ol":
                flush()
                listStack.append((ordered: name == "ol", counter: 0))
                walkChildren(e)
                flush(listItem: true)
                listStack.removeLast()
                return
            case "li":
                flush(listItem: true)
                pendingPrefix = HTMLText.nextListItemPrefix(&listStack)
                walkChildren(e)
                flush(listItem: true)
                return
            case "pre":
                flush()
                preDepth += 1
                walkChildren(e)
                flush()
                preDepth -= 1
                return
            case "td", "th":
                if !inline.isEmpty && !inline.hasSuffix(" ") { inline += " " }
                walkChildren(e)
                inline += " "
                return
            default:
                break
            }
            if HTMLText.blocks.contains(name) {
                flush()
                walkChildren(e)
                flush()
            } else {
                walkChildren(e)
            }
        }

        mutating func finish() -> String {
            flush()
            var out = ""
            out.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
            for (i, block) in blocks.enumerated() {
                if i > 0 { out += (block.listItem && blocks[i - 1].listItem) ? "\n" : "\n\n" }
                out += block.text
            }
            if linkReferences && !links.isEmpty {
                if !out.isEmpty { out += "\n\n" }
                out += links.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n")
            }
            return out
        }
    }
}
