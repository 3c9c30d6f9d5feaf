import Foundation
import Testing
import LedeTestSupport
@testable import LedeCore

/// Real feeds, pages and articles, damaged the ways downloads and editors damage them (cut short,
/// bytes flipped, markup characters sprayed in, pieces repeated), must be read or refused, never
/// crash or hang. The damage is pseudo-random with a fixed seed, so a failure reproduces.
@Suite("Mangled input")
struct MangledInputTests {
    static func mangled(_ original: [UInt8], dice: inout SeededGenerator) -> [[UInt8]] {
        guard !original.isEmpty else { return [] }
        var versions: [[UInt8]] = []
        versions.append(Array(original.prefix(dice.below(original.count))))
        var flipped = original
        for _ in 0..<max(1, original.count / 200) { flipped[dice.below(flipped.count)] = UInt8(truncatingIfNeeded: dice.next()) }
        versions.append(flipped)
        var sprayed = original
        let markup: [[UInt8]] = ["<", "&", "]]>", "<!--", "&#x0;", "\u{1B}[2J", "\"", "</", "<![CDATA["].map { Array($0.utf8) }
        for _ in 0..<8 { sprayed.insert(contentsOf: markup[dice.below(markup.count)], at: dice.below(sprayed.count)) }
        versions.append(sprayed)
        let start = dice.below(original.count), length = min(original.count - start, 1 + dice.below(4096))
        var repeated = original
        for _ in 0..<20 { repeated.insert(contentsOf: original[start..<start + length], at: dice.below(repeated.count)) }
        versions.append(repeated)
        return versions
    }

    static func samples() -> [URL] {
        let fixtures = Fixtures.corpusURL.deletingLastPathComponent()
        var found: [URL] = []
        for folder in ["feeds/feedparser/wellformed/rss", "feeds/feedparser/wellformed/atom10", "feeds/feedparser/illformed",
                       "feeds/gofeed", "feeds/jsonfeed", "pages", "corpus"] {
            guard let walker = FileManager.default.enumerator(at: fixtures.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            let files = walker.compactMap { $0 as? URL }.filter { ["xml", "json", "html", "txt", "rss", "atom"].contains($0.pathExtension) }
                .sorted { $0.path < $1.path }
            // Every seventh file keeps the run short while touching every kind of sample.
            found += files.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        }
        return found
    }

    @Test("damaged feeds, pages and articles are read or refused, and what is read has no control characters")
    func damagedInputNeverBreaksTheReader() throws {
        var dice = SeededGenerator(seed: 20261127)
        let reader = DocumentReader()
        let files = Self.samples()
        #expect(files.count > 100)
        var read = 0, refused = 0
        for file in files {
            let original = Array(try Data(contentsOf: file))
            for version in Self.mangled(original, dice: &dice) {
                do {
                    let documents = try reader.documents(data: Data(version), source: file.lastPathComponent)
                    for document in documents.map({ $0.sanitized() }) {
                        let text = document.title + document.body + (document.byline ?? "")
                        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0.value == 0 },
                                "\(file.lastPathComponent)")
                    }
                    read += 1
                } catch {
                    refused += 1
                }
            }
        }
        // Many feedparser samples hold no items at all, so refusals are common and expected.
        #expect(read > 100 && refused > 0)
    }
}
