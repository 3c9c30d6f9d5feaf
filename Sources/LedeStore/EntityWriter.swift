import Foundation
import GRDB
import GRDBSQLite
import LedeCore

/// Joins an article's entities to the library's, conservatively.
///
/// A full name joins the entity of the same kind and name. A single name ("Musk")
/// joins a fuller entity only when the library supports it: exactly one entity of
/// that kind is known by that name, and either this article names something linked
/// to it, or articles have already used the single name for it at least twice.
/// Otherwise it stays its own entity, because a lone "Johnson" could be anyone.
///
/// Every query here is indexed and counts are kept incrementally, so writing an
/// article costs the same in a library of ten articles as in one of 100,000.
struct EntityWriter {
    let db: Database
    /// The multi-row statements, found by shape and row count (shared by the writers of a batch).
    var rowStatements = MultiRowStatements()
    /// The transaction's batch, which may take the entity counts to write at its end.
    var batch: ArticleBatch?

    /// The form names are compared in: lower case, no diacritics, no possessive, words
    /// separated by single spaces ("Musk’s" → "musk", "Zürich-Bank" → "zurich bank").
    static func normalize(_ name: String) -> String {
        var out = ScalarTextBuilder(capacity: name.utf8.count)
        var pendingSpace = false
        var scalars = Array(name.unicodeScalars)
        // A trailing possessive is part of the mention, not of the name.
        if let last = scalars.last, last == "'" || last == "\u{2019}" {
            scalars.removeLast()
        } else if scalars.count > 2, scalars[scalars.count - 1] == "s" || scalars[scalars.count - 1] == "S",
                  scalars[scalars.count - 2] == "'" || scalars[scalars.count - 2] == "\u{2019}" {
            scalars.removeLast(2)
        }
        func emit(_ byte: UInt8) {
            if pendingSpace, !out.isEmpty { out.bytes.append(0x20) }
            pendingSpace = false
            out.bytes.append(byte)
        }
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || v == 0x26 { emit(UInt8(v)) }
                else if (0x41...0x5A).contains(v) { emit(UInt8(v + 32)) }
                else { pendingSpace = true }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // Rare: fold this one character through Foundation (é → e, Ø → ø).
                let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                for byte in folded.utf8 { emit(byte) }
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out.string
    }

    static func lastWord(_ normalized: String) -> String {
        normalized.split(separator: " ").last.map(String.init) ?? normalized
    }

    func write(entities: [DocumentEntity], links: [EntityLinkEvidence], prepared: PreparedEntities, articleID: Int64) throws {
        let names = prepared.names
        var state = ArticleState(known: try existingEntities(entities, names: names), entities: entities.count)
        for (index, entity) in entities.enumerated() {
            let normalized = names[index]
            guard !normalized.isEmpty, !entity.mentions.isEmpty else { continue }
            let id = try resolve(entity, normalized: normalized, coMentioned: names, state: &state)
            state.idByEntity[index] = id
            for (form, normalizedForm) in prepared.forms[index] {
                state.addAlias(AliasKey(entityID: id, normalized: normalizedForm), form: form)
            }
            for mention in entity.mentions { state.mentions.append((id, mention)) }
            // Two names in one article may resolve to one entity; it is one more article for it, once.
            if state.counts[id] == nil { state.countOrder.append(id) }
            state.counts[id, default: 0] += entity.mentions.count
        }
        if let batch, batch.defersEntityCounts {
            batch.addAliases(state.aliasOrder, state.aliases)
        } else {
            try Self.writeAliases(state.aliasOrder, state.aliases, rowStatements, db)
        }
        try insertRows(.mention, rows: state.mentions) { item, binder in
            binder.bind(articleID); binder.bind(item.0); binder.bind(item.1.start); binder.bind(item.1.end); binder.bind(item.1.text)
        }
        if let batch, batch.defersEntityCounts {
            batch.addEntityCounts(state.countOrder, state.counts)
        } else {
            try insertRows(.entityCounts, rows: state.countOrder) { id, binder in
                binder.bind(id); binder.bind(state.counts[id] ?? 0)
            }
        }
        try write(links: links, prepared: prepared, idByEntity: state.idByEntity, articleID: articleID)
    }

    /// What one article's entities have resolved to so far, and the rows they will write.
    ///
    /// Aliases are written once for the whole article, so a name resolved later in the same
    /// article sees the earlier ones' aliases here rather than in the table.
    private struct ArticleState {
        var known: [NameKey: Int64]
        /// The library entity each of the article's entities resolved to.
        var idByEntity: [Int64?]
        var aliases: [AliasKey: (form: String, count: Int)] = [:]
        var aliasOrder: [AliasKey] = []
        var mentions: [(Int64, Mention)] = []
        var counts: [Int64: Int] = [:]
        var countOrder: [Int64] = []

        init(known: [NameKey: Int64], entities: Int) {
            self.known = known
            idByEntity = Array(repeating: nil, count: entities)
        }

        mutating func addAlias(_ key: AliasKey, form: String) {
            if let existing = aliases[key] {
                aliases[key] = (existing.form, existing.count + 1)
            } else {
                aliases[key] = (form, 1)
                aliasOrder.append(key)
            }
        }
    }

    private struct NameKey: Hashable {
        var kind: String
        var normalized: String
    }

    struct AliasKey: Hashable {
        var entityID: Int64
        var normalized: String
    }

    /// Rows per multi-row statement: few statements, and few distinct ones to cache.
    static let rowsPerStatement = 64

    /// Where the statement writing rows `start..<count` stops: a full statement's worth, or else the
    /// largest power of two of the rows left. Each row count is a statement of its own, compiled once
    /// per connection (up to a quarter of a million instructions): with any of 64 sizes per shape,
    /// compiling them was a twentieth of writing 600 articles; seven sizes compile far fewer.
    static func chunkEnd(from start: Int, count: Int) -> Int {
        let left = count - start
        guard left < rowsPerStatement else { return start + rowsPerStatement }
        var size = 1
        while size * 2 <= left { size *= 2 }
        return start + size
    }

    /// Runs the statement of `shape` over `rows`, a chunk of rows per statement;
    /// `values` binds one item's columns, `row` reads each result row.
    private func insertRows<Item>(_ shape: MultiRowShape, rows: [Item],
                                  values: (Item, inout SQLiteBinder) -> Void,
                                  row: (SQLiteRow) -> Void = { _ in }) throws {
        try Self.stepInChunks(shape, rows: rows, rowStatements, db, values: values, row: row)
    }

    /// Upserts the alias rows of `order`: each names its entity by a form, in that many more articles.
    static func writeAliases(_ order: [AliasKey], _ aliases: [AliasKey: (form: String, count: Int)],
                             _ statements: MultiRowStatements, _ db: Database) throws {
        try stepInChunks(.alias, rows: order, statements, db) { key, binder in
            let alias = aliases[key]
            binder.bind(key.entityID); binder.bind(alias?.form); binder.bind(key.normalized); binder.bind(alias?.count ?? 1)
        }
    }

    /// `insertRows` for a writer without an `EntityWriter` (the batch's flush at its end).
    static func stepInChunks<Item>(_ shape: MultiRowShape, rows: [Item], _ statements: MultiRowStatements, _ db: Database,
                                   values: (Item, inout SQLiteBinder) -> Void,
                                   row: (SQLiteRow) -> Void = { _ in }) throws {
        var start = 0
        while start < rows.count {
            let end = chunkEnd(from: start, count: rows.count)
            try db.step(statements.statement(shape, rows: end - start, db), bind: { binder in
                for item in rows[start..<end] { values(item, &binder) }
            }, row: row)
            start = end
        }
    }

    static func statement(_ prefix: String, columns: Int, rows: Int, suffix: String) -> String {
        var sql = prefix
        sql.reserveCapacity(prefix.utf8.count + suffix.utf8.count + rows * (columns * 2 + 2))
        sql += " "
        for index in 0..<rows {
            sql += index == 0 ? "(?" : ",(?"
            for _ in 1..<max(columns, 1) { sql += ",?" }
            sql += ")"
        }
        return sql + " " + suffix
    }

    /// The entities already in the library under this article's exact names, in one query.
    private func existingEntities(_ entities: [DocumentEntity], names: [String]) throws -> [NameKey: Int64] {
        let kinds = Set(entities.map(\.kind.rawValue))
        var known: [NameKey: Int64] = [:]
        var wanted: [String] = []
        for name in Set(names) where !name.isEmpty {
            if let cached = batch?.cachedEntities(named: name) {
                for (kind, id) in cached where kinds.contains(kind) { known[NameKey(kind: kind, normalized: name)] = id }
            } else {
                wanted.append(name)
            }
        }
        var found: [String: [String: Int64]] = [:]
        try insertRows(.existingEntities, rows: wanted, values: { $1.bind($0) }) { row in
            let kind = row.string(1)
            let name = row.string(2)
            found[name, default: [:]][kind] = row.int64(0)
            guard kinds.contains(kind) else { return }
            known[NameKey(kind: kind, normalized: name)] = row.int64(0)
        }
        if let batch {
            for name in wanted { batch.cacheEntities(named: name, found[name] ?? [:]) }
        }
        return known
    }

    /// Evidence kept per link across the library; labelled sentences are preferred.
    static let evidencePerLink = 6
    /// Past this many names, a sentence is treated as a list rather than a statement of relations.
    static let namesPerStatement = 5

    private func write(links: [EntityLinkEvidence], prepared: PreparedEntities, idByEntity: [Int64?], articleID: Int64) throws {
        let linkSentence = prepared.linkSentence
        // Group this article's sentences by entity pair first: one row per pair and article. Pairs
        // are numbered in order of appearance; their label and sentences are kept by number.
        var pairNumbers: [PairKey: Int] = [:]
        var order: [PairKey] = []
        var labels: [String?] = []
        var pairLinks: [[Int]] = []
        for (index, link) in links.enumerated() where prepared.linkStated[index] {
            guard let ends = prepared.linkEnds[index], let a = idByEntity[ends.source], let b = idByEntity[ends.target],
                  a != b else { continue }
            let key = PairKey(low: min(a, b), high: max(a, b))
            let number: Int
            if let known = pairNumbers[key] {
                number = known
            } else {
                number = order.count
                pairNumbers[key] = number
                order.append(key)
                labels.append(nil)
                pairLinks.append([])
            }
            pairLinks[number].append(index)
            if labels[number] == nil { labels[number] = link.label }
        }
        guard !order.isEmpty else { return }
        let sentenceCounts = pairLinks.map { Set($0.map { linkSentence[$0] }).count }
        var linkIDs = [(id: Int64, evidence: Int)?](repeating: nil, count: order.count)
        // A link the batch has written already only adds to its counts, at the batch's end.
        var upserted: [Int] = []
        for number in order.indices {
            if let batch, let known = batch.cachedLink(low: order[number].low, high: order[number].high) {
                linkIDs[number] = known
                batch.addLinkCounts(id: known.id, sentences: sentenceCounts[number], label: labels[number])
            } else {
                upserted.append(number)
            }
        }
        try insertRows(.link, rows: upserted, values: { number, binder in
            binder.bind(order[number].low); binder.bind(order[number].high); binder.bind(labels[number])
            binder.bind(sentenceCounts[number]); binder.bind(Int64(1))
        }) { row in
            if let number = pairNumbers[PairKey(low: row.int64(1), high: row.int64(2))] {
                linkIDs[number] = (row.int64(0), Int(row.int64(3)))
                batch?.cacheLink(low: row.int64(1), high: row.int64(2), id: row.int64(0), evidence: Int(row.int64(3)))
            }
        }
        let stated = order.indices.compactMap { number in linkIDs[number].map { (number: number, id: $0.id) } }
        try insertRows(.linkArticle, rows: stated) { item, binder in
            binder.bind(item.id); binder.bind(articleID); binder.bind(sentenceCounts[item.number])
        }
        // Evidence: the best sentence of each link still under the cap, each sentence stored once.
        var evidence: [(linkID: Int64, sentence: String, label: String?)] = []
        var sentences: [String] = []
        var seen: Set<Int> = []
        for (number, linkID) in stated {
            let pair = pairLinks[number]
            guard let kept = linkIDs[number]?.evidence, kept < Self.evidencePerLink,
                  let bestIndex = pair.first(where: { links[$0].label != nil }) ?? pair.first else { continue }
            let best = links[bestIndex]
            evidence.append((linkID, best.sentence, best.label))
            if seen.insert(linkSentence[bestIndex]).inserted { sentences.append(best.sentence) }
        }
        guard !evidence.isEmpty else { return }
        var sentenceIDs: [String: Int64] = [:]
        try insertRows(.evidenceSentence, rows: sentences, values: { $1.bind(articleID); $1.bind($0) }) { row in
            sentenceIDs[row.string(1)] = row.int64(0)
        }
        if let batch {
            for item in evidence { batch.addLinkEvidence(id: item.linkID) }
        }
        try insertRows(.linkEvidence, rows: evidence) { item, binder in
            binder.bind(item.linkID); binder.bind(articleID); binder.bind(sentenceIDs[item.sentence]); binder.bind(item.label)
        }
    }

    /// Takes an article's links out of the weights, before a re-analysis writes them again.
    func forgetLinks(ofArticle articleID: Int64) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT linkId, sentences FROM linkArticle WHERE articleId = ?"),
                                    arguments: [articleID])
        for row in rows {
            try db.cachedStatement(sql: "UPDATE entityLink SET weight = weight - ?, articles = articles - 1 WHERE id = ?")
                .execute(arguments: [row["sentences"] as Int, row["linkId"] as Int64])
        }
        try db.cachedStatement(sql: "DELETE FROM linkArticle WHERE articleId = ?").execute(arguments: [articleID])
        try db.cachedStatement(sql: "DELETE FROM linkEvidence WHERE articleId = ?").execute(arguments: [articleID])
        try db.cachedStatement(sql: "DELETE FROM evidenceSentence WHERE articleId = ?").execute(arguments: [articleID])
        for row in rows {
            // A link lives as long as some article states it.
            try db.cachedStatement(sql: "DELETE FROM entityLink WHERE id = ? AND articles <= 0").execute(arguments: [row["linkId"] as Int64])
        }
    }

    /// An article's names and link sentences in the forms the writer compares. None of it depends
    /// on the library, so it is worked out where the article is analysed, not on the one connection
    /// that writes.
    struct PreparedEntities: Sendable {
        /// Each entity's name, normalized.
        var names: [String]
        /// Each entity's distinct normalized forms (its name, aliases and mentions, in that order),
        /// each with the first form that gave it: the aliases it is written with.
        var forms: [[(form: String, normalized: String)]]
        /// Each link's sentence, numbered by first appearance: each (long) sentence is hashed once.
        var linkSentence: [Int]
        /// Whether each link may become a library link.
        var linkStated: [Bool]
        /// The entities each link joins (by index), as the article's names and aliases name them.
        var linkEnds: [(source: Int, target: Int)?]

        init(entities: [DocumentEntity], links: [EntityLinkEvidence]) {
            names = entities.map { EntityWriter.normalize($0.name) }
            var normalizedForms: [String: String] = [:]
            for (entity, normalized) in zip(entities, names) { normalizedForms[entity.name] = normalized }
            forms = entities.map { entity in
                var seen: Set<String> = []
                var distinct: [(form: String, normalized: String)] = []
                for form in [entity.name] + entity.aliases + entity.mentions.map(\.text) {
                    // Mentions mostly repeat a few forms; each is normalized once per article.
                    let normalizedForm: String
                    if let known = normalizedForms[form] {
                        normalizedForm = known
                    } else {
                        normalizedForm = EntityWriter.normalize(form)
                        normalizedForms[form] = normalizedForm
                    }
                    guard !normalizedForm.isEmpty, seen.insert(normalizedForm).inserted else { continue }
                    distinct.append((form, normalizedForm))
                }
                return distinct
            }
            var sentenceNumbers: [String: Int] = [:]
            var linkSentence: [Int] = []
            linkSentence.reserveCapacity(links.count)
            // A sentence that names many entities is a list ("Gates, Wozniak, Bosworth and …"), not a
            // statement about each pair in it; only its labelled pairs become links.
            var namesPerSentence: [Set<String>] = []
            for link in links {
                let number: Int
                if let known = sentenceNumbers[link.sentence] {
                    number = known
                } else {
                    number = namesPerSentence.count
                    sentenceNumbers[link.sentence] = number
                    namesPerSentence.append([])
                }
                linkSentence.append(number)
                namesPerSentence[number].insert(link.source)
                namesPerSentence[number].insert(link.target)
            }
            self.linkSentence = linkSentence
            // A link names its ends as written: an entity's name, or else the alias of the first
            // entity to give it; only entities that are written (a name and a mention) count.
            var entityByName: [String: Int] = [:]
            for (index, entity) in entities.enumerated() where !names[index].isEmpty && !entity.mentions.isEmpty {
                entityByName[entity.name] = index
                for alias in entity.aliases where entityByName[alias] == nil { entityByName[alias] = index }
            }
            linkEnds = links.map { link in
                guard let source = entityByName[link.source], let target = entityByName[link.target] else { return nil }
                return (source, target)
            }
            linkStated = zip(links, linkSentence).map { link, sentence in
                link.label != nil || namesPerSentence[sentence].count <= EntityWriter.namesPerStatement
            }
        }
    }

    private struct PairKey: Hashable {
        var low: Int64
        var high: Int64
    }

    /// Takes an article's mentions out of the counts, before they are deleted for a re-analysis.
    func forgetMentions(ofArticle articleID: Int64) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT entityId, COUNT(*) AS n FROM mention WHERE articleId = ? GROUP BY entityId"),
                                    arguments: [articleID])
        for row in rows {
            let id: Int64 = row["entityId"]
            try db.cachedStatement(sql: "UPDATE entity SET mentionCount = mentionCount - ?, articleCount = articleCount - 1 WHERE id = ?")
                .execute(arguments: [row["n"] as Int, id])
        }
        try db.cachedStatement(sql: "DELETE FROM mention WHERE articleId = ?").execute(arguments: [articleID])
        for row in rows {
            try db.cachedStatement(sql: "DELETE FROM entity WHERE id = ? AND mentionCount <= 0").execute(arguments: [row["entityId"] as Int64])
        }
    }

    private func resolve(_ entity: DocumentEntity, normalized: String, coMentioned: [String], state: inout ArticleState) throws -> Int64 {
        let kind = entity.kind.rawValue
        let key = NameKey(kind: kind, normalized: normalized)
        if let id = state.known[key] { return id }
        if !normalized.contains(" "),
           let id = try supportedFullerEntity(for: normalized, kind: kind, coMentioned: coMentioned, state: state) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO entity (name, kind, normalizedName, lastWord) VALUES (?, ?, ?, ?)")
            .execute(arguments: [entity.name, kind, normalized, Self.lastWord(normalized)])
        let id = db.lastInsertedRowID
        state.known[key] = id
        batch?.cacheNewEntity(named: normalized, kind: kind, id: id)
        return id
    }

    private func supportedFullerEntity(for single: String, kind: String, coMentioned: [String], state: ArticleState) throws -> Int64? {
        var candidates = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM entity WHERE kind = ?1 AND lastWord = ?2 AND normalizedName != ?2
            UNION SELECT e.id FROM entityAlias a JOIN entity e ON e.id = a.entityId
            WHERE a.normalizedAlias = ?2 AND e.kind = ?1 AND e.normalizedName != ?2
            """), arguments: [kind, single]))
        // Aliases this article, or an earlier one of the batch, has named are not in the table yet.
        let unwritten = state.aliasOrder.filter { $0.normalized == single }.map(\.entityID)
            + (batch?.pendingAliasEntities(single) ?? [])
        for id in unwritten where !candidates.contains(id) {
            let matches = try Bool.fetchOne(db.cachedStatement(sql: "SELECT kind = ? AND normalizedName != ? FROM entity WHERE id = ?"),
                                            arguments: [kind, single, id]) ?? false
            if matches { candidates.insert(id) }
        }
        guard candidates.count == 1, let candidate = candidates.first else { return nil }
        let aliasArticles = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT articles FROM entityAlias WHERE entityId = ? AND normalizedAlias = ?
            """), arguments: [candidate, single]) ?? 0
        let key = AliasKey(entityID: candidate, normalized: single)
        let unwrittenArticles = (state.aliases[key]?.count ?? 0) + (batch?.pendingAliasArticles(key) ?? 0)
        if aliasArticles + unwrittenArticles >= 2 { return candidate }
        // One query for all the article's other names: is any of them linked to the candidate?
        let others = Array(Set(coMentioned.filter { $0 != single && !$0.isEmpty }))
        var start = 0
        while start < others.count {
            let end = min(others.count, start + Self.rowsPerStatement)
            let placeholders = databaseQuestionMarks(count: end - start)
            var arguments: [(any DatabaseValueConvertible)?] = [candidate]
            for name in others[start..<end] { arguments.append(name) }
            let linked = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM entity e JOIN entityLink l
                  ON l.sourceId = min(e.id, ?1) AND l.targetId = max(e.id, ?1)
                  WHERE e.normalizedName IN (\(placeholders)) AND e.id != ?1)
                """), arguments: StatementArguments(arguments)) ?? false
            if linked { return candidate }
            start = end
        }
        return nil
    }
}

/// The statements that write or read many rows at once: `prefix (?, …), (?, …) suffix`.
enum MultiRowShape: Int, CaseIterable {
    case pendingArticle, bullet, alias, mention, entityCounts, batchEntityCounts, batchLinkCounts, existingEntities, link, linkArticle,
         evidenceSentence, linkEvidence

    var parts: (prefix: String, columns: Int, suffix: String) {
        switch self {
        case .pendingArticle: ("""
            INSERT INTO article (feedId, source, url, bodyHash, title, byline, feedTitle, published, addedAt, sortDate, body,
            keyPoints, analysisPending) VALUES
            """, 13, "RETURNING id, bodyHash")
        case .bullet: ("INSERT INTO bullet (articleId, position, text, highlights) VALUES", 4, "")
        case .alias: ("INSERT INTO entityAlias (entityId, alias, normalizedAlias, articles) VALUES", 4,
                      "ON CONFLICT(entityId, normalizedAlias) DO UPDATE SET articles = articles + excluded.articles")
        case .mention: ("INSERT INTO mention (articleId, entityId, start, \"end\", text) VALUES", 5, "")
        case .entityCounts: ("UPDATE entity SET mentionCount = mentionCount + v.column2, articleCount = articleCount + 1 FROM (VALUES",
                             2, ") AS v WHERE entity.id = v.column1")
        case .batchEntityCounts: ("""
            UPDATE entity SET mentionCount = mentionCount + v.column2, articleCount = articleCount + v.column3 FROM (VALUES
            """, 3, ") AS v WHERE entity.id = v.column1")
        case .batchLinkCounts: ("""
            UPDATE entityLink SET label = COALESCE(entityLink.label, v.column4), weight = weight + v.column2,
              articles = articles + v.column3 FROM (VALUES
            """, 4, ") AS v WHERE entityLink.id = v.column1")
        case .existingEntities: ("SELECT id, kind, normalizedName FROM entity WHERE normalizedName IN (VALUES", 1, ")")
        case .link: ("INSERT INTO entityLink (sourceId, targetId, label, weight, articles) VALUES", 5, """
            ON CONFLICT(sourceId, targetId) DO UPDATE SET label = COALESCE(entityLink.label, excluded.label),
              weight = entityLink.weight + excluded.weight, articles = entityLink.articles + 1
            RETURNING id, sourceId, targetId, evidenceCount
            """)
        case .linkArticle: ("INSERT INTO linkArticle (linkId, articleId, sentences) VALUES", 3, "")
        case .evidenceSentence: ("INSERT INTO evidenceSentence (articleId, text) VALUES", 2, "RETURNING id, text")
        case .linkEvidence: ("INSERT INTO linkEvidence (linkId, articleId, sentenceId, label) VALUES", 4, "")
        }
    }
}

/// The multi-row statements of one batch of writes, found by shape and row count.
///
/// Looked up in the connection's statement cache instead, each statement's text was built and
/// then hashed and compared at every use: a tenth of storing an article.
final class MultiRowStatements {
    private var statements = [Statement?](repeating: nil, count: MultiRowShape.allCases.count * (EntityWriter.rowsPerStatement + 1))

    func statement(_ shape: MultiRowShape, rows: Int, _ db: Database) throws -> Statement {
        let index = shape.rawValue * (EntityWriter.rowsPerStatement + 1) + rows
        if let statement = statements[index] { return statement }
        let parts = shape.parts
        let statement = try db.cachedStatement(sql: EntityWriter.statement(parts.prefix, columns: parts.columns, rows: rows,
                                                                           suffix: parts.suffix))
        statements[index] = statement
        return statement
    }
}
