import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

/// A fresh library file in a temporary folder, removed when the test ends.
final class TemporaryLibrary {
    let folder: URL
    let library: Library

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-\(UUID().uuidString)")
        library = try Library(path: folder.appendingPathComponent("library.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

func article(_ title: String, body: String, link: String? = nil, entities: [DocumentEntity] = [],
             links: [EntityLinkEvidence] = [], published: Date? = nil) -> ProcessedArticle {
    let document = ParsedDocument(title: title, published: published, source: link ?? "/tmp/\(title).txt", link: link, body: body)
    return ProcessedArticle(document: document, bullets: [Bullet(text: body, highlights: [Highlight(start: 0, end: 3, kind: .term)])],
                            entities: entities, links: links, termCounts: TermCounter.counts(in: body))
}

func entity(_ name: String, _ kind: EntityKind, aliases: [String] = [], at offsets: [Int] = [0]) -> DocumentEntity {
    DocumentEntity(name: name, kind: kind, aliases: aliases,
                   mentions: offsets.map { Mention(start: $0, end: $0 + name.unicodeScalars.count, text: name) })
}

@Suite("The library file")
struct LibraryTests {
    @Test("a new file is migrated from empty and is empty")
    func migratesFromEmpty() throws {
        let temp = try TemporaryLibrary()
        // Given a new file, when it is opened, then every table exists and nothing is in them.
        #expect(try temp.library.articleCount() == 0)
        let tables = try temp.library.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in ["feed", "article", "bullet", "entity", "entityAlias", "mention", "entityLink", "linkEvidence", "articleSearch"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let journal = try temp.library.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("ingesting the same article twice stores it once; a changed body updates it in place")
    func idempotentIngest() throws {
        let temp = try TemporaryLibrary()
        let first = try temp.library.ingest(article("Harbour plan", body: "The council approved the harbour plan.", link: "https://example.org/a"))
        let again = try temp.library.ingest(article("Harbour plan", body: "The council approved the harbour plan.", link: "https://example.org/a"))
        #expect(again == .unchanged(first.articleID))
        let edited = try temp.library.ingest(article("Harbour plan", body: "The council approved the harbour plan on Tuesday.", link: "https://example.org/a"))
        #expect(edited == .updated(first.articleID))
        #expect(try temp.library.articleCount() == 1)
        #expect(try temp.library.article(id: first.articleID)?.body == "The council approved the harbour plan on Tuesday.")
    }

    @Test("the same text from another source is the same article, whatever its spacing and case")
    func sameBodyOtherSource() throws {
        let temp = try TemporaryLibrary()
        let first = try temp.library.ingest(article("Storm", body: "The storm hit the coast.", link: "https://a.example/1"))
        let copy = try temp.library.ingest(article("Storm (copy)", body: "THE  storm hit\nthe coast", link: "https://b.example/2"))
        #expect(copy == .unchanged(first.articleID))
        #expect(try temp.library.articleCount() == 1)
        // Adding both sources again changes nothing: the first source keeps the article.
        #expect(try temp.library.ingest(article("Storm", body: "The storm hit the coast.", link: "https://a.example/1")) == .unchanged(first.articleID))
        #expect(try temp.library.ingest(article("Storm (copy)", body: "THE  storm hit\nthe coast", link: "https://b.example/2")) == .unchanged(first.articleID))
        #expect(try temp.library.article(id: first.articleID)?.row.title == "Storm")
    }

    @Test("a failure in the middle of an article's write leaves nothing of it behind")
    func transactionPerArticle() throws {
        let temp = try TemporaryLibrary()
        try temp.library.write { db in
            try db.execute(sql: "CREATE TRIGGER failOnBullet BEFORE INSERT ON bullet BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
        }
        #expect(throws: (any Error).self) {
            try temp.library.ingest(article("Doomed", body: "This write fails halfway.", entities: [entity("Acme Corp", .organization)]))
        }
        #expect(try temp.library.articleCount() == 0)
        #expect(try temp.library.search("halfway").isEmpty)
        #expect(try temp.library.entities().isEmpty)
    }

    @Test("full-text search finds words in titles and bodies, with prefixes, and survives operator characters")
    func fullTextSearch() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("Twitter buys GPUs", body: "Musk's company purchased graphics processors."))
        try temp.library.ingest(article("Harbour plan", body: "The council approved the harbour plan."))
        #expect(try temp.library.search("graphics").map(\.title) == ["Twitter buys GPUs"])
        #expect(try temp.library.search("harb").map(\.title) == ["Harbour plan"])
        #expect(try temp.library.search("twitter OR \"(").isEmpty)
        #expect(try temp.library.search("\"*:^").isEmpty)
    }

    @Test("articles page newest first")
    func paging() throws {
        let temp = try TemporaryLibrary()
        for day in 1...30 {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            try temp.library.ingest(article("Day \(day)", body: "Story number \(day) of the month.", published: date))
        }
        let first = try temp.library.articles(offset: 0, limit: 10)
        let second = try temp.library.articles(offset: 10, limit: 10)
        #expect(first.map(\.title).prefix(2) == ["Day 30", "Day 29"])
        #expect(second.first?.title == "Day 20")
        #expect(try temp.library.articleCount() == 30)
    }

    @Test("the store keeps document frequencies for key terms as articles arrive and change")
    func termStatistics() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("One", body: "Harbour council vote.", link: "https://x/1"))
        try temp.library.ingest(article("Two", body: "Harbour storm damage.", link: "https://x/2"))
        var stats = try temp.library.termStatistics()
        #expect(stats.documentCount == 2)
        #expect(stats.documentFrequency(of: "harbour") == 2)
        #expect(stats.documentFrequency(of: "storm") == 1)
        try temp.library.ingest(article("Two", body: "Harbour flood damage.", link: "https://x/2"))
        stats = try temp.library.termStatistics()
        #expect(stats.documentFrequency(of: "storm") == 0)
        #expect(stats.documentFrequency(of: "flood") == 1)
    }

    @Test("a batch written in one transaction counts each term once per article, an article changed within it in its last version")
    func termStatisticsOfBatch() throws {
        let temp = try TemporaryLibrary()
        let results = try temp.library.ingest([
            article("One", body: "Harbour council vote on the harbour.", link: "https://x/1"),
            article("Two", body: "Harbour storm damage.", link: "https://x/2"),
            article("Two", body: "Harbour flood damage.", link: "https://x/2"),
        ])
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let stats = try temp.library.termStatistics()
        #expect(stats.documentCount == 2)
        #expect(stats.documentFrequency(of: "harbour") == 2)
        #expect(stats.documentFrequency(of: "storm") == 0)
        #expect(stats.documentFrequency(of: "flood") == 1)
    }

    @Test("read and starred marks are stored")
    func marks() throws {
        let temp = try TemporaryLibrary()
        let id = try temp.library.ingest(article("One", body: "Text of one.")).articleID
        try temp.library.setRead(true, articleID: id)
        try temp.library.setStarred(true, articleID: id)
        let row = try #require(try temp.library.articles().first)
        #expect(row.isRead && row.isStarred)
    }

    @Test("a file that is not a database is refused with a clear error")
    func notADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID().uuidString).sqlite").path
        try Data("this is not sqlite, just text that is long enough to be a header".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: StoreError.self) { try Library(path: path) }
    }
}

@Suite("Entities across the library")
struct EntityStoreTests {
    @Test("the same name in two articles is one entity, with counts of articles and mentions")
    func sameNameMerges() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("A", body: "Elon Musk spoke. Musk left.",
                                        entities: [entity("Elon Musk", .person, aliases: ["Musk"], at: [0, 17])]))
        try temp.library.ingest(article("B", body: "Elon Musk tweeted.", entities: [entity("Elon Musk", .person)]))
        let rows = try temp.library.entities()
        #expect(rows.count == 1)
        #expect(rows.first?.articleCount == 2)
        #expect(rows.first?.mentionCount == 3)
        #expect(rows.first?.aliases == ["Musk"])
    }

    @Test("a lone surname joins the full name only when the library supports it")
    func conservativeMerge() throws {
        let temp = try TemporaryLibrary()
        // Given "Boris Johnson" and "Dwayne Johnson", a lone "Johnson" is ambiguous and stays apart.
        try temp.library.ingest(article("A", body: "Boris Johnson resigned.", entities: [entity("Boris Johnson", .person)]))
        try temp.library.ingest(article("B", body: "Dwayne Johnson starred.", entities: [entity("Dwayne Johnson", .person)]))
        try temp.library.ingest(article("C", body: "Johnson said no.", entities: [entity("Johnson", .person)]))
        #expect(try temp.library.entities(kind: .person).count == 3)
        // Given one "Elon Musk" linked to Twitter, a lone "Musk" named with Twitter joins him.
        try temp.library.ingest(article("D", body: "Elon Musk owns Twitter.", entities: [
            entity("Elon Musk", .person), entity("Twitter", .organization, at: [15]),
        ], links: [EntityLinkEvidence(source: "Elon Musk", target: "Twitter", label: "owns", sentence: "Elon Musk owns Twitter.")]))
        try temp.library.ingest(article("E", body: "Musk changed Twitter.", entities: [
            entity("Musk", .person), entity("Twitter", .organization, at: [13]),
        ]))
        let musk = try #require(try temp.library.entity(named: "Elon Musk"))
        #expect(musk.entity.articleCount == 2)
        #expect(musk.entity.aliases.contains("Musk"))
    }

    @Test("links carry their weight, label and evidence sentences")
    func links() throws {
        let temp = try TemporaryLibrary()
        let sentence = "LinkedIn cofounder Reid Hoffman was right."
        try temp.library.ingest(article("A", body: sentence, entities: [
            entity("LinkedIn", .organization), entity("Reid Hoffman", .person, at: [19]),
        ], links: [EntityLinkEvidence(source: "Reid Hoffman", target: "LinkedIn", label: "cofounder", sentence: sentence)]))
        let profile = try #require(try temp.library.entity(named: "Reid Hoffman"))
        #expect(profile.linked.map(\.name) == ["LinkedIn"])
        #expect(profile.linked.first?.label == "cofounder")
        #expect(profile.linked.first?.evidence == [sentence])
        #expect(profile.articles.map(\.title) == ["A"])
        #expect(try temp.library.articles(entityID: profile.entity.id).count == 1)
    }

    @Test("a link counts every sentence but keeps only a few as evidence; re-analysis takes its share back")
    func linkWeightsAndEvidence() throws {
        let temp = try TemporaryLibrary()
        for number in 1...9 {
            let sentence = "Acme Corp hired Jane Doe for project \(number)."
            try temp.library.ingest(article("Story \(number)", body: sentence, link: "https://x/\(number)", entities: [
                entity("Acme Corp", .organization), entity("Jane Doe", .person, at: [16]),
            ], links: [EntityLinkEvidence(source: "Acme Corp", target: "Jane Doe", label: number == 9 ? "hired" : nil, sentence: sentence)]))
        }
        var profile = try #require(try temp.library.entity(named: "Jane Doe", evidenceLimit: 10))
        #expect(profile.linked.first?.weight == 9)
        #expect(profile.linked.first?.evidence.count == EntityWriter.evidencePerLink)
        #expect(profile.linked.first?.label == "hired")
        // The first story is rewritten without the link: the weight drops by its sentence.
        try temp.library.ingest(article("Story 1", body: "Acme Corp closed.", link: "https://x/1",
                                        entities: [entity("Acme Corp", .organization)]))
        profile = try #require(try temp.library.entity(named: "Jane Doe"))
        #expect(profile.linked.first?.weight == 8)
        #expect(profile.entity.articleCount == 8)
    }

    @Test("a sentence listing many names links only the pairs it states a relation for")
    func listSentences() throws {
        let temp = try TemporaryLibrary()
        let names = ["Ann Lee", "Bo Chan", "Cy Dunn", "Di Eng", "Ed Fox", "Flo Gray"]
        let sentence = "Ann Lee, Bo Chan, Cy Dunn, Di Eng, Ed Fox and Flo Gray attended; Ann Lee founded it."
        var links: [EntityLinkEvidence] = []
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] { links.append(EntityLinkEvidence(source: a, target: b, sentence: sentence)) }
        }
        links[0].label = "cofounder of"
        try temp.library.ingest(article("List", body: sentence, entities: names.enumerated().map { entity($1, .person, at: [$0 * 10]) },
                                        links: links))
        let ann = try #require(try temp.library.entity(named: "Ann Lee"))
        #expect(ann.linked.map(\.name) == ["Bo Chan"])
        #expect(try #require(try temp.library.entity(named: "Cy Dunn")).linked.isEmpty)
    }

    @Test("entity search ranks prefix before substring before typos, most mentioned first")
    func search() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("A", body: "x", entities: [entity("Elon Musk", .person, at: [0, 20, 40])]))
        try temp.library.ingest(article("B", body: "y", entities: [entity("Muskrat Society", .organization)]))
        try temp.library.ingest(article("C", body: "z", entities: [entity("Bill Gates", .person)]))
        #expect(try temp.library.entities(query: "musk").map(\.name) == ["Muskrat Society", "Elon Musk"])
        #expect(try temp.library.entities(query: "elon").map(\.name) == ["Elon Musk"])
        #expect(try temp.library.entities(query: "gatse").map(\.name) == ["Bill Gates"])
        #expect(try temp.library.entities(kind: .person, query: "musk").map(\.name) == ["Elon Musk"])
        #expect(try temp.library.entities(query: "zzzz").isEmpty)
    }

    @Test("a typo may bring a letter the name lacks, and aliases and shared surnames are searched too")
    func typoWithForeignLetter() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("A", body: "x", entities: [entity("Twitter", .organization, at: [0, 9]),
                                                                   entity("Boris Johnson", .person, aliases: ["Johnson"])]))
        try temp.library.ingest(article("B", body: "y", entities: [entity("Dwayne Johnson", .person)]))
        // "z" and "q" occur in no name: one is a substitution, the other a second edit.
        #expect(try temp.library.entities(query: "twitzer").map(\.name) == ["Twitter"])
        #expect(try temp.library.entities(query: "twizqer").map(\.name) == ["Twitter"])
        #expect(try temp.library.entities(query: "twzq").isEmpty)
        #expect(Set(try temp.library.entities(query: "jonhson").map(\.name)) == ["Boris Johnson", "Dwayne Johnson"])
        #expect(try temp.library.entities(query: "bori").map(\.name) == ["Boris Johnson"])
    }
}

@Suite("Name normalization")
struct NameNormalizationTests {
    @Test("names compare without case, diacritics, punctuation or a possessive", arguments: [
        ("Musk's", "musk"), ("Musk’s", "musk"), ("Elon  Musk", "elon musk"), ("Zürich-Bank", "zurich bank"),
        ("K.C. Maurer", "k c maurer"), ("Mary & Leigh Block Museum", "mary & leigh block museum"),
        ("Ngô Đình Diệm", "ngo đinh diem"), ("東京電力", "東京電力"), ("Charles'", "charles"),
    ])
    func normalize(name: String, expected: String) {
        #expect(EntityWriter.normalize(name) == expected)
    }
}

@Suite("Subscriptions")
struct FeedStoreTests {
    @Test("a feed is subscribed once, keeps its fetch state, and leaves its articles when removed")
    func feedLifecycle() throws {
        let temp = try TemporaryLibrary()
        let first = try temp.library.addFeed(url: "https://example.org/feed.xml", title: "Example", folder: "News")
        #expect(first.added)
        let again = try temp.library.addFeed(url: "https://example.org/feed.xml")
        #expect(!again.added && again.feed.id == first.feed.id && again.feed.title == "Example")
        try temp.library.recordFetch(feedID: first.feed.id, etag: "\"abc\"", lastModified: "Tue, 11 Apr 2023 00:00:00 GMT", error: nil)
        try temp.library.ingest(article("Item", body: "A story from the feed.", link: "https://example.org/1"), feedID: first.feed.id)
        let stored = try #require(try temp.library.feed(url: "https://example.org/feed.xml"))
        #expect(stored.etag == "\"abc\"" && stored.articleCount == 1 && stored.lastFetchedAt != nil)
        #expect(try temp.library.removeFeed(url: "https://example.org/feed.xml"))
        #expect(try temp.library.feeds().isEmpty)
        #expect(try temp.library.articleCount() == 1)
        #expect(try !temp.library.removeFeed(url: "https://example.org/feed.xml"))
    }
}
