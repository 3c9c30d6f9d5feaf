import Foundation
import GRDB
import LedeCore

/// The library file: every article, summary and entity, in one SQLite database.
///
/// One `Library` (one `DatabasePool`) per file per process; WAL lets the TUI read
/// while a refresh writes. Each ingested article is one transaction, so a failure
/// leaves the file as it was before that article.
public final class Library: Sendable {
    let pool: DatabasePool
    public let path: String
    let searchIndex = EntitySearchIndex()

    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // In WAL mode NORMAL still never corrupts the file; it only gives up durability of the
        // last commit on power loss, which a re-run of `lede add` restores.
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Each checkpoint syncs the file to disk, which dominated ingest time at the default
                // of 1,000 pages; a larger log means far fewer syncs for the same work.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walAutocheckpointPages)")
                // A 64-article transaction dirties more pages than the default 2 MB cache holds, and
                // spilling them to the log mid-transaction writes many twice.
                try db.execute(sql: "PRAGMA cache_size = -32000")
                // Each article's savepoint copies the pages it changes to a statement journal first;
                // kept in memory, that costs no file writes.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
        }
        if !readOnly {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notALibrary(path: path)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        do {
            if readOnly {
                let applied = try pool.read { db in try Schema.migrator.hasCompletedMigrations(db) }
                if !applied { throw StoreError.cannotOpen(path: path, reason: "the library needs upgrading; open it once without read-only") }
            } else {
                try Schema.migrator.migrate(pool)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notALibrary(path: path)
        }
    }

    // MARK: - Writes

    /// Stores one processed article: added, updated in place, or left alone when nothing changed.
    ///
    /// The same URL, or the same normalized body, is the same article.
    @discardableResult
    public func ingest(_ article: ProcessedArticle, feedID: Int64? = nil) throws -> IngestOutcome {
        let prepared = PreparedArticle(article)
        let outcome = try pool.write { db in try ArticleWriter(db: db).write(prepared, feedID: feedID) }
        searchIndex.invalidate()
        return outcome
    }

    /// Stores processed articles in one transaction: an article that fails leaves nothing of
    /// itself and does not undo the others.
    public func ingest(_ articles: [ProcessedArticle], feedID: Int64? = nil) throws -> [Result<IngestOutcome, any Error>] {
        try ingest(prepared: articles.map { PreparedArticle($0) }, feedID: feedID)
    }

    /// `ingest(_:)` of articles prepared beforehand, off the write connection (see `PreparedArticle`).
    public func ingest(prepared articles: [PreparedArticle], feedID: Int64? = nil) throws -> [Result<IngestOutcome, any Error>] {
        let results = try pool.writeWithoutTransaction { db in
            try Self.writeEach(articles, db) { writer, article in try writer.write(article, feedID: feedID) }
        }
        searchIndex.invalidate()
        return results
    }

    /// Writes each item in one transaction, as if each had a savepoint of its own: a failing
    /// item leaves nothing of itself and does not undo the others.
    ///
    /// The items are first written in a transaction with no savepoint at all, as items almost
    /// never fail and a savepoint each cost a tenth of storing an article (SQLite copies every
    /// page an item changes aside first). Only when one fails is that transaction rolled back and
    /// the items written again the careful way, a savepoint each.
    static func writeEach<Item, T>(_ items: [Item], _ db: Database,
                                   _ write: (ArticleWriter, Item) throws -> T) throws -> [Result<T, any Error>] {
        var values: [Result<T, any Error>] = []
        do {
            try db.inTransaction {
                let batch = ArticleBatch(staged: false)
                let writer = ArticleWriter(db: db, termBatch: batch)
                values.reserveCapacity(items.count)
                for item in items { values.append(.success(try write(writer, item))) }
                try batch.finish(db)
                return .commit
            }
            return values
        } catch {
            // Rolled back whole: nothing of the first attempt is left, in the file or the batch.
        }
        try db.inTransaction {
            let batch = ArticleBatch()
            let writer = ArticleWriter(db: db, termBatch: batch)
            values = try items.map { item in try inSavepoint(db, batch) { try write(writer, item) } }
            try batch.finish(db)
            return .commit
        }
        return values
    }

    /// Stores documents now and leaves their analysis for `PendingAnalyzer`: one transaction,
    /// a savepoint per document. List, show and export work on them at once; search and the
    /// entity views see them once analysed.
    public func storePending(_ documents: [ParsedDocument], feedID: Int64? = nil) throws -> [Result<IngestOutcome, any Error>] {
        try storePending(documents.map(PendingDocument.init), feedID: feedID)
    }

    /// `storePending` for documents whose keys were computed beforehand, on other threads than
    /// the single writer's (a refresh prepares each feed's items as it parses them).
    ///
    /// Documents are looked up a group at a time, and new ones go in several rows to a statement:
    /// SQLite copies each page a statement changes aside first (to undo the statement if it fails),
    /// and per row that copying, and a statement per lookup, were much of the cost. A statement
    /// that fails leaves nothing, and its documents then go again one at a time, so only the
    /// failing one fails. An update (several statements) has its own savepoint.
    public func storePending(_ documents: [PendingDocument], feedID: Int64? = nil) throws -> [Result<IngestOutcome, any Error>] {
        let results = try pool.write { db in
            var writer = ArticleWriter(db: db)
            writer.fullCandidates = try db.cachedStatement(sql: ArticleWriter.fullCandidatesQuery)
            // One time of arrival for the batch: its items arrived together.
            let now = StorageDate.string(Date())
            var results = [Result<IngestOutcome, any Error>](repeating: .failure(CancellationError()), count: documents.count)
            var waiting: [Int] = []
            func insertWaiting() throws {
                defer { waiting.removeAll(keepingCapacity: true) }
                if waiting.count > 1 {
                    do {
                        let ids = try writer.insertPending(waiting.map { documents[$0] }, feedID: feedID, now: now)
                        for (index, id) in zip(waiting, ids) { results[index] = .success(.added(id)) }
                        return
                    } catch {
                        // An error that ended the transaction ends the batch, as a savepoint's would.
                        guard db.isInsideTransaction else { throw error }
                    }
                }
                for index in waiting {
                    do {
                        let ids = try writer.insertPending([documents[index]], feedID: feedID, now: now)
                        results[index] = .success(.added(ids.first ?? db.lastInsertedRowID))
                    } catch {
                        guard db.isInsideTransaction else { throw error }
                        results[index] = .failure(error)
                    }
                }
            }
            let group = ArticleWriter.pendingRowsPerStatement
            for groupStart in stride(from: 0, to: documents.count, by: group) {
                // The articles that may be these documents, found in one statement; everything
                // before the group is in the table by now.
                try insertWaiting()
                let members = documents[groupStart..<min(documents.count, groupStart + group)]
                var candidates: [ArticleWriter.Candidate]?
                do {
                    candidates = try writer.candidates(urls: members.compactMap(\.url), hashes: members.map(\.hash))
                } catch {
                    guard db.isInsideTransaction else { throw error }
                }
                // The candidates stop telling the truth for a document once an earlier one of the group
                // that shares its URL or body was written, or once any was updated.
                var groupURLs: Set<String> = [], groupHashes: Set<String> = []
                groupURLs.reserveCapacity(members.count)
                groupHashes.reserveCapacity(members.count)
                var updated = false
                for (index, document) in zip(members.indices, members) {
                    // Inserting tells whether an earlier document of the group had this URL or body.
                    let newURL = document.url.map { groupURLs.insert($0).inserted } ?? true
                    let newBody = groupHashes.insert(document.hash).inserted
                    let repeats = !newURL || !newBody
                    // A document that is one still waiting must find it stored, as it would in order;
                    // only a repeat can be one (everything waiting is of this group).
                    if repeats { try insertWaiting() }
                    let existing: ArticleWriter.Existing?
                    if let candidates, !repeats, !updated {
                        existing = ArticleWriter.existing(among: candidates, url: document.url, hash: document.hash)
                    } else {
                        do {
                            existing = try writer.existingArticle(url: document.url, hash: document.hash)
                        } catch {
                            guard db.isInsideTransaction else { throw error }
                            results[index] = .failure(error)
                            continue
                        }
                    }
                    if let existing {
                        if writer.isUnchanged(document, existing: existing) {
                            results[index] = .success(.unchanged(existing.id))
                            continue
                        }
                        try insertWaiting()
                        results[index] = try Self.inSavepoint(db) { try writer.updatePending(document, existing: existing, feedID: feedID) }
                        updated = true
                        continue
                    }
                    waiting.append(index)
                }
            }
            try insertWaiting()
            return results
        }
        searchIndex.invalidate()
        return results
    }

    /// Runs `body` in a savepoint, rolled back if it throws; the error becomes the result. Only an
    /// error of the savepoint itself (the transaction is gone) is thrown.
    static func inSavepoint<T>(_ db: Database, _ terms: ArticleBatch? = nil, _ body: () throws -> T) throws -> Result<T, any Error> {
        try db.cachedStatement(sql: "SAVEPOINT article").execute()
        terms?.beginArticle()
        do {
            let value = try body()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT article").execute()
            terms?.commitArticle()
            return .success(value)
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT article").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT article").execute()
            terms?.rollBackArticle()
            return .failure(error)
        }
    }

    /// Articles stored without their analysis yet.
    public func pendingAnalysisCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE analysisPending") ?? 0 }
    }

    /// A pending article as it was stored: what the pipeline needs to analyse it.
    public struct PendingArticle: Sendable {
        public var id: Int64
        public var bodyHash: String
        public var document: ParsedDocument
    }

    /// Pending articles in id order (oldest first), after `afterID`; or those among `ids`.
    public func pendingArticles(after afterID: Int64 = 0, limit: Int = 256, ids: [Int64]? = nil) throws -> [PendingArticle] {
        try pool.read { db in
            let columns = "id, bodyHash, title, byline, published, source, url, feedTitle, body, keyPoints"
            let rows: [Row]
            if let ids {
                rows = try ids.compactMap { id in
                    try Row.fetchOne(db, sql: "SELECT \(columns) FROM article WHERE id = ? AND analysisPending", arguments: [id])
                }
            } else {
                rows = try Row.fetchAll(db, sql: """
                    SELECT \(columns) FROM article WHERE analysisPending AND id > ? ORDER BY id LIMIT ?
                    """, arguments: [afterID, limit])
            }
            return rows.map { row in
                let keyPointsJSON: String = row["keyPoints"]
                let keyPoints = (try? JSONDecoder().decode([String].self, from: Data(keyPointsJSON.utf8))) ?? []
                let document = ParsedDocument(title: row["title"], byline: row["byline"], published: row["published"], source: row["source"],
                                              link: row["url"], feed: row["feedTitle"], body: row["body"], keyPoints: keyPoints)
                return PendingArticle(id: row["id"], bodyHash: row["bodyHash"], document: document)
            }
        }
    }

    /// Writes the analyses of pending articles in one transaction, each failing alone. `true` for
    /// each one written; `false` when another process finished it first or its body changed.
    public func completeAnalyses(_ analyses: [(pending: PendingArticle, article: ProcessedArticle)]) throws -> [Result<Bool, any Error>] {
        try completeAnalyses(prepared: analyses.map { ($0.pending, PreparedArticle($0.article, forPendingArticle: true)) })
    }

    /// `completeAnalyses(_:)` of analyses prepared beforehand, off the write connection (see `PreparedArticle`).
    public func completeAnalyses(prepared analyses: [(pending: PendingArticle, article: PreparedArticle)]) throws -> [Result<Bool, any Error>] {
        let results = try pool.writeWithoutTransaction { db in
            try Self.writeEach(analyses, db) { writer, item in
                try writer.completeAnalysis(item.article, articleID: item.pending.id, bodyHash: item.pending.bodyHash)
            }
        }
        searchIndex.invalidate()
        return results
    }

    public func setRead(_ read: Bool, articleID: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE article SET isRead = ? WHERE id = ?", arguments: [read, articleID])
        }
    }

    public func setStarred(_ starred: Bool, articleID: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE article SET isStarred = ? WHERE id = ?", arguments: [starred, articleID])
        }
    }

    // MARK: - Reads

    public func articleCount(entityID: Int64? = nil) throws -> Int {
        try pool.read { db in
            if let entityID {
                return try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT articleId) FROM mention WHERE entityId = ?",
                                        arguments: [entityID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0
        }
    }

    static let rowColumns = """
        a.id, a.title, a.byline, a.source, a.url, a.published, a.feedTitle, substr(a.body, 1, 240) AS snippet,
        a.isRead, a.isStarred
        """

    static func articleRow(_ row: Row) -> ArticleRow {
        let snippet: String = row["snippet"] ?? ""
        return ArticleRow(
            id: row["id"], title: row["title"], byline: row["byline"], source: row["source"], link: row["url"],
            published: row["published"], feed: row["feedTitle"],
            snippet: TextSanitizer.singleLine(snippet), isRead: row["isRead"], isStarred: row["isStarred"])
    }

    /// A page of articles, newest first, optionally only those that mention one entity.
    public func articles(offset: Int = 0, limit: Int = 50, entityID: Int64? = nil) throws -> [ArticleRow] {
        try pool.read { db in
            if let entityID {
                return try Row.fetchAll(db, sql: """
                    SELECT \(Self.rowColumns) FROM article a
                    WHERE a.id IN (SELECT articleId FROM mention WHERE entityId = ?)
                    ORDER BY a.sortDate DESC, a.id DESC LIMIT ? OFFSET ?
                    """, arguments: [entityID, limit, offset]).map(Self.articleRow)
            }
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.rowColumns) FROM article a ORDER BY a.sortDate DESC, a.id DESC LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map(Self.articleRow)
        }
    }

    public func article(id: Int64) throws -> StoredArticle? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.rowColumns), a.body, a.keyPoints, a.analysisPending FROM article a WHERE a.id = ?",
                                             arguments: [id]) else { return nil }
            let keyPointsJSON: String = row["keyPoints"]
            let keyPoints = (try? JSONDecoder().decode([String].self, from: Data(keyPointsJSON.utf8))) ?? []
            let bullets = try Row.fetchAll(db, sql: "SELECT text, highlights FROM bullet WHERE articleId = ? ORDER BY position",
                                           arguments: [id]).map { bulletRow -> Bullet in
                let json: String = bulletRow["highlights"]
                let highlights = (try? JSONDecoder().decode([Highlight].self, from: Data(json.utf8))) ?? []
                return Bullet(text: bulletRow["text"], highlights: highlights)
            }
            return StoredArticle(row: Self.articleRow(row), body: row["body"], keyPoints: keyPoints,
                                 bullets: bullets, entities: try Self.entities(inArticle: id, db: db),
                                 isPending: row["analysisPending"])
        }
    }

    static func entities(inArticle articleID: Int64, db: Database) throws -> [StoredEntity] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.entityId, e.name, e.kind, e.mentionCount, m.start, m."end", m.text FROM mention m
            JOIN entity e ON e.id = m.entityId WHERE m.articleId = ? ORDER BY m.entityId, m.start
            """, arguments: [articleID])
        var order: [Int64] = []
        var byID: [Int64: StoredEntity] = [:]
        for row in rows {
            let id: Int64 = row["entityId"]
            let mention = Mention(start: row["start"], end: row["end"], text: row["text"])
            if byID[id] == nil {
                order.append(id)
                byID[id] = StoredEntity(id: id, name: row["name"], kind: EntityKind(rawValue: row["kind"]) ?? .organization,
                                        aliases: [], mentions: [])
            }
            byID[id]?.mentions.append(mention)
        }
        for id in order {
            guard var entity = byID[id] else { continue }
            let forms = Set(entity.mentions.map { $0.text }).subtracting([entity.name])
            entity.aliases = forms.sorted()
            byID[id] = entity
        }
        // Most-mentioned first, as the side panel lists them.
        return order.compactMap { byID[$0] }.sorted {
            $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.name < $1.name
        }
    }

    /// Full-text search over titles and bodies, newest match first.
    ///
    /// Ranking by relevance would score every match before the first row comes back, which
    /// at 100,000 articles and a common word costs far more than a keystroke may; walking the
    /// index newest-first stops after one page, and a news reader lists by recency anyway.
    public func search(_ query: String, limit: Int = 50, offset: Int = 0) throws -> [ArticleRow] {
        guard let match = FullTextQuery.match(for: query) else { return [] }
        return try pool.read { db in
            do {
                return try searchRows(db, match: match, limit: limit, offset: offset)
            } catch let error as DatabaseError where error.message?.contains("phrase queries are not supported") == true {
                // A character SQLite's Unicode tables do not know as a letter split a word into a
                // phrase: no stored text has that word as one token either.
                return []
            }
        }
    }

    private func searchRows(_ db: Database, match: String, limit: Int, offset: Int) throws -> [ArticleRow] {
        try Row.fetchAll(db, sql: """
                SELECT \(Self.rowColumns.replacingOccurrences(of: "substr(a.body, 1, 240) AS snippet",
                                                              with: "snippet(articleSearch, 1, '', '', '…', 24) AS snippet"))
                FROM articleSearch JOIN article a ON a.id = articleSearch.rowid
                WHERE articleSearch MATCH ? ORDER BY articleSearch.rowid DESC LIMIT ? OFFSET ?
                """, arguments: [match, limit, offset]).map(Self.articleRow)
    }

    /// Library-wide document frequencies for key-term weighting.
    public func termStatistics() throws -> TermStatisticsSnapshot {
        try pool.read { db in
            // Pending articles have no terms in termStat yet, so they are not documents of it either.
            let count = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM article) - (SELECT COUNT(*) FROM article WHERE analysisPending)
                """) ?? 0
            var frequencies: [String: Int] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT term, documentFrequency FROM termStat WHERE documentFrequency > 0")
            while let row = try cursor.next() { frequencies[row["term"]] = row["documentFrequency"] }
            return TermStatisticsSnapshot(documentCount: count, frequencies: frequencies)
        }
    }

    /// Runs a read for another module of lede (feeds, benchmarks) that needs raw SQL.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try pool.write(body)
    }
}

/// Turns what a person types into an FTS5 query that cannot be a syntax error.
enum FullTextQuery {
    static func match(for query: String) -> String? {
        // Words as the index's tokenizer (unicode61) cuts them: runs of letters, digits and
        // private-use characters, so that a combining mark splits a word there too. A quoted
        // string of several tokens would be a phrase, which the index (detail=column) refuses.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in query.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                current.append(scalar)
            default:
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        guard !words.isEmpty else { return nil }
        // Quote every word so FTS5 operators in user text are plain words; the last is a prefix,
        // so results follow as the user types.
        var parts = words.map { "\"\($0)\"" }
        parts[parts.count - 1] += "*"
        return parts.joined(separator: " ")
    }
}

extension Library {
    /// Moves the write-ahead log into the main file, so the file can be copied or moved alone.
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }
}
