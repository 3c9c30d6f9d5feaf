import Foundation

/// Term vectors of a text's sentences and the similarity graph over them.
///
/// Terms are content words, lower-cased and lightly stemmed (possessive and plural "s"
/// dropped), identified by a 64-bit hash of their scalars so that the hot path builds no
/// strings. Weights are tf × isf, where isf is the inverse sentence frequency inside the
/// document: LexRank's weighting, which needs no outside corpus.
///
/// Built for every ingested article, so its layout is about speed: one pass over the
/// scalars finds words, term hashes, term ids and quotation marks together; words, term ids
/// and sentence vectors live in flat buffers with per-sentence offsets (a handful of
/// allocations per article rather than four per sentence), the term table and per-sentence
/// tallies are raw buffers (no uniqueness check per word), and vectors are slices sorted by
/// term id, so cosine is a merge and centrality a scatter-and-gather over integer ids.
struct SentenceGraph {
    /// One sentence as a sparse vector, entries sorted by term id. The graph's own vectors
    /// are slices of one flat buffer, so building them allocates nothing per sentence.
    struct Vector {
        var ids: ArraySlice<Int32> = []
        var weights: ArraySlice<Double> = []
        var norm: Double = 0
        var wordCount = 0
    }

    /// Per-sentence rows of one flat array: row `i` is `elements[starts[i]..<starts[i + 1]]`.
    ///
    /// One buffer for all sentences instead of an array each: an article's words then cost
    /// two allocations, not two per sentence.
    struct Rows<Element>: RandomAccessCollection {
        fileprivate(set) var elements: [Element] = []
        fileprivate(set) var starts: [Int] = [0]

        /// One row, indexed from zero like an array.
        struct Row: RandomAccessCollection {
            let elements: [Element]
            let lower: Int
            let upper: Int
            var startIndex: Int { 0 }
            var endIndex: Int { upper - lower }
            subscript(position: Int) -> Element { elements[lower + position] }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { starts.count - 1 }
        subscript(position: Int) -> Row { Row(elements: elements, lower: starts[position], upper: starts[position + 1]) }
        /// Elements of every row together, in order.
        var totalCount: Int { elements.count }
        /// Where row `i` lies in `elements`, without building the row.
        func range(ofRow i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }
        func count(ofRow i: Int) -> Int { starts[i + 1] - starts[i] }
    }

    /// The vectors of the graph's sentences, as slices of its flat buffers.
    struct Vectors: RandomAccessCollection {
        fileprivate var ids: [Int32] = []
        fileprivate var weights: [Double] = []
        fileprivate var starts: [Int] = [0]
        fileprivate(set) var norms: [Double] = []
        fileprivate(set) var wordCounts: [Int] = []

        var startIndex: Int { 0 }
        var endIndex: Int { norms.count }
        subscript(position: Int) -> Vector {
            let range = starts[position]..<starts[position + 1]
            return Vector(ids: ids[range], weights: weights[range], norm: norms[position], wordCount: wordCounts[position])
        }
    }

    let scalars: [Unicode.Scalar]
    let sentences: [TextSpan]
    /// Words of each sentence.
    private(set) var words = Rows<TextSpan>()
    /// Term ids of each word (-1 for stop words and punctuation-only words).
    private(set) var wordTerms = Rows<Int32>()
    private(set) var vectors = Vectors()
    /// Per sentence, the share of its scalars inside quotation marks (see ``Summarizer/quotedShare(_:_:)``),
    /// found in the same pass that reads its words.
    private(set) var quotedShares: [Double] = []
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
        let expectedTerms = scalars.count / 8 + 16
        // Everything is gathered in locals and stored once at the end: mutating stored
        // properties of `self` from the loop cost more than the tokenizing itself.
        var table = TermTable(capacity: expectedTerms)
        var tally = Tally(capacity: expectedTerms)
        var wordStarts: [Int] = [0], vectorStarts: [Int] = [0]
        // Words, their term ids and the vector entries go into raw buffers sized for the
        // worst case, so that the per-word stores need neither uniqueness nor capacity checks.
        // Two words are always parted by a scalar that is not part of either, so a sentence
        // of n scalars holds at most (n + 1) / 2 words; its distinct terms (hyphen parts
        // included) are at most n + 1.
        var wordBound = 1, entryBound = 1
        for span in sentences {
            let length = max(0, min(span.end, scalars.count) - max(span.start, 0))
            wordBound += (length + 1) / 2
            entryBound += length + 1
        }
        let wordBuffer = UnsafeMutablePointer<TextSpan>.allocate(capacity: wordBound)
        let termBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: wordBound)
        let entryIDs = UnsafeMutablePointer<Int32>.allocate(capacity: entryBound)
        let entryWeights = UnsafeMutablePointer<Double>.allocate(capacity: entryBound)
        defer {
            wordBuffer.deallocate()
            termBuffer.deallocate()
            entryIDs.deallocate()
            entryWeights.deallocate()
        }
        var wordTotal = 0, entryTotal = 0
        var wordCounts: [Int] = [], quoted: [Double] = []
        var capitalizedTerms: [Int32] = [], capitalizedStart: [Int] = [0]
        wordStarts.reserveCapacity(sentences.count + 1)
        vectorStarts.reserveCapacity(sentences.count + 1)
        wordCounts.reserveCapacity(sentences.count)
        quoted.reserveCapacity(sentences.count)
        capitalizedStart.reserveCapacity(sentences.count + 1)
        let stopWords = StopWordHashes.all
        let textCount = scalars.count
        scalars.withUnsafeBufferPointer { text in
            for (sentenceIndex, span) in sentences.enumerated() {
                // Words and their term hashes in one pass (the same words as
                // `SentenceSplitter.words`, the same hashes as `termHash`): this loop sees
                // every scalar of every article, so it reads through an unsafe buffer.
                let sentenceFirstWord = wordTotal
                let end = min(span.end, textCount)
                var i = max(span.start, 0)
                var openedAt = -1
                var quotedScalars = 0
                while i < end {
                    let first = text[i]
                    guard ScalarClass.isWord(first) else {
                        // Quotation marks, tracked as in `Summarizer.quotedShare`.
                        let v = first.value
                        if v == 0x22 || v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D {
                            if v == 0x201C || v == 0xAB || (v == 0x22 && openedAt < 0) {
                                if openedAt < 0 { openedAt = i + 1 }
                            } else if openedAt >= 0 {
                                quotedScalars += i - openedAt
                                openedAt = -1
                            }
                        }
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
                        let c = text[i]
                        if ScalarClass.isWord(c) {
                            h3 = h2
                            h2 = h1
                            h1 = h
                            h = (h ^ UInt64(ScalarClass.lowered(c).value)) &* prime
                            i += 1
                        } else if i + 1 < end, ScalarClass.isJoiner(c) || (c == "," && ScalarClass.isDigit(text[i - 1])
                                    && ScalarClass.isDigit(text[i + 1])), ScalarClass.isWord(text[i + 1]) {
                            if c == "-" { hyphen = true }
                            h3 = h1
                            h2 = h
                            h1 = (h ^ UInt64(c.value)) &* prime
                            h = (h1 ^ UInt64(ScalarClass.lowered(text[i + 1]).value)) &* prime
                            i += 2
                        } else {
                            break
                        }
                    }
                    let word = TextSpan(start: start, end: i)
                    (wordBuffer + wordTotal).initialize(to: word)
                    wordTotal += 1
                    // Stemming as in `termHash`: possessive, then plural "s", from the saved prefixes.
                    var e = i
                    var hash = h
                    var possessive = false
                    if e - start > 2, text[e - 1] == "s" || text[e - 1] == "S",
                       text[e - 2] == "'" || text[e - 2] == "\u{2019}" {
                        e -= 2
                        hash = h2
                        possessive = true
                    }
                    if e - start > 3, text[e - 1] == "s" {
                        let before = text[e - 2]
                        if before != "s" && before != "u" && before != "i" && before != "'" {
                            e -= 1
                            hash = possessive ? h3 : h1
                        }
                    }
                    var id: Int32 = -1
                    if e - start >= 2, e - start > 12 || !stopWords.contains(hash) {
                        id = table.id(hash, word)
                    }
                    (termBuffer + wordTotal - 1).initialize(to: id)
                    tally.add(id)
                    if id >= 0, ScalarClass.isUpper(first) {
                        if i - start > 1, ScalarClass.isLower(text[start + 1]) { table.titleCase[Int(id)] += 1 }
                        if wordTotal - sentenceFirstWord > 1 {
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
                        for index in start..<i where text[index] == "-" {
                            tally.add(table.id(for: TextSpan(start: partStart, end: index), in: scalars))
                            partStart = index + 1
                        }
                        tally.add(table.id(for: TextSpan(start: partStart, end: i), in: scalars))
                    }
                }
                if openedAt >= 0 { quotedScalars += end - openedAt }
                quoted.append(span.length > 0 && span.start >= 0 && span.end <= textCount
                              ? Double(quotedScalars) / Double(span.length) : 0)
                // Counts for now; weighted by isf once every sentence has been seen.
                for id in tally.sortedTouched() {
                    let c = tally.counts[Int(id)]
                    (entryIDs + entryTotal).initialize(to: id)
                    (entryWeights + entryTotal).initialize(to: Double(c))
                    entryTotal += 1
                    table.frequency[Int(id)] += c
                    table.sentences[Int(id)] += 1
                    tally.counts[Int(id)] = 0
                }
                tally.resetTouched()
                wordCounts.append(wordTotal - sentenceFirstWord)
                wordStarts.append(wordTotal)
                vectorStarts.append(entryTotal)
                capitalizedStart.append(capitalizedTerms.count)
            }
        }
        ids = table.index
        termHashes = TermTable.array(table.hashes, table.count)
        termFirstWord = TermTable.array(table.firstWords, table.count)
        termFrequency = TermTable.array(table.frequency, table.count)
        sentenceFrequency = TermTable.array(table.sentences, table.count)
        titleCaseFrequency = TermTable.array(table.titleCase, table.count)
        capitalizedFrequency = TermTable.array(table.capitalized, table.count)
        table.deallocate()
        tally.deallocate()
        self.capitalizedTerms = capitalizedTerms
        self.capitalizedStart = capitalizedStart
        quotedShares = quoted
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
        var norms = [Double](repeating: 0, count: sentences.count)
        termISF.withUnsafeBufferPointer { isf in
            for index in 0..<sentences.count {
                var norm = 0.0
                for k in vectorStarts[index]..<vectorStarts[index + 1] {
                    let weight = entryWeights[k] * isf[Int(entryIDs[k])]
                    entryWeights[k] = weight
                    norm += weight * weight
                }
                norms[index] = norm.squareRoot()
            }
        }
        words = Rows(elements: Array(UnsafeBufferPointer(start: wordBuffer, count: wordTotal)), starts: wordStarts)
        wordTerms = Rows(elements: Array(UnsafeBufferPointer(start: termBuffer, count: wordTotal)), starts: wordStarts)
        vectors = Vectors(ids: Array(UnsafeBufferPointer(start: entryIDs, count: entryTotal)),
                          weights: Array(UnsafeBufferPointer(start: entryWeights, count: entryTotal)),
                          starts: vectorStarts, norms: norms, wordCounts: wordCounts)
    }

    /// Per-term counts for one sentence, reset through the list of terms it touched: cheaper
    /// than a dictionary per sentence. Counters live in raw buffers that this type owns:
    /// every word of every article updates them, and an array would check its uniqueness
    /// on each store. `add` grows them before any id beyond their capacity is used.
    private struct Tally {
        private(set) var capacity: Int
        private(set) var counts: UnsafeMutablePointer<Int>
        private(set) var capitalizedIn: UnsafeMutablePointer<Int>
        private(set) var touched: UnsafeMutablePointer<Int32>
        private(set) var touchedCount = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            counts = .allocate(capacity: self.capacity)
            counts.initialize(repeating: 0, count: self.capacity)
            capitalizedIn = .allocate(capacity: self.capacity)
            capitalizedIn.initialize(repeating: -1, count: self.capacity)
            touched = .allocate(capacity: self.capacity)
        }

        @inline(__always)
        mutating func add(_ id: Int32) {
            guard id >= 0 else { return }
            if Int(id) >= capacity { grow(to: Int(id) + 1) }
            if counts[Int(id)] == 0 {
                // Distinct ids below `capacity`, so the touched list cannot overflow.
                touched[touchedCount] = id
                touchedCount += 1
            }
            counts[Int(id)] += 1
        }

        /// The ids touched since the last reset, sorted.
        mutating func sortedTouched() -> UnsafeMutableBufferPointer<Int32> {
            var buffer = UnsafeMutableBufferPointer(start: touched, count: touchedCount)
            if touchedCount <= 48 {
                // A sentence's handful of terms: insertion sort, without the buffer the
                // library's sort sets up.
                for i in 1..<max(touchedCount, 1) {
                    let value = buffer[i]
                    var j = i
                    while j > 0, buffer[j - 1] > value {
                        buffer[j] = buffer[j - 1]
                        j -= 1
                    }
                    buffer[j] = value
                }
            } else {
                buffer.sort()
            }
            return buffer
        }

        mutating func resetTouched() { touchedCount = 0 }

        private mutating func grow(to needed: Int) {
            var newCapacity = capacity * 2
            while newCapacity < needed { newCapacity *= 2 }
            let newCounts = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
            newCounts.moveInitialize(from: counts, count: capacity)
            (newCounts + capacity).initialize(repeating: 0, count: newCapacity - capacity)
            let newCapitalized = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
            newCapitalized.moveInitialize(from: capitalizedIn, count: capacity)
            (newCapitalized + capacity).initialize(repeating: -1, count: newCapacity - capacity)
            let newTouched = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
            newTouched.moveInitialize(from: touched, count: touchedCount)
            counts.deallocate()
            capitalizedIn.deallocate()
            touched.deallocate()
            counts = newCounts
            capitalizedIn = newCapitalized
            touched = newTouched
            capacity = newCapacity
        }

        func deallocate() {
            counts.deallocate()
            capitalizedIn.deallocate()
            touched.deallocate()
        }
    }

    static func isf(n: Double, frequency: Int) -> Double {
        log((n + 1) / Double(max(frequency, 1))) + 0.1
    }

    /// Terms by hash, with their statistics, while a text is read: raw buffers owned by this
    /// type, for the same reason as ``Tally``; `id` grows them before a new term is stored.
    private struct TermTable {
        var index: HashIndex
        private(set) var count = 0
        private(set) var capacity: Int
        private(set) var hashes: UnsafeMutablePointer<UInt64>
        private(set) var firstWords: UnsafeMutablePointer<TextSpan>
        private(set) var frequency: UnsafeMutablePointer<Int>
        private(set) var sentences: UnsafeMutablePointer<Int>
        private(set) var titleCase: UnsafeMutablePointer<Int>
        private(set) var capitalized: UnsafeMutablePointer<Int>

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            index = HashIndex(capacity: self.capacity)
            hashes = .allocate(capacity: self.capacity)
            firstWords = .allocate(capacity: self.capacity)
            frequency = Self.zeroed(self.capacity)
            sentences = Self.zeroed(self.capacity)
            titleCase = Self.zeroed(self.capacity)
            capitalized = Self.zeroed(self.capacity)
        }

        private static func zeroed(_ capacity: Int) -> UnsafeMutablePointer<Int> {
            let pointer = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
            pointer.initialize(repeating: 0, count: capacity)
            return pointer
        }

        /// The id of a word's term, or -1 when it is a stop word.
        mutating func id(for word: TextSpan, in scalars: [Unicode.Scalar]) -> Int32 {
            guard let hash = SentenceGraph.termHash(scalars, word) else { return -1 }
            return id(hash, word)
        }

        @inline(__always)
        mutating func id(_ hash: UInt64, _ word: TextSpan) -> Int32 {
            if let id = index.value(hash) { return id }
            if count == capacity { grow() }
            let id = Int32(count)
            index.insert(hash, id)
            (hashes + count).initialize(to: hash)
            (firstWords + count).initialize(to: word)
            count += 1
            return id
        }

        private mutating func grow() {
            let newCapacity = capacity * 2
            func moved<T>(_ old: UnsafeMutablePointer<T>, zeroFill: T?) -> UnsafeMutablePointer<T> {
                let pointer = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
                pointer.moveInitialize(from: old, count: count)
                if let zeroFill { (pointer + count).initialize(repeating: zeroFill, count: newCapacity - count) }
                old.deallocate()
                return pointer
            }
            hashes = moved(hashes, zeroFill: nil)
            firstWords = moved(firstWords, zeroFill: nil)
            frequency = moved(frequency, zeroFill: 0)
            sentences = moved(sentences, zeroFill: 0)
            titleCase = moved(titleCase, zeroFill: 0)
            capitalized = moved(capitalized, zeroFill: 0)
            capacity = newCapacity
        }

        static func array<T>(_ pointer: UnsafeMutablePointer<T>, _ count: Int) -> [T] {
            Array(UnsafeBufferPointer(start: pointer, count: count))
        }

        func deallocate() {
            hashes.deallocate()
            firstWords.deallocate()
            frequency.deallocate()
            sentences.deallocate()
            titleCase.deallocate()
            capitalized.deallocate()
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
        var dot = 0.0
        a.ids.withUnsafeBufferPointer { aIDs in
            b.ids.withUnsafeBufferPointer { bIDs in
                a.weights.withUnsafeBufferPointer { aWeights in
                    b.weights.withUnsafeBufferPointer { bWeights in
                        var i = 0, j = 0
                        while i < aIDs.count, j < bIDs.count {
                            let x = aIDs[i], y = bIDs[j]
                            if x == y {
                                dot += aWeights[i] * bWeights[j]
                                i += 1
                                j += 1
                            } else if x < y {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        return dot / (a.norm * b.norm)
    }

    /// The share of `part`'s term weight that `whole` also has.
    static func containment(of part: Vector, in whole: Vector) -> Double {
        let partIDs = Array(part.ids), partWeights = Array(part.weights), wholeIDs = Array(whole.ids)
        var i = 0, j = 0, shared = 0.0, total = 0.0
        while i < partIDs.count {
            total += partWeights[i]
            while j < wholeIDs.count, wholeIDs[j] < partIDs[i] { j += 1 }
            if j < wholeIDs.count, wholeIDs[j] == partIDs[i] { shared += partWeights[i] }
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
        var vectorIDs: [Int32] = [], vectorWeights: [Double] = []
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
            vectorIDs.append(id)
            vectorWeights.append(Double(count) * termISF[Int(id)])
        }
        return Vector(ids: vectorIDs[...], weights: vectorWeights[...],
                      norm: vectorWeights.reduce(0) { $0 + $1 * $1 }.squareRoot(), wordCount: wordCount)
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
        let starts = vectors.starts, norms = vectors.norms
        vectors.ids.withUnsafeBufferPointer { ids in
            vectors.weights.withUnsafeBufferPointer { weights in
                dense.withUnsafeMutableBufferPointer { dense in
                    matrix.withUnsafeMutableBufferPointer { matrix in
                        for a in 0..<n {
                            let na = nodes[a]
                            let normA = norms[na]
                            guard normA > 0 else { continue }
                            for k in starts[na]..<starts[na + 1] { dense[Int(ids[k])] = weights[k] }
                            for b in (a + 1)..<n {
                                let nb = nodes[b]
                                let normB = norms[nb]
                                guard normB > 0 else { continue }
                                var dot = 0.0
                                for k in starts[nb]..<starts[nb + 1] { dot += dense[Int(ids[k])] * weights[k] }
                                let s = dot / (normA * normB)
                                guard s > threshold else { continue }
                                matrix[a * n + b] = s
                                matrix[b * n + a] = s
                                rowSums[a] += s
                                rowSums[b] += s
                            }
                            for k in starts[na]..<starts[na + 1] { dense[Int(ids[k])] = 0 }
                        }
                    }
                }
            }
        }
        return Self.pageRank(matrix: matrix, rowSums: rowSums, count: n, damping: damping)
    }

    /// PageRank over a symmetric weighted graph given as a dense `n × n` matrix.
    ///
    /// The edges are gathered into compressed rows once, so each iteration costs the
    /// edges that survived the threshold rather than n², and the only division per
    /// iteration is one per node.
    static func pageRank(matrix: [Double], rowSums: [Double], count n: Int, damping: Double) -> [Double] {
        guard n > 0, matrix.count >= n * n, rowSums.count >= n else { return [] }
        // Compressed rows in buffers sized for the densest graph, filled through raw
        // pointers: this runs for every article, and appending checked uniqueness per edge.
        var rowStart = [Int](repeating: 0, count: n + 1)
        var edges = 0
        let columns = UnsafeMutablePointer<Int32>.allocate(capacity: n * n)
        let weights = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        defer {
            columns.deallocate()
            weights.deallocate()
        }
        matrix.withUnsafeBufferPointer { matrix in
            rowSums.withUnsafeBufferPointer { rowSums in
                for b in 0..<n {
                    let row = b * n
                    for a in 0..<n where matrix[row + a] != 0 && rowSums[a] > 0 {
                        columns[edges] = Int32(a)
                        weights[edges] = matrix[row + a]
                        edges += 1
                    }
                    rowStart[b + 1] = edges
                }
            }
        }
        // Without damping, the stationary distribution of a random walk on an undirected
        // weighted graph is proportional to each node's weighted degree; with damping 0.85 it
        // stays close to that. Starting there rather than from uniform ranks, the iteration
        // converges in a few steps instead of a dozen or more.
        let totalDegree = rowSums.reduce(0, +)
        var rank = [Double](repeating: 1 / Double(n), count: n)
        if totalDegree > 0 {
            let uniform = (1 - damping) / Double(n)
            var sum = 0.0
            for a in 0..<n {
                rank[a] = uniform + damping * rowSums[a] / totalDegree
                sum += rank[a]
            }
            for a in 0..<n { rank[a] /= sum }
        }
        var next = rank
        var share = rank
        let base = (1 - damping) / Double(n)
        for _ in 0..<30 {
            var delta = 0.0
            rank.withUnsafeBufferPointer { rank in
                share.withUnsafeMutableBufferPointer { share in
                    next.withUnsafeMutableBufferPointer { next in
                        rowSums.withUnsafeBufferPointer { rowSums in
                            // Nodes without edges spread their rank evenly, as in the original PageRank.
                            var dangling = 0.0
                            for a in 0..<n {
                                if rowSums[a] > 0 { share[a] = rank[a] / rowSums[a] } else { dangling += rank[a] }
                            }
                            let spread = base + damping * dangling / Double(n)
                            for b in 0..<n {
                                var sum = 0.0
                                // Symmetric: the weight from a to b is matrix[b][a], normalized by a's row sum.
                                for k in rowStart[b]..<rowStart[b + 1] { sum += share[Int(columns[k])] * weights[k] }
                                next[b] = spread + damping * sum
                                delta += abs(next[b] - rank[b])
                            }
                        }
                    }
                }
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

    /// Read through raw buffers: slots are masked into range, and this runs for every word.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                var slot = slot(key)
                while values[slot] >= 0 {
                    if keys[slot] == key { return values[slot] }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { value(key) != nil }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let start = slot(key), mask = self.mask
        // Through raw buffers, as in `value`: slots are masked into range.
        let added = keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values -> Bool in
                var slot = start
                while values[slot] >= 0 {
                    if keys[slot] == key {
                        values[slot] = value
                        return false
                    }
                    slot = (slot + 1) & mask
                }
                keys[slot] = key
                values[slot] = value
                return true
            }
        }
        if added { count += 1 }
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
