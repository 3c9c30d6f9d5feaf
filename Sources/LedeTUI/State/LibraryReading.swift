import Foundation
import LedeCore

/// One row of the article list.
public struct ArticleItem: Equatable, Sendable, Identifiable {
  public var id: Int64
  public var title: String
  public var byline: String?
  public var source: String
  public var link: String?
  public var published: Date?
  public var feed: String?
  public var isRead: Bool
  public var isStarred: Bool

  public init(
    id: Int64, title: String, byline: String? = nil, source: String, link: String? = nil,
    published: Date? = nil, feed: String? = nil, isRead: Bool = false, isStarred: Bool = false
  ) {
    self.id = id
    self.title = title
    self.byline = byline
    self.source = source
    self.link = link
    self.published = published
    self.feed = feed
    self.isRead = isRead
    self.isStarred = isStarred
  }
}

/// A person or organization of one article, with how often it is mentioned there.
public struct ArticleEntity: Equatable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var kind: EntityKind
  public var aliases: [String]
  public var mentionCount: Int

  public init(id: Int64, name: String, kind: EntityKind, aliases: [String] = [], mentionCount: Int) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.mentionCount = mentionCount
  }
}

/// Everything the reading pane shows of one article.
public struct ArticleDetail: Equatable, Sendable {
  public var item: ArticleItem
  public var body: String
  public var bullets: [Bullet]
  public var entities: [ArticleEntity]

  public init(item: ArticleItem, body: String, bullets: [Bullet], entities: [ArticleEntity]) {
    self.item = item
    self.body = body
    self.bullets = bullets
    self.entities = entities
  }
}

/// A library-wide entity, as entity search lists it.
public struct EntityHit: Equatable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var kind: EntityKind
  public var aliases: [String]
  public var articleCount: Int
  public var mentionCount: Int

  public init(
    id: Int64, name: String, kind: EntityKind, aliases: [String] = [], articleCount: Int, mentionCount: Int
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.articleCount = articleCount
    self.mentionCount = mentionCount
  }
}

/// An entity linked to another, with the sentences that link them.
public struct LinkedEntityItem: Equatable, Sendable {
  public var id: Int64
  public var name: String
  public var kind: EntityKind
  public var weight: Int
  public var label: String?
  public var evidence: [String]

  public init(id: Int64, name: String, kind: EntityKind, weight: Int, label: String? = nil, evidence: [String] = []) {
    self.id = id
    self.name = name
    self.kind = kind
    self.weight = weight
    self.label = label
    self.evidence = evidence
  }
}

/// An entity's profile: who it is and what it is linked to.
public struct EntityProfileDetail: Equatable, Sendable {
  public var entity: EntityHit
  public var linked: [LinkedEntityItem]

  public init(entity: EntityHit, linked: [LinkedEntityItem]) {
    self.entity = entity
    self.linked = linked
  }
}

/// The reads and the two writes the TUI needs from a library.
///
/// The TUI codes against this rather than the store so that screens and the
/// runtime can be tested on an in-memory library; `Library` conforms in
/// `Library+LibraryReading.swift`. Every list call is paged: nothing loads the
/// whole library.
public protocol LibraryReading {
  func countArticles(entityID: Int64?) throws -> Int
  func listArticles(offset: Int, limit: Int, entityID: Int64?) throws -> [ArticleItem]
  func loadArticle(id: Int64) throws -> ArticleDetail?
  func searchArticles(_ query: String, offset: Int, limit: Int) throws -> [ArticleItem]
  func searchEntities(_ query: String?, limit: Int) throws -> [EntityHit]
  func loadEntityProfile(id: Int64) throws -> EntityProfileDetail?
  func markRead(_ read: Bool, articleID: Int64) throws
  func markStarred(_ starred: Bool, articleID: Int64) throws
}
