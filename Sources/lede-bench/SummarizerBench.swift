import Foundation
import LedeCore

/// The summarizer alone on one core, over several rounds: `lede-bench --summarizer-only`.
///
/// Articles are parsed, split and recognized once, outside the timing, exactly as the ingest
/// table's "summarizer alone" row does. Each round is timed in thread CPU time, since on a
/// shared machine wall time mostly measures the other processes; the spread of the rounds
/// shows how much the figure can be trusted.
enum SummarizerBench {
    static func run(generator: inout CorpusGenerator, articles: Int, rounds: Int) {
        let reader = DocumentReader()
        let pipeline = Pipeline()
        let documents = (0..<max(articles, 1)).compactMap { number -> ParsedDocument? in
            try? reader.read(data: Data(generator.article(number: number).utf8), source: "/bench/\(number).txt")
        }
        let sentences = documents.map { pipeline.splitter.sentences(in: $0.body) }
        let entities = zip(documents, sentences).map { document, spans in
            pipeline.recognizer.recognize(body: document.body, sentences: spans, byline: document.byline).entities
        }
        let words = documents.prefix(200).map { $0.body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        let averageWords = words.isEmpty ? 0 : words.reduce(0, +) / words.count
        let terms = BackgroundTermStatistics()
        var sink = 0
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = cpuSeconds()
            for index in documents.indices {
                sink &+= pipeline.summarizer.bullets(for: documents[index], sentences: sentences[index],
                                                     entities: entities[index], terms: terms).count
            }
            rates.append(Double(documents.count) / (cpuSeconds() - start))
        }
        let sorted = rates.sorted()
        print(String(format: "summarizer alone, one core, %d articles of ~%d words: median %.0f, min %.0f, max %.0f articles/s (%d bullets)",
                     documents.count, averageWords, sorted[sorted.count / 2], sorted.first ?? 0, sorted.last ?? 0, sink))
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
