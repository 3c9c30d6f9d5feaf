import Foundation
import GRDB
import LedeCore
import Testing
@testable import LedeStore

@Suite("Checkpoints beside the writer")
struct BackgroundCheckpointTests {
    @Test("many commits with checkpoints beside the writer keep every article and a bounded log")
    func boundedLogAndEveryArticle() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        // Small limits, so a few hundred kilobytes of commits pass both of them many times over.
        let checkpoints = try #require(library.checkpointInBackground(threshold: 8, hardLimit: 64))
        var stored: [Int64] = []
        for batch in 0..<60 {
            let documents = (0..<5).map { feedItem(batch * 5 + $0, body: String(repeating: "Ferry \(batch) \($0) sails at dawn. ", count: 60)) }
            stored += try library.storePending(documents).map { try $0.get().articleID }
        }
        checkpoints.finish()
        #expect(Set(stored).count == 300)
        #expect(try library.articleCount() == 300)
        for id in [stored[0], stored[150], stored[299]] {
            #expect(try library.article(id: id) != nil)
        }
        // The writer checkpoints itself past the hard limit whatever the thread does, so the log
        // never holds much more than that limit and one commit.
        let walSize = (try FileManager.default.attributesOfItem(atPath: library.path + "-wal")[.size] as? Int) ?? 0
        let pageSize = try library.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
        #expect(walSize < (64 + 64) * (pageSize + 24) + 32)
    }

    @Test("finishing gives the writer its own automatic checkpoints back")
    func finishRestoresAutomaticCheckpoints() throws {
        let temp = try TemporaryLibrary()
        let library = temp.library
        let checkpoints = try #require(library.checkpointInBackground())
        _ = try library.storePending([feedItem(1)])
        checkpoints.finish()
        // A second finish changes nothing.
        checkpoints.finish()
        let pages = try library.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(pages == Int(Library.walAutocheckpointPages))
        #expect(try library.articleCount() == 1)
    }

    @Test("a read-only library has no checkpoints to take over")
    func readOnlyLibrary() throws {
        let temp = try TemporaryLibrary()
        _ = try temp.library.storePending([feedItem(1)])
        let reader = try Library(path: temp.library.path, readOnly: true)
        #expect(reader.checkpointInBackground() == nil)
    }
}
