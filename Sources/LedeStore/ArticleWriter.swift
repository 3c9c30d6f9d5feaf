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

        // The same text found under another address is the article already stored: the first
        // source keeps it, so adding both sources again changes nothing.
        if let existing, existing.hash == hash, existing.title == document.title || !existing.matchedByURL {
            return .unchanged(existing.id)
        }
        let now = Date()
        let keyPoints = String(decoding: try JSONEncoder().encode(document.keyPoints), as: UTF8.self)
        let articleID: Int64
        if let existing {
            articleID = existing.id
            try removeAnalysis(of: articleID)
            try db.cachedStatement(sql: """
                UPDATE article SET source = ?, url = ?, bodyHash = ?, title = ?, byline = ?, feedTitle = ?, published = ?,
                sortDate = COALESCE(?, addedAt), body = ?, keyPoints = ?, feedId = COALESCE(?, feedId) WHERE id = ?
                """).execute(arguments: [document.source, url, hash, document.title, document.byline, document.feed,
                                 document.published, document.published, document.body, keyPoints, feedID, articleID])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO article (feedId, source, url, bodyHash, title, byline, feedTitle, published, addedAt, sortDate, body, keyPoints)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [feedID, document.source, url, hash, document.title, document.byline, document.feed,
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

    private func existingArticle(url: String?, hash: String) throws -> (id: Int64, hash: String, title: String, matchedByURL: Bool)? {
        if let url, let row = try Row.fetchOne(db, sql: "SELECT id, bodyHash, title FROM article WHERE url = ?", arguments: [url]) {
            // Another article may already hold this body; keep that one rather than break uniqueness.
            if let other = try Row.fetchOne(db, sql: "SELECT id, title FROM article WHERE bodyHash = ? AND id != ?",
                                            arguments: [hash, row["id"] as Int64]) {
                return (other["id"], hash, other["title"], false)
            }
            return (row["id"], row["bodyHash"], row["title"], true)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, bodyHash, title FROM article WHERE bodyHash = ?", arguments: [hash]) {
            return (row["id"], row["bodyHash"], row["title"], false)
        }
        return nil
    }

    /// The term counts as a JSON object, written by hand: JSONEncoder was a tenth of ingest time.
    static func termsJSON(_ counts: [String: Int]) -> String {
        var json = "{"
        json.reserveCapacity(counts.count * 16)
        var first = true
        for (term, count) in counts {
            if !first { json += "," }
            first = false
            json += "\""
            if term.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
                for scalar in term.unicodeScalars {
                    let special = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
                    json += special ? String(format: "\\u%04x", scalar.value) : String(scalar)
                }
            } else {
                json += term
            }
            json += "\":\(count)"
        }
        return json + "}"
    }

    private func removeAnalysis(of articleID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM bullet WHERE articleId = ?").execute(arguments: [articleID])
        try EntityWriter(db: db).forgetLinks(ofArticle: articleID)
        try EntityWriter(db: db).forgetMentions(ofArticle: articleID)
        try db.cachedStatement(sql: """
            UPDATE termStat SET documentFrequency = documentFrequency - 1
            WHERE term IN (SELECT key FROM json_each((SELECT terms FROM article WHERE id = ?)))
            """).execute(arguments: [articleID])
    }

    private func writeAnalysis(of article: ProcessedArticle, articleID: Int64) throws {
        let encoder = JSONEncoder()
        for (position, bullet) in article.bullets.enumerated() {
            let highlights = String(decoding: try encoder.encode(bullet.highlights), as: UTF8.self)
            try db.cachedStatement(sql: "INSERT INTO bullet (articleId, position, text, highlights) VALUES (?, ?, ?, ?)").execute(
                           arguments: [articleID, position, bullet.text, highlights])
        }
        // One statement for all terms: SQLite walks the JSON itself, far faster than a row per term.
        let terms = Self.termsJSON(article.termCounts)
        try db.cachedStatement(sql: "UPDATE article SET terms = ? WHERE id = ?").execute(arguments: [terms, articleID])
        try db.cachedStatement(sql: """
            INSERT INTO termStat (term, documentFrequency) SELECT key, 1 FROM json_each(?) WHERE true
            ON CONFLICT(term) DO UPDATE SET documentFrequency = documentFrequency + 1
            """).execute(arguments: [terms])
        try EntityWriter(db: db).write(entities: article.entities, links: article.links, articleID: articleID)
    }
}

/// A stable fingerprint of an article body that ignores case, spacing and punctuation,
/// so the same story saved twice is recognized as one.
public enum BodyHash {
    public static func of(_ body: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        @inline(__always) func mix(_ byte: UInt64) {
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
}
