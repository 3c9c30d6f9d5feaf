import Foundation
import LedeCore
import Testing
@testable import LedeStore

@Suite("Entity counts summed over a batch")
struct BatchCountTests {
    @Test("articles stored together count each entity's mentions and articles as articles stored one by one do")
    func batchMatchesOneByOne() throws {
        let articles = [
            article("One", body: "Ann Lee met Bo Ng. Ann Lee left.", link: "https://example.org/1",
                    entities: [entity("Ann Lee", .person, at: [0, 19]), entity("Bo Ng", .person, at: [12])]),
            article("Two", body: "Bo Ng spoke.", link: "https://example.org/2", entities: [entity("Bo Ng", .person)]),
            article("Three", body: "Ann Lee wrote.", link: "https://example.org/3", entities: [entity("Ann Lee", .person)]),
        ]
        let together = try TemporaryLibrary()
        #expect(try together.library.ingest(articles).allSatisfy { (try? $0.get()) != nil })
        let oneByOne = try TemporaryLibrary()
        for item in articles { try oneByOne.library.ingest(item) }
        let counts = { (library: Library) in
            try library.entities().map { "\($0.name) \($0.articleCount) \($0.mentionCount)" }.sorted()
        }
        #expect(try counts(together.library) == ["Ann Lee 2 3", "Bo Ng 2 2"])
        #expect(try counts(together.library) == counts(oneByOne.library))
    }

    @Test("an article stored again in the same batch takes back the counts its first version added in that batch")
    func reanalysisInsideBatch() throws {
        let temp = try TemporaryLibrary()
        let first = article("One", body: "Ann Lee met Ann Lee.", link: "https://example.org/1",
                            entities: [entity("Ann Lee", .person, at: [0, 12])])
        let edited = article("One", body: "Ann Lee, edited.", link: "https://example.org/1",
                             entities: [entity("Ann Lee", .person)])
        let other = article("Two", body: "Ann Lee again.", link: "https://example.org/2", entities: [entity("Ann Lee", .person)])
        let outcomes = try temp.library.ingest([first, other, edited]).map { try $0.get() }
        #expect(outcomes.count == 3)
        let rows = try temp.library.entities()
        #expect(rows.map(\.name) == ["Ann Lee"])
        #expect(rows.first?.articleCount == 2)
        #expect(rows.first?.mentionCount == 2)
    }

    @Test("an entity that a re-analysis deletes mid-batch is written anew when a later article of the batch names it")
    func entityDeletedInsideBatch() throws {
        let temp = try TemporaryLibrary()
        let first = article("One", body: "Ann Lee spoke.", link: "https://example.org/1", entities: [entity("Ann Lee", .person)])
        let edited = article("One", body: "Bo Ng spoke.", link: "https://example.org/1", entities: [entity("Bo Ng", .person)])
        let later = article("Two", body: "Ann Lee again.", link: "https://example.org/2", entities: [entity("Ann Lee", .person)])
        let outcomes = try temp.library.ingest([first, edited, later]).map { try $0.get() }
        #expect(outcomes.count == 3)
        #expect(try temp.library.entities().map { "\($0.name) \($0.articleCount) \($0.mentionCount)" }.sorted()
                == ["Ann Lee 1 1", "Bo Ng 1 1"])
        let stored = try #require(try temp.library.articles().first { $0.title == "Two" })
        #expect(try temp.library.article(id: stored.id)?.entities.map(\.name) == ["Ann Lee"])
    }

    @Test("links stated again and again in one batch get the weights, label and capped evidence they get one article at a time")
    func linksMatchOneByOne() throws {
        let articles = (0..<9).map { number in
            let sentence = "Ann Lee met Bo Ng, story \(number)."
            return article("Story \(number)", body: sentence, link: "https://example.org/\(number)",
                           entities: [entity("Ann Lee", .person), entity("Bo Ng", .person, at: [12])],
                           links: [EntityLinkEvidence(source: "Ann Lee", target: "Bo Ng", label: number < 3 ? nil : "met",
                                                      sentence: sentence)])
        }
        let together = try TemporaryLibrary()
        #expect(try together.library.ingest(articles).allSatisfy { (try? $0.get()) != nil })
        let oneByOne = try TemporaryLibrary()
        for item in articles { try oneByOne.library.ingest(item) }
        let links = { (library: Library) -> [String] in
            let id = try #require(try library.entities().first { $0.name == "Ann Lee" }?.id)
            return try #require(try library.entity(id: id)).linked.map { "\($0.name) \($0.weight) \($0.label ?? "-") \($0.evidence)" }
        }
        let stored = try links(together.library)
        #expect(stored.count == 1)
        #expect(stored.first?.hasPrefix("Bo Ng 9 met") == true)
        #expect(try stored == links(oneByOne.library))
        let evidenceRows = { (library: Library) in
            try library.read { db in try Int.fetchOne(db, sql: "SELECT evidenceCount FROM entityLink") }
        }
        #expect(try evidenceRows(together.library) == EntityWriter.evidencePerLink)
        #expect(try evidenceRows(oneByOne.library) == EntityWriter.evidencePerLink)
    }
}
