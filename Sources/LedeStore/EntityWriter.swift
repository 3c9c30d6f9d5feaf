import Foundation
import GRDB
import LedeCore

/// Joins an article's entities to the library's, conservatively.
///
/// A full name joins the entity of the same kind and name. A single name ("Musk")
/// joins a fuller entity only when the library supports it: exactly one entity of
/// that kind is known by that name, and this article shares a linked entity with it
/// or the name was seen resolving to it before. Otherwise it stays its own entity,
/// because a lone "Johnson" could be anyone.
struct EntityWriter {
    let db: Database

    static func normalize(_ name: String) -> String {
        var text = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        text = text.replacingOccurrences(of: "\u{2019}", with: "'")
        if text.hasSuffix("'s") { text.removeLast(2) } else if text.hasSuffix("'") { text.removeLast() }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "&" })
        return words.joined(separator: " ")
    }

    func write(entities: [DocumentEntity], links: [EntityLinkEvidence], articleID: Int64) throws {
        var idByName: [String: Int64] = [:]
        var touched: [Int64] = []
        let coMentioned = Set(entities.map { Self.normalize($0.name) })
        for entity in entities {
            let id = try resolve(entity, coMentioned: coMentioned)
            idByName[entity.name] = id
            for alias in entity.aliases { idByName[alias] = idByName[alias] ?? id }
            touched.append(id)
            for form in [entity.name] + entity.aliases {
                let normalized = Self.normalize(form)
                guard !normalized.isEmpty else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO entityAlias (entityId, alias, normalizedAlias) VALUES (?, ?, ?)",
                               arguments: [id, form, normalized])
            }
            let insert = try db.cachedStatement(sql: "INSERT INTO mention (articleId, entityId, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
            for mention in entity.mentions {
                try insert.execute(arguments: [articleID, id, mention.start, mention.end, mention.text])
            }
        }
        try refreshCounts(of: touched)
        for link in links {
            guard let a = idByName[link.source], let b = idByName[link.target], a != b else { continue }
            let (low, high) = a < b ? (a, b) : (b, a)
            try db.execute(sql: """
                INSERT INTO entityLink (sourceId, targetId, label) VALUES (?, ?, ?)
                ON CONFLICT(sourceId, targetId) DO UPDATE SET label = COALESCE(entityLink.label, excluded.label)
                """, arguments: [low, high, link.label])
            let linkID = try Int64.fetchOne(db, sql: "SELECT id FROM entityLink WHERE sourceId = ? AND targetId = ?", arguments: [low, high])
            try db.execute(sql: "INSERT INTO linkEvidence (linkId, articleId, sentence, label) VALUES (?, ?, ?, ?)",
                           arguments: [linkID, articleID, link.sentence, link.label])
        }
    }

    private func resolve(_ entity: DocumentEntity, coMentioned: Set<String>) throws -> Int64 {
        let normalized = Self.normalize(entity.name)
        let kind = entity.kind.rawValue
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM entity WHERE kind = ? AND normalizedName = ?", arguments: [kind, normalized]) {
            return id
        }
        if !normalized.contains(" "), let id = try supportedFullerEntity(for: normalized, kind: kind, coMentioned: coMentioned) {
            return id
        }
        try db.execute(sql: "INSERT INTO entity (name, kind, normalizedName) VALUES (?, ?, ?)",
                       arguments: [entity.name, kind, normalized])
        return db.lastInsertedRowID
    }

    private func supportedFullerEntity(for single: String, kind: String, coMentioned: Set<String>) throws -> Int64? {
        let candidates = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.id FROM entity e LEFT JOIN entityAlias a ON a.entityId = e.id
            WHERE e.kind = ? AND e.normalizedName != ? AND (a.normalizedAlias = ? OR e.normalizedName LIKE ?)
            """, arguments: [kind, single, single, "% " + single])
        guard candidates.count == 1, let candidate = candidates.first else { return nil }
        let seenAsAlias = try Int.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT m.articleId) FROM mention m WHERE m.entityId = ? AND lower(m.text) IN (?, ?)
            """, arguments: [candidate, single, single + "'s"]) ?? 0
        let neighbours = try String.fetchAll(db, sql: """
            SELECT e.normalizedName FROM entityLink l JOIN entity e ON e.id = CASE WHEN l.sourceId = ? THEN l.targetId ELSE l.sourceId END
            WHERE l.sourceId = ? OR l.targetId = ?
            """, arguments: [candidate, candidate, candidate])
        let sharesContext = neighbours.contains(where: coMentioned.contains)
        return sharesContext || seenAsAlias >= 2 ? candidate : nil
    }

    func refreshCounts(of ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        let list = Set(ids).map(String.init).joined(separator: ",")
        try db.execute(sql: """
            UPDATE entity SET
              mentionCount = (SELECT COUNT(*) FROM mention WHERE entityId = entity.id),
              articleCount = (SELECT COUNT(DISTINCT articleId) FROM mention WHERE entityId = entity.id)
            WHERE id IN (\(list));
            DELETE FROM entity WHERE id IN (\(list)) AND mentionCount = 0;
            """)
    }
}
