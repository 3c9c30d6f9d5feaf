import Foundation
import LedeCore
import LedeStore
import LedeTestSupport

/// lede's benchmark harness: `make bench` runs it on a release build and writes BENCHMARKS.md.
///
/// Usage: lede-bench [--articles N] [--large N] [--write FILE] [--summarizer-only [--rounds N]]
///                   [--recognizer-only [--rounds N] [--dump FILE]]
/// Benchmarks are not tests: nothing here asserts a time, it measures and reports.

struct Options {
    var articles = 10_000
    var large = 100_000
    var feedItems = 5_000
    var write: String?
    var section = "all"
    /// Times only the summarizer (one core, several rounds), for profiling and before/after comparisons.
    var summarizerOnly = false
    /// Times only the entity recognizer (one core, several rounds); `--dump FILE` writes its output.
    var recognizerOnly = false
    var dump: String?
    var rounds = 5
    /// Skips the entity-search and keystroke measures of the ingest section (store work only), and the
    /// analysis phase of the feed refresh.
    var storeOnly = false
    /// Times only FeedParser on the feed-refresh bench feeds, in process.
    var feedParseOnly = false
    /// Times only storing the bench feeds' items pending analysis (the refresh's single writer), in process.
    var feedStoreOnly = false
    /// Reads the bench feeds from this directory (as `--dump-feeds` wrote them) instead of generating them.
    var feedsFrom: String?
    /// Writes the feed-refresh bench feeds to this directory (feed0.xml …) and stops, so a refresh can
    /// be profiled on its own against any local server.
    var dumpFeeds: String?
    /// Times only entity search: a library of `articles` (at most 1,000) plus 60,000 synthetic names.
    var entitySearchOnly = false
    /// Keeps the libraries the run wrote in this directory instead of deleting them, so two builds'
    /// stores can be compared row by row.
    var keep: String?
    var repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--articles": articles = Int(iterator.next() ?? "") ?? articles
            case "--large": large = Int(iterator.next() ?? "") ?? large
            case "--write": write = iterator.next()
            case "--section": section = iterator.next() ?? section
            case "--feed-items": feedItems = Int(iterator.next() ?? "") ?? feedItems
            case "--summarizer-only": summarizerOnly = true
            case "--recognizer-only": recognizerOnly = true
            case "--dump": dump = iterator.next()
            case "--rounds": rounds = max(1, Int(iterator.next() ?? "") ?? rounds)
            case "--store-only": storeOnly = true
            case "--feed-parse-only": feedParseOnly = true
            case "--feed-store-only": feedStoreOnly = true
            case "--feeds-from": feedsFrom = iterator.next()
            case "--dump-feeds": dumpFeeds = iterator.next()
            case "--entity-search-only": entitySearchOnly = true
            case "--keep": keep = iterator.next()
            case "--help", "-h":
                print("usage: lede-bench [--articles N] [--large N (0 skips)] [--feed-items N per feed, 10 feeds (0 skips)] [--store-only] [--write BENCHMARKS.md [--section NAME]] [--summarizer-only [--rounds N]] [--recognizer-only [--rounds N] [--dump FILE]] [--entity-search-only [--articles N] [--rounds N]] [--feed-parse-only] [--feed-store-only [--rounds N] [--feeds-from DIR]] [--dump-feeds DIR] [--keep DIR]")
                exit(0)
            default: throw BenchError("unknown argument \(argument)")
            }
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time of the calling thread (GRDB runs a write on the thread that asks for it).
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The median CPU time of the calling thread over `passes` runs of `body`.
func medianThreadCPUSeconds(passes: Int, _ body: () -> Void) -> Double {
    median((0..<max(1, passes)).map { _ in
        let start = threadCPUSeconds()
        body()
        return threadCPUSeconds() - start
    })
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func fileSize(_ path: String) -> Int {
    ["", "-wal"].reduce(0) { total, suffix in
        total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
    }
}

struct Row {
    var what: String
    var figure: String
    var target: String
}

func machineDescription() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
    let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), \(memory) GiB"
}

func run() throws {
    let options = try Options(CommandLine.arguments)
    let demoArticles = options.repository.appendingPathComponent("Sources/lede/Demo/articles")
    var generator = try CorpusGenerator(articlesFolder: demoArticles)
    let work = options.keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { if options.keep == nil { try? FileManager.default.removeItem(at: work) } }
    var rows: [Row] = []

    if options.summarizerOnly {
        SummarizerBench.run(generator: &generator, articles: min(options.articles, 2_000), rounds: options.rounds)
        return
    }
    if options.entitySearchOnly {
        let library = try Library(path: work.appendingPathComponent("entities.sqlite").path)
        let texts = (0..<min(options.articles, 1_000)).map { Data(generator.article(number: $0).utf8) }
        _ = BatchIngester(library: library).ingest(count: texts.count) { index in
            [try DocumentReader().read(data: texts[index], source: "/bench/entities/\(index).txt")]
        }
        try EntitySearchBench.addSyntheticNames(to: library, count: 60_000)
        let times = try EntitySearchBench.keystrokeTimes(library: library, words: EntitySearchBench.words, repeats: options.rounds) {
            print($0.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%.2f ms", $1 * 1000))
        }
        print(String(format: "median %.2f ms, worst %.2f ms", median(times) * 1000, (times.max() ?? 0) * 1000))
        return
    }
    if options.recognizerOnly {
        RecognizerBench.run(generator: &generator, articles: min(options.articles, 5_000), rounds: options.rounds, dump: options.dump)
        return
    }
    if let directory = options.dumpFeeds {
        let bodies = FeedRefreshBench.feedBodies(generator: &generator, feeds: 10, itemsPerFeed: options.feedItems)
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, body) in bodies.enumerated() { try body.write(to: folder.appendingPathComponent("feed\(index).xml")) }
        return
    }
    if options.feedStoreOnly {
        let bodies = try options.feedsFrom.map { folder in
            try (0..<10).map { try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("feed\($0).xml")) }
        } ?? FeedRefreshBench.feedBodies(generator: &generator, feeds: 10, itemsPerFeed: options.feedItems)
        let rows = try FeedRefreshBench.measureStoring(bodies: bodies, rounds: options.rounds, work: work)
        print(rows.map { "\($0.what): \($0.figure)" }.joined(separator: "\n"))
        return
    }
    if options.feedParseOnly {
        let rows = try FeedRefreshBench.measureParsing(generator: &generator, feeds: 10, itemsPerFeed: options.feedItems,
                                                       rounds: options.rounds)
        print(rows.map { "\($0.what): \($0.figure)" }.joined(separator: "\n"))
        return
    }

    // MARK: Ingest
    if options.articles > 0 {
        let texts = (0..<options.articles).map { generator.article(number: $0) }
        let averageWords = texts.prefix(200).map { $0.split(separator: " ").count }.reduce(0, +) / min(200, texts.count)
        print("generated \(texts.count) articles of about \(averageWords) words")
        let reader = DocumentReader()
        var documents: [ParsedDocument] = []
        let parseTime = try seconds {
            documents = try texts.enumerated().map { try reader.read(data: Data($0.element.utf8), source: "/bench/\($0.offset).txt") }
        }
        let pipeline = Pipeline()
        // Analysed once for the stages below that need a whole article (summaries, stores).
        let processed = documents.map { pipeline.process($0) }
        let splitTime = seconds { for document in documents.prefix(2000) { _ = pipeline.splitter.sentences(in: document.body) } } * Double(documents.count) / Double(min(2000, documents.count))
        let sentences = documents.map { pipeline.splitter.sentences(in: $0.body) }
        // The two stages with a one-core target are timed in the thread's CPU time, the median of
        // three passes: on a shared machine, wall time also counts whatever else ran meanwhile.
        let recognizeTime = medianThreadCPUSeconds(passes: 3) {
            for (document, spans) in zip(documents, sentences) { _ = pipeline.recognizer.recognize(body: document.body, sentences: spans, byline: document.byline) }
        }
        let summarizeTime = medianThreadCPUSeconds(passes: 3) {
            for (index, document) in documents.enumerated() {
                _ = pipeline.summarizer.bullets(for: document, sentences: sentences[index], entities: processed[index].entities, terms: BackgroundTermStatistics())
            }
        }
        let libraryPath = work.appendingPathComponent("ingest.sqlite").path
        let library = try Library(path: libraryPath)
        let storeTime = try seconds { for article in processed { try library.ingest(article) } }
        try library.checkpoint()
        // As `lede add` stores: a transaction per chunk of 64, each article failing alone.
        let chunkedLibrary = try Library(path: work.appendingPathComponent("chunked.sqlite").path)
        let cpuBefore = threadCPUSeconds()
        let chunkedStoreTime = try seconds {
            var start = 0
            while start < processed.count {
                let end = min(processed.count, start + 64)
                _ = try chunkedLibrary.ingest(Array(processed[start..<end]))
                start = end
            }
        }
        // The machine is shared: CPU time says what the store costs whatever else runs beside it.
        let chunkedStoreCPU = threadCPUSeconds() - cpuBefore
        // The real path: `lede add` reads, analyses on every core and stores one transaction per article.
        let batchPath = work.appendingPathComponent("batch.sqlite").path
        let batchLibrary = try Library(path: batchPath)
        let textData = texts.map { Data($0.utf8) }
        let total = seconds {
            _ = BatchIngester(library: batchLibrary).ingest(count: textData.count) { index in
                [try DocumentReader().read(data: textData[index], source: "/bench/batch/\(index).txt")]
            }
        }
        let perSecond = { (time: Double) in String(format: "%.0f articles/s", Double(texts.count) / time) }
        rows.append(Row(what: "ingest as `lede add` does it (parse + sentences + entities + summary + store, all cores), \(texts.count) × ~\(averageWords) words",
                        figure: perSecond(total), target: "≥ 1,000 articles/s"))
        rows.append(Row(what: "  parse saved pages, one core", figure: perSecond(parseTime), target: ""))
        rows.append(Row(what: "  sentence splitting alone, one core", figure: perSecond(splitTime), target: ""))
        rows.append(Row(what: "  entity recognition + in-article aliases alone, one core (thread CPU time, median of 3 passes)", figure: perSecond(recognizeTime), target: "≥ 3,000 articles/s"))
        rows.append(Row(what: "  summarizer alone, one core (thread CPU time, median of 3 passes)", figure: perSecond(summarizeTime), target: "≥ 5,000 articles/s"))
        rows.append(Row(what: "  store (one transaction per article), one core", figure: perSecond(storeTime), target: ""))
        rows.append(Row(what: "  store (64 articles per transaction, as `lede add`), one core",
                        figure: perSecond(chunkedStoreTime) + String(format: " (%.2f ms CPU per article)", chunkedStoreCPU * 1000 / Double(texts.count)),
                        target: "≥ 2,000 articles/s"))
        rows.append(Row(what: "library size on disk, \(texts.count) articles",
                        figure: String(format: "%.1f MB (%.1f KB/article)", Double(fileSize(libraryPath)) / 1e6,
                                       Double(fileSize(libraryPath)) / 1e3 / Double(texts.count)), target: ""))

        if options.storeOnly {
            print(rows.map { "\($0.what): \($0.figure)" }.joined(separator: "\n"))
        } else {
            // Entity search at the scale of a big library: many thousands of distinct names.
            try EntitySearchBench.addSyntheticNames(to: batchLibrary, count: 60_000)
            let entityTotal = try batchLibrary.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0 }
            let keystrokes = try EntitySearchBench.keystrokeTimes(library: batchLibrary, words: EntitySearchBench.words)
            rows += KeystrokeBench.measure(library: batchLibrary, articles: texts.count)
            rows.append(Row(what: "entity search per keystroke, \(entityTotal) entities (\(texts.count) articles + synthetic names; median / worst keystroke, each the median of 3 runs)",
                            figure: String(format: "%.2f ms / %.2f ms", median(keystrokes) * 1000, (keystrokes.max() ?? 0) * 1000),
                            target: "≤ 10 ms"))
            print(rows.map { "\($0.what): \($0.figure)" }.joined(separator: "\n"))
        }
    }

    // MARK: Feeds
    if options.feedItems > 0 {
        rows += try FeedRefreshBench.measure(generator: &generator, feeds: 10, itemsPerFeed: options.feedItems,
                                             storeOnly: options.storeOnly)
        print(rows.suffix(4).map { "\($0.what): \($0.figure)" }.joined(separator: "\n"))
    }

    // MARK: Large library
    if options.large > 0 {
        let largePath = work.appendingPathComponent("large.sqlite").path
        let large = try Library(path: largePath)
        // The large library is for reading benchmarks (list, search, first frame), so it is built
        // by storing analysed articles: a pool of distinct articles goes through the whole
        // pipeline once, and each stored article is a pool article with its own title, date and
        // closing line (so a distinct body). Ingest speed is measured above, on its own.
        let poolSize = min(options.large, 2_000)
        let poolTexts = (0..<poolSize).map { Data(generator.article(number: options.articles + $0).utf8) }
        let pipeline = Pipeline()
        let pool = try poolTexts.enumerated().map { index, data in
            pipeline.process(try DocumentReader().read(data: data, source: "/bench/pool/\(index).txt"))
        }
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let buildTime = try seconds {
            for index in 0..<options.large {
                var article = pool[index % poolSize]
                article.document.title += " [\(index)]"
                article.document.body += "\n\nBench reference \(index)."
                article.document.source = "/bench/large/\(index).txt"
                article.document.published = start.addingTimeInterval(Double(index) * 60)
                try large.ingest(article)
                if index % 1000 == 999 { FileHandle.standardError.write(Data("\rlarge library: \(index + 1)/\(options.large)".utf8)) }
            }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        try large.checkpoint()
        rows.append(Row(what: "store \(options.large) analysed articles (one transaction each) into a new library",
                        figure: String(format: "%.0f s (%.0f articles/s)", buildTime, Double(options.large) / buildTime), target: ""))
        rows.append(Row(what: "library size on disk, \(options.large) articles",
                        figure: String(format: "%.0f MB", Double(fileSize(largePath)) / 1e6), target: ""))

        let queries = ["graphics", "council", "warhol polaroids", "asylum seekers", "scientology", "shuttle", "iodine", "election"]
        var searchTimes: [Double] = []
        for query in queries { _ = try large.search(query, limit: 50) }
        for _ in 0..<5 { for query in queries { searchTimes.append(try seconds { _ = try large.search(query, limit: 50) }) } }
        rows.append(Row(what: "full-text search, \(options.large) articles, first 50 results (median)",
                        figure: String(format: "%.1f ms", median(searchTimes) * 1000), target: "≤ 20 ms"))

        let keystrokeTimes = try EntitySearchBench.keystrokeTimes(library: large, words: EntitySearchBench.words)
        let entityCount = try large.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0 }
        rows.append(Row(what: "entity search per keystroke, \(options.large) articles, \(entityCount) entities (median / worst keystroke, each the median of 3 runs)",
                        figure: String(format: "%.2f ms / %.2f ms", median(keystrokeTimes) * 1000, (keystrokeTimes.max() ?? 0) * 1000),
                        target: "≤ 10 ms"))
        var pageTimes: [Double] = []
        for page in [0, 10, 100, 1000] { pageTimes.append(try seconds { _ = try large.articles(offset: page * 50, limit: 50) }) }
        rows.append(Row(what: "one page of the article list (50 rows), \(options.large) articles (median)",
                        figure: String(format: "%.2f ms", median(pageTimes) * 1000), target: ""))
        rows += KeystrokeBench.measure(library: large, articles: options.large)
        rows += try FirstFrame.measure(libraryPath: largePath, articles: options.large, repository: options.repository)
    }

    let table = (["| what | measured | target |", "|---|---|---|"] + rows.map { "| \($0.what) | \($0.figure) | \($0.target) |" })
        .joined(separator: "\n")
    print("\n" + table)
    if let path = options.write {
        try BenchmarkReport.write(table: table, machine: machineDescription(), to: path, section: options.section)
        print("wrote \(path)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("lede-bench: \(error)\n".utf8))
    exit(1)
}
