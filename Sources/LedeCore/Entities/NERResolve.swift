import Foundation

extension NERDocument {
    // MARK: - Document-level decisions

    mutating func resolve() {
        splitTrailingPersons()
        vote()
        spellOutAcronyms()
        var aliasOf = parentheticalAliases()
        syncKinds()
        addTeamAliases(&aliasOf)
        findRepeats(aliasOf: &aliasOf)
        group(aliasOf: aliasOf)
    }

    /// Decides one kind per surface for the whole article, so "Twitter" tagged as a person once
    /// and as an organization eleven times is an organization everywhere.
    mutating func vote() {
        syncKinds()
        var votes = [SIMD4<Int>](repeating: .zero, count: keyTable.count)
        for s in spans {
            var v = SIMD4<Int>.zero
            v[s.type] += s.tagged ? 2 : 1
            if s.cued { v[s.type] += 4 }
            let t = sentences[s.sentence].tokens
            let last = t[s.to - 1].flags
            if s.to - s.from >= 2, last.contains(.orgHead) {
                // "Vice Admiral Albert Church": after a title, a given name and a head that is also a
                // surname are a person's name.
                if s.to - s.from == 2, last.contains(.surname), s.from > 0, isPersonBeforeHead(t, s.from - 1, s.to - 1) {
                    v[1] += 4
                } else {
                    v[2] += 3
                }
            }
            // "Morgan Stanley": a well-known firm's name that reads as a person's (`markWellKnownNames`).
            if isWellKnownName(t, s.from, s.to) { v[2] += 6 }
            if s.to - s.from == 1, last.contains(.knownOrg) {
                // "President Fox named …": after an office's title, a well-known company's word is a surname.
                if s.from > 0, t[s.from - 1].flags.contains(.capitalized), Self.officeTitleHashes.contains(t[s.from - 1].lower) {
                    v[1] += 5
                } else {
                    v[2] += 3
                }
            }
            // "Manchester United", "Leeds United": a name ending in "United" is a club's, not a place's.
            if s.to - s.from >= 2, t[s.to - 1].lower == Self.unitedHash { v[2] += 4 }
            // "Goldman Sachs", "Ford Motor": a name that begins with a well-known organization's word
            // (not also a given name: "Dell Curry") is that organization's or one of its own.
            if s.to - s.from >= 2, t[s.from].flags.contains(.knownOrg), !t[s.from].flags.contains(.firstName) { v[2] += 3 }
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
        var once = [Int](repeating: 0, count: keyTable.count)
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
        for k in definedTerms() { let id = keyTable.id(of: k, insert: false); if id >= 0 { kinds[id] = 0 } }
        for k in familyPlurals() { let id = keyTable.id(of: k, insert: false); if id >= 0 { kinds[id] = 0 } }
        if keyTable.anyNotName {
            for id in kinds.indices where keyTable.isNotName(id) { kinds[id] = 0 }
        }
        // A fictional character is no one, nor is the surname or given name of one named in full
        // ("Captain Jean-Luc Picard … Picard").
        for s in spans where kinds[s.id] == 1 && s.to - s.from <= 5 {
            guard NERLexicon.fictionalHashes.contains(NERPlaces.hash(sentences[s.sentence].tokens[s.from..<s.to])) else { continue }
            kinds[s.id] = 0
            let words = keyTable.name(s.id).split(separator: " ")
            guard words.count >= 2 else { continue }
            for part in [words[0], words[words.count - 1]] {
                let partID = keyTable.id(of: String(part), insert: false)
                if partID >= 0, kinds[partID] == 1 { kinds[partID] = 0 }
            }
        }
        for id in firstWordsOfPersons() { kinds[id] = 1 }
        for id in companyNameKeys() { kinds[id] = 2 }
        for id in foundedKeys() { kinds[id] = 2 }
        for id in productBrandKeys() { kinds[id] = 0 }
    }

    /// "Warhol's Polaroids … the Polaroid camera": a well-known company's one-word name whose
    /// plural the article also writes, capitalized, is the company's product there (a photograph,
    /// a camera), not the company: no one writes a company's name in the plural.
    func productBrandKeys() -> [Int] {
        // Most articles write none of those plurals (`brandPlurals`, found as the words were read).
        guard !brandPlurals.isEmpty else { return [] }
        var out: [Int] = []
        var plural: [UInt32] = []
        for s in spans where s.to - s.from == 1 && kinds[s.id] == 2 && !out.contains(s.id) {
            let token = sentences[s.sentence].tokens[s.from]
            guard token.flags.contains(.knownOrg), token.flags.contains(.capitalized), !token.flags.contains(.allCaps) else { continue }
            plural.removeAll(keepingCapacity: true)
            plural.append(contentsOf: scalars[token.start..<token.end])
            plural.append(115)
            if brandPlurals.contains(NERText.hashLower(plural[...])) { out.append(s.id) }
        }
        return out
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
                        // The lead tested before `left`: most words have none.
                        let first = lead(t, i)
                        guard first != 0, left > 0, firstBits >> UInt64(first & 63) & 1 != 0 else { continue }
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

    static let unitedHash = NERText.hashLower("united")

    /// "the deputies of Movimento 5 Stelle (M5S)", "Korean Central News Agency (KCNA)": the
    /// capitalized words (and numbers) right before a bracketed acronym the article calls an
    /// organization, whose initials spell it out, are that organization's full name, whatever the
    /// tagger made of them. Spans of an organization or of no kind inside them give way; a
    /// person's does not.
    mutating func spellOutAcronyms() {
        // The acronyms an organization's span has: most articles have none, and the words of the
        // others are scanned only for their capitals.
        var acronyms: [Int] = []
        for s in spans where s.to - s.from == 1 && kinds[s.id] == 2 && !acronyms.contains(s.id) {
            let f = sentences[s.sentence].tokens[s.from].flags
            if f.contains(.allCaps) { acronyms.append(s.id) }
        }
        guard !acronyms.isEmpty else { return }
        var added: [Span] = []
        for si in sentences.indices where !sentences[si].skipped {
            let t = sentences[si].tokens
            guard t.count >= 5 else { continue }
            for k in NERFlaggedTokens(t, .allCaps) where k >= 2 && k + 1 < t.count {
                guard t[k].length >= 2, t[k].length <= 8, t[k - 1].length == 1, scalars[t[k - 1].start] == 40,
                      t[k + 1].length == 1, scalars[t[k + 1].start] == 41 else { continue }
                let acronym = keyID(t[k].start, t[k].end, insert: false)
                guard acronyms.contains(acronym) else { continue }
                // The article names the organization by its acronym outside the brackets too ("the
                // M5S party asks …"): one bracketed guess of the tagger's ("Computer Aided Design (CAD)")
                // is not enough.
                guard spans.contains(where: { $0.id == acronym && !($0.sentence == si && $0.from == k) }) else { continue }
                // The nearest start whose words' initials spell every letter (as `markAcronymExpansions`
                // reads them), by two words or more, the first a capitalized one.
                let letters = acronymLetters(t[k]), to = k - 1
                var from = -1, start = to - 2
                while start >= 0, let name = nameInitials(t, start, to), name.count <= letters.count {
                    if name == letters, t[start].flags.contains(.capitalized) {
                        from = start
                        break
                    }
                    start -= 1
                }
                guard from >= 0 else { continue }
                let inside = spans.indices.filter { spans[$0].sentence == si && spans[$0].from < to && spans[$0].to > from }
                if inside.contains(where: { spans[$0].from == from && spans[$0].to == to }) { continue }
                guard inside.allSatisfy({ spans[$0].from >= from && spans[$0].to <= to && kinds[spans[$0].id] != 1 }) else { continue }
                for x in inside.reversed() { spans.remove(at: x) }
                var span = Span(sentence: si, from: from, to: to, type: 2, tagged: false)
                setKey(&span)
                if kinds[span.id] == 0 { kinds[span.id] = 2 }
                added.append(span)
            }
        }
        guard !added.isEmpty else { return }
        spans += added
        spans.sort { ($0.sentence, $0.from) < ($1.sentence, $1.from) }
    }

    /// "Federal Reserve (Fed)", "University of Southern Indiana (USI)": the bracketed short form
    /// names the entity just before it. Returns short key's id → full key's id.
    func parentheticalAliases() -> [Int: Int] {
        var out: [Int: Int] = [:]
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
            out[lowercasedKeyID(a.start, a.end)] = s.id
        }
        return out
    }

    /// Finds every other occurrence of the names already found: repeats, surnames of people
    /// named in full, possessives and hyphen compounds (the tokenizer splits those off), and
    /// names in all-capitals lines.
    mutating func findRepeats(aliasOf: inout [Int: Int]) {
        spans = spans.filter { kinds[$0.id] != 0 }
        // The patterns in flat arrays: pattern `p` is the words `hashes[pats[p].start..<pats[p].start +
        // pats[p].count]` of key id `pats[p].id`, and the patterns that begin with one word are a
        // list linked through `pats[p].next`, from the head `lists` holds. A list of patterns per
        // word, each with an array and a string, was an allocation or two for every name, and
        // releasing them was a fifth of this pass; an array per field, five appends per pattern.
        var hashes: [UInt64] = []
        var pats: [Pattern] = []
        var lists = NERHashMap<(head: Int, tail: Int)>(capacity: spans.count + aliasOf.count, filler: (-1, -1))
        // Most spans repeat a name already added, so a slot per span and alias is room for an
        // article's patterns: the arrays are allocated once instead of grown step by step.
        let patternRoom = spans.count + aliasOf.count
        hashes.reserveCapacity(2 * patternRoom)
        pats.reserveCapacity(patternRoom)
        // Words added only as a person's given name (`isGivenNameOfFullName`), found only alone.
        // (Set to false rather than removed: a table of word hashes like `lists`, where a `Set`'s
        // seeded hashing was most of the cost of the three.)
        var givenOnly = NERHashMap<Bool>(capacity: spans.count, filler: false)
        // Surnames of persons named in full: after an unknown name word they name a relative.
        var surnameWords = NERHashSet(capacity: spans.count)
        func listHas(_ first: UInt64, _ test: (Int) -> Bool) -> Bool {
            guard let list = lists[first] else { return false }
            var p = list.head
            while p >= 0 {
                if test(p) { return true }
                p = pats[p].next
            }
            return false
        }
        // The pattern whose words were just appended to `hashes` from `start`, at the end of its
        // first word's list.
        func add(_ start: Int, _ id: Int, _ kind: Int) {
            let p = pats.count
            pats.append(Pattern(start: start, count: hashes.count - start, id: id, kind: kind, next: -1))
            let first = hashes[start]
            if let list = lists[first] {
                pats[list.tail].next = p
                lists.set(first, (list.head, p))
            } else {
                lists.set(first, (p, p))
            }
        }
        // A one-word pattern, unless its id already has it.
        func addWord(_ h: UInt64, _ id: Int, _ kind: Int) {
            guard !listHas(h, { pats[$0].id == id && pats[$0].count == 1 && hashes[pats[$0].start] == h }) else { return }
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
                guard pats[p].id == s.id, pats[p].count == n else { return false }
                let start = pats[p].start
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
                    // `text(last).lowercased()`'s key: a pattern's key is its id's key, so a
                    // one-word pattern with this id is this surname's, already added.
                    let surname = lowercasedKeyID(last.start, last.end)
                    let known = listHas(last.lower) { pats[$0].count == 1 && pats[$0].id == surname }
                    if !known { addWord(last.lower, surname, 1) }
                    if givenOnly[last.lower] == true { givenOnly.set(last.lower, false) }
                    surnameWords.insert(last.lower)
                }
                // "Hans Wieck … Hans returns": the given name of a person named in full, alone.
                // The pattern is the full name's own (its key and id): a match is an alias of it, and
                // no string is built. A word that already has a one-word pattern (a surname, or
                // another person's given name) keeps it.
                let first = t[s.from].lower
                if isGivenNameOfFullName(t, s), !listHas(first, { pats[$0].count == 1 }) {
                    addWord(first, s.id, 1)
                    givenOnly.set(first, true)
                }
            }
        }
        syncKinds()
        for (short, full) in aliasOf {
            addWord(keyTable.hashLower(short), short, kinds[full])
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
                p = pats[p].next
            }
            sorted.sort { pats[$0].count > pats[$1].count }
            for j in 0..<(sorted.count - 1) { pats[sorted[j]].next = sorted[j + 1] }
            pats[sorted[sorted.count - 1]].next = -1
            list = (sorted[0], sorted[sorted.count - 1])
        }

        // One flag per token of the article, sentence `si` starting at `base[si]`.
        var base = [Int](repeating: 0, count: sentences.count + 1)
        for (si, sentence) in sentences.enumerated() { base[si + 1] = base[si] + sentence.tokens.count }
        // A buffer of the function's own: the closure that skips words read an array variable
        // through a box, checked for exclusive access at every sentence and match.
        let covered = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, base[sentences.count]))
        covered.initialize(repeating: false)
        defer { covered.deallocate() }
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
            while p >= 0, pats[p].count > s.to - s.from {
                let n = pats[p].count, start = pats[p].start
                if pats[p].kind == kind, s.from + n <= t.count,
                   (0..<n).allSatisfy({ d in hashes[start + d] == t[s.from + d].lower
                       && (s.from + d < s.to || !covered[base[s.sentence] + s.from + d]) }) {
                    spans[x].to = s.from + n
                    spans[x].id = pats[p].id
                    for i in s.to..<(s.from + n) { covered[base[s.sentence] + i] = true }
                    break
                }
                p = pats[p].next
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
                    var j = i
                    while j < t.count, (!shouted && t[j].flags.rawValue & cased == 0) || covered[b + j]
                            || !firstWords.contains(t[j].lower) { j += 1 }
                    return j
                }
                guard i < t.count, let list = lists[t[i].lower] else {
                    i += 1
                    continue
                }
                var matched = -1
                var p = list.head
                candidates: while p >= 0 {
                    defer { p = pats[p].next }
                    let count = pats[p].count, start = pats[p].start
                    guard i + count <= t.count else { continue }
                    for d in 0..<count where t[i + d].lower != hashes[start + d] || covered[base[si] + i + d] {
                        continue candidates
                    }
                    matched = p
                    break
                }
                guard matched >= 0 else { i += 1; continue }
                let count = pats[matched].count, pid = pats[matched].id, kind = pats[matched].kind
                if count == 1, givenOnly[hashes[pats[matched].start]] == true, !isLoneWord(si, i) { i += 1; continue }
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
                    if span.id != pid, aliasOf[span.id] == nil { aliasOf[span.id] = pid }
                    i += count
                } else {
                    i += 1
                }
            }
        }
        spans += added
        spans.sort { ($0.sentence, $0.from) < ($1.sentence, $1.from) }
    }

    /// A pattern of `findRepeats`.
    struct Pattern {
        var start: Int
        var count: Int
        var id: Int
        var kind: Int
        var next: Int
    }

    // MARK: - Aliases

    /// Groups surfaces that name the same entity and picks the fullest as its name.
    /// Institution heads that name a body, not a company's legal form ("Inc", "Group").
    static let bodyHeadHashes = NERHashSet(institutionHeads.subtracting([
        "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "company", "group",
    ]).map(NERText.hashLower))

    mutating func group(aliasOf: [Int: Int]) {
        // Surfaces get integer ids once; everything below works on arrays indexed by them.
        // The document's key id of each local key (`keys`: their count and indices).
        var keyIDOf: [Int] = []
        // Local index of each document key id present among the spans, -1 if none.
        var index = [Int](repeating: -1, count: keyTable.count)
        var keyOf = [Int](repeating: 0, count: spans.count)
        var count: [Int] = []
        // A key per span at most: room for all at once, rather than growth step by step.
        keyIDOf.reserveCapacity(spans.count)
        count.reserveCapacity(spans.count)
        for (i, s) in spans.enumerated() {
            let id = index[s.id]
            if id >= 0 {
                keyOf[i] = id
                count[id] += 1
            } else {
                index[s.id] = keyIDOf.count
                keyOf[i] = keyIDOf.count
                keyIDOf.append(s.id)
                count.append(1)
            }
        }
        let keys = keyIDOf
        // Each key's words (without a leading "the") as hashes, so the pairwise comparisons
        // below compare integers; read from the key's scalars without building substrings. The
        // words, the first word's scalars and the initials of all keys sit in three flat arrays,
        // a range per key: three small arrays per key were most of this pass's allocations.
        // What each key's words are, in one record per key (`KeyFacts`): an array per fact was
        // an allocation each, and an append each per key.
        var words: [UInt64] = [], firsts: [UInt32] = [], initials: [UInt32] = []
        var facts: [KeyFacts] = []
        facts.reserveCapacity(keys.count)
        // Names run a few words of a few scalars.
        words.reserveCapacity(4 * keys.count)
        initials.reserveCapacity(4 * keys.count)
        firsts.reserveCapacity(8 * keys.count)
        // Each key's scalars are read where the key table holds them, and its first two words
        // are kept as ranges of them: iterating a string's scalars and appending the first
        // words' to arrays, scalar by scalar, was most of this loop.
        let table = keyTable
        // (Read through the table's pointer, not in a closure over a buffer: the locals such a
        // closure captured were checked for exclusive access at every append.)
        let all = table.scalars, entries = table.entries
        let connectors = Self.connectorHashes, theHash = Self.theHash
        for (ki, k) in keys.enumerated() {
            let wordStart = words.count, initialStart = initials.count
            let keyStart = entries[k].start
            let n = entries[k].end - keyStart
            var bytes = 0, hyphenLast = false
            var firstWord0 = 0..<0, firstWord1 = 0..<0
            // Word by word, each to the next space, in loops of their own: a nested function
            // ending each word captured the loop's variables, and read them through boxes.
            var i = 0
            while i < n {
                if all[keyStart + i] == 32 {
                    bytes += 1
                    i += 1
                    continue
                }
                let begin = i
                var h = NERText.fnvOffset, hyphen = false
                while i < n {
                    let v = all[keyStart + i]
                    if v == 32 { break }
                    bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                    if v == 45 { hyphen = true }
                    h = (h ^ UInt64(v)) &* NERText.fnvPrime
                    i += 1
                }
                let w = nerMix(h)
                let index = words.count - wordStart
                if index == 0 { firstWord0 = begin..<i } else if index == 1 { firstWord1 = begin..<i }
                words.append(w)
                if !connectors.contains(w) { initials.append(all[keyStart + begin]) }
                hyphenLast = hyphen
            }
            let the = words.count - wordStart > 1 && words[wordStart] == theHash
            // "the" is a connector, so it is not among the initials either way.
            let wordRange = (the ? wordStart + 1 : wordStart)..<words.count
            let firstStart = firsts.count
            let first = the ? firstWord1 : firstWord0
            firsts.append(contentsOf: UnsafeBufferPointer(start: all + keyStart + first.lowerBound, count: first.count))
            facts.append(KeyFacts(words: wordRange, first: firstStart..<firsts.count, initials: initialStart..<initials.count,
                                  hyphenLast: hyphenLast, the: the, kind: kinds[keyIDOf[ki]], utf8: bytes,
                                  firstWord: wordRange.isEmpty ? nil : words[wordRange.lowerBound],
                                  lastWord: wordRange.isEmpty ? nil : words[wordRange.upperBound - 1]))
        }
        // The pairs' first checks read one record per key, through a buffer of the function's own:
        // most pairs fail on them, and the bounds checks and optional comparisons of five arrays
        // were most of the loop (a closure over the array's buffer retained what it captured).
        let pairKeys = UnsafeMutableBufferPointer<PairKey>.allocate(capacity: max(keys.count, 1))
        defer { pairKeys.deallocate() }
        for k in keys.indices {
            pairKeys[k] = PairKey(words: facts[k].words.count, first: facts[k].firstWord ?? 0, hasWords: facts[k].firstWord != nil,
                                  kind: facts[k].kind)
        }
        let givenName = givenNameKeys(keyOf: keyOf, keyCount: keys.count)
        // Firms named after their founders (`foundedKeys`): not the founder's surname. Most
        // articles have none, so the list stays empty and nothing is allocated.
        let founded = foundedKeys()
        // Parent of each key: the fuller key it abbreviates.
        var parent = [Int](repeating: -1, count: keys.count)
        for ki in keys.indices {
            let wk = words[facts[ki].words]
            let kind = facts[ki].kind
            var best = -1
            func consider(_ o: Int) {
                if best >= 0 {
                    if (facts[o].words.count, count[o]) > (facts[best].words.count, count[best]) { best = o }
                } else {
                    best = o
                }
            }
            let wkLast = facts[ki].lastWord
            let me = pairKeys[ki]
            for oi in 0..<keys.count where oi != ki && pairKeys[oi].words >= me.words {
                let woCount = pairKeys[oi].words
                if woCount == me.words {
                    // "The Foundation" and "Foundation": the bare form stands for both.
                    // Compared word by word in place: `==` on the two slices was a call for every pair.
                    // The first words first: most pairs differ there.
                    guard pairKeys[oi].sameFirst(me) else { continue }
                    var same = true
                    var w = facts[oi].words.lowerBound
                    for v in wk {
                        if words[w] != v { same = false; break }
                        w += 1
                    }
                    if same, facts[oi].utf8 < facts[ki].utf8 { consider(oi) }
                    continue
                }
                let oKind = pairKeys[oi].kind
                if kind == 1 || oKind == 1 {
                    // A firm named after its founder stays the firm.
                    if !founded.isEmpty, founded.contains(keyIDOf[ki]) { continue }
                    // A surname (or "First Last" of "First Middle Last") of a person named in full.
                    guard oKind == 1, wk.count == 1 || pairKeys[oi].sameFirst(me) else { continue }
                    // Family name first with a hyphenated given name ("Kwok Wai-keung"): "Kwok".
                    let familyFirst = woCount == 2 && wk.count == 1 && facts[oi].hyphenLast && pairKeys[oi].sameFirst(me)
                    if facts[oi].lastWord == wkLast || familyFirst { consider(oi) }
                } else if kind == 2, oKind == 2 {
                    // The first word, and the number of initials, before the slices are compared:
                    // most pairs differ there, and each slice compared retained its array.
                    if wk.count >= 2 {
                        // "University of Texas Arlington Muslim Student Association" is not "University of
                        // Texas Arlington": an institution's head in the words after the shorter name
                        // names a body of its own (a company's suffix does not).
                        if pairKeys[oi].sameFirst(me), words[facts[oi].words].starts(with: wk),
                           !words[(facts[oi].words.lowerBound + wk.count)..<facts[oi].words.upperBound].contains(where: {
                               Self.bodyHeadHashes.contains($0)
                           }) {
                            consider(oi)
                        }
                    } else if wk.count == 1, facts[ki].first.count >= 2, facts[oi].initials.count == facts[ki].first.count,
                              initials[facts[oi].initials] == firsts[facts[ki].first] {
                        consider(oi)
                    }
                }
            }
            if best < 0, kind == 1, wk.count == 1 {
                best = fullNameStarting(with: ki, facts, count)
            }
            if best < 0, kind == 2, wk.count <= 3, let last = wkLast, Self.bodyHeadHashes.contains(last) {
                best = bodyNamedInFull(ki, facts, words, count)
            }
            if let aid = aliasOf[keys[ki]], aid != keys[ki], index[aid] >= 0 {
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
        for (g, range) in groups.enumerated() where facts[root(memberKeys[range.lowerBound])].kind == 1 {
            let members = memberKeys[range]
            guard members.allSatisfy({ facts[$0].words.count == 1 }) else { continue }
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
        // Each span's text, built first: a key's mentions mostly repeat one surface, whose string
        // is built once and reused while the scalars are the same, and an entity's name is the
        // text of one of its mentions, so it is that mention's string too.
        var mentionText: [String] = []
        mentionText.reserveCapacity(spans.count)
        var lastRange = [Range<Int>](repeating: 0..<0, count: keys.count)
        var lastText = [Int](repeating: -1, count: keys.count)
        for (i, s) in spans.enumerated() {
            let t = sentences[s.sentence].tokens
            let (start, end) = (t[s.from].start, t[s.to - 1].end)
            let k = keyOf[i]
            let last = lastRange[k]
            if last.isEmpty || last.count != end - start || !scalars[last].elementsEqual(scalars[start..<end]) {
                mentionText.append(text(start, end))
                lastText[k] = i
                lastRange[k] = start..<end
            } else {
                mentionText.append(mentionText[lastText[k]])
            }
        }
        // The spans of each entity in order, entity by entity (a counting sort): each entity is
        // built whole, its mentions and aliases in arrays of their own, where growing them in the
        // document's entities checked the uniqueness of both arrays at every mention.
        var entityStart = [Int](repeating: 0, count: groups.count + 1)
        for e in entityOf { entityStart[e + 1] += 1 }
        for g in 0..<groups.count { entityStart[g + 1] += entityStart[g] }
        var byEntity = [Int](repeating: 0, count: spans.count)
        var fillEntity = entityStart
        for (i, e) in entityOf.enumerated() {
            byEntity[fillEntity[e]] = i
            fillEntity[e] += 1
        }
        // A loop rather than `groups.map`: that closure copied the whole document for every group.
        var built: [DocumentEntity] = []
        built.reserveCapacity(groups.count)
        for (g, range) in groups.enumerated() {
            let members = memberKeys[range]
            let r = root(memberKeys[range.lowerBound])
            let kindValue = facts[r].kind == 2 ? EntityKind.organization : EntityKind.person
            // Name: the fullest form; "The X" gives way to "X" when both occur.
            let fullest = members.max { a, b in
                let (wa, wb) = (facts[a].words.count, facts[b].words.count)
                if wa != wb { return wa < wb }
                if facts[a].the != facts[b].the { return facts[a].the }
                return count[a] < count[b]
            } ?? r
            // A shouted headline's "ELON MUSK" is a mention, but the name is written as the body writes it.
            let i = firstUnshouted[fullest] >= 0 ? firstUnshouted[fullest] : firstSpan[fullest]
            let name = i >= 0 ? mentionText[i] : keyTable.name(keys[fullest])
            var mentions: [Mention] = []
            mentions.reserveCapacity(entityStart[g + 1] - entityStart[g])
            // (Added in place: a nested function adding them captured `aliases`, read through a box
            // checked for exclusive access at every mention.)
            var aliases: [String] = []
            for j in entityStart[g]..<entityStart[g + 1] {
                let m = byEntity[j]
                let s = spans[m]
                let t = sentences[s.sentence].tokens
                let text = mentionText[m]
                mentions.append(Mention(start: t[s.from].start, end: t[s.to - 1].end, text: text))
                if text != name && !aliases.contains(text) { aliases.append(text) }
                if s.to < t.count, t[s.to].length == 2, NERText.isApostrophe(scalars[t[s.to].start]), scalars[t[s.to].start + 1] == 115 {
                    let possessive = text + self.text(t[s.to].start, t[s.to].end)
                    if possessive != name && !aliases.contains(possessive) { aliases.append(possessive) }
                }
            }
            built.append(DocumentEntity(name: name, kind: kindValue, aliases: aliases, mentions: mentions))
        }
        entities = built
    }

    /// What `group` reads of a key's words: ranges of its flat arrays of word hashes, first-word
    /// scalars and initials (without a leading "the"), and the rest.
    struct KeyFacts {
        var words: Range<Int>
        var first: Range<Int>
        var initials: Range<Int>
        var hyphenLast: Bool
        var the: Bool
        var kind: Int
        /// The length of its string in UTF-8.
        var utf8: Int
        var firstWord: UInt64?
        var lastWord: UInt64?
    }

    /// "Andy Warhol … Andy": the person named in full whose given name a lone given name is (the
    /// most mentioned when several share it), or -1 (`fullNameStarting(with:_:_:_:_:)` on the facts).
    func fullNameStarting(with key: Int, _ facts: [KeyFacts], _ count: [Int]) -> Int {
        guard let first = facts[key].firstWord else { return -1 }
        var best = -1
        for o in facts.indices where o != key && facts[o].kind == 1 && facts[o].words.count >= 2 && facts[o].firstWord == first {
            if best < 0 || count[o] > count[best] { best = o }
        }
        return best
    }

    /// "the Church … the Church of Scientology", "the Court … the Italian Supreme Court of
    /// Cassation": a short name ending in an institution's head that is part of one organization's
    /// fuller name in the article stands for it. Several fuller names that are not forms of one
    /// name ("Foreign Ministry", "Defence Ministry" for "the Ministry") leave it alone. Returns the
    /// fullest such key, or -1.
    func bodyNamedInFull(_ key: Int, _ facts: [KeyFacts], _ words: [UInt64], _ count: [Int]) -> Int {
        let short = words[facts[key].words]
        func holds(_ o: Int, _ part: ArraySlice<UInt64>) -> Bool {
            let w = words[facts[o].words]
            guard w.count >= part.count else { return false }
            var i = w.startIndex
            while i + part.count <= w.endIndex {
                if w[i..<(i + part.count)].elementsEqual(part) { return true }
                i += 1
            }
            return false
        }
        func isCandidate(_ o: Int) -> Bool {
            o != key && facts[o].kind == 2 && facts[o].words.count > short.count && holds(o, short)
        }
        var fullest = -1
        for o in facts.indices where isCandidate(o) {
            if fullest < 0 || (facts[o].words.count, count[o]) > (facts[fullest].words.count, count[fullest]) { fullest = o }
        }
        guard fullest >= 0 else { return -1 }
        // ("The Church of Scientology" and "Church of Scientology" are one name.) The candidates
        // are found again rather than kept: most articles have one.
        for o in facts.indices where o != fullest && isCandidate(o) && !holds(fullest, words[facts[o].words]) { return -1 }
        return fullest
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
        // The sentence's entities in order of first mention, and that mention (a few per sentence),
        // in buffers of the function's own emptied for each sentence by their count: emptying two
        // arrays for each sentence was a call each to replace a range.
        let order = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, spans.count))
        let firstOf = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, spans.count))
        defer {
            order.deallocate()
            firstOf.deallocate()
        }
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
            var entityCount = 0
            for m in members where !order[0..<entityCount].contains(entityOf[m]) {
                order[entityCount] = entityOf[m]
                firstOf[entityCount] = m
                entityCount += 1
            }
            guard entityCount >= 2 else { continue }
            let sentenceText = text(sentences[si].span.start, sentences[si].span.end)
            let t = sentences[si].tokens
            for a in 0..<entityCount {
                for b in (a + 1)..<entityCount {
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

    /// The cues by their first word: `cueByFirst[h]` is the range of `cuesByFirst` that holds, in
    /// priority order, the cues whose first word has hash `h`.
    static let cuesByFirst: [Int] = cueTokens.indices.sorted { a, b in
        let (ha, hb) = (cueTokens[a].hashes[0], cueTokens[b].hashes[0])
        return ha != hb ? ha < hb : a < b
    }
    /// (Built once and only read: `NERHashMap` is not `Sendable`, being mutable.)
    nonisolated(unsafe) static let cueByFirst: NERHashMap<Range<Int>> = {
        var map = NERHashMap<Range<Int>>(capacity: cueTokens.count, filler: 0..<0)
        var i = 0
        while i < cuesByFirst.count {
            let h = cueTokens[cuesByFirst[i]].hashes[0]
            var j = i + 1
            while j < cuesByFirst.count, cueTokens[cuesByFirst[j]].hashes[0] == h { j += 1 }
            map.set(h, i..<j)
            i = j
        }
        return map
    }()

    /// The first cue, in priority order, found anywhere in `t[from..<to]`. Only the cues that
    /// begin with a word of the gap are compared there, each position's in priority order: trying
    /// every cue at every position was most of the cost of linking.
    static func cue(in t: [NERToken], from: Int, to: Int) -> String? {
        guard from < to else { return nil }
        let order = cuesByFirst, byFirst = cueByFirst
        let found: Int = cueHashes.withUnsafeBufferPointer { hashes in
            t.withUnsafeBufferPointer { t in
                var best = Int.max
                for i in from..<to {
                    guard let candidates = byFirst[t[i].lower] else { continue }
                    for k in candidates {
                        let c = order[k]
                        guard c < best else { break }
                        let range = cueRanges[c]
                        guard i + range.count <= to else { continue }
                        var ok = true
                        for d in 1..<max(1, range.count) where t[i + d].lower != hashes[range.lowerBound + d] {
                            ok = false
                            break
                        }
                        if ok {
                            best = c
                            break
                        }
                    }
                }
                return best
            }
        }
        return found == Int.max ? nil : cueTokens[found].label
    }
}

extension NERDocument {
    /// A word of the census name lists: a place so named is often named after a person.
    func isKnownNameWord(_ token: NERToken) -> Bool {
        token.flags.contains(.firstName) || token.flags.contains(.surname)
    }
}
