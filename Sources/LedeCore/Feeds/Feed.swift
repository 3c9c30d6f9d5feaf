import Foundation

/// The syndication formats lede reads; raw values are the names DESIGN.md's `feeds inspect` prints.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case jsonFeed10 = "jsonfeed1.0"
    case jsonFeed11 = "jsonfeed1.1"
}

/// One entry of a feed.
public struct FeedItem: Hashable, Sendable {
    /// The item's identity: guid/id, else its link, else a digest of title and date.
    public var id: String
    public var title: String
    public var link: String?
    public var published: Date?
    public var author: String?
    /// Plain text of the item (full content when the feed carries it, the summary otherwise).
    public var text: String
    /// The item's HTML as the feed gave it, when it had any.
    public var html: String?
    /// Plain text of the summary/description alone.
    public var summary: String?
    /// Plain text of the full content (content:encoded, atom:content, content_html) alone.
    public var content: String?
    /// `html` rendered without link references, when the parser rendered it already (from the same
    /// parse as `text`); nil means `document(in:)` renders `html` itself.
    public var plainText: String?

    public init(id: String, title: String, link: String? = nil, published: Date? = nil, author: String? = nil,
                text: String, html: String? = nil, summary: String? = nil, content: String? = nil, plainText: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.author = author
        self.text = text
        self.html = html
        self.summary = summary
        self.content = content
        self.plainText = plainText
    }
}

/// A parsed feed.
public struct Feed: Hashable, Sendable {
    public var format: FeedFormat
    public var title: String
    public var link: String?
    public var items: [FeedItem]
    /// What was wrong with the input and recovered from (feedparser's "bozo" when non-empty).
    public var warnings: [String]

    public init(format: FeedFormat, title: String, link: String? = nil, items: [FeedItem] = [], warnings: [String] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
        self.warnings = warnings
    }
}

/// Why a document could not be read as a feed. `description` is a one-line explanation for the user.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// The bytes are something else: an HTML page, JSON that is not a JSON Feed, binary data.
    case notAFeed(found: String)
    /// Not even a recovering parser could make sense of it.
    case unreadable(reason: String)
    case invalidJSON(reason: String)
    /// Entity references expand beyond lede's budget: a billion-laughs document or something like it.
    case entityExpansionLimit
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: return "the document is empty"
        case .notAFeed(let found): return "not a feed: this is \(found)"
        case .unreadable(let reason): return "unreadable XML: \(reason)"
        case .invalidJSON(let reason): return "invalid JSON feed: \(reason)"
        case .entityExpansionLimit:
            return "refused: entity references expand beyond \(MarkupParser.entityExpansionBudget) characters (an XML bomb?)"
        case .tooLarge(let bytes, let limit): return "too large: \(bytes) bytes, the limit is \(limit)"
        }
    }
}
