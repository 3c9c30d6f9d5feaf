import Foundation

/// Content-word counts of a text, the unit of the library's tf-idf statistics.
public enum TermCounter {
    /// Words of at least three letters or digits (one a letter), lower-cased, minus stop words.
    ///
    /// Words are counted in a table keyed by their bytes' hash, and a String made only once per
    /// distinct term: making one per word and hashing it twice (stop words, counts) cost as much
    /// as half of recognizing the article's names.
    public static func counts(in text: String) -> [String: Int] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = WordScanner()
            scanner.scan(bytes)
            return scanner.table.counts()
        }
    }

    /// The word being read and the terms so far: one struct, so that the loop's state is plain
    /// local storage (captured by a nested function, each access was checked at run time).
    struct WordScanner {
        var table = TermTable()
        private var word: [UInt8] = []
        private var length = 0
        private var hasLetter = false

        init() {
            word.reserveCapacity(64)
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    if (0x61...0x7A).contains(byte) { word.append(byte); length += 1; hasLetter = true }
                    else if (0x41...0x5A).contains(byte) { word.append(byte + 32); length += 1; hasLetter = true }
                    else if (0x30...0x39).contains(byte) { word.append(byte); length += 1 }
                    else if !word.isEmpty { flush() }
                    continue
                }
                let (scalar, size) = UTF8Walk.scalar(in: bytes, at: index)
                index += size
                if scalar.properties.isAlphabetic {
                    word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                    length += 1
                    hasLetter = true
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    UTF8.encode(scalar) { word.append($0) }
                } else if !word.isEmpty {
                    flush()
                }
            }
            if !word.isEmpty { flush() }
        }

        private mutating func flush() {
            if length >= 3, hasLetter { table.add(word) }
            word.removeAll(keepingCapacity: true)
            length = 0
            hasLetter = false
        }
    }

    /// FNV-1a over a word's bytes; never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h == 0 ? 1 : h
    }

    static let stopWordHashes = NERHashSet(StopWords.english.map { word in
        var word = word
        return word.withUTF8 { hash($0) }
    })

    /// Distinct terms by hash, open addressing; their bytes in one arena.
    struct TermTable {
        private var hashes = [UInt64](repeating: 0, count: 1024)
        private var slots = [Int](repeating: 0, count: 1024)
        private var starts: [Int] = []
        private var lengths: [Int] = []
        private var termCounts: [Int] = []
        private var arena: [UInt8] = []

        mutating func add(_ word: [UInt8]) {
            word.withUnsafeBufferPointer { word in
                let h = TermCounter.hash(word)
                // A stop word's hash could be a content word's too; the bytes decide.
                if TermCounter.stopWordHashes.contains(h), StopWords.english.contains(String(decoding: word, as: UTF8.self)) { return }
                let mask = hashes.count - 1
                var i = Int(truncatingIfNeeded: h) & mask
                while hashes[i] != 0 {
                    if hashes[i] == h {
                        let term = slots[i]
                        if lengths[term] == word.count, arena.withUnsafeBufferPointer({ arena in
                            guard let stored = arena.baseAddress, let wanted = word.baseAddress else { return word.isEmpty }
                            return memcmp(stored + starts[term], wanted, word.count) == 0
                        }) {
                            termCounts[term] += 1
                            return
                        }
                    }
                    i = (i + 1) & mask
                }
                hashes[i] = h
                slots[i] = termCounts.count
                starts.append(arena.count)
                lengths.append(word.count)
                arena.append(contentsOf: word)
                termCounts.append(1)
                if termCounts.count * 2 > hashes.count { grow() }
            }
        }

        private mutating func grow() {
            let old = zip(hashes, slots).filter { $0.0 != 0 }
            hashes = [UInt64](repeating: 0, count: hashes.count * 2)
            slots = [Int](repeating: 0, count: hashes.count)
            let mask = hashes.count - 1
            for (h, term) in old {
                var i = Int(truncatingIfNeeded: h) & mask
                while hashes[i] != 0 { i = (i + 1) & mask }
                hashes[i] = h
                slots[i] = term
            }
        }

        func counts() -> [String: Int] {
            var counts: [String: Int] = [:]
            counts.reserveCapacity(termCounts.count)
            arena.withUnsafeBufferPointer { arena in
                for term in termCounts.indices {
                    let bytes = UnsafeBufferPointer(rebasing: arena[starts[term]..<(starts[term] + lengths[term])])
                    counts[String(decoding: bytes, as: UTF8.self)] = termCounts[term]
                }
            }
            return counts
        }
    }
}

public enum StopWords {
    /// Function words that carry no topic; shared by term statistics and summaries.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "last", "like", "many", "may", "me", "might", "more", "most",
        "much", "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "says", "she", "should",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "two", "under", "until",
        "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "year", "years", "yet", "you", "your", "yours", "yourself", "yourselves", "according",
        "told", "say", "get", "got", "make", "made", "week", "including", "well", "way", "back", "first",
    ]
}
