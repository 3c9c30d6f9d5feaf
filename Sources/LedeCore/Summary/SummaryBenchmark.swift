import Foundation

/// Measures how many articles per second the summarizer handles on one core.
///
/// Timing lives here rather than in tests (tests never assert on time); `lede-eval-summary
/// --bench` and `lede-bench` print the figures.
public enum SummaryBenchmark {
    public struct Result: Sendable {
        /// Articles per second for the summarizer alone (sentences split and entities recognized beforehand).
        public var summarizerPerSecond: Double
        /// Articles per second for splitting plus summarizing.
        public var splitAndSummarizePerSecond: Double
        public var articles: Int
        public var averageWords: Double
        /// Articles per second of single stages (graph, eligibility, centrality, highlighter),
        /// when asked for, to see where the time goes.
        public var stages: [(name: String, perSecond: Double)] = []
    }

    /// Runs the summarizer over `documents` repeatedly for at least `seconds` of CPU time each way.
    public static func run(documents: [ParsedDocument], seconds: Double = 2,
                           terms: any TermStatistics = BackgroundTermStatistics(), stages: Bool = false) -> Result {
        let splitter = SentenceSplitter()
        let summarizer = Summarizer()
        let split = documents.map { splitter.sentences(in: $0.body) }
        // The pipeline hands the summarizer the recognizer's entities; recognizing them is
        // the recognizer's cost, so it runs once, outside the timed loops.
        let recognized = documents.indices.map { index in
            EntityRecognizer.shared.recognize(body: documents[index].body, sentences: split[index],
                                              byline: documents[index].byline).entities
        }
        let words = documents.map { splitter.words(in: Array($0.body.unicodeScalars)).count }
        var sink = 0
        // CPU time of this thread, not wall time: the figure is per core, and on a shared
        // machine wall time mostly measures the other processes.
        func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        func measure(_ body: (Int) -> Void) -> Double {
            guard !documents.isEmpty else { return 0 }
            var done = 0
            let start = cpuSeconds()
            var elapsed = 0.0
            repeat {
                for index in documents.indices { body(index) }
                done += documents.count
                elapsed = cpuSeconds() - start
            } while elapsed < seconds
            return Double(done) / elapsed
        }
        var stageRates: [(name: String, perSecond: Double)] = []
        if stages, !documents.isEmpty {
            let scalars = documents.map { scalarArray($0.body) }
            let tokens = measure { index in
                sink &+= splitter.words(in: scalars[index]).count
            }
            let graphs = measure { index in
                sink &+= SentenceGraph(scalars: scalars[index], sentences: split[index]).termHashes.count
            }
            let built = documents.indices.map { SentenceGraph(scalars: scalars[$0], sentences: split[$0]) }
            let eligibility = measure { index in
                sink &+= BulletEligibility(graph: built[index], title: documents[index].title, byline: nil).block.count
            }
            let centrality = measure { index in
                sink &+= built[index].centrality(of: Array(built[index].sentences.indices)).count
            }
            let highlighter = measure { index in
                guard let first = split[index].first else { return }
                let h = Highlighter(graph: built[index], entities: recognized[index], terms: terms)
                let text = Array(scalars[index][first.start..<first.end])
                sink &+= h.highlights(inSentence: 0, text: text, from: first.start).count
            }
            let withoutEntities = measure { index in
                sink &+= summarizer.bullets(for: documents[index], sentences: split[index], entities: [], terms: terms).count
            }
            stageRates = [("summarizer, no entities", withoutEntities), ("words only", tokens), ("graph", graphs), ("eligibility", eligibility), ("centrality (all sentences)", centrality),
                          ("highlighter (+1 bullet)", highlighter)]
        }
        let alone = measure { index in
            sink &+= summarizer.bullets(for: documents[index], sentences: split[index], entities: recognized[index],
                                        terms: terms).count
        }
        let both = measure { index in
            let sentences = splitter.sentences(in: documents[index].body)
            sink &+= summarizer.bullets(for: documents[index], sentences: sentences, entities: recognized[index],
                                        terms: terms).count
        }
        // Keeps the optimizer from dropping the work.
        if sink == Int.min { print(sink) }
        let average = documents.isEmpty ? 0 : Double(words.reduce(0, +)) / Double(documents.count)
        return Result(summarizerPerSecond: alone, splitAndSummarizePerSecond: both,
                      articles: documents.count, averageWords: average, stages: stageRates)
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
