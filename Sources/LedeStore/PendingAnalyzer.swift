import Dispatch
import Foundation
import LedeCore

/// Finishes the analysis of articles stored pending (feed items): sentences, entities,
/// bullets, term statistics and the search index.
///
/// Any process that opens the library may run it. Articles are analysed a chunk at a time on
/// every core and written a chunk per transaction, each article failing alone, so an
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
    ///
    /// The next chunk is analysed while the current one is written, so the cores the single
    /// writer leaves idle keep working; that chunk weighs key terms without the one being
    /// written, a lag of one chunk in statistics over the whole library.
    @discardableResult
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        let total = try library.pendingAnalysisCount()
        guard total > 0 else { return report }
        var terms = try library.termStatistics()
        var chunk = try library.pendingArticles(after: 0, limit: chunkSize)
        var analysed = analyse(chunk, terms: terms)
        var done = 0
        while let last = chunk.last {
            let next = try library.pendingArticles(after: last.id, limit: chunkSize)
            let ahead = AheadSlot<[PreparedArticle?]>([])
            let group = DispatchGroup()
            if !next.isEmpty {
                let snapshot = terms
                DispatchQueue.global().async(group: group) { ahead.value = self.analyse(next, terms: snapshot) }
            }
            let written = Result { try write(chunk, analysed, terms: &terms, report: &report) }
            group.wait()
            try written.get()
            done += chunk.count
            progress(done, max(total, done))
            chunk = next
            analysed = ahead.value
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
        try write(chunk, analyse(chunk, terms: terms), terms: &terms, report: &report)
        return report
    }

    private func analyse(_ chunk: [Library.PendingArticle], terms: TermStatisticsSnapshot) -> [PreparedArticle?] {
        let slots = ParallelSlots<PreparedArticle?>(count: chunk.count, empty: nil)
        let pipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
            slots.set(index, PreparedArticle(pipeline.process(chunk[index].document, terms: terms), forPendingArticle: true))
        }
        return slots.values
    }

    private func write(_ chunk: [Library.PendingArticle], _ articles: [PreparedArticle?], terms: inout TermStatisticsSnapshot,
                       report: inout Report) throws {
        let analyses = zip(chunk, articles).compactMap { pending, article in article.map { (pending: pending, article: $0) } }
        for (item, result) in zip(analyses, try library.completeAnalyses(prepared: analyses)) {
            switch result {
            case .success(true):
                report.analysed += 1
                terms.add(item.article.article)
            case .success(false): report.skipped += 1
            case .failure: report.failed += 1
            }
        }
    }
}
