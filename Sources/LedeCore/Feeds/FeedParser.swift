import Foundation

/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1, recovering from what feedparser recovers from.
public enum FeedParser {
    /// Documents larger than this are refused before parsing.
    public static let defaultMaxBytes = 64 * 1024 * 1024

    /// Parses a feed. `url` is where it came from; relative links resolve against it (and xml:base).
    public static func parse(_ data: Data, url: URL? = nil, maxBytes: Int = defaultMaxBytes) throws(FeedError) -> Feed {
        guard data.count <= maxBytes else { throw FeedError.tooLarge(bytes: data.count, limit: maxBytes) }
        switch ContentSniffer.sniff(data) {
        case .empty: throw FeedError.empty
        case .json: return try JSONFeedParser.parse(data, url: url)
        case .binary: throw FeedError.notAFeed(found: "binary data")
        case .text: throw FeedError.notAFeed(found: "plain text")
        case .markup: return try parseXML(data, url: url)
        }
    }

    static func parseXML(_ data: Data, url: URL?) throws(FeedError) -> Feed {
        let decoded = MarkupDecoding.decodeXML(data)
        var warnings: [String] = decoded.warning.map { [$0] } ?? []
        var bytes = decoded.utf8
        // Leading whitespace or junk before the first tag makes the XML declaration illegal; feeds
        // in the wild have both, and feedparser reads past them.
        if let first = bytes.firstIndex(of: UInt8(ascii: "<")), first > 0 {
            let junk = bytes[..<first].contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
            if junk { warnings.append("text before the first tag was skipped") }
            bytes.removeSubrange(..<first)
        }
        if let repaired = EntityRepair.repair(bytes) {
            bytes = repaired.bytes
            let names = Array(Set(repaired.names)).sorted().prefix(5).map { "&\($0);" }.joined(separator: ", ")
            warnings.append("ill-formed XML, recovered: " + repaired.problems.joined(separator: "; ")
                            + (names.isEmpty ? "" : " (\(names))"))
        }
        let document = try MarkupParser.parseXML(utf8: bytes, url: url)
        warnings += document.warnings
        let root = document.root
        var feed: Feed
        switch root.name {
        case "rss", "rdf", "channel":
            // An empty RSS 0.90 document says what it is only in its namespace declaration.
            let declares090 = bytes.count < 1_000_000
                && String(decoding: bytes.prefix(4096), as: UTF8.self).contains(Namespace.rss090)
            feed = RSSReader.read(root, declares090: declares090)
        case "feed":
            feed = AtomReader.read(root)
        case "html":
            throw FeedError.notAFeed(found: "an HTML page")
        default:
            throw FeedError.notAFeed(found: "XML whose root element is <\(root.name)>")
        }
        feed.warnings = warnings + feed.warnings
        return feed
    }
}

/// Items are independent once the tree is built, so large feeds convert them on every core
/// (and a refresh prepares them for the store the same way).
package enum ParallelMap {
    package static func map<T: Sendable, R: Sendable>(_ input: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard input.count >= 64 else { return input.map(transform) }
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 2, input.count / 32)
        let results = ResultBox<R>(count: chunks)
        let size = (input.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            let end = min(input.count, start + size)
            guard start < end else { return }
            results.set(chunk, input[start..<end].map(transform))
        }
        return results.joined()
    }

    private final class ResultBox<R>: @unchecked Sendable {
        private var parts: [[R]]
        private let lock = NSLock()
        init(count: Int) { parts = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [R]) { lock.withLock { parts[index] = value } }
        func joined() -> [R] { lock.withLock { parts.flatMap { $0 } } }
    }
}

enum Namespace {
    /// Lower-cased, like every namespace URI lede compares (see MarkupParser).
    static let atom10 = "http://www.w3.org/2005/atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let media = "http://search.yahoo.com/mrss/"
    /// Element namespaces RSS itself has used: none, 1.0, 0.90 and the Userland/Harvard 2.0 ones.
    static let rss: [String] = ["", rss10, rss090, "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
                                "http://blogs.law.harvard.edu/tech/rss"]
    static let atom: [String] = [atom10, atom03]
}

/// Shared helpers for turning feed elements into text.
enum FeedText {
    /// A title or other one-line field: markup rendered, whitespace collapsed.
    static func line(_ e: MarkupElement?) -> String? {
        guard let e else { return nil }
        let text: String
        if !e.elements.isEmpty {
            text = HTMLText.text(of: e, base: e.base, linkReferences: false)
        } else {
            let raw = e.textContent
            text = looksLikeHTML(raw) ? HTMLText.text(fromHTML: raw, base: e.base, linkReferences: false) : raw
        }
        let collapsed = HTMLText.normalizeInline(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    /// Content that is HTML by convention (RSS description, content:encoded): escaped HTML or inline markup.
    /// `plain` is `html` rendered without link references when it came from the same parse as `text`.
    static func html(_ e: MarkupElement?) -> (text: String, html: String, plain: String?)? {
        guard let e else { return nil }
        if !e.elements.isEmpty {
            return (HTMLText.text(of: e, base: e.base), e.innerMarkup, nil)
        }
        let raw = e.textContent
        guard looksLikeHTML(raw) else { return (paragraphs(raw), raw, nil) }
        let texts = HTMLText.texts(fromHTML: raw, base: e.base)
        return (texts.withReferences, raw, texts.plain)
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    /// Plain text that keeps its paragraph breaks.
    static func paragraphs(_ raw: String) -> String {
        raw.components(separatedBy: "\n\n").map { HTMLText.normalizeInline($0) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    static func looksLikeHTML(_ s: String) -> Bool {
        // On bytes when the answer is plain: this runs on every title and description of a feed,
        // and the Character search below (and Foundation's `contains`) cost more than the rest of a title.
        let utf8 = s.utf8
        func standsAlone(_ index: String.UTF8View.Index) -> Bool {
            // An ASCII scalar followed by ASCII (or nothing) is a Character of its own, CR LF aside.
            let following = utf8.index(after: index)
            return utf8[index] < 0x80 && utf8[index] != 0x0D && (following == utf8.endIndex || utf8[following] < 0x80)
        }
        if let lt = utf8.firstIndex(of: UInt8(ascii: "<")) {
            let after = utf8.index(after: lt)
            if after == utf8.endIndex { return false }
            if standsAlone(after) {
                let next = utf8[after]
                return ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
            }
        } else if let amp = utf8.firstIndex(of: UInt8(ascii: "&")) {
            let after = utf8.index(after: amp)
            if after == utf8.endIndex || utf8[after] < 0x80 { return true }
        } else {
            return false
        }
        return looksLikeHTMLByCharacters(s)
    }

    static func looksLikeHTMLByCharacters(_ s: String) -> Bool {
        guard let lt = s.firstIndex(of: "<") else { return s.contains("&") }
        let next = s[s.index(after: lt)...].first
        return next.map { $0.isLetter || $0 == "/" || $0 == "!" } ?? false
    }

    static func url(_ raw: String?, base: URL?) -> String? {
        guard let raw, !raw.trimmedWhitespace.isEmpty else { return nil }
        return URLResolver.resolve(raw, against: base)
    }

    /// A stable id for items that have neither guid nor link.
    static func digest(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "lede:" + String(hash, radix: 16)
    }
}

enum RSSReader {
    static func read(_ root: MarkupElement, declares090: Bool = false) -> Feed {
        let channel = root.name == "channel" ? root : root.child("channel", in: Namespace.rss)
        let format: FeedFormat
        let warnings: [String] = []
        switch root.name {
        case "rdf":
            let ns = channel?.namespace ?? root.elements.first { $0.name == "item" }?.namespace
            format = ns == Namespace.rss090 || (ns == nil && declares090) ? .rss09x : .rss10
        case "rss":
            let version = (root.attributes["version"] ?? "").trimmedWhitespace
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
        default:
            format = .rss09x
        }
        let scope = channel ?? root
        let title = FeedText.line(scope.child("title", in: Namespace.rss))
            ?? FeedText.line(scope.child("title", ns: Namespace.dc)) ?? ""
        var link = FeedText.url(scope.child("link", in: Namespace.rss)?.textContent, base: scope.base)
        if link == nil { link = AtomReader.alternateLink(in: scope) }
        var itemElements = scope.children("item").filter { Namespace.rss.contains($0.namespace ?? "") }
        if root !== scope {
            itemElements += root.children("item").filter { Namespace.rss.contains($0.namespace ?? "") }
        }
        let items = ParallelMap.map(itemElements, item)
        return Feed(format: format, title: title, link: link, items: items, warnings: warnings)
    }

    static func item(_ e: MarkupElement) -> FeedItem {
        let guidElement = e.child("guid", in: Namespace.rss)
        let guid = guidElement.map { $0.textContent.trimmedWhitespace }
            .flatMap { $0.isEmpty ? nil : $0 }
        var link = FeedText.url(e.child("link", in: Namespace.rss)?.textContent, base: e.base)
            ?? AtomReader.alternateLink(in: e)
        if link == nil, let guid, guidElement?.attributes["ispermalink"]?.lowercased() != "false",
           guid.hasPrefix("http://") || guid.hasPrefix("https://") {
            link = guid
        }
        let title = FeedText.line(e.child("title", in: Namespace.rss)) ?? FeedText.line(e.child("title", ns: Namespace.dc))
            ?? FeedText.line(e.child("title", ns: Namespace.media))
        let summary = FeedText.html(e.child("description", in: Namespace.rss))
            ?? FeedText.html(e.child("summary", ns: Namespace.atom10))
            ?? FeedText.html(e.child("description", ns: Namespace.dc))
            ?? FeedText.html(e.child("summary", ns: Namespace.itunes))
        let content = FeedText.html(e.child("encoded", ns: Namespace.content))
            ?? FeedText.html(e.child("body", ns: Namespace.xhtml))
            ?? FeedText.html(e.child("body", in: Namespace.rss))
            ?? FeedText.html(e.child("fullitem", in: Namespace.rss))
            ?? e.child("content", ns: Namespace.atom10).flatMap(AtomReader.textConstruct)
        let dateText = e.child("pubdate", in: Namespace.rss) ?? e.child("date", ns: Namespace.dc)
            ?? e.child("issued", ns: Namespace.dcterms) ?? e.child("created", ns: Namespace.dcterms)
            ?? e.child("published", ns: Namespace.atom10) ?? e.child("updated", ns: Namespace.atom10)
            ?? e.child("modified", ns: Namespace.dcterms)
        let published = dateText.flatMap { FeedDate.parse($0.textContent) }
        let author = FeedText.line(e.child("author", in: Namespace.rss)).flatMap { $0.isEmpty ? nil : $0 }
            ?? FeedText.line(e.child("creator", ns: Namespace.dc))
            ?? FeedText.line(e.child("author", ns: Namespace.dc))
            ?? FeedText.line(e.child("author", ns: Namespace.itunes))
            ?? e.child("author", ns: Namespace.atom10).flatMap(AtomReader.person)
        let text = FeedText.nonEmpty(content?.text) ?? summary?.text ?? ""
        let about = e.attributes["about"].flatMap { $0.isEmpty ? nil : $0 }
        let id = guid ?? about ?? link ?? FeedText.digest([title ?? "", dateText?.textContent ?? "", text])
        let markup = content?.html != nil ? content : summary
        return FeedItem(id: id, title: title ?? "", link: link, published: published, author: author, text: text,
                        html: markup?.html, summary: summary?.text, content: content?.text, plainText: markup?.plain)
    }
}

enum AtomReader {
    static func read(_ root: MarkupElement) -> Feed {
        let format: FeedFormat = root.namespace == Namespace.atom03 || root.attributes["version"] == "0.3" ? .atom03 : .atom10
        let title = (root.child("title", in: atomNS(root)).flatMap { textConstruct($0, linkReferences: false) }?.text)
            .map(HTMLText.normalizeInline) ?? ""
        let link = alternateLink(in: root)
        let feedAuthor = root.child("author", in: atomNS(root)).flatMap(person)
        let entries = root.children("entry").filter { atomNS(root).contains($0.namespace ?? "") }
        let namespaces = atomNS(root)
        let items = ParallelMap.map(entries) { entry(in: $0, feedAuthor: feedAuthor, namespaces: namespaces) }
        return Feed(format: format, title: title, link: link, items: items)
    }

    /// Atom elements without a namespace are accepted too: feedparser reads such feeds.
    private static func atomNS(_ root: MarkupElement) -> [String] {
        [root.namespace ?? ""] + Namespace.atom + [""]
    }

    static func entry(in e: MarkupElement, feedAuthor: String?, namespaces ns: [String]) -> FeedItem {
        let title = e.child("title", in: ns).flatMap { textConstruct($0, linkReferences: false) }.map { HTMLText.normalizeInline($0.text) }
        let link = alternateLink(in: e)
        // feedparser resolves relative ids ("/2004/entry") against xml:base like any other URI.
        let id = e.child("id", in: ns).flatMap { idElement -> String? in
            let raw = idElement.textContent.trimmedWhitespace
            guard !raw.isEmpty else { return nil }
            return raw.hasPrefix("/") || raw.hasPrefix(".") ? FeedText.url(raw, base: idElement.base) : raw
        }
        let summary = e.child("summary", in: ns).flatMap(textConstruct)
        let content = e.child("content", in: ns).flatMap(textConstruct)
        let dateElement = e.child("published", in: ns) ?? e.child("issued", in: ns) ?? e.child("updated", in: ns)
            ?? e.child("modified", in: ns) ?? e.child("created", in: ns) ?? e.child("date", ns: Namespace.dc)
        let published = dateElement.flatMap { FeedDate.parse($0.textContent) }
        let source = e.child("source", in: ns)
        let author = e.child("author", in: ns).flatMap(person)
            ?? FeedText.line(e.child("creator", ns: Namespace.dc))
            ?? source.flatMap { $0.child("author", in: ns) }.flatMap(person) ?? feedAuthor
        let text = FeedText.nonEmpty(content?.text) ?? summary?.text ?? ""
        let markup = content?.html != nil ? content : summary
        return FeedItem(id: id ?? link ?? FeedText.digest([title ?? "", dateElement?.textContent ?? "", text]),
                        title: title ?? "", link: link, published: published, author: author, text: text,
                        html: markup?.html, summary: summary?.text, content: content?.text, plainText: markup?.plain)
    }

    /// "Name (email)" as feedparser writes an Atom person, or whichever half exists.
    static func person(_ e: MarkupElement) -> String? {
        let name = FeedText.line(e.elements.first { $0.name == "name" })
        let email = FeedText.line(e.elements.first { $0.name == "email" })
        switch (name, email) {
        case let (n?, m?): return "\(n) (\(m))"
        case let (n?, nil): return n
        case let (nil, m?): return m
        default:
            return e.elements.isEmpty ? FeedText.line(e) : nil
        }
    }

    /// The first `link` with rel="alternate" (or no rel) among an element's Atom links.
    static func alternateLink(in e: MarkupElement) -> String? {
        let links = e.elements.filter { $0.name == "link" && Namespace.atom.contains($0.namespace ?? "") }
        let candidates = links.isEmpty
            ? e.elements.filter { $0.name == "link" && $0.attributes["href"] != nil } : links
        let alternate = candidates.first { ($0.attributes["rel"] ?? "alternate").lowercased() == "alternate" }
        guard let chosen = alternate, let href = chosen.attributes["href"] else { return nil }
        return FeedText.url(href, base: chosen.base)
    }

    /// An Atom text construct (1.0 `type`, 0.3 `type` + `mode`) as plain text plus its HTML when it had any,
    /// and that HTML without link references when one parse gave both.
    static func textConstruct(_ e: MarkupElement) -> (text: String, html: String?, plain: String?)? {
        textConstruct(e, linkReferences: true)
    }

    static func textConstruct(_ e: MarkupElement, linkReferences: Bool) -> (text: String, html: String?, plain: String?)? {
        var type = (e.attributes["type"] ?? "text").lowercased().trimmedWhitespace
        if type.isEmpty { type = "text" }
        var mode = (e.attributes["mode"] ?? "").lowercased()
        // Atom 1.0: a media type that is neither text nor XML means the content is base64 (RFC 4287 4.1.3.3).
        let isXMLType = type.hasSuffix("+xml") || type.hasSuffix("/xml")
        if mode.isEmpty, type.contains("/"), !type.hasPrefix("text/"), !isXMLType { mode = "base64" }
        var raw = e.textContent
        if mode == "base64", let data = Data(base64Encoded: raw.filter { !$0.isWhitespace }),
           let decoded = String(data: data, encoding: .utf8) {
            raw = decoded
            if !type.hasPrefix("text/") && !isXMLType {
                guard FeedText.looksLikeHTML(raw) else { return (FeedText.paragraphs(raw), nil, nil) }
                return html(raw, base: e.base, linkReferences: linkReferences)
            }
        }
        if type == "xhtml" || type == "application/xhtml+xml" || (!e.elements.isEmpty && mode != "escaped") {
            let div = e.elements.count == 1 && e.elements[0].name == "div" ? e.elements[0] : e
            return (HTMLText.text(of: div, base: e.base, linkReferences: linkReferences), div.innerMarkup, nil)
        }
        if type == "html" || type == "text/html" || mode == "escaped" {
            return html(raw, base: e.base, linkReferences: linkReferences)
        }
        if type.hasPrefix("text") || type == "plain" {
            return (FeedText.paragraphs(raw), nil, nil)
        }
        // Other media types (images, binary) carry no readable text.
        return nil
    }

    /// Escaped HTML as text; with link references, also the plain rendering from the same parse.
    private static func html(_ raw: String, base: URL?, linkReferences: Bool) -> (text: String, html: String?, plain: String?) {
        guard linkReferences else { return (HTMLText.text(fromHTML: raw, base: base, linkReferences: false), raw, nil) }
        let texts = HTMLText.texts(fromHTML: raw, base: base)
        return (texts.withReferences, raw, texts.plain)
    }
}
