import Foundation

/// Renders HTML as clean plain text: paragraphs separated by blank lines, list items as "• " lines,
/// and links kept as numbered references ("the report [1]" … "[1] https://…"), as newsboat does.
public enum HTMLText {
    static let voidElements: Set<String> = ["br", "hr", "img", "meta", "link", "input", "area", "base", "col",
                                            "embed", "param", "source", "track", "wbr"]
    static let skipped: Set<String> = ["script", "style", "noscript", "head", "template", "iframe", "object",
                                       "embed", "svg", "math", "button", "select", "textarea", "input", "form",
                                       "title", "canvas", "audio", "video", "map"]
    static let blocks: Set<String> = ["p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
                                      "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt",
                                      "dd", "li", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption",
                                      "address", "hr", "body", "html", "center", "details", "summary", "caption",
                                      "fieldset", "legend", "hgroup"]

    /// Converts an HTML fragment to text.
    public static func text(fromHTML html: String, base: URL? = nil, linkReferences: Bool = true) -> String {
        guard html.contains("<") || html.contains("&") else { return normalizeInline(html) }
        guard let root = MarkupParser.parseHTMLFragment(html, base: base) else { return normalizeInline(html) }
        return text(of: root, base: base, linkReferences: linkReferences)
    }

    /// Converts parsed markup (HTML, or XHTML inside a feed) to text.
    public static func text(of element: MarkupElement, base: URL? = nil, linkReferences: Bool = true) -> String {
        var renderer = Renderer(linkReferences: linkReferences, base: base)
        renderer.walkChildren(element)
        return renderer.finish()
    }

    /// Collapses runs of whitespace into single spaces and trims.
    static func normalizeInline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch.properties.isWhitespace {
                pendingSpace = true
            } else if ch.value < 0x20 || (ch.value >= 0x7F && ch.value < 0xA0) {
                continue
            } else {
                if pendingSpace && !out.isEmpty { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            }
        }
        return out
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
            blocks.append(Block(text: pendingPrefix + text, listItem: listItem || !pendingPrefix.isEmpty))
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
                if linkReferences, let href = e.attributes["href"], !href.hasPrefix("#"),
                   !href.lowercased().hasPrefix("javascript:"), inline.count > before,
                   let resolved = URLResolver.resolve(href, against: e.base ?? base) {
                    let number: Int
                    if let existing = links.firstIndex(of: resolved) {
                        number = existing + 1
                    } else {
                        links.append(resolved)
                        number = links.count
                    }
                    inline += "[\(number)]"
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
                var prefix = "• "
                if var top = listStack.popLast() {
                    top.counter += 1
                    if top.ordered { prefix = "\(top.counter). " }
                    listStack.append(top)
                }
                pendingPrefix = String(repeating: "  ", count: max(0, listStack.count - 1)) + prefix
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
