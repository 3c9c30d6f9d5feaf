import Foundation
import LedeCore
import LedeTestSupport

/// Builds benchmark articles from real sentences, reproducibly.
///
/// Real news sentences (the demo articles) are recombined into ~600-word articles,
/// so every stage sees realistic names, numbers and punctuation, and no two
/// articles share a body.
struct CorpusGenerator {
    var sentences: [String]
    var rng: SeededGenerator

    init(articlesFolder: URL, seed: UInt64 = 42) throws {
        var sentences: [String] = []
        let splitter = SentenceSplitter()
        let files = try FileManager.default.contentsOfDirectory(at: articlesFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        for file in files {
            let document = try DocumentReader().read(fileAt: file)
            let scalars = Array(document.body.unicodeScalars)
            for span in splitter.sentences(in: document.body) where span.length > 40 {
                sentences.append(String(String.UnicodeScalarView(scalars[span.start..<span.end])))
            }
        }
        guard !sentences.isEmpty else { throw BenchError("no sentences in \(articlesFolder.path)") }
        self.sentences = sentences
        self.rng = SeededGenerator(seed: seed)
    }

    /// A saved-page text: headline, byline, blank-line paragraphs of about `words` words.
    mutating func article(number: Int, words: Int = 600) -> String {
        let title = sentences[Int(rng.next() % UInt64(sentences.count))]
        var text = "\(title.prefix(90)) (\(number))\n\nBy Bench Writer\n\n"
        var count = 0
        var paragraph: [String] = []
        while count < words {
            let sentence = sentences[Int(rng.next() % UInt64(sentences.count))]
            paragraph.append(sentence)
            count += sentence.split(separator: " ").count
            if paragraph.count == 3 {
                text += paragraph.joined(separator: " ") + "\n\n"
                paragraph.removeAll()
            }
        }
        text += paragraph.joined(separator: " ") + "\n"
        return text
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
