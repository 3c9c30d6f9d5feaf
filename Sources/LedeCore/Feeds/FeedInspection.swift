import Foundation

/// The JSON that `lede feeds inspect --json` prints (DESIGN.md): one feed, nothing stored.
public struct FeedInspection: Encodable, Equatable, Sendable {
    public struct Item: Encodable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var link: String?
        /// ISO 8601 in UTC, or null.
        public var published: String?
        public var author: String?
        public var text: String

        // Explicit so that nil fields are written as null rather than left out.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(link, forKey: .link)
            try c.encode(published, forKey: .published)
            try c.encode(author, forKey: .author)
            try c.encode(text, forKey: .text)
        }

        enum CodingKeys: String, CodingKey { case id, title, link, published, author, text }
    }

    public var format: String
    public var title: String
    public var link: String?
    public var items: [Item]
    public var warnings: [String]

    public init(_ feed: Feed) {
        format = feed.format.rawValue
        title = feed.title
        link = feed.link
        items = feed.items.map {
            Item(id: $0.id, title: $0.title, link: $0.link, published: $0.published.map(FeedDate.iso8601),
                 author: $0.author, text: $0.text)
        }
        warnings = feed.warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(items, forKey: .items)
        try c.encode(warnings, forKey: .warnings)
    }

    enum CodingKeys: String, CodingKey { case format, title, link, items, warnings }

    /// The JSON document. JSONEncoder does not keep declaration order, so keys are sorted for stable output.
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Feed {
    /// Parses bytes and produces the `feeds inspect` shape in one step.
    public static func inspect(_ data: Data, url: URL? = nil) throws(FeedError) -> FeedInspection {
        FeedInspection(try FeedParser.parse(data, url: url))
    }
}

extension FeedItem {
    /// The item as a document for the pipeline. `feedURL` is where the feed came from; it stands in as
    /// the source when the item has no link of its own.
    public func document(in feed: Feed, feedURL: String? = nil) -> ParsedDocument {
        // The body is for sentence splitting and entity recognition, so it carries no link references.
        var body: String
        if let html, !html.isEmpty {
            body = plainText ?? HTMLText.text(fromHTML: html, base: link.flatMap(URL.init(string:)), linkReferences: false)
        } else {
            body = text
        }
        if body.isEmpty { body = text }
        var documentTitle = title
        if documentTitle.isEmpty {
            // JSON Feed items may have no title; the first words of the text stand in.
            let words = body.split(whereSeparator: \.isWhitespace).prefix(12)
            documentTitle = words.joined(separator: " ") + (words.count == 12 ? "…" : "")
        }
        return ParsedDocument(title: documentTitle, byline: author, published: published,
                              source: link ?? feedURL ?? "", link: link,
                              feed: feed.title.isEmpty ? nil : feed.title, body: body)
    }
}
