import Foundation
import LedeCore
import LedeStore
import LedeTUI

/// Fetches subscriptions concurrently and stores what is new, one feed's failure never
/// stopping the others.
struct FeedRefresher: Sendable {
    let library: Library?
    var fetcher = FeedFetcher()
    var concurrency = 8
    /// The reader's settings: `full-text-feeds` there completes teasers like a feed added with --full.
    var config = Config()

    enum Outcome: Sendable {
        case stored(added: Int, updated: Int)
        case notModified
        case failed(String)
    }

    struct Result: Sendable {
        var feed: FeedRow
        var outcome: Outcome

        var line: String {
            let name = TextSanitizer.singleLine(feed.title ?? feed.url)
            switch outcome {
            case let .stored(added, updated):
                return "\(name): \(added) new" + (updated > 0 ? ", \(updated) updated" : "")
            case .notModified: return "\(name): not modified"
            case let .failed(reason): return "\(name): error: \(reason)"
            }
        }
    }

    /// Source URL for a command-line argument: http(s) and file URLs as given, paths as file URLs.
    static func url(for argument: String) throws -> URL {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") {
            guard let url = URL(string: argument) else { throw CLIError("\(argument): not a valid URL") }
            return url
        }
        if lower.contains("://") { throw CLIError("\(argument): only http, https and file sources are read") }
        guard FileManager.default.fileExists(atPath: argument) else { throw CLIError("\(argument): no such file") }
        return URL(fileURLWithPath: argument).standardizedFileURL
    }

    /// Fetches one source's bytes (no validators): for `add URL`, `feeds add` and `feeds inspect`.
    func download(_ url: URL) async throws -> (data: Data, url: URL, validators: FetchValidators) {
        do {
            switch try await fetcher.fetch(url) {
            case let .fetched(data, finalURL, _, validators): return (data, finalURL, validators)
            case .notModified: throw CLIError("\(url.absoluteString): the server answered 304 to an unconditional request")
            }
        } catch let error as FetchError {
            throw CLIError("\(url.absoluteString): \(error)")
        }
    }

    /// Refreshes every subscription from a thread that is not async (the TUI's background
    /// thread) and sums the result up in one line.
    func refreshSynchronously(progress: @escaping @Sendable (_ message: String, _ newArticles: Bool) -> Void = { _, _ in }) -> String {
        guard let library, let feeds = try? library.feeds(), !feeds.isEmpty else { return "no feeds to refresh" }
        let summary = Summary()
        let done = DispatchSemaphore(value: 0)
        Task {
            // Both phases commit often and fill the log: its checkpoints run beside the writer.
            let checkpoints = library.checkpointInBackground()
            defer { checkpoints?.finish() }
            let results = await refresh(feeds) { _, finished in progress("fetched \(finished)/\(feeds.count) feeds", false) }
            var line = Self.summary(of: results, feeds: feeds.count)
            // The new items are in the list now; their bullets and entities follow.
            progress(line + "; analysing…", true)
            if let failure = analysePending(progress: { analysed, total in
                progress("\(line); analysing \(analysed)/\(total)", false)
            }) { line += "; \(failure)" }
            summary.set(line)
            done.signal()
        }
        done.wait()
        return summary.value
    }

    /// The second phase of a refresh: analyses every article still pending, this refresh's
    /// and any an interrupted run left, oldest first. Returns why it stopped, if it failed.
    @discardableResult
    func analysePending(progress: (Int, Int) -> Void = { _, _ in }) -> String? {
        guard let library else { return nil }
        do {
            let report = try PendingAnalyzer(library: library).run(progress: progress)
            return report.failed > 0 ? "\(report.failed) articles could not be analysed" : nil
        } catch {
            return "analysis stopped: \(error)"
        }
    }

    static func summary(of results: [Result], feeds: Int) -> String {
        var added = 0, notModified = 0, failed = 0
        for result in results {
            switch result.outcome {
            case let .stored(new, _): added += new
            case .notModified: notModified += 1
            case .failed: failed += 1
            }
        }
        return "refreshed \(feeds) feeds: \(added) new articles, \(notModified) not modified, \(failed) failed"
    }

    /// Refreshes every feed given; `report` is called as each one finishes, in the order given.
    ///
    /// Fetching, parsing and storing overlap: fetches run concurrently, each body is parsed as soon
    /// as it arrives (on every core), and the single writer stores the feeds in order, each as soon
    /// as it is parsed, while the ones after it are still being parsed.
    func refresh(_ feeds: [FeedRow], report: @Sendable (Result, Int) -> Void) async -> [Result] {
        let fetcher = self.fetcher
        let stages = FeedStages(count: feeds.count)
        // As many feeds at once as there are cores, lowest first: parsing is most of the work and
        // has serial stretches (libxml2 reads one document on one thread), so a second feed keeps
        // the cores busy, while the single writer follows the parse of the feeds in order.
        let parsing = ParseLanes(width: max(1, ProcessInfo.processInfo.activeProcessorCount))
        @Sendable func fetch(_ index: Int) async -> (Int, Swift.Result<FetchResult, FetchError>) {
            let feed = feeds[index]
            guard let url = URL(string: feed.url) else { return (index, .failure(.unsupportedScheme(feed.url))) }
            let validators = FetchValidators(etag: feed.etag, lastModified: feed.lastModified)
            do throws(FetchError) {
                return (index, .success(try await fetcher.fetch(url, validators: validators)))
            } catch {
                return (index, .failure(error))
            }
        }
        @Sendable func arrived(_ index: Int, _ result: Swift.Result<FetchResult, FetchError>) {
            guard case let .success(.fetched(data, finalURL, _, validators)) = result else {
                stages.set(index, .fetched(result))
                return
            }
            let feedURL = feeds[index].url
            parsing.run(index) {
                do throws(FeedError) {
                    let feed = try FeedParser.parse(data, url: finalURL)
                    // The writer's keys (body hash, dates) too, so the single writer only writes.
                    let documents = ParallelMap.map(feed.items) { PendingDocument($0.document(in: feed, feedURL: feedURL).sanitized()) }
                    stages.set(index, .parsed(.success((feed, documents)), validators))
                } catch {
                    stages.set(index, .parsed(.failure(error), validators))
                }
            }
        }
        let concurrency = self.concurrency
        let fetching = Task {
            await withTaskGroup(of: (Int, Swift.Result<FetchResult, FetchError>).self) { group in
                var next = 0
                while next < min(concurrency, feeds.count) {
                    let index = next
                    group.addTask { await fetch(index) }
                    next += 1
                }
                for await (index, result) in group {
                    arrived(index, result)
                    if next < feeds.count {
                        let index = next
                        group.addTask { await fetch(index) }
                        next += 1
                    }
                }
            }
        }
        // Storing stays in order, one feed at a time, as SQLite has one writer.
        var results: [Result] = []
        for (index, feed) in feeds.enumerated() {
            let outcome: Outcome
            switch await stages.value(index) {
            case let .parsed(parsed, validators):
                outcome = await store(parsed, feed: feed, validators: validators)
            case .fetched(.success(.notModified)):
                try? library?.recordFetch(feedID: feed.id, etag: nil, lastModified: nil, error: nil)
                outcome = .notModified
            case let .fetched(.failure(error)):
                try? library?.recordFetch(feedID: feed.id, etag: nil, lastModified: nil, error: error.description)
                outcome = .failed(error.description)
            case .fetched(.success(.fetched)):
                outcome = .failed("not parsed")
            }
            let result = Result(feed: feed, outcome: outcome)
            report(result, index + 1)
            results.append(result)
        }
        await fetching.value
        return results
    }

    private func store(_ result: Swift.Result<(Feed, [PendingDocument]), FeedError>, feed row: FeedRow,
                       validators: FetchValidators) async -> Outcome {
        guard let library else { return .failed("no library") }
        let parsed: Feed
        var documents: [PendingDocument]
        switch result {
        case let .success((feed, items)):
            (parsed, documents) = (feed, items)
        case let .failure(error):
            try? library.recordFetch(feedID: row.id, etag: nil, lastModified: nil, error: error.description)
            return .failed(error.description)
        }
        if row.fetchFullText || config.wantsFullText(feedURL: row.url) {
            // Stored items were completed when they arrived: their teaser must not replace that text,
            // and their pages need not be fetched again.
            let known = (try? library.storedURLs(among: documents.compactMap(\.document.link))) ?? []
            let unknown = documents.map(\.document).filter { $0.link.map { !known.contains($0) } ?? true }
            documents = await completingTeasers(unknown).map(PendingDocument.init)
        }
        // Items are stored at once, pending analysis (one transaction for the feed); the analysis
        // runs after every feed is stored, on every core (`analysePending`).
        var added = 0, updated = 0, failures: [String] = []
        do {
            for result in try library.storePending(documents, feedID: row.id) {
                switch result {
                case .success(.added): added += 1
                case .success(.updated): updated += 1
                case .success(.unchanged): break
                case let .failure(error): failures.append("\(error)")
                }
            }
        } catch {
            failures = Array(repeating: "\(error)", count: documents.count)
        }
        let error = failures.isEmpty ? nil : "\(failures.count) items not stored: \(failures[0])"
        try? library.recordFetch(feedID: row.id, title: parsed.title.isEmpty ? nil : TextSanitizer.singleLine(parsed.title),
                                 siteLink: parsed.link, etag: validators.etag, lastModified: validators.lastModified, error: error)
        return .stored(added: added, updated: updated)
    }

    /// Items that carry only a teaser get their body from the page they link to.
    func completingTeasers(_ documents: [ParsedDocument]) async -> [ParsedDocument] {
        var completed = documents
        for (index, document) in documents.enumerated() {
            let words = document.body.split(whereSeparator: \.isWhitespace).count
            guard words < 120, let link = document.link, let url = URL(string: link),
                  url.scheme == "http" || url.scheme == "https" else { continue }
            guard case let .fetched(data, finalURL, _, _)? = try? await fetcher.fetch(url),
                  let page = try? ArticleExtractor.extract(data, url: finalURL, source: link).sanitized(),
                  page.body.split(whereSeparator: \.isWhitespace).count > words else { continue }
            completed[index].body = page.body
            if completed[index].byline == nil { completed[index].byline = page.byline }
            if completed[index].published == nil { completed[index].published = page.published }
        }
        return completed
    }
}

/// Where each feed of a refresh has got to: fetched without a body to parse (not modified, or
/// failed), or parsed. The writer waits for each feed in turn; workers fill them in any order.
private final class FeedStages: @unchecked Sendable {
    enum Stage {
        case fetched(Swift.Result<FetchResult, FetchError>)
        case parsed(Swift.Result<(Feed, [PendingDocument]), FeedError>, FetchValidators)
    }

    private let lock = NSLock()
    private var slots: [Stage?]
    private var waiting: [Int: CheckedContinuation<Stage, Never>] = [:]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ stage: Stage) {
        lock.lock()
        if let waiter = waiting.removeValue(forKey: index) {
            lock.unlock()
            waiter.resume(returning: stage)
            return
        }
        slots[index] = stage
        lock.unlock()
    }

    /// The feed's stage once it has one; taken out, so its documents are freed once stored.
    func value(_ index: Int) async -> Stage {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let stage = slots[index] {
                slots[index] = nil
                lock.unlock()
                continuation.resume(returning: stage)
            } else {
                waiting[index] = continuation
                lock.unlock()
            }
        }
    }
}

/// Runs parse jobs on dispatch's threads, at most `width` at once (each parse spreads its items
/// over the cores too), lowest feed first: the writer stores feeds in order and waits for the
/// next one, so a later feed parsed first would leave it idle.
private final class ParseLanes: @unchecked Sendable {
    private let lock = NSLock()
    private let width: Int
    private var running = 0
    private var jobs: [Int: @Sendable () -> Void] = [:]

    init(width: Int) { self.width = width }

    func run(_ index: Int, _ job: @escaping @Sendable () -> Void) {
        lock.lock()
        jobs[index] = job
        guard running < width else { lock.unlock(); return }
        running += 1
        lock.unlock()
        DispatchQueue.global().async { self.drain() }
    }

    private func drain() {
        while true {
            lock.lock()
            guard let next = jobs.keys.min(), let job = jobs.removeValue(forKey: next) else {
                running -= 1
                lock.unlock()
                return
            }
            lock.unlock()
            job()
        }
    }
}

/// The result handed from the refresh task back to the thread that waits for it.
private final class Summary: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}
