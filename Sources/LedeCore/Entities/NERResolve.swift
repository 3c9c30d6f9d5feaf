import Foundation

extension NERDocument {
    // MARK: - Document-level decisions

    mutating func resolve() {
        vote()
        var aliasOf = parentheticalAliases()
        addTeamAliases(&aliasOf)
        findRepeats(aliasOf: &aliasOf)
        group(aliasOf: aliasOf)
    }

    /// Decides one kind per surface for the whole article, so "Twitter" tagged as a person once
    /// and as an organization eleven times is an organization everywhere.
    mutating func vote() {
        var votes = [SIMD4<Int>](repeating: .zero, count: keyNames.count)
        for s in spans {
            var v = SIMD4<Int>.zero
            v[s.type] += s.tagged ? 2 : 1
            if s.cued { v[s.type] += 4 }
            let t = sentences[s.sentence].tokens
            let last = t[s.to - 1].flags
            if s.to - s.from >= 2, last.contains(.orgHead) { v[2] += 3 }
            if s.to - s.from == 1, last.contains(.knownOrg) { v[2] += 3 }
            if s.to - s.from >= 2, t[s.from].flags.contains(.firstName), !last.contains(.orgHead),
               !(s.from..<s.to).contains(where: { t[$0].flags.contains(.orgHead) }) {
                v[1] += 1
            }
            // "Dwain Chambers", "Jessica Anderson" tagged as an organization: a known given name and
            // a known surname, with no word of an organization's, office's or place's, are a person.
            if s.type == 2, s.to - s.from >= 2, s.to - s.from <= 3, t[s.from].flags.contains(.firstName),
               !t[s.from].flags.contains(.commonLower), !last.contains(.commonLower), last.contains(.surname),
               (s.from..<s.to).allSatisfy({ k in
                   let f = t[k].flags
                   return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.orgHead) && !f.contains(.knownOrg)
                       && !f.contains(.title)
               }), !NERPlaces.contains(t[s.from..<s.to]) {
                v[1] += 2
            }
            // "Helmut Newton" tagged as a place: a known given name and a surname, neither a place
            // word nor an organization's, are a person.
            if s.type == 3, s.to - s.from >= 2, s.to - s.from <= 3, t[s.from].flags.contains(.firstName),
               !t[s.from].flags.contains(.commonLower), last.contains(.capitalized), !last.contains(.commonLower),
               !(s.from..<s.to).contains(where: { t[$0].flags.contains(.orgHead) }) {
                v[1] += 3
            }
            // "Cheng Chung-tai" tagged as a place: a name ending in a hyphenated given name with a
            // lower-case second part is a person's.
            if s.type == 3, s.to - s.from >= 4, isHyphen(t[s.to - 2]),
               !last.contains(.capitalized), last.contains(.hasLetter), t[s.to - 2].start == t[s.to - 3].end {
                v[1] += 3
            }
            // "Tesla's Elon Musk": two plain capitalized words after a name's possessive are
            // most often someone of that organization.
            if s.to - s.from == 2, s.from >= 2, t[s.from - 1].length == 2, NERText.isApostrophe(scalars[t[s.from - 1].start]),
               t[s.from - 2].flags.contains(.capitalized),
               (s.from..<s.to).allSatisfy({ k in
                   let f = t[k].flags
                   return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.commonLower)
                       && !f.contains(.orgHead) && !f.contains(.knownOrg) && !f.contains(.title)
               }) {
                v[1] += 3
            }
            if isGivenNameAndUnknownWord(s) { v[1] += 2 }
            // A speaking place is someone, unless its word is also a known name: "Washington said" is
            // the government (a place named after a person).
            if s.type == 3, speaks(s), !isKnownNameWord(sentences[s.sentence].tokens[s.from]) { v[1] += 3 }
            votes[s.id] &+= v
        }
        for id in coordinatedWithPersons() { votes[id][1] += 3 }
        // A one-word name that is a common lower-case word ("Exhibit", "Director"), tagged once and
        // not a well-known organization, is more likely a capitalized word than a name.
        var once = [Int](repeating: 0, count: keyNames.count)
        for s in spans where s.to - s.from == 1 { once[s.id] += 1 }
        for s in spans where s.to - s.from == 1 && once[s.id] == 1 {
            let f = sentences[s.sentence].tokens[s.from].flags
            if f.contains(.commonLower), !f.contains(.knownOrg), !f.contains(.firstName), !f.contains(.surname),
               !isAcronym(sentences[s.sentence].tokens[s.from]) {
                votes[s.id] = SIMD4(1, 0, 0, 0)
            }
        }
        // A key no span voted for stays 0, as does one whose vote is all zero.
        for (id, v) in votes.enumerated() {
            var best = 0
            for t in 1...3 where v[t] > v[best] { best = t }
            kinds[id] = best <= 2 ? best : 0
        }
        for k in definedTerms() { if let id = keyIDs[k] { kinds[id] = 0 } }
        for k in familyPlurals() { if let id = keyIDs[k] { kinds[id] = 0 } }
        for k in notNames { if let id = keyIDs[k] { kinds[id] = 0 } }
        // A fictional character is no one, nor is the surname or given name of one named in full
        // ("Captain Jean-Luc Picard … Picard").
        for s in spans where kinds[s.id] == 1 && s.to - s.from <= 5 {
            guard NERLexicon.fictionalHashes.contains(NERPlaces.hash(sentences[s.sentence].tokens[s.from..<s.to])) else { continue }
            kinds[s.id] = 0
            let words = keyNames[s.id].split(separator: " ")
            guard words.count >= 2 else { continue }
            for part in [words[0], words[words.count - 1]] {
                if let partID = keyIDs[String(part)], kinds[partID] == 1 { kinds[partID] = 0 }
            }
        }
        for id in firstWordsOfPersons() { kinds[id] = 1 }
        for id in companyNameKeys() { kinds[id] = 2 }
        for id in foundedKeys() { kinds[id] = 2 }
    }

    /// "the Sams continued…": a person's surname in the plural after "the" names the family,
    /// not a person or an organization.
    func familyPlurals() -> [String] {
        // The one-word names right after "the" that end in "s" come first: few articles have
        // any, so the surnames of the persons named in full are built (a string each) only to
        // be compared with one of those, where a set of them was built for every article.
        var out: [String] = []
        for s in spans where s.to - s.from == 1 && s.from > 0 {
            guard sentences[s.sentence].tokens[s.from - 1].lower == Self.theHash else { continue }
            let surface = key(s)
            guard surface.count >= 3, surface.hasSuffix("s") else { continue }
            let stem = String(surface.dropLast())
            let isSurname = spans.contains { p in
                guard p.type == 1, p.to - p.from >= 2 else { return false }
                let t = sentences[p.sentence].tokens
                return Self.string(scalars, t[p.to - 1].start, t[p.to - 1].end, lower: true) == stem
            }
            if isSurname { out.append(surface) }
        }
        return out
    }

    /// "iodine deficiency disorders (IDD)": an abbreviation spelled out in common words names a
    /// thing, not an organization.
    func definedTerms() -> [String] {
        // "…preventing iodine deficiency disorders. … the effects of IDD": the same holds when the
        // spelled-out words appear anywhere in the article, brackets or not. Organizations spell
        // theirs out in capitals ("World Health Organization"), so they never match. The
        // candidates are gathered first, so that one pass over the words finds both kinds: a
        // pass for the brackets and two more for the spelled-out words read every word three
        // times. A bracketed one is left out at the end instead of before the search.
        // The candidates, each once (as a set of strings would keep them, by string equality), in
        // an array: an article has a handful, and hashing each into a set cost more than comparing.
        var candidates: [String] = []
        var letters: [[UInt32]] = []
        for span in spans where span.to - span.from == 1 {
            let token = sentences[span.sentence].tokens[span.from]
            // Two letters, or short words, match some phrase of almost any article by chance.
            guard token.flags.contains(.allCaps), token.length >= 3, token.length <= 6 else { continue }
            let key = text(token.start, token.end).lowercased()
            guard !candidates.contains(key) else { continue }
            candidates.append(key)
            letters.append(key.unicodeScalars.map(\.value))
        }
        // A word's lead is compared only with the acronyms whose first letter it may be
        // (`firstBits`, a bit per letter modulo 64).
        var firstBits: UInt64 = 0
        for l in letters { if let first = l.first { firstBits |= 1 << UInt64(first & 63) } }
        var found = [Bool](repeating: false, count: candidates.count)
        var left = candidates.count
        var out: [String] = []
        scalars.withUnsafeBufferPointer { scalars in
            // A word's first scalar when the word can spell out an acronym's letter (four scalars
            // or more, lower case), else 0. No letter is 0, so a 0 never matches.
            // Fields read in place: a copy of the whole token for every word was most of this pass.
            let cased = TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue
            func lead(_ t: UnsafeBufferPointer<NERToken>, _ k: Int) -> UInt32 {
                guard t[k].flags.rawValue & cased == 0, t[k].length >= 4 else { return 0 }
                let lead = scalars[t[k].start]
                // ASCII first: only "a"..."z" are lower case there, without a property lookup.
                return NERText.isLower(lead) ? lead : 0
            }
            for si in sentences.indices {
                sentences[si].tokens.withUnsafeBufferPointer { t in
                    let n = t.count
                    for i in 0..<n {
                        let f = t[i].flags.rawValue
                        // Capitals first: few words are, and their flags are at hand.
                        if f & TokenFlags.allCaps.rawValue != 0 {
                            if i >= 1, i + 1 < n, t[i].length >= 2, t[i].length <= 6,
                               i - 1 >= t[i].length, scalars[t[i - 1].start] == 40, scalars[t[i + 1].start] == 41 {
                                let letters = Array(text(t[i].start, t[i].end).lowercased().unicodeScalars)
                                let words = ((i - 1 - letters.count)..<(i - 1)).map { t[$0] }
                                if words.allSatisfy({ !$0.flags.contains(.capitalized) }) {
                                    let initials = words.compactMap { Unicode.Scalar(NERText.lowered(scalars[$0.start])) }
                                    if initials == letters { out.append(String(String.UnicodeScalarView(letters))) }
                                }
                            }
                            continue
                        }
                        // The lead of this word (`lead`), tested before `left`: most words have none.
                        guard f & cased == 0, t[i].length >= 4, left > 0 else { continue }
                        let first = scalars[t[i].start]
                        guard NERText.isLower(first), firstBits >> UInt64(first & 63) & 1 != 0 else { continue }
                        for a in candidates.indices where !found[a] {
                            let l = letters[a]
                            guard !l.isEmpty, l.count <= n - i, l[0] == first else { continue }
                            var matches = true
                            for offset in 1..<l.count where lead(t, i + offset) != l[offset] {
                                matches = false
                                break
                            }
                            if matches {
                                found[a] = true
                                left -= 1
                            }
                        }
                    }
                }
            }
        }
        // The order of `out` is immaterial (its caller looks each key up).
        for a in candidates.indices where found[a] && !out.contains(candidates[a]) { out.append(candidates[a]) }
        return out
    }

    /// "Federal Reserve (Fed)", "University of Southern Indiana (USI)": the bracketed short form
    /// names the entity just before it. Returns short key → full key.
    func parentheticalAliases() -> [String: String] {
        var out: [String: String] = [:]
        for s in spans where kinds[s.id] != 0 {
            let t = sentences[s.sentence].tokens
            guard s.to + 2 < t.count, t[s.to].length == 1, scalars[t[s.to].start] == 40,
                  t[s.to + 2].length == 1, scalars[t[s.to + 2].start] == 41 else { continue }
            let a = t[s.to + 1]
            guard a.flags.contains(.capitalized), a.length >= 2 else { continue }
            // A short form is an acronym ("MSF" for Doctors Without Borders) or begins as a word of
            // the name does ("Fed"); "District Council (Second)" is a number, not a short form.
            let lead = NERText.lowered(scalars[a.start])
            guard a.flags.contains(.allCaps) || (s.from..<s.to).contains(where: { NERText.lowered(scalars[t[$0].start]) == lead })
            else { continue }
            out[text(a.start, a.end).lowercased()] = key(s)
        }
        return out
    }

    /// Finds every other occurrence of the names already found: repeats, surnames of people
    /// named in full, possessives and hyphen compounds (the tokenizer splits those off), and
    /// names in all-capitals lines.
    mutating func findRepeats(aliasOf: inout [String: String]) {
        spans = spans.filter { kinds[$0.id] != 0 }
        // The patterns in flat arrays: pattern `p` is the words `hashes[patStart[p]..<patStart[p] +
        // patCount[p]]` of key id `patID[p]` (its key is `keyNames[patID[p]]`), and the patterns that
        // begin with one word are a list linked through `patNext`, from the head `lists` holds. A
        // list of patterns per word, each with an array and a string, was an allocation or two for
        // every name, and releasing them was a fifth of this pass.
        var hashes: [UInt64] = []
        var patStart: [Int] = [], patCount: [Int] = [], patID: [Int] = [], patKind: [Int] = [], patNext: [Int] = []
        var lists = NERHashMap<(head: Int, tail: Int)>(capacity: spans.count + aliasOf.count, filler: (-1, -1))
        // Most spans repeat a name already added, so a slot per span and alias is room for an
        // article's patterns: the arrays are allocated once instead of grown step by step.
        let patternRoom = spans.count + aliasOf.count
        hashes.reserveCapacity(2 * patternRoom)
        patStart.reserveCapacity(patternRoom)
        patCount.reserveCapacity(patternRoom)
        patID.reserveCapacity(patternRoom)
        patKind.reserveCapacity(patternRoom)
        patNext.reserveCapacity(patternRoom)
        // Words added only as a person's given name (`isGivenNameOfFullName`), found only alone.
        var givenOnly = Set<UInt64>()
        givenOnly.reserveCapacity(spans.count)
        // Surnames of persons named in full: after an unknown name word they name a relative.
        var surnameWords = NERHashSet(capacity: spans.count)
        func listHas(_ first: UInt64, _ test: (Int) -> Bool) -> Bool {
            guard let list = lists[first] else { return false }
            var p = list.head
            while p >= 0 {
                if test(p) { return true }
                p = patNext[p]
            }
            return false
        }
        // The pattern whose words were just appended to `hashes` from `start`, at the end of its
        // first word's list.
        func add(_ start: Int, _ id: Int, _ kind: Int) {
            let p = patStart.count
            patStart.append(start)
            patCount.append(hashes.count - start)
            patID.append(id)
            patKind.append(kind)
            patNext.append(-1)
            let first = hashes[start]
            if let list = lists[first] {
                patNext[list.tail] = p
                lists.set(first, (list.head, p))
            } else {
                lists.set(first, (p, p))
            }
        }
        // A one-word pattern, unless its id already has it.
        func addWord(_ h: UInt64, _ id: Int, _ kind: Int) {
            guard !listHas(h, { patID[$0] == id && patCount[$0] == 1 && hashes[patStart[$0]] == h }) else { return }
            hashes.append(h)
            add(hashes.count - 1, id, kind)
        }
        for s in spans {
            let kind = kinds[s.id]
            guard kind != 0 else { continue }
            let t = sentences[s.sentence].tokens
            let n = s.to - s.from
            // Most spans repeat a name already added.
            let known = listHas(t[s.from].lower) { p in
                guard patID[p] == s.id, patCount[p] == n else { return false }
                let start = patStart[p]
                for d in 0..<n where hashes[start + d] != t[s.from + d].lower { return false }
                return true
            }
            if !known {
                let start = hashes.count
                for k in s.from..<s.to { hashes.append(t[k].lower) }
                add(start, s.id, kind)
            }
            if kind == 1, n >= 2 {
                let last = t[s.to - 1]
                if last.length >= 2, !last.flags.contains(.title), canStandAlone(t, s.to - 1) {
                    let surname = text(last.start, last.end).lowercased()
                    // A pattern's key is its id's key, so a one-word pattern with this key is this
                    // surname's, already added: no interning to do for it.
                    let known = listHas(last.lower) { patCount[$0] == 1 && keyNames[patID[$0]] == surname }
                    if !known { addWord(last.lower, intern(surname), 1) }
                    givenOnly.remove(last.lower)
                    surnameWords.insert(last.lower)
                }
                // "Hans Wieck … Hans returns": the given name of a person named in full, alone.
                // The pattern is the full name's own (its key and id): a match is an alias of it, and
                // no string is built. A word that already has a one-word pattern (a surname, or
                // another person's given name) keeps it.
                let first = t[s.from].lower
                if isGivenNameOfFullName(t, s), !listHas(first, { patCount[$0] == 1 }) {
                    addWord(first, s.id, 1)
                    givenOnly.insert(first)
                }
            }
        }
        for (short, full) in aliasOf {
            if let fullID = keyIDs[full] {
                let h = NERText.hashLower(short)
                addWord(h, intern(short), kinds[fullID])
            }
        }
        var firstWords = NERHashSet(capacity: lists.count)
        lists.forEachKey { firstWords.insert($0) }
        // Longest patterns first, so "Elon Musk" wins over "Musk": each list of two or more sorted
        // (as its patterns were, in the order they were added) and linked again in that order.
        var sorted: [Int] = []
        lists.updateEach { list in
            guard list.head != list.tail else { return }
            sorted.removeAll(keepingCapacity: true)
            var p = list.head
            while p >= 0 {
                sorted.append(p)
                p = patNext[p]
            }
            sorted.sort { patCount[$0] > patCount[$1] }
            for j in 0..<(sorted.count - 1) { patNext[sorted[j]] = sorted[j + 1] }
            patNext[sorted[sorted.count - 1]] = -1
            list = (sorted[0], sorted[sorted.count - 1])
        }

        // One flag per token of the article, sentence `si` starting at `base[si]`.
        var base = [Int](repeating: 0, count: sentences.count + 1)
        for (si, sentence) in sentences.enumerated() { base[si + 1] = base[si] + sentence.tokens.count }
        var covered = [Bool](repeating: false, count: base[sentences.count])
        for s in spans where kinds[s.id] != 0 {
            for i in s.from..<s.to { covered[base[s.sentence] + i] = true }
        }
        for s in labels {
            for i in s.from..<s.to { covered[base[s.sentence] + i] = true }
        }
        // "the Sea | Org group": a name the tagger cut short, where the article's longer name of the
        // same kind goes on in the words after it, is that longer name.
        for x in spans.indices {
            let s = spans[x], kind = kinds[s.id]
            let t = sentences[s.sentence].tokens
            guard kind != 0, s.to < t.count, !covered[base[s.sentence] + s.to], let list = lists[t[s.from].lower] else { continue }
            var p = list.head
            while p >= 0, patCount[p] > s.to - s.from {
                let n = patCount[p], start = patStart[p]
                if patKind[p] == kind, s.from + n <= t.count,
                   (0..<n).allSatisfy({ d in hashes[start + d] == t[s.from + d].lower
                       && (s.from + d < s.to || !covered[base[s.sentence] + s.from + d]) }) {
                    spans[x].to = s.from + n
                    spans[x].id = patID[p]
                    for i in s.to..<(s.from + n) { covered[base[s.sentence] + i] = true }
                    break
                }
                p = patNext[p]
            }
        }
        var added: [Span] = []
        for (si, sentence) in sentences.enumerated() where !sentence.skipped {
            let t = sentence.tokens
            // Outside a shouted line a match adds a span only at a capitalized word (or one of a
            // script without case): any other word is passed over whatever it matches, so its
            // flags turn it down before its hash is looked up (most words are lower case).
            let shouted = sentence.shouted
            let cased = TokenFlags.capitalized.rawValue | TokenFlags.uncased.rawValue
            let b = base[si]
            var i = 0
            while i < t.count {
                // Most words begin no pattern: skipped in a loop through the buffers, without the
                // bounds checks of indexing the arrays.
                i = t.withUnsafeBufferPointer { t in
                    covered.withUnsafeBufferPointer { covered in
                        var j = i
                        while j < t.count, (!shouted && t[j].flags.rawValue & cased == 0) || covered[b + j]
                                || !firstWords.contains(t[j].lower) { j += 1 }
                        return j
                    }
                }
                guard i < t.count, let list = lists[t[i].lower] else {
                    i += 1
                    continue
                }
                var matched = -1
                var p = list.head
                candidates: while p >= 0 {
                    defer { p = patNext[p] }
                    let count = patCount[p], start = patStart[p]
                    guard i + count <= t.count else { continue }
                    for d in 0..<count where t[i + d].lower != hashes[start + d] || covered[base[si] + i + d] {
                        continue candidates
                    }
                    matched = p
                    break
                }
                guard matched >= 0 else { i += 1; continue }
                let count = patCount[matched], pid = patID[matched], kind = patKind[matched]
                if count == 1, givenOnly.contains(hashes[patStart[matched]]), !isLoneWord(si, i) { i += 1; continue }
                // "Thomas Sam … his wife Manju Sam, 36": a name word no list knows right before the
                // surname of a person named in full is a relative's given name, another person.
                if count == 1, kind == 1, surnameWords.contains(t[i].lower), t[i].flags.contains(.capitalized),
                   isRelativeGivenName(si, i - 1), !covered[base[si] + i - 1] {
                    var span = Span(sentence: si, from: i - 1, to: i + 1, type: 1, tagged: false)
                    setKey(&span)
                    added.append(span)
                    covered[base[si] + i - 1] = true
                    covered[base[si] + i] = true
                    if kinds[span.id] == 0 { kinds[span.id] = 1 }
                    i += 1
                    continue
                }
                let first = t[i]
                let capitalOK = sentence.shouted || first.flags.contains(.capitalized) || first.flags.contains(.uncased)
                let initialOK = count > 1 || !isInitial(si, i) || !first.flags.contains(.commonLower)
                if capitalOK, initialOK {
                    var span = Span(sentence: si, from: i, to: i + count, type: kind, tagged: false)
                    setKey(&span)
                    added.append(span)
                    for d in 0..<count { covered[base[si] + i + d] = true }
                    if kinds[span.id] == 0 { kinds[span.id] = kind }
                    if span.id != pid, aliasOf[key(span)] == nil { aliasOf[key(span)] = keyNames[pid] }
                    i += count
                } else {
                    i += 1
                }
            }
        }
        spans += added
        spans.sort { ($0.sentence, $0.from) < ($1.sentence, $1.from) }
    }

    // MARK: - Aliases

    /// Groups surfaces that name the same entity and picks the fullest as its name.
    mutating func group(aliasOf: [String: String]) {
        // Surfaces get integer ids once; everything below works on arrays indexed by them.
        var keys: [String] = []
        var keyIDOf: [Int] = []
        // Local index of each document key id present among the spans, -1 if none.
        var index = [Int](repeating: -1, count: keyNames.count)
        var keyOf = [Int](repeating: 0, count: spans.count)
        var count: [Int] = []
        // A key per span at most: room for all at once, rather than growth step by step.
        keys.reserveCapacity(spans.count)
        keyIDOf.reserveCapacity(spans.count)
        count.reserveCapacity(spans.count)
        for (i, s) in spans.enumerated() {
            let id = index[s.id]
            if id >= 0 {
                keyOf[i] = id
                count[id] += 1
            } else {
                index[s.id] = keys.count
                keyOf[i] = keys.count
                keys.append(key(s))
                keyIDOf.append(s.id)
                count.append(1)
            }
        }
        // Each key's words (without a leading "the") as hashes, so the pairwise comparisons
        // below compare integers; read from the key's scalars without building substrings. The
        // words, the first word's scalars and the initials of all keys sit in three flat arrays,
        // a range per key: three small arrays per key were most of this pass's allocations.
        var words: [UInt64] = [], wordsAt: [Range<Int>] = []
        var firsts: [UInt32] = [], firstAt: [Range<Int>] = []
        var initials: [UInt32] = [], initialsAt: [Range<Int>] = []
        var hyphenLastOf: [Bool] = [], theOf: [Bool] = [], kindOf: [Int] = []
        wordsAt.reserveCapacity(keys.count)
        firstAt.reserveCapacity(keys.count)
        initialsAt.reserveCapacity(keys.count)
        kindOf.reserveCapacity(keys.count)
        hyphenLastOf.reserveCapacity(keys.count)
        theOf.reserveCapacity(keys.count)
        // Names run a few words of a few scalars.
        words.reserveCapacity(4 * keys.count)
        initials.reserveCapacity(4 * keys.count)
        firsts.reserveCapacity(8 * keys.count)
        // Each key's scalars are decoded into one scratch buffer (room for the longest key: a
        // key has no more scalars than UTF-8 bytes), and its first two words are kept as ranges of
        // it: iterating the string's scalars and appending the first words' to arrays, scalar by
        // scalar, was most of this loop.
        var scratchSize = 1
        for k in keys { scratchSize = max(scratchSize, k.utf8.count) }
        let scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: scratchSize)
        defer { scratch.deallocate() }
        for (ki, k) in keys.enumerated() {
            let wordStart = words.count, initialStart = initials.count
            let n = Self.decodeScalars(k, into: scratch)
            var h = NERText.fnvOffset, len = 0, hyphen = false, hyphenLast = false, firstScalar: UInt32 = 0
            var wordBegin = 0, firstWord0 = 0..<0, firstWord1 = 0..<0
            func endWord(_ end: Int) {
                guard len > 0 else { return }
                let w = nerMix(h)
                let index = words.count - wordStart
                if index == 0 { firstWord0 = wordBegin..<end } else if index == 1 { firstWord1 = wordBegin..<end }
                words.append(w)
                if !Self.connectorHashes.contains(w) { initials.append(firstScalar) }
                hyphenLast = hyphen
                h = NERText.fnvOffset; len = 0; hyphen = false
            }
            for i in 0..<n {
                let v = scratch[i]
                if v == 32 { endWord(i); continue }
                if len == 0 { firstScalar = v; wordBegin = i }
                if v == 45 { hyphen = true }
                h = (h ^ UInt64(v)) &* NERText.fnvPrime
                len += 1
            }
            endWord(n)
            let the = words.count - wordStart > 1 && words[wordStart] == Self.theHash
            // "the" is a connector, so it is not among the initials either way.
            wordsAt.append((the ? wordStart + 1 : wordStart)..<words.count)
            let firstStart = firsts.count
            firsts.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[the ? firstWord1 : firstWord0]))
            firstAt.append(firstStart..<firsts.count)
            initialsAt.append(initialStart..<initials.count)
            hyphenLastOf.append(hyphenLast)
            theOf.append(the)
            kindOf.append(kinds[keyIDOf[ki]])
        }
        // Checked before a key's other details are read: most pairs fail on it.
        let wordCount = wordsAt.map { $0.count }
        let firstWordOf = wordsAt.map { $0.isEmpty ? nil : words[$0.lowerBound] }
        let lastWordOf = wordsAt.map { $0.isEmpty ? nil : words[$0.upperBound - 1] }
        // The pairs' first checks read one record per key, through a buffer of the function's own:
        // most pairs fail on them, and the bounds checks and optional comparisons of five arrays
        // were most of the loop (a closure over the array's buffer retained what it captured).
        let pairKeys = UnsafeMutableBufferPointer<PairKey>.allocate(capacity: max(keys.count, 1))
        defer { pairKeys.deallocate() }
        for k in keys.indices {
            pairKeys[k] = PairKey(words: wordCount[k], first: firstWordOf[k] ?? 0, hasWords: firstWordOf[k] != nil,
                                  kind: kindOf[k])
        }
        let givenName = givenNameKeys(keyOf: keyOf, keyCount: keys.count)
        // Firms named after their founders (`foundedKeys`): not the founder's surname. Most
        // articles have none, so the list stays empty and nothing is allocated.
        let founded = foundedKeys()
        // Parent of each key: the fuller key it abbreviates.
        var parent = [Int](repeating: -1, count: keys.count)
        for (ki, k) in keys.enumerated() {
            let wk = words[wordsAt[ki]]
            let kind = kindOf[ki]
            var best = -1
            func consider(_ o: Int) {
                if best >= 0 {
                    if (wordCount[o], count[o]) > (wordCount[best], count[best]) { best = o }
                } else {
                    best = o
                }
            }
            let wkLast = lastWordOf[ki]
            let me = pairKeys[ki]
            for oi in 0..<keys.count where oi != ki && pairKeys[oi].words >= me.words {
                let woCount = pairKeys[oi].words
                if woCount == me.words {
                    // "The Foundation" and "Foundation": the bare form stands for both.
                    // Compared word by word in place: `==` on the two slices was a call for every pair.
                    // The first words first: most pairs differ there.
                    guard pairKeys[oi].sameFirst(me) else { continue }
                    var same = true
                    var w = wordsAt[oi].lowerBound
                    for v in wk {
                        if words[w] != v { same = false; break }
                        w += 1
                    }
                    if same, keys[oi].utf8.count < k.utf8.count { consider(oi) }
                    continue
                }
                let oKind = pairKeys[oi].kind
                if kind == 1 || oKind == 1 {
                    // A firm named after its founder stays the firm.
                    if !founded.isEmpty, founded.contains(keyIDOf[ki]) { continue }
                    // A surname (or "First Last" of "First Middle Last") of a person named in full.
                    guard oKind == 1, wk.count == 1 || pairKeys[oi].sameFirst(me) else { continue }
                    // Family name first with a hyphenated given name ("Kwok Wai-keung"): "Kwok".
                    let familyFirst = woCount == 2 && wk.count == 1 && hyphenLastOf[oi] && pairKeys[oi].sameFirst(me)
                    if lastWordOf[oi] == wkLast || familyFirst { consider(oi) }
                } else if kind == 2, oKind == 2 {
                    // The first word, and the number of initials, before the slices are compared:
                    // most pairs differ there, and each slice compared retained its array.
                    if wk.count >= 2 {
                        if pairKeys[oi].sameFirst(me), words[wordsAt[oi]].starts(with: wk) { consider(oi) }
                    } else if wk.count == 1, firstAt[ki].count >= 2, initialsAt[oi].count == firstAt[ki].count,
                              initials[initialsAt[oi]] == firsts[firstAt[ki]] {
                        consider(oi)
                    }
                }
            }
            if best < 0, kind == 1, wk.count == 1 {
                best = fullNameStarting(with: ki, firstWordOf, wordCount, kindOf, count)
            }
            if let a = aliasOf[k], a != k, let aid = keyIDs[a], index[aid] >= 0 {
                parent[ki] = index[aid]
            } else if best >= 0 {
                parent[ki] = best
            }
        }
        func root(_ k: Int) -> Int {
            var r = k
            var steps = 0
            while parent[r] >= 0, steps < 16 { r = parent[r]; steps += 1 }
            return r
        }
        var groupOf = [Int](repeating: -1, count: keys.count)
        var groupCount = 0
        for k in keys.indices {
            let r = root(k)
            if groupOf[r] < 0 {
                groupOf[r] = groupCount
                groupCount += 1
            }
            groupOf[k] = groupOf[r]
        }
        // Each group's keys, in key order, as a range of one flat array: an array per group was an
        // allocation (or several) for every group.
        var groupStart = [Int](repeating: 0, count: groupCount + 1)
        for k in keys.indices { groupStart[groupOf[k] + 1] += 1 }
        for g in 0..<groupCount { groupStart[g + 1] += groupStart[g] }
        var memberKeys = [Int](repeating: 0, count: keys.count)
        var fill = groupStart
        for k in keys.indices {
            memberKeys[fill[groupOf[k]]] = k
            fill[groupOf[k]] += 1
        }
        var groups = (0..<groupCount).map { groupStart[$0]..<groupStart[$0 + 1] }
        // A person named by one word only, only at the start of sentences, never after a title, with
        // a word that is not a known name: too weak ("Iodine", "Homeopathy").
        var weak = [Bool](repeating: false, count: groups.count)
        for (g, range) in groups.enumerated() where kindOf[root(memberKeys[range.lowerBound])] == 1 {
            let members = memberKeys[range]
            guard members.allSatisfy({ wordCount[$0] == 1 }) else { continue }
            var tagged = 0, titled = false, known = false
            // The group's spans are found by a scan: few groups get this far, and a list of spans
            // per group was an allocation (or several) for every group.
            for i in spans.indices where groupOf[keyOf[i]] == g {
                let sp = spans[i]
                let t = sentences[sp.sentence].tokens
                if sp.tagged { tagged += 1 }
                // "Hawass says…": what only a person does makes a sentence's first word a name.
                if !isInitial(sp.sentence, sp.from) || hasPersonCue(t, sp.from) { known = true }
                if sp.from > 0, t[sp.from - 1].flags.contains(.title) { titled = true }
                let f = t[sp.from].flags
                if (f.contains(.surname) || f.contains(.firstName)) && !f.contains(.commonLower) { known = true }
            }
            if !(titled || known || tagged >= 2) { weak[g] = true }
            // "a pink Marilyn", "the Marilyn pictures": a given name alone, never linked to a full name,
            // that the article writes after an article as one writes a thing's name.
            if !titled, members.allSatisfy({ givenName[$0] }),
               spans.indices.contains(where: { groupOf[keyOf[$0]] == g && afterArticle(spans[$0]) }) {
                weak[g] = true
            }
        }
        if weak.contains(true) {
            var keep: [Span] = [], keepKey: [Int] = []
            for i in spans.indices where !weak[groupOf[keyOf[i]]] {
                keep.append(spans[i])
                keepKey.append(keyOf[i])
            }
            spans = keep
            keyOf = keepKey
            var renumber = [Int](repeating: -1, count: groups.count)
            var kept: [Range<Int>] = []
            for (g, range) in groups.enumerated() where !weak[g] {
                renumber[g] = kept.count
                kept.append(range)
            }
            for k in groupOf.indices { groupOf[k] = renumber[groupOf[k]] }
            groups = kept
        }
        entityOf = keyOf.map { groupOf[$0] }
        var firstSpan = [Int](repeating: -1, count: keys.count)
        var firstUnshouted = [Int](repeating: -1, count: keys.count)
        for (i, sp) in spans.enumerated() {
            if firstSpan[keyOf[i]] < 0 { firstSpan[keyOf[i]] = i }
            if firstUnshouted[keyOf[i]] < 0, !sentences[sp.sentence].shouted { firstUnshouted[keyOf[i]] = i }
        }
        // A loop rather than `groups.map`: that closure copied the whole document for every group.
        var built: [DocumentEntity] = []
        built.reserveCapacity(groups.count)
        for range in groups {
            let members = memberKeys[range]
            let r = root(memberKeys[range.lowerBound])
            let kindValue = kindOf[r] == 2 ? EntityKind.organization : EntityKind.person
            // Name: the fullest form; "The X" gives way to "X" when both occur.
            let fullest = members.max { a, b in
                let (wa, wb) = (wordCount[a], wordCount[b])
                if wa != wb { return wa < wb }
                if theOf[a] != theOf[b] { return theOf[a] }
                return count[a] < count[b]
            } ?? r
            // A shouted headline's "ELON MUSK" is a mention, but the name is written as the body writes it.
            let i = firstUnshouted[fullest] >= 0 ? firstUnshouted[fullest] : firstSpan[fullest]
            let name = i >= 0 ? text(of: spans[i]) : keys[fullest]
            built.append(DocumentEntity(name: name, kind: kindValue))
        }
        entities = built
        // Each entity's mentions reserved at once rather than grown one reallocation at a time.
        var mentionCount = [Int](repeating: 0, count: entities.count)
        for e in entityOf { mentionCount[e] += 1 }
        for e in entities.indices { entities[e].mentions.reserveCapacity(mentionCount[e]) }
        // A key's mentions mostly repeat one surface: its string is built once and reused while
        // the scalars are the same.
        var lastText = [String](repeating: "", count: keys.count)
        var lastRange = [Range<Int>](repeating: 0..<0, count: keys.count)
        for (i, s) in spans.enumerated() {
            let e = entityOf[i]
            let t = sentences[s.sentence].tokens
            let (start, end) = (t[s.from].start, t[s.to - 1].end)
            let k = keyOf[i]
            let last = lastRange[k]
            if last.isEmpty || last.count != end - start || !scalars[last].elementsEqual(scalars[start..<end]) {
                lastText[k] = text(start, end)
                lastRange[k] = start..<end
            }
            let m = Mention(start: start, end: end, text: lastText[k])
            entities[e].mentions.append(m)
            func addAlias(_ f: String) {
                if f != entities[e].name && !entities[e].aliases.contains(f) { entities[e].aliases.append(f) }
            }
            addAlias(m.text)
            if s.to < t.count, t[s.to].length == 2, NERText.isApostrophe(scalars[t[s.to].start]), scalars[t[s.to].start + 1] == 115 {
                addAlias(m.text + text(t[s.to].start, t[s.to].end))
            }
        }
    }

    /// What the pairs of `group` check first of a key, in one record.
    struct PairKey {
        var words: Int
        /// The first word's hash, 0 without words.
        var first: UInt64
        var hasWords: Bool
        var kind: Int

        /// `firstWordOf` equal for the two keys (nil, without words, equal to nil).
        @inline(__always)
        func sameFirst(_ o: PairKey) -> Bool { first == o.first && hasWords == o.hasWords }
    }

    /// The Unicode scalars of `text` written to `out` (which has room for at least as many scalars
    /// as `text` has UTF-8 bytes), decoded from its UTF-8 storage; returns how many.
    static func decodeScalars(_ text: String, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let decoded = text.utf8.withContiguousStorageIfAvailable { u -> Int in
            var i = 0, o = 0
            let n = u.count
            // A String's storage is valid UTF-8: each lead byte says how many bytes follow.
            while i < n {
                let b = UInt32(u[i])
                if b < 0x80 {
                    out[o] = b; i += 1
                } else if b < 0xE0 {
                    out[o] = (b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                } else if b < 0xF0 {
                    out[o] = (b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                } else {
                    out[o] = (b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
                        | UInt32(u[i + 3] & 0x3F); i += 4
                }
                o += 1
            }
            return o
        }
        if let decoded { return decoded }
        var o = 0
        for v in text.unicodeScalars {
            out[o] = v.value
            o += 1
        }
        return o
    }

    // MARK: - Output

    func result() -> RecognitionResult {
        RecognitionResult(entities: entities, links: links())
    }

    static let connectorHashes: [UInt64] = ["of", "and", "the", "for", "at", "&"].map(NERText.hashLower)

    static let relationCues: [String] = [
        "co-founder of", "cofounder of", "founder of", "co-founded", "cofounded", "founded", "co-founder",
        "cofounder", "founder", "owned by", "-owned", "owner of", "owns", "owner", "chief executive of",
        "chief executive", "ceo of", "ceo", "chairman of", "chairwoman of", "chairman", "president of",
        "director of", "director", "acquired", "acquire", "bought", "purchased", "sued", "sues", "suing",
        "invested in", "works for", "worked for", "joined", "hired", "fired", "professor at", "professor",
        "curator of", "curator", "spokesman for", "spokeswoman for", "spokesperson for", "member of",
        "leader of", "head of", "publisher of", "publisher", "editor of", "partnered with", "partner",
        "merged with", "backed by", "funded by", "employed by", "left",
    ]

    /// The relation cues as token-hash sequences, in priority order.
    static let cueTokens: [(label: String, hashes: [UInt64])] = relationCues.map { cue in
        (cue.hasPrefix("-") ? String(cue.dropFirst()) : cue, NERText.wordHashes(cue))
    }

    /// Pairs of entities named in one sentence, with the phrase between them that states how they
    /// relate, when one does.
    func links() -> [EntityLinkEvidence] {
        var out: [EntityLinkEvidence] = []
        // The sentence's entities in order of first mention, and that mention (a few per sentence);
        // emptied for each sentence rather than allocated anew.
        var order: [Int] = []
        var firstOf: [Int] = []
        // The pairs counted first (each sentence's entities, by the sentence they were last seen
        // in), so the links are allocated once: grown one append at a time, each reallocation
        // moved every link made so far.
        var seenIn = [Int](repeating: -1, count: entities.count)
        var pairs = 0, inSentence = 0, lastSentence = -1
        for (m, span) in spans.enumerated() {
            if span.sentence != lastSentence {
                pairs += inSentence * (inSentence - 1) / 2
                inSentence = 0
                lastSentence = span.sentence
            }
            let e = entityOf[m]
            if seenIn[e] != span.sentence {
                seenIn[e] = span.sentence
                inSentence += 1
            }
        }
        pairs += inSentence * (inSentence - 1) / 2
        out.reserveCapacity(pairs)
        // Spans are in sentence order: each sentence's are one run.
        var runStart = 0
        while runStart < spans.count {
            let si = spans[runStart].sentence
            var runEnd = runStart + 1
            while runEnd < spans.count, spans[runEnd].sentence == si { runEnd += 1 }
            let members = runStart..<runEnd
            runStart = runEnd
            order.removeAll(keepingCapacity: true)
            firstOf.removeAll(keepingCapacity: true)
            for m in members where !order.contains(entityOf[m]) {
                order.append(entityOf[m])
                firstOf.append(m)
            }
            guard order.count >= 2 else { continue }
            let sentenceText = text(sentences[si].span.start, sentences[si].span.end)
            let t = sentences[si].tokens
            for a in 0..<order.count {
                for b in (a + 1)..<order.count {
                    let (ea, eb) = (order[a], order[b])
                    let sa = spans[firstOf[a]], sb = spans[firstOf[b]]
                    // A phrase between the two states their relation only when no other entity
                    // stands between them: in "Insider reported that Twitter, which is owned by
                    // Musk", "owned by" relates Twitter and Musk, not Insider and Musk.
                    let between = members.contains { m in
                        spans[m].from >= sa.to && spans[m].to <= sb.from && entityOf[m] != ea && entityOf[m] != eb
                    }
                    let label = sb.from - sa.to <= 12 && !between ? Self.cue(in: t, from: sa.to, to: sb.from) : nil
                    out.append(EntityLinkEvidence(source: entities[ea].name, target: entities[eb].name,
                                                  label: label, sentence: sentenceText))
                }
            }
        }
        return out
    }

    /// The first word of every cue: a gap none of whose words begins a cue has none.
    static let cueFirstHashes = NERHashSet(cueTokens.compactMap { $0.hashes.first })

    /// All cues' hashes in one array, cue `c`'s at `cueRanges[c]`: matching reads plain integers,
    /// where each cue's label and array were retained and released for every gap.
    static let cueHashes: [UInt64] = cueTokens.flatMap(\.hashes)
    static let cueRanges: [Range<Int>] = {
        var start = 0
        return cueTokens.map { cue in
            defer { start += cue.hashes.count }
            return start..<(start + cue.hashes.count)
        }
    }()

    static func cue(in t: [NERToken], from: Int, to: Int) -> String? {
        guard from < to, (from..<to).contains(where: { cueFirstHashes.contains(t[$0].lower) }) else { return nil }
        let found: Int? = cueHashes.withUnsafeBufferPointer { hashes in
            t.withUnsafeBufferPointer { t in
                for (c, range) in cueRanges.enumerated() where range.count <= to - from {
                    var i = from
                    while i + range.count <= to {
                        var ok = true
                        for d in 0..<range.count where t[i + d].lower != hashes[range.lowerBound + d] {
                            ok = false
                            break
                        }
                        if ok { return c }
                        i += 1
                    }
                }
                return nil
            }
        }
        return found.map { cueTokens[$0].label }
    }
}

extension NERDocument {
    /// A word of the census name lists: a place so named is often named after a person.
    func isKnownNameWord(_ token: NERToken) -> Bool {
        token.flags.contains(.firstName) || token.flags.contains(.surname)
    }
}
