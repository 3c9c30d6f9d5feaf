import Foundation

/// The tags of the sequence tagger (BIO). LOC and MISC are never reported: they are learnt so
/// that the tagger knows what is *not* a person or an organization.
package enum NERTag: Int, CaseIterable, Sendable {
    case o = 0, bPER, iPER, bORG, iORG, bLOC, iLOC, bMISC, iMISC

    package static let count = 9

    package var isBegin: Bool { self == .bPER || self == .bORG || self == .bLOC || self == .bMISC }
    package var isInside: Bool { self == .iPER || self == .iORG || self == .iLOC || self == .iMISC }
    /// 1 PER, 2 ORG, 3 LOC, 4 MISC, 0 outside.
    package var type: Int { self == .o ? 0 : (rawValue + 1) / 2 }

    package static func begin(_ type: Int) -> NERTag { NERTag(rawValue: type * 2 - 1) ?? .o }
    package static func inside(_ type: Int) -> NERTag { NERTag(rawValue: type * 2) ?? .o }

    /// I-X may only follow B-X or I-X: greedy decoding keeps spans well formed.
    @inline(__always)
    package static func allowed(_ tag: Int, after prev: Int) -> Bool {
        guard tag != 0, tag % 2 == 0 else { return true }
        return prev == tag || prev == tag - 1
    }
}

/// Feature extraction shared by the trainer and the runtime tagger.
///
/// Features are hashed straight into a fixed table of `1 << bucketBits` rows of
/// `NERTag.count` weights, so no feature strings are ever built.
package struct NERFeaturizer: Sendable {
    package let bucketBits: Int
    package let mask: UInt64
    package static let baseCount = 30

    package init(bucketBits: Int) {
        self.bucketBits = bucketBits
        self.mask = (UInt64(1) << UInt64(bucketBits)) - 1
    }

    static let boundary: UInt64 = 0x5bd1e9955bd1e995
    static let boundaryShape: UInt64 = 0x1b873593cc9e2d51

    @inline(__always)
    func row(_ template: UInt64, _ value: UInt64) -> Int {
        Int(truncatingIfNeeded: nerCombine(template, value) & mask)
    }

    /// Rows of the features of token `i` that do not depend on earlier tags; appends
    /// exactly `baseCount` rows to `out`.
    package func baseFeatures(_ t: [NERToken], _ i: Int, into out: inout [Int]) {
        let n = t.count
        let w = t[i]
        let wp = i > 0 ? t[i - 1].lower : Self.boundary
        let wp2 = i > 1 ? t[i - 2].lower : Self.boundary
        let wn = i + 1 < n ? t[i + 1].lower : Self.boundary
        let wn2 = i + 2 < n ? t[i + 2].lower : Self.boundary
        let sp = i > 0 ? t[i - 1].shape : Self.boundaryShape
        let sn = i + 1 < n ? t[i + 1].shape : Self.boundaryShape
        let lex = UInt64(w.flags.rawValue & TokenFlags.lexiconMask)
        let lexp = i > 0 ? UInt64(t[i - 1].flags.rawValue & TokenFlags.lexiconMask) : 1
        let lexn = i + 1 < n ? UInt64(t[i + 1].flags.rawValue & TokenFlags.lexiconMask) : 1
        let cap: UInt64 = w.flags.contains(.capitalized) ? 1 : 0
        // Position in sentence: first word (after opening quotes/punctuation), or not.
        var initial: UInt64 = 1
        var k = i - 1
        while k >= 0 {
            if !t[k].flags.contains(.isPunct) { initial = 0; break }
            k -= 1
        }
        let lenBucket = UInt64(min(w.length, 8))
        out.append(row(1, 0))
        out.append(row(2, w.lower))
        out.append(row(3, wp))
        out.append(row(4, wn))
        out.append(row(5, wp2))
        out.append(row(6, wn2))
        out.append(row(7, w.shape))
        out.append(row(8, sp))
        out.append(row(9, sn))
        out.append(row(10, nerCombine(nerCombine(sp, w.shape), sn)))
        out.append(row(11, w.suffix2))
        out.append(row(12, w.suffix3))
        out.append(row(13, w.suffix4))
        out.append(row(14, w.prefix2))
        out.append(row(15, w.prefix3))
        out.append(row(16, nerCombine(initial, w.lower)))
        out.append(row(17, nerCombine(initial, w.shape)))
        out.append(row(18, nerCombine(lex, cap)))
        out.append(row(19, nerCombine(lexp, cap)))
        out.append(row(20, nerCombine(lexn, cap)))
        out.append(row(21, nerCombine(wp, w.lower)))
        out.append(row(22, nerCombine(w.lower, wn)))
        out.append(row(23, nerCombine(nerCombine(initial, cap), lex)))
        out.append(row(24, nerCombine(lenBucket, w.shape)))
        out.append(row(25, nerCombine(wn, w.shape)))
        out.append(row(26, nerCombine(wp, w.shape)))
        out.append(row(27, nerCombine(nerCombine(lexp, lex), lexn)))
        out.append(row(28, nerCombine(wp2, wp)))
        out.append(row(29, nerCombine(wn, wn2)))
        out.append(row(30, nerCombine(sn, w.lower)))
    }

    /// Rows of the features that depend on the two previous tags.
    @inline(__always)
    package func tagFeatures(_ t: [NERToken], _ i: Int, prev: Int, prev2: Int) -> (Int, Int, Int, Int) {
        let p = UInt64(prev)
        return (row(40, p), row(41, p &* 16 &+ UInt64(prev2)), row(42, nerCombine(p, t[i].lower)),
                row(43, nerCombine(p, t[i].shape)))
    }
}

/// The trained weights: `1 << bucketBits` rows of `NERTag.count` 16-bit weights.
///
/// File format (little endian): magic "LNER", version UInt32, bucketBits UInt32, then the
/// weights as Int16. Weights are the averaged perceptron's, scaled and rounded.
package struct NERModel: Sendable {
    package let featurizer: NERFeaturizer
    package let weights: [Int16]

    package static let magic: [UInt8] = Array("LNER".utf8)

    package init(bucketBits: Int, weights: [Int16]) {
        self.featurizer = NERFeaturizer(bucketBits: bucketBits)
        self.weights = weights
    }

    package init?(data: Data) {
        guard data.count >= 12, Array(data.prefix(4)) == Self.magic else { return nil }
        let bits = data.withUnsafeBytes { raw -> UInt32 in
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        }
        guard bits >= 8, bits <= 24 else { return nil }
        let count = (1 << Int(bits)) * NERTag.count
        guard data.count == 12 + count * 2 else { return nil }
        var w = [Int16](repeating: 0, count: count)
        w.withUnsafeMutableBytes { dst in
            data.withUnsafeBytes { src in
                dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[12..<(12 + count * 2)]))
            }
        }
        #if _endian(big)
        w = w.map { Int16(littleEndian: $0) }
        #endif
        self.init(bucketBits: Int(bits), weights: w)
    }

    package func serialized() -> Data {
        var d = Data(Self.magic)
        var version = UInt32(1).littleEndian
        var bits = UInt32(featurizer.bucketBits).littleEndian
        withUnsafeBytes(of: &version) { d.append(contentsOf: $0) }
        withUnsafeBytes(of: &bits) { d.append(contentsOf: $0) }
        weights.map { $0.littleEndian }.withUnsafeBytes { d.append(contentsOf: $0) }
        return d
    }

    /// Greedy left-to-right tagging with BIO constraints.
    package func tag(_ tokens: [NERToken]) -> [Int] {
        let n = tokens.count
        guard n > 0 else { return [] }
        var tags = [Int](repeating: 0, count: n)
        var rows: [Int] = []
        rows.reserveCapacity(NERFeaturizer.baseCount + 4)
        let tc = NERTag.count
        var scores = [Int32](repeating: 0, count: tc)
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { sc in
                var prev = 0, prev2 = 0
                for i in 0..<n {
                    rows.removeAll(keepingCapacity: true)
                    featurizer.baseFeatures(tokens, i, into: &rows)
                    let (a, b, c, d) = featurizer.tagFeatures(tokens, i, prev: prev, prev2: prev2)
                    rows.append(a); rows.append(b); rows.append(c); rows.append(d)
                    for t in 0..<tc { sc[t] = 0 }
                    for r in rows {
                        let o = r &* tc
                        for t in 0..<tc { sc[t] &+= Int32(w[o &+ t]) }
                    }
                    var best = 0
                    var bestScore = Int32.min
                    for t in 0..<tc where NERTag.allowed(t, after: prev) && sc[t] > bestScore {
                        best = t
                        bestScore = sc[t]
                    }
                    tags[i] = best
                    prev2 = prev
                    prev = best
                }
            }
        }
        return tags
    }
}
