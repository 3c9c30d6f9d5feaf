import Foundation
import LedeCore
import LedeStore

/// The JSON shapes of DESIGN.md, in one place so every command prints the same contract.
enum ArticleJSON {
    static func date(_ date: Date?) -> JSONValue {
        date.map { .string($0.formatted(.iso8601)) } ?? .null
    }

    static func bullets(_ bullets: [Bullet]) -> JSONValue {
        .array(bullets.map { bullet in
            .object([
                ("text", .string(bullet.text)),
                ("highlights", .array(bullet.highlights.map { highlight in
                    .object([
                        ("start", .int(highlight.start)), ("end", .int(highlight.end)),
                        ("kind", .string(highlight.kind.rawValue)), ("entity", .optional(highlight.entity)),
                    ])
                })),
            ])
        })
    }

    static func entity(name: String, kind: EntityKind, aliases: [String], mentions: [Mention]) -> JSONValue {
        .object([
            ("name", .string(name)), ("kind", .string(kind.rawValue)),
            ("aliases", .array(aliases.map(JSONValue.string))),
            ("mentions", .array(mentions.map { .object([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text))]) })),
        ])
    }

    /// `extract`: the pipeline's result, stored nowhere, so `id` is null.
    static func extracted(_ article: ProcessedArticle) -> JSONValue {
        let document = article.document
        return .object([
            ("id", .null), ("title", .string(document.title)), ("byline", .optional(document.byline)),
            ("source", .string(document.source)), ("published", date(document.published)), ("feed", .optional(document.feed)),
            ("body", .string(document.body)), ("bullets", bullets(article.bullets)),
            ("entities", .array(article.entities.map { entity(name: $0.name, kind: $0.kind, aliases: $0.aliases, mentions: $0.mentions) })),
        ])
    }

    static func stored(_ article: StoredArticle) -> JSONValue {
        let row = article.row
        return .object([
            ("id", .int(row.id)), ("title", .string(row.title)), ("byline", .optional(row.byline)),
            ("source", .string(row.source)), ("published", date(row.published)), ("feed", .optional(row.feed)),
            ("body", .string(article.body)), ("bullets", bullets(article.bullets)),
            ("entities", .array(article.entities.map { entity(name: $0.name, kind: $0.kind, aliases: $0.aliases, mentions: $0.mentions) })),
        ])
    }

    static func listItem(_ row: ArticleRow) -> JSONValue {
        .object([
            ("id", .int(row.id)), ("title", .string(row.title)), ("byline", .optional(row.byline)),
            ("source", .string(row.source)), ("published", date(row.published)), ("snippet", .string(row.snippet)),
        ])
    }

    static func entityRow(_ row: EntityRow) -> JSONValue {
        .object([
            ("id", .int(row.id)), ("name", .string(row.name)), ("kind", .string(row.kind.rawValue)),
            ("aliases", .array(row.aliases.map(JSONValue.string))),
            ("articles", .int(row.articleCount)), ("mentions", .int(row.mentionCount)),
        ])
    }

    static func profile(_ profile: EntityProfile) -> JSONValue {
        let entity = profile.entity
        return .object([
            ("id", .int(entity.id)), ("name", .string(entity.name)), ("kind", .string(entity.kind.rawValue)),
            ("aliases", .array(entity.aliases.map(JSONValue.string))),
            ("articles", .array(profile.articles.map { .object([("id", .int($0.id)), ("title", .string($0.title))]) })),
            ("linked", .array(profile.linked.map { link in
                var fields: [(String, JSONValue)] = [
                    ("name", .string(link.name)), ("kind", .string(link.kind.rawValue)), ("weight", .int(link.weight)),
                ]
                if let label = link.label { fields.append(("label", .string(label))) }
                fields.append(("evidence", .array(link.evidence.map(JSONValue.string))))
                return .object(fields)
            })),
        ])
    }
}
