/// How much of a reference text an extracted text reproduces, the way article-extraction benchmarks
/// score extractors: both texts as lowercased word 4-grams ("shingles", counted with multiplicity),
/// precision = shared / extracted, recall = shared / reference.
public struct ShingleOverlap: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public init(extracted: String, reference: String, size: Int = 4) {
        let got = Self.shingles(extracted, size: size), want = Self.shingles(reference, size: size)
        let shared = got.reduce(0) { $0 + min($1.value, want[$1.key] ?? 0) }
        let gotTotal = got.values.reduce(0, +), wantTotal = want.values.reduce(0, +)
        precision = gotTotal == 0 ? (wantTotal == 0 ? 1 : 0) : Double(shared) / Double(gotTotal)
        recall = wantTotal == 0 ? 1 : Double(shared) / Double(wantTotal)
    }

    static func shingles(_ text: String, size: Int) -> [[Substring]: Int] {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }
        guard !words.isEmpty else { return [:] }
        var counts: [[Substring]: Int] = [:]
        let count = max(1, words.count - size + 1)
        for start in 0..<count {
            counts[Array(words[start..<min(words.count, start + size)]), default: 0] += 1
        }
        return counts
    }
}
