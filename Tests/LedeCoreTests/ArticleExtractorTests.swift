import Foundation
import Testing
@testable import LedeCore

@Suite("Article extraction from web pages")
struct ArticleExtractorTests {
    static func page(_ name: String) throws -> Data {
        let url = Fixtures.corpusURL.deletingLastPathComponent().appendingPathComponent("pages/" + name)
        return try Data(contentsOf: url)
    }

    @Test("a news page gives its headline, byline, date and body without banners, ads, related links or comments")
    func newsArticle() throws {
        let doc = try ArticleExtractor.extract(try Self.page("news-article.html"),
                                               url: URL(string: "https://ledger.example/flood-wall?ref=home"))
        #expect(doc.title == "Harbor city votes to rebuild its flood wall")
        #expect(doc.byline == "Priya Natarajan")
        #expect(doc.published.map(FeedDate.iso8601) == "2024-05-14T13:30:00Z")
        #expect(doc.link == "https://ledger.example/2024/05/14/flood-wall")
        #expect(doc.source == "https://ledger.example/flood-wall?ref=home")
        let paragraphs = doc.body.components(separatedBy: "\n\n")
        #expect(paragraphs.first?.hasPrefix("The city council voted 7 to 2") == true)
        #expect(paragraphs.last?.hasPrefix("Opponents, including council member Dale Whitcombe") == true)
        #expect(paragraphs.contains("Construction to begin next spring"))
        #expect(paragraphs.count == 6)
        for unwanted in ["cookies", "Subscribe today", "Advertisement", "Storm surge", "Share on", "comments",
                         "basement", "Most read", "All rights reserved", "Sport"] {
            #expect(!doc.body.contains(unwanted), "\(unwanted)")
        }
    }

    @Test("a blog post takes title, authors and date from JSON-LD and keeps its numbered list")
    func blogWithJSONLD() throws {
        let doc = try ArticleExtractor.extract(try Self.page("blog-jsonld.html"))
        #expect(doc.title == "Why our sourdough starter died (and how we revived it)")
        #expect(doc.byline == "Mara Lindqvist, Joel Amsel")
        #expect(doc.published.map(FeedDate.iso8601) == "2023-11-02T07:15:00Z")
        #expect(doc.body.hasPrefix("For six years our starter"))
        #expect(doc.body.contains("1. Discard all but a tablespoon of the old starter.\n2. Feed it twice a day"))
        #expect(doc.body.hasSuffix("in its old plastic tub."))
        for unwanted in ["Pin it", "newsletter", "tiny apartment", "Tags", "Powered by", "Recipes"] {
            #expect(!doc.body.contains(unwanted), "\(unwanted)")
        }
    }

    @Test("an article split over several blocks in a Windows-1252 page is read whole, with rel=author and time")
    func splitBody() throws {
        let doc = try ArticleExtractor.extract(try Self.page("split-body-cp1252.html"))
        #expect(doc.title == "Café owners fight rent rise")
        #expect(doc.byline == "Inés Ortega")
        #expect(doc.published.map(FeedDate.iso8601) == "2022-08-30T00:00:00Z")
        let paragraphs = doc.body.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs.first?.hasPrefix("Owners of three cafés on Mill Road") == true)
        #expect(paragraphs.contains { $0.hasPrefix("“We have been here eleven years") })
        #expect(paragraphs.last?.hasPrefix("A public meeting") == true)
        #expect(!doc.body.contains("delivered every morning"))
        #expect(!doc.body.contains("Bridge closure"))
    }

    @Test("a page with no article text is refused, and an empty one too")
    func refusals() {
        #expect(throws: PageError.noArticle) {
            try ArticleExtractor.extract(Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8))
        }
        #expect(throws: PageError.empty) { try ArticleExtractor.extract(Data()) }
    }

    @Test("a site name after the headline in <title> is dropped when nothing better names the page")
    func titleSuffix() {
        #expect(PageMetadata.strippingSiteName("Storm hits the coast overnight | Daily News") == "Storm hits the coast overnight")
        #expect(PageMetadata.strippingSiteName("Home - Site") == "Home - Site")
        #expect(PageMetadata.cleanByline("By Jane Doe |") == "Jane Doe")
    }
}

@Suite("Feed discovery")
struct FeedDiscoveryTests {
    @Test("a page's alternate links are found, resolved against <base href>, deduplicated, in page order")
    func alternates() {
        let html = """
            <html><head><base href="/blog/">
            <link rel="alternate" type="application/rss+xml" title="Posts" href="feed.xml">
            <link rel="alternate" type="application/atom+xml" href="/atom">
            <link rel="alternate" type="application/rss+xml" href="feed.xml">
            <link rel="stylesheet" href="style.css"><link rel="alternate" hreflang="fr" href="/fr/">
            </head><body><a href="/other.rss">rss</a></body></html>
            """
        let found = FeedDiscovery.feeds(inHTML: Data(html.utf8), url: URL(string: "https://site.example/index.html"))
        #expect(found.map(\.url) == ["https://site.example/blog/feed.xml", "https://site.example/atom"])
        #expect(found.first?.title == "Posts")
    }

    @Test("without alternate links, anchors that look like feeds are offered")
    func anchors() {
        let html = "<p>Subscribe: <a href='/rss.xml'>RSS</a> or <a href='/about'>about</a></p>"
        let found = FeedDiscovery.feeds(inHTML: Data(html.utf8), url: URL(string: "https://x.example/"))
        #expect(found.map(\.url) == ["https://x.example/rss.xml"])
    }
}

@Suite("Page metadata")
struct PageMetadataTests {
    static func metadata(_ html: String) throws -> PageMetadata {
        let root = try #require(MarkupParser.parseHTML(utf8: Array(html.utf8), url: nil))
        return PageMetadata(root: root)
    }

    @Test("a byline block keeps the name and leaves out the date, reading time and job title")
    func bylineWithoutDate() throws {
        let arc = try Self.metadata("<div class='byline-wrapper'><span>By Ana Ruiz</span> <span>Published May 8, 2009</span></div><p>Text.</p>")
        #expect(arc.byline == "Ana Ruiz")
        #expect(arc.published.map(FeedDate.iso8601) == "2009-05-08T00:00:00Z")
        let split = try Self.metadata("<div class='author-line'><time>Friday, May 8, 2009</time><span>By</span><a>Li Wei</a><span>Reporter</span></div>")
        #expect(split.byline == "Li Wei")
        let dateOnly = try Self.metadata("<div class='amp-byline'>Sunday, August 2, 2015</div>")
        #expect(dateOnly.byline == nil)
        #expect(dateOnly.published.map(FeedDate.iso8601) == "2015-08-02T00:00:00Z")
    }

    @Test("the author of a comment is not the article's byline, nor a comment's date its date")
    func commentsIgnored() throws {
        let page = try Self.metadata("""
            <article><p>Story text.</p></article><section id='comments'><div class='comment'>
            <span class='comment-author'>troll99</span><span class='comment-date'>June 1, 2020</span><p>First!</p></div></section>
            """)
        #expect(page.byline == nil)
        #expect(page.published == nil)
    }

    @Test("a printed date beside the reading time and a microdata date are read")
    func printedDates() throws {
        let printed = try Self.metadata("<p class='meta'>September 9, 2016 · 4 min read</p>")
        #expect(printed.published.map(FeedDate.iso8601) == "2016-09-09T00:00:00Z")
        let microdata = try Self.metadata("<span itemprop='datePublished' content='2014-01-28'>Jan 28</span>")
        #expect(microdata.published.map(FeedDate.iso8601) == "2014-01-28T00:00:00Z")
    }
}

@Suite("Article extraction on common news-site layouts")
struct LayoutExtractionTests {
    static let folder = Fixtures.corpusURL.deletingLastPathComponent().appendingPathComponent("pages/layouts")
    static let pages: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".html") }.sorted()

    @Test("the layout set is there: eighteen pages, each with its hand-made body")
    func layoutSetIsComplete() {
        #expect(Self.pages.count == 18)
        for page in Self.pages {
            let body = Self.folder.appendingPathComponent(String(page.dropLast(5)) + ".body.txt")
            #expect(FileManager.default.fileExists(atPath: body.path), "\(page)")
        }
    }

    @Test("each layout's body comes out with its text and without the site around it", arguments: pages)
    func bodyMatchesReference(page: String) throws {
        let html = try Data(contentsOf: Self.folder.appendingPathComponent(page))
        let reference = try String(contentsOf: Self.folder.appendingPathComponent(String(page.dropLast(5)) + ".body.txt"),
                                   encoding: .utf8)
        let doc = try ArticleExtractor.extract(html)
        let score = ShingleOverlap(extracted: doc.body, reference: reference)
        #expect(score.recall >= 0.98, "recall \(score.recall)")
        #expect(score.precision >= 0.95, "precision \(score.precision)")
        #expect(!doc.title.isEmpty)
        #expect(!doc.body.hasPrefix(doc.title), "the headline is not part of the body")
    }

    @Test("shingle overlap counts repeats and is zero for unrelated text")
    func shingleOverlapArithmetic() {
        let same = ShingleOverlap(extracted: "one two three four five", reference: "One two, three four five.")
        #expect(same.precision == 1 && same.recall == 1)
        let half = ShingleOverlap(extracted: "one two three four five", reference: "one two three four five six seven eight nine")
        #expect(half.precision == 1)
        #expect(abs(half.recall - 2.0 / 6.0) < 1e-9)
        #expect(ShingleOverlap(extracted: "alpha beta gamma delta", reference: "one two three four").f1 == 0)
    }
}
