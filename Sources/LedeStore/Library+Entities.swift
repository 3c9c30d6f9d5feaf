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
                let ids: [Int64]
                if let kind {
                    ids = try Int64.fetchAll(db, sql: "SELECT id FROM entity WHERE kind = ? ORDER BY mentionCount DESC, name LIMIT ?",
                                             arguments: [kind.rawValue, limit])
                } else {
                    ids = try Int64.fetchAll(db, sql: "SELECT id FROM entity ORDER BY mentionCount DESC, name LIMIT ?", arguments: [limit])
                }
                return try Self.entityRows(ids: ids, db: db)
            }
        }
        let names = try searchIndex.names { EntitySearchIndex.Names(try self.loadSearchEntries()) }
        let ids = EntitySearchIndex.search(names, query: Array(EntityWriter.normalize(trimmed).utf8), kind: kind, limit: limit)
        return try pool.read { db in try Self.entityRows(ids: ids, db: db) }
    }

    /// Rows for ids in the order given, in two statements rather than two per entity.
    static func entityRows(ids: [Int64], db: Database) throws -> [EntityRow] {
        guard !ids.isEmpty else { return [] }
        let placeholders = databaseQuestionMarks(count: ids.count)
        let arguments = StatementArguments(ids)
        var aliases: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entityId, alias FROM entityAlias WHERE entityId IN (\(placeholders)) ORDER BY alias",
                                    arguments: arguments) {
            aliases[row["entityId"], default: []].append(row["alias"])
        }
        var rows: [Int64: EntityRow] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM entity WHERE id IN (\(placeholders))", arguments: arguments) {
            let id: Int64 = row["id"]
            let name: String = row["name"]
            rows[id] = EntityRow(id: id, name: name, kind: EntityKind(rawValue: row["kind"]) ?? .organization,
                                 aliases: (aliases[id] ?? []).filter { $0 != name },
                                 articleCount: row["articleCount"], mentionCount: row["mentionCount"])
        }
        return ids.compactMap { rows[$0] }
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
            guard let entity = try Self.entityRows(ids: [id], db: db).first else { return nil }
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

    /// Every name in one byte buffer: a keystroke scans it without touching a reference count.
    final class Names: Sendable {
        let bytes: [UInt8]
        /// Per form: where it starts and ends in `bytes`.
        let formStart: [Int32]
        let formEnd: [Int32]
        /// Per entity, most mentioned first: its id, kind and its forms `firstForm ..< endForm`.
        let ids: [Int64]
        let isPerson: [Bool]
        let firstForm: [Int32]
        let endForm: [Int32]
        /// Per entity, which characters occur in any of its forms (see `characterBit`): a name
        /// lacking one of the query's characters cannot contain it, and one lacking more than k
        /// of them is more than k edits away, so most names are ruled out by one AND.
        let characters: [UInt64]
        /// Each distinct word of every form once (names share first names and surnames), so the
        /// typo pass computes an edit distance per distinct word, not per occurrence.
        let wordBytes: [UInt8]
        let wordStart: [Int32]
        let wordEnd: [Int32]
        /// Per entity: its distinct words, `entityWords[firstWord[entity] ..< endWord[entity]]`.
        let entityWords: [Int32]
        let firstWord: [Int32]
        let endWord: [Int32]

        init(_ entries: [Entry]) {
            var bytes: [UInt8] = [], formStart: [Int32] = [], formEnd: [Int32] = []
            var ids: [Int64] = [], isPerson: [Bool] = [], firstForm: [Int32] = [], endForm: [Int32] = []
            var characters: [UInt64] = []
            var wordIDs: [ArraySlice<UInt8>: Int32] = [:]
            var wordBytes: [UInt8] = [], wordStart: [Int32] = [], wordEnd: [Int32] = []
            var entityWords: [Int32] = [], firstWord: [Int32] = [], endWord: [Int32] = []
            for entry in entries {
                ids.append(entry.id)
                isPerson.append(entry.kind == .person)
                firstForm.append(Int32(formStart.count))
                firstWord.append(Int32(entityWords.count))
                var mask: UInt64 = 0
                for form in entry.forms {
                    formStart.append(Int32(bytes.count))
                    bytes.append(contentsOf: form)
                    formEnd.append(Int32(bytes.count))
                    mask |= EntitySearchIndex.characterMask(form)
                    for word in form.split(separator: 0x20) {
                        let id: Int32
                        if let known = wordIDs[word] {
                            id = known
                        } else {
                            id = Int32(wordStart.count)
                            wordIDs[word] = id
                            wordStart.append(Int32(wordBytes.count))
                            wordBytes.append(contentsOf: word)
                            wordEnd.append(Int32(wordBytes.count))
                        }
                        if !entityWords[Int(firstWord[firstWord.count - 1])...].contains(id) { entityWords.append(id) }
                    }
                }
                endForm.append(Int32(formStart.count))
                endWord.append(Int32(entityWords.count))
                characters.append(mask)
            }
            (self.bytes, self.formStart, self.formEnd) = (bytes, formStart, formEnd)
            (self.ids, self.isPerson, self.firstForm, self.endForm) = (ids, isPerson, firstForm, endForm)
            self.characters = characters
            (self.wordBytes, self.wordStart, self.wordEnd) = (wordBytes, wordStart, wordEnd)
            (self.entityWords, self.firstWord, self.endWord) = (entityWords, firstWord, endWord)
        }
    }

    /// One bit per letter and digit, one for the space, and the other bytes folded onto the
    /// remaining bits: a shared bit may let a name through the filter, never keep a match out.
    static func characterBit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return 1 << UInt64(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 1 << UInt64(26 + byte - UInt8(ascii: "0"))
        case UInt8(ascii: " "): return 1 << 36
        default: return 1 << UInt64(37 + byte % 27)
        }
    }

    static func characterMask<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(0) { $0 | characterBit($1) }
    }

    private let lock = NSLock()
    private var cached: Names?

    func invalidate() {
        lock.lock()
        cached = nil
        lock.unlock()
    }

    func names(load: () throws -> Names) throws -> Names {
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
    static func search(_ names: Names, query: [UInt8], kind: EntityKind?, limit: Int) -> [Int64] {
        guard !query.isEmpty, limit > 0 else { return [] }
        let wantPerson: Bool? = kind.map { $0 == .person }
        let queryCharacters = characterMask(query)
        var buckets: [[Int64]] = [[], [], []]
        names.bytes.withUnsafeBufferPointer { bytes in
            query.withUnsafeBufferPointer { query in
                for entity in names.ids.indices where names.characters[entity] & queryCharacters == queryCharacters
                    && (wantPerson == nil || names.isPerson[entity] == wantPerson) {
                    var best = 3
                    for form in Int(names.firstForm[entity])..<Int(names.endForm[entity]) {
                        let text = UnsafeBufferPointer(rebasing: bytes[Int(names.formStart[form])..<Int(names.formEnd[form])])
                        if hasPrefix(text, query) { best = 0; break }
                        if best > 1, containsWordPrefix(text, query) { best = 1 } else if best > 2, contains(text, query) { best = 2 }
                    }
                    if best < 3 { buckets[best].append(names.ids[entity]) }
                    if buckets[0].count >= limit { break }
                }
            }
        }
        var results = Array(buckets.joined().prefix(limit))
        let allowedEdits = query.count >= 7 ? 2 : (query.count >= 4 ? 1 : 0)
        guard results.count < limit, allowedEdits > 0 else { return results }
        let found = Set(results)
        var rows = EditRows(length: query.count)
        // Per distinct word: 0 not yet compared, 1 within the allowed edits, 2 not.
        var verdicts = [UInt8](repeating: 0, count: names.wordStart.count)
        names.wordBytes.withUnsafeBufferPointer { words in
            for entity in names.ids.indices
            where (queryCharacters & ~names.characters[entity]).nonzeroBitCount <= allowedEdits
                && (wantPerson == nil || names.isPerson[entity] == wantPerson) && !found.contains(names.ids[entity]) {
                for index in Int(names.firstWord[entity])..<Int(names.endWord[entity]) {
                    let word = Int(names.entityWords[index])
                    if verdicts[word] == 0 {
                        let text = UnsafeBufferPointer(rebasing: words[Int(names.wordStart[word])..<Int(names.wordEnd[word])])
                        verdicts[word] = wordMatches(text, query, allowedEdits, &rows) ? 1 : 2
                    }
                    if verdicts[word] == 1 {
                        results.append(names.ids[entity])
                        break
                    }
                }
                if results.count >= limit { break }
            }
        }
        return results
    }

    static func hasPrefix(_ form: UnsafeBufferPointer<UInt8>, _ query: UnsafeBufferPointer<UInt8>) -> Bool {
        guard form.count >= query.count else { return false }
        for index in 0..<query.count where form[index] != query[index] { return false }
        return true
    }

    /// Whether a word after the first starts with the query.
    static func containsWordPrefix(_ form: UnsafeBufferPointer<UInt8>, _ query: UnsafeBufferPointer<UInt8>) -> Bool {
        guard form.count > query.count else { return false }
        var index = 0
        while index < form.count - query.count {
            if form[index] == 0x20 {
                var matches = true
                for offset in 0..<query.count where form[index + 1 + offset] != query[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
            index += 1
        }
        return false
    }

    static func contains(_ form: UnsafeBufferPointer<UInt8>, _ query: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// Scratch rows for the edit distance, allocated once per search rather than per word.
    struct EditRows {
        var beforePrevious: [Int]
        var previous: [Int]
        var current: [Int]

        init(length: Int) {
            beforePrevious = Array(repeating: 0, count: length + 1)
            previous = Array(repeating: 0, count: length + 1)
            current = Array(repeating: 0, count: length + 1)
        }
    }

    /// Whether a word, or its beginning as long as the query, is within `maxEdits` of the query.
    static func wordMatches(_ word: UnsafeBufferPointer<UInt8>, _ query: [UInt8], _ maxEdits: Int, _ rows: inout EditRows) -> Bool {
        guard let head = word.first else { return false }
        // A typo rarely hits both of the first two letters; this skips most words cheaply.
        guard head == query[0] || (query.count > 1 && head == query[1]) else { return false }
        let length = min(word.count, query.count + maxEdits)
        if length + maxEdits < query.count { return false }
        if boundedEditDistance(UnsafeBufferPointer(rebasing: word[0..<length]), query, maxEdits, &rows) <= maxEdits {
            return true
        }
        return length > query.count
            && boundedEditDistance(UnsafeBufferPointer(rebasing: word[0..<query.count]), query, maxEdits, &rows) <= maxEdits
    }

    static func boundedEditDistance(_ a: [UInt8], _ b: [UInt8], _ bound: Int) -> Int {
        var rows = EditRows(length: b.count)
        return a.withUnsafeBufferPointer { boundedEditDistance($0, b, bound, &rows) }
    }

    /// Optimal-string-alignment distance (a swap of neighbours is one edit, the commonest typo),
    /// giving up once every cell of a row exceeds `bound`.
    static func boundedEditDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8], _ bound: Int, _ rows: inout EditRows) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let base = 0
        for j in 0...b.count { rows.previous[j] = j }
        for i in 1...a.count {
            rows.current[0] = i
            var rowMin = i
            let ai = a[base + i - 1]
            for j in 1...b.count {
                let cost = ai == b[j - 1] ? 0 : 1
                var value = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, ai == b[j - 2], a[base + i - 2] == b[j - 1] {
                    value = min(value, rows.beforePrevious[j - 2] + 1)
                }
                rows.current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > bound { return bound + 1 }
            swap(&rows.beforePrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count]
    }
}
