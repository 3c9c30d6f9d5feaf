import Foundation
import GRDB
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

    func write(entities: [DocumentEntity], links: [EntityLinkEvidence], articleID: Int64) throws {
        var idByName: [String: Int64] = [:]
        var counted: Set<Int64> = []
        let names = entities.map { Self.normalize($0.name) }
        for (entity, normalized) in zip(entities, names) {
            guard !normalized.isEmpty, !entity.mentions.isEmpty else { continue }
            let id = try resolve(entity, normalized: normalized, coMentioned: names)
            idByName[entity.name] = id
            for alias in entity.aliases where idByName[alias] == nil { idByName[alias] = id }
            var forms: [String: String] = [:]
            for form in [entity.name] + entity.aliases + entity.mentions.map(\.text) {
                let normalizedForm = Self.normalize(form)
                if !normalizedForm.isEmpty, forms[normalizedForm] == nil { forms[normalizedForm] = form }
            }
            for (normalizedForm, form) in forms {
                try db.cachedStatement(sql: """
                    INSERT INTO entityAlias (entityId, alias, normalizedAlias, articles) VALUES (?, ?, ?, 1)
                    ON CONFLICT(entityId, normalizedAlias) DO UPDATE SET articles = articles + 1
                    """).execute(arguments: [id, form, normalizedForm])
            }
            let insert = try db.cachedStatement(sql: "INSERT INTO mention (articleId, entityId, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
            for mention in entity.mentions {
                try insert.execute(arguments: [articleID, id, mention.start, mention.end, mention.text])
            }
            // Two names in one article may resolve to one entity; it is one more article for it, once.
            let newArticle = counted.insert(id).inserted ? 1 : 0
            try db.cachedStatement(sql: "UPDATE entity SET mentionCount = mentionCount + ?, articleCount = articleCount + ? WHERE id = ?")
                .execute(arguments: [entity.mentions.count, newArticle, id])
        }
        try write(links: links, idByName: idByName, articleID: articleID)
    }

    /// Evidence kept per link across the library; labelled sentences are preferred.
    static let evidencePerLink = 6
    /// Past this many names, a sentence is treated as a list rather than a statement of relations.
    static let namesPerStatement = 5

    private func write(links: [EntityLinkEvidence], idByName: [String: Int64], articleID: Int64) throws {
        // Group this article's sentences by entity pair first: one row per pair and article.
        var pairs: [PairKey: (label: String?, sentences: [EntityLinkEvidence])] = [:]
        var order: [PairKey] = []
        // A sentence that names many entities is a list ("Gates, Wozniak, Bosworth and …"), not a
        // statement about each pair in it; only its labelled pairs become links.
        var namesPerSentence: [String: Set<String>] = [:]
        for link in links {
            namesPerSentence[link.sentence, default: []].formUnion([link.source, link.target])
        }
        for link in links where link.label != nil || (namesPerSentence[link.sentence]?.count ?? 0) <= Self.namesPerStatement {
            guard let a = idByName[link.source], let b = idByName[link.target], a != b else { continue }
            let key = PairKey(low: min(a, b), high: max(a, b))
            if pairs[key] == nil { order.append(key) }
            pairs[key, default: (nil, [])].sentences.append(link)
            if pairs[key]?.label == nil { pairs[key]?.label = link.label }
        }
        var sentenceIDs: [String: Int64] = [:]
        for key in order {
            guard let pair = pairs[key] else { continue }
            let sentences = Set(pair.sentences.map(\.sentence)).count
            guard let linkID = try Int64.fetchOne(db.cachedStatement(sql: """
                INSERT INTO entityLink (sourceId, targetId, label, weight, articles) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT(sourceId, targetId) DO UPDATE SET label = COALESCE(entityLink.label, excluded.label),
                  weight = entityLink.weight + excluded.weight, articles = entityLink.articles + 1
                RETURNING id
                """), arguments: [key.low, key.high, pair.label, sentences]) else { continue }
            try db.cachedStatement(sql: "INSERT INTO linkArticle (linkId, articleId, sentences) VALUES (?, ?, ?)")
                .execute(arguments: [linkID, articleID, sentences])
            let kept = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM linkEvidence WHERE linkId = ?"),
                                        arguments: [linkID]) ?? 0
            guard kept < Self.evidencePerLink else { continue }
            let best = pair.sentences.first { $0.label != nil } ?? pair.sentences[0]
            let sentenceID: Int64
            if let known = sentenceIDs[best.sentence] {
                sentenceID = known
            } else {
                try db.cachedStatement(sql: "INSERT INTO evidenceSentence (articleId, text) VALUES (?, ?)")
                    .execute(arguments: [articleID, best.sentence])
                sentenceID = db.lastInsertedRowID
                sentenceIDs[best.sentence] = sentenceID
            }
            try db.cachedStatement(sql: "INSERT INTO linkEvidence (linkId, articleId, sentenceId, label) VALUES (?, ?, ?, ?)")
                .execute(arguments: [linkID, articleID, sentenceID, best.label])
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

    private func resolve(_ entity: DocumentEntity, normalized: String, coMentioned: [String]) throws -> Int64 {
        let kind = entity.kind.rawValue
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE kind = ? AND normalizedName = ?"),
                                       arguments: [kind, normalized]) {
            return id
        }
        if !normalized.contains(" "), let id = try supportedFullerEntity(for: normalized, kind: kind, coMentioned: coMentioned) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO entity (name, kind, normalizedName, lastWord) VALUES (?, ?, ?, ?)")
            .execute(arguments: [entity.name, kind, normalized, Self.lastWord(normalized)])
        return db.lastInsertedRowID
    }

    private func supportedFullerEntity(for single: String, kind: String, coMentioned: [String]) throws -> Int64? {
        let candidates = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM entity WHERE kind = ?1 AND lastWord = ?2 AND normalizedName != ?2
            UNION SELECT e.id FROM entityAlias a JOIN entity e ON e.id = a.entityId
            WHERE a.normalizedAlias = ?2 AND e.kind = ?1 AND e.normalizedName != ?2
            """), arguments: [kind, single]))
        guard candidates.count == 1, let candidate = candidates.first else { return nil }
        let aliasArticles = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT articles FROM entityAlias WHERE entityId = ? AND normalizedAlias = ?
            """), arguments: [candidate, single]) ?? 0
        if aliasArticles >= 2 { return candidate }
        for name in coMentioned where name != single {
            let linked = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM entity e JOIN entityLink l
                  ON (l.sourceId = e.id AND l.targetId = ?1) OR (l.targetId = e.id AND l.sourceId = ?1)
                  WHERE e.normalizedName = ?2)
                """), arguments: [candidate, name]) ?? false
            if linked { return candidate }
        }
        return nil
    }
}
