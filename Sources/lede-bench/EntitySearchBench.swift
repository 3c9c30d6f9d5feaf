import Foundation
import LedeCore
import LedeStore
import LedeTestSupport

/// Entity search as the reader's search box uses it: one query per keystroke.
enum EntitySearchBench {
    /// Adds distinct synthetic names: the generated articles reuse a few hundred real names, and a
    /// big library has many thousands.
    static func addSyntheticNames(to library: Library, count: Int) throws {
        let syllables = ["ka", "ren", "mo", "li", "tha", "vek", "sor", "dan", "mi", "rus", "el", "to", "bar", "qui", "nez", "ol"]
        try library.write { db in
            var rng = SeededGenerator(seed: 7)
            func word() -> String {
                let parts = (0..<(2 + Int(rng.next() % 2))).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }
                return parts.joined()
            }
            for index in 0..<count {
                let first = word(), last = word()
                let name = first.capitalized + " " + last.capitalized
                try db.execute(sql: """
                    INSERT OR IGNORE INTO entity (name, kind, normalizedName, lastWord, articleCount, mentionCount)
                    VALUES (?, ?, ?, ?, 1, ?)
                    """, arguments: [name, index % 3 == 0 ? "organization" : "person", "\(first) \(last)", last, Int(rng.next() % 50) + 1])
            }
        }
    }

    /// Real names, a synthetic name, a typo and long words that match little, so the typo-tolerant pass runs.
    static let words = ["musk", "hoffman", "warhol", "nasa", "karenmo", "lithavek", "twiter", "scientology", "obama", "university"]

    /// Every prefix of each word is one keystroke. Each keystroke is timed `repeats` times and its
    /// median kept, so one preemption by another process does not pass for the search's worst case.
    static func keystrokeTimes(library: Library, words: [String], repeats: Int = 3,
                               report: ((String, Double) -> Void)? = nil) throws -> [Double] {
        _ = try library.entities(query: "a", limit: 20)  // the first keystroke loads the name index
        var times: [Double] = []
        for word in words {
            for length in 1...word.count {
                let prefix = String(word.prefix(length))
                var runs: [Double] = []
                for _ in 0..<repeats { runs.append(try seconds { _ = try library.entities(query: prefix, limit: 20) }) }
                times.append(median(runs))
                report?(prefix, median(runs))
            }
        }
        return times
    }
}
