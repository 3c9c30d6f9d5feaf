import Foundation

/// One subscription read from or written to OPML.
public struct OPMLSubscription: Hashable, Sendable {
    public var url: String
    public var title: String
    public var htmlURL: String?
    /// Folder paths: outline nesting (["News", "Tech"]) and `category="/a/b,tag"` values, without duplicates.
    public var categories: [[String]]

    public init(url: String, title: String, htmlURL: String? = nil, categories: [[String]] = []) {
        self.url = url
        self.title = title
        self.htmlURL = htmlURL
        self.categories = categories
    }

    /// Single-level categories, which readers show as tags.
    public var tags: [String] { categories.filter { $0.count == 1 }.map { $0[0] } }
}

/// A subscription list.
public struct OPMLDocument: Hashable, Sendable {
    public var title: String?
    public var subscriptions: [OPMLSubscription]
    public var warnings: [String]

    public init(title: String? = nil, subscriptions: [OPMLSubscription] = [], warnings: [String] = []) {
        self.title = title
        self.subscriptions = subscriptions
        self.warnings = warnings
    }
}

/// OPML 1.0/2.0 subscription lists, read as tolerantly as listparser does and written as OPML 2.0.
public enum OPML {
    public static func parse(_ data: Data) throws(FeedError) -> OPMLDocument {
        guard !data.isEmpty else { throw FeedError.empty }
        let decoded = MarkupDecoding.decodeXML(data)
        var bytes = decoded.utf8
        if let first = bytes.firstIndex(of: UInt8(ascii: "<")), first > 0 { bytes.removeSubrange(..<first) }
        var warnings: [String] = decoded.warning.map { [$0] } ?? []
        if let repaired = EntityRepair.repair(bytes) {
            bytes = repaired.bytes
            warnings.append("ill-formed XML, recovered: " + repaired.problems.joined(separator: "; "))
        }
        let document = try MarkupParser.parseXML(utf8: bytes, url: nil)
        warnings += document.warnings
        guard document.root.name == "opml" else {
            throw FeedError.notAFeed(found: "XML whose root element is <\(document.root.name)>, not an OPML list")
        }
        let head = document.root.child("head")
        let title = head?.child("title").map { HTMLText.normalizeInline($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        var subscriptions: [OPMLSubscription] = []
        var index: [String: Int] = [:]
        func visit(_ outline: MarkupElement, path: [String]) {
            let a = outline.attributes
            let name = HTMLText.normalizeInline(a["text"].flatMap { $0.trimmedWhitespace.isEmpty ? nil : $0 }
                                                ?? a["title"] ?? "")
            let url = (a["xmlurl"] ?? "").trimmedWhitespace
            // "source" and "include" outlines point at other lists, not at feeds.
            let type = (a["type"] ?? "").lowercased()
            if !url.isEmpty, !["source", "include"].contains(type) {
                var categories: [[String]] = path.isEmpty ? [] : [path]
                for value in (a["category"] ?? "").split(separator: ",") {
                    let parts = value.split(separator: "/").map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
                    if !parts.isEmpty { categories.append(parts) }
                }
                let html = a["htmlurl"].map { $0.trimmedWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
                if let existing = index[url] {
                    for c in categories where !subscriptions[existing].categories.contains(c) {
                        subscriptions[existing].categories.append(c)
                    }
                } else {
                    var unique: [[String]] = []
                    for c in categories where !unique.contains(c) { unique.append(c) }
                    index[url] = subscriptions.count
                    subscriptions.append(OPMLSubscription(url: url, title: name, htmlURL: html, categories: unique))
                }
            }
            let childPath = url.isEmpty && !name.isEmpty ? path + [name] : path
            for child in outline.children("outline") { visit(child, path: childPath) }
        }
        for outline in (document.root.child("body") ?? document.root).children("outline") { visit(outline, path: []) }
        return OPMLDocument(title: title, subscriptions: subscriptions, warnings: warnings)
    }

    /// Writes OPML 2.0: subscriptions grouped into nested folder outlines by their first category path.
    public static func export(_ document: OPMLDocument) -> String {
        // Entries keep the order subscriptions first appeared in, so a round trip keeps the list's order.
        final class Folder {
            enum Entry { case feed(OPMLSubscription), folder(Folder) }
            var name: String
            var entries: [Entry] = []
            init(name: String) { self.name = name }
            func folder(_ name: String) -> Folder {
                for case .folder(let f) in entries where f.name == name { return f }
                let f = Folder(name: name)
                entries.append(.folder(f))
                return f
            }
        }
        let root = Folder(name: "")
        for sub in document.subscriptions {
            var folder = root
            for part in sub.categories.first ?? [] { folder = folder.folder(part) }
            folder.entries.append(.feed(sub))
        }
        func attr(_ s: String) -> String { MarkupElement.escape(s, quotes: true) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(attr(document.title ?? "lede subscriptions"))</title>\n  </head>\n  <body>\n"
        func write(_ folder: Folder, indent: String) {
            for entry in folder.entries {
                guard case .feed(let sub) = entry else {
                    if case .folder(let child) = entry {
                        out += "\(indent)<outline text=\"\(attr(child.name))\" title=\"\(attr(child.name))\">\n"
                        write(child, indent: indent + "  ")
                        out += "\(indent)</outline>\n"
                    }
                    continue
                }
                var line = "\(indent)<outline type=\"rss\" text=\"\(attr(sub.title))\" title=\"\(attr(sub.title))\" xmlUrl=\"\(attr(sub.url))\""
                if let html = sub.htmlURL { line += " htmlUrl=\"\(attr(html))\"" }
                // Paths beyond the first live on as categories so that a round trip keeps them.
                let extra = sub.categories.dropFirst().map { "/" + $0.joined(separator: "/") }
                if !extra.isEmpty { line += " category=\"\(attr(extra.joined(separator: ",")))\"" }
                out += line + "/>\n"
            }
        }
        write(root, indent: "    ")
        out += "  </body>\n</opml>\n"
        return out
    }
}
