import Foundation
import LedeCore

/// Entity recognition alone on one core, over several rounds: `lede-bench --recognizer-only`.
///
/// The same generated articles as the ingest table's "entity recognition" row, parsed and split
/// outside the timing. Rounds are timed in thread CPU time (the machine is shared). `--dump FILE`
/// writes everything recognized as JSON lines, so a change meant to keep the output identical can
/// be checked with `cmp` on thousands of articles.
enum RecognizerBench {
    static func run(generator: inout CorpusGenerator, articles: Int, rounds: Int, dump: String?) {
        let reader = DocumentReader()
        let pipeline = Pipeline()
        let documents = (0..<max(articles, 1)).compactMap { number -> ParsedDocument? in
            try? reader.read(data: Data(generator.article(number: number).utf8), source: "/bench/\(number).txt")
        }
        let sentences = documents.map { pipeline.splitter.sentences(in: $0.body) }
        if let dump {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var out = Data()
            for (document, spans) in zip(documents, sentences) {
                let r = pipeline.recognizer.recognize(body: document.body, sentences: spans, byline: document.byline)
                out.append((try? encoder.encode(r.entities)) ?? Data())
                out.append(10)
                out.append((try? encoder.encode(r.links)) ?? Data())
                out.append(10)
            }
            FileManager.default.createFile(atPath: dump, contents: out)
        }
        var mentions = 0
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = cpuSeconds()
            for (document, spans) in zip(documents, sentences) {
                let r = pipeline.recognizer.recognize(body: document.body, sentences: spans, byline: document.byline)
                mentions &+= r.entities.reduce(0) { $0 + $1.mentions.count }
            }
            rates.append(Double(documents.count) / (cpuSeconds() - start))
        }
        let sorted = rates.sorted()
        print(String(format: "entity recognition alone, one core, %d articles: median %.0f, min %.0f, max %.0f articles/s (%.1f mentions per article)",
                     documents.count, sorted[sorted.count / 2], sorted.first ?? 0, sorted.last ?? 0,
                     Double(mentions) / Double(max(1, documents.count * rounds))))
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
