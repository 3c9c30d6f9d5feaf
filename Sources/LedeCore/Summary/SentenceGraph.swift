import Foundation

/// Term vectors of a text's sentences and the similarity graph over them.
///
/// Terms are content words, lower-cased and lightly stemmed (possessive and plural "s"
/// dropped), identified by a 64-bit hash of their scalars so that the hot path builds no
/// strings. Weights are tf × isf, where isf is the inverse sentence frequency inside the
/// document: LexRank's weighting, which needs no outside corpus.
struct SentenceGraph {
    /// One sentence as a sparse vector, entries sorted by term id.
    struct Vector {
        var ids: [Int32] = []
        var weights: [Double] = []
        var norm: Double = 0
        var wordCount = 0
    }

    let scalars: [Unicode.Scalar]
    let sentences: [TextSpan]
    /// Words of each sentence.
    private(set) var words: [[TextSpan]] = []
    /// Term ids of each word (-1 for stop words and punctuation-only words).
    private(set) var wordTerms: [[Int32]] = []
    private(set) var vectors: [Vector] = []
    /// Occurrences of each term in the whole text.
    private(set) var termFrequency: [Int] = []
    /// Sentences each term occurs in.
    private(set) var sentenceFrequency: [Int] = []
    private(set) var termHashes: [UInt64] = []
    /// The first occurrence of each term, to recover its surface form when needed.
    private(set) var termFirstWord: [TextSpan] = []
    private var ids: [UInt64: Int32] = [:]

    init(scalars: [Unicode.Scalar], sentences: [TextSpan]) {
        self.scalars = scalars
        self.sentences = sentences
        let splitter = SentenceSplitter()
        words.reserveCapacity(sentences.count)
        wordTerms.reserveCapacity(sentences.count)
        ids.reserveCapacity(256)
        var counts: [Int32: Int] = [:]
        var rawVectors: [[(Int32, Int)]] = []
        rawVectors.reserveCapacity(sentences.count)
        for span in sentences {
            let sentenceWords = splitter.words(in: scalars, range: span.start..<span.end)
            var terms: [Int32] = []
            terms.reserveCapacity(sentenceWords.count)
            counts.removeAll(keepingCapacity: true)
            for word in sentenceWords {
                let id = termID(for: word)
                terms.append(id)
                if id >= 0 { counts[id, default: 0] += 1 }
                // "open-letter" should meet "open letter": hyphen parts count as terms too.
                var partStart = word.start
                for index in word.start...word.end where index == word.end || scalars[index] == "-" {
                    if partStart > word.start || index < word.end {
                        let partID = termID(for: TextSpan(start: partStart, end: index))
                        if partID >= 0, partID != id { counts[partID, default: 0] += 1 }
                    }
                    partStart = index + 1
                }
            }
            for (id, count) in counts {
                termFrequency[Int(id)] += count
                sentenceFrequency[Int(id)] += 1
            }
            words.append(sentenceWords)
            wordTerms.append(terms)
            rawVectors.append(counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        let n = Double(max(sentences.count, 1))
        vectors = rawVectors.enumerated().map { index, raw in
            var vector = Vector()
            vector.wordCount = words[index].count
            vector.ids = raw.map(\.0)
            vector.weights = raw.map { id, count in
                Double(count) * Self.isf(n: n, frequency: sentenceFrequency[Int(id)])
            }
            vector.norm = vector.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return vector
        }
    }

    static func isf(n: Double, frequency: Int) -> Double {
        log((n + 1) / Double(max(frequency, 1))) + 0.1
    }

    /// The id of a word's term, or -1 when it is a stop word.
    private mutating func termID(for word: TextSpan) -> Int32 {
        guard let hash = Self.termHash(scalars, word) else { return -1 }
        if let id = ids[hash] { return id }
        let id = Int32(termHashes.count)
        ids[hash] = id
        termHashes.append(hash)
        termFirstWord.append(word)
        termFrequency.append(0)
        sentenceFrequency.append(0)
        return id
    }

    /// The id of a term hash seen in this text, if any.
    func existingID(_ hash: UInt64) -> Int32? { ids[hash] }

    /// The hash of a word as a term (lower-cased, possessive and plural "s" dropped), or nil
    /// for stop words and single letters.
    static func termHash(_ scalars: [Unicode.Scalar], _ word: TextSpan) -> UInt64? {
        var end = word.end
        // Possessive: "Musk's", "Musks’".
        if end - word.start > 2, scalars[end - 1] == "s" || scalars[end - 1] == "S",
           scalars[end - 2] == "'" || scalars[end - 2] == "\u{2019}" {
            end -= 2
        }
        var length = end - word.start
        guard length >= 2 else { return nil }
        // Plural "s", keeping "ss", "us", "is" ("press", "status", "analysis").
        if length > 3, scalars[end - 1] == "s" {
            let before = scalars[end - 2]
            if before != "s" && before != "u" && before != "i" && before != "'" {
                end -= 1
                length -= 1
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in word.start..<end {
            hash = (hash ^ UInt64(ScalarClass.lowered(scalars[index]).value)) &* 0x0000_0100_0000_01b3
        }
        if length <= 12, StopWordHashes.all.contains(hash) { return nil }
        return hash
    }

    /// Cosine similarity of two sentences.
    func similarity(_ a: Int, _ b: Int) -> Double {
        Self.cosine(vectors[a], vectors[b])
    }

    static func cosine(_ a: Vector, _ b: Vector) -> Double {
        guard a.norm > 0, b.norm > 0 else { return 0 }
        var i = 0, j = 0, dot = 0.0
        while i < a.ids.count, j < b.ids.count {
            let x = a.ids[i], y = b.ids[j]
            if x == y {
                dot += a.weights[i] * b.weights[j]
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return dot / (a.norm * b.norm)
    }

    /// The share of `part`'s term weight that `whole` also has.
    static func containment(of part: Vector, in whole: Vector) -> Double {
        var i = 0, j = 0, shared = 0.0, total = 0.0
        while i < part.ids.count {
            total += part.weights[i]
            while j < whole.ids.count, whole.ids[j] < part.ids[i] { j += 1 }
            if j < whole.ids.count, whole.ids[j] == part.ids[i] { shared += part.weights[i] }
            i += 1
        }
        return total > 0 ? shared / total : 0
    }

    /// A vector for text outside the graph (a headline, a key point) in the graph's term space.
    func vector(for text: [Unicode.Scalar]) -> Vector {
        let splitter = SentenceSplitter()
        var counts: [Int32: Int] = [:]
        var wordCount = 0
        for word in splitter.words(in: text) {
            wordCount += 1
            guard let hash = Self.termHash(text, word), let id = ids[hash] else { continue }
            counts[id, default: 0] += 1
        }
        let n = Double(max(sentences.count, 1))
        var vector = Vector()
        vector.wordCount = wordCount
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
            vector.ids.append(id)
            vector.weights.append(Double(count) * Self.isf(n: n, frequency: sentenceFrequency[Int(id)]))
        }
        vector.norm = vector.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector
    }

    /// Continuous LexRank: PageRank over the similarity graph of `nodes`, edges below
    /// `threshold` dropped. Returns one score per node, the largest scaled to 1.
    func centrality(of nodes: [Int], threshold: Double = 0.08, damping: Double = 0.85) -> [Double] {
        let n = nodes.count
        guard n > 1 else { return Array(repeating: 1, count: n) }
        var matrix = [Double](repeating: 0, count: n * n)
        var rowSums = [Double](repeating: 0, count: n)
        for a in 0..<n {
            for b in (a + 1)..<n {
                let s = similarity(nodes[a], nodes[b])
                guard s > threshold else { continue }
                matrix[a * n + b] = s
                matrix[b * n + a] = s
                rowSums[a] += s
                rowSums[b] += s
            }
        }
        return Self.pageRank(matrix: matrix, rowSums: rowSums, count: n, damping: damping)
    }

    static func pageRank(matrix: [Double], rowSums: [Double], count n: Int, damping: Double) -> [Double] {
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        let base = (1 - damping) / Double(n)
        for _ in 0..<40 {
            // Nodes without edges spread their rank evenly, as in the original PageRank.
            var dangling = 0.0
            for a in 0..<n where rowSums[a] == 0 { dangling += rank[a] }
            let spread = damping * dangling / Double(n)
            var delta = 0.0
            for b in 0..<n {
                var sum = 0.0
                for a in 0..<n where rowSums[a] > 0 {
                    let w = matrix[a * n + b]
                    if w > 0 { sum += rank[a] * w / rowSums[a] }
                }
                next[b] = base + spread + damping * sum
                delta += abs(next[b] - rank[b])
            }
            swap(&rank, &next)
            if delta < 1e-6 { break }
        }
        let top = rank.max() ?? 1
        return top > 0 ? rank.map { $0 / top } : rank
    }
}

/// Hashes of the stop words, in the same form as ``SentenceGraph/termHash(_:_:)``.
enum StopWordHashes {
    static let all: Set<UInt64> = {
        var set = Set<UInt64>()
        let extra = ["mr", "mrs", "ms", "dr", "also", "would", "could", "its", "it's", "he's", "she's", "i'm",
                     "don't", "didn't", "can't", "won't", "isn't", "wasn't", "there's", "that's", "are", "per"]
        for word in StopWords.english.union(extra) {
            let scalars = Array(word.unicodeScalars)
            if let hash = SentenceGraph.rawHash(scalars) { set.insert(hash) }
        }
        return set
    }()
}

extension SentenceGraph {
    /// The term hash of a bare word, bypassing the stop-word check (used to build that check).
    static func rawHash(_ scalars: [Unicode.Scalar]) -> UInt64? {
        var end = scalars.count
        if end > 2, scalars[end - 1] == "s", scalars[end - 2] == "'" || scalars[end - 2] == "\u{2019}" { end -= 2 }
        guard end >= 1 else { return nil }
        if end > 3, scalars[end - 1] == "s" {
            let before = scalars[end - 2]
            if before != "s" && before != "u" && before != "i" && before != "'" { end -= 1 }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<end {
            hash = (hash ^ UInt64(ScalarClass.lowered(scalars[index]).value)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
