import Foundation
import LedeCore

/// One article as a list shows it: everything but the body.
public struct ArticleRow: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var byline: String?
    public var source: String
    public var link: String?
    public var published: Date?
    public var feed: String?
    public var snippet: String
    public var isRead: Bool
    public var isStarred: Bool

    public init(id: Int64, title: String, byline: String?, source: String, link: String?, published: Date?,
                feed: String?, snippet: String, isRead: Bool, isStarred: Bool) {
        self.id = id
        self.title = title
        self.byline = byline
        self.source = source
        self.link = link
        self.published = published
        self.feed = feed
        self.snippet = snippet
        self.isRead = isRead
        self.isStarred = isStarred
    }
}

/// An entity as one article names it, with its mentions in that article's body.
public struct StoredEntity: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]
    public var mentions: [Mention]

    public init(id: Int64, name: String, kind: EntityKind, aliases: [String], mentions: [Mention]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.mentions = mentions
    }
}

/// One article with everything `lede show` prints.
public struct StoredArticle: Hashable, Sendable {
    public var row: ArticleRow
    public var body: String
    public var keyPoints: [String]
    public var bullets: [Bullet]
    public var entities: [StoredEntity]
    /// Stored from a feed but not analysed yet: no bullets or entities until `PendingAnalyzer` runs.
    public var isPending: Bool

    public init(row: ArticleRow, body: String, keyPoints: [String], bullets: [Bullet], entities: [StoredEntity],
                isPending: Bool = false) {
        self.row = row
        self.body = body
        self.keyPoints = keyPoints
        self.bullets = bullets
        self.entities = entities
        self.isPending = isPending
    }
}

/// An entity across the library.
public struct EntityRow: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]
    public var articleCount: Int
    public var mentionCount: Int

    public init(id: Int64, name: String, kind: EntityKind, aliases: [String], articleCount: Int, mentionCount: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.articleCount = articleCount
        self.mentionCount = mentionCount
    }
}

/// An entity linked to another: named together, with the sentences that do so.
public struct LinkedEntity: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: EntityKind
    /// Sentences that name both.
    public var weight: Int
    public var label: String?
    public var evidence: [String]

    public init(id: Int64, name: String, kind: EntityKind, weight: Int, label: String?, evidence: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.weight = weight
        self.label = label
        self.evidence = evidence
    }
}

public struct EntityProfile: Hashable, Sendable {
    public var entity: EntityRow
    public var articles: [ArticleRow]
    public var linked: [LinkedEntity]

    public init(entity: EntityRow, articles: [ArticleRow], linked: [LinkedEntity]) {
        self.entity = entity
        self.articles = articles
        self.linked = linked
    }
}

public enum IngestOutcome: Hashable, Sendable {
    case added(Int64)
    case updated(Int64)
    case unchanged(Int64)

    public var articleID: Int64 {
        switch self {
        case let .added(id), let .updated(id), let .unchanged(id): return id
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case notALibrary(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "cannot open the library \(path): \(reason)"
        case let .notALibrary(path): return "\(path) is not a lede library (not an SQLite database)"
        }
    }
}
