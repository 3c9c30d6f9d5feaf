// Measures the entity recognizer: mention precision/recall/F1 per kind on held-out annotated
// text, the hand-made expectations of the seed and Wikinews articles, and speed.
//
// Usage: lede-eval-ner [--data DIR] [--corpus DIR] [--speed-articles N] [--verbose [--errors N] [--context]] [--speed-only] [--dump]
//        lede-eval-ner --text FILE [--tags]
// Defaults: ../shared/corpus/ner and ../shared/corpus.
import Foundation
import LedeCore

func argument(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return fallback
}

func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

let dataDir = argument("--data", "../shared/corpus/ner")
let corpusDir = argument("--corpus", "../shared/corpus")
let speedArticles = Int(argument("--speed-articles", "3000")) ?? 3000
let verbose = CommandLine.arguments.contains("--verbose")
let withContext = CommandLine.arguments.contains("--context")
/// Only the speed measure (for profiling).
let speedOnly = CommandLine.arguments.contains("--speed-only")
// The weights as last trained (the source folder), so a retrain is measured without a rebuild.
let modelDir = argument("--model", "Sources/LedeCore/Resources/ner")
let loadStart = ContinuousClock.now
let recognizer = FileManager.default.fileExists(atPath: modelDir + "/model.bin")
    ? EntityRecognizer(directory: URL(fileURLWithPath: modelDir)) : EntityRecognizer.shared
let loadTime = ContinuousClock.now - loadStart
guard recognizer.hasModel else {
    print("lede-eval-ner: no trained weights in LedeCore/Resources/ner (run lede-train-ner)")
    exit(1)
}

// `--text FILE`: print what is recognized in one plain-text body, then stop.
if let i = CommandLine.arguments.firstIndex(of: "--text"), i + 1 < CommandLine.arguments.count,
   let body = read(CommandLine.arguments[i + 1]) {
    // `--tags`: also print the tagger's raw tag of every token (for error analysis).
    if CommandLine.arguments.contains("--tags"),
       let data = FileManager.default.contents(atPath: modelDir + "/model.bin"), let model = NERModel(data: data) {
        let lexicon = NERLexicon(fileText: read(modelDir + "/lexicon.txt"))
        let scalars = NERText.scalars(body)
        var sentences = SentenceSplitter().sentences(in: body).map { lexicon.tokens(scalars, from: $0.start, to: $0.end) }
        // The document-level feature the recognizer adds before tagging: a capitalized word the
        // article also writes in lower case.
        var lowerWords = Set<UInt64>()
        for tokens in sentences { for t in tokens where !t.flags.contains(.capitalized) { lowerWords.insert(t.lower) } }
        for i in sentences.indices {
            for j in sentences[i].indices where sentences[i][j].flags.contains(.capitalized) && lowerWords.contains(sentences[i][j].lower) {
                sentences[i][j].flags.insert(.lowerInDocument)
            }
        }
        for tokens in sentences {
            let tags = model.tag(tokens)
            print(zip(tokens, tags).map { t, tag in
                String(String.UnicodeScalarView(scalars[t.start..<t.end].compactMap(Unicode.Scalar.init)))
                    + (tag == 0 ? "" : "/\(NERTag(rawValue: tag).map { "\($0)" } ?? "?")")
            }.joined(separator: " "))
        }
    }
    let r = recognizer.recognize(body: body, sentences: SentenceSplitter().sentences(in: body), byline: nil)
    for e in r.entities { print("\(e.kind.rawValue): \(e.name) \(e.aliases) ×\(e.mentions.count)") }
    for l in r.links { print("link: \(l.source) –\(l.label ?? "")→ \(l.target)") }
    exit(0)
}

// MARK: - Held-out mention scores

struct Score {
    var tp = 0, fp = 0, fn = 0
    var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

struct Span: Hashable { var start: Int; var end: Int }

/// Rebuilds each document's text (words joined by spaces, one sentence per line) and scores
/// the recognizer's mentions against the gold spans, exactly matching boundaries.
func evaluate(_ name: String, _ sentences: [NERSentence]) -> (Score, Score) {
    var per = Score(), org = Score()
    var byDoc: [Int: [NERSentence]] = [:]
    var docOrder: [Int] = []
    for s in sentences {
        if byDoc[s.doc] == nil { docOrder.append(s.doc) }
        byDoc[s.doc, default: []].append(s)
    }
    var errors: [String] = []
    for d in docOrder {
        var text = String.UnicodeScalarView()
        var offset = 0
        var spans: [TextSpan] = []
        var gold: [Int: Set<Span>] = [1: [], 2: []]
        for s in byDoc[d] ?? [] {
            let start = offset
            var wordStarts: [Int] = []
            var wordEnds: [Int] = []
            for (k, w) in s.words.enumerated() {
                if k > 0 { text.append(" "); offset += 1 }
                wordStarts.append(offset)
                text.append(contentsOf: w.unicodeScalars)
                offset += w.unicodeScalars.count
                wordEnds.append(offset)
            }
            spans.append(TextSpan(start: start, end: offset))
            text.append("\n"); offset += 1
            var i = 0
            while i < s.tags.count {
                let t = s.tags[i]
                guard t.isBegin else { i += 1; continue }
                var j = i + 1
                while j < s.tags.count, s.tags[j] == NERTag.inside(t.type) { j += 1 }
                if t.type == 1 || t.type == 2 { gold[t.type]?.insert(Span(start: wordStarts[i], end: wordEnds[j - 1])) }
                i = j
            }
        }
        let body = String(text)
        let result = recognizer.recognize(body: body, sentences: spans, byline: nil)
        var found: [Int: Set<Span>] = [1: [], 2: []]
        for e in result.entities {
            let k = e.kind == .person ? 1 : 2
            for m in e.mentions { found[k]?.insert(Span(start: m.start, end: m.end)) }
        }
        let scalars = Array(body.unicodeScalars)
        func str(_ s: Span) -> String {
            let name = String(String.UnicodeScalarView(scalars[s.start..<s.end]))
            // `--context`: the sentence the mention is in, after the mention (for error analysis).
            guard withContext, let line = spans.first(where: { $0.start <= s.start && s.start < $0.end }) else { return name }
            return name + "  | " + String(String.UnicodeScalarView(scalars[line.start..<line.end]))
        }
        for k in [1, 2] {
            let g = gold[k] ?? [], f = found[k] ?? []
            let tp = g.intersection(f).count
            if k == 1 { per.tp += tp; per.fp += f.count - tp; per.fn += g.count - tp }
            else { org.tp += tp; org.fp += f.count - tp; org.fn += g.count - tp }
            if verbose {
                for s in f.subtracting(g) { errors.append("  \(k == 1 ? "PER" : "ORG") false: \(str(s))") }
                for s in g.subtracting(f) { errors.append("  \(k == 1 ? "PER" : "ORG") missed: \(str(s))") }
            }
        }
    }
    if verbose { for e in errors.prefix(Int(argument("--errors", "150")) ?? 150) { print(e) } }
    return (per, org)
}

func row(_ name: String, _ kind: String, _ s: Score) -> String {
    String(format: "| %@ | %@ | %.3f | %.3f | %.3f | %d |", name, kind, s.precision, s.recall, s.f1, s.tp + s.fn)
}

var heldOut: [(String, [NERSentence])] = []
// Odd-numbered documents of wikigold and UNER PUD (the trainer uses the even ones).
if let w = read(dataDir + "/wikigold/wikigold.conll.txt") {
    heldOut.append(("wikigold odd docs", NERHeldOut.heldOutPart(NERCorpus.readWikigold(w))))
}
if let p = read(dataDir + "/uner-english/pud_en_pud-ud-test.iob2") {
    heldOut.append(("UNER PUD odd docs", NERHeldOut.heldOutPart(NERCorpus.readUNER(p))))
}
var gmbHeld: [NERSentence] = []
if let g = read(dataDir + "/gmb/gmb_kaggle.conll") {
    let all = NERCorpus.readGMB(g)
    gmbHeld = Array(all.suffix(from: NERHeldOut.gmbTrainCount(all.count)))
    heldOut.append(("GMB held-out 5%", gmbHeld))
}
// `--dump`: print, as JSON, everything recognized in every corpus text and in the speed
// articles, so a change meant to keep the output identical can be checked with `diff`.
if CommandLine.arguments.contains("--dump") {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func dump(_ label: String, _ body: String) {
        let r = recognizer.recognize(body: body, sentences: SentenceSplitter().sentences(in: body), byline: nil)
        let e = (try? encoder.encode(r.entities)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        let l = (try? encoder.encode(r.links)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        print(label, e, l, separator: "\n")
    }
    for dir in ["seed", "wikinews", "feeds"] {
        let path = corpusDir + "/" + dir
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where file.hasSuffix(".txt") {
            if let text = read(path + "/" + file) { dump(dir + "/" + file, text) }
        }
    }
    for (name, sentences) in heldOut {
        var text = ""
        var count = 0
        for s in sentences {
            text += s.words.joined(separator: " ") + "\n"
            count += s.words.count
            if count >= 600 { dump(name, text); text = ""; count = 0 }
        }
    }
    exit(0)
}

print("## Held-out mention scores (exact span match)\n")
print("| data | kind | precision | recall | F1 | gold mentions |")
print("|---|---|---|---|---|---|")
for (name, sentences) in heldOut where !speedOnly {
    let (per, org) = evaluate(name, sentences)
    print(row(name, "person", per))
    print(row(name, "organization", org))
}

// MARK: - Corpus expectations

/// The article body of a saved page, until the saved-page parser supplies it: the text after
/// the last line that repeats the headline.
func body(of text: String, title: String) -> String {
    let lines = text.components(separatedBy: "\n")
    let t = title.trimmingCharacters(in: .whitespaces)
    let last = lines.lastIndex { $0.trimmingCharacters(in: .whitespaces).hasSuffix(t) } ?? 0
    return lines[(last + 1)...].joined(separator: "\n")
}

func norm(_ s: String) -> String {
    var x = s.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "\u{2019}", with: "'")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    if x.hasSuffix("'s") { x.removeLast(2) }
    return x.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
}

print("\n## Corpus expectations\n")
var tp = 0, fp = 0, fn = 0, forbiddenHits = 0
let fm = FileManager.default
for dir in speedOnly ? [] : ["seed", "wikinews"] {
    let path = corpusDir + "/" + dir
    for file in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted() where file.hasSuffix(".expected.json") {
        let slug = String(file.dropLast(".expected.json".count))
        guard let json = fm.contents(atPath: path + "/" + file),
              let exp = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any],
              let text = read(path + "/" + slug + ".txt") else { continue }
        let title = exp["title"] as? String ?? ""
        let b = body(of: text, title: title)
        let result = recognizer.recognize(body: b, sentences: SentenceSplitter().sentences(in: b),
                                          byline: exp["byline"] as? String)
        var problems: [String] = []
        let entities = exp["entities"] as? [String: [String: [String]]] ?? [:]
        for kind in ["person", "organization"] {
            let names = entities[kind] ?? [:]
            let have = Set(result.entities.filter { $0.kind.rawValue == kind }.map { norm($0.name) })
            var want = Set(names.keys.map(norm))
            for al in names.values { for a in al { want.insert(norm(a)) } }
            for n in names.keys.sorted() {
                if have.contains(norm(n)) { tp += 1 } else { fn += 1; problems.append("missing \(kind): \(n)") }
            }
            for n in have.sorted() where !want.contains(n) { fp += 1; problems.append("unexpected \(kind): \(n)") }
        }
        let forbidden = Set((exp["must_not_be_entities"] as? [String] ?? []).map(norm))
        for e in result.entities where forbidden.contains(norm(e.name)) {
            forbiddenHits += 1
            problems.append("not an entity, but listed as \(e.kind.rawValue): \(e.name)")
        }
        print("\(dir)/\(slug): \(problems.isEmpty ? "ok" : "\(problems.count) problem(s)")")
        for p in problems { print("  - \(p)") }
        if verbose {
            for e in result.entities { print("    \(e.kind.rawValue): \(e.name) \(e.aliases) ×\(e.mentions.count)") }
            for l in result.links where l.label != nil { print("    link: \(l.source) –\(l.label ?? "")→ \(l.target)") }
        }
    }
}
let cp = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
let cr = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
print(String(format: "\nexpectations: precision %.2f recall %.2f F1 %.2f; forbidden listed: %d", cp, cr,
             cp + cr == 0 ? 0 : 2 * cp * cr / (cp + cr), forbiddenHits))

// MARK: - Speed

/// 600-word articles assembled from held-out GMB sentences, recognized on one thread.
var articles: [(String, [TextSpan])] = []
var words: [String] = []
var current = ""
for s in gmbHeld {
    current += s.words.joined(separator: " ") + " "
    words.append(contentsOf: s.words)
    if words.count >= 600 {
        articles.append((current, SentenceSplitter().sentences(in: current)))
        current = ""
        words = []
    }
}
if !articles.isEmpty {
    var mentions = 0
    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let cpuStart = cpuSeconds()
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for i in 0..<speedArticles {
            let (b, s) = articles[i % articles.count]
            mentions += recognizer.recognize(body: b, sentences: s, byline: nil).entities.count
        }
    }
    let cpu = cpuSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\n## Speed\n\nweights and lexicon loaded in \(loadTime)")
    print(String(format: "%d articles of ~600 words in %.3f s (%.3f s of CPU): %.0f articles/s wall, %.0f per CPU-second, one thread (%d entities)",
                 speedArticles, seconds, cpu, Double(speedArticles) / seconds, Double(speedArticles) / cpu, mentions))
}
