import Foundation
import GRDB
import GRDBSQLite
import LedeCore

/// Writes articles inside the caller's transaction: analysed ones whole, feed items first
/// without their analysis (pending), which `completeAnalysis` adds later.
struct ArticleWriter {
    let db: Database
    /// When set, document frequencies are summed over the transaction and written once at its
    /// end, instead of one upsert per term and article (most terms recur across a batch), and
    /// analysed articles join the search index at its end too (see `ArticleBatch`).
    var termBatch: ArticleBatch?

    /// `analysisPending` of an analysed article that waits for the end of its batch to be indexed.
    /// The search index's triggers index only rows where it is 0, and the batch sets it to 0 before
    /// it commits, so no other connection ever sees this value.
    static let analysedNotYetIndexed = 2

    /// What an analysed article's `analysisPending` is written as.
    private var analysedState: Int { termBatch == nil ? 0 : Self.analysedNotYetIndexed }
    /// For a batch of pending documents: the lookup of a full group's candidates, found once.
    var fullCandidates: Statement?
    /// The multi-row statements of this writer's articles, found once each.
    var rowStatements = MultiRowStatements()

    func write(_ prepared: PreparedArticle, feedID: Int64?) throws -> IngestOutcome {
        let document = prepared.article.document
        let identity = prepared.identity ?? PendingDocument(document)
        let hash = identity.hash
        let url = identity.url
        let existing = try existingArticle(url: url, hash: hash)

        // The same text found under another address is the article already stored: the first
        // source keeps it, so adding both sources again changes nothing.
        if let existing, existing.hash == hash, existing.title == document.title || !existing.matchedByURL {
            // It may still wait for its analysis, which is at hand.
            if existing.pending { _ = try completeAnalysis(prepared, articleID: existing.id, bodyHash: existing.hash) }
            return .unchanged(existing.id)
        }
        let now = StorageDate.string(Date())
        let published = identity.published
        let keyPoints = identity.keyPoints
        let terms = prepared.terms
        let articleID: Int64
        if let existing {
            articleID = existing.id
            try removeAnalysis(of: articleID)
            try db.cachedStatement(sql: """
                UPDATE article SET source = ?, url = ?, bodyHash = ?, title = ?, byline = ?, feedTitle = ?, published = ?,
                sortDate = COALESCE(?, addedAt), body = ?, keyPoints = ?, feedId = COALESCE(?, feedId), terms = ?,
                analysisPending = ? WHERE id = ?
                """).execute(arguments: [document.source, url, hash, document.title, document.byline, document.feed,
                                 published, published, document.body, keyPoints, feedID, terms, analysedState, articleID])
        } else {
            try db.stepCached(sql: """
                INSERT INTO article (feedId, source, url, bodyHash, title, byline, feedTitle, published, addedAt, sortDate, body,
                keyPoints, terms, analysisPending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, bind: { binder in
                binder.bind(feedID); binder.bind(document.source); binder.bind(url); binder.bind(hash)
                binder.bind(document.title); binder.bind(document.byline); binder.bind(document.feed); binder.bind(published)
                binder.bind(now); binder.bind(published ?? now); binder.bind(document.body); binder.bind(keyPoints); binder.bind(terms)
                binder.bind(analysedState)
            })
            articleID = db.lastInsertedRowID
        }
        termBatch?.indexAtEnd(articleID)
        try writeAnalysis(of: prepared, articleID: articleID)
        return existing == nil ? .added(articleID) : .updated(articleID)
    }

    // Pending documents (stored now, analysed later) follow the same identity rules as `write`;
    // the caller looks the existing article up with `existingArticle` first.

    /// True when the pending document is the stored article `existing` as it is.
    func isUnchanged(_ pending: PendingDocument, existing: Existing) -> Bool {
        existing.hash == pending.hash && (existing.title == pending.document.title || !existing.matchedByURL)
    }

    /// The pending document replaces the stored article `existing`, which `isUnchanged` found it
    /// differs from; the article loses its analysis until the new one is written.
    func updatePending(_ pending: PendingDocument, existing: Existing, feedID: Int64?) throws -> IngestOutcome {
        let document = pending.document
        try removeAnalysis(of: existing.id)
        try db.cachedStatement(sql: """
            UPDATE article SET source = ?, url = ?, bodyHash = ?, title = ?, byline = ?, feedTitle = ?, published = ?,
            sortDate = COALESCE(?, addedAt), body = ?, keyPoints = ?, feedId = COALESCE(?, feedId), terms = '{}',
            analysisPending = 1 WHERE id = ?
            """).execute(arguments: [document.source, pending.url, pending.hash, document.title, document.byline, document.feed,
                             pending.published, pending.published, document.body, pending.keyPoints, feedID, existing.id])
        return .updated(existing.id)
    }

    /// New pending rows per INSERT statement (a `MultiRowShape`, so at most its row count).
    static let pendingRowsPerStatement = EntityWriter.rowsPerStatement

    static func candidatesQuery(urls: Int, hashes: Int) -> String {
        """
        SELECT id, bodyHash, title, analysisPending, url FROM article WHERE url IN (\(databaseQuestionMarks(count: urls))) \
        OR bodyHash IN (\(databaseQuestionMarks(count: hashes)))
        """
    }

    /// Built once, and its statement looked up once per batch (`fullCandidates`): the text was
    /// rebuilt for every group of documents, and the statement cache hashes and compares it.
    static let fullCandidatesQuery = candidatesQuery(urls: pendingRowsPerStatement, hashes: pendingRowsPerStatement)

    /// New pending articles, all in one statement (bound without GRDB's argument boxing: a refresh
    /// inserts tens of thousands); their ids in the order given. The bodies must differ.
    func insertPending(_ pendings: [PendingDocument], feedID: Int64?, now: String) throws -> [Int64] {
        var ids: [String: Int64] = [:]
        try db.step(rowStatements.statement(.pendingArticle, rows: pendings.count, db), bind: { binder in
            for pending in pendings {
                let document = pending.document
                binder.bind(feedID); binder.bind(document.source); binder.bind(pending.url); binder.bind(pending.hash)
                binder.bind(document.title); binder.bind(document.byline); binder.bind(document.feed); binder.bind(pending.published)
                binder.bind(now); binder.bind(pending.published ?? now); binder.bind(document.body); binder.bind(pending.keyPoints)
                binder.bind(1)
            }
        }, row: { row in ids[row.string(1)] = row.int64(0) })
        // RETURNING gives no order; the body hash is unique, so it tells the rows apart.
        return try pendings.map { pending in
            guard let id = ids[pending.hash] else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "an inserted article returned no id")
            }
            return id
        }
    }

    /// Writes the analysis of a pending article, if it still waits for one and still has the
    /// body that was analysed (another process may have finished it, or a refresh changed it).
    func completeAnalysis(_ prepared: PreparedArticle, articleID: Int64, bodyHash: String) throws -> Bool {
        let terms = prepared.terms
        try db.cachedStatement(sql: """
            UPDATE article SET terms = ?, analysisPending = ? WHERE id = ? AND analysisPending = 1 AND bodyHash = ?
            """).execute(arguments: [terms, analysedState, articleID, bodyHash])
        guard db.changesCount > 0 else { return false }
        termBatch?.indexAtEnd(articleID)
        try writeAnalysis(of: prepared, articleID: articleID)
        return true
    }

    /// A file's path stands in for its URL, so an edited file updates its article.
    static func identity(ofSource source: String) -> String? {
        if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("file://") { return source }
        guard source.hasPrefix("/") else { return nil }
        // A plain absolute path to a file (no dot segments, nothing to percent-encode) is its URL
        // as Foundation writes it; building that URL cost more than hashing the body.
        if isPlainFilePath(source) { return "file://" + source }
        return URL(fileURLWithPath: source).standardizedFileURL.absoluteString
    }

    static func isPlainFilePath(_ path: String) -> Bool {
        let plain = path.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F
        }
        guard plain else { return false }
        // Empty, "." and ".." segments (and a trailing "/") are what standardizing rewrites.
        let segments = path.utf8.split(separator: 0x2F, omittingEmptySubsequences: false).dropFirst()
        return !segments.isEmpty && segments.allSatisfy { segment in
            !segment.isEmpty && !segment.elementsEqual([0x2E]) && !segment.elementsEqual([0x2E, 0x2E])
        }
    }

    typealias Existing = (id: Int64, hash: String, title: String, matchedByURL: Bool, pending: Bool)
    /// A stored article that has a URL or body being looked for.
    typealias Candidate = (id: Int64, hash: String, title: String, pending: Bool, url: String?)

    /// The article this one is: the one at its URL, unless another already holds its body.
    func existingArticle(url: String?, hash: String) throws -> Existing? {
        // One indexed lookup for both keys (a feed item is usually new, so both miss).
        var rows: [Candidate] = []
        try db.stepCached(sql: """
            SELECT id, bodyHash, title, analysisPending, url FROM article WHERE url = ?1 OR bodyHash = ?2
            """, bind: { $0.bind(url); $0.bind(hash) }) { rows.append(Self.candidate($0)) }
        return Self.existing(among: rows, url: url, hash: hash)
    }

    /// The stored articles holding any of these URLs or bodies, for `existing(among:url:hash:)`:
    /// one statement for a batch of documents instead of one each.
    func candidates(urls: [String], hashes: [String]) throws -> [Candidate] {
        var rows: [Candidate] = []
        let full = urls.count == Self.pendingRowsPerStatement && hashes.count == Self.pendingRowsPerStatement
        let sql = full ? Self.fullCandidatesQuery : Self.candidatesQuery(urls: urls.count, hashes: hashes.count)
        try db.step(full ? fullCandidates : nil, sql: sql, bind: { binder in
            for url in urls { binder.bind(url) }
            for hash in hashes { binder.bind(hash) }
        }) { rows.append(Self.candidate($0)) }
        return rows
    }

    private static func candidate(_ row: SQLiteRow) -> Candidate {
        let url: String? = sqlite3_column_type(row.handle, 4) == SQLITE_NULL ? nil : row.string(4)
        // An article of the open batch waiting to be indexed is analysed, not pending.
        return (row.int64(0), row.string(1), row.string(2), row.int64(3) == 1, url)
    }

    /// `existingArticle` decided from candidate rows that include every article with this URL or body.
    static func existing(among candidates: [Candidate], url: String?, hash: String) -> Existing? {
        let byURL = url.flatMap { url in candidates.first { $0.url == url } }
        let urlID = byURL?.id
        // Another article may already hold this body; keep that one rather than break uniqueness.
        if let other = candidates.first(where: { $0.hash == hash && $0.id != urlID }) {
            return (other.id, hash, other.title, false, other.pending)
        }
        if let byURL {
            return (byURL.id, byURL.hash, byURL.title, true, byURL.pending)
        }
        return nil
    }

    /// A JSON string literal, written by hand: JSONEncoder per bullet cost more than the insert.
    static func appendJSONString(_ text: String, to json: inout String) {
        json += "\""
        if text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            for scalar in text.unicodeScalars {
                let special = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
                json += special ? String(format: "\\u%04x", scalar.value) : String(scalar)
            }
        } else {
            json += text
        }
        json += "\""
    }

    static func stringsJSON(_ strings: [String]) -> String {
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            appendJSONString(string, to: &json)
        }
        return json + "]"
    }

    /// The same object JSONEncoder writes for `[Highlight]`, which `article(id:)` decodes.
    static func highlightsJSON(_ highlights: [Highlight]) -> String {
        var json = "["
        for (index, highlight) in highlights.enumerated() {
            if index > 0 { json += "," }
            json += "{\"start\":\(highlight.start),\"end\":\(highlight.end),\"kind\":"
            appendJSONString(highlight.kind.rawValue, to: &json)
            if let entity = highlight.entity {
                json += ",\"entity\":"
                appendJSONString(entity, to: &json)
            }
            json += "}"
        }
        return json + "]"
    }

    /// The term counts as a JSON object, written by hand: JSONEncoder was a tenth of ingest time.
    static func termsJSON(_ counts: [String: Int]) -> String {
        // Bytes, not String appends: this ran once per article over a few hundred terms.
        var json: [UInt8] = [0x7B]
        json.reserveCapacity(counts.count * 16 + 2)
        var first = true
        for (term, count) in counts {
            if !first { json.append(0x2C) }
            first = false
            json.append(0x22)
            for byte in term.utf8 {
                if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                    // \u00XX: the three characters needing it are all below 0x80.
                    json.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                    json.append(Self.hexDigit(byte >> 4))
                    json.append(Self.hexDigit(byte & 0x0F))
                } else {
                    json.append(byte)
                }
            }
            json.append(0x22)
            json.append(0x3A)
            Self.appendDecimal(count, to: &json)
        }
        json.append(0x7D)
        return String(decoding: json, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private func removeAnalysis(of articleID: Int64) throws {
        // Counts still held for the batch must be in the table before any are taken back.
        try termBatch?.flush(db)
        try db.cachedStatement(sql: "DELETE FROM bullet WHERE articleId = ?").execute(arguments: [articleID])
        try EntityWriter(db: db).forgetLinks(ofArticle: articleID)
        try EntityWriter(db: db).forgetMentions(ofArticle: articleID)
        try db.cachedStatement(sql: """
            UPDATE termStat SET documentFrequency = documentFrequency - 1
            WHERE term IN (SELECT key FROM json_each((SELECT terms FROM article WHERE id = ?)))
            """).execute(arguments: [articleID])
    }

    /// Bullets, term statistics and entities; the article row already holds `terms`.
    private func writeAnalysis(of prepared: PreparedArticle, articleID: Int64) throws {
        var start = 0
        let article = prepared.article
        let bullets = article.bullets
        while start < bullets.count {
            let end = EntityWriter.chunkEnd(from: start, count: bullets.count)
            try db.step(rowStatements.statement(.bullet, rows: end - start, db), bind: { binder in
                for position in start..<end {
                    binder.bind(articleID); binder.bind(position); binder.bind(bullets[position].text)
                    binder.bind(prepared.highlights[position])
                }
            })
            start = end
        }
        if let termBatch {
            termBatch.add(article.termCounts)
        } else {
            try ArticleBatch.write(prepared.terms, db)
        }
        try EntityWriter(db: db, rowStatements: rowStatements, batch: termBatch)
            .write(entities: article.entities, links: article.links, prepared: prepared.entities, articleID: articleID)
    }
}

/// An analysed article with the texts its write needs worked out beforehand: JSON, hashes and
/// normalized names. Made where the article is analysed, on every core, it leaves the library's
/// one write connection only the writing.
public struct PreparedArticle: Sendable {
    public let article: ProcessedArticle
    /// The article's identity and stored texts; nil when only its analysis will be written (a
    /// pending article's row holds them already).
    let identity: PendingDocument?
    let terms: String
    /// Each bullet's highlights as JSON.
    let highlights: [String]
    let entities: EntityWriter.PreparedEntities

    /// `forPendingArticle`: the article is stored already and waits for this analysis.
    public init(_ article: ProcessedArticle, forPendingArticle: Bool = false) {
        self.article = article
        identity = forPendingArticle ? nil : PendingDocument(article.document)
        terms = ArticleWriter.termsJSON(article.termCounts)
        highlights = article.bullets.map { ArticleWriter.highlightsJSON($0.highlights) }
        entities = EntityWriter.PreparedEntities(entities: article.entities, links: article.links)
    }
}

/// A document ready to be stored pending analysis: its identity and the texts the writer would
/// otherwise compute while holding the library's only write connection.
public struct PendingDocument: Sendable {
    public var document: ParsedDocument
    /// The article's identity: its link, or the file it came from.
    let url: String?
    let hash: String
    let published: String?
    let keyPoints: String

    public init(_ document: ParsedDocument) {
        self.document = document
        hash = BodyHash.of(document.body)
        url = document.link ?? ArticleWriter.identity(ofSource: document.source)
        published = document.published.map(StorageDate.string)
        keyPoints = ArticleWriter.stringsJSON(document.keyPoints)
    }
}

/// What the articles written in one transaction leave for its end: their document frequencies,
/// not yet in `termStat`, their entries in the search index and, in a batch without savepoints,
/// their entities' counts.
///
/// An article's terms join the batch only once the article is written whole (with a savepoint of
/// its own, released, when articles are written one by one): `beginArticle`, then `commitArticle`
/// or `rollBackArticle`.
///
/// Indexing waits because FTS5 writes its pending terms to disk at every savepoint (and every
/// statement that needs one) once the transaction has written to it: indexed as it was stored,
/// each article became an index segment of its own, about a sixth of the cost of storing it.
final class ArticleBatch {
    private var committed: [String: Int] = [:]
    /// Articles written as analysed but not yet indexed; one rolled back since is simply no longer so.
    private var unindexed: [Int64] = []
    private var article: [String: Int] = [:]
    /// What a flush inside the current article's savepoint wrote, restored if it rolls back.
    private var flushedInArticle: [String: Int] = [:]
    /// False when no article can roll back alone (no savepoints: a failure ends the whole batch),
    /// so counts go straight into the batch's: staging them per article hashed every term twice more.
    private let staged: Bool

    init(staged: Bool = true) {
        self.staged = staged
    }

    func add(_ counts: [String: Int]) {
        if staged {
            for term in counts.keys { article[term, default: 0] += 1 }
        } else {
            committed.reserveCapacity(committed.count + counts.count)
            for term in counts.keys { committed[term, default: 0] += 1 }
        }
    }

    func beginArticle() {
        article.removeAll(keepingCapacity: true)
        flushedInArticle.removeAll()
    }

    func commitArticle() {
        for (term, count) in article { committed[term, default: 0] += count }
        article.removeAll(keepingCapacity: true)
        flushedInArticle.removeAll()
    }

    func rollBackArticle() {
        article.removeAll(keepingCapacity: true)
        for (term, count) in flushedInArticle { committed[term, default: 0] += count }
        flushedInArticle.removeAll()
    }

    /// Mentions and articles to add to each entity's counts, summed over the batch, in order of
    /// first appearance; only when no article can roll back alone (`staged` is false).
    private var entityCounts: [Int64: (mentions: Int, articles: Int)] = [:]
    private var entityOrder: [Int64] = []

    /// True when an article's entity counts and aliases may wait for the end of the batch: an
    /// entity recurs across a batch, so each is updated once (with its index by mention count), and
    /// each alias upserted once, instead of once per article. The writer reads no entity count, and
    /// reads the batch's aliases here as well as in the table.
    var defersEntityCounts: Bool { !staged }

    func addEntityCounts(_ order: [Int64], _ mentions: [Int64: Int]) {
        for id in order {
            if let known = entityCounts[id] {
                entityCounts[id] = (known.mentions + (mentions[id] ?? 0), known.articles + 1)
            } else {
                entityCounts[id] = (mentions[id] ?? 0, 1)
                entityOrder.append(id)
            }
        }
    }

    /// The batch's alias rows, as `entityAlias` upserts them, in order of first appearance, with the
    /// entities each normalized form names: the writer reads them as it would the table's rows.
    private var aliases: [EntityWriter.AliasKey: (form: String, count: Int)] = [:]
    private var aliasOrder: [EntityWriter.AliasKey] = []
    private var aliasEntities: [String: [Int64]] = [:]

    func addAliases(_ order: [EntityWriter.AliasKey], _ counts: [EntityWriter.AliasKey: (form: String, count: Int)]) {
        for key in order {
            let count = counts[key]?.count ?? 1
            if let known = aliases[key] {
                aliases[key] = (known.form, known.count + count)
            } else {
                aliases[key] = (counts[key]?.form ?? "", count)
                aliasOrder.append(key)
                aliasEntities[key.normalized, default: []].append(key.entityID)
            }
        }
    }

    /// Entities that an alias not yet written names by this normalized form.
    func pendingAliasEntities(_ normalized: String) -> [Int64] { aliasEntities[normalized] ?? [] }

    /// Articles not yet written in which this form named this entity.
    func pendingAliasArticles(_ key: EntityWriter.AliasKey) -> Int { aliases[key]?.count ?? 0 }

    /// The library's entities by normalized name (each kind's id; empty when there is none), as
    /// this batch has looked them up or written them: most names recur across a batch, and looking
    /// each up again was a tenth of storing an article. Only entities of the batch are written
    /// meanwhile, so the table changes only where the batch says so, until a re-analysis deletes
    /// entities (it flushes first, which forgets them all).
    private var entitiesByName: [String: [String: Int64]] = [:]

    func cachedEntities(named normalized: String) -> [String: Int64]? {
        defersEntityCounts ? entitiesByName[normalized] : nil
    }

    func cacheEntities(named normalized: String, _ idByKind: [String: Int64]) {
        if defersEntityCounts { entitiesByName[normalized] = idByKind }
    }

    /// A new entity, under a name this batch has looked up.
    func cacheNewEntity(named normalized: String, kind: String, id: Int64) {
        entitiesByName[normalized]?[kind] = id
    }

    /// Links the batch has written, by their ends, and their evidence rows so far. A link stated
    /// again in the batch is not upserted again; what it adds waits in `linkCounts` for the end.
    private var linkByEnds: [LinkEnds: Int64] = [:]
    private var linkEvidence: [Int64: Int] = [:]
    private var linkCounts: [Int64: (sentences: Int, articles: Int, label: String?)] = [:]
    private var linkOrder: [Int64] = []

    private struct LinkEnds: Hashable {
        var low: Int64
        var high: Int64
    }

    func cachedLink(low: Int64, high: Int64) -> (id: Int64, evidence: Int)? {
        guard defersEntityCounts, let id = linkByEnds[LinkEnds(low: low, high: high)] else { return nil }
        return (id, linkEvidence[id] ?? 0)
    }

    func cacheLink(low: Int64, high: Int64, id: Int64, evidence: Int) {
        guard defersEntityCounts else { return }
        linkByEnds[LinkEnds(low: low, high: high)] = id
        linkEvidence[id] = evidence
    }

    /// One more article states the link: the first label given is the one kept, as the upsert keeps it.
    func addLinkCounts(id: Int64, sentences: Int, label: String?) {
        if let known = linkCounts[id] {
            linkCounts[id] = (known.sentences + sentences, known.articles + 1, known.label ?? label)
        } else {
            linkCounts[id] = (sentences, 1, label)
            linkOrder.append(id)
        }
    }

    func addLinkEvidence(id: Int64) {
        linkEvidence[id]? += 1
    }

    func indexAtEnd(_ articleID: Int64) {
        unindexed.append(articleID)
    }

    /// Ends the batch: the committed counts are written and its analysed articles indexed.
    func finish(_ db: Database) throws {
        try flush(db)
        guard !unindexed.isEmpty else { return }
        // One statement for the batch, its ids as a JSON array; the search index's update trigger
        // indexes each row as it becomes 0.
        let ids = "[" + unindexed.map(String.init).joined(separator: ",") + "]"
        try db.cachedStatement(sql: """
            UPDATE article SET analysisPending = 0 WHERE id IN (SELECT value FROM json_each(?)) AND analysisPending = ?
            """).execute(arguments: [ids, ArticleWriter.analysedNotYetIndexed])
        unindexed.removeAll()
    }

    /// Writes the committed counts (and keeps them aside until the current article is settled).
    func flush(_ db: Database) throws {
        entitiesByName.removeAll()
        try flushEntityRows(db)
        guard !committed.isEmpty else { return }
        try Self.write(ArticleWriter.termsJSON(committed), db, summing: true)
        if staged {
            for (term, count) in committed { flushedInArticle[term, default: 0] += count }
        }
        committed.removeAll(keepingCapacity: true)
    }

    private func flushEntityRows(_ db: Database) throws {
        linkByEnds.removeAll()
        linkEvidence.removeAll()
        guard !entityOrder.isEmpty || !aliasOrder.isEmpty || !linkOrder.isEmpty else { return }
        let statements = MultiRowStatements()
        try EntityWriter.stepInChunks(.batchLinkCounts, rows: linkOrder, statements, db) { id, binder in
            let counts = linkCounts[id]
            binder.bind(id); binder.bind(counts?.sentences ?? 0); binder.bind(counts?.articles ?? 0)
            binder.bind(counts?.label)
        }
        linkCounts.removeAll(keepingCapacity: true)
        linkOrder.removeAll(keepingCapacity: true)
        try EntityWriter.writeAliases(aliasOrder, aliases, statements, db)
        aliases.removeAll(keepingCapacity: true)
        aliasOrder.removeAll(keepingCapacity: true)
        aliasEntities.removeAll(keepingCapacity: true)
        try EntityWriter.stepInChunks(.batchEntityCounts, rows: entityOrder, statements, db) { id, binder in
            let counts = entityCounts[id] ?? (0, 0)
            binder.bind(id); binder.bind(counts.mentions); binder.bind(counts.articles)
        }
        entityCounts.removeAll(keepingCapacity: true)
        entityOrder.removeAll(keepingCapacity: true)
    }

    /// One statement for all terms: SQLite walks the JSON itself, far faster than a row per term.
    static func write(_ termsJSON: String, _ db: Database, summing: Bool = false) throws {
        if summing {
            try db.cachedStatement(sql: """
                INSERT INTO termStat (term, documentFrequency) SELECT key, value FROM json_each(?) WHERE true
                ON CONFLICT(term) DO UPDATE SET documentFrequency = documentFrequency + excluded.documentFrequency
                """).execute(arguments: [termsJSON])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO termStat (term, documentFrequency) SELECT key, 1 FROM json_each(?) WHERE true
                ON CONFLICT(term) DO UPDATE SET documentFrequency = documentFrequency + 1
                """).execute(arguments: [termsJSON])
        }
    }
}

/// A stable fingerprint of an article body that ignores case, spacing and punctuation,
/// so the same story saved twice is recognized as one.
public enum BodyHash {
    /// ASCII letters and digits in lower case; 0 for every other byte, which the hash skips.
    private static let asciiFold: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte + 32)
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        default: return 0
        }
    }

    public static func of(_ body: String) -> String {
        // Walks the UTF-8 bytes: ASCII (nearly all of a news body) needs no scalar decoding,
        // which made the hash a tenth of storing a feed item. Same hash as scalar by scalar.
        var text = body
        let (first, second) = text.withUTF8 { bytes in
            asciiFold.withUnsafeBufferPointer { fold in hashes(of: bytes, asciiFold: fold) }
        }
        // Hex by hand: String(format:) goes through Foundation's formatter, slow on Linux.
        var hex = [UInt8](repeating: 0x30, count: 32)
        for (offset, value) in [(0, first), (16, second)] {
            var rest = value
            for index in stride(from: offset + 15, through: offset, by: -1) {
                let digit = UInt8(rest & 0xF)
                hex[index] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                rest >>= 4
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func hashes(of bytes: UnsafeBufferPointer<UInt8>, asciiFold: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // Spaces and punctuation fall every few letters, too irregularly for the branch
                // predictor: the step is always computed, and a mask, not a jump, drops it.
                let folded = UInt64(asciiFold[Int(byte)])
                let nextFirst = (first ^ folded) &* 0x0000_0100_0000_01B3
                let nextSecond = (second ^ folded) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
                // All ones when the byte counts, zero when it is skipped (folded is 0...127).
                let counts = 0 &- ((folded &+ 127) >> 7)
                first = (nextFirst & counts) | (first & ~counts)
                second = (nextSecond & counts) | (second & ~counts)
                index += 1
                continue
            }
            let value: UInt32
            if byte & 0xE0 == 0xC0, index + 1 < bytes.count {
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte & 0xF0 == 0xE0, index + 2 < bytes.count {
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else if index + 3 < bytes.count {
                value = UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            } else {
                index += 1
                continue
            }
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                var value = lower.value
                while value > 0 {
                    let folded = UInt64(value & 0xFF)
                    first = (first ^ folded) &* 0x0000_0100_0000_01B3
                    second = (second ^ folded) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
                    value >>= 8
                }
            }
        }
        return (first, second)
    }
}

/// The text GRDB stores a `Date` as ("yyyy-MM-dd HH:mm:ss.SSS", UTC), written without the
/// DateFormatter GRDB uses, which cost more than the rest of storing a feed item.
enum StorageDate {
    static func string(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        // Years 0001-9999 only; anything else goes the slow, general way.
        guard milliseconds > -62_135_596_800_000, milliseconds < 253_402_300_800_000 else {
            return String.fromDatabaseValue(date.databaseValue) ?? ""
        }
        let total = Int64(milliseconds)
        var seconds = total / 1000
        var millis = total % 1000
        if millis < 0 { millis += 1000; seconds -= 1 }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out = ""
        out.reserveCapacity(23)
        func pad(_ value: Int32, _ width: Int) {
            let digits = String(value)
            if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
            out += digits
        }
        pad(parts.tm_year + 1900, 4); out += "-"; pad(parts.tm_mon + 1, 2); out += "-"; pad(parts.tm_mday, 2)
        out += " "; pad(parts.tm_hour, 2); out += ":"; pad(parts.tm_min, 2); out += ":"; pad(parts.tm_sec, 2)
        out += "."; pad(Int32(millis), 3)
        return out
    }
}
