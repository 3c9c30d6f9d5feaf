import Dispatch
import Foundation
import LedeCore

/// Finishes the analysis of articles stored pending (feed items): sentences, entities,
/// bullets, term statistics and the search index.
///
/// Any process that opens the library may run it. Articles are analysed a chunk at a time on
/// every core and written a chunk per transaction, each article in its own savepoint, so an
/// interrupted run leaves every article either pending or fully analysed, and the next run
/// picks up where it stopped.
public struct PendingAnalyzer: Sendable {
    public let library: Library
    public let pipeline: Pipeline
    public var chunkSize = 128

    public init(library: Library, pipeline: Pipeline = Pipeline()) {
        self.library = library
        self.pipeline = pipeline
    }

    public struct Report: Sendable, Equatable {
        /// Articles whose analysis this run wrote.
        public var analysed = 0
        /// Articles another process finished first, or whose body changed meanwhile.
        public var skipped = 0
        public var failed = 0
    }

    /// Analyses every pending article, oldest first; `progress(done, total)` after each chunk.
    @discardableResult
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        let total = try library.pendingAnalysisCount()
        guard total > 0 else { return report }
        var terms = try library.termStatistics()
        var after: Int64 = 0
        var done = 0
        while true {
            let chunk = try library.pendingArticles(after: after, limit: chunkSize)
            guard let last = chunk.last else { break }
            after = last.id
            try analyse(chunk, terms: &terms, report: &report)
            done += chunk.count
            progress(done, max(total, done))
        }
        return report
    }

    /// Analyses the given articles now if they are pending (e.g. the one `lede show` prints).
    @discardableResult
    public func run(ids: [Int64]) throws -> Report {
        var report = Report()
        let chunk = try library.pendingArticles(ids: ids)
        guard !chunk.isEmpty else { return report }
        var terms = try library.termStatistics()
        try analyse(chunk, terms: &terms, report: &report)
        return report
    }

    private func analyse(_ chunk: [Library.PendingArticle], terms: inout TermStatisticsSnapshot, report: inout Report) throws {
        let slots = AnalysisSlots(count: chunk.count)
        let pipeline = self.pipeline
        let snapshot = terms
        DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
            slots.set(index, pipeline.process(chunk[index].document, terms: snapshot))
        }
        let analyses = zip(chunk, slots.values).compactMap { pending, article in article.map { (pending: pending, article: $0) } }
        for (item, result) in zip(analyses, try library.completeAnalyses(analyses)) {
            switch result {
            case .success(true):
                report.analysed += 1
                terms.documentCount += 1
                for term in item.article.termCounts.keys { terms.frequencies[term, default: 0] += 1 }
            case .success(false): report.skipped += 1
            case .failure: report.failed += 1
            }
        }
    }
}

/// Analyses written by parallel workers, each to its own slot.
private final class AnalysisSlots: @unchecked Sendable {
    private var storage: [ProcessedArticle?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: ProcessedArticle) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [ProcessedArticle?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
