import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

func feedItem(_ number: Int, body: String? = nil) -> ParsedDocument {
    ParsedDocument(title: "Harbour story \(number)", published: Date(timeIntervalSince1970: 1_680_000_000 + Double(number)),
                   source: "https://news.example/story/\(number)", link: "https://news.example/story/\(number)",
                   feed: "Harbour News",
                   body: body ?? """
                       The harbour council met on day \(number) and voted to approve the ferry terminal plan. \
                       The mayor, Jane Doe, said the terminal would open next year. Acme Shipping will run the ferries.
                       """)
}

/// Whether the full-text index agrees with the article table (FTS5 checks it itself).
func searchIndexIsConsistent(_ library: Library) throws -> Bool {
    do {
        try library.write { db in
            try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES ('integrity-check', 1)")
        }
        return true
    } catch {
        return false
    }
}

@Suite("Deferred analysis of feed items")
struct PendingAnalysisTests {
    @Test("items stored pending are listed and shown at once, and searchable with entities once analysed")
    func storeThenAnalyse() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let results = try library.storePending((1...3).map { feedItem($0) })
        let ids = try results.map { try $0.get().articleID }
        #expect(try library.pendingAnalysisCount() == 3)
        #expect(try library.articles().map(\.title) == ["Harbour story 3", "Harbour story 2", "Harbour story 1"])
        let pending = try #require(try library.article(id: ids[0]))
        #expect(pending.isPending)
        #expect(pending.body.contains("ferry terminal"))
        #expect(pending.bullets.isEmpty && pending.entities.isEmpty)
        // Not analysed, not indexed yet: no half-known article in search or the entity views.
        #expect(try library.search("ferry").isEmpty)
        #expect(try library.entities().isEmpty)

        let report = try PendingAnalyzer(library: library).run()
        #expect(report == PendingAnalyzer.Report(analysed: 3, skipped: 0, failed: 0))
        #expect(try library.pendingAnalysisCount() == 0)
        let analysed = try #require(try library.article(id: ids[0]))
        #expect(!analysed.isPending)
        #expect(!analysed.bullets.isEmpty)
        #expect(analysed.entities.contains { $0.name == "Jane Doe" })
        #expect(try library.search("ferry").count == 3)
        #expect(try library.entity(named: "Jane Doe")?.entity.articleCount == 3)
        #expect(try library.termStatistics().documentCount == 3)
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("storing the same items again changes nothing; a changed body updates the article and makes it pending again")
    func idempotentPendingStore() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let first = try library.storePending([feedItem(1)])[0].get()
        #expect(try library.storePending([feedItem(1)])[0].get() == .unchanged(first.articleID))
        try PendingAnalyzer(library: library).run()
        #expect(try library.storePending([feedItem(1)])[0].get() == .unchanged(first.articleID))

        let edited = feedItem(1, body: "The harbour council postponed the vote on the ferry terminal. Jane Doe was away.")
        #expect(try library.storePending([edited])[0].get() == .updated(first.articleID))
        let stored = try #require(try library.article(id: first.articleID))
        #expect(stored.isPending && stored.entities.isEmpty && stored.bullets.isEmpty)
        // The old analysis is taken back from the library-wide counts.
        #expect(try library.entity(named: "Jane Doe") == nil)
        #expect(try library.search("approve").isEmpty)
        try PendingAnalyzer(library: library).run()
        #expect(try library.search("postponed").count == 1)
        #expect(try library.entity(named: "Jane Doe")?.entity.articleCount == 1)
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("an interrupted analysis leaves each article whole or pending, and the next run finishes the rest")
    func interruptedAnalysisResumes() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let ids = try library.storePending((1...4).map { feedItem($0) }).map { try $0.get().articleID }
        // The third article's write fails half-way, after its row was marked analysed.
        try library.write { db in
            try db.execute(sql: """
                CREATE TRIGGER failOnMention BEFORE INSERT ON mention WHEN new.articleId = \(ids[2])
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END
                """)
        }
        let first = try PendingAnalyzer(library: library).run()
        #expect(first == PendingAnalyzer.Report(analysed: 3, skipped: 0, failed: 1))
        let failed = try #require(try library.article(id: ids[2]))
        #expect(failed.isPending && failed.bullets.isEmpty && failed.entities.isEmpty)
        #expect(try library.entity(named: "Jane Doe")?.entity.articleCount == 3)

        try library.write { db in try db.execute(sql: "DROP TRIGGER failOnMention") }
        let second = try PendingAnalyzer(library: library).run()
        #expect(second == PendingAnalyzer.Report(analysed: 1, skipped: 0, failed: 0))
        #expect(try library.pendingAnalysisCount() == 0)
        #expect(try library.entity(named: "Jane Doe")?.entity.articleCount == 4)
        #expect(try library.search("ferry").count == 4)
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("an analysis another process already wrote is not written twice")
    func concurrentFinishIsSkipped() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        _ = try library.storePending([feedItem(1)])
        let pending = try library.pendingArticles()
        let analysis = Pipeline().process(pending[0].document)
        #expect(try library.completeAnalyses([(pending[0], analysis)]).map { try $0.get() } == [true])
        #expect(try library.completeAnalyses([(pending[0], analysis)]).map { try $0.get() } == [false])
        #expect(try library.entity(named: "Jane Doe")?.entity.mentionCount == 1)
    }

    @Test("ingesting the analysed article over its pending copy completes it")
    func analysedIngestCompletesPending() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let id = try library.storePending([feedItem(1)])[0].get().articleID
        let outcome = try library.ingest(Pipeline().process(feedItem(1)))
        #expect(outcome == .unchanged(id))
        #expect(try library.article(id: id)?.isPending == false)
        #expect(try library.search("ferry").count == 1)
    }

    @Test("a library from before deferred analysis is upgraded: articles stay searchable and evidence counts are kept")
    func upgradesOldLibrary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "createLibrary")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO article (id, source, url, bodyHash, title, addedAt, sortDate, body)
                    VALUES (1, 'https://old.example/1', 'https://old.example/1', 'h1', 'Old zeppelin story', '2020-01-01', '2020-01-01',
                            'An airship called a zeppelin.');
                    INSERT INTO entity (id, name, kind, normalizedName, lastWord, articleCount, mentionCount)
                    VALUES (1, 'Ann Lee', 'person', 'ann lee', 'lee', 1, 1), (2, 'Bo Ng', 'person', 'bo ng', 'ng', 1, 1);
                    INSERT INTO entityLink (id, sourceId, targetId, weight, articles) VALUES (1, 1, 2, 1, 1);
                    INSERT INTO evidenceSentence (id, articleId, text) VALUES (1, 1, 'Ann Lee met Bo Ng.');
                    INSERT INTO linkEvidence (linkId, articleId, sentenceId) VALUES (1, 1, 1);
                    """)
            }
        }
        let library = try Library(path: path)
        #expect(try library.search("zeppelin").count == 1)
        #expect(try library.read { db in try Int.fetchOne(db, sql: "SELECT evidenceCount FROM entityLink WHERE id = 1") } == 1)
        try library.write { db in try db.execute(sql: "UPDATE article SET body = 'A blimp, not a zeppelin.' WHERE id = 1") }
        #expect(try library.search("blimp").count == 1)
        #expect(try library.search("airship").isEmpty)
        #expect(try searchIndexIsConsistent(library))
    }
}

@Suite("Several articles per transaction")
struct BatchWriteTests {
    /// Makes storing a mention of `name` fail, as a full disk would, to see one article fail alone.
    private func failMentions(of name: String, in library: Library) throws {
        // A trigger takes no bound values: the name goes in as an SQL literal.
        let literal = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        try library.write { db in
            try db.execute(sql: """
                CREATE TRIGGER failOnName BEFORE INSERT ON mention WHEN new.text = \(literal)
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END
                """)
        }
    }

    @Test("an article that fails in a batch leaves nothing of itself, and the others are stored whole")
    func savepointPerArticle() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        try failMentions(of: "Rex Failure", in: library)
        let body = "Ann Lee met Rex Failure at the port."
        let results = try library.ingest([
            article("First", body: "Ann Lee opened the port.", entities: [entity("Ann Lee", .person)]),
            article("Second", body: body, entities: [entity("Ann Lee", .person), entity("Rex Failure", .person, at: [11])],
                    links: [EntityLinkEvidence(source: "Ann Lee", target: "Rex Failure", label: "met", sentence: body)]),
            article("Third", body: "Ann Lee closed the port.", entities: [entity("Ann Lee", .person)]),
        ])
        #expect(results.count == 3)
        #expect((try? results[0].get()) != nil)
        #expect((try? results[1].get()) == nil)
        #expect((try? results[2].get()) != nil)
        #expect(try library.articles().map(\.title) == ["Third", "First"])
        let ann = try #require(try library.entity(named: "Ann Lee"))
        #expect(ann.entity.articleCount == 2 && ann.entity.mentionCount == 2)
        #expect(ann.linked.isEmpty)
        #expect(try library.entity(named: "Rex Failure") == nil)
        let leftovers = try library.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM bullet) + (SELECT COUNT(*) FROM entityLink) + (SELECT COUNT(*) FROM evidenceSentence)
                + (SELECT COUNT(*) FROM entityAlias WHERE normalizedAlias = 'rex failure')
                """)
        }
        #expect(leftovers == 2)  // the bullets of First and Third
        #expect(try library.termStatistics().frequencies["port"] == 2)
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("a batch's articles are searchable once it commits: one stored twice, one changed and one failed within the batch")
    func searchIndexAfterBatch() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        try failMentions(of: "Rex Failure", in: library)
        let pending = try library.storePending([feedItem(1), feedItem(2)]).map { try $0.get().articleID }
        let results = try library.ingest([
            article("Zeppelin", body: "An airship called a zeppelin.", link: "https://news.example/z"),
            article("Zeppelin again", body: "An airship called a zeppelin.", link: "https://news.example/z2"),
            article("Over the harbour", body: "A blimp over the harbour.", link: "https://news.example/b"),
            article("Over the harbour", body: "A dirigible over the harbour.", link: "https://news.example/b"),
            article("Failure", body: "Rex Failure sank the kayak.", entities: [entity("Rex Failure", .person)]),
            Pipeline().process(feedItem(1)),
        ])
        #expect(results.map { (try? $0.get()) != nil } == [true, true, true, true, false, true])
        #expect(try library.search("zeppelin").map(\.title) == ["Zeppelin"])
        #expect(try library.search("blimp").isEmpty)
        #expect(try library.search("dirigible").map(\.title) == ["Over the harbour"])
        #expect(try library.search("kayak").isEmpty)
        #expect(try library.search("ferry").map(\.id) == [pending[0]])
        // Document frequencies count each article written once, in its last version; the failed one not at all.
        let frequencies = try library.termStatistics().frequencies
        #expect(frequencies["zeppelin"] == 1)
        #expect(frequencies["dirigible"] == 1)
        // The new version of the harbour article, and the feed item analysed in the batch.
        #expect(frequencies["harbour"] == 2)
        #expect(frequencies["blimp", default: 0] == 0)
        #expect(frequencies["kayak", default: 0] == 0)
        let analysed = try library.completeAnalyses(try library.pendingArticles().map { ($0, Pipeline().process($0.document)) })
        #expect(analysed.map { (try? $0.get()) ?? false } == [true])
        #expect(Set(try library.search("ferry").map(\.id)) == Set(pending))
        #expect(try library.pendingAnalysisCount() == 0)
        #expect(try library.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE analysisPending != 0") } == 0)
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("evidence stays capped when many articles state the same link in one batch")
    func evidenceCapAcrossBatch() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let articles = (1...10).map { number in
            let sentence = "Ann Lee met Bo Ng for the \(number)th time."
            return article("Meeting \(number)", body: sentence,
                           entities: [entity("Ann Lee", .person), entity("Bo Ng", .person, at: [12])],
                           links: [EntityLinkEvidence(source: "Ann Lee", target: "Bo Ng", sentence: sentence)])
        }
        #expect(try library.ingest(articles).allSatisfy { (try? $0.get()) != nil })
        let link = try #require(try library.entity(named: "Ann Lee", evidenceLimit: 100)?.linked.first)
        #expect(link.weight == 10)
        #expect(link.evidence.count == EntityWriter.evidencePerLink)
        #expect(try library.read { db in try Int.fetchOne(db, sql: "SELECT evidenceCount FROM entityLink") } == EntityWriter.evidencePerLink)
    }
}

@Suite("Fast encodings keep the stored format")
struct StorageEncodingTests {
    /// The body hash as first written, scalar by scalar: stored libraries hold these values.
    func referenceHash(_ body: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        func mix(_ byte: UInt64) {
            first = (first ^ byte) &* 0x0000_0100_0000_01B3
            second = (second ^ byte) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        for scalar in body.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { mix(UInt64(v)) }
                else if (0x41...0x5A).contains(v) { mix(UInt64(v + 32)) }
            } else if scalar.properties.isAlphabetic {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    var value = lower.value
                    while value > 0 {
                        mix(UInt64(value & 0xFF))
                        value >>= 8
                    }
                }
            }
        }
        return String(format: "%016llx%016llx", first, second)
    }

    @Test("the body hash is the same as before for ASCII, accents, CJK, emoji and symbols", arguments: [
        "", "The storm hit the coast.", "Zürich-Bank ÉLAN café", "東京で会議が開かれた", "Ünïcödé 🎉 ok ½ ﬁ İstanbul ΣΑΣ",
        "Tab\tand\nnewline — “quotes” and 100 %",
    ])
    func bodyHashUnchanged(body: String) {
        #expect(BodyHash.of(body) == referenceHash(body))
    }

    @Test("the body hash is the same as before on random text of ASCII, accents and symbols")
    func bodyHashUnchangedOnRandomText() {
        let alphabet = Array("aZ09 \t\n.,;!?-'\"()[]{}<>@#~é Ü ß Σ 東 🎉 ½ ﬁ İ\u{0301}\u{7F}\u{1B}")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let body = String((0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " })
            #expect(BodyHash.of(body) == referenceHash(body), "\(body.debugDescription)")
        }
    }

    @Test("dates are written in GRDB's own stored form")
    func storageDateMatchesGRDB() {
        for seconds in [0.0, 1_680_000_000, 1_680_000_000.5, -86_400.25, 1_700_000_123.75, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StorageDate.string(date) == String.fromDatabaseValue(date.databaseValue), "\(seconds)")
        }
    }
}
