import Foundation
import Testing
@testable import LedeCore

@Suite("Feed parser")
struct FeedParserTests {
    func parse(_ xml: String, url: String? = nil) throws -> Feed {
        try FeedParser.parse(Data(xml.utf8), url: url.flatMap(URL.init(string:)))
    }

    func refusal(_ data: Data) -> FeedError? {
        do {
            _ = try FeedParser.parse(data)
            return nil
        } catch {
            return error
        }
    }

    @Test("an RSS 2.0 item yields title, link, guid, date, author and text")
    func rss20Item() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>Daily &amp; Weekly</title><link>https://example.com/</link>
            <item><title>Storm hits coast</title><link>https://example.com/storm</link>
            <guid isPermaLink="false">storm-1</guid><pubDate>Tue, 11 Apr 2023 08:30:00 +0200</pubDate>
            <dc:creator>Asia Martin</dc:creator>
            <description>&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second &lt;a href="/more"&gt;paragraph&lt;/a&gt;.&lt;/p&gt;</description>
            </item></channel></rss>
            """, url: "https://example.com/feed")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Daily & Weekly")
        #expect(feed.link == "https://example.com/")
        #expect(feed.warnings.isEmpty)
        let item = try #require(feed.items.first)
        #expect(item.id == "storm-1")
        #expect(item.link == "https://example.com/storm")
        #expect(item.author == "Asia Martin")
        #expect(item.published.map(FeedDate.iso8601) == "2023-04-11T06:30:00Z")
        #expect(item.text == "First paragraph.\n\nSecond paragraph[1].\n\n[1] https://example.com/more")
    }

    @Test("RSS 1.0, RSS 0.91 and Atom 0.3 are told apart by their namespaces and versions")
    func formats() throws {
        #expect(try parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel><item rdf:about=\"http://x/1\"><title>a</title><link>http://x/1</link></item></rdf:RDF>").format == .rss10)
        #expect(try parse("<rss version=\"0.91\"><channel><title>t</title></channel></rss>").format == .rss09x)
        #expect(try parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title></feed>").format == .atom03)
        #expect(try parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>").format == .atom10)
    }

    @Test("Atom entries resolve relative links against nested xml:base and the feed URL")
    func atomBase() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">
            <title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>
            <link rel="self" href="feed.xml"/><link href="index.html"/>
            <entry xml:base="2024/"><title>One</title><id>tag:x,2024:1</id><link rel="alternate" href="one.html"/>
            <updated>2024-03-01T10:00:00Z</updated><published>2024-02-29T09:00:00-05:00</published>
            <author><name>Ann Lee</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="two.html">two</a></p><ul><li>a</li><li>b</li></ul></div></content>
            </entry></feed>
            """, url: "https://example.org/feeds/atom")
        #expect(feed.title == "A bold title")
        #expect(feed.link == "https://example.org/news/index.html")
        let item = try #require(feed.items.first)
        #expect(item.link == "https://example.org/news/2024/one.html")
        #expect(item.published.map(FeedDate.iso8601) == "2024-02-29T14:00:00Z")
        #expect(item.author == "Ann Lee")
        #expect(item.text == "Hello two[1]\n\n• a\n• b\n\n[1] https://example.org/news/2024/two.html")
    }

    @Test("JSON Feed 1.1 items keep their HTML as text and fall back to the feed's authors")
    func jsonFeed() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",
             "authors": [{"name": "Desk"}],
             "items": [{"id": 7, "url": "https://j.example/7", "content_html": "<p>Hi <em>there</em></p>",
                        "date_published": "2020-01-02T03:04:05Z"}]}
            """
        let feed = try FeedParser.parse(Data(json.utf8))
        #expect(feed.format == .jsonFeed11)
        let item = try #require(feed.items.first)
        #expect(item.id == "7")
        #expect(item.text == "Hi there")
        #expect(item.author == "Desk")
        #expect(item.published.map(FeedDate.iso8601) == "2020-01-02T03:04:05Z")
    }

    @Test("undefined HTML entities, unclosed tags and a wrong declared encoding are recovered with warnings")
    func recovery() throws {
        let entities = try parse("<rss version=\"2.0\"><channel><title>caf&eacute;&nbsp;bar</title></channel></rss>")
        #expect(entities.title == "café bar")
        #expect(!entities.warnings.isEmpty)

        let unclosed = try parse("<rss version=\"2.0\"><channel><title>T</title><item><title>Kept</title><description>x")
        #expect(unclosed.items.first?.title == "Kept")
        #expect(unclosed.warnings.contains { $0.contains("ill-formed") })

        var latin1 = Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Array("</title></channel></rss>".utf8))
        let wrong = try FeedParser.parse(latin1)
        #expect(wrong.title == "Café")
        #expect(wrong.warnings.contains { $0.contains("encoding") || $0.contains("UTF-8") })
    }

    @Test("documents in other encodings are decoded from their declaration")
    func declaredEncodings() throws {
        var data = Data("<?xml version=\"1.0\" encoding=\"koi8-r\"?><rss version=\"2.0\"><channel><title>".utf8)
        data.append(contentsOf: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]) // "Привет" in KOI8-R
        data.append(contentsOf: Array("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(data).title == "Привет")
        let utf16 = try #require("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Ünï</title></channel></rss>"
            .data(using: .utf16))
        #expect(try FeedParser.parse(utf16).title == "Ünï")
    }

    @Test("a billion-laughs document is refused with an entity expansion error")
    func billionLaughs() {
        var dtd = "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
        dtd += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">"
        for level in 2...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        dtd += "]>"
        let xml = "<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
        let error = refusal(Data(xml.utf8))
        #expect(error == .entityExpansionLimit)
    }

    @Test("a quadratic-blowup document is refused")
    func quadraticBlowup() {
        let big = String(repeating: "x", count: 50_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss version=\"2.0\"><channel><title>"
            + String(repeating: "&a;", count: 2_000) + "</title></channel></rss>"
        #expect(refusal(Data(xml.utf8)) == .entityExpansionLimit)
    }

    @Test("external entities are never loaded")
    func externalEntities() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + "<rss version=\"2.0\"><channel><title>a&xxe;b</title></channel></rss>"
        if let feed = try? parse(xml) {
            #expect(feed.title == "ab" || feed.title == "a&xxe;b")
        }
    }

    @Test("what is not a feed is refused with a reason")
    func refusals() {
        #expect(refusal(Data()) == .empty)
        #expect(refusal(Data("   \n ".utf8)) == .empty)
        #expect(refusal(Data("<!DOCTYPE html><html><body><p>hi</p></body></html>".utf8)) == .notAFeed(found: "an HTML page"))
        #expect(refusal(Data("{\"hello\": 1}".utf8)) == .notAFeed(found: "JSON that is not a JSON Feed"))
        #expect(refusal(Data("{\"version\": ".utf8)) == .invalidJSON(reason: "the JSON does not parse"))
        #expect(refusal(Data([0x00, 0x01, 0x02, 0x03, 0xFF, 0x10, 0x11, 0x12])) == .notAFeed(found: "binary data"))
        #expect(refusal(Data("<note><to>x</to></note>".utf8)) == .notAFeed(found: "XML whose root element is <note>"))
        #expect(refusal(Data(repeating: 0x20, count: 100), maxBytes: 10) == .tooLarge(bytes: 100, limit: 10))
        #expect(FeedError.entityExpansionLimit.description.contains("refused"))
    }

    func refusal(_ data: Data, maxBytes: Int) -> FeedError? {
        do {
            _ = try FeedParser.parse(data, maxBytes: maxBytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("content sniffing tells feeds, pages and other things apart regardless of the file name")
    func sniffing() {
        #expect(ContentSniffer.detect(Data("\u{FEFF}  <?xml version=\"1.0\"?><!-- hi --><rss version=\"2.0\"/>".utf8), filename: "x.html") == .feed(.rss20))
        #expect(ContentSniffer.detect(Data("<!doctype html><title>x</title>".utf8), filename: "feed.xml") == .html)
        #expect(ContentSniffer.detect(Data("<html><body>x</body></html>".utf8)) == .html)
        #expect(ContentSniffer.detect(Data("Just some words.".utf8), filename: "notes.txt") == .other)
        #expect(ContentSniffer.detect(Data("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[]}".utf8)) == .feed(.jsonFeed10))
    }
}

@Suite("Feed dates")
struct FeedDateTests {
    @Test("RFC 822 dates and their sloppy variants parse to the same instant", arguments: [
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21 +0000", "2004-01-01T19:48:21Z"),
        ("Thu, 1 Jan 04 19:48:21 EST", "2004-01-02T00:48:21Z"),
        ("01 Jan 2004 19:48 PDT", "2004-01-02T02:48:00Z"),
        ("Thursday, 01-Jan-2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Thu, 01 January 2004 19:48:21 +01:00", "2004-01-01T18:48:21Z"),
        ("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21Z"),
        ("Thu Jan 01 19:48:21 CET 2004", "2004-01-01T18:48:21Z"),
        ("Jan 1, 2004 7:48 PM", "2004-01-01T19:48:00Z"),
        ("Thu, 01 Jan 2004 19:48:21 AEST", "2004-01-01T09:48:21Z"),
    ])
    func rfc822(raw: String, iso: String) {
        #expect(FeedDate.parse(raw).map(FeedDate.iso8601) == iso)
    }

    @Test("ISO 8601 and W3CDTF dates parse at every precision", arguments: [
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z"),
        ("2003-12-31T10:14:55.123+0100", "2003-12-31T09:14:55Z"),
        ("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"),
        ("2003-12-31", "2003-12-31T00:00:00Z"),
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003", "2003-01-01T00:00:00Z"),
        ("20031231T101455Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31 10:14:55", "2003-12-31T10:14:55Z"),
    ])
    func iso8601(raw: String, iso: String) {
        #expect(FeedDate.parse(raw).map(FeedDate.iso8601) == iso)
    }

    @Test("text that is not a date gives nil", arguments: ["", "yesterday", "2004-13-45", "Feb 30 2004 10:00", "banana 12"])
    func notDates(raw: String) {
        #expect(FeedDate.parse(raw) == nil)
    }
}

@Suite("Feed inspection")
struct FeedInspectionTests {
    @Test("the inspect JSON has DESIGN.md's keys, with nulls for missing dates and authors")
    func shape() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
            <item><title>A</title><link>https://t.example/a</link><pubDate>Tue, 11 Apr 2023 00:00:00 GMT</pubDate><description>Body</description></item>
            <item><title>B</title><guid>b-1</guid></item></channel></rss>
            """
        let inspection = try Feed.inspect(Data(xml.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: inspection.jsonData()) as? [String: Any])
        #expect(Set(object.keys) == ["format", "title", "link", "items", "warnings"])
        #expect(object["format"] as? String == "rss2.0")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["id", "title", "link", "published", "author", "text"])
        #expect(items[0]["published"] as? String == "2023-04-11T00:00:00Z")
        #expect(items[0]["text"] as? String == "Body")
        #expect(items[1]["published"] is NSNull)
        #expect(items[1]["author"] is NSNull)
        #expect(items[1]["id"] as? String == "b-1")
    }

    @Test("a feed item becomes a parsed document named after its feed, without link references in the body")
    func document() throws {
        let xml = """
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>Deal</title><link>https://w.example/deal</link><author>Kim</author>
            <description>&lt;p&gt;Acme bought &lt;a href="https://acme.example"&gt;Widgets&lt;/a&gt;.&lt;/p&gt;</description></item>
            <item><description>No title here, only words in a row.</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8))
        let first = feed.items[0].document(in: feed, feedURL: "https://w.example/rss")
        #expect(first.title == "Deal")
        #expect(first.feed == "Wire")
        #expect(first.link == "https://w.example/deal")
        #expect(first.source == "https://w.example/deal")
        #expect(first.byline == "Kim")
        #expect(first.body == "Acme bought Widgets.")
        let second = feed.items[1].document(in: feed, feedURL: "https://w.example/rss")
        #expect(second.source == "https://w.example/rss")
        #expect(second.title == "No title here, only words in a row.")
    }
}

@Suite("HTML to text")
struct HTMLTextTests {
    @Test("paragraphs, lists and links become clean text with numbered references")
    func rendering() {
        let html = """
            <h2>Title</h2><p>One <b>bold</b>
            line.<br>Next line.</p><script>alert(1)</script>
            <ol><li>first</li><li>second <a href="https://a.example/">link</a></li></ol>
            <p>Again <a href="https://a.example/">same link</a> and <a href="#top">anchor</a>.</p>
            """
        #expect(HTMLText.text(fromHTML: html) == """
            Title

            One bold line.

            Next line.

            1. first
            2. second link[1]

            Again same link[1] and anchor.

            [1] https://a.example/
            """)
    }

    @Test("control characters are dropped and mislabelled Windows-1252 quotes are repaired")
    func controls() {
        #expect(HTMLText.text(fromHTML: "don\u{92}t\u{07} stop") == "don\u{2019}t stop")
    }
}

@Suite("Hostile markup")
struct HostileMarkupTests {
    @Test("deeply nested XML and HTML are read or refused without exhausting the stack")
    func deepNesting() {
        let depth = 100_000
        let xml = "<rss version=\"2.0\"><channel><title>t</title><item><description>" + String(repeating: "<b>", count: depth)
            + "x" + String(repeating: "</b>", count: depth) + "</description></item></channel></rss>"
        _ = try? FeedParser.parse(Data(xml.utf8))
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>deep text that is long enough to count</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        _ = try? ArticleExtractor.extract(Data(html.utf8))
        // What matters here is that the process survives; how much of the nesting libxml2 keeps is its business.
        _ = HTMLText.text(fromHTML: String(repeating: "<i>", count: depth) + "y")
        let shallow = "<rss version=\"2.0\"><channel><title>" + String(repeating: "<b>", count: 50) + "ok"
            + String(repeating: "</b>", count: 50) + "</title></channel></rss>"
        #expect((try? FeedParser.parse(Data(shallow.utf8)))?.title == "ok")
    }

    @Test("binary junk and truncated documents give errors, not crashes")
    func junk() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 100, 5_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? FeedParser.parse(Data(bytes))
            _ = try? ArticleExtractor.extract(Data(bytes))
            _ = try? OPML.parse(Data(bytes))
        }
        let truncated = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half"
        #expect((try? FeedParser.parse(Data(truncated.utf8)))?.items.first?.title == "Half")
    }
}
