import Foundation
import Testing
@testable import LedeCore

/// A feed item's HTML is parsed once and rendered twice (with link references for `text`, without
/// for the document body); both renderings must be what two separate conversions gave.
@Suite("Feed item text from one parse")
struct FeedItemTextTests {
    static let base = URL(string: "http://example.org/dir/page.html")

    /// Both renderings against the two conversions they replace; nil when they agree.
    static func mismatch(_ html: String) -> String? {
        let texts = HTMLText.texts(fromHTML: html, base: base)
        let withReferences = HTMLText.text(fromHTML: html, base: base)
        // The document body was rendered against the item's link, not the element's base.
        let plain = HTMLText.text(fromHTML: html, base: URL(string: "https://other.example/item"), linkReferences: false)
        guard texts.withReferences == withReferences, texts.plain == plain else {
            return "\(html.debugDescription)\n  texts: \(texts)\n  old: \((withReferences, plain))"
        }
        return nil
    }

    @Test("both renderings of every item HTML in the conformance corpus match the separate conversions")
    func corpusAgrees() {
        let fragments = SimpleHTMLTests.corpusFragments()
        let mismatches = fragments.compactMap(Self.mismatch)
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) of \(fragments.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        #expect(fragments.count >= 50)
    }

    @Test("fragments with links, lists, entities and markup only libxml2 reads render the same both ways")
    func shapesAgree() {
        let fragments = [
            "<p>Acme bought <a href=\"https://acme.example\">Widgets</a>.</p>",
            "<p>See <a href=\"/more\">more</a> and <a href=\"/more\">again</a>, <a href=\"#top\">top</a>.</p>",
            "<ul><li>first <a href='rel'>x</a></li><li><b>second</b></li></ul><p>Last<br/>line</p>",
            "<p>a<p>b <a href=x>unquoted</a>", "<div><a href=\"javascript:void(0)\">js</a> text</div>",
            "plain &amp; simple", "no markup at all", "a < b", "<p>caf&eacute; &#x2019; &bogus;</p>",
            "<table><tr><td>a</td><td><a href=\"t\">b</a></td></tr></table>", "<pre>  keep\n  this</pre>", "",
        ]
        let mismatches = fragments.compactMap(Self.mismatch)
        #expect(mismatches.isEmpty, Comment(rawValue: mismatches.joined(separator: "\n")))
    }

    @Test("an item's document body is the same with the carried rendering as when rendered again")
    func documentsAgree() throws {
        var compared = 0, carried = 0
        for folder in ["feedparser", "gofeed"] {
            for ext in ["xml", "rss", "atom", "rdf", "json"] {
                for url in FeedConformanceTests.files(under: folder, ext: ext) {
                    guard case .success(let feed) = FeedConformanceTests.parse(url) else { continue }
                    for item in feed.items {
                        var old = item
                        old.plainText = nil
                        #expect(item.document(in: feed, feedURL: url.absoluteString) == old.document(in: feed, feedURL: url.absoluteString),
                                "\(url.lastPathComponent): \(item.id)")
                        compared += 1
                        if item.plainText != nil { carried += 1 }
                    }
                }
            }
        }
        // The comparison only proves something when many items carried their rendering.
        #expect(carried >= 50, "only \(carried) of \(compared) items carried a plain rendering")
    }

    @Test("an RSS item with a link carries its body without the reference the text shows")
    func carriedBody() throws {
        let xml = """
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>Deal</title><link>https://w.example/deal</link>
            <description>&lt;p&gt;Acme bought &lt;a href="/widgets"&gt;Widgets&lt;/a&gt;.&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://w.example/rss"))
        let item = try #require(feed.items.first)
        #expect(item.text == "Acme bought Widgets[1].\n\n[1] https://w.example/widgets")
        #expect(item.plainText == "Acme bought Widgets.")
        #expect(item.document(in: feed).body == "Acme bought Widgets.")
    }

    @Test("the byte checks for HTML-looking text and single lines answer as the Character-based ones on random text")
    func byteChecksAgree() {
        let pieces = ["<", ">", "&", "/", "!", "a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{301}", "\u{A0}", "\u{2028}",
                      "\u{85}", "é", "ß", "€", "“", "\u{E33}", "\u{FF9E}", "\u{3099}", "\u{1F3FB}", "日本", "<p>", "</b>", "<!--", "&amp;", "& ", "1", ".", "\u{200D}", "\u{1F600}", "\u{7F}",
                      "\u{1B}[1m", "\u{9B}", "\u{2010}", "\u{2027}", "\u{2028}", "\u{205E}", "\u{205F}", "\u{2FF}", "\u{300}", "\u{A1}", "\u{A0}", "\u{10FFFF}"]
        var generator = SplitMix(seed: 0xB17E)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 7)
            let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if FeedText.looksLikeHTML(text) != FeedText.looksLikeHTMLByCharacters(text) {
                mismatches.append("looksLikeHTML \(text.debugDescription)")
            }
            let cleaned = TextSanitizer.clean(text)
            let split = cleaned.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if TextSanitizer.isSingleLine(cleaned) && split != cleaned {
                mismatches.append("isSingleLine \(cleaned.debugDescription)")
            }
            if TextSanitizer.singleLine(text) != split { mismatches.append("singleLine \(text.debugDescription)") }
            if TextSanitizer.isAlreadyClean(text) != TextSanitizer.isAlreadyCleanByScalars(text) {
                mismatches.append("isAlreadyClean \(text.debugDescription)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(TextSanitizer.isSingleLine("Acme buys “Widgets” for €3 million"))
        #expect(TextSanitizer.isAlreadyClean("Acme buys “Widgets” for £3 million\nMore — later…"))
        #expect(!TextSanitizer.isAlreadyClean("Acme buys “Widgets” for €3 million"))
        #expect(!TextSanitizer.isSingleLine(" Acme"))
    }
}
