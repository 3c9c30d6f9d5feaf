import LedeCore
import LedeStore

extension Library: LibraryReading {
  public func countArticles(entityID: Int64?) throws -> Int {
    try articleCount(entityID: entityID)
  }

  public func listArticles(offset: Int, limit: Int, entityID: Int64?) throws -> [ArticleItem] {
    try articles(offset: offset, limit: limit, entityID: entityID).map(ArticleItem.init)
  }

  public func loadArticle(id: Int64) throws -> ArticleDetail? {
    guard var stored = try article(id: id) else { return nil }
    // A feed item not analysed yet is analysed when opened (a millisecond or two), so the reader
    // never waits for a refresh's analysis phase to reach it. A read-only library shows it as is.
    if stored.isPending, (try? PendingAnalyzer(library: self).run(ids: [id])) != nil, let analysed = try article(id: id) {
      stored = analysed
    }
    return ArticleDetail(
      item: ArticleItem(stored.row), body: stored.body, bullets: stored.bullets,
      entities: stored.entities.map {
        ArticleEntity(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, mentionCount: max(1, $0.mentions.count))
      })
  }

  public func searchArticles(_ query: String, offset: Int, limit: Int) throws -> [ArticleItem] {
    try search(query, limit: limit, offset: offset).map(ArticleItem.init)
  }

  public func searchEntities(_ query: String?, limit: Int) throws -> [EntityHit] {
    try entities(kind: nil, query: query, limit: limit).map(EntityHit.init)
  }

  public func loadEntityProfile(id: Int64) throws -> EntityProfileDetail? {
    // The list pages the entity's articles itself; the profile needs none of them.
    guard let profile = try entity(id: id, articleLimit: 1) else { return nil }
    return EntityProfileDetail(
      entity: EntityHit(profile.entity),
      linked: profile.linked.map {
        LinkedEntityItem(id: $0.id, name: $0.name, kind: $0.kind, weight: $0.weight, label: $0.label, evidence: $0.evidence)
      })
  }

  public func markRead(_ read: Bool, articleID: Int64) throws {
    try setRead(read, articleID: articleID)
  }

  public func markStarred(_ starred: Bool, articleID: Int64) throws {
    try setStarred(starred, articleID: articleID)
  }
}

extension ArticleItem {
  init(_ row: ArticleRow) {
    self.init(
      id: row.id, title: row.title, byline: row.byline, source: row.source, link: row.link, published: row.published,
      feed: row.feed, isRead: row.isRead, isStarred: row.isStarred)
  }
}

extension EntityHit {
  init(_ row: EntityRow) {
    self.init(
      id: row.id, name: row.name, kind: row.kind, aliases: row.aliases, articleCount: row.articleCount,
      mentionCount: row.mentionCount)
  }
}
