import Foundation
import LedeCore
import LedeStore
import LedeTestSupport

/// Times the real `lede refresh` against feeds served on 127.0.0.1, as newsboat is timed.
enum FeedRefreshBench {
    static func measure(generator: inout CorpusGenerator, feeds: Int, itemsPerFeed: Int, storeOnly: Bool = false) throws -> [Row] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lede").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return [Row(what: "feed refresh", figure: "not measured: no lede binary beside lede-bench", target: "")]
        }
        let bodies = feedBodies(generator: &generator, feeds: feeds, itemsPerFeed: itemsPerFeed)
        let served = bodies
        let server = try LocalHTTPServer { request in
            let index = Int(request.path.dropFirst("/feed".count).prefix(while: \.isNumber)) ?? -1
            guard served.indices.contains(index) else { return .init(status: 404) }
            let etag = "\"bench-\(index)\""
            if request.headers["if-none-match"] == etag { return .init(status: 304, headers: ["ETag": etag]) }
            return .init(status: 200, headers: ["Content-Type": "application/rss+xml", "ETag": etag], body: served[index])
        }
        defer { server.stop() }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lede-feedbench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let opml = work.appendingPathComponent("feeds.opml")
        let outlines = (0..<feeds).map { "<outline text=\"Bench \($0)\" xmlUrl=\"\(server.url("/feed\($0).xml").absoluteString)\"/>" }
        try Data("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>bench</title></head><body>\(outlines.joined())</body></opml>".utf8)
            .write(to: opml)
        // Phase 1 wanders by ±15% between runs on a 2-core machine, so it is taken on three fresh
        // libraries and the median kept; only the first run goes on to analyse what it stored.
        var firstOutput = ""
        var first = 0.0
        var cpu = (user: 0.0, system: 0.0)
        var storePhases: [Double] = []
        var firstLibrary = ""
        for run in 0..<3 {
            let library = work.appendingPathComponent("feeds-\(run).sqlite").path
            _ = try Self.run(binary, ["--library", library, "opml", "import", opml.path])
            let storeOnlyRun = storeOnly || run > 0
            // The previous run's library (and the first run's analysis) is still being written
            // back by the kernel; flushed here, it is not timed as part of this refresh.
            sync()
            var output = ""
            // The refresh's CPU time shows its cost when other processes share the cores and wall time wanders.
            let cpuBefore = childrenCPUSeconds()
            let wall = try seconds { output = try capture(binary, ["--library", library, "refresh", "--timings"] + (storeOnlyRun ? ["--store-only"] : [])) }
            let cpuAfter = childrenCPUSeconds()
            if let phases = phaseTimes(in: output) { storePhases.append(phases.store) }
            guard run == 0 else { continue }
            firstOutput = output
            firstLibrary = library
            first = wall
            cpu = (user: cpuAfter.user - cpuBefore.user, system: cpuAfter.system - cpuBefore.system)
            print("first refresh said:\n" + output.split(separator: "\n").suffix(2).joined(separator: "\n"))
            print(String(format: "first refresh CPU: %.2f s user + %.2f s system", cpu.user, cpu.system))
        }
        print("fetch + parse + store, three runs: " + storePhases.map { String(format: "%.2f s", $0) }.joined(separator: ", "))
        // `refresh --timings` reports its two phases: items stored (pending analysis), then analysed.
        let phases = phaseTimes(in: firstOutput)
        var notModified: [Double] = []
        // With --store-only the first library still holds its items pending, and its 304 refreshes leave them so.
        for _ in 0..<5 {
            notModified.append(try seconds { _ = try Self.run(binary, ["--library", firstLibrary, "refresh"] + (storeOnly ? ["--store-only"] : [])) })
        }
        let total = feeds * itemsPerFeed
        let megabytes = Double(bodies.reduce(0) { $0 + $1.count }) / 1e6
        let what = "`lede refresh`, \(feeds) feeds × \(itemsPerFeed) items (\(String(format: "%.0f", megabytes)) MB) from 127.0.0.1"
        var rows: [Row] = []
        if let phases {
            let store = storePhases.isEmpty ? phases.store : median(storePhases)
            rows.append(Row(what: what + ": fetch + parse + store (items stored pending analysis; median of 3 fresh libraries)",
                            figure: String(format: "%.2f s (%.0f items/s)", store, Double(total) / store), target: "≤ 2 s"))
            rows.append(Row(what: "  then analysis of the \(phases.articles) new articles (sentences, entities, summary, search index), all cores",
                            figure: String(format: "%.1f s (%.0f articles/s)", phases.analysis, Double(max(phases.articles, 1)) / phases.analysis),
                            target: ""))
        }
        return rows + [
            Row(what: what + ", total wall time of the process (both phases)",
                figure: String(format: "%.1f s (%.0f items/s)", first, Double(total) / first), target: ""),
            Row(what: what + ", CPU time of the process (both phases, user + system)",
                figure: String(format: "%.2f s", cpu.user + cpu.system), target: ""),
            Row(what: "`lede refresh`, every feed answers 304 (median of 5)", figure: String(format: "%.2f s", median(notModified)),
                target: "≤ 0.3 s"),
        ]
    }

    /// The bench feeds: RSS 2.0 whose descriptions are escaped HTML paragraphs, as most real feeds are.
    static func feedBodies(generator: inout CorpusGenerator, feeds: Int, itemsPerFeed: Int) -> [Data] {
        var bodies: [Data] = []
        for feed in 0..<feeds {
            var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench feed \(feed)</title><link>http://127.0.0.1/</link>"
            for item in 0..<itemsPerFeed {
                let text = generator.article(number: feed * itemsPerFeed + item, words: 120)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
                let title = lines.first.map(String.init) ?? "Item"
                let body = lines.dropFirst(2).map { "<p>\(escape(String($0)))</p>" }.joined()
                xml += "<item><title>\(escape(title))</title><link>http://127.0.0.1/f\(feed)/\(item)</link>"
                xml += "<guid>f\(feed)-\(item)</guid><pubDate>Tue, 11 Apr 2023 10:00:00 GMT</pubDate>"
                xml += "<description>\(escape(body))</description></item>"
            }
            bodies.append(Data((xml + "</channel></rss>").utf8))
        }
        return bodies
    }

    /// Parses the bench feeds in this process, one after another (each feed's items on all cores),
    /// so feed parsing can be profiled and compared without the server, the store or a child process.
    static func measureParsing(generator: inout CorpusGenerator, feeds: Int, itemsPerFeed: Int, rounds: Int) throws -> [Row] {
        let bodies = feedBodies(generator: &generator, feeds: feeds, itemsPerFeed: itemsPerFeed)
        var times: [Double] = []
        var items = 0
        for _ in 0..<rounds {
            items = 0
            times.append(try seconds {
                for body in bodies { items += try FeedParser.parse(body).items.count }
            })
        }
        return [Row(what: "FeedParser.parse, \(feeds) feeds × \(itemsPerFeed) items in process (median of \(rounds))",
                    figure: String(format: "%.2f s (%d items)", median(times), items), target: "")]
    }

    /// Stores the bench feeds' items pending analysis in this process, feed after feed as a refresh's
    /// single writer does (parsed beforehand, not timed), each round into a fresh library: the
    /// writer's share of a refresh, measurable and profilable without the server or the parsers.
    static func measureStoring(bodies: [Data], rounds: Int, work: URL) throws -> [Row] {
        let feeds = bodies.count
        var prepared: [[PendingDocument]] = []
        for (index, body) in bodies.enumerated() {
            let url = "http://127.0.0.1/feed\(index).xml"
            let feed = try FeedParser.parse(body, url: URL(string: url))
            prepared.append(feed.items.map { PendingDocument($0.document(in: feed, feedURL: url).sanitized()) })
        }
        var times: [Double] = [], cpu: [Double] = []
        for round in 0..<rounds {
            let path = work.appendingPathComponent("store-\(round).sqlite").path
            let library = try Library(path: path)
            let ids = try (0..<feeds).map { try library.addFeed(url: "http://127.0.0.1/feed\($0).xml").feed.id }
            sync()
            let checkpoints = library.checkpointInBackground()
            let cpuBefore = threadCPUSeconds()
            times.append(try seconds {
                for (documents, id) in zip(prepared, ids) { _ = try library.storePending(documents, feedID: id) }
            })
            cpu.append(threadCPUSeconds() - cpuBefore)
            checkpoints?.finish()
        }
        let items = prepared.reduce(0) { $0 + $1.count }
        return [Row(what: "storePending, \(feeds) feeds, \(items) items in process, writer thread (median of \(rounds))",
                    figure: String(format: "%.3f s wall, %.3f s CPU", median(times), median(cpu)), target: "")]
    }

    /// User and system CPU time of the child processes waited for so far.
    static func childrenCPUSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    static func phaseTimes(in output: String) -> (store: Double, analysis: Double, articles: Int)? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("timings:") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
        guard numbers.count >= 4 else { return nil }
        return (numbers[0], numbers[1], Int(numbers[2]))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
