import Foundation

/// One annotated sentence of a training or evaluation corpus: words and their BIO tags.
package struct NERSentence: Sendable {
    package var words: [String]
    package var tags: [NERTag]
    /// Document number within its corpus (sentences of one document share it).
    package var doc: Int

    package init(words: [String], tags: [NERTag], doc: Int) {
        self.words = words
        self.tags = tags
        self.doc = doc
    }
}

/// Readers for the corpora in `shared/corpus/ner` (see its SOURCE.md).
package enum NERCorpus {
    /// Maps a corpus entity type to the tagger's type: 1 PER, 2 ORG, 3 LOC, 0 outside.
    static func type(_ name: Substring) -> Int {
        switch name.uppercased() {
        case "PER", "PERSON": return 1
        case "ORG": return 2
        case "LOC", "GEO", "GPE": return 3
        default: return 0  // MISC, TIM, ART, EVE, NAT: outside
        }
    }

    /// Parses an IOB2 (or, with `iob1`, IOB1) tag.
    static func tag(_ raw: Substring, previous: NERTag, iob1: Bool) -> NERTag {
        guard raw.count > 2, raw.hasPrefix("B-") || raw.hasPrefix("I-") else { return .o }
        let t = type(raw.dropFirst(2))
        guard t > 0 else { return .o }
        if raw.hasPrefix("B-") { return .begin(t) }
        if iob1, previous.type != t { return .begin(t) }
        return previous.type == t ? .inside(t) : .begin(t)
    }

    /// GMB: "token<TAB>POS<TAB>tag"; no document marks, so runs of 15 sentences stand in for documents.
    package static func readGMB(_ text: String) -> [NERSentence] {
        var out: [NERSentence] = []
        var words: [String] = [], tags: [NERTag] = []
        func flush() {
            if !words.isEmpty {
                out.append(NERSentence(words: words, tags: stripTitles(words, tags), doc: out.count / 15))
            }
            words = []; tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3 else { continue }
            words.append(String(cols[0]))
            tags.append(tag(cols[2], previous: tags.last ?? .o, iob1: false))
        }
        flush()
        return out
    }

    /// Universal NER: CoNLL-U-like lines "id<TAB>token<TAB>tag…", "# newdoc" starts a document.
    package static func readUNER(_ text: String) -> [NERSentence] {
        var out: [NERSentence] = []
        var words: [String] = [], tags: [NERTag] = []
        var doc = 0
        func flush() {
            if !words.isEmpty { out.append(NERSentence(words: words, tags: tags, doc: doc)) }
            words = []; tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                if line.hasPrefix("# newdoc") { flush(); doc += 1 }
                continue
            }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 3, !cols[0].contains("-"), !cols[0].contains(".") else { continue }
            words.append(String(cols[1]))
            tags.append(tag(cols[2], previous: tags.last ?? .o, iob1: false))
        }
        flush()
        return out
    }

    /// wikigold: "token tag" in IOB1, "-DOCSTART-" between documents.
    package static func readWikigold(_ text: String) -> [NERSentence] {
        var out: [NERSentence] = []
        var words: [String] = [], tags: [NERTag] = []
        var doc = 0
        func flush() {
            if !words.isEmpty { out.append(NERSentence(words: words, tags: tags, doc: doc)) }
            words = []; tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cols = line.split(separator: " ")
            if cols.isEmpty { flush(); continue }
            if cols[0] == "-DOCSTART-" { flush(); doc += 1; continue }
            guard cols.count >= 2 else { continue }
            words.append(String(cols[0]))
            tags.append(tag(cols[cols.count - 1], previous: tags.last ?? .o, iob1: true))
        }
        flush()
        return out
    }

    /// GMB's person spans often start with titles ("Prime Minister Ehud Olmert", "Mr. Bush"):
    /// titles are not part of a name, so they become outside and the name begins after them.
    static func stripTitles(_ words: [String], _ tags: [NERTag]) -> [NERTag] {
        var tags = tags
        var i = 0
        while i < tags.count {
            guard tags[i] == .bPER else { i += 1; continue }
            var j = i
            while j < tags.count, j == i || tags[j] == .iPER {
                let w = words[j]
                let lower = w.lowercased()
                let isTitle = NERLexicon.titleWords.contains(lower) || !(w.unicodeScalars.first?.properties.isUppercase ?? false)
                guard isTitle else { break }
                tags[j] = .o
                j += 1
            }
            if j < tags.count, j > i, tags[j] == .iPER { tags[j] = .bPER }
            i = j + 1
            while i < tags.count, tags[i] == .iPER { i += 1 }
        }
        return tags
    }

    /// Re-tokenizes a sentence's words with the runtime tokenizer (words joined by spaces) and
    /// carries the tags over: a word split in pieces ("Hamas-led") tags its first piece as the
    /// word was tagged and the others as inside the same entity (or outside).
    package static func aligned(_ s: NERSentence, lexicon: NERLexicon) -> (text: [UInt32], tokens: [NERToken], gold: [Int]) {
        var scalars: [UInt32] = []
        var wordStarts: [Int] = []
        for (k, w) in s.words.enumerated() {
            if k > 0 { scalars.append(32) }
            wordStarts.append(scalars.count)
            scalars.append(contentsOf: w.unicodeScalars.map(\.value))
        }
        let tokens = lexicon.tokens(scalars, from: 0, to: scalars.count)
        var gold: [Int] = []
        gold.reserveCapacity(tokens.count)
        var w = 0
        for t in tokens {
            while w + 1 < wordStarts.count, wordStarts[w + 1] <= t.start { w += 1 }
            let tag = s.tags[w]
            if t.start == wordStarts[w] {
                gold.append(tag.rawValue)
            } else {
                gold.append(tag == .o ? 0 : NERTag.inside(tag.type).rawValue)
            }
        }
        return (scalars, tokens, gold)
    }
}

extension NERCorpus {
    /// Tokens and gold tags of each sentence, with document-level flags set per document
    /// (consecutive sentences with the same `doc` number).
    package static func trainingData(_ sentences: [NERSentence], lexicon: NERLexicon) -> [(tokens: [NERToken], gold: [Int])] {
        var out: [(tokens: [NERToken], gold: [Int])] = []
        out.reserveCapacity(sentences.count)
        var i = 0
        while i < sentences.count {
            var j = i
            while j < sentences.count, sentences[j].doc == sentences[i].doc { j += 1 }
            var tokens: [[NERToken]] = []
            var gold: [[Int]] = []
            for s in sentences[i..<j] {
                let a = aligned(s, lexicon: lexicon)
                tokens.append(a.tokens)
                gold.append(a.gold)
            }
            TokenFlags.markLowerInDocument(&tokens)
            for k in tokens.indices { out.append((tokens[k], gold[k])) }
            i = j
        }
        return out
    }
}

/// Averaged-perceptron training of the tagger, deterministic for a given input, seed and settings.
package struct NERTrainer {
    package var bucketBits = 19
    package var epochs = 6
    package var seed: UInt64 = 0x1ede

    package init(bucketBits: Int = 19, epochs: Int = 6, seed: UInt64 = 0x1ede) {
        self.bucketBits = bucketBits
        self.epochs = epochs
        self.seed = seed
    }

    package func train(_ data: [(tokens: [NERToken], gold: [Int])], progress: ((Int, Double) -> Void)? = nil) -> NERModel {
        let fz = NERFeaturizer(bucketBits: bucketBits)
        let tc = NERTag.count
        let size = (1 << bucketBits) * tc
        var w = [Float](repeating: 0, count: size)
        var total = [Double](repeating: 0, count: size)
        var stamp = [Int32](repeating: 0, count: size)
        var clock: Int32 = 0
        var order = Array(data.indices)
        var rng = seed
        var rows: [Int] = []
        var scores = [Float](repeating: 0, count: tc)

        @inline(__always) func update(_ index: Int, _ delta: Float) {
            total[index] += Double(clock - stamp[index]) * Double(w[index])
            stamp[index] = clock
            w[index] += delta
        }

        for epoch in 0..<epochs {
            // Fisher-Yates with a fixed-seed LCG: the same shuffle on every machine.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let j = Int((rng >> 33) % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var correct = 0, seen = 0
            for idx in order {
                let (tokens, gold) = data[idx]
                var prev = 0, prev2 = 0
                for i in 0..<tokens.count {
                    if NERFeaturizer.fixedOutside(tokens[i], prev: prev) {
                        prev2 = prev
                        prev = 0
                        continue
                    }
                    clock += 1
                    rows.removeAll(keepingCapacity: true)
                    fz.baseFeatures(tokens, i, into: &rows)
                    let (a, b, c, d) = fz.tagFeatures(tokens, i, prev: prev, prev2: prev2)
                    rows.append(a); rows.append(b); rows.append(c); rows.append(d)
                    for t in 0..<tc { scores[t] = 0 }
                    for r in rows {
                        let o = r * tc
                        for t in 0..<tc { scores[t] += w[o + t] }
                    }
                    var best = 0
                    var bestScore = -Float.greatestFiniteMagnitude
                    for t in 0..<tc where NERTag.allowed(t, after: prev) && scores[t] > bestScore {
                        best = t
                        bestScore = scores[t]
                    }
                    let g = gold[i]
                    seen += 1
                    if best == g {
                        correct += 1
                    } else {
                        for r in rows {
                            update(r * tc + g, 1)
                            update(r * tc + best, -1)
                        }
                    }
                    // Condition on the predicted history, as decoding will: the weights learn to
                    // recover from the tagger's own mistakes.
                    prev2 = prev
                    prev = best
                }
            }
            progress?(epoch, seen > 0 ? Double(correct) / Double(seen) : 0)
        }
        var avg = [Float](repeating: 0, count: size)
        let c = Double(max(clock, 1))
        for i in 0..<size {
            let t = total[i] + Double(clock - stamp[i]) * Double(w[i])
            avg[i] = Float(t / c)
        }
        return NERModel(bucketBits: bucketBits, floatWeights: avg)
    }
}

/// Which part of each corpus is held out from training (shared by trainer and evaluator).
package enum NERHeldOut {
    /// GMB sentences before this index are trained on; the rest (the last 5%) are held out.
    package static func gmbTrainCount(_ total: Int) -> Int { total - total / 20 }

    /// wikigold and UNER PUD: documents with an even number (counted from 1 in file order) are
    /// trained on, odd ones are held out. Whole documents, so no held-out sentence shares a
    /// document (and its names) with a trained one.
    package static func isHeldOut(doc: Int) -> Bool { doc % 2 == 1 }

    package static func trainPart(_ s: [NERSentence]) -> [NERSentence] { s.filter { !isHeldOut(doc: $0.doc) } }
    package static func heldOutPart(_ s: [NERSentence]) -> [NERSentence] { s.filter { isHeldOut(doc: $0.doc) } }
}
