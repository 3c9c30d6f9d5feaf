import Testing
@testable import LedeCore

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    private func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().sentences(in: text).map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
    }

    @Test("hard cases of news English split where a reader would split them", arguments: [
        // Abbreviations before names, places and dates.
        ("Mr. Smith met Dr. Jones at St. Mary's on Jan. 5. They talked.",
         ["Mr. Smith met Dr. Jones at St. Mary's on Jan. 5.", "They talked."]),
        ("No. 10 Downing Street is old. It was built in 1684.",
         ["No. 10 Downing Street is old.", "It was built in 1684."]),
        // Company suffixes and U.S. mid-sentence and at the end of one.
        ("Apple Inc. said sales rose. Shares of Acme Corp. fell.",
         ["Apple Inc. said sales rose.", "Shares of Acme Corp. fell."]),
        ("He works for Acme Corp. The company makes anvils.",
         ["He works for Acme Corp.", "The company makes anvils."]),
        ("The U.S. economy grew. He moved to the U.S. He liked it.",
         ["The U.S. economy grew.", "He moved to the U.S.", "He liked it."]),
        // Initials.
        ("The book by J. R. R. Tolkien sold well. Fans cheered.",
         ["The book by J. R. R. Tolkien sold well.", "Fans cheered."]),
        // Decimals, amounts and percentages.
        ("Revenue rose to $1.13bn, up 3.5% on 10,000 units. Profit fell 0.2 points.",
         ["Revenue rose to $1.13bn, up 3.5% on 10,000 units.", "Profit fell 0.2 points."]),
        // Ellipses: mid-sentence before lower case, a boundary before a capital.
        ("He paused... and then spoke. Everyone listened.",
         ["He paused... and then spoke.", "Everyone listened."]),
        ("It was over\u{2026} The end came quickly.",
         ["It was over\u{2026}", "The end came quickly."]),
        // Quotes and brackets that close a sentence.
        ("\"We are done,\" he said. \"It is over.\" Then he left.",
         ["\"We are done,\" he said.", "\"It is over.\"", "Then he left."]),
        ("She left (for good.) He stayed. \u{201C}Why?\u{201D} she asked.",
         ["She left (for good.)", "He stayed.", "\u{201C}Why?\u{201D} she asked."]),
        ("Some fruits, e.g. apples, are red. Others are green.",
         ["Some fruits, e.g. apples, are red.", "Others are green."]),
        // Headlines and list items without final punctuation.
        ("Markets rally on hopes\n\nStocks rose on Monday. Bonds fell.",
         ["Markets rally on hopes", "Stocks rose on Monday.", "Bonds fell."]),
        ("- first item\n- second item\nThe list ends here.",
         ["- first item", "- second item", "The list ends here."]),
        // Sentences glued without a space, but not domains, decimals or acronyms.
        ("Revenue rose to $11.1bn from $10.9bn.For the full-year, sales grew.",
         ["Revenue rose to $11.1bn from $10.9bn.", "For the full-year, sales grew."]),
        ("Readers of Gawker.com and the U.S.A. saw it. It spread.",
         ["Readers of Gawker.com and the U.S.A. saw it.", "It spread."]),
        // Names outside ASCII, emoji and scripts without spaces.
        ("Zoë Ça and José Müller met Łukasz Żółć in Kraków. Они говорили долго.",
         ["Zoë Ça and José Müller met Łukasz Żółć in Kraków.", "Они говорили долго."]),
        ("Dr. Ömer Öztürk spoke first. Ms. Nguyễn Thị Minh Khai replied.",
         ["Dr. Ömer Öztürk spoke first.", "Ms. Nguyễn Thị Minh Khai replied."]),
        ("Great news 🎉! We won 🏆. Next game soon 👍🏽.",
         ["Great news 🎉!", "We won 🏆.", "Next game soon 👍🏽."]),
        ("东京是日本的首都。大阪也很大！你去过吗？",
         ["东京是日本的首都。", "大阪也很大！", "你去过吗？"]),
    ])
    func hardCases(text: String, expected: [String]) {
        #expect(split(text) == expected)
    }

    @Test("offsets count Unicode scalars and sit on the sentence text")
    func offsetsAreScalars() {
        let text = "Café 👩‍👩‍👧 opens. Ame\u{301}lie smiles."
        let spans = SentenceSplitter().sentences(in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(spans.count == 2)
        #expect(spans.allSatisfy { $0.start >= 0 && $0.end <= scalars.count && $0.start < $0.end })
        let second = "Ame\u{301}lie smiles."
        let start = scalars.count - second.unicodeScalars.count
        #expect(spans.last == TextSpan(start: start, end: scalars.count))
        #expect(String(String.UnicodeScalarView(scalars[start...])) == second)
    }

    @Test("empty and blank text has no sentences")
    func emptyText() {
        #expect(SentenceSplitter().sentences(in: "").isEmpty)
        #expect(SentenceSplitter().sentences(in: " \n\n \t").isEmpty)
    }

    @Test("a text without final punctuation is one sentence")
    func noFinalPunctuation() {
        #expect(split("Breaking: lede ships bullets") == ["Breaking: lede ships bullets"])
    }

    @Test("words keep possessives, hyphened compounds, amounts and combining marks whole")
    func words() {
        let text = "Musk's 14-year-old son paid $10,000 (3.5%) to Ame\u{301}lie in the U.S"
        let scalars = Array(text.unicodeScalars)
        let words = SentenceSplitter().words(in: scalars).map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
        #expect(words == ["Musk's", "14-year-old", "son", "paid", "10,000", "3.5", "to", "Ame\u{301}lie", "in",
                          "the", "U.S"])
    }
}

@Suite("Scalar classes")
struct ScalarClassTests {
    @Test("an ASCII scalar is a word scalar exactly when it is a letter or a digit")
    func asciiWordScalars() {
        for value in UInt8(0)..<UInt8(0x80) {
            let scalar = Unicode.Scalar(value)
            let expected = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
            #expect(ScalarClass.isWord(scalar) == expected, "scalar \(value)")
        }
        #expect(ScalarClass.isWord("é") && ScalarClass.isWord("\u{0301}") && !ScalarClass.isWord("\u{201C}"))
    }
}
