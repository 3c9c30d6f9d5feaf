import Foundation
import LedeCore

// Scores the web-page extractor: every NAME.html in the folder against its hand-made NAME.body.txt,
// by word-4-gram (shingle) precision, recall and F1, as public extraction benchmarks do.
let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: lede-eval-pages [FOLDER]   (default: Tests/LedeCoreTests/Fixtures/pages/layouts)")
    exit(0)
}
let folder = URL(fileURLWithPath: arguments.first ?? "Tests/LedeCoreTests/Fixtures/pages/layouts")
let names: [String]
do {
    names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".html") }.sorted()
} catch {
    FileHandle.standardError.write(Data("lede-eval-pages: cannot read \(folder.path): \(error.localizedDescription)\n".utf8))
    exit(1)
}
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("lede-eval-pages: no .html pages in \(folder.path)\n".utf8))
    exit(1)
}
var scores: [ShingleOverlap] = []
print("page extraction, shingle (word 4-gram) overlap with the hand-made body")
print("  F1     P      R      page")
for name in names {
    let page = folder.appendingPathComponent(name)
    let reference = folder.appendingPathComponent(String(name.dropLast(5)) + ".body.txt")
    guard let html = try? Data(contentsOf: page), let expected = try? String(contentsOf: reference, encoding: .utf8) else {
        print("  skipped \(name): no readable \(reference.lastPathComponent)")
        continue
    }
    let extracted = (try? ArticleExtractor.extract(html, url: page).body) ?? ""
    let score = ShingleOverlap(extracted: extracted, reference: expected)
    scores.append(score)
    print(String(format: "  %.3f  %.3f  %.3f  %@", score.f1, score.precision, score.recall, name))
}
let mean = scores.map(\.f1).reduce(0, +) / Double(max(1, scores.count))
print(String(format: "mean F1 %.3f over %d pages (target on unseen pages: 0.96; trafilatura 0.960, readability-lxml 0.955)", mean, scores.count))
