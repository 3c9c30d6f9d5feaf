import Foundation
import GRDB
import LedeCore

extension Library {
    // MARK: - Entity reads

    /// The library's entities, most mentioned first; with a query, as-you-type search
    /// (prefix, then substring, then typo-tolerant matches).
    public func entities(kind: EntityKind? = nil, query: String? = nil, limit: Int = 50) throws -> [EntityRow] {
        let trimmed = query?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty {
            return try pool.read { db in
                let rows: [Row]
                if let kind {
                    rows = try Row.fetchAll(db, sql: "SELECT * FROM entity WHERE kind = ? ORDER BY mentionCount DESC, name LIMIT ?",
                                            arguments: [kind.rawValue, limit])
                } else {
                    rows = try Row.fetchAll(db, sql: "SELECT * FROM entity ORDER BY mentionCount DESC, name LIMIT ?", arguments: [limit])
                }
                return try rows.map { try Self.entityRow($0, db: db) }
            }
        }
        let entries = try searchIndex.entries { try self.loadSearchEntries() }
        let ids = EntitySearchIndex.search(entries, query: Array(EntityWriter.normalize(trimmed).utf8), kind: kind, limit: limit)
        return try pool.read { db in
            try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE id = ?", arguments: [id]).map { try Self.entityRow($0, db: db) }
            }
        }
    }

    private func loadSearchEntries() throws -> [EntitySearchIndex.Entry] {
        try pool.read { db in
            var entries: [Int64: EntitySearchIndex.Entry] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT e.id, e.kind, e.mentionCount, e.normalizedName, a.normalizedAlias FROM entity e
                LEFT JOIN entityAlias a ON a.entityId = e.id
                """)
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                if entries[id] == nil {
                    entries[id] = EntitySearchIndex.Entry(
                        id: id, kind: EntityKind(rawValue: row["kind"]) ?? .organization,
                        mentions: row["mentionCount"], forms: [Array((row["normalizedName"] as String).utf8)])
                }
                if let alias: String = row["normalizedAlias"], entries[id]?.forms.contains(Array(alias.utf8)) == false {
                    entries[id]?.forms.append(Array(alias.utf8))
                }
            }
            return entries.values.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
        }
    }

    static func entityRow(_ row: Row, db: Database) throws -> EntityRow {
        let id: Int64 = row["id"]
        let name: String = row["name"]
        let aliases = try String.fetchAll(db, sql: "SELECT alias FROM entityAlias WHERE entityId = ? ORDER BY alias", arguments: [id])
            .filter { $0 != name }
        return EntityRow(id: id, name: name, kind: EntityKind(rawValue: row["kind"]) ?? .organization,
                         aliases: aliases, articleCount: row["articleCount"], mentionCount: row["mentionCount"])
    }

    /// The entity a person means by a name or an id: exact name first, then alias, most mentioned wins.
    public func entity(named nameOrID: String, evidenceLimit: Int = 3) throws -> EntityProfile? {
        if let id = Int64(nameOrID), let profile = try entity(id: id, evidenceLimit: evidenceLimit) { return profile }
        let normalized = EntityWriter.normalize(nameOrID)
        let id = try pool.read { db -> Int64? in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM entity WHERE normalizedName = ? ORDER BY mentionCount DESC LIMIT 1",
                                           arguments: [normalized]) { return id }
            return try Int64.fetchOne(db, sql: """
                SELECT e.id FROM entityAlias a JOIN entity e ON e.id = a.entityId WHERE a.normalizedAlias = ?
                ORDER BY e.mentionCount DESC LIMIT 1
                """, arguments: [normalized])
        }
        guard let id else { return nil }
        return try entity(id: id, evidenceLimit: evidenceLimit)
    }

    public func entity(id: Int64, articleLimit: Int = 200, evidenceLimit: Int = 3) throws -> EntityProfile? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE id = ?", arguments: [id]) else { return nil }
            let entity = try Self.entityRow(row, db: db)
            let articles = try Row.fetchAll(db, sql: """
                SELECT \(Self.rowColumns) FROM article a WHERE a.id IN (SELECT articleId FROM mention WHERE entityId = ?)
                ORDER BY a.sortDate DESC, a.id DESC LIMIT ?
                """, arguments: [id, articleLimit]).map(Self.articleRow)
            let linkRows = try Row.fetchAll(db, sql: """
                SELECT l.id AS linkId, l.label, e.id, e.name, e.kind, l.weight
                FROM entityLink l JOIN entity e ON e.id = CASE WHEN l.sourceId = ? THEN l.targetId ELSE l.sourceId END
                WHERE l.sourceId = ? OR l.targetId = ?
                ORDER BY weight DESC, e.mentionCount DESC
                """, arguments: [id, id, id])
            let linked = try linkRows.map { link -> LinkedEntity in
                let evidence = try String.fetchAll(db, sql: """
                    SELECT DISTINCT s.text FROM linkEvidence v JOIN evidenceSentence s ON s.id = v.sentenceId
                    WHERE v.linkId = ? ORDER BY v.label IS NULL, v.rowid LIMIT ?
                    """, arguments: [link["linkId"] as Int64, evidenceLimit])
                return LinkedEntity(id: link["id"], name: link["name"], kind: EntityKind(rawValue: link["kind"]) ?? .organization,
                                    weight: link["weight"], label: link["label"], evidence: evidence)
            }
            return EntityProfile(entity: entity, articles: articles, linked: linked)
        }
    }
}

/// An in-memory list of entity names for as-you-type search.
///
/// SQL `LIKE` cannot rank typo-tolerant matches, and a keystroke must answer in a few
/// milliseconds, so the names live in memory (a few MB for 100,000 articles) and are
/// reloaded after the library changes.
final class EntitySearchIndex: @unchecked Sendable {
    struct Entry: Sendable {
        var id: Int64
        var kind: EntityKind
        var mentions: Int
        /// Normalized name and aliases as UTF-8: every comparison per keystroke is on bytes.
        var forms: [[UInt8]]
    }

    private let lock = NSLock()
    private var cached: [Entry]?

    func invalidate() {
        lock.lock()
        cached = nil
        lock.unlock()
    }

    func entries(load: () throws -> [Entry]) throws -> [Entry] {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let loaded = try load()
        cached = loaded
        return loaded
    }

    /// Ranks: a form starts with the query, then a word of a form does, then a substring,
    /// then a word within one or two edits; within a rank, most mentioned first (the entries
    /// are sorted that way).
    ///
    /// - Complexity: one pass over the names for the exact ranks; the typo pass runs only
    ///   when they found too few, and only on words that share the query's first or second letter.
    static func search(_ entries: [Entry], query: [UInt8], kind: EntityKind?, limit: Int) -> [Int64] {
        guard !query.isEmpty, limit > 0 else { return [] }
        var buckets: [[Int64]] = [[], [], []]
        for entry in entries where kind == nil || entry.kind == kind {
            var best = 3
            for form in entry.forms {
                if hasPrefix(form, query) { best = 0; break }
                if best > 1, containsWordPrefix(form, query) { best = 1 } else if best > 2, contains(form, query) { best = 2 }
            }
            if best < 3 { buckets[best].append(entry.id) }
            if buckets[0].count >= limit { break }
        }
        var results = Array(buckets.joined().prefix(limit))
        let allowedEdits = query.count >= 7 ? 2 : (query.count >= 4 ? 1 : 0)
        guard results.count < limit, allowedEdits > 0 else { return results }
        let found = Set(results)
        for entry in entries where (kind == nil || entry.kind == kind) && !found.contains(entry.id) {
            if entry.forms.contains(where: { fuzzyMatch($0, query, allowedEdits) }) {
                results.append(entry.id)
                if results.count >= limit { break }
            }
        }
        return results
    }

    static func hasPrefix(_ form: [UInt8], _ query: [UInt8]) -> Bool {
        guard form.count >= query.count else { return false }
        for index in query.indices where form[index] != query[index] { return false }
        return true
    }

    /// Whether a word after the first starts with the query.
    static func containsWordPrefix(_ form: [UInt8], _ query: [UInt8]) -> Bool {
        guard form.count > query.count else { return false }
        var index = 0
        while index < form.count - query.count {
            if form[index] == 0x20 {
                var matches = true
                for offset in query.indices where form[index + 1 + offset] != query[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
            index += 1
        }
        return false
    }

    static func contains(_ form: [UInt8], _ query: [UInt8]) -> Bool {
        guard form.count >= query.count else { return false }
        let first = query[0]
        for start in 0...(form.count - query.count) where form[start] == first {
            var matches = true
            for offset in 1..<query.count where form[start + offset] != query[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// Whether a word of `form`, or its beginning as long as the query, is within `maxEdits` of it.
    static func fuzzyMatch(_ form: [UInt8], _ query: [UInt8], _ maxEdits: Int) -> Bool {
        for word in form.split(separator: 0x20) {
            // A typo rarely hits both of the first two letters; this skips most words cheaply.
            guard let head = word.first, head == query[0] || (query.count > 1 && head == query[1]) else { continue }
            let candidate = Array(word.prefix(query.count + maxEdits))
            if candidate.count + maxEdits < query.count { continue }
            if boundedEditDistance(candidate, query, maxEdits) <= maxEdits { return true }
            if candidate.count > query.count,
               boundedEditDistance(Array(candidate.prefix(query.count)), query, maxEdits) <= maxEdits { return true }
        }
        return false
    }

    /// Optimal-string-alignment distance (a swap of neighbours is one edit, the commonest typo),
    /// giving up once every cell of a row exceeds `bound`.
    static func boundedEditDistance(_ a: [UInt8], _ b: [UInt8], _ bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > bound { return bound + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
