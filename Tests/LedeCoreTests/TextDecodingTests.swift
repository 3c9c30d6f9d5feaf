import Foundation
import Testing
@testable import LedeCore

@Suite("Decoding and sanitizing")
struct TextDecodingTests {
    let sample = "Café Zürich — “quoted” ✓ 日本"

    @Test("UTF-8, with and without a byte-order mark")
    func utf8() throws {
        #expect(try TextDecoding.decode(Data(sample.utf8)) == sample)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array(sample.utf8))) == sample)
    }

    @Test("UTF-16 and UTF-32 with byte-order marks, and UTF-16 without one")
    func wideEncodings() throws {
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let body = try #require(sample.data(using: encoding))
            #expect(try TextDecoding.decode(Data(bom) + body) == sample)
        }
        let utf32 = try #require(sample.data(using: .utf32LittleEndian))
        #expect(try TextDecoding.decode(Data([0xFF, 0xFE, 0x00, 0x00]) + utf32) == sample)
        let ascii = "Plain words in UTF-16 without a mark."
        #expect(try TextDecoding.decode(try #require(ascii.data(using: .utf16LittleEndian))) == ascii)
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252")
    func windows1252() throws {
        let bytes: [UInt8] = [0x93, 0x51, 0x75, 0x6F, 0x74, 0x65, 0x94, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80]
        #expect(try TextDecoding.decode(Data(bytes)) == "\u{201C}Quote\u{201D} café €")
    }

    @Test("empty, binary and oversized input are refused with a reason")
    func refusals() {
        #expect(throws: IngestError.empty) { try TextDecoding.decode(Data()) }
        #expect(throws: IngestError.binary) { try TextDecoding.decode(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])) }
        let big = Data(repeating: 0x61, count: TextDecoding.maximumBytes + 1)
        #expect(throws: IngestError.tooLarge(bytes: big.count, limit: TextDecoding.maximumBytes)) { try TextDecoding.decode(big) }
    }

    @Test("a device or a pipe is refused as not a regular file, before anything is read from it")
    func devicesRefused() {
        #expect(throws: IngestError.unreadable("not a regular file")) {
            try DocumentReader().documents(fileAt: URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test("escape sequences and control characters never survive", arguments: [
        ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
        ("title\u{1B}]0;pwned\u{07}", "title"),
        ("osc \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "osc link"),
        ("c1 \u{9B}2Jcsi", "c1 csi"),
        ("bell\u{07} nul\u{00} del\u{7F}", "bell nul del"),
        ("a\u{00A0}b\u{2009}c", "a b c"),
        ("line\r\nnext\rlast", "line\nnext\nlast"),
        ("bidi \u{202E}txet", "bidi txet"),
        ("esc before a letter \u{1B}\u{00E9}x", "esc before a letter x"),
        ("na\u{00EF}ve \u{2014} \u{201C}quoted\u{201D} \u{65E5}\u{672C} \u{1F600}", "na\u{00EF}ve \u{2014} \u{201C}quoted\u{201D} \u{65E5}\u{672C} \u{1F600}"),
        ("csi stops at a non-ASCII letter \u{1B}[3\u{00E9}", "csi stops at a non-ASCII letter \u{00E9}"),
    ])
    func sanitizing(input: String, output: String) {
        #expect(TextSanitizer.clean(input) == output)
    }

    @Test("text is composed to NFC so offsets match what a reader sees")
    func normalization() {
        #expect(TextSanitizer.clean("Cafe\u{0301}") == "Caf\u{00E9}")
        #expect(TextSanitizer.clean("\u{212B}ngstr\u{00F6}m") == "\u{00C5}ngstr\u{00F6}m")
        #expect(TextSanitizer.clean("\u{1100}\u{1161}") == "\u{AC00}")
    }

    @Test("text is known to be NFC only when every character is its own NFC and composes with nothing")
    func composedCheck() {
        #expect(TextSanitizer.isComposed("plain ASCII"))
        #expect(TextSanitizer.isComposed("na\u{00EF}ve \u{201C}quoted\u{201D} \u{2014} 5\u{20AC}"))
        #expect(!TextSanitizer.isComposed("Cafe\u{0301}"))
        #expect(!TextSanitizer.isComposed("\u{2000}wide"))
        #expect(!TextSanitizer.isComposed("\u{212B}"))
        #expect(!TextSanitizer.isComposed("\u{65E5}\u{672C}"))
    }

    @Test("a dateline is a date only when the whole line is one")
    func datelines() {
        #expect(DatelineParser.date(in: "Tuesday, September 22, 2015") != nil)
        #expect(DatelineParser.date(in: "22 March 2023") != nil)
        #expect(DatelineParser.date(in: "2023-04-11") != nil)
        #expect(DatelineParser.date(in: "Published Apr 11, 2023, 6:00 AM") != nil)
        #expect(DatelineParser.date(in: "Asia Martin") == nil)
        #expect(DatelineParser.date(in: "The storm hit on March 3, 2021 and left.") == nil)
        #expect(DatelineParser.date(in: "Updated: 3rd March 2021 | 10:15 GMT") != nil)
        #expect(DatelineParser.date(in: "On March 3, 2021 the council met, and it voted to close the harbour for a week.") == nil)
        #expect(DatelineParser.date(in: "22 m\u{00E4}rz 2023 March") == nil)
        #expect(DatelineParser.date(in: "Tuesday, 22 September 2015 \u{2014} 10:15") != nil)
    }

    @Test("feeds, web pages and JSON are recognized by content, not by name")
    func formatDetection() {
        #expect(DocumentReader.kind(of: Data("  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>".utf8), name: "x.txt") == .feed)
        #expect(DocumentReader.kind(of: Data("<!DOCTYPE html><html><body><p>Hi</p></body></html>".utf8), name: "story") == .html)
        #expect(DocumentReader.kind(of: Data("{\"a\": 1}".utf8), name: "x") == .json)
        #expect(DocumentReader.kind(of: Data("# Title".utf8), name: "notes.md") == .markdown)
        #expect(DocumentReader.kind(of: Data("Plain words.".utf8), name: "page.xml") == .text)
    }

    @Test("a feed file gives one document per item, a page one article; extract refuses a feed with a pointer")
    func feedsAndPages() throws {
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>https://example.org/</link>
            <item><title>Council approves plan</title><link>https://example.org/1</link>
            <description>&lt;p&gt;The council voted 7 to 2 on Tuesday.&lt;/p&gt;</description></item>
            <item><title>Storm \u{1B}[31mwarning</title><link>https://example.org/2</link><description>Winds of 90 km/h.</description></item>
            </channel></rss>
            """
        let documents = try DocumentReader().documents(data: Data(rss.utf8), source: "feed.xml")
        #expect(documents.first?.title == "Council approves plan")
        // XML cannot carry ESC; what the parser recovers must still never hold one.
        #expect(documents.last?.title.hasPrefix("Storm") == true && documents.last?.title.contains("\u{1B}") == false)
        let jsonFeed = #"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "title": "Red \u001b[31malert", "content_text": "Body text here."}]}"#
        #expect(try DocumentReader().documents(data: Data(jsonFeed.utf8), source: "feed.json").first?.title == "Red alert")
        #expect(documents.first?.feed == "Harbour News")
        #expect(documents.first?.link == "https://example.org/1")
        #expect(documents.first?.body == "The council voted 7 to 2 on Tuesday.")
        #expect(throws: IngestError.self) { try DocumentReader().read(data: Data(rss.utf8), source: "feed.xml") }
    }
}
