import Foundation

/// Measures how many articles per second the summarizer handles on one core.
///
/// Timing lives here rather than in tests (tests never assert on time); `lede-eval-summary
/// --bench` and `lede-bench` print the figures.
public enum SummaryBenchmark {
    public struct Result: Sendable {
        /// Articles per second for the summarizer alone (sentences already split).
        public var summarizerPerSecond: Double
        /// Articles per second for splitting plus summarizing.
        public var splitAndSummarizePerSecond: Double
        public var articles: Int
        public var averageWords: Double
    }

    /// Runs the summarizer over `documents` repeatedly for at least `seconds` each way.
    public static func run(documents: [ParsedDocument], seconds: Double = 2,
                           terms: any TermStatistics = BackgroundTermStatistics()) -> Result {
        let splitter = SentenceSplitter()
        let summarizer = Summarizer()
        let split = documents.map { splitter.sentences(in: $0.body) }
        let words = documents.map { splitter.words(in: Array($0.body.unicodeScalars)).count }
        var sink = 0
        func measure(_ body: (Int) -> Void) -> Double {
            guard !documents.isEmpty else { return 0 }
            var done = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var elapsed = 0.0
            repeat {
                for index in documents.indices { body(index) }
                done += documents.count
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while elapsed < seconds
            return Double(done) / elapsed
        }
        let alone = measure { index in
            sink &+= summarizer.bullets(for: documents[index], sentences: split[index], entities: [], terms: terms).count
        }
        let both = measure { index in
            let sentences = splitter.sentences(in: documents[index].body)
            sink &+= summarizer.bullets(for: documents[index], sentences: sentences, entities: [], terms: terms).count
        }
        // Keeps the optimizer from dropping the work.
        if sink == Int.min { print(sink) }
        let average = documents.isEmpty ? 0 : Double(words.reduce(0, +)) / Double(documents.count)
        return Result(summarizerPerSecond: alone, splitAndSummarizePerSecond: both,
                      articles: documents.count, averageWords: average)
    }

    /// Documents of about `words` words each, made by cutting or repeating the given bodies
    /// at paragraph boundaries, so benchmarks run on real prose of a fixed length.
    public static func documents(resizing documents: [ParsedDocument], toWords words: Int = 600) -> [ParsedDocument] {
        documents.compactMap { document in
            let paragraphs = document.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            guard !paragraphs.isEmpty else { return nil }
            var chosen: [String] = []
            var count = 0
            var index = 0
            while count < words {
                let paragraph = paragraphs[index % paragraphs.count]
                chosen.append(paragraph)
                count += paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                index += 1
            }
            var copy = document
            copy.body = chosen.joined(separator: "\n\n")
            return copy
        }
    }
}
