import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

@Suite("Upgrading an existing library")
struct SchemaUpgradeTests {
    @Test("a library whose mentions have their own ids is upgraded: every mention is kept, in its article's order")
    func upgradesMentions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-mentions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "compactSearchIndex")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO article (id, source, url, bodyHash, title, addedAt, sortDate, body)
                    VALUES (1, 'https://old.example/1', 'https://old.example/1', 'h1', 'Lee and Ng', '2020-01-01', '2020-01-01',
                            'Ann Lee met Bo Ng. Lee left.'),
                           (2, 'https://old.example/2', 'https://old.example/2', 'h2', 'Ng again', '2020-01-02', '2020-01-02',
                            'Bo Ng spoke.');
                    INSERT INTO entity (id, name, kind, normalizedName, lastWord, articleCount, mentionCount)
                    VALUES (1, 'Ann Lee', 'person', 'ann lee', 'lee', 1, 2), (2, 'Bo Ng', 'person', 'bo ng', 'ng', 2, 2);
                    -- Ids out of the articles' order, as a re-analysis leaves them.
                    INSERT INTO mention (id, articleId, entityId, start, "end", text) VALUES
                        (7, 1, 1, 0, 7, 'Ann Lee'), (3, 2, 2, 0, 5, 'Bo Ng'), (8, 1, 2, 12, 17, 'Bo Ng'), (9, 1, 1, 19, 22, 'Lee');
                    """)
            }
        }
        let library = try Library(path: path)
        let first = try #require(try library.article(id: 1))
        #expect(first.entities.map(\.name) == ["Ann Lee", "Bo Ng"])
        #expect(first.entities.first?.mentions == [Mention(start: 0, end: 7, text: "Ann Lee"), Mention(start: 19, end: 22, text: "Lee")])
        #expect(try library.article(id: 2)?.entities.map(\.name) == ["Bo Ng"])
        #expect(try library.articles(entityID: 2).map(\.id).sorted() == [1, 2])
        let positions = try library.read { db in
            try Row.fetchAll(db, sql: "SELECT articleId, position, start FROM mention ORDER BY articleId, position")
                .map { [$0["articleId"], $0["position"], $0["start"]] as [Int] }
        }
        #expect(positions == [[1, 0, 0], [1, 1, 12], [1, 2, 19], [2, 0, 0]])
        // A mention of a new article goes in after the upgrade, and a deleted article takes its mentions along.
        try library.ingest(article("New", body: "Ann Lee returned.", link: "https://new.example/3",
                                   entities: [entity("Ann Lee", .person)]))
        #expect(try library.articles(entityID: 1).count == 2)
        try library.write { db in try db.execute(sql: "DELETE FROM article WHERE id = 1") }
        #expect(try library.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention WHERE articleId = 1") } == 0)
    }
}
