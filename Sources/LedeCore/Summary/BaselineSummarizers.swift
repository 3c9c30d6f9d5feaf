import Foundation

/// Lead-k: the first `count` sentences that may be bullets at all.
///
/// The comparison baseline for news, where the lede carries most of the story. It skips
/// the same headline repeats, datelines, captions and furniture as ``Summarizer``, so
/// that a comparison measures the choice of sentences, not the cleaning.
public struct LeadSummarizer: Sendable {
    public init() {}

    public func selectSentences(for document: ParsedDocument, sentences: [TextSpan], count: Int) -> [TextSpan] {
        let graph = SentenceGraph(scalars: Array(document.body.unicodeScalars), sentences: sentences)
        let eligibility = BulletEligibility(graph: graph, title: document.title, byline: document.byline)
        return Array(sentences.indices.filter { eligibility.eligible[$0] }.prefix(max(count, 0)).map { sentences[$0] })
    }
}

/// TextRank (Mihalcea & Tarau 2004): PageRank over sentences linked by their word overlap,
/// normalized by log lengths; the top `count` in article order.
///
/// A baseline only: it has no notion of position, headline or redundancy.
public struct TextRankSummarizer: Sendable {
    public init() {}

    public func selectSentences(for document: ParsedDocument, sentences: [TextSpan], count: Int) -> [TextSpan] {
        let graph = SentenceGraph(scalars: Array(document.body.unicodeScalars), sentences: sentences)
        let eligibility = BulletEligibility(graph: graph, title: document.title, byline: document.byline)
        let nodes = sentences.indices.filter { eligibility.eligible[$0] }
        let n = nodes.count
        guard n > 0, count > 0 else { return [] }
        let sets = nodes.map { Set(graph.vectors[$0].ids) }
        var matrix = [Double](repeating: 0, count: n * n)
        var rowSums = [Double](repeating: 0, count: n)
        for a in 0..<n {
            for b in (a + 1)..<n {
                let overlap = Double(sets[a].intersection(sets[b]).count)
                let la = Double(max(graph.vectors[nodes[a]].wordCount, 2))
                let lb = Double(max(graph.vectors[nodes[b]].wordCount, 2))
                let s = overlap / (log(la) + log(lb))
                guard s > 0 else { continue }
                matrix[a * n + b] = s
                matrix[b * n + a] = s
                rowSums[a] += s
                rowSums[b] += s
            }
        }
        let rank = SentenceGraph.pageRank(matrix: matrix, rowSums: rowSums, count: n, damping: 0.85)
        let top = rank.indices.sorted { rank[$0] != rank[$1] ? rank[$0] > rank[$1] : $0 < $1 }.prefix(count)
        return top.sorted().map { sentences[nodes[$0]] }
    }
}
