import Foundation
import LedeTestSupport
import Testing
@testable import LedeCore

@Suite("Fetching over HTTP from a local server", .serialized)
struct FeedFetcherTests {
    static let feedXML = Data("""
        <rss version="2.0"><channel><title>Local</title><item><title>One</title><link>http://127.0.0.1/1</link></item></channel></rss>
        """.utf8)

    static func fixture(_ name: String) -> Data {
        (try? Data(contentsOf: Fixtures.corpusURL.deletingLastPathComponent().appendingPathComponent("http/" + name))) ?? Data()
    }

    static func makeServer() throws -> LocalHTTPServer {
        let gzipFeed = fixture("feed.xml.gz")
        let bomb = fixture("zeros-64MB.gz")
        return try LocalHTTPServer { request in
            switch request.path {
            case "/feed":
                if request.headers["if-none-match"] == "\"v1\"" || request.headers["if-modified-since"] == "Tue, 11 Apr 2023 00:00:00 GMT" {
                    return .init(status: 304, headers: ["ETag": "\"v1\""])
                }
                return .init(status: 200, headers: ["Content-Type": "application/rss+xml", "ETag": "\"v1\"",
                                                    "Last-Modified": "Tue, 11 Apr 2023 00:00:00 GMT"], body: feedXML)
            case "/moved": return .init(status: 301, headers: ["Location": "/feed"])
            case "/loop": return .init(status: 302, headers: ["Location": "/loop"])
            case "/gzip": return .init(status: 200, headers: ["Content-Encoding": "gzip", "Content-Type": "text/xml"], body: gzipFeed)
            case "/bomb": return .init(status: 200, headers: ["Content-Encoding": "gzip", "Content-Type": "text/xml"], body: bomb)
            case "/slow": return .init(status: 200, body: feedXML, delay: 4)
            case "/broken": return .init(status: 500, body: Data("oops".utf8))
            case "/huge": return .init(status: 200, body: Data("<rss>".utf8), streamedFiller: 8 * 1024 * 1024)
            case "/wrong-type": return .init(status: 200, headers: ["Content-Type": "image/png"], body: feedXML)
            default: return .init(status: 404)
            }
        }
    }

    let fetcher = FeedFetcher(policy: FetchPolicy(timeout: 1.5, maxBytes: 1024 * 1024, maxRedirects: 3))

    func error(_ url: URL) async -> FetchError? {
        do {
            _ = try await fetcher.fetch(url)
            return nil
        } catch {
            return error
        }
    }

    @Test("a 200 returns the body and validators, and a conditional GET with them gets 304")
    func conditionalGet() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        guard case .fetched(let data, _, let type, let validators) = try await fetcher.fetch(server.url("/feed")) else {
            Issue.record("expected a body")
            return
        }
        #expect(data == Self.feedXML)
        #expect(type == "application/rss+xml")
        #expect(validators.etag == "\"v1\"")
        #expect(validators.lastModified == "Tue, 11 Apr 2023 00:00:00 GMT")
        let again = try await fetcher.fetch(server.url("/feed"), validators: validators)
        guard case .notModified = again else {
            Issue.record("expected 304")
            return
        }
        let byDate = try await fetcher.fetch(server.url("/feed"), validators: FetchValidators(lastModified: validators.lastModified))
        guard case .notModified = byDate else {
            Issue.record("expected 304 from If-Modified-Since")
            return
        }
    }

    @Test("redirects are followed up to the limit, and a redirect loop is an error")
    func redirects() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        guard case .fetched(let data, let finalURL, _, _) = try await fetcher.fetch(server.url("/moved")) else {
            Issue.record("expected a body")
            return
        }
        #expect(data == Self.feedXML)
        #expect(finalURL.path == "/feed")
        let loop = await error(server.url("/loop"))
        #expect(loop == .tooManyRedirects(limit: 3))
    }

    @Test("a gzip body is decompressed, and a decompression bomb stops at the size cap")
    func gzip() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        guard case .fetched(let data, _, _, _) = try await fetcher.fetch(server.url("/gzip")) else {
            Issue.record("expected a body")
            return
        }
        #expect(try FeedParser.parse(data).title == "Compressed")
        #expect(await error(server.url("/bomb")) == .tooLarge(limit: 1024 * 1024))
    }

    @Test("a slow server times out, a 500 is reported, a huge body is cut off")
    func failures() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        #expect(await error(server.url("/slow")) == .timedOut)
        #expect(await error(server.url("/broken")) == .httpStatus(500))
        #expect(await error(server.url("/missing")) == .httpStatus(404))
        #expect(await error(server.url("/huge")) == .tooLarge(limit: 1024 * 1024))
    }

    @Test("a feed served with the wrong content type is still a feed: detection reads the bytes")
    func wrongContentType() async throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        guard case .fetched(let data, _, let type, _) = try await fetcher.fetch(server.url("/wrong-type")) else {
            Issue.record("expected a body")
            return
        }
        #expect(type == "image/png")
        #expect(ContentSniffer.detect(data) == .feed(.rss20))
    }

    @Test("only http, https and file sources are read")
    func schemes() async throws {
        let ftp = try #require(URL(string: "ftp://example.com/feed"))
        #expect(await error(ftp) == .unsupportedScheme("ftp"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lede-fetch-\(UUID().uuidString).xml")
        try Self.feedXML.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .fetched(let data, _, _, _) = try await fetcher.fetch(file) else {
            Issue.record("expected the file")
            return
        }
        #expect(data == Self.feedXML)
    }
}
