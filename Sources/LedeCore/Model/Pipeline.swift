import Foundation

/// Library-wide term statistics that key-term highlighting weighs against.
///
/// The store keeps them current as articles arrive; `extract` without a library
/// uses `BackgroundTermStatistics`, which knows nothing and so favours nothing.
public protocol TermStatistics: Sendable {
    var documentCount: Int { get }
    func documentFrequency(of term: String) -> Int
}

public struct BackgroundTermStatistics: TermStatistics {
    public init() {}
    public var documentCount: Int { 0 }
    public func documentFrequency(of term: String) -> Int { 0 }
}

/// A snapshot of term statistics, e.g. loaded from the store before a batch.
public struct TermStatisticsSnapshot: TermStatistics {
    public var documentCount: Int
    public var frequencies: [String: Int]

    public init(documentCount: Int, frequencies: [String: Int]) {
        self.documentCount = documentCount
        self.frequencies = frequencies
    }

    public func documentFrequency(of term: String) -> Int { frequencies[term] ?? 0 }

    /// Counts one newly stored article, so later analyses in the same run weigh its terms.
    public mutating func add(_ article: ProcessedArticle) {
        documentCount += 1
        for term in article.termCounts.keys { frequencies[term, default: 0] += 1 }
    }
}

/// Runs every analysis stage on a parsed document.
///
/// The stages are values so that benchmarks and the evaluator can time or swap
/// each one; the defaults are what the command line uses.
public struct Pipeline: Sendable {
    public var splitter: SentenceSplitter
    public var recognizer: EntityRecognizer
    public var summarizer: Summarizer

    public init(splitter: SentenceSplitter = SentenceSplitter(),
                recognizer: EntityRecognizer = .shared,
                summarizer: Summarizer = Summarizer()) {
        self.splitter = splitter
        self.recognizer = recognizer
        self.summarizer = summarizer
    }

    public func process(_ document: ParsedDocument, terms: any TermStatistics = BackgroundTermStatistics()) -> ProcessedArticle {
        let sentences = splitter.sentences(in: document.body)
        let recognized = recognizer.recognize(body: document.body, sentences: sentences, byline: document.byline)
        let bullets = summarizer.bullets(for: document, sentences: sentences, entities: recognized.entities, terms: terms)
        return ProcessedArticle(
            document: document,
            sentences: sentences,
            bullets: bullets,
            entities: recognized.entities,
            links: recognized.links,
            termCounts: TermCounter.counts(in: document.title + "\n" + document.body))
    }
}
