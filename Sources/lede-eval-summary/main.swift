import Foundation
import LedeCore

// Evaluates lede's summarizer against Lead-k, TextRank and LexRank on the seed and Wikinews
// articles of the shared corpus, using their hand-made `summary_must_cover` facts.
//
//   lede-eval-summary [CORPUS] [--show] [--detail] [--bench [--stages]] [--weights p,c,t,topic,e,n,lambda[,quote[,edge]]] [--no-lede]

// MARK: - Reading

/// The stand-in reader until `SavedPageParser` lands: line 1 is the title, "•" lines are
/// the author's key points, the rest is the body.
/// The document as `lede add` reads it: the real saved-page parser (headline, byline, key points, body).
func readDocument(_ text: String, source: String) -> ParsedDocument {
    (try? SavedPageParser().parse(text, source: source)) ?? ParsedDocument(title: "", source: source, body: text)
}

/// The recognizer's entities, as the pipeline hands them to the summarizer.
func entities(of document: ParsedDocument, sentences: [TextSpan]) -> [DocumentEntity] {
    EntityRecognizer.shared.recognize(body: document.body, sentences: sentences, byline: document.byline).entities
}

struct Article {
    var name: String
    var document: ParsedDocument
    var facts: [String]
}

func loadArticles(corpus: URL) -> [Article] {
    var articles: [Article] = []
    for folder in ["seed", "wikinews"] {
        let directory = corpus.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let url = directory.appendingPathComponent(name)
            let expectedURL = directory.appendingPathComponent(String(name.dropLast(4)) + ".expected.json")
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let data = try? Data(contentsOf: expectedURL),
                  let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { continue }
            let facts = json["summary_must_cover"] as? [String] ?? []
            articles.append(Article(name: folder + "/" + name.dropLast(4), document: readDocument(text, source: url.path),
                                    facts: facts))
        }
    }
    return articles
}

// MARK: - Measures

let stopWords = StopWords.english

/// Lower-cased word tokens with a light stemmer (plural, -ing, -ed, possessive).
func tokens(_ text: String, dropStopWords: Bool) -> [String] {
    var result: [String] = []
    for raw in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
        var word = String(raw)
        if dropStopWords, stopWords.contains(word) || word.count < 2 { continue }
        if word.hasSuffix("ies"), word.count > 4 { word = String(word.dropLast(3)) + "y" }
        else if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { word = String(word.dropLast()) }
        if word.hasSuffix("ing"), word.count > 5 { word = String(word.dropLast(3)) }
        else if word.hasSuffix("ed"), word.count > 4 { word = String(word.dropLast(2)) }
        result.append(word)
    }
    return result
}

func share(of fact: String, in text: String) -> Double {
    let factWords = Set(tokens(fact, dropStopWords: true))
    guard !factWords.isEmpty else { return 0 }
    let own = Set(tokens(text, dropStopWords: true))
    return Double(factWords.intersection(own).count) / Double(factWords.count)
}

/// A fact is covered when one bullet carries at least 60% of its content words.
func covered(_ facts: [String], by bullets: [String]) -> Int {
    facts.filter { fact in bullets.contains { share(of: fact, in: $0) >= 0.6 } }.count
}

/// The same, counting the bullets together.
func coveredTogether(_ facts: [String], by bullets: [String]) -> Int {
    let joined = bullets.joined(separator: " ")
    return facts.filter { share(of: $0, in: joined) >= 0.6 }.count
}

func ngrams(_ words: [String], _ n: Int) -> [String: Int] {
    var counts: [String: Int] = [:]
    guard words.count >= n else { return counts }
    for i in 0...(words.count - n) { counts[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
    return counts
}

/// ROUGE-n recall and F1 of `candidate` against `reference`.
func rouge(_ candidate: String, _ reference: String, n: Int) -> (recall: Double, f1: Double) {
    let c = ngrams(tokens(candidate, dropStopWords: false), n)
    let r = ngrams(tokens(reference, dropStopWords: false), n)
    let overlap = r.reduce(0) { $0 + min($1.value, c[$1.key] ?? 0) }
    let rTotal = r.values.reduce(0, +), cTotal = c.values.reduce(0, +)
    guard rTotal > 0, cTotal > 0, overlap > 0 else { return (0, 0) }
    let recall = Double(overlap) / Double(rTotal), precision = Double(overlap) / Double(cTotal)
    return (recall, 2 * recall * precision / (recall + precision))
}

// MARK: - Systems

struct System {
    var name: String
    /// Body sentences chosen for an article at a given count.
    var select: (ParsedDocument, [TextSpan], Int) -> [TextSpan]
    var usesKeyPoints: Bool
    var fixedCount: Int?
}

func text(_ body: [Unicode.Scalar], _ span: TextSpan) -> String {
    String(String.UnicodeScalarView(body[span.start..<span.end]))
}

// MARK: - Main

var arguments = Array(CommandLine.arguments.dropFirst())
let show = arguments.contains("--show")
let detail = arguments.contains("--detail")
let bench = arguments.contains("--bench")
var weights = Summarizer.Weights()
if let index = arguments.firstIndex(of: "--weights"), index + 1 < arguments.count {
    let values = arguments[index + 1].split(separator: ",").compactMap { Double($0) }
    if values.count >= 7 {
        weights = Summarizer.Weights(position: values[0], centrality: values[1], title: values[2], topic: values[3],
                                     entities: values[4], numbers: values[5], lambda: values[6],
                                     quotePenalty: values.count > 7 ? values[7] : Summarizer.Weights().quotePenalty)
        if values.count > 8 { weights.edgeThreshold = values[8] }
    }
    arguments.removeSubrange(index...(index + 1))
}
if let index = arguments.firstIndex(of: "--no-lede") {
    // To measure what always keeping the lede adds.
    weights.keepsLede = false
    arguments.remove(at: index)
}
let corpusPath = arguments.first { !$0.hasPrefix("--") } ?? "../shared/corpus"
let corpus = URL(fileURLWithPath: corpusPath)
let articles = loadArticles(corpus: corpus)
guard !articles.isEmpty else {
    FileHandle.standardError.write(Data("lede-eval-summary: no articles with expectations under \(corpus.path)\n".utf8))
    exit(1)
}

let splitter = SentenceSplitter()
let summarizer = Summarizer(maximumBullets: 5, weights: weights)
var lexRankWeights = Summarizer.Weights.lexRank
lexRankWeights.edgeThreshold = weights.edgeThreshold
let lexRank = Summarizer(maximumBullets: 5, weights: lexRankWeights)

if bench {
    let documents = SummaryBenchmark.documents(resizing: articles.map(\.document), toWords: 600)
    let result = SummaryBenchmark.run(documents: documents, seconds: 3, stages: arguments.contains("--stages"))
    for stage in result.stages {
        let name = stage.name.padding(toLength: 28, withPad: " ", startingAt: 0)
        print("  stage " + name + String(format: "%8.0f articles/s", stage.perSecond))
    }
    print(String(format: "summarizer alone:          %8.0f articles/s (%d articles of %.0f words, one core)",
                 result.summarizerPerSecond, result.articles, result.averageWords))
    print(String(format: "split + summarize:         %8.0f articles/s", result.splitAndSummarizePerSecond))
    exit(0)
}

let systems: [System] = [
    System(name: "lede", select: { summarizer.selectSentences(for: $0, sentences: $1, entities: entities(of: $0, sentences: $1), count: $2) },
           usesKeyPoints: true),
    System(name: "Lead-k", select: { LeadSummarizer().selectSentences(for: $0, sentences: $1, count: $2) },
           usesKeyPoints: true),
    System(name: "Lead-3", select: { LeadSummarizer().selectSentences(for: $0, sentences: $1, count: $2) },
           usesKeyPoints: false, fixedCount: 3),
    System(name: "TextRank", select: { TextRankSummarizer().selectSentences(for: $0, sentences: $1, count: $2) },
           usesKeyPoints: true),
    System(name: "LexRank", select: { lexRank.selectSentences(for: $0, sentences: $1, entities: [], count: $2) },
           usesKeyPoints: true),
]

struct Totals {
    var facts = 0, covered = 0, together = 0, bullets = 0
    var r1 = 0.0, r1f = 0.0, r2 = 0.0, r2f = 0.0
    var oracleHits = 0, oracleSize = 0
}
var totals = Array(repeating: Totals(), count: systems.count)

for article in articles {
    let document = article.document
    let body = Array(document.body.unicodeScalars)
    let sentences = splitter.sentences(in: document.body)
    let ledeBullets = summarizer.bullets(for: document, sentences: sentences, entities: entities(of: document, sentences: sentences),
                                         terms: BackgroundTermStatistics())
    let reference = article.facts.joined(separator: " ")
    // The pseudo-extractive reference: for each fact, the body sentence carrying most of it.
    let pool = LeadSummarizer().selectSentences(for: document, sentences: sentences, count: sentences.count)
    var oracle = Set<TextSpan>()
    for fact in article.facts {
        let best = pool.max { a, b in
            let sa = share(of: fact, in: text(body, a)), sb = share(of: fact, in: text(body, b))
            return sa != sb ? sa < sb : a.start > b.start
        }
        if let best { oracle.insert(best) }
    }
    if show {
        print("\n## \(article.name)\n")
        for bullet in ledeBullets {
            let marks = bullet.highlights.map { h -> String in
                let s = Array(bullet.text.unicodeScalars)
                return "[\(String(String.UnicodeScalarView(s[h.start..<h.end])))|\(h.kind.rawValue)]"
            }.joined(separator: " ")
            print("• \(bullet.text)\n    \(marks)")
        }
    }
    for (index, system) in systems.enumerated() {
        var bullets: [String]
        if system.name == "lede" {
            bullets = ledeBullets.map(\.text)
        } else {
            let keyPoints = system.usesKeyPoints ? document.keyPoints : []
            let count = system.fixedCount ?? max(0, ledeBullets.count - keyPoints.count)
            bullets = keyPoints + system.select(document, sentences, count).map { text(body, $0) }
        }
        if detail {
            print(String(format: "%-45@ %-9@ covered %d/%d together %d", article.name as NSString, system.name as NSString,
                         covered(article.facts, by: bullets), article.facts.count,
                         coveredTogether(article.facts, by: bullets)))
        }
        let r1 = rouge(bullets.joined(separator: " "), reference, n: 1)
        let r2 = rouge(bullets.joined(separator: " "), reference, n: 2)
        totals[index].facts += article.facts.count
        totals[index].covered += covered(article.facts, by: bullets)
        totals[index].together += coveredTogether(article.facts, by: bullets)
        totals[index].bullets += bullets.count
        totals[index].r1 += r1.recall
        totals[index].r1f += r1.f1
        totals[index].r2 += r2.recall
        totals[index].r2f += r2.f1
        let chosen = system.select(document, sentences, oracle.count)
        totals[index].oracleHits += chosen.filter { oracle.contains($0) }.count
        totals[index].oracleSize += oracle.count
    }
}

let n = Double(articles.count)
print("\nSummaries of \(articles.count) articles (\(corpus.path)); facts = summary_must_cover")
print("covered: one bullet holds >= 60% of a fact's content words; together: all bullets jointly")
print("ROUGE against the facts joined as a pseudo-reference (recall / F1, light stemming)")
print("oracle: share of chosen sentences that are the best sentence for some fact, at the oracle's size\n")
print("system     bullets  covered        together       R-1 R   R-1 F   R-2 R   R-2 F   oracle")
for (index, system) in systems.enumerated() {
    let t = totals[index]
    print(String(format: "%-10@ %7.2f  %3d/%3d %5.1f%%  %3d/%3d %5.1f%%  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f",
                 system.name as NSString, Double(t.bullets) / n, t.covered, t.facts,
                 100 * Double(t.covered) / Double(max(t.facts, 1)), t.together, t.facts,
                 100 * Double(t.together) / Double(max(t.facts, 1)), t.r1 / n, t.r1f / n, t.r2 / n, t.r2f / n,
                 Double(t.oracleHits) / Double(max(t.oracleSize, 1))))
}
