import Foundation
import Testing
@testable import LedeCore

@Suite("Saved pages")
struct SavedPageParserTests {
    let parser = SavedPageParser()

    @Test("the seed page gives its headline, byline, both key points and a body without furniture")
    func seedPage() throws {
        let text = try Fixtures.text("seed/musk-twitter-gpus.txt")
        let expected = try Fixtures.expectations("seed/musk-twitter-gpus.expected.json")
        let document = try parser.parse(text, source: "seed.txt")
        #expect(document.title == expected["title"] as? String)
        #expect(document.byline == "Asia Martin")
        #expect(document.keyPoints == expected["key_points"] as? [String])
        let lines = document.body.components(separatedBy: "\n")
        for furniture in expected["boilerplate_to_drop"] as? [String] ?? [] {
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces) == furniture }, "furniture left: \(furniture)")
        }
        #expect(!document.body.contains(document.title), "the headline is not repeated in the body")
        #expect(document.body.hasPrefix("It looks like LinkedIn cofounder Reid Hoffman was right"))
        #expect(document.body.hasSuffix("while he took a step forward."))
    }

    @Test("every Wikinews article gives its headline and dateline, and drops credits and reader notes",
          arguments: Fixtures.wikinewsSlugs)
    func wikinewsArticle(slug: String) throws {
        let text = try Fixtures.text("wikinews/\(slug).txt")
        let expected = try Fixtures.expectations("wikinews/\(slug).expected.json")
        let document = try parser.parse(text, source: "\(slug).txt")
        #expect(document.title == expected["title"] as? String)
        #expect(document.byline == nil)
        #expect(document.published != nil, "the dateline becomes the publication date")
        let lines = Set(document.body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for furniture in expected["boilerplate_to_drop"] as? [String] ?? [] {
            #expect(!lines.contains(furniture), "furniture left: \(furniture)")
        }
        #expect(document.body.count > 1000)
    }

    @Test("a line repeated as breadcrumb and heading is the title; short numbered crumbs above it are dropped")
    func breadcrumbsAndRepeatedHeadline() throws {
        let page = """
            Menu
              1. Home
              2. World
              3. Storm batters the northern coast overnight

            Storm batters the northern coast overnight

            By Jane Q. Doe

            The storm reached the coast late on Sunday, cutting power to 40,000 homes across the region.

            Crews worked through the night to restore lines, the utility said in a statement on Monday.

            Subscribe to our newsletter

            Most read
            """
        let document = try parser.parse(page, source: "page.txt")
        #expect(document.title == "Storm batters the northern coast overnight")
        #expect(document.byline == "Jane Q. Doe")
        #expect(!document.body.contains("Home"))
        #expect(!document.body.contains("newsletter"))
        #expect(!document.body.contains("Most read"))
        #expect(document.body.hasPrefix("The storm reached the coast"))
    }

    @Test("Markdown headings, emphasis and links become plain text; wrapped lines join into paragraphs")
    func markdown() throws {
        let page = """
            # Council approves the new **harbour** plan

            The council voted 7 to 2 on Tuesday to approve the plan, which
            [the mayor](https://example.org/mayor) had opposed for most of the year.

            Work starts in spring.
            """
        let document = try parser.parse(page, source: "notes.md")
        #expect(document.title == "Council approves the new harbour plan")
        #expect(document.body.contains("which the mayor had opposed"))
        #expect(!document.body.contains("https://"))
    }

    @Test("a headline of one or two words over a single paragraph is the headline, and the paragraph the body")
    func shortHeadline() throws {
        let text = """
            Quarterly update

            The council met on Tuesday to discuss the budget for the coming year, and members agreed that the library would stay open on weekends.
            """
        let document = try parser.parse(text, source: "update.txt")
        #expect(document.title == "Quarterly update")
        #expect(document.body.hasPrefix("The council met on Tuesday"))
    }

    @Test("a text of one paragraph and no headline keeps the paragraph as its body, titled by its first sentence")
    func paragraphOnly() throws {
        let text = "The U.S. council met on Tuesday. Members agreed that the library would stay open on weekends."
        let document = try parser.parse(text, source: "note.txt")
        #expect(document.title == "The U.S. council met on Tuesday.")
        #expect(document.body == text)
        let long = "Members of the council agreed after a long and often bitter debate that the library would stay open on weekends."
        #expect(try parser.parse(long, source: "note.txt").title == "Members of the council agreed after a long and often bitter debate…")
    }

    @Test("a text with nothing but a headline has no article")
    func headlineOnly() {
        #expect(throws: IngestError.noText) { try parser.parse("Just a headline", source: "x.txt") }
    }

    @Test("lines addressing the reader are dropped, wherever their phrase falls, and a story that merely uses the words is kept")
    func callsToAction() throws {
        let text = """
            Harbour council approves the new ferry terminal plan

            The council voted on Tuesday to approve the new ferry terminal, which will open next year at the old pier.

            Sign up for our newsletter

            Café owners near the pier said the cookie stalls would move, and welcomed the plan warmly on Wednesday.

            Ads — Download our app
            """
        let document = try parser.parse(text, source: "x.txt")
        #expect(!document.body.contains("newsletter"))
        #expect(!document.body.contains("Download our app"))
        #expect(document.body.contains("cookie stalls"), "a paragraph of prose is no call to action")
    }

    @Test("the byte-level helpers split lines and find phrases as the string methods do")
    func utf8Walk() {
        #expect(UTF8Walk.lines(of: "a\n\nb\n") == ["a", "", "b", ""])
        #expect(UTF8Walk.lines(of: "") == [""])
        #expect(UTF8Walk.lines(of: "é\n—") == ["é", "—"])
        #expect(UTF8Walk.contains("read more below", "more"))
        #expect(UTF8Walk.contains("café: sign up", "sign up"))
        #expect(UTF8Walk.contains("subscribe", "subscribe"))
        #expect(!UTF8Walk.contains("sub", "subscribe"))
        #expect(!UTF8Walk.contains("sign-up", "sign up"))
        #expect(UTF8Walk.contains("anything", ""))
    }
}
