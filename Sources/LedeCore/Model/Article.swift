import Foundation

/// A span of text counted in Unicode scalars, end exclusive.
///
/// Every offset lede reports (highlights, mentions, sentences) is in this unit,
/// because that is what the JSON contract promises and what other tools index by.
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }
}

/// What a highlight in a bullet marks; the TUI colours each kind from the theme.
public enum HighlightKind: String, Sendable, Codable, CaseIterable {
    case person, organization, number, term
}

/// A highlighted range inside one bullet's text.
public struct Highlight: Hashable, Sendable, Codable {
    public var start: Int
    public var end: Int
    public var kind: HighlightKind
    /// The canonical entity name for person/organization highlights, nil otherwise.
    public var entity: String?

    public init(start: Int, end: Int, kind: HighlightKind, entity: String? = nil) {
        self.start = start
        self.end = end
        self.kind = kind
        self.entity = entity
    }
}

/// One summary point: a sentence from the article (or an author's key point).
public struct Bullet: Hashable, Sendable, Codable {
    public var text: String
    public var highlights: [Highlight]

    public init(text: String, highlights: [Highlight] = []) {
        self.text = text
        self.highlights = highlights
    }
}

public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case person, organization
}

/// One occurrence of an entity in an article body.
public struct Mention: Hashable, Sendable, Codable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    public var span: TextSpan { TextSpan(start: start, end: end) }
}

/// A person or organization as found in one article, its aliases resolved in-document.
public struct DocumentEntity: Hashable, Sendable, Codable {
    /// The fullest form used in the article ("Elon Musk", not "Musk").
    public var name: String
    public var kind: EntityKind
    /// Other surface forms in this article that refer to it ("Musk", "Musk's").
    public var aliases: [String]
    public var mentions: [Mention]

    public init(name: String, kind: EntityKind, aliases: [String] = [], mentions: [Mention] = []) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.mentions = mentions
    }
}

/// A relation between two entities stated in one sentence of an article.
public struct EntityLinkEvidence: Hashable, Sendable, Codable {
    public var source: String
    public var target: String
    /// The phrase that states the relation ("cofounder of", "owned by"), when one does.
    public var label: String?
    public var sentence: String

    public init(source: String, target: String, label: String? = nil, sentence: String) {
        self.source = source
        self.target = target
        self.label = label
        self.sentence = sentence
    }
}

/// A document after parsing: metadata and clean body, before analysis.
public struct ParsedDocument: Hashable, Sendable {
    public var title: String
    public var byline: String?
    public var published: Date?
    /// Where it came from: a file path or URL.
    public var source: String
    /// The canonical link of the article, when it has one (feeds, web pages).
    public var link: String?
    public var feed: String?
    /// Cleaned article text, paragraphs separated by blank lines.
    public var body: String
    /// Points the author wrote as a summary ("•" bullets under the headline).
    public var keyPoints: [String]

    public init(title: String, byline: String? = nil, published: Date? = nil, source: String,
                link: String? = nil, feed: String? = nil, body: String, keyPoints: [String] = []) {
        self.title = title
        self.byline = byline
        self.published = published
        self.source = source
        self.link = link
        self.feed = feed
        self.body = body
        self.keyPoints = keyPoints
    }
}

/// A document after the whole pipeline: what is stored and what `extract` prints.
public struct ProcessedArticle: Hashable, Sendable {
    public var document: ParsedDocument
    public var sentences: [TextSpan]
    public var bullets: [Bullet]
    public var entities: [DocumentEntity]
    public var links: [EntityLinkEvidence]
    /// Lower-cased content terms with their counts, for library-wide tf-idf.
    public var termCounts: [String: Int]

    public init(document: ParsedDocument, sentences: [TextSpan] = [], bullets: [Bullet] = [],
                entities: [DocumentEntity] = [], links: [EntityLinkEvidence] = [], termCounts: [String: Int] = [:]) {
        self.document = document
        self.sentences = sentences
        self.bullets = bullets
        self.entities = entities
        self.links = links
        self.termCounts = termCounts
    }
}
