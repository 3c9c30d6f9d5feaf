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
    /// Per term: occurrences written Title-case ("Iodine"), and occurrences capitalized other
    /// than as a sentence's first word (a stand-in for names before entities are known).
    private(set) var titleCaseFrequency: [Int] = []
    private(set) var capitalizedFrequency: [Int] = []
    /// Per sentence, the distinct terms capitalized other than as its first word, flattened:
    /// sentence `i` owns `capitalizedTerms[capitalizedStart[i]..<capitalizedStart[i + 1]]`.
    private(set) var capitalizedTerms: [Int32] = []
    private(set) var capitalizedStart: [Int] = [0]
    /// Inverse sentence frequency of each term, and the log of its frequency in the text.
    private(set) var termISF: [Double] = []
    private(set) var logTermFrequency: [Double] = []
    /// The first occurrence of each term, to recover its surface form when needed.
    private(set) var termFirstWord: [TextSpan] = []
    private var ids = HashIndex(capacity: 256)

    init(scalars: [Unicode.Scalar], sentences: [TextSpan]) {
        self.scalars = scalars
        self.sentences = sentences
        words.reserveCapacity(sentences.count)
        wordTerms.reserveCapacity(sentences.count)
        capitalizedStart.reserveCapacity(sentences.count + 1)
        let expectedTerms = scalars.count / 8 + 16
        // The term table is a local value while words stream in, not stored properties of
        // `self`: mutating `self` from the loop cost more than the tokenizing itself.
        var table = TermTable(capacity: expectedTerms)
        var tally = Tally(capacity: expectedTerms)
        vectors.reserveCapacity(sentences.count)
        let stopWords = StopWordHashes.all
        for (sentenceIndex, span) in sentences.enumerated() {
            // Words and their term hashes in one pass (the same words as
            // `SentenceSplitter.words`, the same hashes as `termHash`): this loop sees every
            // scalar of every article.
            var sentenceWords: [TextSpan] = []
            sentenceWords.reserveCapacity(span.length / 5 + 2)
            var terms: [Int32] = []
            terms.reserveCapacity(span.length / 5 + 2)
            tally.touched.removeAll(keepingCapacity: true)
            let end = span.end
            var i = span.start
            while i < end {
                let first = scalars[i]
                guard ScalarClass.isWord(first) else {
                    i += 1
                    continue
                }
                let start = i
                let prime: UInt64 = 0x0000_0100_0000_01b3
                var h: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(ScalarClass.lowered(first).value)) &* prime
                var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2 = h1, h3 = h1
                var hyphen = false
                i += 1
                while i < end {
                    let c = scalars[i]
                    if ScalarClass.isWord(c) {
                        h3 = h2
                        h2 = h1
                        h1 = h
                        h = (h ^ UInt64(ScalarClass.lowered(c).value)) &* prime
                        i += 1
                    } else if i + 1 < end, ScalarClass.isJoiner(c) || (c == "," && ScalarClass.isDigit(scalars[i - 1])
                                && ScalarClass.isDigit(scalars[i + 1])), ScalarClass.isWord(scalars[i + 1]) {
                        if c == "-" { hyphen = true }
                        h3 = h1
                        h2 = h
                        h1 = (h ^ UInt64(c.value)) &* prime
                        h = (h1 ^ UInt64(ScalarClass.lowered(scalars[i + 1]).value)) &* prime
                        i += 2
                    } else {
                        break
                    }
                }
                let word = TextSpan(start: start, end: i)
                sentenceWords.append(word)
                // Stemming as in `termHash`: possessive, then plural "s", from the saved prefixes.
                var e = i
                var hash = h
                var possessive = false
                if e - start > 2, scalars[e - 1] == "s" || scalars[e - 1] == "S",
                   scalars[e - 2] == "'" || scalars[e - 2] == "\u{2019}" {
                    e -= 2
                    hash = h2
                    possessive = true
                }
                if e - start > 3, scalars[e - 1] == "s" {
                    let before = scalars[e - 2]
                    if before != "s" && before != "u" && before != "i" && before != "'" {
                        e -= 1
                        hash = possessive ? h3 : h1
                    }
                }
                var id: Int32 = -1
                if e - start >= 2, e - start > 12 || !stopWords.contains(hash) {
                    id = table.id(hash, word)
                }
                terms.append(id)
                tally.add(id)
                if id >= 0, ScalarClass.isUpper(first) {
                    if i - start > 1, ScalarClass.isLower(scalars[start + 1]) { table.titleCase[Int(id)] += 1 }
                    if sentenceWords.count > 1 {
                        table.capitalized[Int(id)] += 1
                        if tally.capitalizedIn[Int(id)] != sentenceIndex {
                            tally.capitalizedIn[Int(id)] = sentenceIndex
                            capitalizedTerms.append(id)
                        }
                    }
                }
                if hyphen {
                    // "open-letter" should meet "open letter": hyphen parts count as terms too.
                    var partStart = start
                    for index in start..<i where scalars[index] == "-" {
                        tally.add(table.id(for: TextSpan(start: partStart, end: index), in: scalars))
                        partStart = index + 1
                    }
                    tally.add(table.id(for: TextSpan(start: partStart, end: i), in: scalars))
                }
            }
            tally.touched.sort()
            // Counts for now; weighted by isf once every sentence has been seen.
            var vector = Vector()
            vector.wordCount = sentenceWords.count
            vector.ids = tally.touched
            vector.weights.reserveCapacity(tally.touched.count)
            for id in tally.touched {
                let c = tally.counts[Int(id)]
                vector.weights.append(Double(c))
                table.frequency[Int(id)] += c
                table.sentences[Int(id)] += 1
                tally.counts[Int(id)] = 0
            }
            words.append(sentenceWords)
            wordTerms.append(terms)
            vectors.append(vector)
            capitalizedStart.append(capitalizedTerms.count)
        }
        ids = table.index
        termHashes = table.hashes
        termFirstWord = table.firstWords
        termFrequency = table.frequency
        sentenceFrequency = table.sentences
        titleCaseFrequency = table.titleCase
        capitalizedFrequency = table.capitalized
        let n = Double(max(sentences.count, 1))
        // Frequencies are small integers shared by many terms: one logarithm per distinct value.
        let sentenceCount = max(sentences.count, 1)
        let isfByFrequency = (0...sentenceCount).map { Self.isf(n: n, frequency: $0) }
        termISF = sentenceFrequency.map { isfByFrequency[min($0, sentenceCount)] }
        var logByCount: [Double] = [0]
        logTermFrequency = termFrequency.map { count in
            let count = max(count, 1)
            while logByCount.count <= count { logByCount.append(log(Double(logByCount.count))) }
            return logByCount[count]
        }
        let isf = termISF
        for index in vectors.indices {
            // Weighted through a local copy: writing `vectors[index].weights[k]` in place
            // checks both arrays' uniqueness on every store.
            var vector = vectors[index]
            vectors[index] = Vector()
            var norm = 0.0
            vector.weights.withUnsafeMutableBufferPointer { weights in
                for k in weights.indices {
                    let weight = weights[k] * isf[Int(vector.ids[k])]
                    weights[k] = weight
                    norm += weight * weight
                }
            }
            vector.norm = norm.squareRoot()
            vectors[index] = vector
        }
    }

    /// Per-term counts for one sentence, reset through the list of terms it touched: cheaper
    /// than a dictionary per sentence. A struct rather than a closure over local arrays, so
    /// that access needs no dynamic exclusivity checks.
    private struct Tally {
        var counts: [Int]
        var capitalizedIn: [Int]
        var touched: [Int32] = []

        init(capacity: Int) {
            counts = Array(repeating: 0, count: capacity)
            capitalizedIn = Array(repeating: -1, count: capacity)
        }

        @inline(__always)
        mutating func add(_ id: Int32) {
            guard id >= 0 else { return }
            if counts.count <= Int(id) {
                counts.append(contentsOf: repeatElement(0, count: counts.count + 1))
                capitalizedIn.append(contentsOf: repeatElement(-1, count: capitalizedIn.count + 1))
            }
            if counts[Int(id)] == 0 { touched.append(id) }
            counts[Int(id)] += 1
        }
    }

    static func isf(n: Double, frequency: Int) -> Double {
        log((n + 1) / Double(max(frequency, 1))) + 0.1
    }

    /// Terms by hash, with their statistics, while a text is read.
    private struct TermTable {
        var index: HashIndex
        var hashes: [UInt64] = []
        var firstWords: [TextSpan] = []
        var frequency: [Int] = []
        var sentences: [Int] = []
        var titleCase: [Int] = []
        var capitalized: [Int] = []

        init(capacity: Int) {
            index = HashIndex(capacity: capacity)
            hashes.reserveCapacity(capacity)
            firstWords.reserveCapacity(capacity)
            frequency.reserveCapacity(capacity)
            sentences.reserveCapacity(capacity)
            titleCase.reserveCapacity(capacity)
            capitalized.reserveCapacity(capacity)
        }

        /// The id of a word's term, or -1 when it is a stop word.
        mutating func id(for word: TextSpan, in scalars: [Unicode.Scalar]) -> Int32 {
            guard let hash = SentenceGraph.termHash(scalars, word) else { return -1 }
            return id(hash, word)
        }

        @inline(__always)
        mutating func id(_ hash: UInt64, _ word: TextSpan) -> Int32 {
            if let id = index.value(hash) { return id }
            let id = Int32(hashes.count)
            index.insert(hash, id)
            hashes.append(hash)
            firstWords.append(word)
            frequency.append(0)
            sentences.append(0)
            titleCase.append(0)
            capitalized.append(0)
            return id
        }
    }

    /// The id of a term hash seen in this text, if any.
    func existingID(_ hash: UInt64) -> Int32? { ids.value(hash) }

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
            guard let hash = Self.termHash(text, word), let id = ids.value(hash) else { continue }
            counts[id, default: 0] += 1
        }
        var vector = Vector()
        vector.wordCount = wordCount
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
            vector.ids.append(id)
            vector.weights.append(Double(count) * termISF[Int(id)])
        }
        vector.norm = vector.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector
    }

    /// Continuous LexRank: PageRank over the similarity graph of `nodes`, edges below
    /// `threshold` dropped. Returns one score per node, the largest scaled to 1.
    func centrality(of nodes: [Int], threshold: Double = 0.05, damping: Double = 0.85) -> [Double] {
        let n = nodes.count
        guard n > 1 else { return Array(repeating: 1, count: n) }
        var matrix = [Double](repeating: 0, count: n * n)
        var rowSums = [Double](repeating: 0, count: n)
        // One sentence's weights scattered densely, so each dot product walks only the other's terms.
        var dense = [Double](repeating: 0, count: termHashes.count)
        for a in 0..<n {
            let va = vectors[nodes[a]]
            guard va.norm > 0 else { continue }
            for (k, id) in va.ids.enumerated() { dense[Int(id)] = va.weights[k] }
            for b in (a + 1)..<n {
                let vb = vectors[nodes[b]]
                guard vb.norm > 0 else { continue }
                var dot = 0.0
                for (k, id) in vb.ids.enumerated() { dot += dense[Int(id)] * vb.weights[k] }
                let s = dot / (va.norm * vb.norm)
                guard s > threshold else { continue }
                matrix[a * n + b] = s
                matrix[b * n + a] = s
                rowSums[a] += s
                rowSums[b] += s
            }
            for id in va.ids { dense[Int(id)] = 0 }
        }
        return Self.pageRank(matrix: matrix, rowSums: rowSums, count: n, damping: damping)
    }

    /// PageRank over a symmetric weighted graph given as a dense `n × n` matrix.
    ///
    /// The edges are gathered into compressed rows once, so each iteration costs the
    /// edges that survived the threshold rather than n², and the only division per
    /// iteration is one per node.
    static func pageRank(matrix: [Double], rowSums: [Double], count n: Int, damping: Double) -> [Double] {
        var rowStart = [Int](repeating: 0, count: n + 1)
        var columns: [Int32] = []
        var weights: [Double] = []
        columns.reserveCapacity(n * 4)
        weights.reserveCapacity(n * 4)
        for b in 0..<n {
            let row = b * n
            for a in 0..<n where matrix[row + a] != 0 && rowSums[a] > 0 {
                columns.append(Int32(a))
                weights.append(matrix[row + a])
            }
            rowStart[b + 1] = columns.count
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        var share = rank
        let base = (1 - damping) / Double(n)
        for _ in 0..<30 {
            // Nodes without edges spread their rank evenly, as in the original PageRank.
            var dangling = 0.0
            for a in 0..<n {
                if rowSums[a] > 0 { share[a] = rank[a] / rowSums[a] } else { dangling += rank[a] }
            }
            let spread = base + damping * dangling / Double(n)
            var delta = 0.0
            for b in 0..<n {
                var sum = 0.0
                // Symmetric: the weight from a to b is matrix[b][a], normalized by a's row sum.
                for k in rowStart[b]..<rowStart[b + 1] { sum += share[Int(columns[k])] * weights[k] }
                next[b] = spread + damping * sum
                delta += abs(next[b] - rank[b])
            }
            swap(&rank, &next)
            // Scores are only compared and scaled to the top one: this is ample precision.
            if delta < 1e-3 { break }
        }
        let top = rank.max() ?? 1
        return top > 0 ? rank.map { $0 / top } : rank
    }
}

/// Hashes of the stop words, in the same form as ``SentenceGraph/termHash(_:_:)``.
enum StopWordHashes {
    static let all: HashIndex = {
        var set = Set<UInt64>()
        let extra = ["mr", "mrs", "ms", "dr", "also", "would", "could", "its", "it's", "he's", "she's", "i'm",
                     "don't", "didn't", "can't", "won't", "isn't", "wasn't", "there's", "that's", "are", "per"]
        for word in StopWords.english.union(extra) {
            let scalars = Array(word.unicodeScalars)
            if let hash = SentenceGraph.rawHash(scalars) { set.insert(hash) }
        }
        return HashIndex(set)
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

/// A set of lower-case words matched against spans of scalars without building strings.
struct WordSet: Sendable {
    private let hashes: HashIndex

    init(_ words: some Sequence<String>) {
        hashes = HashIndex(Set(words.map {
            WordSet.hash(Array($0.unicodeScalars), TextSpan(start: 0, end: $0.unicodeScalars.count))
        }))
    }

    func contains(_ scalars: [Unicode.Scalar], _ word: TextSpan) -> Bool {
        word.length <= 24 && hashes.contains(Self.hash(scalars, word))
    }

    /// FNV-1a over the lower-cased scalars of `word`.
    static func hash(_ scalars: [Unicode.Scalar], _ word: TextSpan) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in word.start..<word.end {
            hash = (hash ^ UInt64(ScalarClass.lowered(scalars[index]).value)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// Builds a String from scalars through UTF-8, much faster than appending scalar by scalar.
func makeString(_ scalars: some Collection<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count + scalars.count / 4)
    for scalar in scalars {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// An open-addressing map from 64-bit word hashes to small integers.
///
/// The keys are already FNV hashes, so this skips the Hasher (SipHash) that `Dictionary`
/// would run on every word of every article.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// Fibonacci hashing: FNV's low bits mix poorly, so take the top bits of a multiply.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    init(_ keys: some Sequence<UInt64>) {
        let all = Array(keys)
        self.init(capacity: all.count)
        for (index, key) in all.enumerated() { insert(key, Int32(index)) }
    }

    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        var slot = slot(key)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { value(key) != nil }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = slot(key)
        while values[slot] >= 0 {
            if keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        shift = UInt64(64 - keys.count.trailingZeroBitCount)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { insert(key, value) }
    }
}

/// The Unicode scalars of a string, decoded straight from its UTF-8 storage.
func scalarArray(_ string: String) -> [Unicode.Scalar] {
    var string = string
    return string.withUTF8 { bytes -> [Unicode.Scalar] in
        // Written into uninitialized storage: `append` checked the array's uniqueness for
        // every scalar of every article.
        Array(unsafeUninitializedCapacity: bytes.count) { result, written in
        var i = 0
        var count = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var value: UInt32
            var length: Int
            if b0 < 0x80 {
                value = b0
                length = 1
            } else if b0 < 0xE0, i + 1 < n {
                value = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                length = 2
            } else if b0 < 0xF0, i + 2 < n {
                value = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                length = 3
            } else if i + 3 < n {
                value = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                    | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                length = 4
            } else {
                value = 0xFFFD
                length = 1
            }
            // Swift strings hold valid UTF-8, so this only guards against the impossible.
            result.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
            count += 1
            i += length
        }
        written = count
        }
    }
}
