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

    /// Refreshes every feed given; `report` is called as each one finishes.
    func refresh(_ feeds: [FeedRow], report: @Sendable (Result, Int) -> Void) async -> [Result] {
        // Network first, in parallel; then parsing and storing, which use every core themselves.
        let fetcher = self.fetcher
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
        var fetched = [Swift.Result<FetchResult, FetchError>?](repeating: nil, count: feeds.count)
        await withTaskGroup(of: (Int, Swift.Result<FetchResult, FetchError>).self) { group in
            var next = 0
            while next < min(concurrency, feeds.count) {
                let index = next
                group.addTask { await fetch(index) }
                next += 1
            }
            for await (index, result) in group {
                fetched[index] = result
                if next < feeds.count {
                    let index = next
                    group.addTask { await fetch(index) }
                    next += 1
                }
            }
        }
        // Parsing is CPU work and feeds are independent: every feed at once, on every core.
        // Storing stays in order, one feed at a time, as SQLite has one writer.
        let bodies = fetched
        let parsed = ParsedFeeds(count: feeds.count)
        DispatchQueue.concurrentPerform(iterations: feeds.count) { index in
            guard case let .success(.fetched(data, finalURL, _, _))? = bodies[index] else { return }
            do throws(FeedError) {
                let feed = try FeedParser.parse(data, url: finalURL)
                let documents = feed.items.map { $0.document(in: feed, feedURL: feeds[index].url).sanitized() }
                parsed.set(index, .success((feed, documents)))
            } catch {
                parsed.set(index, .failure(error))
            }
        }
        var results: [Result] = []
        for (index, feed) in feeds.enumerated() {
            let outcome: Outcome
            switch fetched[index] {
            case let .success(.fetched(_, _, _, validators))?:
                outcome = await store(parsed.value(index), feed: feed, validators: validators)
            case .success(.notModified)?:
                try? library?.recordFetch(feedID: feed.id, etag: nil, lastModified: nil, error: nil)
                outcome = .notModified
            case let .failure(error)?:
                try? library?.recordFetch(feedID: feed.id, etag: nil, lastModified: nil, error: error.description)
                outcome = .failed(error.description)
            case nil:
                outcome = .failed("not fetched")
            }
            let result = Result(feed: feed, outcome: outcome)
            report(result, index + 1)
            results.append(result)
        }
        return results
    }

    private func store(_ result: Swift.Result<(Feed, [ParsedDocument]), FeedError>?, feed row: FeedRow,
                       validators: FetchValidators) async -> Outcome {
        guard let library else { return .failed("no library") }
        let parsed: Feed
        var documents: [ParsedDocument]
        switch result {
        case let .success((feed, items))?:
            (parsed, documents) = (feed, items)
        case let .failure(error)?:
            try? library.recordFetch(feedID: row.id, etag: nil, lastModified: nil, error: error.description)
            return .failed(error.description)
        case nil:
            return .failed("not parsed")
        }
        if row.fetchFullText || config.wantsFullText(feedURL: row.url) {
            // Stored items were completed when they arrived: their teaser must not replace that text,
            // and their pages need not be fetched again.
            let known = (try? library.storedURLs(among: documents.compactMap(\.link))) ?? []
            documents = await completingTeasers(documents.filter { $0.link.map { !known.contains($0) } ?? true })
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

/// Feeds parsed by parallel workers, each into its own slot.
private final class ParsedFeeds: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<(Feed, [ParsedDocument]), FeedError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Swift.Result<(Feed, [ParsedDocument]), FeedError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func value(_ index: Int) -> Swift.Result<(Feed, [ParsedDocument]), FeedError>? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}

/// The result handed from the refresh task back to the thread that waits for it.
private final class Summary: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}
