import Foundation
import GRDB
import LedeCore

/// Writes one processed article inside the caller's transaction.
struct ArticleWriter {
    let db: Database

    func write(_ article: ProcessedArticle, feedID: Int64?) throws -> IngestOutcome {
        let document = article.document
        let hash = BodyHash.of(document.body)
        let url = document.link ?? Self.identity(ofSource: document.source)
        let existing = try existingArticle(url: url, hash: hash)

        if let existing, existing.hash == hash, existing.title == document.title {
            return .unchanged(existing.id)
        }
        let now = Date()
        let keyPoints = String(decoding: try JSONEncoder().encode(document.keyPoints), as: UTF8.self)
        let articleID: Int64
        if let existing {
            articleID = existing.id
            let affected = try Int64.fetchAll(db, sql: "SELECT DISTINCT entityId FROM mention WHERE articleId = ?", arguments: [articleID])
            try removeAnalysis(of: articleID)
            try db.execute(sql: """
                UPDATE article SET source = ?, url = ?, bodyHash = ?, title = ?, byline = ?, feedTitle = ?, published = ?,
                sortDate = COALESCE(?, addedAt), body = ?, keyPoints = ?, feedId = COALESCE(?, feedId) WHERE id = ?
                """, arguments: [document.source, url, hash, document.title, document.byline, document.feed,
                                 document.published, document.published, document.body, keyPoints, feedID, articleID])
            try EntityWriter(db: db).refreshCounts(of: affected)
        } else {
            try db.execute(sql: """
                INSERT INTO article (feedId, source, url, bodyHash, title, byline, feedTitle, published, addedAt, sortDate, body, keyPoints)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [feedID, document.source, url, hash, document.title, document.byline, document.feed,
                                 document.published, now, document.published ?? now, document.body, keyPoints])
            articleID = db.lastInsertedRowID
        }
        try writeAnalysis(of: article, articleID: articleID)
        return existing == nil ? .added(articleID) : .updated(articleID)
    }

    /// A file's path stands in for its URL, so an edited file updates its article.
    static func identity(ofSource source: String) -> String? {
        if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("file://") { return source }
        guard source.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: source).standardizedFileURL.absoluteString
    }

    private func existingArticle(url: String?, hash: String) throws -> (id: Int64, hash: String, title: String)? {
        if let url, let row = try Row.fetchOne(db, sql: "SELECT id, bodyHash, title FROM article WHERE url = ?", arguments: [url]) {
            // Another article may already hold this body; keep that one rather than break uniqueness.
            if let other = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE bodyHash = ? AND id != ?",
                                                arguments: [hash, row["id"] as Int64]) {
                let title = try String.fetchOne(db, sql: "SELECT title FROM article WHERE id = ?", arguments: [other]) ?? ""
                return (other, hash, title)
            }
            return (row["id"], row["bodyHash"], row["title"])
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, bodyHash, title FROM article WHERE bodyHash = ?", arguments: [hash]) {
            return (row["id"], row["bodyHash"], row["title"])
        }
        return nil
    }

    private func removeAnalysis(of articleID: Int64) throws {
        try db.execute(sql: "DELETE FROM bullet WHERE articleId = ?", arguments: [articleID])
        try db.execute(sql: "DELETE FROM mention WHERE articleId = ?", arguments: [articleID])
        try db.execute(sql: "DELETE FROM linkEvidence WHERE articleId = ?", arguments: [articleID])
        try db.execute(sql: "DELETE FROM articleTerm WHERE articleId = ?", arguments: [articleID])
        try db.execute(sql: "DELETE FROM entityLink WHERE id NOT IN (SELECT linkId FROM linkEvidence)")
    }

    private func writeAnalysis(of article: ProcessedArticle, articleID: Int64) throws {
        let encoder = JSONEncoder()
        for (position, bullet) in article.bullets.enumerated() {
            let highlights = String(decoding: try encoder.encode(bullet.highlights), as: UTF8.self)
            try db.execute(sql: "INSERT INTO bullet (articleId, position, text, highlights) VALUES (?, ?, ?, ?)",
                           arguments: [articleID, position, bullet.text, highlights])
        }
        let statement = try db.cachedStatement(sql: "INSERT INTO articleTerm (articleId, term, count) VALUES (?, ?, ?)")
        for (term, count) in article.termCounts {
            try statement.execute(arguments: [articleID, term, count])
        }
        try EntityWriter(db: db).write(entities: article.entities, links: article.links, articleID: articleID)
    }
}

/// A stable fingerprint of an article body that ignores case, spacing and punctuation,
/// so the same story saved twice is recognized as one.
public enum BodyHash {
    public static func of(_ body: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for scalar in body.lowercased().unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            var value = scalar.value
            for _ in 0..<4 {
                let byte = UInt64(value & 0xFF)
                first = (first ^ byte) &* 0x0000_0100_0000_01B3
                second = (second ^ byte) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
                value >>= 8
                if value == 0 { break }
            }
        }
        return String(format: "%016llx%016llx", first, second)
    }
}
