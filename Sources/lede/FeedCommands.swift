import ArgumentParser
import Foundation
import LedeCore
import LedeStore
import LedeTUI

struct Feeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage subscriptions: add, list, remove, inspect.",
        subcommands: [FeedsAdd.self, FeedsList.self, FeedsRemove.self, FeedsInspect.self])
}

struct FeedsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (or a page that links to one) and store its items.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The feed's URL, a web page that advertises a feed, or a local feed file.", valueName: "url"))
    var url: String

    @Option(help: "Put the subscription in this folder.")
    var folder: String?

    @Flag(help: "Complete items that carry only a teaser from the page they link to.")
    var full = false

    func run() async throws {
        let library = try global.openLibrary()
        let refresher = FeedRefresher(library: library)
        var source = try FeedRefresher.url(for: url)
        var download = try await refresher.download(source)
        if case .html = ContentSniffer.detect(download.data, filename: download.url.path) {
            // A page: subscribe to the first feed it advertises.
            guard let candidate = FeedDiscovery.feeds(inHTML: download.data, url: download.url).first,
                  let feedURL = URL(string: candidate.url) else {
                throw CLIError("\(url): a web page that advertises no feed")
            }
            source = feedURL
            download = try await refresher.download(feedURL)
        }
        let feed: Feed
        do {
            feed = try FeedParser.parse(download.data, url: download.url)
        } catch {
            throw CLIError("\(source.absoluteString): not a feed: \(error)")
        }
        let title = TextSanitizer.singleLine(feed.title)
        let (row, added) = try library.addFeed(url: source.absoluteString, title: title.isEmpty ? nil : title,
                                               siteLink: feed.link, folder: folder, fetchFullText: full)
        var documents = feed.items.map { $0.document(in: feed, feedURL: row.url).sanitized() }
        let config = Config.load(path: Config.defaultPath())
        if full || config.wantsFullText(feedURL: row.url) { documents = await refresher.completingTeasers(documents) }
        var report = Ingester.Report()
        for result in BatchIngester(library: library).ingest(documents: documents, feedID: row.id) {
            if case let .stored(outcomes) = result { report.count(outcomes) }
        }
        try library.recordFetch(feedID: row.id, etag: download.validators.etag, lastModified: download.validators.lastModified, error: nil)
        Output.line("\(added ? "subscribed to" : "already subscribed to") \(TextSanitizer.singleLine(row.title ?? row.url)) (\(row.url)): \(report.added) new articles")
    }
}

struct FeedsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List subscriptions.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let feeds = try global.openLibrary(mustExist: true).feeds()
        if json {
            Output.json(.array(feeds.map { feed in
                .object([
                    ("id", .int(feed.id)), ("url", .string(feed.url)), ("title", .optional(feed.title)),
                    ("folder", .optional(feed.folder)), ("articles", .int(feed.articleCount)),
                    ("lastFetched", ArticleJSON.date(feed.lastFetchedAt)), ("lastError", .optional(feed.lastError)),
                ])
            }))
        } else if feeds.isEmpty {
            Output.line("No subscriptions. Add one with `lede feeds add URL` or `lede opml import FILE`.")
        } else {
            for feed in feeds {
                let folder = feed.folder.map { "[\(TextSanitizer.singleLine($0))] " } ?? ""
                let status = feed.lastError.map { "  error: \(TextSanitizer.singleLine($0))" } ?? ""
                Output.line("\(folder)\(TextSanitizer.singleLine(feed.title ?? "(untitled)"))  \(feed.url)  \(feed.articleCount) articles\(status)")
            }
        }
    }
}

struct FeedsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a feed; its articles stay in the library.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The feed's URL as `lede feeds list` shows it.", valueName: "url"))
    var url: String

    func run() throws {
        guard try global.openLibrary(mustExist: true).removeFeed(url: url) else { throw CLIError("not subscribed to \(url)") }
        Output.line("unsubscribed from \(url)")
    }
}

struct FeedsInspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Parse one feed and print it; stores nothing.")

    @Argument(help: ArgumentHelp("A feed file or URL.", valueName: "path|url"))
    var source: String

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() async throws {
        let url = try FeedRefresher.url(for: source)
        let download: (data: Data, url: URL, validators: FetchValidators)
        if url.isFileURL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CLIError("\(source): is a folder; inspect reads one feed")
            }
        }
        download = try await FeedRefresher(library: nil).download(url)
        let inspection: FeedInspection
        do {
            inspection = try Feed.inspect(download.data, url: download.url)
        } catch {
            throw CLIError("\(source): \(error)")
        }
        if json {
            Output.line(String(decoding: try inspection.jsonData(pretty: true), as: UTF8.self))
            return
        }
        Output.line("\(TextSanitizer.singleLine(inspection.title)) (\(inspection.format))")
        if let link = inspection.link { Output.line(TextSanitizer.singleLine(link)) }
        for warning in inspection.warnings { Output.line("warning: \(TextSanitizer.singleLine(warning))") }
        Output.line()
        for item in inspection.items {
            let date = item.published.map { String($0.prefix(10)) + "  " } ?? ""
            Output.line("\(date)\(TextSanitizer.singleLine(item.title))")
        }
    }
}

struct Refresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch every subscription and store new articles; one line per feed.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many feeds to fetch at once.")
    var concurrency: Int = 8

    @Flag(help: ArgumentHelp("Print how long each phase took, on standard error (for benchmarks).", visibility: .hidden))
    var timings = false

    @Flag(help: ArgumentHelp("Store new items without analysing them; the next refresh analyses them (for benchmarks).",
                             visibility: .hidden))
    var storeOnly = false

    func validate() throws {
        if concurrency < 1 || concurrency > 64 { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    func run() async throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let library = try global.openLibrary()
        let feeds = try library.feeds()
        if feeds.isEmpty {
            // Items of feeds since removed may still wait for their analysis.
            if let failure = FeedRefresher(library: library).analysePending() { Output.error(failure) }
            Output.line("No subscriptions. Add one with `lede feeds add URL` or `lede opml import FILE`.")
            return
        }
        // Both phases commit often and fill the log: its checkpoints run beside the writer.
        let checkpoints = library.checkpointInBackground()
        defer { checkpoints?.finish() }
        let showsProgress = Output.stderrIsTerminal
        if showsProgress { Output.errorNoNewline("fetching \(feeds.count) feeds…") }
        var refresher = FeedRefresher(library: library)
        refresher.concurrency = concurrency
        refresher.config = Config.load(path: Config.defaultPath())
        for problem in refresher.config.problems { Output.error("lede: \(problem)") }
        let results = await refresher.refresh(feeds) { result, done in
            if showsProgress { Output.errorNoNewline("\r\u{1B}[K") }
            Output.line(result.line)
            if showsProgress, done < feeds.count { Output.errorNoNewline("[\(done)/\(feeds.count)] storing…") }
        }
        let stored = DispatchTime.now().uptimeNanoseconds
        // Second phase: the new items (and any an interrupted run left) get their analysis.
        let pending = storeOnly ? 0 : (try? library.pendingAnalysisCount()) ?? 0
        let progress = Progress(total: pending, enabled: showsProgress && pending > 0)
        let failure = storeOnly ? nil : refresher.analysePending { done, _ in progress.update(done, "analysing") }
        progress.finish()
        let analysed = DispatchTime.now().uptimeNanoseconds
        Output.line(FeedRefresher.summary(of: results, feeds: feeds.count))
        if let failure { Output.error(failure) }
        if timings {
            Output.error(String(format: "timings: fetch + parse + store %.3f s, analysis %.3f s (%d articles), total %.3f s",
                                Double(stored - started) / 1e9, Double(analysed - stored) / 1e9, pending,
                                Double(analysed - started) / 1e9))
        }
        if results.allSatisfy({ if case .failed = $0.outcome { true } else { false } }) { throw ExitCode.failure }
    }
}

struct OPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opml", abstract: "Import or export subscriptions as OPML.",
        subcommands: [OPMLImport.self, OPMLExport.self])
}

struct OPMLImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to every feed in an OPML file (folders kept); `lede refresh` fetches them.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The OPML file.", valueName: "file"))
    var file: String

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("\(file): cannot read the file") }
        let document: OPMLDocument
        do { document = try OPML.parse(data) } catch { throw CLIError("\(file): \(error)") }
        let library = try global.openLibrary()
        var added = 0
        for subscription in document.subscriptions {
            let folder = subscription.categories.first { $0.count > 0 }?.joined(separator: "/")
            let title = TextSanitizer.singleLine(subscription.title)
            if try library.addFeed(url: subscription.url, title: title.isEmpty ? nil : title,
                                   siteLink: subscription.htmlURL, folder: folder).added { added += 1 }
        }
        for warning in document.warnings { Output.error("warning: \(file): \(TextSanitizer.singleLine(warning))") }
        Output.line("imported \(document.subscriptions.count) feeds (\(added) new); run `lede refresh` to fetch them")
    }
}

struct OPMLExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the subscriptions as OPML 2.0.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let feeds = try global.openLibrary(mustExist: true).feeds()
        let document = OPMLDocument(title: "lede subscriptions", subscriptions: feeds.map { feed in
            OPMLSubscription(url: feed.url, title: feed.title ?? feed.url, htmlURL: feed.siteLink,
                             categories: feed.folder.map { [$0.split(separator: "/").map(String.init)] } ?? [])
        })
        Output.line(OPML.export(document), terminator: "")
    }
}
