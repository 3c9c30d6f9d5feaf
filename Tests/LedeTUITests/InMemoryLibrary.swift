import Foundation
import LedeCore
@testable import LedeTUI

/// A library held in arrays, for driving the UI without SQLite.
final class InMemoryLibrary: LibraryReading {
  var articles: [ArticleDetail]
  var hits: [EntityHit]
  var profiles: [Int64: EntityProfileDetail]
  /// Every paged request, to check nothing loads the whole library.
  var requests: [(offset: Int, limit: Int)] = []
  var writes: [String] = []

  init(articles: [ArticleDetail], hits: [EntityHit] = [], profiles: [Int64: EntityProfileDetail] = [:]) {
    self.articles = articles
    self.hits = hits
    self.profiles = profiles
  }

  private func matching(_ entityID: Int64?) -> [ArticleDetail] {
    guard let entityID else { return articles }
    return articles.filter { $0.entities.contains { $0.id == entityID } }
  }

  func countArticles(entityID: Int64?) throws -> Int { matching(entityID).count }

  func listArticles(offset: Int, limit: Int, entityID: Int64?) throws -> [ArticleItem] {
    requests.append((offset, limit))
    return Array(matching(entityID).dropFirst(offset).prefix(limit).map(\.item))
  }

  func loadArticle(id: Int64) throws -> ArticleDetail? { articles.first { $0.item.id == id } }

  func searchArticles(_ query: String, offset: Int, limit: Int) throws -> [ArticleItem] {
    requests.append((offset, limit))
    let found = articles.filter { $0.item.title.localizedCaseInsensitiveContains(query) || $0.body.localizedCaseInsensitiveContains(query) }
    return Array(found.dropFirst(offset).prefix(limit).map(\.item))
  }

  func searchEntities(_ query: String?, limit: Int) throws -> [EntityHit] {
    guard let query, !query.isEmpty else { return Array(hits.prefix(limit)) }
    return Array(hits.filter { $0.name.localizedCaseInsensitiveContains(query) }.prefix(limit))
  }

  func loadEntityProfile(id: Int64) throws -> EntityProfileDetail? { profiles[id] }

  func markRead(_ read: Bool, articleID: Int64) throws {
    writes.append("read \(read) \(articleID)")
    if let i = articles.firstIndex(where: { $0.item.id == articleID }) { articles[i].item.isRead = read }
  }

  func markStarred(_ starred: Bool, articleID: Int64) throws {
    writes.append("star \(starred) \(articleID)")
    if let i = articles.firstIndex(where: { $0.item.id == articleID }) { articles[i].item.isStarred = starred }
  }
}

enum Sample {
  static let musk = ArticleEntity(id: 1, name: "Elon Musk", kind: .person, aliases: ["Musk"], mentionCount: 4)
  static let twitter = ArticleEntity(id: 2, name: "Twitter", kind: .organization, mentionCount: 3)
  static let openAI = ArticleEntity(id: 3, name: "OpenAI", kind: .organization, mentionCount: 2)
  static let hoffman = ArticleEntity(id: 4, name: "Reid Hoffman", kind: .person, mentionCount: 1)

  /// The seed article as the store would hand it over.
  static let seed = ArticleDetail(
    item: ArticleItem(
      id: 1, title: "Elon Musk's AI ambitions for Twitter show that some of the people calling for the tech to 'pause' seem to be acting out of their own self-interest",
      byline: "Asia Martin", source: "musk-twitter-gpus.txt", link: "https://www.businessinsider.com/elon-musk-ai",
      published: Date(timeIntervalSince1970: 1_681_171_200), feed: "Insider"),
    body: "Elon Musk-owned Twitter purchased 10,000 GPUs.\n\nThis move goes against Musk's open-letter plea.",
    bullets: [
      Bullet(text: "Elon Musk-owned Twitter purchased 10,000 GPUs, apparently to get into the generative AI boom.",
        highlights: [
          Highlight(start: 0, end: 9, kind: .person, entity: "Elon Musk"),
          Highlight(start: 16, end: 23, kind: .organization, entity: "Twitter"),
          Highlight(start: 34, end: 40, kind: .number),
        ]),
      Bullet(text: "This move goes against Musk's open-letter plea for companies to slow down AI development.",
        highlights: [Highlight(start: 23, end: 27, kind: .person, entity: "Elon Musk")]),
      Bullet(text: "It looks like LinkedIn cofounder Reid Hoffman was right.",
        highlights: [Highlight(start: 33, end: 45, kind: .person, entity: "Reid Hoffman")]),
    ],
    entities: [hoffman, twitter, musk, openAI])

  static func article(_ id: Int64, _ title: String, entities: [ArticleEntity] = [], read: Bool = false) -> ArticleDetail {
    ArticleDetail(
      item: ArticleItem(id: id, title: title, source: "/news/\(id).txt", published: Date(timeIntervalSince1970: 1_600_000_000 - Double(id) * 86_400), isRead: read),
      body: "Body of \(title). It mentions several things.\n\nA second paragraph about \(title).",
      bullets: [Bullet(text: "First point of \(title).")], entities: entities)
  }

  static func library(extra: Int = 4) -> InMemoryLibrary {
    var articles = [seed]
    articles.append(article(2, "OpenAI unveils a new model", entities: [openAI, musk]))
    articles.append(article(3, "Rain expected over the weekend"))
    articles.append(article(4, "Musk buys another company", entities: [musk]))
    for i in 0..<extra { articles.append(article(Int64(5 + i), "Local story number \(i + 1)", read: true)) }
    let hits = [
      EntityHit(id: 1, name: "Elon Musk", kind: .person, aliases: ["Musk"], articleCount: 3, mentionCount: 9),
      EntityHit(id: 2, name: "Twitter", kind: .organization, articleCount: 1, mentionCount: 3),
      EntityHit(id: 3, name: "OpenAI", kind: .organization, articleCount: 2, mentionCount: 4),
    ]
    let profile = EntityProfileDetail(
      entity: hits[0],
      linked: [LinkedEntityItem(id: 2, name: "Twitter", kind: .organization, weight: 2, label: "owner of", evidence: ["Elon Musk-owned Twitter purchased 10,000 GPUs."])])
    return InMemoryLibrary(articles: articles, hits: hits, profiles: [1: profile])
  }

  /// A runtime started on a library at a size, with every effect executed.
  static func runtime(_ library: InMemoryLibrary, cols: Int, rows: Int, about: String = "") -> Runtime {
    let runtime = Runtime(state: AppState(cols: cols, rows: rows, about: about), library: library)
    runtime.start()
    return runtime
  }
}

extension Runtime {
  func press(_ keys: Key...) {
    for key in keys { send(.key(key)) }
  }

  func type(_ text: String) {
    for c in text { send(.key(.char(c))) }
  }
}
