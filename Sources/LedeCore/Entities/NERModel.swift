import Foundation

/// The tags of the sequence tagger (BIO). LOC is never reported: it is learnt so that the tagger
/// knows what is *not* a person or an organization (places are the commonest confusion). Seven
/// tags fit one 8-lane SIMD row with room to spare.
package enum NERTag: Int, CaseIterable, Sendable {
    case o = 0, bPER, iPER, bORG, iORG, bLOC, iLOC

    package static let count = 7

    package var isBegin: Bool { self == .bPER || self == .bORG || self == .bLOC }
    package var isInside: Bool { self == .iPER || self == .iORG || self == .iLOC }
    /// 1 PER, 2 ORG, 3 LOC, 0 outside.
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
    let shift: UInt64
    package static let baseCount = 30

    package init(bucketBits: Int) {
        self.bucketBits = bucketBits
        self.shift = UInt64(64 - bucketBits)
    }

    /// A token outside any name that is lower case (not a name particle such as "al", "van"),
    /// a number, a plain capitalized word (`TokenFlags.plainWord`) or punctuation cannot begin a name: the tagger answers "O" for it without scoring, which
    /// skips most tokens of running text. Training applies the same rule, so the weights never
    /// learn to rely on those tokens being scored.
    @inline(__always)
    package static func fixedOutside(_ t: NERToken, prev: Int) -> Bool {
        guard prev == 0 else { return false }
        let f = t.flags.rawValue
        if f & (TokenFlags.isPunct.rawValue | TokenFlags.plainWord.rawValue) != 0 { return true }
        // A number without letters ("2016", "5") does not begin a name either ("3M", "4chan" may).
        if f & TokenFlags.hasLetter.rawValue == 0 { return true }
        let keep = TokenFlags.capitalized.rawValue | TokenFlags.uncased.rawValue | TokenFlags.hasDigit.rawValue
            | TokenFlags.particle.rawValue
        return f & keep == 0
    }

    static let boundary: UInt64 = 0x5bd1e9955bd1e995
    static let boundaryShape: UInt64 = 0x1b873593cc9e2d51

    /// Multiply-xorshift-multiply hashing of (template, value) into a row, the top bits picking
    /// it: cheaper than a full 64-bit mix per feature (34 features per scored token) and still
    /// spreading the unmixed affix hashes.
    @inline(__always)
    func row(_ template: UInt64, _ value: UInt64) -> Int {
        var x = (value ^ template &* 0x9E3779B97F4A7C15) &* 0xD6E8FEB86659FD93
        x ^= x >> 29
        return Int(truncatingIfNeeded: (x &* 0xFF51AFD7ED558CCD) >> shift)
    }

    /// Two hashes as one feature value (cheap: `row` mixes the result).
    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &* 0xC2B2AE3D27D4EB4F) ^ b
    }

    /// Rows of the features of token `i` that do not depend on earlier tags; appends
    /// exactly `baseCount` rows to `out`.
    package func baseFeatures(_ t: [NERToken], _ i: Int, into out: inout [Int]) {
        t.withUnsafeBufferPointer { t in baseFeatures(t, i) { out.append($0) } }
    }

    /// The same rows handed one by one to `emit` (the tagger sums them as they come, without
    /// an intermediate array). Reads the tokens through a buffer: the tagger reads up to five
    /// tokens per scored token, and the array checked every index.
    @inline(__always)
    package func baseFeatures(_ t: UnsafeBufferPointer<NERToken>, _ i: Int, _ emit: (Int) -> Void) {
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
        emit(row(1, 0))
        emit(row(2, w.lower))
        emit(row(3, wp))
        emit(row(4, wn))
        emit(row(5, wp2))
        emit(row(6, wn2))
        emit(row(7, w.shape))
        emit(row(8, sp))
        emit(row(9, sn))
        emit(row(10, Self.pair(Self.pair(sp, w.shape), sn)))
        emit(row(11, w.suffix2))
        emit(row(12, w.suffix3))
        emit(row(13, w.suffix4))
        emit(row(14, w.prefix2))
        emit(row(15, w.prefix3))
        emit(row(16, Self.pair(initial, w.lower)))
        emit(row(17, Self.pair(initial, w.shape)))
        emit(row(18, Self.pair(lex, cap)))
        emit(row(19, Self.pair(lexp, cap)))
        emit(row(20, Self.pair(lexn, cap)))
        emit(row(21, Self.pair(wp, w.lower)))
        emit(row(22, Self.pair(w.lower, wn)))
        emit(row(23, Self.pair(Self.pair(initial, cap), lex)))
        emit(row(24, Self.pair(lenBucket, w.shape)))
        emit(row(25, Self.pair(wn, w.shape)))
        emit(row(26, Self.pair(wp, w.shape)))
        emit(row(27, Self.pair(Self.pair(lexp, lex), lexn)))
        emit(row(28, Self.pair(wp2, wp)))
        emit(row(29, Self.pair(wn, wn2)))
        emit(row(30, Self.pair(sn, w.lower)))
    }

    /// Rows of the features that depend on the two previous tags.
    package func tagFeatures(_ t: [NERToken], _ i: Int, prev: Int, prev2: Int) -> (Int, Int, Int, Int) {
        t.withUnsafeBufferPointer { tagFeatures($0, i, prev: prev, prev2: prev2) }
    }

    @inline(__always)
    package func tagFeatures(_ t: UnsafeBufferPointer<NERToken>, _ i: Int, prev: Int, prev2: Int) -> (Int, Int, Int, Int) {
        let p = UInt64(prev)
        return (row(40, p), row(41, p &* 16 &+ UInt64(prev2)), row(42, Self.pair(p, t[i].lower)),
                row(43, Self.pair(p, t[i].shape)))
    }
}

/// The trained weights: `1 << bucketBits` rows of `NERTag.count` weights, each row stored as
/// 16-bit integers times a per-row scale (averaged perceptron weights span four orders of
/// magnitude, so one global scale would round the rare features' weights to zero).
///
/// File format (little endian): magic "LNER", version UInt32 (3), bucketBits UInt32, number of
/// non-empty rows UInt32, then for each non-empty row in increasing order: the row index as
/// UInt32, its scale as Float32 bits, and `NERTag.count` Int16 weights.
package struct NERModel: Sendable {
    package let featurizer: NERFeaturizer
    package let weights: [Int16]
    package let scales: [Float]
    /// What tagging reads: one row per bucket, the seven weights as Float, each the row's Int16
    /// weight times a power of two (the smallest that keeps the row's largest within ±32767),
    /// lane 7 zero. That product is exact, so adding the rows gives the very sums that scaling
    /// each Int16 row as it was read gave; a feature then costs one add instead of widening
    /// eight Int16 to Float and scaling them (two thirds of tagging's instructions).
    let dense: [SIMD8<Float>]

    package static let magic: [UInt8] = Array("LNER".utf8)

    package init(bucketBits: Int, weights: [Int16], scales: [Float]) {
        self.featurizer = NERFeaturizer(bucketBits: bucketBits)
        self.weights = weights
        self.scales = scales
        let tc = NERTag.count
        var d = [SIMD8<Float>](repeating: .zero, count: scales.count)
        for r in 0..<scales.count where scales[r] != 0 {
            var m: Float = 0
            for t in 0..<tc { m = max(m, abs(Float(weights[r * tc + t]) * scales[r])) }
            guard m > 0, m.isFinite else { continue }
            // The smallest power of two that brings the row's largest weight within ±32767.
            var e = Int((m / 32767).exponent)
            while m / Float(sign: .plus, exponent: e, significand: 1) > 32767 { e += 1 }
            e = max(-120, min(120, e))
            let unit = Float(sign: .plus, exponent: e, significand: 1)
            var row = SIMD8<Float>.zero
            for t in 0..<tc {
                let q = (Float(weights[r * tc + t]) * scales[r] / unit).rounded()
                row[t] = Float(Int16(max(-32767, min(32767, q)))) * unit
            }
            d[r] = row
        }
        self.dense = d
    }

    /// Quantizes float weights row by row.
    package init(bucketBits: Int, floatWeights w: [Float]) {
        let tc = NERTag.count
        let rows = 1 << bucketBits
        var q = [Int16](repeating: 0, count: rows * tc)
        var scales = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            var m: Float = 0
            for t in 0..<tc { m = max(m, abs(w[r * tc + t])) }
            guard m > 0 else { continue }
            let scale = m / 32000
            scales[r] = scale
            for t in 0..<tc { q[r * tc + t] = Int16((w[r * tc + t] / scale).rounded()) }
        }
        self.init(bucketBits: bucketBits, weights: q, scales: scales)
    }

    package init?(data: Data) {
        let bytes = [UInt8](data)
        guard bytes.count >= 16, Array(bytes.prefix(4)) == Self.magic else { return nil }
        func u32(_ o: Int) -> UInt32 {
            UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
        }
        let bits = Int(u32(8))
        let count = Int(u32(12))
        let tc = NERTag.count
        let rowBytes = 8 + tc * 2
        guard u32(4) == 3, bits >= 8, bits <= 24, count <= 1 << bits, bytes.count == 16 + count * rowBytes else {
            return nil
        }
        let rows = 1 << bits
        var w = [Int16](repeating: 0, count: rows * tc)
        var scales = [Float](repeating: 0, count: rows)
        var o = 16
        for _ in 0..<count {
            let r = Int(u32(o))
            guard r < rows else { return nil }
            scales[r] = Float(bitPattern: u32(o + 4))
            for t in 0..<tc {
                let lo = UInt16(bytes[o + 8 + 2 * t]), hi = UInt16(bytes[o + 9 + 2 * t])
                w[r * tc + t] = Int16(bitPattern: lo | hi << 8)
            }
            o += rowBytes
        }
        self.init(bucketBits: bits, weights: w, scales: scales)
    }

    package func serialized() -> Data {
        var d = [UInt8](Self.magic)
        func put(_ v: UInt32) { for k in 0..<4 { d.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
        let tc = NERTag.count
        let nonEmpty = scales.indices.filter { scales[$0] != 0 }
        put(3)
        put(UInt32(featurizer.bucketBits))
        put(UInt32(nonEmpty.count))
        for r in nonEmpty {
            put(UInt32(r))
            put(scales[r].bitPattern)
            for t in 0..<tc { put16(&d, weights[r * tc + t]) }
        }
        return Data(d)
    }

    private func put16(_ d: inout [UInt8], _ v: Int16) {
        let u = UInt16(bitPattern: v)
        d.append(UInt8(truncatingIfNeeded: u))
        d.append(UInt8(truncatingIfNeeded: u >> 8))
    }

    /// Greedy left-to-right tagging with BIO constraints. Tokens that cannot start a name
    /// (see `NERFeaturizer.fixedOutside`) get "O" without being scored, as in training.
    package func tag(_ tokens: [NERToken]) -> [Int] {
        var tags: [Int] = []
        tag(tokens, into: &tags)
        return tags
    }

    /// The same tags written into `tags` (emptied first), so that a caller tagging sentence after
    /// sentence reuses one array instead of allocating one per sentence.
    package func tag(_ tokens: [NERToken], into tags: inout [Int]) {
        let n = tokens.count
        tags.refill(with: 0, count: n)
        guard n > 0 else { return }
        // The shipped weights' table (`make train-ner`: 17 bits) with its shift a constant: each of
        // a scored token's 34 rows shifts its hash by it, and a shift held in a register took one
        // more instruction per row and a register the row's other constants were then reloaded for.
        if featurizer.bucketBits == 17 {
            tag(tokens, into: &tags, NERFeaturizer(bucketBits: 17))
        } else {
            tag(tokens, into: &tags, featurizer)
        }
    }

    @inline(__always)
    private func tag(_ tokens: [NERToken], into tags: inout [Int], _ featurizer: NERFeaturizer) {
        let n = tokens.count
        let tc = NERTag.count
        let rowCount = NERFeaturizer.baseCount + 4
        tokens.withUnsafeBufferPointer { tokens in
        dense.withUnsafeBufferPointer { w in
          withUnsafeTemporaryAllocation(of: Int.self, capacity: rowCount) { rows in
            var prev = 0, prev2 = 0
            var i = 0
            while i < n {
                // A run of tokens that cannot begin a name (most of them) is passed over in a loop
                // of its own, which tests only their flags. Each keeps its tag 0, and after one of
                // them both previous tags are 0 (the run begins after an "O").
                if prev == 0 {
                    let first = i
                    while i < n, NERFeaturizer.fixedOutside(tokens[i], prev: 0) { i += 1 }
                    if i == n { break }
                    if i > first { prev2 = 0 }
                }
                let (a, b, c, d) = featurizer.tagFeatures(tokens, i, prev: prev, prev2: prev2)
                // The rows' indices are gathered first and summed in a loop of their own: added
                // as each row came, the sum was compiled lane by lane. The rows' loads in that
                // loop are independent of one another, so their cache misses overlap. (Indices,
                // not copies of the rows: 34 rows of eight Floats are more than the temporary
                // allocation keeps on the stack, and it went to the heap for every sentence.) The
                // order of the sum is the order of the features: Float addition is not
                // associative, so it is part of the scores.
                var count = 0
                @inline(__always) func fetch(_ r: Int) {
                    rows[count] = r
                    count += 1
                }
                fetch(a); fetch(b); fetch(c); fetch(d)
                featurizer.baseFeatures(tokens, i) { fetch($0) }
                var sc = SIMD8<Float>.zero
                for k in 0..<count { sc += w[rows[k]] }
                var best = 0
                var bestScore = -Float.greatestFiniteMagnitude
                for t in 0..<tc where NERTag.allowed(t, after: prev) && sc[t] > bestScore {
                    best = t
                    bestScore = sc[t]
                }
                tags[i] = best
                prev2 = prev
                prev = best
                i += 1
            }
          }
        }
        }
    }
}

extension Array {
    /// Makes the array `n` copies of `value`, in the storage it has: the tagger and the tag rules
    /// reset a reused array for every sentence, and emptying it then appending a repeated element
    /// wrote the elements one by one through a sequence's iterator.
    @inline(__always)
    mutating func refill(with value: Element, count n: Int) {
        if count > n { removeLast(count - n) }
        withUnsafeMutableBufferPointer { $0.update(repeating: value) }
        if count < n { append(contentsOf: repeatElement(value, count: n - count)) }
    }
}
