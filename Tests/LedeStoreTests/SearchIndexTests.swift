import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

@Suite("The compact full-text index")
struct SearchIndexTests {
    @Test("a library from before the compact index is upgraded: analysed articles stay searchable, pending ones stay out")
    func upgradesIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-fts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "deferredAnalysis")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO article (id, source, url, bodyHash, title, addedAt, sortDate, body)
                    VALUES (1, 'https://old.example/1', 'https://old.example/1', 'h1', 'Old zeppelin story', '2020-01-01',
                            '2020-01-01', 'An airship called a zeppelin.');
                    INSERT INTO article (id, source, url, bodyHash, title, addedAt, sortDate, body, analysisPending)
                    VALUES (2, 'https://old.example/2', 'https://old.example/2', 'h2', 'Pending blimp story', '2020-01-02',
                            '2020-01-02', 'A blimp waits for its analysis.', 1);
                    """)
            }
        }
        let library = try Library(path: path)
        let sql = try library.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'articleSearch'")
        }
        #expect(sql?.contains("detail=column") == true)
        #expect(try library.search("zeppelin").map(\.id) == [1])
        #expect(try library.search("blimp").isEmpty)
        // The triggers carried over to the new table: an edit re-indexes the row.
        try library.write { db in try db.execute(sql: "UPDATE article SET body = 'A dirigible, not a zeppelin.' WHERE id = 1") }
        #expect(try library.search("dirigible").map(\.id) == [1])
        #expect(try library.search("airship").isEmpty)
        try library.write { db in try db.execute(sql: "UPDATE article SET analysisPending = 0 WHERE id = 2") }
        #expect(try library.search("blimp").map(\.id) == [2])
        // Only now is every article indexed, which is what FTS5's check compares against.
        #expect(try searchIndexIsConsistent(library))
    }

    @Test("words that the tokenizer cuts into several tokens are searched as separate terms, not refused as phrases")
    func wordsWithMarks() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("Hindi", body: "हिन्दी भाषा का समाचार, and a Cafe\u{0301} in town."))
        try temp.library.ingest(article("Other", body: "Nothing of the sort here."))
        #expect(try temp.library.search("हिन्दी").map(\.title) == ["Hindi"])
        #expect(try temp.library.search("हिन्").map(\.title) == ["Hindi"])
        #expect(try temp.library.search("cafe\u{0301}").map(\.title) == ["Hindi"])
        #expect(try temp.library.search("don't").isEmpty)
    }

    @Test("a snippet still shows the text around the match")
    func snippets() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("Harbour", body: "The council met on Tuesday. The ferry terminal will open next year, the mayor said."))
        let rows = try temp.library.search("terminal")
        #expect(rows.count == 1)
        #expect(rows.first?.snippet.contains("terminal") == true)
    }

    @Test("several words must all appear, and the last one may be a prefix")
    func severalWords() throws {
        let temp = try TemporaryLibrary()
        try temp.library.ingest(article("Both", body: "The ferry terminal opened."))
        try temp.library.ingest(article("One", body: "The ferry sank."))
        #expect(try temp.library.search("ferry term").map(\.title) == ["Both"])
        #expect(try temp.library.search("ferry").count == 2)
    }
}

@Suite("Article identity")
struct ArticleIdentityTests {
    @Test("a plain file path gets the same URL Foundation gives it, and other paths go through Foundation", arguments: [
        "/tmp/news/story.txt", "/bench/12.txt", "/a/b-c_d.e/f.md", "/tmp/./x.txt", "/tmp/../x.txt", "/tmp//x.txt",
        "/tmp/with space.txt", "/tmp/caf\u{00E9}.txt", "/tmp/x.txt/", "/tmp/.hidden", "/tmp/..x", "/tmp/~user.txt",
    ])
    func fileIdentity(path: String) {
        let expected = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        #expect(ArticleWriter.identity(ofSource: path) == expected)
    }
}
