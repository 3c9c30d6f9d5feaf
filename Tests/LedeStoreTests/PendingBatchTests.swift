import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

/// New pending documents are inserted several to a statement; each must come out as if stored alone.
@Suite("Storing pending documents in batches")
struct PendingBatchTests {
    @Test("a long batch with repeated links and bodies gives each document the outcome it would get alone, in order")
    func repeatsInsideABatch() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        var documents = (1...40).map { feedItem($0) }
        // The same item again, and another link with a body already in the batch.
        documents.insert(feedItem(3), at: 20)
        var copy = feedItem(41, body: feedItem(5).body)
        copy.link = "https://news.example/elsewhere/41"
        documents.insert(copy, at: 25)
        let results = try library.storePending(documents)
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.count == 42)
        #expect(outcomes[20] == .unchanged(outcomes[2].articleID))
        #expect(outcomes[25] == .unchanged(outcomes[4].articleID))
        let added = outcomes.filter { if case .added = $0 { true } else { false } }.map(\.articleID)
        #expect(added.count == 40)
        // Ids follow the documents' order, as one insert after another gave them.
        #expect(added == added.sorted())
        #expect(Set(added).count == 40)
        for (index, document) in documents.enumerated() where index != 20 && index != 25 {
            let stored = try #require(try library.article(id: outcomes[index].articleID))
            #expect(stored.row.title == document.title)
            #expect(stored.row.link == document.link)
        }
        #expect(try library.pendingAnalysisCount() == 40)
        // Stored again, everything is unchanged.
        let again = try library.storePending(documents).map { try $0.get() }
        #expect(again.allSatisfy { if case .unchanged = $0 { true } else { false } })
    }

    @Test("repeats and updates inside one group of documents see the earlier ones stored")
    func repeatsInsideAGroup() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let first = try library.storePending([feedItem(1), feedItem(2)]).map { try $0.get() }
        var sameBody = feedItem(52, body: feedItem(51).body)
        sameBody.link = "https://news.example/elsewhere/52"
        let edited = feedItem(1, body: "The harbour council postponed the vote on the ferry terminal.")
        let outcomes = try library.storePending([feedItem(50), feedItem(51), feedItem(50), sameBody, edited, feedItem(2), feedItem(53)])
            .map { try $0.get() }
        #expect(outcomes[2] == .unchanged(outcomes[0].articleID))
        #expect(outcomes[3] == .unchanged(outcomes[1].articleID))
        #expect(outcomes[4] == .updated(first[0].articleID))
        #expect(outcomes[5] == .unchanged(first[1].articleID))
        if case .added = outcomes[6] {} else { Issue.record("the last document was not added: \(outcomes[6])") }
        #expect(try library.article(id: first[0].articleID)?.body == edited.body)
        #expect(try library.pendingAnalysisCount() == 5)
    }

    @Test("a batch of several groups, with repeats across a group's edge, gives each document its outcome in order")
    func repeatsAcrossGroups() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let group = ArticleWriter.pendingRowsPerStatement
        var documents = (1...(2 * group + 20)).map { feedItem($0) }
        // The first document again just past the first group, and a body of the second group
        // under another link in the third.
        documents.insert(feedItem(1), at: group + 1)
        var copy = feedItem(9_999, body: feedItem(group + 10).body)
        copy.link = "https://news.example/elsewhere/9999"
        documents.insert(copy, at: 2 * group + 5)
        let outcomes = try library.storePending(documents).map { try $0.get() }
        #expect(outcomes[group + 1] == .unchanged(outcomes[0].articleID))
        #expect(outcomes[2 * group + 5] == .unchanged(outcomes[group + 10].articleID))
        let added = outcomes.filter { if case .added = $0 { true } else { false } }.map(\.articleID)
        #expect(added.count == 2 * group + 20)
        #expect(added == added.sorted())
        #expect(try library.pendingAnalysisCount() == 2 * group + 20)
    }

    @Test("empty and non-ASCII text is stored as given, not as NULL or altered")
    func textAsGiven() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        var documents = (1...3).map { feedItem($0) }
        documents[1].byline = ""
        documents[1].title = "Fähre nach Tromsø — 渡轮 🚢"
        documents[2].feed = ""
        let outcomes = try library.storePending(documents).map { try $0.get() }
        let second = try #require(try library.article(id: outcomes[1].articleID))
        #expect(second.row.title == "Fähre nach Tromsø — 渡轮 🚢")
        #expect(second.row.byline == "")
        #expect(second.body == documents[1].body)
        let third = try #require(try library.article(id: outcomes[2].articleID))
        #expect(third.row.feed == "")
    }

    @Test("one document the database refuses fails alone; the others of its statement are stored")
    func failureInsideABatch() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        try library.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuseStory7 BEFORE INSERT ON main.article WHEN new.title = 'Harbour story 7'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        let results = try library.storePending((1...20).map { feedItem($0) })
        for (index, result) in results.enumerated() {
            if index == 6 {
                #expect(throws: (any Error).self) { try result.get() }
            } else {
                #expect(throws: Never.self) { try result.get() }
            }
        }
        #expect(try library.pendingAnalysisCount() == 19)
        #expect(try library.articles(limit: 100).map(\.title).contains("Harbour story 7") == false)
    }
}
