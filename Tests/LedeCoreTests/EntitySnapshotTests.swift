import Foundation
import Testing
@testable import LedeCore

/// The recognizer's complete output (entities, kinds, names, aliases, every mention's offsets and
/// text, links with labels and sentences) on the real corpus articles, compared with a stored
/// snapshot. Speed work must leave this output unchanged to the byte; a change that is meant to
/// alter it (a new rule, retrained weights) regenerates the snapshot and shows the difference in
/// review:
///
///     LEDE_UPDATE_NER_SNAPSHOT=1 swift test --filter LedeCoreTests.EntitySnapshotTests
@Suite("Entity recognizer output snapshot")
struct EntitySnapshotTests {
    static let snapshotName = "ner-snapshot.jsonl"

    /// One JSON line per article, keys sorted so the text is stable.
    static func currentSnapshot() throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Line: Encodable {
            var article: String
            var entities: [DocumentEntity]
            var links: [EntityLinkEvidence]
        }
        let slugs = ["seed/musk-twitter-gpus"] + Fixtures.wikinewsSlugs.map { "wikinews/" + $0 }
        return try slugs.map { slug in
            let (result, _, _) = try Fixtures.recognized(slug)
            let data = try encoder.encode(Line(article: slug, entities: result.entities, links: result.links))
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test("recognizes every corpus article exactly as the stored snapshot says")
    func matchesSnapshot() throws {
        let lines = try Self.currentSnapshot()
        #expect(lines.count >= 10)
        if ProcessInfo.processInfo.environment["LEDE_UPDATE_NER_SNAPSHOT"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(Self.snapshotName)
            try (lines.joined(separator: "\n") + "\n").write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: Fixtures.corpusURL.deletingLastPathComponent().appendingPathComponent(Self.snapshotName),
                                encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(stored.count == lines.count)
        for (have, want) in zip(lines, stored) {
            // The article's name leads each line, so a failure names the article that changed.
            #expect(have == want)
        }
    }
}
