import Foundation
import GRDB
import LedeCore

/// A subscription and what the last refresh learned about it.
public struct FeedRow: Hashable, Sendable {
    public var id: Int64
    public var url: String
    public var title: String?
    public var siteLink: String?
    public var folder: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetchedAt: Date?
    public var lastError: String?
    public var fetchFullText: Bool
    public var articleCount: Int
}

extension Library {
    // MARK: - Subscriptions

    /// Subscribes to a feed; subscribing again updates its title and folder and keeps its state.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, siteLink: String? = nil, folder: String? = nil,
                        fetchFullText: Bool = false) throws -> (feed: FeedRow, added: Bool) {
        try pool.write { db in
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE url = ?", arguments: [url])
            if let existing {
                try db.execute(sql: """
                    UPDATE feed SET title = COALESCE(?, title), siteLink = COALESCE(?, siteLink), folder = COALESCE(?, folder),
                    fetchFullText = fetchFullText OR ? WHERE id = ?
                    """, arguments: [title, siteLink, folder, fetchFullText, existing])
            } else {
                try db.execute(sql: """
                    INSERT INTO feed (url, title, siteLink, folder, fetchFullText, addedAt) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [url, title, siteLink, folder, fetchFullText, Date()])
            }
            let id = existing ?? db.lastInsertedRowID
            guard let row = try Self.feedRows(db, where: "f.id = ?", arguments: [id]).first else {
                throw StoreError.cannotOpen(path: path, reason: "the feed vanished while it was being added")
            }
            return (row, existing == nil)
        }
    }

    public func feeds() throws -> [FeedRow] {
        try pool.read { db in try Self.feedRows(db, where: "1", arguments: []) }
    }

    public func feed(url: String) throws -> FeedRow? {
        try pool.read { db in try Self.feedRows(db, where: "f.url = ?", arguments: [url]).first }
    }

    /// Unsubscribes; the feed's articles stay in the library.
    @discardableResult
    public func removeFeed(url: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM feed WHERE url = ?", arguments: [url])
            return db.changesCount > 0
        }
    }

    /// Remembers the outcome of one fetch: validators for the next conditional GET, or the error.
    public func recordFetch(feedID: Int64, title: String? = nil, siteLink: String? = nil, etag: String?, lastModified: String?,
                            error: String?) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE feed SET title = COALESCE(?, title), siteLink = COALESCE(?, siteLink),
                etag = COALESCE(?, etag), lastModified = COALESCE(?, lastModified), lastFetchedAt = ?, lastError = ?
                WHERE id = ?
                """, arguments: [title, siteLink, etag, lastModified, Date(), error, feedID])
        }
    }

    static func feedRows(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [FeedRow] {
        try Row.fetchAll(db, sql: """
            SELECT f.*, (SELECT COUNT(*) FROM article a WHERE a.feedId = f.id) AS articleCount
            FROM feed f WHERE \(condition) ORDER BY COALESCE(f.folder, ''), COALESCE(f.title, f.url)
            """, arguments: arguments).map { row in
            FeedRow(id: row["id"], url: row["url"], title: row["title"], siteLink: row["siteLink"], folder: row["folder"],
                    etag: row["etag"], lastModified: row["lastModified"], lastFetchedAt: row["lastFetchedAt"],
                    lastError: row["lastError"], fetchFullText: row["fetchFullText"], articleCount: row["articleCount"])
        }
    }
}

extension Library {
    /// The addresses among `urls` that already have an article.
    public func storedURLs(among urls: [String]) throws -> Set<String> {
        guard !urls.isEmpty else { return [] }
        return try read { db in
            var found: Set<String> = []
            // SQLite caps bound parameters per statement, so ask in slices.
            for start in stride(from: 0, to: urls.count, by: 500) {
                let slice = Array(urls[start..<min(urls.count, start + 500)])
                let rows = try String.fetchAll(db, sql: "SELECT url FROM article WHERE url IN (\(databaseQuestionMarks(count: slice.count)))",
                                               arguments: StatementArguments(slice))
                found.formUnion(rows)
            }
            return found
        }
    }
}
