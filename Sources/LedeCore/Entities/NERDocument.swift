import Foundation

/// The indices of the tokens with any of `mask`'s flags, in order: the sentence rules that
/// start only from such a token skip the rest in a tight scan of the flags (indexing the array
/// checked bounds and reloaded it at every token, a dozen instructions each).
struct NERFlaggedTokens: Sequence, IteratorProtocol {
    let tokens: [NERToken]
    let mask: UInt32
    var k = 0

    init(_ tokens: [NERToken], _ mask: TokenFlags, from k: Int = 0) {
        self.tokens = tokens
        self.mask = mask.rawValue
        self.k = k
    }

    /// The first index from `k` on of a token with any of `mask`'s flags, or `tokens.count`.
    @inline(__always)
    static func first(_ tokens: [NERToken], _ mask: UInt32, from k: Int) -> Int {
        tokens.withUnsafeBufferPointer { p in
            var i = k
            while i < p.count, p[i].flags.rawValue & mask == 0 { i += 1 }
            return i
        }
    }

    @inline(__always)
    mutating func next() -> Int? {
        let i = Self.first(tokens, mask, from: k)
        guard i < tokens.count else { return nil }
        k = i + 1
        return i
    }
}

/// One article while it is being recognized: its tokens by sentence, the tagger's spans, and
/// the document-level decisions built on them.
struct NERDocument {
    struct Sentence {
        var span: TextSpan
        var tokens: [NERToken]
        /// All capitals (a shouted headline): the tagger's case features would mislead it, so only
        /// names confirmed elsewhere in the article are found here.
        var shouted: Bool
        var skipped: Bool
    }

    /// A candidate mention: tokens `from..<to` of sentence `sentence`.
    struct Span {
        var sentence: Int
        var from: Int
        var to: Int
        /// 1 PER, 2 ORG, 3 LOC.
        var type: Int
        /// Found by the tagger (true) or by document consistency (false).
        var tagged: Bool
        /// Its context says its kind ("the religious schools Santo Spirito", "fashion designer
        /// Halston"): the vote leans that way, over the shape of the words. (In the padding after
        /// `tagged`, so a span stays 48 bytes.)
        var cued = false
        /// The lower-cased surface (see `key(of:)`) as an index into the document's keys
        /// (`keyTable`), set once the span's bounds are final: the document-level passes look kinds
        /// up in arrays instead of hashing strings, and a span holds no string, so copying one
        /// (spans are copied at every step) retains and releases nothing.
        var id = -1
    }

    /// At most two spans, as the splitting rules (`splitAtTitle`, `splitOwner`) return them: a
    /// sequence without an array, where an array for every tagged span's one or two pieces was a
    /// good share of tagging's allocations.
    struct SpanPair: Sequence, IteratorProtocol {
        var first: Span?
        var second: Span?

        init(_ first: Span? = nil, _ second: Span? = nil) {
            self.first = first
            self.second = second
        }

        mutating func append(_ span: Span) {
            if first == nil { first = span } else { second = span }
        }

        mutating func next() -> Span? {
            if let span = first {
                first = second
                second = nil
                return span
            }
            return nil
        }
    }

    let scalars: [UInt32]
    let lexicon: NERLexicon
    var sentences: [Sentence] = []
    var spans: [Span] = []
    /// Kind per surface key id, decided by document-wide vote: 1 PER, 2 ORG, 0 neither (or not voted on).
    var kinds: [Int] = []
    /// Every surface key seen, by id (`NERKeyTable`), and those shown to be titles of works (never
    /// a person or organization here).
    let keyTable = NERKeyTable()
    var entities: [DocumentEntity] = []
    /// Entity index of each accepted span, parallel to `spans`.
    var entityOf: [Int] = []
    /// Words the article itself writes in lower case somewhere.
    var lowerInDocument = NERHashSet(capacity: 512)
    /// Well-known organizations' names the article writes in the plural, capitalized ("Polaroids"), by hash.
    var brandPlurals: [UInt64] = []
    /// Quoted labels (`isQuotedLabel`, `isInsideQuotedTitle`) and things' names (`noteThingName`, `isInsideThingName`):
    /// their words name nothing, not even a shorter name found again inside them.
    var labels: [Span] = []

    init(body: String, sentences spans: [TextSpan], byline: String?, lexicon: NERLexicon) {
        scalars = NERText.scalars(body)
        self.lexicon = lexicon
        let n = scalars.count
        var ranges = spans.filter { $0.start >= 0 && $0.end <= n && $0.start < $0.end }
        if ranges.isEmpty, n > 0 { ranges = [TextSpan(start: 0, end: n)] }
        kinds.reserveCapacity(64)
        let bylineKey = byline.map { Self.key($0) } ?? ""
        // Comparing keys is canonical equivalence: a key's decomposed form is at most four times
        // its scalars ("by " and the byline's), and each scalar of the line but the spaces the key
        // drops stays at least one scalar of its key, so a longer line cannot be the byline.
        let bylineLimit = 4 * (bylineKey.unicodeScalars.count + 3)
        let bylineBytes = bylineKey.utf8.allSatisfy { $0 < 0x80 } ? Array(bylineKey.utf8) : nil
        sentences.reserveCapacity(ranges.count)
        // One buffer for every sentence's tokens as they are built (a token has at least one
        // scalar); a longer range, the whole text of an article without sentences, goes without.
        var longest = 1
        for r in ranges { longest = max(longest, r.end - r.start) }
        let scratch = UnsafeMutableBufferPointer<NERToken>.allocate(capacity: min(longest, 2048))
        defer { scratch.deallocate() }
        for r in ranges {
            let tokens = lexicon.tokens(scalars, from: r.start, to: r.end, scratch: scratch)
            var cased = 0, caps = 0
            // The cased words counted, then the lower-case ones gathered in a pass of their own.
            for t in tokens where t.flags.contains(.hasLetter) && !t.flags.contains(.uncased) && t.length > 1 {
                cased += 1
                if t.flags.contains(.allCaps) { caps += 1 }
            }
            tokens.withUnsafeBufferPointer { lowerInDocument.insertLowerCaseWords(of: $0) }
            let shouted = cased >= 2 && caps * 10 >= cased * 8
            // The byline is metadata: a line that only repeats it holds no mention. Tokens hold no
            // space, line feed or tab, so a line whose tokens alone have more scalars than the
            // limit keeps more than that: turned down without a scan of its scalars.
            let skipped = !bylineKey.isEmpty && Self.tokenScalars(tokens, upTo: bylineLimit) <= bylineLimit
                && Self.mayBeByline(scalars, r, bylineLimit)
                && (Self.isASCIIByline(scalars, r, bylineBytes) ?? Self.isByline(Self.key(text(r.start, r.end)), bylineKey))
            sentences.append(Sentence(span: r, tokens: tokens, shouted: shouted, skipped: skipped))
        }
        let lowerWords = lowerInDocument, plurals = Self.knownOrgPluralHashes
        var brands: [UInt64] = []
        for i in sentences.indices {
            sentences[i].tokens.withUnsafeMutableBufferPointer { t in
                for j in t.indices where t[j].flags.contains(.capitalized) {
                    if lowerWords.contains(t[j].lower) { t[j].flags.insert(.lowerInDocument) }
                    if plurals.contains(t[j].lower), !brands.contains(t[j].lower) { brands.append(t[j].lower) }
                }
            }
        }
        brandPlurals = brands
    }

    /// Whether the line `r` has few enough scalars besides spaces, line feeds and tabs (what
    /// `key` removes) to be the byline at all: most sentences are far longer, and building their
    /// keys was a third of the recognizer's time.
    static func mayBeByline(_ s: [UInt32], _ r: TextSpan, _ limit: Int) -> Bool {
        var kept = 0
        for i in r.start..<r.end where s[i] != 32 && s[i] != 10 && s[i] != 9 {
            kept += 1
            if kept > limit { return false }
        }
        return true
    }

    /// The scalars the tokens cover, counted until they pass `limit`.
    static func tokenScalars(_ tokens: [NERToken], upTo limit: Int) -> Int {
        var n = 0
        for t in tokens {
            n += t.length
            if n > limit { break }
        }
        return n
    }

    /// `isByline(key(line), byline)` for an ASCII line and byline, from the scalars: nil when
    /// either is not ASCII. In ASCII only "\r\n" is a character of two scalars, and it is not a
    /// separator of `key`; equal ASCII strings are equal bytes.
    static func isASCIIByline(_ s: [UInt32], _ r: TextSpan, _ byline: [UInt8]?) -> Bool? {
        guard let byline else { return nil }
        var key: [UInt8] = []
        key.reserveCapacity(r.end - r.start)
        var space = false
        var i = r.start
        while i < r.end {
            let v = s[i]
            guard v < 0x80 else { return nil }
            if v == 32 || v == 10 || v == 9 {
                if !key.isEmpty { space = true }
                i += 1
                continue
            }
            if space { key.append(32); space = false }
            if v == 13, i + 1 < r.end, s[i + 1] == 10 {
                key.append(13)
                key.append(10)
                i += 2
                continue
            }
            key.append(UInt8(v >= 65 && v <= 90 ? v + 32 : v))
            i += 1
        }
        return key == byline || (key.count == byline.count + 3 && key.starts(with: [98, 121, 32]) && key.dropFirst(3).elementsEqual(byline))
    }

    static func isByline(_ text: String, _ byline: String) -> Bool {
        text == byline || text == "by " + byline
    }

    static func key(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    func text(_ from: Int, _ to: Int) -> String {
        Self.string(scalars, from, to, lower: false)
    }

    /// `s[from..<to]` as a String, optionally lower-cased with white-space runs made one space;
    /// encodes UTF-8 straight into the string's storage (appending scalars one by one to a
    /// String is several times slower, and names are built for every mention).
    static func string(_ s: [UInt32], _ from: Int, _ to: Int, lower: Bool) -> String {
        guard from < to, from >= 0, to <= s.count else { return "" }
        // Read through the buffer: indexing the array checks bounds at every scalar.
        return s.withUnsafeBufferPointer { string($0, from, to, lower: lower) }
    }

    /// `string(_:_:_:lower:)` of scalars in a buffer (`NERKeyTable`'s).
    static func string(_ s: UnsafeBufferPointer<UInt32>, _ from: Int, _ to: Int, lower: Bool) -> String {
        guard from < to, from >= 0, to <= s.count else { return "" }
        do {
            // The capacity asked for is the exact UTF-8 length (an upper bound when white space is
            // collapsed): up to 15 bytes, which most names and keys are, the string is then stored
            // inline, with no allocation to make, validate and later release.
            var capacity = 0
            // All ASCII (the OR of the scalars below 0x80, a reduction with no branch per scalar)
            // is one byte a scalar, lower-cased or not.
            var bits: UInt32 = 0
            for i in from..<to { bits |= s[i] }
            if bits < 0x80 {
                capacity = to - from
            } else {
                for i in from..<to {
                    let v = lower && s[i] >= 0x80 ? NERText.lowered(s[i]) : s[i]
                    capacity += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : v < 0x110000 ? 4 : 3
                }
            }
            return String(unsafeUninitializedCapacity: capacity) { buf in
                // ASCII kept as written (as the sentences quoted as links' evidence mostly are): the
                // bytes are the scalars narrowed, in a loop with no branch per scalar.
                if !lower && capacity == to - from {
                    var i = from
                    // Eight scalars narrowed as one vector: the sentences quoted as links' evidence
                    // are long, and byte by byte this loop was most of their cost.
                    if let source = s.baseAddress, let target = buf.baseAddress {
                        while i + 8 <= to {
                            let v = UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<UInt32>.self)
                            UnsafeMutableRawPointer(target + (i - from)).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: v),
                                                                                  as: SIMD8<UInt8>.self)
                            i += 8
                        }
                    }
                    while i < to {
                        buf[i - from] = UInt8(truncatingIfNeeded: s[i])
                        i += 1
                    }
                    return capacity
                }
                var n = 0
                var space = false
                for i in from..<to {
                    var v = s[i]
                    if lower {
                        if NERText.isSpace(v) { space = true; continue }
                        if space { buf[n] = 32; n += 1; space = false }
                        v = NERText.lowered(v)
                    }
                    if v < 0x80 {
                        buf[n] = UInt8(v); n += 1
                    } else if v < 0x800 {
                        buf[n] = UInt8(0xC0 | (v >> 6)); buf[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                    } else if v < 0x10000 {
                        let w = (v >= 0xD800 && v < 0xE000) ? 0xFFFD : v
                        buf[n] = UInt8(0xE0 | (w >> 12)); buf[n + 1] = UInt8(0x80 | ((w >> 6) & 0x3F))
                        buf[n + 2] = UInt8(0x80 | (w & 0x3F)); n += 3
                    } else if v < 0x110000 {
                        buf[n] = UInt8(0xF0 | (v >> 18)); buf[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                        buf[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buf[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                    } else {
                        buf[n] = 0xEF; buf[n + 1] = 0xBF; buf[n + 2] = 0xBD; n += 3
                    }
                }
                return n
            }
        }
    }

    func text(of span: Span) -> String {
        let t = sentences[span.sentence].tokens
        return text(t[span.from].start, t[span.to - 1].end)
    }

    /// Lower-cased surface with runs of white space made one space: the identity of a name in the article.
    func key(of span: Span) -> String {
        let t = sentences[span.sentence].tokens
        return Self.string(scalars, t[span.from].start, t[span.to - 1].end, lower: true)
    }

    /// The id of the key of scalars `from..<to` (`key(of:)`'s string, not built), a new one the
    /// first time; -1 when `insert` is false and the key is new.
    func keyID(_ from: Int, _ to: Int, insert: Bool = true) -> Int {
        scalars.withUnsafeBufferPointer { keyTable.id($0, from, to, insert: insert) }
    }

    func keyID(of span: Span) -> Int {
        let t = sentences[span.sentence].tokens
        return keyID(t[span.from].start, t[span.to - 1].end)
    }

    /// The id of `text(from, to).lowercased()` (a word as the rules write it): for a word in ASCII
    /// without white space that is the key of its scalars, found without building the string.
    func lowercasedKeyID(_ from: Int, _ to: Int) -> Int {
        isPlainASCII(from, to) ? keyID(from, to) : keyTable.id(of: text(from, to).lowercased(), insert: true)
    }

    /// Scalars `from..<to` are ASCII without white space or control characters: their string is
    /// their bytes, and its lower-cased string those bytes lower-cased (no space to drop or collapse).
    func isPlainASCII(_ from: Int, _ to: Int) -> Bool {
        var bits: UInt32 = 0
        var low = false
        for x in from..<to {
            let v = scalars[x]
            bits |= v
            low = low || v <= 32
        }
        return bits < 0x80 && !low
    }

    /// A kind (0) for every key: keys get ids during tagging, before there are kinds.
    mutating func syncKinds() {
        let n = keyTable.count
        if kinds.count < n { kinds.append(contentsOf: repeatElement(0, count: n - kinds.count)) }
    }

    /// Sets the span's key id once its bounds are final.
    mutating func setKey(_ span: inout Span) {
        span.id = keyID(of: span)
        syncKinds()
    }

    /// The span's key (set by `setKey`).
    func key(_ span: Span) -> String { keyTable.name(span.id) }

    /// The key of `span` (its bounds final or not) names no person or organization in this article.
    func markNotName(_ span: Span) { keyTable.markNotName(keyID(of: span)) }

    func markNotName(_ from: Int, _ to: Int) { keyTable.markNotName(keyID(from, to)) }

    func isNotName(_ span: Span) -> Bool { keyTable.isNotName(span.id) }

    // MARK: - Tagging

    mutating func tag(model: NERModel?) {
        // Per-sentence flags, reused from sentence to sentence instead of allocated for each.
        var inOrg: [Bool] = []
        var covered: [Bool] = []
        var tagged: [Int] = []
        var pieces: [Span] = []
        // Room for a typical article's spans at once, rather than six doublings and copies.
        spans.reserveCapacity(64)
        for (si, s) in sentences.enumerated() where !s.skipped && !s.shouted {
            guard let model else { break }
            model.tag(s.tokens, into: &tagged)
            // The tag rules rewrite the tagger's array in place: each copied it, an allocation per
            // sentence and rule. They start from words few sentences hold (a hyphen, a person's
            // tag, a particle …), found once for all of them.
            let on = nameRuleTriggers(s.tokens)
            // `joinNameParts` joins at a hyphen, at a particle after a person's name, or two persons'
            // names: without one of those it has nothing to join.
            // (The same pass notes whether the tagger found both a body and a place, which
            // `joinOrganizationOfPlace` needs.)
            var persons = 0, bodyAndPlace = 0
            let bPER = NERTag.bPER.rawValue, bORG = NERTag.bORG.rawValue, bLOC = NERTag.bLOC.rawValue
            for tag in tagged {
                if tag == bPER { persons += 1 } else if tag == bORG { bodyAndPlace |= 1 } else if tag == bLOC { bodyAndPlace |= 2 }
            }
            if on.contains(.hyphen) || persons >= 2 || (persons == 1 && on.contains(.particle)) {
                Self.joinNameParts(&tagged, s.tokens, scalars)
            }
            if on.contains(.hyphen) { markHyphenatedGivenNames(&tagged, si) }
            markNameParts(&tagged, si, on)
            if bodyAndPlace == 3 { Self.joinOrganizationOfPlace(&tagged, s.tokens) }
            if on.contains(.wellKnown) { Self.markWellKnownNames(&tagged, s.tokens) }
            let tags = tagged
            let sentenceStart = spans.count
            // Closures rather than method references: a reference to a method of this mutating
            // struct copies the whole document (every array retained) for each call site.
            let orgs = institutionSpans(si).flatMap { splitOwner($0) }
            inOrg.refill(with: false, count: tags.count)
            for o in orgs {
                for k in o.from..<o.to { inOrg[k] = true }
                // "Metro Toronto Convention Centre", "Google Science Fair": a venue or an event. A thing's
                // word after the name's first lower-case connector is its field ("Centers for Disease
                // Control and Prevention").
                let field = (o.from..<o.to).first { !s.tokens[$0].flags.contains(.capitalized) && s.tokens[$0].flags.contains(.hasLetter) } ?? o.to
                if (o.from..<field).contains(where: { Self.thingHashes.contains(s.tokens[$0].lower) }) { noteThingName(o); continue }
                // "Honorary Academy | Award": an institution's words before a thing's word name the thing
                // ("Florida State University System" is a body, though).
                let afterInstitution = capitalizedWordAfter(o)
                if Self.thingHashes.contains(afterInstitution), afterInstitution != Self.systemHash {
                    markNotName(o)
                    continue
                }
                if isQuotedLabel(o) || (on.contains(.quote) && isInsideQuotedTitle(o)) { labels.append(o); continue }
                if isConstituencyName(o) { markNotName(o); continue }
                var span = o
                // "the Ugandan High Court", "the Italian Supreme Court of Cassation": a nationality before a
                // body every country has is whose it is, not part of its name (GMB: out 133, in 0 but
                // for "U.S."); "Italian Communist Party" keeps it.
                if o.to - o.from >= 3, Self.demonymHashes.contains(s.tokens[o.from].lower), !s.tokens[o.from].flags.contains(.allCaps),
                   Self.stateBodyWordHashes.contains(s.tokens[o.from + 1].lower) {
                    span.from += 1
                }
                // "The Straits Times noted": the tag rules gave the paper its "The" (`markNewspapersWithThe`).
                if o.from >= 1, tags[o.from - 1] == NERTag.bORG.rawValue, s.tokens[o.from - 1].lower == Self.theHash,
                   tags[o.from] == NERTag.iORG.rawValue, isMastheadWithThe(Span(sentence: si, from: o.from - 1, to: o.to, type: 2, tagged: true)) {
                    span.from -= 1
                }
                setKey(&span)
                spans.append(span)
            }
            var i = 0
            while i < tags.count {
                // Most tokens are outside any name (tag 0): passed over in one scan of the tags.
                i = tags.withUnsafeBufferPointer { p in
                    var i = i
                    while i < p.count, p[i] == 0 { i += 1 }
                    return i
                }
                guard i < tags.count else { break }
                let tag = NERTag(rawValue: tags[i]) ?? .o
                guard tag != .o else { i += 1; continue }
                var j = i + 1
                while j < tags.count, tags[j] == NERTag.inside(tag.type).rawValue { j += 1 }
                // A named institution found by its head word wins over the tagger's guess; what the
                // tagger's span holds after it ("… Student Association president Sehar Memon") is
                // looked at on its own.
                var from = i
                while from < j, inOrg[from] { from += 1 }
                // "Nouri al-Maliki | 's United Iraqi Alliance": a person's name that runs into an
                // institution's is cut before it.
                let to = tag.type == 1 ? personBeforeInstitution(si, inOrg, from, j) : j
                // "the IMF's Middle East and Central Asia Department, Masood Ahmed, says": what the
                // span holds after an institution found inside it and a comma is looked at on its
                // own as well ("… Assembly in Versailles" is not).
                if let last = (from..<to).last(where: { inOrg[$0] }) {
                    guard last + 2 < to, s.tokens[last + 1].length == 1, scalars[s.tokens[last + 1].start] == 44 else { i = j; continue }
                    from = last + 1
                }
                if from >= to { i = j; continue }
                // Nested loops rather than `flatMap`s: each of those built an array per tagged span.
                // The splits read only the sentence's tokens, so running the body between them
                // changes nothing.
                pieces.removeAll(keepingCapacity: true)
                splitAtSeparators(Span(sentence: si, from: from, to: to, type: namedAfterPerson(s.tokens, from, to) ? 2 : tag.type, tagged: true),
                                  cut: from > i, into: &pieces)
                for separated in pieces {
                    for titled in splitAtTitle(separated) {
                        for part in splitOwner(titled) {
                            let (head, tail) = splitPossessive(part)
                            for k in 0..<2 {
                                guard var piece = k == 0 ? head : tail else { continue }
                                // (Most pieces have neither a hyphen before them nor capitals after them.)
                                if piece.from >= 2 && s.tokens[piece.from - 1].flags.contains(.isPunct)
                                    || piece.to < s.tokens.count && s.tokens[piece.to].flags.contains(.allCaps) {
                                    extendThroughCompounds(&piece, tags, inOrg)
                                }
                                guard var span = clean(piece) else { noteThingName(piece); continue }
                                // "the Google Science Fair" tagged without its last word: the name of an event.
                                // "Groundhog | Day": a day named after it, whatever its length.
                                if span.type != 1 {
                                    let after = capitalizedWordAfter(span)
                                    if span.to - span.from >= 2 && Self.thingHashes.contains(after) || after == Self.dayHash {
                                        markNotName(span)
                                        continue
                                    }
                                }
                                // (Only a capital, "and" or "of" right after the span carries it on.)
                                if span.to < s.tokens.count, s.tokens[span.to].flags.contains(.capitalized)
                                    || s.tokens[span.to].lower == Self.andHash || s.tokens[span.to].lower == Self.ofHash,
                                   isInsideThingName(span) {
                                    labels.append(span)
                                    continue
                                }
                                if isConstituencyName(span) { markNotName(span); continue }
                                setKey(&span)
                                // "the film Easy Rider": a title, here and wherever else the article names it.
                                if isWorkTitle(span) || isThingAcronym(span) || isWorkBeforeNoun(span) { keyTable.markNotName(span.id); continue }
                                // (A quoted title's word or its opening quote comes right before a span inside it.)
                                if isQuotedLabel(span) || on.contains(.quote) && span.from > 0
                                    && mayBeInTitle(s.tokens[span.from - 1]) && isInsideQuotedTitle(span) {
                                    labels.append(span)
                                    continue
                                }
                                if isPostNominal(span) { continue }
                                spans.append(span)
                            }
                        }
                    }
                }
                i = j
            }
            markWorkTitles(si)
            // Gazetteer: a well-known organization's one-word name the tagger passed over.
            covered.removeAll(keepingCapacity: true)
            covered.append(contentsOf: inOrg)
            // Spans are appended sentence by sentence: this sentence's are the last ones.
            for x in sentenceStart..<spans.count { for k in spans[x].from..<spans[x].to { covered[k] = true } }
            // "Seagal said", "Seagal, whose…", "said Duffy": the person rules (`markCuedPersons`).
            applyPersonRules(si, sentenceStart, &covered)
            applyOrganizationRules(si, sentenceStart, &covered)
            if on.contains(.spokesperson) { markSpokespeopleOrganizations(si, sentenceStart, &covered) }
            // "…, Walker Evans, Robert Mapplethorpe, and …": a known given name followed by one or two
            // capitalized words that are not common words, places or parts of an organization's
            // name is a person the tagger passed over.
            // Each of the last two passes only where its starting word is (`nameRuleTriggers`).
            if on.contains(.givenName) {
                var k = 0
                let tk = s.tokens
                while k + 1 < tk.count {
                    defer { k += 1 }
                    // Only a known given name starts one: the other tokens are passed over in one scan.
                    k = NERFlaggedTokens.first(tk, TokenFlags.firstName.rawValue, from: k)
                    guard k + 1 < tk.count else { continue }
                    let f = tk[k].flags
                    guard !covered[k], !covered[k + 1], f.contains(.firstName), f.contains(.capitalized), !f.contains(.allCaps),
                          !f.contains(.commonLower), !f.contains(.title), !f.contains(.knownOrg),
                          k == 0 || !tk[k - 1].flags.contains(.capitalized) || tk[k - 1].flags.contains(.title)
                            || isInitial(si, k - 1) else { continue }
                    func plainName(_ j: Int) -> Bool {
                        let g = tk[j].flags
                        return g.contains(.capitalized) && !g.contains(.allCaps) && !g.contains(.commonLower) && !g.contains(.orgHead)
                            && !g.contains(.title) && !g.contains(.knownOrg) && !covered[j] && tk[j].length >= 2
                            && !Self.neverHashes.contains(tk[j].lower)
                    }
                    guard plainName(k + 1) else { continue }
                    var to = k + 2
                    if to < tk.count, plainName(to) { to += 1 }
                    // "Defense Minister Amir Peretz Tuesday": a day's name ends a name.
                    if to < tk.count, tk[to].flags.contains(.capitalized), !Self.dateHashes.contains(tk[to].lower) { continue }
                    if NERPlaces.contains(tk[k..<to]) || lowerInDocument.contains(tk[to - 1].lower) { continue }
                    // The same checks as a tagged name ("Booker Prize" is a thing).
                    guard var span = clean(Span(sentence: si, from: k, to: to, type: 1, tagged: false)),
                          span.from == k, span.to == to else { continue }
                    setKey(&span)
                    if isNotName(span) { continue }
                    spans.append(span)
                    for j in k..<to { covered[j] = true }
                    k = to - 1
                }
            }
            if on.contains(.knownOrg) {
                for (k, t) in s.tokens.enumerated() where t.flags.contains(.knownOrg) && !covered[k]
                    && (t.flags.contains(.capitalized) || t.flags.contains(.hasDigit)) {
                    if isInitial(si, k), t.flags.contains(.commonLower) { continue }
                    // Part of a longer capitalized name ("Apple Daily", "Fox Searchlight"): not this one.
                    if k + 1 < s.tokens.count, s.tokens[k + 1].flags.contains(.capitalized) { continue }
                    if k > 0, s.tokens[k - 1].flags.contains(.capitalized), !isInitial(si, k - 1) { continue }
                    var span = Span(sentence: si, from: k, to: k + 1, type: 2, tagged: true)
                    setKey(&span)
                    spans.append(span)
                }
            }
            if on.contains(.organizationNoun) { markOrganizationNouns(si, sentenceStart, covered) }
            if on.contains([.quote, .nameGoneBy]) { markNamesGoneBy(si, covered) }
            if on.contains(.siteNoun) { markSiteNames(si, covered) }
            for x in sentenceStart..<spans.count { for k in spans[x].from..<spans[x].to { covered[k] = true } }
            applyPersonNameRules(si, sentenceStart, on, &covered)
            addAcronyms(si, covered)
            markPartyMembers(si, covered, from: sentenceStart)
            if on.contains(.domain) { extendWithDomains(si, sentenceStart) }
        }
    }

    /// A name does not run across a comma ("Google, Sergey Brin") and a person's name not across
    /// "&", "and" ("Karl Langdon & Harvey Deegan"); "Nathan Law of Demosisto" is a person and,
    /// after "of", an organization. A piece that starts with a known given name and has no
    /// organization head is a person.
    /// The pieces are appended to `out`: tagging reuses one array for every span, where an array
    /// returned for each was an allocation per tagged span.
    func splitAtSeparators(_ span: Span, cut: Bool = false, into out: inout [Span]) {
        let t = sentences[span.sentence].tokens
        var separated = cut
        var from = span.from
        var type = span.type
        func close(_ to: Int) {
            guard to > from else { return }
            var piece = span
            piece.from = from
            piece.to = to
            piece.type = type
            if separated, type == 2, to - from >= 2, to - from <= 3, (from..<to).allSatisfy({ k in
                let f = t[k].flags
                return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.orgHead) && !f.contains(.knownOrg)
                    && (!f.contains(.commonLower) || f.contains(.firstName))
            }) {
                piece.type = 1
            }
            out.append(piece)
        }
        var k = span.from
        while k < span.to {
            let tok = t[k]
            let v = scalars[tok.start]
            // "Joachim Król (László, …)": a bracket ends a name as a comma does.
            let comma = tok.length == 1 && ((v == 44 || v == 59) && !isNameSuffix(t, k + 1, span.to)
                || v == 40 || v == 41 || v == 91 || v == 93)
            let joiner = (span.type == 1 && ((tok.length == 1 && v == 38) || tok.lower == Self.andHash))
                || (span.type == 2 && tok.lower == Self.andHash && k > from && k + 1 < span.to
                    && (isPlaceOrNationality(t[from..<k]) || isPlaceOrNationality(t[(k + 1)..<span.to])))
            let of = span.type == 1 && tok.lower == Self.ofHash && k + 1 < span.to && k - from >= 2
            // "CNN why Mexico", "Alps provide lowland Europe": a lower-case word that is neither a
            // connector ("of", "the", "and"), a particle ("van", "al") nor the tail of a hyphenated
            // word ("Wai-keung") ends the name.
            let f = tok.flags
            let lowerWord = f.contains(.hasLetter) && !f.contains(.capitalized) && !f.contains(.uncased)
                && !f.contains(.hasDigit) && !f.contains(.particle) && !Self.innerConnectorHashes.contains(tok.lower)
                && !(k > span.from && isHyphen(t[k - 1]) && t[k - 1].end == tok.start)
                && !(k + 1 < span.to && isHyphen(t[k + 1]) && t[k + 1].start == tok.end)
                && !(span.type == 2 && (isSheriffsOffice(t, k + 1) || (k + 2 <= span.to && isSheriffsOffice(t, k + 2))))
            if comma || joiner || of || lowerWord || isNameBreak(t, k, span.from) {
                close(k)
                from = k + 1
                separated = true
                if of { type = 2 }
            }
            k += 1
        }
        // "Minister of Education Stefania Giannini": an organization's span that ends in a known
        // given name and one more plain word, after a common word, ends in a person.
        if type == 2, span.to - from >= 3 {
            let g = span.to - 2
            let a = t[g].flags, b = t[g + 1].flags, p = t[g - 1].flags
            let names = TokenFlags.orgHead.rawValue | TokenFlags.knownOrg.rawValue | TokenFlags.allCaps.rawValue
            if g > from, a.contains(.firstName), !a.contains(.commonLower), a.rawValue & names == 0,
               b.contains(.capitalized), !b.contains(.commonLower), b.rawValue & names == 0,
               p.contains(.commonLower) || p.contains(.title), t[g - 1].lower != Self.theHash {
                // What is left of the office ("Education") is not a name on its own.
                if g - from > 1 || !p.contains(.commonLower) { close(g) }
                from = g
                type = 1
            }
        }
        close(span.to)
    }

    /// "India and Sri Lanka", "American and Iraqi": a known place or a nationality on one side of
    /// "and" makes the words two names (or none), not one organization's.
    func isPlaceOrNationality(_ words: ArraySlice<NERToken>) -> Bool {
        NERPlaces.contains(words) || (words.count == 1 && words.first.map { Self.demonymHashes.contains($0.lower) } == true)
    }

    static let innerConnectorHashes = NERHashSet(["of", "and", "the", "for", "at", "on", "upon", "des", "und", "e"]
        .map(NERText.hashLower))
    static let andHash = NERText.hashLower("and")
    static let ofHash = NERText.hashLower("of")

    /// "the NEMISIS database", "VIP guest", "15 IQ points", "the ICI system": an unknown acronym
    /// that modifies a common noun naming a thing is that thing's name, not an organization.
    func isThingAcronym(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        guard span.to - span.from == 1, t[span.from].flags.contains(.allCaps), !t[span.from].flags.contains(.knownOrg),
              span.to < t.count else { return false }
        return Self.thingNounHashes.contains(t[span.to].lower)
    }

    static let thingNounHashes = NERHashSet(thingNouns.map(NERText.hashLower))
    static let thingNouns = [
        "system", "systems", "database", "databases", "points", "score", "scores", "test", "tests", "tax", "taxes",
        "guest", "guests", "attention", "treatment", "status", "level", "levels", "rating", "ratings", "code",
        "format", "file", "files", "protocol", "standard", "software", "scale", "index", "model", "models",
        "scheme", "regime", "levy", "card", "cards", "number", "numbers", "value", "values", "chip", "chips",
        "device", "devices", "virus", "gene", "protein", "drug", "vaccine",
    ]

    /// "Mark Tedeschi, QC,", "Tom Molomby, SC,": letters after a person's name, between commas.
    func isPostNominal(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        guard span.to - span.from == 1, t[span.from].flags.contains(.allCaps), t[span.from].length <= 3,
              span.from >= 2, t[span.from - 1].length == 1, scalars[t[span.from - 1].start] == 44,
              t[span.from - 2].flags.contains(.capitalized), !t[span.from - 2].flags.contains(.allCaps) else { return false }
        return span.to == t.count || t[span.to].flags.contains(.isPunct)
    }

    /// "Civic Passion's Wong Yeung-tat", "Tesla's Elon Musk": an organization's possessive
    /// followed by a name is two entities (unless the whole is one name: "New People's Party").
    func splitPossessive(_ span: Span) -> (Span, Span?) {
        let t = sentences[span.sentence].tokens
        if span.type == 1, let split = splitPersonPossessive(span) { return split }
        guard span.type == 2, span.to - span.from >= 3, !t[span.to - 1].flags.contains(.orgHead) else { return (span, nil) }
        for p in (span.from + 1)..<(span.to - 1) where isPossessive(t[p]) {
            var head = span, tail = span
            head.to = p
            tail.from = p + 1
            tail.type = 1
            return (head, tail)
        }
        return (span, nil)
    }

    /// Token `k` is the name in "pro-Beijing", "anti-Trump": glued by a hyphen to a prefix that
    /// makes it an adjective for a side taken.
    func isSideTaken(_ t: [NERToken], _ k: Int) -> Bool {
        guard k >= 2, isHyphen(t[k - 1]), t[k - 1].end == t[k].start, t[k - 1].start == t[k - 2].end else { return false }
        // "Anti-Defamation League": a capitalized prefix is the name's own first word.
        return Self.sidePrefixHashes.contains(t[k - 2].lower) && !t[k - 2].flags.contains(.capitalized)
    }

    /// Common words that begin many names ("New People's Party", "National Rifle Association"):
    /// at the start of a sentence they are the name's, not capitalized by their place alone.
    static let nameOpenerHashes = NERHashSet(["new", "national", "united", "democratic", "royal", "federal", "central",
        "international", "liberal", "progressive", "civic", "socialist", "islamic", "popular", "major"].map(NERText.hashLower))

    static let sidePrefixHashes = NERHashSet(["pro", "anti"].map(NERText.hashLower))

    /// "al-Qaida", "al Shabab", "la Repubblica", "van Gogh": a lower-case name particle the tagger put at
    /// the start of a name, joined to a capitalized word (by a hyphen or a space), is part of the name.
    func startsWithParticle(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.to - s.from >= 2, t[s.from].flags.contains(.particle), !t[s.from].flags.contains(.capitalized) else { return false }
        var k = s.from + 1
        if isHyphen(t[k]), t[k].start == t[s.from].end, k + 1 < s.to,
           t[k + 1].start == t[k].end {
            k += 1
        }
        return t[k].flags.contains(.capitalized) && !t[k].flags.contains(.allCaps)
    }

    /// "the Andy Warhol Photographic Legacy Program": a person's span the tagger ran on into an
    /// organization's word (not also a surname, as "Church") is a body named after that person.
    func namedAfterPerson(_ t: [NERToken], _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 3, t[from].flags.contains(.firstName) else { return false }
        let last = t[to - 1].flags
        return last.contains(.orgHead) && last.contains(.capitalized) && !last.contains(.allCaps)
            && !last.contains(.surname) && !last.contains(.firstName) && !last.contains(.title)
    }

    /// "taking hard drives from the Scientology organization": one capitalized word, inside a
    /// sentence, right before "organization" in lower case, names that organization, whatever the
    /// tagger made of it (here a place); not a place, a nationality, a religion or a common word
    /// ("the Islamic organization", "the Umbrella organization").
    mutating func markOrganizationNouns(_ si: Int, _ sentenceStart: Int, _ covered: [Bool]) {
        let t = sentences[si].tokens
        for k in 2..<max(t.count, 2) where Self.trailingOrganizationNounHashes.contains(t[k].lower) && !t[k].flags.contains(.capitalized) {
            let w = k - 1
            let f = t[w].flags
            guard f.contains(.capitalized), !f.contains(.isPunct), !f.contains(.commonLower), !f.contains(.title),
                  !f.contains(.hasDigit), t[w].length >= 3, !t[w - 1].flags.contains(.capitalized) || isInitial(si, w - 1),
                  !isInitial(si, w), !Self.neverHashes.contains(t[w].lower), !Self.religionHashes.contains(t[w].lower),
                  !Self.demonymHashes.contains(t[w].lower), !isPlaceOrNationality(t[w...w]) else { continue }
            if covered[w] {
                // The tagger's span of the word alone takes the organization's kind; a longer one is left.
                guard let x = (sentenceStart..<spans.count).first(where: { spans[$0].from == w && spans[$0].to == k }) else { continue }
                spans[x].type = 2
                spans[x].cued = true
                continue
            }
            var span = Span(sentence: si, from: w, to: k, type: 2, tagged: true, cued: true)
            setKey(&span)
            spans.append(span)
        }
    }

    /// First words of the bodies every state has: "Supreme Court", "Foreign Ministry", "Election Commission".
    static let stateBodyWordHashes = NERHashSet(["supreme", "high", "constitutional", "foreign", "interior", "defense",
        "defence", "health", "justice", "finance", "electoral", "election", "education", "agriculture", "trade",
        "environment", "energy", "transport", "labor", "labour"].map(NERText.hashLower))

    static let siteNounHashes = NERHashSet(["site", "website"].map(NERText.hashLower))

    /// "the Scientology-critic site Operation Clambake", "the news website Axios": one to three
    /// capitalized words the tagger passed over, right after "site" or "website" in lower case and
    /// not quoted (a quoted name there is often a page's title), name the site: an organization.
    /// Not a place, a date or a title's words, and not ending in a common word.
    mutating func markSiteNames(_ si: Int, _ covered: [Bool]) {
        let t = sentences[si].tokens
        for k in 0..<max(t.count - 1, 0) where Self.siteNounHashes.contains(t[k].lower) && !t[k].flags.contains(.capitalized) {
            var end = k + 1
            while end < t.count, end - k <= 3, !covered[end] {
                let f = t[end].flags
                guard f.contains(.capitalized), !f.contains(.isPunct), !f.contains(.title), !Self.dateHashes.contains(t[end].lower) else { break }
                end += 1
            }
            guard end > k + 1, end == t.count || !t[end].flags.contains(.capitalized), !t[end - 1].flags.contains(.commonLower),
                  !NERPlaces.contains(t[(k + 1)..<end]), !isPlaceOrNationality(t[(k + 1)...(k + 1)]) else { continue }
            var span = Span(sentence: si, from: k + 1, to: end, type: 2, tagged: true, cued: true)
            setKey(&span)
            spans.append(span)
        }
    }

    static let goesHashes = NERHashSet(["going", "goes", "went"].map(NERText.hashLower))
    static let byHash = NERText.hashLower("by")
    static let nameNounHashes = NERHashSet(["name", "names", "handle", "moniker", "nickname", "pseudonym", "alias"].map(NERText.hashLower))
    /// Nouns for someone who goes by a chosen name online or on stage.
    static let handleHolderHashes = NERHashSet(["cosplayer", "cosplayers", "user", "blogger", "gamer", "player", "streamer",
        "youtuber", "artist", "rapper", "hacker", "poster", "commenter", "fan", "performer", "drag", "writer", "man", "woman",
        "girl", "boy", "member"].map(NERText.hashLower))

    /// "Wikinews spoke with a cosplayer going by the name "The Katherinator"": the quoted
    /// capitalized words after someone "going by the name" (handle, moniker …) are that
    /// person's name, "The" and all.
    mutating func markNamesGoneBy(_ si: Int, _ covered: [Bool]) {
        let t = sentences[si].tokens
        guard t.count >= 7 else { return }
        for q in 5..<(t.count - 1) {
            guard t[q].length == 1, t[q].flags.contains(.isPunct), Self.isQuote(scalars[t[q].start]),
                  Self.nameNounHashes.contains(t[q - 1].lower), t[q - 2].lower == Self.theHash, t[q - 3].lower == Self.byHash,
                  Self.goesHashes.contains(t[q - 4].lower),
                  Self.handleHolderHashes.contains(t[q - 5].lower) || (q >= 6 && Self.handleHolderHashes.contains(t[q - 6].lower))
            else { continue }
            var end = q + 1
            while end < t.count, end - q <= 4, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct), !covered[end] {
                end += 1
            }
            guard end > q + 1, end < t.count, t[end].length == 1, Self.isQuote(scalars[t[end].start]) else { continue }
            var span = Span(sentence: si, from: q + 1, to: end, type: 1, tagged: true, cued: true)
            setKey(&span)
            spans.append(span)
        }
    }

    /// Each one-word well-known organization's name with an "s" on (`productBrandKeys`).
    static let knownOrgPluralHashes = NERHashSet(NERLexicon.knownOrgs.filter { !$0.hasSuffix("s") }.map { NERText.hashLower($0 + "s") })

    /// "The Isle | of Man government": an organization's or a person's span of one or two words
    /// that a known place's name goes on from is the tagger's cut through the place.
    func beginsPlace(_ s: Span, _ t: [NERToken]) -> Bool {
        guard s.type != 3, s.to - s.from <= 2, s.to < t.count,
              t[s.to].lower == Self.ofHash || (t[s.to].flags.contains(.capitalized) && !t[s.to].flags.contains(.isPunct)) else { return false }
        for end in (s.to + 1)...min(s.to + 2, t.count) where NERPlaces.contains(t[s.from..<end]) { return true }
        return false
    }

    /// An organization's span that is "The", capitalized words and a masthead's last word:
    /// `markNewspapersWithThe` put the "The" of "The Straits Times" there even at a sentence's start.
    func isMastheadWithThe(_ s: Span) -> Bool {
        guard s.type == 2, s.to - s.from >= 3 else { return false }
        let head = sentences[s.sentence].tokens[s.to - 1].lower
        return Self.newspaperHashes.contains(head) && !Self.newspaperHeadsWithoutTheHashes.contains(head)
    }

    /// Trims titles, articles, possessives and punctuation off a span; nil when nothing name-like is left.
    func clean(_ span: Span) -> Span? {
        var s = span
        let t = sentences[s.sentence].tokens
        while s.from < s.to {
            let f = t[s.from]
            let strip = f.flags.contains(.isPunct)
                || (!f.flags.contains(.capitalized) && !f.flags.contains(.uncased) && !f.flags.contains(.hasDigit))
                || (s.type == 1 && Self.titleHashes.contains(f.lower))
                || (f.lower == Self.theHash && (s.from == 0 || s.to - s.from == 1 || isInitial(s.sentence, s.from)))
                // "For Kevin Allton": a common word capitalized only by its place at the start.
                || (s.to - s.from >= 3 && isInitial(s.sentence, s.from) && f.flags.contains(.commonLower)
                    && !Self.nameOpenerHashes.contains(f.lower)
                    && f.flags.rawValue & (TokenFlags.firstName.rawValue | TokenFlags.surname.rawValue
                        | TokenFlags.knownOrg.rawValue | TokenFlags.orgHead.rawValue) == 0)
                // "pro-Beijing New People Party": the place of a "pro-" adjective is not the name's.
                || isSideTaken(t, s.from)
            guard strip, !startsWithParticle(s), f.lower != Self.theHash || !isMastheadWithThe(s) else { break }
            s.from += 1
        }
        while s.to > s.from {
            let l = t[s.to - 1]
            // "Chung-tai" in "Cheng Chung-tai": a lower-case part joined by a hyphen stays.
            let hyphenTail = s.to - s.from >= 3 && isHyphen(t[s.to - 2])
                && t[s.to - 2].start == t[s.to - 3].end && t[s.to - 2].end == l.start
                && (!l.flags.contains(.commonLower) || isShortGivenNameTail(s))
            let possessive = isPossessive(l)
            // "David Jackson Friday called…", "In Paris Friday": a day or a month after a name is
            // when, not part of it ("The Mail on Sunday" keeps its day).
            let date = s.to - s.from >= 2 && Self.dateHashes.contains(l.lower)
                && !(l.lower == Self.sundayHash && t[s.to - 2].lower == Self.onHash)
            let dropTrailing = (l.flags.contains(.isPunct) && !(l.length == 1 && scalars[l.start] == 46)) || possessive || date
                || (!hyphenTail && !l.flags.contains(.capitalized) && !l.flags.contains(.uncased) && !l.flags.contains(.hasDigit)
                    && !(s.type == 2 && isSheriffsOffice(t, s.to)))
            guard dropTrailing else { break }
            s.to -= 1
        }
        guard s.to > s.from else { return nil }
        // "Sony BMG", "Press TV", "Montreal HC": a short word in capitals right after an
        // organization's name, ending it, is the name's (GMB 49 to 2); not an office ("CEO") or a
        // member's letters ("MP").
        if s.type == 2, s.to < t.count, s.to - s.from <= 2, Self.nextTo(t, s.to - 1, scalars) {
            let c = t[s.to]
            // Capital letters only: no digit, period or other punctuation.
            if c.flags.contains(.allCaps), c.length >= 2, c.length <= 5, !c.flags.contains(.title), !Self.neverHashes.contains(c.lower), !Self.memberOfParliamentHashes.contains(c.lower),
               !t[s.to - 1].flags.contains(.allCaps), (c.start..<c.end).allSatisfy({ scalars[$0] >= 65 && scalars[$0] <= 90 }),
               !NERPlaces.contains(t[s.to...s.to]), s.to + 1 == t.count || !t[s.to + 1].flags.contains(.capitalized) || t[s.to + 1].flags.contains(.isPunct) {
                s.to += 1
            }
        }
        // "the 101st Airborne Division", "the 501st Legion": a unit's number is part of its name
        // (GMB includes it 17 times to 0); "the 20th EU summit" counts summits, not the Union.
        if s.type == 2, s.from > 0, isOrdinal(t[s.from - 1]), Self.nextTo(t, s.from - 1, scalars),
           !t[s.from].flags.contains(.allCaps), !t[s.from].flags.contains(.knownOrg) {
            s.from -= 1
        }
        // "Kwok | Wai-keung": a person's name followed, one space on, by a hyphenated given name
        // whose second part is lower case ("Wai-keung", "Jae-in") is one name.
        if s.type == 1, s.to + 2 < t.count, t[s.to].start == t[s.to - 1].end + 1, scalars[t[s.to - 1].end] == 32,
           t[s.to].flags.contains(.capitalized), !t[s.to].flags.contains(.commonLower) || t[s.to].length <= 3, t[s.to + 1].length == 1,
           NERText.isHyphen(scalars[t[s.to + 1].start]), t[s.to + 1].start == t[s.to].end, t[s.to + 2].start == t[s.to + 1].end,
           !t[s.to + 2].flags.contains(.capitalized), t[s.to + 2].flags.contains(.hasLetter),
           !t[s.to + 2].flags.contains(.commonLower), !Self.compoundSuffixes.contains(t[s.to + 2].lower) {
            s.to += 1
        }
        // "Kwok Wai-keung", "Moon Jae-in": the tagger often stops at the hyphen of a given name.
        while s.type == 1 || s.type == 3, s.to + 1 < t.count, isHyphen(t[s.to]),
              t[s.to].start == t[s.to - 1].end, t[s.to + 1].start == t[s.to].end,
              !t[s.to + 1].flags.contains(.capitalized), t[s.to + 1].flags.contains(.hasLetter),
              !t[s.to + 1].flags.contains(.commonLower) || t[s.to + 1].length <= 2 || isSyllableGivenName(t, s.to - 1, s.to + 1),
              !Self.compoundSuffixes.contains(t[s.to + 1].lower) {
            s.to += 2
        }
        // "Wu | Chi-wai": a hyphenated given name the tagger began on is preceded by the family name.
        if s.type == 1, s.from >= 1, s.to - s.from == 3, isHyphen(t[s.from + 1]),
           !t[s.from + 2].flags.contains(.capitalized), t[s.from].start == t[s.from - 1].end + 1, scalars[t[s.from - 1].end] == 32 {
            let p = t[s.from - 1].flags
            if p.contains(.capitalized), !p.contains(.allCaps), !p.contains(.commonLower), !p.contains(.title),
               !p.contains(.orgHead), t[s.from - 1].length >= 2, !isInitial(s.sentence, s.from - 1) || p.contains(.surname) {
                s.from -= 1
            }
        }
        if s.type == 1 { s = withNameWordAfter(withNameWordBefore(withGivenNameBefore(s))) }
        // "Mullah Abdul Fayaz Suspected Taleban militants" (a caption run into a sentence): a
        // common word no name list knows ends a person's name of two words or more before it.
        if s.type == 1, s.to - s.from >= 3 {
            for k in (s.from + 2)..<s.to {
                let f = t[k].flags
                if f.contains(.capitalized), f.contains(.commonLower), !f.contains(.allCaps),
                   f.rawValue & (TokenFlags.firstName.rawValue | TokenFlags.surname.rawValue | TokenFlags.particle.rawValue) == 0,
                   !Self.nameSuffixHashes.contains(t[k].lower), !isHyphen(t[k - 1]) {
                    s.to = k
                    break
                }
            }
        }
        // Needs a capitalized word (or a script without case).
        guard (s.from..<s.to).contains(where: { t[$0].flags.contains(.capitalized) || t[$0].flags.contains(.uncased) }) else {
            return nil
        }
        // "Castlefrank Road", "Century City Towers": places, whatever the tagger thought;
        // "Booker Prize", "Space Shuttle Atlantis": things.
        // ("Manchester City" and the other clubs `markWellKnownNames` knows are no places.)
        if s.to - s.from >= 2, Self.placeHashes.contains(t[s.to - 1].lower),
           s.type != 2 || !isWellKnownName(t, s.from, s.to) {
            return nil
        }
        // "the Trojan War", "the Cultural Revolution", "the Srebrenica massacre": an event. Only as
        // the last word: "the Imperial War Museum" is a body.
        if s.to - s.from >= 2, s.type != 1, Self.eventLastHashes.contains(t[s.to - 1].lower) { return nil }
        // "Mount Merapi", "Lake Placid", "Fort Worth": a place, unless an organization's word follows.
        if s.to - s.from >= 2, Self.placePrefixHashes.contains(t[s.from].lower),
           !(s.from..<s.to).contains(where: { t[$0].flags.contains(.orgHead) }) { return nil }
        if (s.from..<s.to).contains(where: { Self.thingHashes.contains(t[$0].lower) }) { return nil }
        // "Candlemas Day", "Independence Day": a day is no organization ("Doris Day" is a person).
        if s.type != 1, s.to - s.from >= 2, t[s.to - 1].lower == Self.dayHash { return nil }
        // "an Ottawa New Democrat MP", "Illinois Republican Mark Kirk": where a member of a party
        // comes from, said of a person, is no organization's name. (Alone, "a Liberal member" is
        // the party's name in wikigold.)
        if s.to - s.from >= 2, Self.partyMemberSingularHashes.contains(t[s.to - 1].lower) { return nil }
        // A country, state or well-known city named alone is a place, not its government or team.
        if NERPlaces.contains(t[s.from..<s.to]) {
            guard isActingSeatOfGovernment(s) else { return nil }
            s.type = 2
            return s
        }
        // "Sri | Lankan", "Sri | Lanka": the first words of a place's name or of a nationality.
        if s.to < t.count, t[s.to].flags.contains(.capitalized),
           NERPlaces.contains(t[s.from...s.to]) || (s.to - s.from == 1 && Self.demonymHashes.contains(t[s.to].lower)) {
            return nil
        }
        if isDemonymPhrase(s) { return nil }
        if s.to - s.from == 1 {
            let f = t[s.from]
            if Self.neverHashes.contains(f.lower) || Self.titleHashes.contains(f.lower) || Self.religionHashes.contains(f.lower) {
                return nil
            }
            // "GPUs", "CEOs": plural acronyms are things.
            let sc = scalars[f.start..<f.end]
            if sc.count >= 3, sc.last == 115, sc.dropLast().allSatisfy({ $0 >= 65 && $0 <= 90 }) { return nil }
            // A sentence-initial common word ("Take", "Still") is capitalized only by position.
            if isInitial(s.sentence, s.from), f.flags.contains(.commonLower) || lowerInDocument.contains(f.lower),
               !f.flags.contains(.knownOrg), !f.flags.contains(.firstName), !isAcronym(f) {
                return nil
            }
            if f.length < 2 { return nil }
        }
        if beginsInsidePlace(s) || beginsPlace(s, t) { return nil }
        if s.type == 2, isTownBeforeItsState(s) { return nil }
        // "the Liberal-Labour MPP for Kenora", "MP for Bristol West": a member's seat, not a body.
        if s.type == 2, Self.memberOfParliamentHashes.contains(t[s.from].lower) { return nil }
        // "the Second Battle of Bull Run", "the Siege of Petersburg": the place of an event.
        if s.from >= 2, t[s.from - 1].lower == Self.ofHash, t[s.from - 2].flags.contains(.capitalized),
           Self.eventOfHashes.contains(t[s.from - 2].lower) { return nil }
        return s
    }

    /// The word hash of the capitalized word right after the span, touching it or one space on;
    /// 0 (in no word set) when there is none.
    func capitalizedWordAfter(_ s: Span) -> UInt64 {
        let t = sentences[s.sentence].tokens
        guard s.to < t.count, t[s.to].flags.contains(.capitalized), Self.nextTo(t, s.to - 1, scalars) else { return 0 }
        return t[s.to].lower
    }

    /// "National Enforcement | and Emergency | Management | Information System": plain capitalized
    /// words that the capitalized words right after them (through "and" or "of" between two of
    /// them) carry on into a thing's name ("System", "Prize", "Festival") are part of that name,
    /// whatever the tagger cut out of it. A known organization or an acronym before them
    /// ("the NASA Space Shuttle") stays a name of its own.
    func isInsideThingName(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.to + 1 < t.count else { return false }
        for k in s.from..<s.to {
            let f = t[k].flags
            guard f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.knownOrg) else { return false }
        }
        var k = s.to, words = 0
        while k < t.count, k - s.to < 8 {
            let f = t[k].flags
            if f.contains(.capitalized), !f.contains(.isPunct), Self.nextTo(t, k - 1, scalars) {
                if Self.thingHashes.contains(t[k].lower) { return words >= 1 }
                words += 1
                k += 1
            } else if k + 1 < t.count, t[k].lower == Self.andHash || t[k].lower == Self.ofHash, Self.nextTo(t, k - 1, scalars),
                      t[k + 1].flags.contains(.capitalized) {
                k += 1
            } else {
                return false
            }
        }
        return false
    }

    /// "Wright-|Patterson Air Force Base", "Texas | A&M": a name does not begin inside a hyphenated
    /// word, and an abbreviation joined by "&" right after it is part of it (a known place's name,
    /// an organization's then; the tagger's "Chicago and Texas" is no place). The words taken in are
    /// no other span's (`tags` 0, not an institution's); a hyphen's sides are no common word, place
    /// or nationality ("Bangkok-Chiang Mai" is a route, "All-American" a title).
    func extendThroughCompounds(_ span: inout Span, _ tags: [Int], _ inOrg: [Bool]) {
        let t = sentences[span.sentence].tokens
        let a = span.from
        if a >= 2, tags[a - 1] == 0, tags[a - 2] == 0, !inOrg[a - 2], isHyphen(t[a - 1]),
           t[a - 2].end == t[a - 1].start, t[a - 1].end == t[a].start,
           t[a - 2].flags.contains(.capitalized), !t[a - 2].flags.contains(.isPunct), !t[a - 2].flags.contains(.allCaps),
           !t[a - 2].flags.contains(.commonLower), a < 3 || !(isHyphen(t[a - 3]) && t[a - 3].end == t[a - 2].start),
           !isPlaceOrNationality(t[(a - 2)...(a - 2)]), !isPlaceOrNationality(t[a...a]) {
            span.from = a - 2
        }
        let b = span.to
        if b < t.count, tags[b] == 0, !inOrg[b], t[b].flags.contains(.allCaps), t[b].length >= 3, Self.nextTo(t, b - 1, scalars),
           (t[b].start..<t[b].end).contains(where: { scalars[$0] == 38 }),
           span.type != 3 || NERPlaces.contains(t[span.from..<span.to]) {
            span.to = b + 1
            // "Texas A&M", "Florida A&M": a place's name with such an abbreviation is a body's.
            if span.type == 3 { span.type = 2 }
        }
    }

    /// Tokens `from..<head` are titles (at least one) and then one known given name.
    func isPersonBeforeHead(_ t: [NERToken], _ from: Int, _ head: Int) -> Bool {
        let given = t[head - 1].flags
        guard head - 1 > from, given.contains(.firstName), !given.contains(.commonLower), !given.contains(.orgHead) else { return false }
        return (from..<(head - 1)).allSatisfy { t[$0].flags.contains(.title) }
    }

    /// "501st", "2nd", "83rd", "10th".
    func isOrdinal(_ token: NERToken) -> Bool {
        guard token.length >= 3, token.flags.contains(.hasDigit), token.flags.contains(.hasLetter) else { return false }
        let a = scalars[token.end - 2] | 0x20, b = scalars[token.end - 1] | 0x20
        let suffix = (a == 115 && b == 116) || (a == 110 && b == 100) || (a == 114 && b == 100) || (a == 116 && b == 104)
        return suffix && (token.start..<(token.end - 2)).allSatisfy { scalars[$0] >= 48 && scalars[$0] <= 57 }
    }

    /// Words that follow the name of an electoral district, which names no body: "the Social
    /// Welfare constituency", "the Architectural, Surveying, Planning and Landscape constituency".
    static let constituencyHashes = NERHashSet(["constituency", "constituencies", "electorate"].map(NERText.hashLower))
    static let districtKindHashes = NERHashSet(["functional", "geographical", "electoral", "parliamentary", "single-member"].map(NERText.hashLower))

    /// The span is a district's name, or one of a list of capitalized words that ends in one.
    func isConstituencyName(_ s: Span) -> Bool {
        guard s.type != 1 else { return false }
        let t = sentences[s.sentence].tokens
        var k = s.to
        while k + 1 < t.count, t[k].lower == Self.andHash || (t[k].length == 1 && scalars[t[k].start] == 44),
              t[k + 1].flags.contains(.capitalized) {
            k += 2
            while k < t.count, t[k].flags.contains(.capitalized) { k += 1 }
        }
        // "District Council (Second) functional constituency": a bracketed number and a kind of district.
        if k < t.count, t[k].length == 1, scalars[t[k].start] == 40,
           let close = (k + 1..<min(k + 4, t.count)).first(where: { t[$0].length == 1 && scalars[t[$0].start] == 41 }) {
            k = close + 1
        }
        if k + 1 < t.count, Self.districtKindHashes.contains(t[k].lower) { k += 1 }
        return k < t.count && !t[k].flags.contains(.capitalized) && Self.constituencyHashes.contains(t[k].lower)
    }

    /// "Northwestern University in Evanston, Illinois": one or two words the tagger called an
    /// organization, followed by a comma and a known state or country that ends the phrase, are a
    /// town in it.
    func isTownBeforeItsState(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        let c = s.to
        guard s.to - s.from <= 2, c + 1 < t.count, t[c].length == 1, scalars[t[c].start] == 44,
              !(s.from..<s.to).contains(where: { t[$0].flags.contains(.orgHead) || t[$0].flags.contains(.knownOrg)
                  || t[$0].flags.contains(.allCaps) }) else { return false }
        for n in 1...3 where c + 1 + n <= t.count && NERPlaces.contains(t[(c + 1)..<(c + 1 + n)]) {
            let after = c + 1 + n
            // "(Black Pepper, Melbourne, Australia, 2004)": a publisher's place in a list goes on.
            if after == t.count || (t[after].flags.contains(.isPunct) && t[after].length == 1 && scalars[t[after].start] == 46)
                || (!t[after].flags.contains(.capitalized) && !t[after].flags.contains(.isPunct)) { return true }
        }
        return false
    }

    /// The tagger sometimes breaks one name in two ("Jeffrey | Dean | Morgan", "Anne | Catherine
    /// Emmerick", "Marie | - | Jeanne Ion"): person pieces joined by a space, a hyphen or one
    /// capitalized word (or a lower-case particle: "di", "al", "van") are one name.
    static let nameParticles = NERHashSet(["di", "de", "da", "del", "della", "van", "von", "der", "den", "al",
        "el", "bin", "ibn", "le", "la", "du", "dos", "das", "ter", "ten", "al-", "y"].map { NERText.hashLower($0) })

    /// Particles that sit inside a name, between its given names and its family name.
    static let innerParticles = NERHashSet(["di", "de", "da", "del", "della", "van", "von", "der", "al", "el", "bin",
        "ibn", "du", "dos", "das"].map { NERText.hashLower($0) })

    static func joinNameParts(_ tags: inout [Int], _ t: [NERToken], _ s: [UInt32]) {
        let b = NERTag.bPER.rawValue, inside = NERTag.iPER.rawValue
        func isPER(_ i: Int) -> Bool { tags[i] == b || tags[i] == inside }
        var i = 1
        while i < tags.count {
            if tags[i] == 0, i + 1 < tags.count, tags[i - 1] != 0, let right = NERTag(rawValue: tags[i + 1]), right.isBegin,
               t[i].length == 1, NERText.isHyphen(s[t[i].start]), t[i].start == t[i - 1].end, t[i + 1].start == t[i].end,
               t[i - 1].flags.contains(.capitalized), t[i + 1].flags.contains(.capitalized),
               !t[i - 1].flags.contains(.allCaps), !t[i + 1].flags.contains(.allCaps) {
                // "Mohamed El | - | Hassan Mohamed": two names touching a hyphen, one of them longer
                // than a word, are one name of the second's kind ("Clinton-Obama race" stays two).
                var first = i - 1
                while first > 0, NERTag(rawValue: tags[first])?.isInside == true { first -= 1 }
                let rightLong = i + 2 < tags.count && tags[i + 2] == NERTag.inside(right.type).rawValue
                if i - 1 > first || rightLong {
                    tags[first] = NERTag.begin(right.type).rawValue
                    for k in (first + 1)...(i + 1) { tags[k] = NERTag.inside(right.type).rawValue }
                    i += 2
                    continue
                }
            }
            // "Jaap de Hoop Scheffer", "Luiz Inacio Lula da Silva", "Khaled el-Masri": a name particle
            // after a person's name, before capitalized words the tagger left out, continues the name.
            if tags[i] == 0, isPER(i - 1), i + 1 < tags.count, nextTo(t, i - 1, s), innerParticles.contains(t[i].lower),
               !t[i].flags.contains(.capitalized) {
                var j = i + 1
                if j + 1 < tags.count, t[j].length == 1, NERText.isHyphen(s[t[j].start]), tags[j] == 0 { j += 1 }
                var end = j
                func plain(_ k: Int) -> Bool {
                    let f = t[k].flags
                    return tags[k] == 0 && f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.commonLower)
                        && !f.contains(.orgHead) && !f.contains(.title) && !f.contains(.knownOrg)
                }
                while end < tags.count, end - j < 2, plain(end) { end += 1 }
                if end > j, end == tags.count || !t[end].flags.contains(.capitalized) {
                    for k in i..<end { tags[k] = inside }
                    i = end
                    continue
                }
            }
            if tags[i] == b, isPER(i - 1), nextTo(t, i - 1, s) {
                tags[i] = inside
            } else if tags[i] == 0, i + 1 < tags.count, isPER(i - 1), tags[i + 1] == b, nextTo(t, i - 1, s), nextTo(t, i, s),
                      (t[i].flags.contains(.capitalized) && !t[i].flags.contains(.commonLower))
                        || nameParticles.contains(t[i].lower)
                        || (t[i].length == 1 && NERText.isHyphen(s[t[i].start]) && t[i].start == t[i - 1].end) {
                tags[i] = inside
                tags[i + 1] = inside
                i += 1
            }
            i += 1
        }
    }

    /// Organization heads that name an institution with the capitalized words around them:
    /// "Skidmore College", "Weatherspoon Art Museum", "University of North Carolina at Greensboro",
    /// "Andy Warhol Foundation for the Visual Arts", "New People's Party".
    static let institutionHeads: Set<String> = [
        "university", "college", "institute", "museum", "foundation", "party", "council", "committee",
        "commission", "ministry", "department", "agency", "association", "society", "federation", "union",
        "league", "club", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "company",
        "group", "bank", "center", "centre", "gallery", "galleries", "school", "academy", "authority", "board",
        "bureau", "office", "service", "services", "conference", "church", "hospital", "magazine", "times",
        "post", "journal", "press", "news", "navy", "army", "police", "legion", "organization", "organisation",
        "administration", "court", "parliament", "congress", "senate", "assembly", "airlines", "airways",
        "trust", "fund", "network", "studios", "records", "brands", "technologies", "systems", "labs",
        "laboratory", "observatory", "orchestra", "institution", "guard", "cooperative", "alliance",
        "front", "movement", "forces", "brigades", "municipality", "planetarium", "centers", "centres",
        "institutes",
    ]

    /// Institution heads in the plural that are not tagger features (`TokenFlags.pluralHead`).
    static let pluralInstitutionHeads = ["centers", "centres", "institutes"]

    /// `institutionHeads` as word hashes. A token whose lower-cased text is one of those (ASCII)
    /// words hashes as that word, so a token not in this set is never in that one.
    static let institutionHeadHashes = NERHashSet(institutionHeads.map(NERText.hashLower))

    static let deliberativeHeads: Set<String> = ["council", "committee", "commission", "conference", "board", "panel", "institute"]

    static let institutionConnectors: Set<String> = ["of", "for", "the", "and", "&", "at", "on", "de", "di", "la"]

    /// `institutionConnectors` as word hashes: the connectors are ASCII words, which no other
    /// text lower-cases to, so a token whose hash is not here is not one of them.
    static let institutionConnectorHashes = NERHashSet(institutionConnectors.map(NERText.hashLower))

    /// The heads and connectors again, each word kept with its hash, so a plain ASCII token is
    /// told one of them by comparing its scalars (no string built, no collision taken on trust).
    static let institutionHeadTable = NERWordTable(institutionHeads)
    static let institutionConnectorTable = NERWordTable(institutionConnectors)
    /// `head == "university"` and `deliberativeHeads.contains(head)` for a head found in
    /// `institutionHeadTable`, whose words' hashes differ (its init checks), so a head's hash
    /// is one of these only if its word is.
    static let universityHash = NERText.hashLower("university")
    static let deliberativeHeadHashes = NERHashSet(deliberativeHeads.intersection(institutionHeads).map(NERText.hashLower))

    /// Lower-case ASCII words found by a token's word hash and then compared scalar by scalar.
    struct NERWordTable {
        private var hashes: [UInt64]
        private var words: [[UInt8]]
        private let mask: Int

        init(_ list: some Collection<String>) {
            var size = 16
            while size < list.count * 2 { size <<= 1 }
            hashes = [UInt64](repeating: 0, count: size)
            words = [[UInt8]](repeating: [], count: size)
            mask = size - 1
            for w in list {
                precondition(w.utf8.allSatisfy { $0 < 0x80 && !($0 >= 65 && $0 <= 90) && $0 > 32 })
                let h = NERText.hashLower(w)
                precondition(h != 0 && !hashes.contains(h), "word hashes must differ")
                var i = Int(truncatingIfNeeded: h) & mask
                while hashes[i] != 0 { i = (i + 1) & mask }
                hashes[i] = h
                words[i] = Array(w.utf8)
            }
        }

        /// Whether scalars `s[from..<to]` (ASCII, no white space), lower-cased, are one of the
        /// words; `h` is the token's word hash.
        func contains(_ h: UInt64, _ s: [UInt32], _ from: Int, _ to: Int) -> Bool {
            var i = Int(truncatingIfNeeded: h) & mask
            while hashes[i] != 0 {
                if hashes[i] == h {
                    let w = words[i]
                    guard w.count == to - from else { return false }
                    for x in 0..<w.count where UInt32(w[x]) != NERText.lowered(s[from + x]) { return false }
                    return true
                }
                i = (i + 1) & mask
            }
            return false
        }
    }

    func institutionSpans(_ si: Int) -> [Span] {
        let t = sentences[si].tokens
        var out: [Span] = []
        func word(_ i: Int) -> String { text(t[i].start, t[i].end) }
        // `word(i).lowercased()`: an ASCII word (nearly all) lower-cased as its string is built,
        // without a second string.
        func lowerWord(_ i: Int) -> String {
            var bits: UInt32 = 0
            for k in t[i].start..<t[i].end { bits |= scalars[k] }
            return bits < 0x80 ? Self.string(scalars, t[i].start, t[i].end, lower: true) : word(i).lowercased()
        }
        // A plain word (`isPlainASCII`) is compared scalar by scalar below, any other through its string.
        func isPlain(_ k: Int) -> Bool { isPlainASCII(t[k].start, t[k].end) }
        // `word(k) == w` (or `lowerWord(k) == w`) for an ASCII `w`, without building the word.
        func wordIs(_ k: Int, _ w: StaticString, lower: Bool = false) -> Bool {
            guard isPlain(k) else { return (lower ? lowerWord(k) : word(k)) == w.description }
            let a = t[k].start
            guard t[k].end - a == w.utf8CodeUnitCount else { return false }
            return w.withUTF8Buffer { b in
                for x in 0..<b.count where UInt32(b[x]) != (lower ? NERText.lowered(scalars[a + x]) : scalars[a + x]) {
                    return false
                }
                return true
            }
        }
        // The hash first: it turns down most words without building a string.
        func isConnector(_ k: Int) -> Bool {
            Self.institutionConnectorHashes.contains(t[k].lower)
                && (isPlain(k) ? Self.institutionConnectorTable.contains(t[k].lower, scalars, t[k].start, t[k].end)
                               : Self.institutionConnectors.contains(lowerWord(k)))
        }
        func isName(_ i: Int) -> Bool {
            t[i].flags.contains(.capitalized) && !t[i].flags.contains(.allCaps) || (t[i].flags.contains(.allCaps) && t[i].length <= 5)
                || (t[i].flags.contains(.hasDigit) && !t[i].flags.contains(.isPunct))
        }
        // An institution's head word, capitalized ("University", "Council").
        let heads = TokenFlags.orgHead.rawValue | TokenFlags.pluralHead.rawValue
        func isHead(_ k: Int) -> Bool {
            t[k].flags.rawValue & heads != 0 && t[k].flags.contains(.capitalized)
                // The hash first: it turns down the other organization words without building a string.
                && Self.institutionHeadHashes.contains(t[k].lower)
                && (isPlain(k) ? Self.institutionHeadTable.contains(t[k].lower, scalars, t[k].start, t[k].end)
                               : Self.institutionHeads.contains(lowerWord(k)))
        }
        var i = 0
        while i < t.count {
            // A head is an organization's word: the others are passed over in one scan.
            i = NERFlaggedTokens.first(t, heads, from: i)
            guard i < t.count else { break }
            guard isHead(i) else { i += 1; continue }
            func joiner(_ k: Int) -> Bool {
                // "&" between names, or a hyphen touching names on both sides ("Make-A-Wish").
                guard k > 0, k + 1 < t.count, t[k].length == 1 else { return false }
                let v = scalars[t[k].start]
                if v == 38 { return isName(k - 1) }
                return NERText.isHyphen(v) && t[k - 1].end == t[k].start && t[k].end == t[k + 1].start && isName(k - 1)
            }
            var from = i
            while from > 0, isName(from - 1) || joiner(from - 1), !isSideTaken(t, from - 1) {
                from -= 1
            }
            // "U.N. Relief and Works Agency", "National Oceanic and Atmospheric Administration": one or
            // two capitalized words joined by "and" to the words before the head are part of the name,
            // unless they name something of their own (a place, a nationality, an organization, a person).
            if from < i, from >= 2, t[from - 1].lower == Self.andHash, isName(from - 2) {
                var left = from - 2
                // At most three words (a country and two of the name's), after "The" if any.
                func opens(_ k: Int) -> Bool { isName(k) && t[k].lower != Self.theHash }
                while left > 0, from - 1 - left < 3, opens(left - 1) { left -= 1 }
                let run = left..<(from - 1)
                // "U.S. Health and Human Services", "U.N. Food and Agricultural Organization": a
                // leading country or body says whose it is.
                let owner = NERPlaces.contains(t[left...left]) || (t[left].flags.contains(.allCaps) && t[left].flags.contains(.knownOrg))
                let core = run.count >= 2 && owner ? (left + 1)..<(from - 1) : run
                // "the Bill and Melinda Gates Foundation": a given name alone before "and" and another
                // given name is the first of a couple the body is named after.
                let couple = core.count == 1 && t[core.lowerBound].flags.contains(.firstName) && t[from].flags.contains(.firstName)
                    && !t[from].flags.contains(.commonLower)
                if core.count <= 2, !(left > 0 && opens(left - 1)),
                   couple || !core.contains(where: { k in
                       let f = t[k].flags
                       return f.contains(.orgHead) || f.contains(.knownOrg) || f.contains(.hasDigit)
                           || (f.contains(.firstName) && !f.contains(.commonLower)) || Self.demonymHashes.contains(t[k].lower)
                   }), !core.contains(where: { NERPlaces.contains(t[$0...$0]) }), !NERPlaces.contains(t[core]) {
                    from = left
                }
            }
            // "New People's Party": a possessive between capitalized words belongs to the name.
            while from >= 3, wordIs(from - 1, "'s") || (!isPlain(from - 1) && word(from - 1) == "\u{2019}s"), isName(from - 2), !isOwnerBeforePossessive(t, from - 2) {
                from -= 2
                while from > 0, isName(from - 1) { from -= 1 }
            }
            var to = afterSecondHead(t, i + 1)
            // "of [the] Capitalized…", "for the Visual Arts", "at Greensboro".
            var j = to
            while j < t.count, isConnector(j), !t[j].flags.contains(.capitalized) {
                j += 1
            }
            // After "of", "on", "at": a name, not a date or a number ("Kennedy Space Center on
            // April 12", "… on STS-1").
            func continues(_ k: Int) -> Bool {
                // "STS-1", "F-16": a code, not the rest of a name.
                let code = k + 2 < t.count && isHyphen(t[k + 1])
                    && t[k + 2].flags.contains(.hasDigit) && !t[k + 2].flags.contains(.hasLetter)
                return isName(k) && !code && !t[k].flags.contains(.hasDigit) && !Self.neverHashes.contains(t[k].lower)
            }
            // "Museum at the University of …", "Center on STS-1": "at" continues only a
            // university's name ("University of North Carolina at Greensboro"), "on" only a
            // deliberative body's ("Council on American-Islamic Relations").
            // A plain head is one of `institutionHeadTable`'s words, told apart by its hash.
            let headIsUniversity: Bool, headIsDeliberative: Bool
            if isPlain(i) {
                headIsUniversity = t[i].lower == Self.universityHash
                headIsDeliberative = Self.deliberativeHeadHashes.contains(t[i].lower)
            } else {
                let head = lowerWord(i)
                headIsUniversity = head == "university"
                headIsDeliberative = Self.deliberativeHeads.contains(head)
            }
            let firstIsAt = to < t.count && wordIs(to, "at", lower: true)
            let firstIsOn = to < t.count && wordIs(to, "on", lower: true)
            let connectorOK = (!firstIsAt || headIsUniversity) && (!firstIsOn || headIsDeliberative)
            // "Evergreen Aviation & Space Museum of McMinnville, Oregon": a name already whole before
            // its head is followed by where it is, not by more of the name.
            let townAfter: Bool = {
                guard i - from >= 2, j == to + 1, wordIs(to, "of") else { return false }
                var e = j
                while e < t.count, e - j < 2, isName(e), !t[e].flags.contains(.orgHead), !t[e].flags.contains(.knownOrg) { e += 1 }
                guard e > j, e + 1 < t.count, t[e].length == 1, scalars[t[e].start] == 44 else { return false }
                return (1...3).contains { n in e + 1 + n <= t.count && NERPlaces.contains(t[(e + 1)..<(e + 1 + n)]) }
            }()
            if j > to, j < t.count, connectorOK, !townAfter, continues(j), !wordIs(to, "and") {
                var k = j
                // "Movement for the Emancipation | of the Niger Delta": "of the" goes on as "of" does.
                func ofThe(_ k: Int) -> Bool {
                    k + 2 < t.count && t[k].lower == Self.ofHash && t[k + 1].lower == Self.theHash && continues(k + 2)
                }
                while k < t.count, isName(k) || (joiner(k) && k + 1 < t.count && isName(k + 1)) || (isConnector(k)
                                                    && k + 1 < t.count && continues(k + 1) && !wordIs(k, "at") || (wordIs(k, "at") && k + 1 < t.count && continues(k + 1) && headIsUniversity))
                        || (k > j && ofThe(k)) {
                    // "Council on American-Islamic Relations Alia Salem": a known given name and
                    // another capitalized word after the name's own words begin a person's name.
                    let f = t[k].flags
                    if k > j, f.contains(.firstName), !f.contains(.commonLower), !f.contains(.orgHead), k + 1 < t.count,
                       t[k + 1].flags.contains(.capitalized), !t[k + 1].flags.contains(.orgHead),
                       !isConnector(k - 1) {
                        break
                    }
                    k += 1
                }
                // "the Security Council on the Darfur conflict": after "on the", the words that
                // modify a lower-case noun name the subject, not the body.
                let topic = firstIsOn && j == to + 2 && k < t.count && t[k].flags.contains(.hasLetter)
                    && !t[k].flags.contains(.capitalized) && !isConnector(k)
                if !topic { to = k }
            }
            // "Tang Teaching Museum and Art Gallery", "Virginia Polytechnic Institute and State University":
            // "and", common words and a second head continue the name ("… Museum and Guggenheim
            // Museum" are two).
            if to + 2 < t.count, t[to].lower == Self.andHash {
                var h = to + 1
                while h < t.count, h - to <= 2, t[h].flags.contains(.capitalized), t[h].flags.contains(.commonLower),
                      !Self.institutionHeadHashes.contains(t[h].lower) { h += 1 }
                if h > to + 1, h < t.count, isHead(h), h + 1 == t.count || !isName(h + 1) {
                    to = h + 1
                }
            }
            // "Museum of Flight CEO …": a trailing job title is not part of the name.
            while to - from > 2, Self.trailingTitleHashes.contains(t[to - 1].lower) { to -= 1 }
            // "Vice Admiral Albert Church", "Senator Frank Church": titles, a known given name and a
            // head that is also a surname name a person.
            if to == i + 1, i > from, t[i].flags.contains(.surname), isPersonBeforeHead(t, from, i) {
                i += 1
                continue
            }
            // Sentence-initial "The" and a leading common word ("Opening", "Still") are not part of it.
            while from < i, isInitial(si, from), (t[from].flags.contains(.commonLower) && !Self.nameOpenerHashes.contains(t[from].lower))
                    || wordIs(from, "The") { from += 1 }
            if to - from >= 2 {
                // "Famine Early Warning Systems | Network", "Korean Central News | Agency": a second
                // head right after the first makes one longer name, not two overlapping ones.
                // ("Discovery Institute's Center …" is the owner's name and the owned one's.)
                while let last = out.last, last.from >= from, last.to <= to,
                      !(last.to..<i).contains(where: { isPossessive(t[$0]) }) {
                    out.removeLast()
                }
                out.append(Span(sentence: si, from: from, to: to, type: 2, tagged: true))
                i = to
            } else {
                i += 1
            }
        }
        return out
    }

    /// "the film Easy Rider": the capitalized words after a word that introduces a work's title
    /// are that title wherever the article names it, whether or not the tagger proposed them here.
    mutating func markWorkTitles(_ si: Int) {
        let t = sentences[si].tokens
        // Both rules start from a word in capitals or a work's cue word, which most tokens are not:
        // one pass over the flags finds them for both (the order of the keys marked is immaterial).
        let starts = TokenFlags.allCaps.rawValue | TokenFlags.workCue.rawValue
        for k in NERFlaggedTokens(t, TokenFlags(rawValue: starts)) {
            // "15 IQ points", "the ICI system": see `isThingAcronym`.
            if k + 1 < t.count, t[k].flags.contains(.allCaps), !t[k].flags.contains(.knownOrg), t[k + 1].flags.contains(.thingNoun) {
                markNotName(t[k].start, t[k].end)
            }
            guard t[k].flags.contains(.workCue) else { continue }
            var from = k + 1
            while from < t.count, t[from].flags.contains(.isPunct), t[from].length == 1, Self.isQuote(scalars[t[from].start]) { from += 1 }
            var to = from
            while to < t.count, t[to].flags.contains(.capitalized) || (to > from && to + 1 < t.count
                    && Self.innerConnectorHashes.contains(t[to].lower) && t[to + 1].flags.contains(.capitalized)) {
                to += 1
            }
            if to > from { markNotName(t[from].start, t[to - 1].end) }
        }
    }

    /// Whether the span follows a word that introduces a work's title ("the film Easy Rider",
    /// "his novel “Angel Catbird”", "the series Star Wars").
    func isWorkTitle(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        var k = span.from - 1
        while k >= 0, t[k].flags.contains(.isPunct), t[k].length == 1, Self.isQuote(scalars[t[k].start]) { k -= 1 }
        guard k >= 0, Self.workCueHashes.contains(t[k].lower) else { return false }
        // "Comic Corps of Canada": a capitalized cue right before the name, inside a sentence, is the name's own word.
        return k != span.from - 1 || k == 0 || !t[k].flags.contains(.capitalized) || startsSentence(t, k)
    }

    static func isQuote(_ v: UInt32) -> Bool {
        v == 34 || v == 39 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0xAB || v == 0xBB
    }

    static let workCueHashes = NERHashSet(workCues.map(NERText.hashLower))
    static let workCues = [
        "film", "films", "movie", "movies", "book", "books", "novel", "novels", "album", "albums", "song", "songs",
        "single", "show", "shows", "series", "miniseries", "sitcom", "documentary", "play", "musical", "opera",
        "game", "games", "videogame", "painting", "poem", "comic", "comics", "franchise", "trilogy", "sequel",
        "prequel", "episode", "memoir", "biography", "podcast", "exhibition", "exhibit", "titled", "entitled",
        // A vehicle's name is no organization's: "Space Shuttle Atlantis", "the tanker Front Altair".
        "shuttle", "spacecraft", "rover", "orbiter", "lander", "ship", "vessel", "yacht", "submarine", "tanker",
        "freighter", "frigate", "destroyer",
        // A storm's name is no one's: "Hurricane Wilma", "Cyclone Nargis" (GMB: a natural event).
        "hurricane", "typhoon", "cyclone", "storm",
    ]

    /// "the Australian National Iodine Nutrition Study": the words before a thing's word name that
    /// thing wherever the article writes them ("Director of the National Iodine Nutrition study"),
    /// with or without the nationality in front.
    mutating func noteThingName(_ span: Span) {
        let t = sentences[span.sentence].tokens
        guard let k = (span.from..<span.to).first(where: { Self.thingHashes.contains(t[$0].lower) }),
              t[k].flags.contains(.capitalized) else { return }
        var from = span.from
        while from < k, t[from].flags.contains(.isPunct) || t[from].lower == Self.theHash { from += 1 }
        guard k - from >= 2 else { return }
        // "National Enforcement Management Information System": a name the article gives elsewhere
        // ("… Emergency Management …") is not looked for again in the thing's name.
        labels.append(Span(sentence: span.sentence, from: from, to: k + 1, type: 0, tagged: false))
        markNotName(t[from].start, t[k - 1].end)
        if Self.demonymHashes.contains(t[from].lower), k - from >= 3 {
            markNotName(t[from + 1].start, t[k - 1].end)
        }
    }

    /// Words that make a capitalized phrase a thing (prize, vehicle, product, event), not a name.
    static let thingHashes = NERHashSet([
        "prize", "award", "awards", "medal", "trophy", "shuttle", "spacecraft", "rover", "lander", "orbiter", "telescope", "satellite",
        "vr", "console", "iphone", "ipad", "olympics", "paralympics", "championship", "championships",
        "tournament", "prix", "marathon", "syndrome", "disease", "virus", "treaty", "accords", "doctrine", "wars",
        "revolt", "plebiscite", "plebiscites", "referendum",
        "festival", "fair", "expo", "convention", "study", "survey", "system",
        // A site, not the body that runs it: "the Kennedy Space Center Visitor Complex" (wikigold: a place).
        "complex",
    ].map(NERText.hashLower))

    /// "'s" (or "’s") as a token of its own.
    func isPossessive(_ token: NERToken) -> Bool {
        token.length == 2 && NERText.isApostrophe(scalars[token.start])
    }

    func isInitial(_ sentence: Int, _ i: Int) -> Bool {
        startsSentence(sentences[sentence].tokens, i)
    }

    /// Only punctuation before token `i` of these tokens (a sentence's).
    func startsSentence(_ t: [NERToken], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            if !t[k].flags.contains(.isPunct) { return false }
            k -= 1
        }
        return true
    }

    /// Tokens `a` and `a + 1` touch, or are one space apart.
    @inline(__always)
    static func nextTo(_ t: [NERToken], _ a: Int, _ s: [UInt32]) -> Bool {
        let gap = t[a + 1].start - t[a].end
        return gap == 0 || (gap == 1 && s[t[a].end] == 32)
    }

    static let placeHeads: Set<String> = [
        "road", "street", "avenue", "boulevard", "highway", "square", "tower", "towers", "bridge", "airport",
        "station", "river", "lake", "mountain", "mountains", "island", "islands", "valley", "county", "province",
        "district", "state", "city", "coast", "bay", "beach", "canyon", "desert", "ocean", "sea", "lane", "drive",
        "east", "west", "north", "south", "hills", "springs", "heights", "falls", "delta", "circuit", "gulf", "peninsula",
        "plateau", "strait", "oblast", "governorate", "prefecture",
    ]
    static let placePrefixHashes = NERHashSet(["mount", "mt.", "lake", "fort"].map(NERText.hashLower))

    /// A member of a parliament or an assembly, before the seat ("MP for …").
    static let memberOfParliamentHashes = NERHashSet(["mp", "mps", "mpp", "mpps", "mla", "mlas", "mep", "meps", "msp", "msps"]
        .map(NERText.hashLower))

    /// Events named "… of" a place: "Battle of Bull Run", "Siege of Petersburg", "Treaty of Nanking".
    static let eventOfHashes = NERHashSet(["battle", "siege", "treaty", "sack", "massacre", "fall", "liberation",
        "partition", "annexation", "invasion", "occupation", "congress", "peace", "edict", "capture"].map(NERText.hashLower))

    static let theHash = NERText.hashLower("the")
    static let dayHash = NERText.hashLower("day")
    static let systemHash = NERText.hashLower("system")
    static let leagueHash = NERText.hashLower("league")
    static let sportHashes = NERHashSet(["baseball", "soccer", "football", "basketball", "hockey", "lacrosse", "rugby",
        "cricket", "softball", "volleyball"].map(NERText.hashLower))
    static let eventLastHashes = NERHashSet(["war", "revolution", "uprising", "rebellion", "massacre", "genocide",
        "earthquake", "tsunami", "famine", "pandemic", "epidemic", "crisis"].map(NERText.hashLower))
    static let trailingTitleHashes = NERHashSet(["ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "spokesman",
                                          "spokeswoman", "spokesperson"].map(NERText.hashLower))
    static let speechVerbs = NERHashSet(["said", "says", "told", "added", "explained", "wrote", "argued", "insisted",
                                  "noted", "tweeted", "recalled", "admitted", "testified"].map(NERText.hashLower))
    /// Days and months: the end of no name.
    static let dateHashes = NERHashSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december"].map(NERText.hashLower))
    static let sundayHash = NERText.hashLower("sunday")
    static let onHash = NERText.hashLower("on")
    /// "Musk-led", "state-run": the second half of a compound adjective, not of a name.
    static let compoundSuffixes = NERHashSet(["led", "run", "era", "like", "ish", "style", "born", "based", "owned", "backed",
                                       "made", "linked", "related", "free", "wide", "in-law", "elect"].map(NERText.hashLower))
    static let titleHashes = NERHashSet(NERLexicon.titleWords.map(NERText.hashLower))
    static let placeHashes = NERHashSet(placeHeads.map(NERText.hashLower))
    static let neverHashes = NERHashSet((neverNames.union(contractions)).map(NERText.hashLower))

    /// Religions: "the study of moderate Islam" names no one. Only a one-word span is dropped for
    /// it, as "Islam" is also a given name ("Islam Karimov").
    static let religionHashes = NERHashSet(["islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism",
        "catholicism", "protestantism", "taoism", "shinto", "jainism", "zoroastrianism"].map(NERText.hashLower))

    /// Words that are capitalized but never a person or organization on their own.
    static let neverNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "i", "it",
        "he", "she", "we", "they", "you", "the", "a", "an", "this", "that", "these", "those", "mr", "mr.", "mrs",
        "mrs.", "ms", "ms.", "dr", "dr.", "advertisement", "image", "video", "audio", "photo", "ai", "ceo",
        // What a family calls its own, capitalized as a name ("Dad hung his stethoscope …"), names no one.
        "dad", "daddy", "mom", "mommy", "mum", "mummy", "grandma", "grandpa",
        // Acronyms of common nouns: diseases, degrees, jobs and things, never a name alone.
        "aids", "hiv", "sars", "covid", "dna", "mri", "icu", "gdp", "tv", "dj", "mvp", "vip", "iq", "phd", "mba",
        "cfo", "cto", "coo", "ufo", "atm", "suv", "gps", "usb", "cpu", "gpu", "ep", "lp", "cd", "dvd", "mp", "mpp", "mla", "mep", "msp",
    ]
}
