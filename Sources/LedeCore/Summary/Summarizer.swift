import Foundation

/// Chooses the bullet points of an article: the author's key points, then the sentences an
/// editor would pick, each with its people, organizations, numbers and key terms highlighted.
///
/// ## Design
///
/// News summaries are dominated by three signals, and each fails alone:
/// - **Position** (lead bias). Editors keep the lede, but Lead-k also keeps the second
///   paragraph's colour and misses facts that news writes further down.
/// - **Centrality** (LexRank: PageRank over the idf-weighted cosine graph of sentences).
///   It finds what the article keeps returning to, but it favours long, generic sentences
///   and ignores where a fact stands.
/// - **Salience**: overlap with the headline (Edmundson's title method), words the article
///   repeats (topic signature), the article's main people and organizations (weighted by how
///   often they are mentioned) and numbers, which carry most hard news facts.
///
/// The score is a weighted sum of the three groups, each feature scaled to 0…1 within the
/// article, times small penalties for sentences a reader cannot take alone (opening with a
/// pronoun, very short or very long). Sentences are then taken by maximal marginal
/// relevance (MMR, λ = 0.7) so that a bullet that repeats a key point or an earlier bullet
/// loses to the next distinct fact, and are shown in article order.
///
/// The weights were set by reasoning first (position strongest, as in every news
/// benchmark; centrality next) and checked on the development set with
/// `lede-eval-summary` (seed + 12 Wikinews articles; see BENCHMARKS.md): the blend covers more
/// hand-written must-cover facts than Lead-3, TextRank and centrality-only LexRank, and
/// more of the per-fact best sentences (a proxy for a human extractive summary). Only coarse
/// settings were compared, so as not to fit 13 articles.
///
/// Bullets are never a repeat of the headline, a byline, a dateline, a caption or credit,
/// a question or page furniture (see ``BulletEligibility``). Short articles get 3 bullets,
/// long ones up to ``maximumBullets``, key points included.
public struct Summarizer: Sendable {
    public var maximumBullets: Int
    public var weights: Weights

    /// How much each signal counts; the defaults are the ones the design above chose.
    public struct Weights: Sendable, Hashable {
        public var position: Double
        public var centrality: Double
        public var title: Double
        public var topic: Double
        public var entities: Double
        public var numbers: Double
        /// MMR trade-off between score (1) and novelty (0).
        public var lambda: Double

        public init(position: Double = 0.35, centrality: Double = 0.25, title: Double = 0.15,
                    topic: Double = 0.10, entities: Double = 0.10, numbers: Double = 0.05, lambda: Double = 0.7) {
            self.position = position
            self.centrality = centrality
            self.title = title
            self.topic = topic
            self.entities = entities
            self.numbers = numbers
            self.lambda = lambda
        }

        /// Centrality alone, no redundancy removal: the LexRank baseline.
        public static let lexRank = Weights(position: 0, centrality: 1, title: 0, topic: 0, entities: 0,
                                            numbers: 0, lambda: 1)
    }

    public init(maximumBullets: Int = 5) {
        self.maximumBullets = maximumBullets
        self.weights = Weights()
    }

    public init(maximumBullets: Int = 5, weights: Weights) {
        self.maximumBullets = maximumBullets
        self.weights = weights
    }

    /// The bullets of an article: key points first, then chosen body sentences in order.
    public func bullets(for document: ParsedDocument, sentences: [TextSpan], entities: [DocumentEntity],
                        terms: any TermStatistics) -> [Bullet] {
        let scalars = Array(document.body.unicodeScalars)
        let graph = SentenceGraph(scalars: scalars, sentences: sentences.filter { $0.start >= 0 && $0.end <= scalars.count && $0.start < $0.end })
        let keyPoints = document.keyPoints
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .prefix(max(maximumBullets, 0))
        let target = bulletCount(bodyWords: graph.words.reduce(0) { $0 + $1.count })
        let wanted = max(0, target - keyPoints.count)
        let keyPointScalars = keyPoints.map { Array($0.unicodeScalars) }
        let chosen = choose(graph: graph, document: document, entities: entities,
                            avoiding: keyPointScalars, count: wanted)
        let highlighter = Highlighter(graph: graph, entities: entities, terms: terms)
        var bullets: [Bullet] = []
        for text in keyPointScalars {
            bullets.append(Bullet(text: String(String.UnicodeScalarView(text)),
                                  highlights: highlighter.highlights(inKeyPoint: text)))
        }
        for index in chosen {
            let (text, offset) = Self.bulletText(graph: graph, sentence: index)
            bullets.append(Bullet(text: String(String.UnicodeScalarView(text)),
                                  highlights: highlighter.highlights(inSentence: index, text: text, from: offset)))
        }
        return bullets
    }

    /// The body sentences the summarizer would choose, in article order, ignoring key points.
    ///
    /// `count` overrides the length rule; evaluation uses it to compare methods at the same size.
    public func selectSentences(for document: ParsedDocument, sentences: [TextSpan], entities: [DocumentEntity],
                                count: Int? = nil) -> [TextSpan] {
        let scalars = Array(document.body.unicodeScalars)
        let graph = SentenceGraph(scalars: scalars, sentences: sentences)
        let wanted = count ?? bulletCount(bodyWords: graph.words.reduce(0) { $0 + $1.count })
        return choose(graph: graph, document: document, entities: entities, avoiding: [], count: wanted)
            .map { sentences[$0] }
    }

    /// 3 bullets for short articles, 4 for medium, up to `maximumBullets` for long ones.
    public func bulletCount(bodyWords: Int) -> Int {
        let byLength = bodyWords < 350 ? 3 : bodyWords < 700 ? 4 : 5
        return max(0, min(byLength, maximumBullets))
    }

    // MARK: - Choosing

    private func choose(graph: SentenceGraph, document: ParsedDocument, entities: [DocumentEntity],
                        avoiding keyPoints: [[Unicode.Scalar]], count: Int) -> [Int] {
        guard count > 0, !graph.sentences.isEmpty else { return [] }
        var eligibility = BulletEligibility(graph: graph, title: document.title, byline: document.byline)
        var candidates = graph.sentences.indices.filter { eligibility.eligible[$0] }
        if candidates.count < count {
            // Text without punctuation or paragraphs (a bare feed item): accept shorter lines.
            eligibility = BulletEligibility(graph: graph, title: document.title, byline: document.byline, relaxed: true)
            candidates = graph.sentences.indices.filter { eligibility.eligible[$0] }
        }
        guard !candidates.isEmpty else { return [] }
        // Key points already summarize the lede, so the body bullets should add what they
        // leave out: position counts less and novelty more.
        var weights = self.weights
        if !keyPoints.isEmpty {
            weights.position *= 0.5
            weights.lambda = min(weights.lambda, 0.6)
        }
        let scores = score(candidates: candidates, graph: graph, eligibility: eligibility,
                           title: document.title, entities: entities, weights: weights)
        let keyPointVectors = keyPoints.map { graph.vector(for: $0) }
        var references: [SentenceGraph.Vector] = []
        var remaining = Array(candidates.indices)
        var chosen: [Int] = []
        while chosen.count < count, !remaining.isEmpty {
            var best: (position: Int, value: Double)?
            for (position, c) in remaining.enumerated() {
                let vector = graph.vectors[candidates[c]]
                var redundancy = 0.0
                for reference in references {
                    redundancy = max(redundancy, SentenceGraph.cosine(vector, reference))
                }
                // A sentence that restates most of an author's key point adds nothing to it,
                // however much else it says; cosine alone misses that for long sentences.
                for keyPoint in keyPointVectors {
                    redundancy = max(redundancy, SentenceGraph.cosine(vector, keyPoint),
                                     SentenceGraph.containment(of: keyPoint, in: vector))
                }
                let value = weights.lambda * scores[c] - (1 - weights.lambda) * redundancy
                if redundancy < 0.65, best.map({ value > $0.value }) ?? true {
                    best = (position, value)
                }
            }
            guard let pick = best else { break }
            let c = remaining.remove(at: pick.position)
            chosen.append(candidates[c])
            references.append(graph.vectors[candidates[c]])
        }
        return chosen.sorted()
    }

    private func score(candidates: [Int], graph: SentenceGraph, eligibility: BulletEligibility, title: String,
                       entities: [DocumentEntity], weights: Weights) -> [Double] {
        let n = candidates.count
        let centrality = weights.centrality > 0 ? graph.centrality(of: candidates) : Array(repeating: 0, count: n)
        let titleVector = graph.vector(for: Array(title.unicodeScalars))
        let entityWeights = Self.entityWeights(graph: graph, entities: entities)
        var position = [Double](repeating: 0, count: n)
        var titleScore = position, topic = position, entityScore = position, numbers = position
        for (rank, index) in candidates.enumerated() {
            position[rank] = 1 / pow(Double(rank + 1), 0.7) * (eligibility.opensBlock[index] ? 1 : 0.85)
            titleScore[rank] = SentenceGraph.cosine(graph.vectors[index], titleVector)
            var seen = Set<Int32>()
            var numberCount = 0
            for (w, id) in graph.wordTerms[index].enumerated() {
                if ScalarClass.isDigit(graph.scalars[graph.words[index][w].start]) { numberCount += 1 }
                guard id >= 0, seen.insert(id).inserted else { continue }
                let tf = graph.termFrequency[Int(id)]
                if tf >= 2 { topic[rank] += log(Double(tf)) }
            }
            topic[rank] /= Double(max(graph.vectors[index].wordCount, 10)).squareRoot()
            // Per word, so that a list of names does not outweigh a sentence about the main actors.
            entityScore[rank] = entityWeights[index] / Double(max(graph.vectors[index].wordCount, 10)).squareRoot()
            numbers[rank] = min(Double(numberCount), 2) / 2
        }
        Self.scaleToUnit(&titleScore)
        Self.scaleToUnit(&topic)
        Self.scaleToUnit(&entityScore)
        var scores = [Double](repeating: 0, count: n)
        for (rank, index) in candidates.enumerated() {
            var s = weights.position * position[rank] + weights.centrality * centrality[rank]
                + weights.title * titleScore[rank] + weights.topic * topic[rank]
                + weights.entities * entityScore[rank] + weights.numbers * numbers[rank]
            let words = graph.vectors[index].wordCount
            if words < 10 { s *= 0.7 } else if words > 45 { s *= 0.85 }
            if Self.opensWithUnresolvedReference(graph: graph, sentence: index) { s *= 0.85 }
            scores[rank] = s
        }
        return scores
    }

    private static func scaleToUnit(_ values: inout [Double]) {
        guard let top = values.max(), top > 0 else { return }
        for i in values.indices { values[i] /= top }
    }

    /// Per sentence: the sum over the entities it mentions of log(1 + their mention count).
    ///
    /// Without recognized entities, capitalized words that are not sentence-initial stand
    /// in for names, weighted the same way by how often they recur.
    private static func entityWeights(graph: SentenceGraph, entities: [DocumentEntity]) -> [Double] {
        var result = [Double](repeating: 0, count: graph.sentences.count)
        if !entities.isEmpty {
            for entity in entities {
                let weight = log(1 + Double(entity.mentions.count))
                var lastSentence = -1
                for mention in entity.mentions.sorted(by: { $0.start < $1.start }) {
                    guard let sentence = sentenceIndex(graph.sentences, containing: mention.start),
                          sentence != lastSentence else { continue }
                    result[sentence] += weight
                    lastSentence = sentence
                }
            }
            return result
        }
        var counts: [Int32: Int] = [:]
        for (index, terms) in graph.wordTerms.enumerated() {
            for (w, id) in terms.enumerated() where w > 0 && id >= 0
                && ScalarClass.isUpper(graph.scalars[graph.words[index][w].start]) {
                counts[id, default: 0] += 1
            }
        }
        for (index, terms) in graph.wordTerms.enumerated() {
            var seen = Set<Int32>()
            var weights: [Double] = []
            for (w, id) in terms.enumerated() where w > 0 && id >= 0
                && ScalarClass.isUpper(graph.scalars[graph.words[index][w].start]) && seen.insert(id).inserted {
                weights.append(log(Double(counts[id] ?? 1)))
            }
            // The three most recurrent names: the main actors, not the length of a list.
            result[index] = weights.sorted(by: >).prefix(3).reduce(0, +)
        }
        return result
    }

    static func sentenceIndex(_ sentences: [TextSpan], containing offset: Int) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        guard low < sentences.count, sentences[low].start <= offset else { return nil }
        return low
    }

    private static let unresolvedOpeners: Set<String> = ["he", "she", "it", "they", "this", "that", "these",
                                                          "those", "his", "her", "their", "its", "him", "them"]

    private static func opensWithUnresolvedReference(graph: SentenceGraph, sentence: Int) -> Bool {
        guard let first = graph.words[sentence].first, first.length <= 5 else { return false }
        return unresolvedOpeners.contains(BulletEligibility.lower(graph.scalars, first))
    }

    // MARK: - Bullet text

    private static let connectivesWithComma: Set<String> = [
        "still", "but", "and", "however", "meanwhile", "moreover", "furthermore", "also", "yet", "so",
        "nevertheless", "nonetheless", "indeed", "besides", "additionally", "instead", "thus", "therefore",
        "hence", "plus", "now", "then", "again", "anyway", "separately", "similarly", "likewise", "overall",
    ]
    private static let connectivesBare: Set<String> = ["but", "and", "yet", "so", "also", "still", "plus"]

    /// The sentence as a bullet: without a leading connective ("Still,", "But") when the
    /// rest stands alone, its first letter then capitalized. Returns the text and the body
    /// offset its first scalar came from.
    static func bulletText(graph: SentenceGraph, sentence index: Int) -> ([Unicode.Scalar], Int) {
        let span = graph.sentences[index]
        let words = graph.words[index]
        var start = span.start
        if words.count > 4, let first = words.first, first.start == span.start {
            let key = BulletEligibility.lower(graph.scalars, first)
            var next = first.end
            if next < span.end, graph.scalars[next] == ",", connectivesWithComma.contains(key) {
                next += 1
            } else if !connectivesBare.contains(key) || next >= span.end || graph.scalars[next] != " " {
                next = start
            }
            if next > start {
                while next < span.end, ScalarClass.isSpace(graph.scalars[next]) { next += 1 }
                // Only when what follows reads as a sentence start (a letter or a quote), not ", he said".
                if next < span.end, ScalarClass.isLetter(graph.scalars[next]) || ScalarClass.isOpener(graph.scalars[next]) {
                    start = next
                }
            }
        }
        var text = Array(graph.scalars[start..<span.end])
        if start != span.start, let first = text.first, ScalarClass.isLower(first) {
            text[0] = ScalarClass.uppered(first)
        }
        return (text, start)
    }
}
