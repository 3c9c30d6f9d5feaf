import Testing
@testable import LedeCore

@Suite("Term counts")
struct TermCounterTests {
    @Test("words of three or more letters are counted lower-cased, accents and combining marks kept, stop words, numbers and short words left out")
    func countsWords() {
        let counts = TermCounter.counts(in: "The Café's café, CAFÉ and naïve 2024 reports; x1y 12 ab Zürich’s e\u{301}te\u{301} résumé résumé.")
        #expect(counts == ["café": 3, "naïve": 1, "reports": 1, "x1y": 1, "zürich": 1, "e\u{301}te\u{301}": 1, "résumé": 2])
    }

    @Test("an article's terms are counted the same however many distinct words it has")
    func manyDistinctTerms() {
        // More distinct terms than the table's first size: it must grow without losing any.
        let words = (0..<3000).map { "term\($0)" }
        let counts = TermCounter.counts(in: (words + words.prefix(10)).joined(separator: " "))
        #expect(counts.count == 3000)
        #expect(counts["term0"] == 2 && counts["term9"] == 2 && counts["term10"] == 1 && counts["term2999"] == 1)
    }
}
