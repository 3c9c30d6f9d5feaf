import Dispatch
import Foundation
import LedeCore

/// Runs the pipeline on many documents using every core, and stores them in order.
///
/// Analysis (sentences, entities, summary) is pure and dominates the cost, so it runs
/// in parallel a chunk at a time; the writes stay sequential, one transaction per
/// chunk (an article that fails is rolled back alone), as SQLite has one writer anyway.
public struct BatchIngester: Sendable {
    public let library: Library
    public let pipeline: Pipeline
    public var chunkSize = 64

    public init(library: Library, pipeline: Pipeline = Pipeline()) {
        self.library = library
        self.pipeline = pipeline
    }

    /// What became of one source: the outcome of each of its documents, or why it could not be read.
    public enum SourceResult: Sendable {
        case stored([IngestOutcome])
        case failed(any Error)
    }

    /// Ingests `count` sources, each read into documents by `read(index)` (a feed is many);
    /// `progress(done)` is called after each chunk. Articles from a feed carry `feedID`.
    public func ingest(count: Int, feedID: Int64? = nil, read: @Sendable (Int) throws -> [ParsedDocument],
                       progress: (Int) -> Void = { _ in }) -> [SourceResult] {
        var results: [SourceResult] = []
        results.reserveCapacity(count)
        var terms = (try? library.termStatistics()) ?? TermStatisticsSnapshot(documentCount: 0, frequencies: [:])
        // The next chunk is analysed while this one is written, on the cores the single writer
        // leaves idle; it weighs key terms without the chunk being written (a one-chunk lag).
        // Every background analysis is waited for before this function returns.
        withoutActuallyEscaping(read) { read in
            var start = 0
            var analysed = count > 0 ? analyse(range: 0..<min(count, chunkSize), read: read, terms: terms) : []
            while start < count {
                let end = min(count, start + chunkSize)
                let ahead = AheadSlot<[Result<[PreparedArticle], any Error>]>([])
                let group = DispatchGroup()
                if end < count {
                    let snapshot = terms
                    let next = end..<min(count, end + chunkSize)
                    DispatchQueue.global().async(group: group) { ahead.value = self.analyse(range: next, read: read, terms: snapshot) }
                }
                // One transaction per chunk: a failing article is rolled back alone, and the chunk
                // costs one commit instead of one per article.
                var flattened: [PreparedArticle] = []
                for case let .success(articles) in analysed { flattened += articles }
                let stored: [Result<IngestOutcome, any Error>]
                do {
                    stored = try library.ingest(prepared: flattened, feedID: feedID)
                } catch {
                    stored = Array(repeating: .failure(error), count: flattened.count)
                }
                var next = 0
                for item in analysed {
                    switch item {
                    case let .success(articles):
                        var outcomes: [IngestOutcome] = []
                        var failure: (any Error)?
                        for article in articles {
                            switch stored[next] {
                            case let .success(outcome):
                                if case .added = outcome { terms.add(article.article) }
                                outcomes.append(outcome)
                            case let .failure(error):
                                failure = failure ?? error
                            }
                            next += 1
                        }
                        if let failure { results.append(.failed(failure)) } else { results.append(.stored(outcomes)) }
                    case let .failure(error):
                        results.append(.failed(error))
                    }
                }
                group.wait()
                analysed = ahead.value
                start = end
                progress(start)
            }
        }
        return results
    }

    private func analyse(range: Range<Int>, read: @Sendable (Int) throws -> [ParsedDocument],
                         terms: TermStatisticsSnapshot) -> [Result<[PreparedArticle], any Error>] {
        let slots = ParallelSlots<Result<[PreparedArticle], any Error>>(count: range.count, empty: .failure(CancellationError()))
        let pipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: range.count) { offset in
            let result = Result { try read(range.lowerBound + offset).map { PreparedArticle(pipeline.process($0, terms: terms)) } }
            slots.set(offset, result)
        }
        return slots.values
    }

    /// Ingests documents already read (one source each), e.g. the items of a fetched feed.
    public func ingest(documents: [ParsedDocument], feedID: Int64? = nil) -> [SourceResult] {
        ingest(count: documents.count, feedID: feedID, read: { [documents[$0]] })
    }
}
