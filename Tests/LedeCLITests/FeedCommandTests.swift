import Foundation
import LedeCore
import LedeStore
import LedeTestSupport
import Testing

/// A small news site on 127.0.0.1: a front page advertising its feed, the feed (with ETag), articles.
final class NewsSite: @unchecked Sendable {
    private let lock = NSLock()
    private var items = 2
    private(set) var conditionalHits = 0
    private(set) var storyHits = 0
    var server: LocalHTTPServer?

    func addItem() {
        lock.lock()
        items += 1
        lock.unlock()
    }

    func respond(_ request: LocalHTTPServer.Request, base: String) -> LocalHTTPServer.Response {
        lock.lock()
        defer { lock.unlock() }
        switch request.path {
        case "/":
            return .init(status: 200, headers: ["Content-Type": "text/html"], body: Data("""
                <html><head><title>Harbour News</title>
                <link rel="alternate" type="application/rss+xml" title="Harbour News" href="/feed.xml"></head>
                <body><p>Front page</p></body></html>
                """.utf8))
        case "/feed.xml":
            let etag = "\"v\(items)\""
            if request.headers["if-none-match"] == etag {
                conditionalHits += 1
                return .init(status: 304, headers: ["ETag": etag])
            }
            let entries = (1...items).map { number in
                """
                <item><title>Council story number \(number)</title><link>\(base)/story/\(number)</link>
                <guid>\(base)/story/\(number)</guid><pubDate>Tue, 0\(number) Apr 2023 10:00:00 GMT</pubDate>
                <description>The harbour council met on day \(number) and voted 7 to 2 to approve the plan for the new ferry terminal, \
                which the mayor, Jane Doe, had opposed for most of the year.</description></item>
                """
            }.joined()
            return .init(status: 200, headers: ["Content-Type": "application/rss+xml", "ETag": etag], body: Data("""
                <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>\(base)/</link>\(entries)</channel></rss>
                """.utf8))
        case let path where path.hasPrefix("/story/"):
            let number = path.dropFirst("/story/".count)
            storyHits += 1
            return .init(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: Data("""
                <html><head><title>Council story number \(number) | Harbour News</title></head>
                <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Council story number \(number)</h1>
                <p>The harbour council met on day \(number) and voted 7 to 2 to approve the plan for the new ferry terminal, \
                which the mayor, Jane Doe, had opposed for most of the year.</p>
                <p>The terminal will replace the old pier, which engineers closed in January after finding cracks in two \
                of its supporting columns during a routine inspection.</p>
                <p>Building work is due to begin in the autumn and to last about three years, the harbour authority said, \
                and ferries will use a temporary landing stage on the north quay in the meantime.</p>
                <p>Residents of the waterfront streets have asked for limits on night work, and the council promised a \
                noise survey before the first piles are driven into the harbour bed.</p>
                </article><aside class="related"><a href="/story/9">Other news</a></aside></body></html>
                """.utf8))
        case "/broken.xml":
            return .init(status: 500)
        case "/page.html":
            return .init(status: 200, headers: ["Content-Type": "text/html"], body: Data("""
                <html><head><title>Ferry terminal opens | Harbour News</title><meta name="author" content="Jane Roe"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Ferry terminal opens</h1>
                <p>The new ferry terminal opened on Monday after three years of building, the harbour authority said.</p>
                <p>About 4,000 passengers are expected to use it every day once the summer timetable starts in June.</p>
                <p>The terminal cost 48 million euros, most of it paid by the regional government and the port.</p>
                </article><footer>Subscribe to our newsletter</footer></body></html>
                """.utf8))
        default:
            return .init(status: 404)
        }
    }
}

@Suite("Feeds on the command line", .serialized)
struct FeedCommandTests {
    func start() throws -> (NewsSite, LocalHTTPServer, CLI) {
        let site = NewsSite()
        return (site, try LocalNewsServer.start(site: site, box: ServerBox()), try CLI())
    }

    @Test("feeds inspect prints the contract's JSON and stores nothing")
    func inspect() throws {
        let (_, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let result = try cli.run(["feeds", "inspect", server.url("/feed.xml").absoluteString, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let feed = try #require(result.json as? [String: Any])
        #expect(Set(feed.keys) == ["format", "title", "link", "items", "warnings"])
        #expect(feed["format"] as? String == "rss2.0")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["id", "title", "link", "published", "author", "text"])
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("data/lede/library.sqlite").path))
    }

    @Test("feeds add finds the feed from a page, refresh uses conditional GET and stores only what is new")
    func subscribeAndRefresh() throws {
        let (site, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let added = try cli.run(["feeds", "add", server.url("/").absoluteString, "--folder", "Local"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("subscribed to Harbour News") && added.stdout.contains("2 new articles"))

        let unchanged = try cli.run(["refresh"])
        #expect(unchanged.stdout.contains("Harbour News: not modified"), "\(unchanged.stdout)")
        #expect(site.conditionalHits == 1)

        site.addItem()
        let fresh = try cli.run(["refresh"])
        #expect(fresh.stdout.contains("Harbour News: 1 new"), "\(fresh.stdout)")
        let list = try #require(try cli.run(["list", "--json"]).json as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list.first?["title"] as? String == "Council story number 3")
        let feeds = try #require(try cli.run(["feeds", "list", "--json"]).json as? [[String: Any]])
        #expect(feeds.first?["folder"] as? String == "Local")
        #expect(feeds.first?["articles"] as? Int == 3)
    }

    @Test("feeds add --full completes teaser items from the pages they link to, and refresh keeps doing so")
    func teasersCompleted() throws {
        let (site, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let added = try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString, "--full"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(site.storyHits == 2)
        let list = try #require(try cli.run(["list", "--json"]).json as? [[String: Any]])
        let id = try #require(list.first?["id"])
        let shown = try #require(try cli.run(["show", "\(id)", "--json"]).json as? [String: Any])
        let body = try #require(shown["body"] as? String)
        #expect(body.hasPrefix("The harbour council met on day"))
        #expect(body.contains("noise survey before the first piles"))
        #expect(!body.contains("Other news") && !body.contains("Sport"))

        site.addItem()
        let fresh = try cli.run(["refresh"])
        #expect(fresh.stdout.contains("1 new"), "\(fresh.stdout)")
        #expect(site.storyHits == 3)
        let again = try #require(try cli.run(["show", "\(id)", "--json"]).json as? [String: Any])
        #expect((again["body"] as? String)?.contains("noise survey before the first piles") == true,
                "the stored full text is not replaced by the feed's teaser")
    }

    @Test("without --full a teaser item keeps its feed text and no page is fetched")
    func teasersKeptWithoutFull() throws {
        let (site, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let added = try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(site.storyHits == 0)
        let list = try #require(try cli.run(["list", "--json"]).json as? [[String: Any]])
        let id = try #require(list.first?["id"])
        let shown = try #require(try cli.run(["show", "\(id)", "--json"]).json as? [String: Any])
        #expect((shown["body"] as? String)?.contains("noise survey") == false)
    }

    @Test("full-text-feeds in the config completes a feed's teasers by host, without --full")
    func teasersCompletedByConfig() throws {
        let (site, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let configFolder = cli.home.appendingPathComponent("config/lede")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try Data("full-text-feeds = [\"127.0.0.1\"]\n".utf8).write(to: configFolder.appendingPathComponent("config.toml"))
        let added = try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(site.storyHits == 2)
        site.addItem()
        _ = try cli.run(["refresh"])
        #expect(site.storyHits == 3)
    }

    @Test("a failing feed is reported on its own line and does not stop the others")
    func failingFeed() throws {
        let (_, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString])
        let opml = cli.home.appendingPathComponent("subs.opml")
        try Data("""
            <?xml version="1.0"?><opml version="2.0"><head><title>s</title></head><body>
            <outline text="Broken" xmlUrl="\(server.url("/broken.xml").absoluteString)"/></body></opml>
            """.utf8).write(to: opml)
        #expect(try cli.run(["opml", "import", opml.path]).stdout.contains("imported 1 feeds (1 new)"))
        let refresh = try cli.run(["refresh"])
        #expect(refresh.status == 0)
        #expect(refresh.stdout.contains("Broken: error: the server answered HTTP 500"), "\(refresh.stdout)")
        #expect(refresh.stdout.contains("Harbour News: not modified"))
    }

    @Test("OPML export round-trips through import, folders included")
    func opmlRoundTrip() throws {
        let (_, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString, "--folder", "News/Local"])
        let exported = try cli.run(["opml", "export"])
        #expect(exported.stdout.contains("<opml"))
        let file = cli.home.appendingPathComponent("export.opml")
        try Data(exported.stdout.utf8).write(to: file)
        let other = cli.home.appendingPathComponent("other.sqlite").path
        #expect(try cli.run(["--library", other, "opml", "import", file.path]).status == 0)
        let feeds = try #require(try cli.run(["--library", other, "feeds", "list", "--json"]).json as? [[String: Any]])
        #expect(feeds.map { $0["url"] as? String } == [server.url("/feed.xml").absoluteString])
        #expect(feeds.first?["folder"] as? String == "News/Local")
        #expect(feeds.first?["title"] as? String == "Harbour News")
    }

    @Test("refresh stores the new items, then analyses them: search finds them and show has bullets and entities")
    func refreshAnalyses() throws {
        let (site, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        try cli.run(["feeds", "add", server.url("/feed.xml").absoluteString])
        site.addItem()
        site.addItem()
        let refresh = try cli.run(["refresh"])
        #expect(refresh.stdout.contains("Harbour News: 2 new"), "\(refresh.stdout)")
        let library = try Library(path: cli.libraryPath)
        #expect(try library.pendingAnalysisCount() == 0)
        // Search sees only analysed articles, so this also shows the second phase ran.
        let found = try #require(try cli.run(["search", "ferry", "--json"]).json as? [[String: Any]])
        #expect(found.count == 4)
        let newest = try #require(try cli.run(["list", "--json", "--limit", "1"]).json as? [[String: Any]])
        let id = try #require(newest.first?["id"] as? Int)
        let shown = try #require(try cli.run(["show", String(id), "--json"]).json as? [String: Any])
        #expect((shown["bullets"] as? [Any])?.isEmpty == false)
        #expect((shown["entities"] as? [[String: Any]])?.contains { $0["name"] as? String == "Jane Doe" } == true)
    }

    @Test("a pending article is listed, show and export analyse it on demand, and any refresh finishes the rest")
    func pendingArticlesOnTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let library = try Library(path: cli.libraryPath)
        func item(_ number: Int) -> ParsedDocument {
            ParsedDocument(title: "Pending story \(number)", source: "https://news.example/\(number)", link: "https://news.example/\(number)",
                           body: """
                               The harbour council met on day \(number) and voted to approve the ferry terminal plan. \
                               The mayor, Jane Doe, said the terminal would open next year.
                               """)
        }
        let ids = try library.storePending((1...3).map(item)).map { try $0.get().articleID }
        let list = try #require(try cli.run(["list", "--json"]).json as? [[String: Any]])
        #expect(list.compactMap { $0["title"] as? String } == ["Pending story 3", "Pending story 2", "Pending story 1"])
        #expect(list.allSatisfy { ($0["snippet"] as? String)?.contains("harbour council") == true })

        let shown = try cli.run(["show", String(ids[0]), "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let article = try #require(shown.json as? [String: Any])
        #expect((article["bullets"] as? [Any])?.isEmpty == false)
        #expect((article["entities"] as? [[String: Any]])?.contains { $0["name"] as? String == "Jane Doe" } == true)
        #expect(try library.pendingAnalysisCount() == 2)

        let exported = try #require(try cli.run(["export", "--format", "json", String(ids[1])]).json as? [[String: Any]])
        #expect((exported.first?["bullets"] as? [Any])?.isEmpty == false)
        #expect(try library.pendingAnalysisCount() == 1)

        #expect(try cli.run(["refresh"]).status == 0)
        #expect(try library.pendingAnalysisCount() == 0)
        #expect(try library.article(id: ids[2])?.bullets.isEmpty == false)
    }

    @Test("add takes a web page URL and stores its article without the page around it")
    func addPage() throws {
        let (_, server, cli) = try start()
        defer { server.stop(); cli.remove() }
        let added = try cli.run(["add", server.url("/page.html").absoluteString])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("added 1"))
        let article = try #require(try cli.run(["show", "1", "--json"]).json as? [String: Any])
        #expect(article["title"] as? String == "Ferry terminal opens")
        let body = try #require(article["body"] as? String)
        #expect(body.contains("4,000 passengers") && !body.contains("newsletter") && !body.contains("World"))
        let missing = try cli.run(["add", server.url("/nothing").absoluteString])
        #expect(missing.status != 0 && missing.stderr.contains("HTTP 404"))
        #expect(try cli.run(["feeds", "remove", "https://not.subscribed.example/"]).status != 0)
    }
}

final class ServerBox: @unchecked Sendable {
    var base = ""
}

/// Serves a `NewsSite` on 127.0.0.1.
enum LocalNewsServer {
    static func start(site: NewsSite, box: ServerBox) throws -> LocalHTTPServer {
        let server = try LocalHTTPServer { request in site.respond(request, base: box.base) }
        box.base = "http://127.0.0.1:\(server.port)"
        return server
    }
}
