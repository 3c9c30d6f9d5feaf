import Foundation
import Testing
@testable import LedeCore

/// The libxml2-free reader of simple item HTML must give exactly the text libxml2's parser gives.
@Suite("Simple HTML fast path")
struct SimpleHTMLTests {
    static let base = URL(string: "http://example.org/dir/page.html")

    /// Both paths, with and without link references; nil when they agree.
    static func mismatch(_ html: String) -> String? {
        for links in [true, false] {
            let fast = HTMLText.text(fromHTML: html, base: base, linkReferences: links, simpleFastPath: true)
            let slow = HTMLText.text(fromHTML: html, base: base, linkReferences: links, simpleFastPath: false)
            if fast != slow { return "\(html.debugDescription)\n  fast: \(fast.debugDescription)\n  libxml2: \(slow.debugDescription)" }
        }
        return nil
    }

    /// Every title, summary and content HTML of every item in the feedparser and gofeed fixtures.
    static func corpusFragments() -> [String] {
        var fragments: [String] = []
        for folder in ["feedparser", "gofeed"] {
            for ext in ["xml", "rss", "atom", "rdf"] {
                for url in FeedConformanceTests.files(under: folder, ext: ext) {
                    guard case .success(let feed) = FeedConformanceTests.parse(url) else { continue }
                    for item in feed.items {
                        fragments.append(item.title)
                        if let html = item.html { fragments.append(html) }
                    }
                }
            }
        }
        return fragments.filter { $0.contains("<") || $0.contains("&") }
    }

    @Test("every item HTML of the conformance corpus gives the same text on both paths")
    func corpusAgrees() {
        let fragments = Self.corpusFragments()
        let mismatches = fragments.compactMap(Self.mismatch)
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) of \(fragments.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        // The comparison only proves something if the fast path took a good share of the corpus.
        let simple = fragments.filter { SimpleHTML.parse($0, base: Self.base) != nil }.count
        #expect(simple >= 50, "only \(simple) of \(fragments.count) fragments took the fast path")
    }

    @Test("randomly assembled fragments give the same text on both paths")
    func randomFragmentsAgree() {
        let pieces = ["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<strong>", "</strong>", "<br>",
                      "<br/>", "<br />", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<span>", "</span>",
                      "<a href=\"/x?a=1&amp;b=2\">", "<a href='http://h.example/p'>", "<a href=\"#top\">", "</a>",
                      "<A HREF=\"rel\">", "<P>", "</P>", "&amp;", "&lt;", "&nbsp;", "&eacute;", "&#233;", "&#x2019;",
                      "&#150;", "&#0;", "&bogus;", "&amp", "& ", "&1", "&a.b;", "&AMP;", "&nbsp", "&", " ", "  ", "\n", "\t", "word", "Zürich", "a.b",
                      "<img src=\"x.png\">", "<div>", "</div>", "<!-- c -->", "<code>", "</code>", "<u>", "</u>",
                      "<p class=\"x\">", "<li value=\"3\">", "<h2>", "</h2>", "<", ">", "</br>", "<p/>"]
        var generator = SplitMix(seed: 0x5EED)
        var mismatches: [String] = []
        var simple = 0
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 14) + 1
            let html = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            guard html.contains("<") || html.contains("&") else { continue }
            if SimpleHTML.parse(html, base: Self.base) != nil { simple += 1 }
            if let m = Self.mismatch(html) { mismatches.append(m) }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        #expect(simple >= 50)
    }

    @Test("well-formed feed paragraphs, lists and links take the fast path")
    func commonShapesAreSimple() {
        let html = "<p>One &amp; two <a href=\"/more\">more</a>.</p><ul><li>first</li><li><b>second</b></li></ul><p>Last<br/>line</p>"
        #expect(SimpleHTML.parse(html, base: Self.base) != nil)
        #expect(Self.mismatch(html) == nil)
        #expect(HTMLText.text(fromHTML: html, base: Self.base)
            == "One & two more[1].\n\n• first\n• second\n\nLast\n\nline\n\n[1] http://example.org/more")
    }

    @Test("markup libxml2 would restructure is left to libxml2")
    func irregularMarkupFallsBack() {
        for html in ["<p>a<p>b", "<b><p>x</p></b>", "<ul>text<li>x</li></ul>", "<p>x</b>", "a &#0; b", "<p/>x",
                     "<li>x</li>", "<!-- note -->x", "<a href=x>y</a>"] {
            #expect(SimpleHTML.parse(html, base: Self.base) == nil, "\(html)")
            #expect(Self.mismatch(html) == nil)
        }
    }
}

/// The fast path renders as it reads, without a tree; its text must be what the tree SimpleHTML
/// builds gives through HTMLText's renderer, and it must give up exactly where that reader does.
@Suite("Simple HTML rendered without a tree")
struct SimpleHTMLRendererTests {
    static let base = URL(string: "http://example.org/dir/page.html")

    /// Nil when the direct rendering and the tree's agree, with and without link references.
    static func mismatch(_ html: String) -> String? {
        let tree = SimpleHTML.parse(html, base: base)
        for links in [true, false] {
            let direct = SimpleHTML.render(html, base: base, linkReferences: links)
            let walked = tree.map { HTMLText.text(of: $0, base: base, linkReferences: links) }
            if direct?.text != walked {
                return "\(html.debugDescription) links=\(links)\n  direct: \(String(describing: direct?.text).debugDescription)\n  tree: \(String(describing: walked).debugDescription)"
            }
        }
        return nil
    }

    @Test("every item HTML of the conformance corpus renders the same without the tree")
    func corpusAgrees() {
        let fragments = SimpleHTMLTests.corpusFragments()
        let mismatches = fragments.compactMap(Self.mismatch)
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) of \(fragments.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        let rendered = fragments.filter { SimpleHTML.render($0, base: Self.base, linkReferences: true) != nil }.count
        #expect(rendered >= 50, "only \(rendered) of \(fragments.count) fragments took the fast path")
    }

    @Test("random fragments of lists, links, breaks, entities and odd whitespace render the same without the tree")
    func randomFragmentsAgree() {
        let pieces = ["<p>", "</p>", "<b>", "</b>", "<em>", "</em>", "<br>", "<br/>", "<ul>", "</ul>", "<ol>", "</ol>",
                      "<li>", "</li>", "<span>", "</span>", "<code>", "</code>", "<a href=\"/x?a=1&amp;b=2\">",
                      "<a href='http://h.example/p'>", "<a href=\"#top\">", "<a href=\"JavaScript:go()\">", "<a>",
                      "<a href=\"\">", "<a href=\" http://h.example/p \">", "</a>", "&amp;", "&nbsp;", "&#x301;", "&#8203;",
                      "&#x1B;[31m", "&#150;", "&#133;", "\u{1B}[1m", "\u{301}", "\u{200D}", "\u{1F1EB}", "\u{0600}", "\r", "\r\n",
                      " ", "  ", "\n", "\t", "word", "Zürich", "日本", "\u{85}", "\u{A0}", "x"]
        var generator = SplitMix(seed: 0xD1EC7)
        var mismatches: [String] = []
        var rendered = 0
        for _ in 0..<6_000 {
            let length = Int(generator.next() % 16) + 1
            let html = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if SimpleHTML.render(html, base: Self.base, linkReferences: true) != nil { rendered += 1 }
            if let m = Self.mismatch(html) { mismatches.append(m) }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        #expect(rendered >= 200, "only \(rendered) fragments took the fast path")
    }

    @Test("random well-nested paragraphs, lists and links render the same without the tree")
    func randomNestedFragmentsAgree() {
        let words = ["word", " ", "  ", "\n", "\t", "Zürich", "&amp;", "&nbsp;", "&#x301;", "\u{301}", "\u{200D}", "\u{0600}",
                     "\u{1F1EB}", "\r", "\r\n", "&#x1B;[31m", "\u{1B}[1m", "&#150;", "&#133;", "\u{85}", "\u{A0}", "&lt;", "x.", ""]
        let links = ["/x?a=1&amp;b=2", "http://h.example/p", "#top", "JavaScript:go()", "", " rel ", "b"]
        var generator = SplitMix(seed: 0xAB1E)
        func pick(_ values: [String]) -> String { values[Int(generator.next() % UInt64(values.count))] }
        func inline(depth: Int, inLink: Bool) -> String {
            var html = ""
            for _ in 0..<Int(generator.next() % 5) {
                switch generator.next() % 6 {
                case 0 where depth < 3:
                    let tag = pick(["b", "em", "span", "code", "strong", "i", "u"])
                    html += "<\(tag)>" + inline(depth: depth + 1, inLink: inLink) + "</\(tag)>"
                case 1 where depth < 3 && !inLink:
                    html += "<a href=\"\(pick(links))\">" + inline(depth: depth + 1, inLink: true) + "</a>"
                case 2: html += pick(["<br>", "<br/>", "<br />"])
                default: html += pick(words)
                }
            }
            return html
        }
        func list(depth: Int) -> String {
            let tag = generator.next() % 2 == 0 ? "ul" : "ol"
            var html = "<\(tag)>"
            for _ in 0..<Int(generator.next() % 4) {
                html += pick(["", " ", "\n"]) + "<li>" + inline(depth: 0, inLink: false)
                if depth < 2 && generator.next() % 3 == 0 { html += list(depth: depth + 1) }
                html += "</li>"
            }
            return html + "</\(tag)>"
        }
        var mismatches: [String] = []
        var rendered = 0
        for round in 0..<4_000 {
            var html = ""
            for _ in 0..<Int(generator.next() % 4) + 1 {
                switch generator.next() % 3 {
                case 0: html += "<p>" + inline(depth: 0, inLink: false) + "</p>"
                case 1: html += list(depth: 0)
                default: html += inline(depth: 0, inLink: false)
                }
            }
            if SimpleHTML.render(html, base: Self.base, linkReferences: true) != nil { rendered += 1 }
            if let m = Self.mismatch(html) { mismatches.append(m) }
            // The sample against libxml2 too, which the tree path stands for.
            if round % 8 == 0, let m = SimpleHTMLTests.mismatch(html) { mismatches.append(m) }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) differ:\n" + mismatches.prefix(10).joined(separator: "\n")))
        #expect(rendered >= 2_000, "only \(rendered) fragments took the fast path")
    }

    @Test("item texts from the direct rendering are what the tree path gives, links and all")
    func itemTexts() {
        let html = "<p>See <a href=\"/a\">one</a> and <a href=\"/a\">again</a>.</p><ol><li>x<br>y</li><li><a href=\"b\">z</a></li></ol>"
        let texts = HTMLText.texts(fromHTML: html, base: Self.base)
        #expect(texts.withReferences == "See one[1] and again[1].\n\n1. x\ny\n2. z[2]\n\n[1] http://example.org/a\n[2] http://example.org/dir/b")
        #expect(texts.plain == "See one and again.\n\n1. x\ny\n2. z")
        #expect(SimpleHTMLTests.mismatch(html) == nil)
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// FeedDate computes instants by arithmetic; they must be the ones Foundation's calendar gives.
@Suite("Feed date arithmetic")
struct FeedDateArithmeticTests {
    static func calendarDate(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        calendar.timeZone = utc
        guard let date = calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)),
              calendar.component(.day, from: date) == d || h == 24 || s == 60 else { return nil }
        return date
    }

    @Test("random ISO dates, including 31 February, hour 24 and leap seconds, match the calendar")
    func matchesCalendar() {
        var generator = SplitMix(seed: 1_970)
        var mismatches: [String] = []
        for _ in 0..<5_000 {
            let y = 1600 + Int(generator.next() % 8400)
            let mo = 1 + Int(generator.next() % 12)
            let d = 1 + Int(generator.next() % 31)
            let h = Int(generator.next() % 25)
            let mi = Int(generator.next() % 60)
            let s = Int(generator.next() % 61)
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s)
            let expected = Self.calendarDate(y, mo, d, h, mi, s)
            if FeedDate.parse(text) != expected { mismatches.append("\(text): \(String(describing: FeedDate.parse(text))) vs \(String(describing: expected))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("random RFC 822 dates read the same on the byte fast path as on the loose reader")
    func rfc822FastPathAgrees() {
        var generator = SplitMix(seed: 822)
        let days = ["Mon", "Tue", "wed", "THU", "Fri", "Sat", "Sun", "Xyz", "Tuesday"]
        let months = ["Jan", "feb", "MAR", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo", "Sept", "April"]
        let zones = ["GMT", "UT", "UTC", "Z", "EST", "edt", "PST", "CEST", "+0200", "-0530", "+1500", "+02:00", "XYZ", "A", ""]
        var mismatches: [String] = []
        var fast = 0
        for _ in 0..<5_000 {
            func pick(_ values: [String]) -> String { values[Int(generator.next() % UInt64(values.count))] }
            let day = Int(generator.next() % 33)
            let year = [1999, 2023, 2024, 1600, 999, 1001][Int(generator.next() % 6)]
            let time = String(format: "%02d:%02d", Int(generator.next() % 26), Int(generator.next() % 61))
                + (generator.next() % 3 == 0 ? "" : String(format: ":%02d", Int(generator.next() % 62)))
            var text = (generator.next() % 4 == 0 ? "" : pick(days) + ", ")
                + "\(generator.next() % 5 == 0 ? String(format: "%02d", day) : String(day)) \(pick(months)) \(year) \(time)"
            let zone = pick(zones)
            if !zone.isEmpty { text += " " + zone }
            if FeedDate.parseRFC822(text) != nil { fast += 1 }
            if FeedDate.parse(text) != FeedDate.parseLoose(text) {
                mismatches.append("\(text): \(String(describing: FeedDate.parse(text))) vs \(String(describing: FeedDate.parseLoose(text)))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(fast >= 1_000, "only \(fast) dates took the fast path")
    }

    @Test("an RFC 822 date with a zone offset reads as the right instant")
    func rfc822() {
        #expect(FeedDate.parse("Tue, 11 Apr 2023 10:00:00 +0200").map(FeedDate.iso8601) == "2023-04-11T08:00:00Z")
        #expect(FeedDate.parse("29 Feb 2023 10:00 GMT") == nil)
        #expect(FeedDate.parse("29 Feb 2024 10:00 GMT").map(FeedDate.iso8601) == "2024-02-29T10:00:00Z")
    }
}
