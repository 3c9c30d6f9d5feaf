/// Word tokens over Unicode scalars, with the per-token facts the tagger's features need.
///
/// Shared by the runtime recognizer and the trainer (`lede-train-ner`) so that both see the
/// same tokens and the same features; any change here needs a retrain.
package struct NERToken: Sendable {
    /// Scalar offsets into the text the token came from, end exclusive.
    package var start: Int
    package var end: Int
    /// Hash of the lower-cased token.
    package var lower: UInt64
    /// Hash of the collapsed word shape ("Xx", "X.X.", "XxX", "d").
    package var shape: UInt64
    package var prefix2: UInt64
    package var prefix3: UInt64
    package var suffix2: UInt64
    package var suffix3: UInt64
    package var suffix4: UInt64
    package var flags: TokenFlags
    package var length: Int
}

package struct TokenFlags: OptionSet, Sendable, Hashable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }
    package static let capitalized = TokenFlags(rawValue: 1 << 0)
    package static let allCaps = TokenFlags(rawValue: 1 << 1)
    package static let hasDigit = TokenFlags(rawValue: 1 << 2)
    package static let isPunct = TokenFlags(rawValue: 1 << 3)
    package static let hasLetter = TokenFlags(rawValue: 1 << 4)
    package static let uncased = TokenFlags(rawValue: 1 << 5)
    // Lexicon memberships (set by NERLexicon).
    package static let firstName = TokenFlags(rawValue: 1 << 8)
    package static let surname = TokenFlags(rawValue: 1 << 9)
    package static let orgHead = TokenFlags(rawValue: 1 << 10)
    package static let title = TokenFlags(rawValue: 1 << 11)
    package static let commonLower = TokenFlags(rawValue: 1 << 12)
    package static let knownOrg = TokenFlags(rawValue: 1 << 13)
    package static let orgCue = TokenFlags(rawValue: 1 << 14)
    package static let personCue = TokenFlags(rawValue: 1 << 15)
    /// The same word is written in lower case elsewhere in the document.
    package static let lowerInDocument = TokenFlags(rawValue: 1 << 16)

    /// A lower-case name particle ("al", "van", "de"): may begin a name. Not a tagger feature.
    package static let particle = TokenFlags(rawValue: 1 << 17)
    /// A capitalized common word ("He", "But", "Officials") that no name list knows, followed
    /// by a word that is not capitalized: it does not begin a name, so it is not scored (see
    /// `NERFeaturizer.fixedOutside`). Also a word glued to a "#": a hashtag ("#IStandWithAhmed")
    /// labels a topic and names no one. Set by `NERLexicon.tokens`. Not a tagger feature.
    package static let plainWord = TokenFlags(rawValue: 1 << 18)
    /// A word that introduces a work's title ("film", "novel") or a thing an acronym can name
    /// ("system", "points"): set from the recognizer's own lists, so that scanning every token
    /// for them costs no extra lookup. Not tagger features.
    package static let workCue = TokenFlags(rawValue: 1 << 19)
    package static let thingNoun = TokenFlags(rawValue: 1 << 20)
    /// A word one of the recognizer's sentence rules starts from (`NERDocument.ruleWordHashes`),
    /// set like `workCue`: finding the sentences that need those rules costs no look-up of its
    /// own. Not a tagger feature.
    package static let ruleWord = TokenFlags(rawValue: 1 << 21)
    /// A plural head of an institution's name ("Centers for Disease Control", "National Institutes
    /// of Health", `NERDocument.pluralInstitutionHeads`), set like `workCue`. Not a tagger feature:
    /// these words are not `orgHead`, which is one, and adding them there changes the weights.
    package static let pluralHead = TokenFlags(rawValue: 1 << 22)

    package static let lexiconMask: UInt32 = 0x1FF00

    /// Marks the capitalized tokens whose word the document also writes in lower case.
    package static func markLowerInDocument(_ sentences: inout [[NERToken]]) {
        var lower = NERHashSet(capacity: 512)
        for s in sentences {
            for t in s where t.flags.contains(.hasLetter) && !t.flags.contains(.capitalized) && !t.flags.contains(.uncased) {
                lower.insert(t.lower)
            }
        }
        for i in sentences.indices {
            for j in sentences[i].indices where sentences[i][j].flags.contains(.capitalized) && lower.contains(sentences[i][j].lower) {
                sentences[i][j].flags.insert(.lowerInDocument)
            }
        }
    }
}

/// FNV-1a over 32-bit values, finished with a 64-bit mixer so low bits are usable as buckets.
@inline(__always)
package func nerMix(_ h: UInt64) -> UInt64 {
    var x = h
    x ^= x >> 33
    x &*= 0xff51afd7ed558ccd
    x ^= x >> 33
    x &*= 0xc4ceb9fe1a85ec53
    x ^= x >> 33
    return x
}

@inline(__always)
package func nerCombine(_ a: UInt64, _ b: UInt64) -> UInt64 {
    nerMix(a &* 0x9E3779B97F4A7C15 ^ (b &+ 0x632BE59BD9B4E019))
}

package enum NERText {
    static let fnvOffset: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3
    /// The shape hash of a word all of lower-case letters: `nerMix` of the FNV fold of its one
    /// class "x" (a unit test recomputes it), written out so that no word has to mix it.
    static let lowerShape: UInt64 = 0x06a4_f950_5be8_5405

    // The ASCII test of each of these is inlined; the rest, which reads Unicode properties, is a
    // call of its own. `Unicode.Scalar.Properties` is a resilient type: a function that inlines a
    // look-up of it fetches the type's metadata and sizes stack room for it on every call, which in
    // `token` (once per token, nearly always on ASCII) cost more than a quarter of its instructions.

    @inline(__always)
    package static func lowered(_ v: UInt32) -> UInt32 {
        if v < 128 {
            return (v >= 65 && v <= 90) ? v + 32 : v
        }
        return loweredNonASCII(v)
    }

    @inline(never)
    static func loweredNonASCII(_ v: UInt32) -> UInt32 {
        guard let s = Unicode.Scalar(v), s.properties.isUppercase else { return v }
        return s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 65 && v <= 90 }
        return isUpperNonASCII(v)
    }

    @inline(never)
    static func isUpperNonASCII(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        if v < 128 { return v >= 97 && v <= 122 }
        return isLowerNonASCII(v)
    }

    @inline(never)
    static func isLowerNonASCII(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isLowercase ?? false
    }

    @inline(__always)
    package static func isLetter(_ v: UInt32) -> Bool {
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return isLetterNonASCII(v)
    }

    @inline(never)
    static func isLetterNonASCII(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }

    @inline(__always)
    package static func isSpace(_ v: UInt32) -> Bool {
        if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
        return isSpaceNonASCII(v)
    }

    @inline(never)
    static func isSpaceNonASCII(_ v: UInt32) -> Bool {
        v == 0xA0 || v == 0x2009 || v == 0x200A || v == 0x202F || v == 0x3000 || v == 0x2002 || v == 0x2003
            || (Unicode.Scalar(v)?.properties.isWhitespace ?? false)
    }

    /// Apostrophes: straight and typographic.
    @inline(__always)
    package static func isApostrophe(_ v: UInt32) -> Bool { v == 39 || v == 0x2019 }

    @inline(__always)
    package static func isHyphen(_ v: UInt32) -> Bool { v == 45 || v == 0x2010 || v == 0x2011 }

    /// Characters that may sit inside a word: letters, digits, marks, and "." "&" in abbreviations.
    @inline(__always)
    static func isWordChar(_ v: UInt32) -> Bool {
        if v < 128 {
            // Bit v of a 128-bit mask of "0"..."9", "A"..."Z", "a"..."z": one test instead of three
            // ranges, for every scalar of the text.
            return v < 64 ? (0x03FF_0000_0000_0000 as UInt64) >> UInt64(v) & 1 != 0
                : (0x07FF_FFFE_07FF_FFFE as UInt64) >> UInt64(v - 64) & 1 != 0
        }
        return isWordCharNonASCII(v)
    }

    @inline(never)
    static func isWordCharNonASCII(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    /// Hashes scalars lower-cased.
    package static func hashLower(_ s: ArraySlice<UInt32>) -> UInt64 {
        var h = fnvOffset
        for v in s { h = (h ^ UInt64(lowered(v))) &* fnvPrime }
        return nerMix(h)
    }

    package static func hashLower(_ text: String) -> UInt64 {
        hashLower(ArraySlice(scalars(text)))
    }

    /// Builds a token for scalars `s[start..<end]`.
    package static func token(_ s: [UInt32], _ start: Int, _ end: Int) -> NERToken {
        s.withUnsafeBufferPointer { token($0, start, end) }
    }

    /// The token of one word found beforehand (`tokenize`): the same fold over its scalars that
    /// `tokens(_:from:to:_:)` runs while it finds each word's end (`TokenState`).
    @inline(__always)
    static func token(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> NERToken {
        var state = TokenState()
        var i = start
        while i < end {
            if s[i] &- 97 < 26 {
                i = state.addLowerRun(s, i, end)
            } else {
                state.add(s[i])
                i += 1
            }
        }
        return state.token(s, start, end)
    }

    /// What a token gathers scalar by scalar, kept while the tokenizer is still deciding where the
    /// word ends: `tokens(_:from:to:_:)` folds each scalar in as the tokenizer accepts it, so the
    /// scalars of a word are read once, not once to find its end and again to build its token.
    /// One pass builds the word hash and the shape; the prefixes and suffixes are hashed from the
    /// first three and last four scalars at the end, and only for the tokens that use them. ASCII
    /// (nearly every scalar of English news) is classified by ranges, other scalars by their
    /// Unicode properties.
    struct TokenState {
        var flags: TokenFlags = []
        var shapeHash = fnvOffset
        var lastClass: UInt32 = 0
        var upper = 0, lower = 0, letters = 0
        var h = fnvOffset

        /// Folds in a run of ASCII lower-case letters `s[i..<end]` (the caller has checked the
        /// first) and returns where the run stops: one class, so one step of the shape, and
        /// nothing to lower-case.
        @inline(__always)
        mutating func addLowerRun(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ end: Int) -> Int {
            var j = i
            // Wrapping arithmetic: an index inside the buffer cannot overflow, and the trap's
            // check was an instruction per scalar of most of the text.
            repeat {
                h = (h ^ UInt64(s[j])) &* fnvPrime
                j &+= 1
            } while j < end && s[j] &- 97 < 26
            lower &+= j &- i
            letters &+= j &- i
            if lastClass != 120 {
                shapeHash = (shapeHash ^ 120) &* fnvPrime  // x
                lastClass = 120
            }
            return j
        }

        /// Folds in one scalar (a lower-case letter as a run of one).
        @inline(__always)
        mutating func add(_ v: UInt32) {
            let lv: UInt32
            let cls: UInt32
            if v < 128 {
                if v &- 97 < 26 {
                    lv = v; cls = 120; lower += 1; letters += 1  // x
                } else if v &- 65 < 26 {
                    lv = v + 32; cls = 88; upper += 1; letters += 1  // X
                } else if v &- 48 < 10 {
                    lv = v; cls = 100; flags.insert(.hasDigit)  // d
                } else {
                    lv = v; cls = v
                }
            } else {
                lv = lowered(v)
                if isUpper(v) {
                    cls = 88; upper += 1; letters += 1
                } else if isLower(v) {
                    cls = 120; lower += 1; letters += 1
                } else if isLetter(v) {
                    cls = 97; letters += 1; flags.insert(.uncased)  // a: letters without case
                } else {
                    cls = 111
                }
            }
            h = (h ^ UInt64(lv)) &* fnvPrime
            if cls != lastClass {
                shapeHash = (shapeHash ^ UInt64(cls)) &* fnvPrime
                lastClass = cls
            }
        }

        /// The token of `s[start..<end]`, every scalar of which has been folded in.
        @inline(__always)
        func token(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> NERToken {
            var flags = flags
            if letters > 0 { flags.insert(.hasLetter) }
            if isUpper(s[start]) { flags.insert(.capitalized) }
            if upper > 0 && lower == 0 && letters > 0 && upper == letters {
                flags.insert(.allCaps)
            }
            if letters == 0 && !flags.contains(.hasDigit) { flags.insert(.isPunct) }
            let n = end - start
            // Affixes tell unknown names apart; a plain lower-case word is only scored inside a name
            // ("Bank of America"), where the word itself says enough, so it skips their five hashes.
            guard upper > 0 || flags.contains(.hasDigit) || flags.contains(.uncased) else {
                // A word all of lower-case letters (most words) has the shape "x": its hash is a
                // constant, not a mix to run per word.
                let shape = lower == n ? NERText.lowerShape : nerMix(shapeHash)
                return NERToken(start: start, end: end, lower: nerMix(h), shape: shape, prefix2: 0, prefix3: 0,
                                suffix2: 0, suffix3: 0, suffix4: 0, flags: flags, length: n)
            }
            let (p2, p3, s2, s3, s4) = NERText.affixes(s, start, end)
            return NERToken(
                start: start, end: end, lower: nerMix(h), shape: nerMix(shapeHash),
                prefix2: p2, prefix3: p3, suffix2: s2, suffix3: s3, suffix4: s4, flags: flags, length: n)
        }
    }

    /// The affix hashes of `s[start..<end]` (prefixes of two and three scalars, suffixes of two,
    /// three and four), lower-cased. Affix hashes stay unmixed FNV states: the featurizer's row
    /// hashing mixes them. Out of line: only capitalized words, numbers and uncased words need
    /// them, and inlined in every token build it made the tokenizer too large to inline itself.
    @inline(never)
    static func affixes(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int)
        -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        var p2 = fnvOffset ^ 11, p3 = fnvOffset ^ 12
        var s2 = fnvOffset ^ 21, s3 = fnvOffset ^ 22, s4 = fnvOffset ^ 23
        if end - start >= 4 {
            // Each affix's scalars folded in straight-line code: the loops below test at every
            // scalar which affixes it belongs to, several times the folds' own cost.
            let a = UInt64(lowered(s[start])), b = UInt64(lowered(s[start + 1])), c = UInt64(lowered(s[start + 2]))
            let w = UInt64(lowered(s[end - 4])), x = UInt64(lowered(s[end - 3]))
            let y = UInt64(lowered(s[end - 2])), z = UInt64(lowered(s[end - 1]))
            p2 = (((p2 ^ a) &* fnvPrime) ^ b) &* fnvPrime
            p3 = (((((p3 ^ a) &* fnvPrime) ^ b) &* fnvPrime) ^ c) &* fnvPrime
            s2 = (((s2 ^ y) &* fnvPrime) ^ z) &* fnvPrime
            s3 = (((((s3 ^ x) &* fnvPrime) ^ y) &* fnvPrime) ^ z) &* fnvPrime
            s4 = (((((((s4 ^ w) &* fnvPrime) ^ x) &* fnvPrime) ^ y) &* fnvPrime) ^ z) &* fnvPrime
            return (p2, p3, s2, s3, s4)
        }
        for i in start..<min(end, start + 3) {
            let lv = UInt64(lowered(s[i]))
            p3 = (p3 ^ lv) &* fnvPrime
            if i - start < 2 { p2 = (p2 ^ lv) &* fnvPrime }
        }
        for i in max(start, end - 4)..<end {
            let lv = UInt64(lowered(s[i]))
            s4 = (s4 ^ lv) &* fnvPrime
            if i >= end - 3 { s3 = (s3 ^ lv) &* fnvPrime }
            if i >= end - 2 { s2 = (s2 ^ lv) &* fnvPrime }
        }
        return (p2, p3, s2, s3, s4)
    }

    /// The tokens of `s[from..<to]` handed one by one to `emit`, in one pass over the scalars: the
    /// rules deciding where a word ends are here (`tokenize` gives only the bounds), and each
    /// scalar a word takes is folded into its token as the word grows (a unit test compares the
    /// tokens with a fresh fold over each word, on corpus text and random strings).
    @inline(__always)
    static func tokens(_ s: UnsafeBufferPointer<UInt32>, from: Int, to: Int, _ emit: (NERToken) -> Void) {
        var i = from
        while i < to {
            let v = s[i]
            // The commonest scalars here first: a space, then a lower-case letter beginning a word
            // (a word character, not a space), ahead of the tests that cover the rest.
            if v == 32 { i += 1; continue }
            let lowerStart = v &- 97 < 26
            if !lowerStart && isSpace(v) { i += 1; continue }
            if lowerStart || isWordChar(v) {
                var state = TokenState()
                var j: Int
                if lowerStart {
                    j = state.addLowerRun(s, i, to)
                    // A word of lower-case letters ended by a scalar no word keeps (most words of
                    // running text): its flags and shape are known, as `TokenState.token` would find
                    // them, without the tests below and that function's.
                    if j == to || endsLowerWord(s[j]) {
                        emit(NERToken(start: i, end: j, lower: nerMix(state.h), shape: NERText.lowerShape, prefix2: 0, prefix3: 0,
                                      suffix2: 0, suffix3: 0, suffix4: 0, flags: .hasLetter, length: j &- i))
                        i = j
                        continue
                    }
                } else {
                    state.add(v)
                    j = i + 1
                    // A capital and lower-case letters ("Smith", "Said"), ended as above: the same
                    // short cut, with the affixes of a capitalized word.
                    if v &- 65 < 26, j < to, s[j] &- 97 < 26 {
                        j = state.addLowerRun(s, j, to)
                        if j == to || endsLowerWord(s[j]) {
                            emit(capitalizedWord(s, i, j, wordHash: state.h))
                            i = j
                            continue
                        }
                    }
                }
                while j < to {
                    let c = s[j]
                    if c &- 97 < 26 { j = state.addLowerRun(s, j, to); continue }
                    // A space ends most words: said before the tests of the scalars a word may keep.
                    if c == 32 { break }
                    if isWordChar(c) { state.add(c); j += 1; continue }
                    // Inner period: "U.S.", "K.C.", "Inc." keeps its period when followed by a letter,
                    // or when the word is a single letter ("J. Smith").
                    if c == 46 {
                        if j + 1 < to, isLetter(s[j + 1]), j - i <= 2 { state.add(c); j += 1; continue }
                        if (j - i == 1 && isUpper(s[i])) || (j >= 2 && s[j - 2] == 46) || isAbbreviation(s, i, j) {
                            state.add(c)
                            j += 1
                        }
                        break
                    }
                    if isApostrophe(c), j + 1 < to, isLetter(s[j + 1]) {
                        // "'s" / "'S" at the end of a word is the possessive: its own token.
                        if (s[j + 1] == 115 || s[j + 1] == 83), j + 2 >= to || !isWordChar(s[j + 2]) { break }
                        // "n't", "'re", "'ll": keep with the word; "O'Brien": keep.
                        state.add(c); j += 1; continue
                    }
                    if c == 38, j + 1 < to, isUpper(s[j + 1]), isUpper(s[j - 1]) { state.add(c); j += 1; continue }
                    break
                }
                emit(state.token(s, i, j))
                i = j
                continue
            }
            // ASCII punctuation other than an apostrophe (which may begin "'s"): a token of its own
            // whose fold is that one scalar, as class and as lower-cased scalar alike, so its word
            // hash is its shape hash and `TokenState` has nothing to add.
            if v < 128, v != 39 {
                let hash = nerMix((fnvOffset ^ UInt64(v)) &* fnvPrime)
                emit(NERToken(start: i, end: i &+ 1, lower: hash, shape: hash, prefix2: 0, prefix3: 0, suffix2: 0, suffix3: 0,
                              suffix4: 0, flags: .isPunct, length: 1))
                i &+= 1
                continue
            }
            var state = TokenState()
            state.add(v)
            if isApostrophe(v), i + 1 < to, s[i + 1] == 115 || s[i + 1] == 83, i + 2 >= to || !isWordChar(s[i + 2]) {
                state.add(s[i + 1])
                emit(state.token(s, i, i + 2))
                i += 2
                continue
            }
            emit(state.token(s, i, i + 1))
            i += 1
        }
    }

    /// The token of `s[start..<end]`, an ASCII capital followed by ASCII lower-case letters whose
    /// fold is `wordHash`: what `TokenState.token` makes of it, with the class fold of "Xx" as its
    /// shape and, from five scalars on, its affixes folded without a test of case (only the
    /// first scalar is a capital, and its lower case is itself with bit 5 set).
    @inline(__always)
    static func capitalizedWord(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, wordHash: UInt64) -> NERToken {
        let shape = nerMix((((fnvOffset ^ 88) &* fnvPrime) ^ 120) &* fnvPrime)
        let p2, p3, s2, s3, s4: UInt64
        if end &- start >= 5 {
            let a = UInt64(s[start] | 32), b = UInt64(s[start &+ 1]), c = UInt64(s[start &+ 2])
            let w = UInt64(s[end &- 4]), x = UInt64(s[end &- 3]), y = UInt64(s[end &- 2]), z = UInt64(s[end &- 1])
            p2 = ((((fnvOffset ^ 11) ^ a) &* fnvPrime) ^ b) &* fnvPrime
            p3 = ((((((fnvOffset ^ 12) ^ a) &* fnvPrime) ^ b) &* fnvPrime) ^ c) &* fnvPrime
            s2 = ((((fnvOffset ^ 21) ^ y) &* fnvPrime) ^ z) &* fnvPrime
            s3 = ((((((fnvOffset ^ 22) ^ x) &* fnvPrime) ^ y) &* fnvPrime) ^ z) &* fnvPrime
            s4 = ((((((((fnvOffset ^ 23) ^ w) &* fnvPrime) ^ x) &* fnvPrime) ^ y) &* fnvPrime) ^ z) &* fnvPrime
        } else {
            (p2, p3, s2, s3, s4) = affixes(s, start, end)
        }
        return NERToken(start: start, end: end, lower: nerMix(wordHash), shape: shape, prefix2: p2, prefix3: p3,
                        suffix2: s2, suffix3: s3, suffix4: s4, flags: [.capitalized, .hasLetter], length: end &- start)
    }

    /// Whether `c` ends a word of lower-case letters where it stands: ASCII that is no word
    /// character, no period (kept in "i.e."), no apostrophe (kept in "don't") and no "&" (one
    /// ends the word after a lower-case letter anyway, but is left to the full test).
    @inline(__always)
    static func endsLowerWord(_ c: UInt32) -> Bool {
        // Bit c of a 128-bit mask: 0...63 without "&", "'", ".", "0"..."9"; 64...127 without
        // "A"..."Z", "a"..."z".
        c < 64 ? (0xFC00_BF3F_FFFF_FFFF as UInt64) >> UInt64(c) & 1 != 0
            : c < 128 && (0xF800_0001_F800_0001 as UInt64) >> UInt64(c &- 64) & 1 != 0
    }

    static let abbreviations: Set<[UInt32]> = Set([
        "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Inc", "Corp", "Co", "Ltd", "Gen", "Sen", "Rep", "Gov",
        "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Mt", "Ft", "Bros", "Messrs", "Adm", "Maj", "Cpl", "Pres",
    ].map { $0.unicodeScalars.map(\.value) })

    @inline(__always)
    static func isAbbreviation(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ j: Int) -> Bool {
        guard j - i <= 6, j - i >= 2, isUpper(s[i]) else { return false }
        return abbreviations.contains(Array(s[i..<j]))
    }

    /// Splits `s[start..<end]` into tokens: words (with inner periods for "U.S." and "K.C.",
    /// inner apostrophes for "O'Brien", "&" between capitals for "AT&T"), a trailing "'s" on
    /// its own, hyphens on their own ("Musk-owned" is "Musk" "-" "owned"), other punctuation
    /// one scalar per token.
    package static func tokenize(_ s: [UInt32], from: Int, to: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        out.reserveCapacity((to - from) / 5 + 4)
        tokenize(s, from: from, to: to) { out.append(($0, $1)) }
        return out
    }

    /// The same token bounds handed one by one to `emit` (the recognizer builds each token as it
    /// comes, without an intermediate array).
    @inline(__always)
    package static func tokenize(_ s: [UInt32], from: Int, to: Int, _ emit: (Int, Int) -> Void) {
        // Read through the buffer: indexing the array checks bounds at every scalar.
        s.withUnsafeBufferPointer { tokenize($0, from: max(0, from), to: min(to, $0.count), emit) }
    }

    @inline(__always)
    static func tokenize(_ s: UnsafeBufferPointer<UInt32>, from: Int, to: Int, _ emit: (Int, Int) -> Void) {
        tokens(s, from: from, to: to) { emit($0.start, $0.end) }
    }

    /// The word hashes (`NERToken.lower`) of a phrase written in the code, such as a name or a cue
    /// of a word list: hashed as the recognizer hashes an article's words.
    static func wordHashes(_ phrase: String) -> [UInt64] {
        // Decoded as an article's text is: mapping the scalar view was most of the cost of the
        // word lists built from phrases (places, cues), once per process.
        let s = scalars(phrase)
        var out: [UInt64] = []
        s.withUnsafeBufferPointer { p in tokens(p, from: 0, to: p.count) { out.append($0.lower) } }
        return out
    }
}

/// A set of token hashes (already well mixed, never 0) with open addressing: the per-article
/// word sets are filled and probed once per token, where `Set`'s seeded hashing dominated.
package struct NERHashSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private var count = 0

    /// A fixed set of word hashes (the recognizer's word lists): probed once per token, where
    /// `Set`'s seeded hashing would dominate.
    package init(_ hashes: some Sequence<UInt64>) {
        self.init(capacity: 64)
        for h in hashes { insert(h) }
    }

    package init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    package func contains(_ h: UInt64) -> Bool {
        guard h != 0 else { return false }
        // Through the buffer: the mask keeps every probe in bounds, so indexing the array checked
        // bounds for nothing at every probe.
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let k = slots[i]
                if k == h { return true }
                if k == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    package mutating func insert(_ h: UInt64) {
        guard h != 0 else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        // Through the buffer, as in `contains`: the recognizer inserts every lower-case word of an
        // article, and indexing the array checked its uniqueness and bounds at every probe.
        let mask = mask
        let added = slots.withUnsafeMutableBufferPointer { slots -> Bool in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let k = slots[i]
                if k == h { return false }
                if k == 0 { slots[i] = h; return true }
                i = (i + 1) & mask
            }
        }
        if added { count += 1 }
    }

    /// Inserts the word hash of every lower-case word of `tokens` (letters with case, the first
    /// not a capital). Room for them all is made first, so the storage is checked for uniqueness
    /// once per sentence, not at every insert (the recognizer inserts every such word of an article).
    package mutating func insertLowerCaseWords(of tokens: UnsafeBufferPointer<NERToken>) {
        while (count + tokens.count) * 2 > mask + 1 { grow() }
        let mask = mask
        let wanted = TokenFlags.hasLetter.rawValue
        let unwanted = TokenFlags.uncased.rawValue | TokenFlags.capitalized.rawValue
        let added = slots.withUnsafeMutableBufferPointer { slots -> Int in
            var added = 0
            for t in tokens where t.flags.rawValue & (wanted | unwanted) == wanted && t.lower != 0 {
                let h = t.lower
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let k = slots[i]
                    if k == h { break }
                    if k == 0 {
                        slots[i] = h
                        added += 1
                        break
                    }
                    i = (i + 1) & mask
                }
            }
            return added
        }
        count += added
    }

    /// Adds every hash of `other`.
    package mutating func formUnion(_ other: NERHashSet) {
        for h in other.slots where h != 0 { insert(h) }
    }

    /// The hashes held, in no particular order.
    package var elements: [UInt64] { slots.filter { $0 != 0 } }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for h in old where h != 0 { insert(h) }
    }
}

/// Values keyed by token hashes, with open addressing like `NERHashSet`: `findRepeats` looks a
/// word up for every candidate token, where a `Dictionary`'s seeded hashing and the copies it
/// makes on growth were most of that pass's time. Hash 0 (a possible hash, however unlikely)
/// has a slot of its own, since 0 marks an empty slot.
package struct NERHashMap<Value> {
    private var keys: [UInt64]
    private var values: [Value]
    private var zeroValue: Value?
    private var mask: Int
    private let filler: Value
    /// The number of keys held.
    package private(set) var count = 0

    /// Room for `capacity` keys before growing; `filler` sits in the empty slots.
    package init(capacity: Int, filler: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: filler, count: size)
        mask = size - 1
        self.filler = filler
    }

    package subscript(_ h: UInt64) -> Value? {
        guard h != 0 else { return zeroValue }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[i]
            if k == h { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `h`, adding the key if it is new.
    package mutating func set(_ h: UInt64, _ value: Value) {
        guard h != 0 else {
            if zeroValue == nil { count += 1 }
            zeroValue = value
            return
        }
        if (count + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[i]
            if k == h { values[i] = value; return }
            if k == 0 {
                keys[i] = h
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every key, in no particular order.
    package func forEachKey(_ body: (UInt64) -> Void) {
        if zeroValue != nil { body(0) }
        for k in keys where k != 0 { body(k) }
    }

    /// Lets `body` change every value in place, in no particular order.
    package mutating func updateEach(_ body: (inout Value) -> Void) {
        if var v = zeroValue {
            body(&v)
            zeroValue = v
        }
        for i in keys.indices where keys[i] != 0 { body(&values[i]) }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value](repeating: filler, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = zeroValue == nil ? 0 : 1
        for i in oldKeys.indices where oldKeys[i] != 0 { set(oldKeys[i], oldValues[i]) }
    }
}

extension NERText {
    /// The Unicode scalar values of `text`, decoded from its UTF-8 storage in one pass.
    package static func scalars(_ text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { u in
            // Written straight into the array's storage: appending checks capacity per scalar.
            [UInt32](unsafeUninitializedCapacity: u.count) { out, written in
                let n = u.count
                guard n > 0, let base = u.baseAddress, let target = out.baseAddress else {
                    written = 0
                    return
                }
                let source = UnsafeRawPointer(base)
                let highBits: UInt64 = 0x8080_8080_8080_8080
                var i = 0, o = 0
                while i < n {
                    // Sixteen ASCII bytes at a time (almost all of English news), then eight: one
                    // test for the high bits, and the bytes widened as one vector (byte by byte this
                    // loop was most of the decoding; eight at a time, its tests were half of it).
                    // The ASCII bytes before the first that is not (little endian: the lowest)
                    // are kept from the vector too; the scalars written after them are
                    // overwritten as decoding goes on (`o` never passes `i`, and the vector's
                    // bytes are within the capacity), so a quote or a dash costs one scalar's
                    // decoding, not a byte-by-byte walk up to it.
                    if i &+ 16 <= n {
                        let bytes = (source + i).loadUnaligned(as: SIMD16<UInt8>.self)
                        UnsafeMutableRawPointer(target + o).storeBytes(of: SIMD16<UInt32>(truncatingIfNeeded: bytes),
                                                                       as: SIMD16<UInt32>.self)
                        let first = (source + i).loadUnaligned(as: UInt64.self) & highBits
                        let second = (source + (i &+ 8)).loadUnaligned(as: UInt64.self) & highBits
                        if first | second == 0 {
                            i &+= 16
                            o &+= 16
                            continue
                        }
                        let ascii = first != 0 ? first.trailingZeroBitCount >> 3 : 8 &+ second.trailingZeroBitCount >> 3
                        i &+= ascii
                        o &+= ascii
                    } else if i &+ 8 <= n {
                        let bytes = (source + i).loadUnaligned(as: SIMD8<UInt8>.self)
                        UnsafeMutableRawPointer(target + o).storeBytes(of: SIMD8<UInt32>(truncatingIfNeeded: bytes),
                                                                       as: SIMD8<UInt32>.self)
                        let high = (source + i).loadUnaligned(as: UInt64.self) & highBits
                        if high == 0 {
                            i &+= 8
                            o &+= 8
                            continue
                        }
                        let ascii = high.trailingZeroBitCount >> 3
                        i &+= ascii
                        o &+= ascii
                    }
                    let b = UInt32(u[i])
                    if b < 0x80 {
                        out[o] = b; i += 1
                    } else if b < 0xE0, i + 1 < n {
                        out[o] = (b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                    } else if b < 0xF0, i + 2 < n {
                        out[o] = (b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                    } else if i + 3 < n {
                        out[o] = (b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
                            | UInt32(u[i + 3] & 0x3F); i += 4
                    } else {
                        break
                    }
                    o += 1
                }
                written = o
            }
        }
    }
}
