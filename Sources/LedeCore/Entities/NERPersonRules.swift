import Foundation

/// Person rules that look at the words right around one capitalized word: what only a person
/// does or has ("Seagal, whose grandmother…", "Cotton was born…", "Tarlo explains") names one,
/// whatever the tagger made of the word.
extension NERDocument {
    /// The person rules of one sentence, run once its spans are appended
    /// (`sentenceStart..<spans.count`); `covered` marks the tokens they hold.
    mutating func applyPersonRules(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        // The checks run first, in one call that only reads the document, and their changes are
        // made after it: a check called between two changes copied the whole document (every
        // array retained, then released) for each span. The two passes touch disjoint spans (the
        // first never makes an organization), so checking all before changing any is the same.
        var base = sentenceStart
        while base < spans.count {
            let end = min(spans.count, base + 64)
            let marks = personRuleMarks(base, end)
            for x in base..<end {
                let bit = UInt64(1) << UInt64(x - base)
                if marks.place & bit != 0 { spans[x].type = 3 }
                if marks.town & bit != 0 { keyTable.markNotName(spans[x].id) }
                if marks.person & bit != 0 { spans[x].type = 1 }
            }
            base = end
        }
        markCuedPersons(si, sentenceStart, &covered)
        markTitledPersons(si, sentenceStart, &covered)
    }

    /// For spans `from..<to` (at most 64), bit `x - from` of each mask: a person's span to make a
    /// place, a town's key to mark as no name, an organization's span to make a person.
    func personRuleMarks(_ from: Int, _ to: Int) -> (place: UInt64, town: UInt64, person: UInt64) {
        var place: UInt64 = 0, town: UInt64 = 0, person: UInt64 = 0
        for x in from..<to {
            let bit = UInt64(1) << UInt64(x - from)
            let s = spans[x]
            if s.type != 2 {
                if s.type == 1, isNameAfterThe(s) || isOneWordAfterThe(s) { place |= bit }
                if isTownBeforeRegion(s) { town |= bit }
            } else if isTwoUnknownWords(s) {
                person |= bit
            }
        }
        return (place, town, person)
    }

    /// Honorifics and offices held by one person, after which one capitalized word is a surname.
    static let personTitleHashes = NERHashSet([
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "senator", "sen.", "governor", "gov.",
        "king", "queen", "prince", "princess", "emperor", "empress", "pope", "chancellor", "ambassador", "ayatollah",
        "sheikh", "sultan", "judge", "admiral", "colonel", "col.", "captain", "capt.", "lieutenant", "lt.",
        "sergeant", "sgt.", "premier", "professor", "prof.", "mayor", "rabbi", "imam", "bishop", "cardinal", "sir",
        "dame", "gen.",
    ].map(NERText.hashLower))
    static let honorificHashes = NERHashSet(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."].map(NERText.hashLower))

    /// "President Enkhbayar", "President Fox named…", "Mr. Ban": one capitalized word right after
    /// a person's office or honorific is a person, whatever the tagger made of it. After an
    /// office (not an honorific) the word must be no common word ("President Trump" is the
    /// tagger's to find) and no known place.
    mutating func markTitledPersons(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        let n = t.count
        for j in NERFlaggedTokens(t, .title) where j + 1 < n {
            let k = j + 1
            let f = t[k].flags
            // "NATO Secretary General Jens Stoltenberg met …": two plain name words after any office's
            // word that no tag or rule claimed, with no capitalized word after them, are a person's name.
            if k + 1 < n, !covered[k], !covered[k + 1], isPlainNameWord(t, k), isPlainNameWord(t, k + 1),
               k + 2 == n || !t[k + 2].flags.contains(.capitalized), Self.nextTo(t, k, scalars),
               !NERPlaces.contains(t[k...(k + 1)]), !Self.placeHashes.contains(t[k + 1].lower) {
                var span = Span(sentence: si, from: k, to: k + 2, type: 1, tagged: true)
                setKey(&span)
                spans.append(span)
                covered[k] = true
                covered[k + 1] = true
                continue
            }
            guard Self.personTitleHashes.contains(t[j].lower), f.contains(.capitalized), !f.contains(.hasDigit), t[k].length >= 2, !Self.neverHashes.contains(t[k].lower),
                  !Self.titleHashes.contains(t[k].lower), k + 1 == n || !t[k + 1].flags.contains(.capitalized) else { continue }
            if !Self.honorificHashes.contains(t[k - 1].lower) {
                if f.contains(.commonLower) || f.contains(.orgHead) || f.contains(.allCaps) || NERPlaces.contains(t[k...k])
                    || isDemonymWord(t[k]) { continue }
            }
            markOneWordPerson(si, k, from: sentenceStart, covered: &covered, tagged: true) { _ in true }
        }
    }

    /// A capitalized word that can only be part of a person's name here: a plain name word
    /// (`isPlainNameWord(_:)`) that is no number, sign, date, place or nationality either.
    func isPlainNameWord(_ t: [NERToken], _ k: Int) -> Bool {
        let f = t[k].flags
        return isPlainNameWord(t[k]) && !f.contains(.hasDigit) && !f.contains(.isPunct)
            && !Self.dateHashes.contains(t[k].lower) && !NERPlaces.contains(t[k...k]) && !isDemonymWord(t[k])
    }

    /// Token `k` becomes a one-word person: the span that already covers it alone is retyped if
    /// `mayRetype` allows, or else a span is added.
    mutating func markOneWordPerson(_ si: Int, _ k: Int, from sentenceStart: Int, covered: inout [Bool], tagged: Bool,
                                    mayRetype: (Span) -> Bool) {
        if covered[k] {
            guard let x = (sentenceStart..<spans.count).first(where: { spans[$0].from == k && spans[$0].to == k + 1 }),
                  mayRetype(spans[x]) else { return }
            spans[x].type = 1
            return
        }
        var span = Span(sentence: si, from: k, to: k + 1, type: 1, tagged: tagged)
        setKey(&span)
        spans.append(span)
        covered[k] = true
    }

    /// "in which Rachida Dati supports…", "Recep Tayyip Erdogan made the statement": two to four
    /// capitalized words that no word list knows (no given name, surname, common word, organization or place
    /// word), with nothing capitalized next to them and not after "the", "of" or "in", are a
    /// foreign person's name the tagger took for an organization or a place.
    func isTwoUnknownWords(_ s: Span) -> Bool {
        guard s.to - s.from >= 2, s.to - s.from <= 4 else { return false }
        let t = sentences[s.sentence].tokens
        for k in s.from..<s.to {
            let f = t[k].flags
            guard f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.hasDigit), !f.contains(.lowerInDocument),
                  f.rawValue & 0xFF00 == 0, t[k].length >= 3, !Self.neverHashes.contains(t[k].lower),
                  !isDemonymWord(t[k]), !NERPlaces.contains(t[k...k]) else { return false }
        }
        if s.from > 0 {
            let p = t[s.from - 1]
            if p.flags.contains(.capitalized) || p.lower == Self.theHash || p.lower == Self.ofHash
                || Self.townPrepositionHashes.contains(p.lower) { return false }
        }
        if s.to < t.count, t[s.to].flags.contains(.capitalized) { return false }
        return !NERPlaces.contains(t[s.from..<s.to])
    }

    static let townPrepositionHashes = NERHashSet(["in", "at", "near", "outside"].map(NERText.hashLower))

    /// "The Fairfax Connector is a public bus service": two or more capitalized words right after
    /// "the" are the name of a thing, a service or a team, not of a person.
    func isNameAfterThe(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        return s.to - s.from >= 2 && s.from > 0 && t[s.from - 1].lower == Self.theHash
    }

    /// "the Taleban have declared", "the ancient Maya": one word after "the" (and perhaps a lower-case
    /// word), not before "'s", names a people or a thing.
    func isOneWordAfterThe(_ s: Span) -> Bool {
        guard s.to - s.from == 1, afterArticle(s) else { return false }
        let t = sentences[s.sentence].tokens
        if s.to < t.count, t[s.to].length == 2, NERText.isApostrophe(scalars[t[s.to].start]) { return false }
        return t[s.from - 1].lower == Self.theHash || (s.from > 1 && t[s.from - 2].lower == Self.theHash)
    }

    /// "in Bowling Green, Ohio": a name after "in", "at" or "near" and before a comma and a known
    /// state or country is a town, wherever the article names it.
    func isTownBeforeRegion(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.from > 0, Self.townPrepositionHashes.contains(t[s.from - 1].lower), s.to + 1 < t.count,
              t[s.to].lower == Self.commaHash else { return false }
        return NERPlaces.contains(t[s.to + 1...s.to + 1])
            || (s.to + 2 < t.count && NERPlaces.contains(t[s.to + 1...s.to + 2]))
    }

    static let relativeWhoHashes = NERHashSet(["who", "whose"].map(NERText.hashLower))
    static let lifeVerbHashes = NERHashSet(["died", "married"].map(NERText.hashLower))
    static let wasHash = NERText.hashLower("was")
    static let bornHash = NERText.hashLower("born")
    static let nowHash = NERText.hashLower("now")
    static let commaHash = NERText.hashLower(",")
    /// The verbs of reported speech (`speechVerbs`: "says Tarlo") and "explains" ("Tarlo explains").
    static let speechCueHashes: NERHashSet = {
        var verbs = speechVerbs
        verbs.insert(NERText.hashLower("explains"))
        return verbs
    }()

    /// One unknown capitalized word (`isLoneName`: not a common word, known place, organization,
    /// title or plural)
    /// followed by ", who", ", whose", "was born", "died" or "married", or by a speech verb, or
    /// after a speech verb at the end of a sentence, is a person: one the tagger passed over is
    /// added, one it took for a place becomes a person. Runs after the sentence's spans are
    /// appended (`sentenceStart..<spans.count`); `covered` marks the tokens they hold.
    mutating func markCuedPersons(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        let n = t.count
        let cues = Self.personCues
        for k in NERFlaggedTokens(t, .capitalized) where t[k].length >= 3 {
            if k + 1 < n, t[k + 1].flags.contains(.capitalized) { continue }
            guard hasPersonCue(t, k, cues), isLoneName(si, k) else { continue }
            // "the Dutch, who…", "Two Australians, who…": a people, not a person.
            if k > 0, t[k - 1].lower == Self.theHash || t[k - 1].flags.contains(.hasDigit) { continue }
            // Only a one-word span the tagger took for a place is changed, and not when the word is a
            // known name: a place named after a person ("Washington said") is still a place.
            let knownName = isKnownNameWord(t[k])
            markOneWordPerson(si, k, from: sentenceStart, covered: &covered, tagged: false) { !knownName && $0.type == 3 }
        }
    }

    /// The words after token `k` (or a speech verb before it, closing the sentence) are said
    /// only of a person.
    func hasPersonCue(_ t: [NERToken], _ k: Int) -> Bool {
        hasPersonCue(t, k, Self.personCues)
    }

    /// The word lists `hasPersonCue` reads, fetched once: each read of a static word list is a
    /// call (its lazy initialization's check), and a sentence's every capitalized word is tested.
    struct PersonCues {
        let speech: NERHashSet, lifeVerb: NERHashSet, relativeWho: NERHashSet
        let was: UInt64, born: UInt64, now: UInt64, comma: UInt64
    }

    static let personCues = PersonCues(speech: speechCueHashes, lifeVerb: lifeVerbHashes, relativeWho: relativeWhoHashes,
                                       was: wasHash, born: bornHash, now: nowHash, comma: commaHash)

    func hasPersonCue(_ t: [NERToken], _ k: Int, _ cues: PersonCues) -> Bool {
        let n = t.count
        if k + 1 < n {
            let next = t[k + 1].lower
            if cues.speech.contains(next) || cues.lifeVerb.contains(next) { return true }
            if k + 2 < n {
                if next == cues.comma, cues.relativeWho.contains(t[k + 2].lower) { return true }
                if next == cues.was, t[k + 2].lower == cues.born { return true }
                // An age between commas: "Jutting, now 31, is on trial", "Smith, 45, said".
                if next == cues.comma {
                    let a = t[k + 2].lower == cues.now ? k + 3 : k + 2
                    if a + 1 < n, t[a].flags.contains(.hasDigit), t[a].length <= 2, t[a + 1].lower == cues.comma { return true }
                }
            }
        }
        if k > 0, cues.speech.contains(t[k - 1].lower), k + 1 == n || t[k + 1].flags.contains(.isPunct) {
            return true
        }
        return false
    }

    /// "Australian" or, in the plural, "Australians".
    func isDemonymWord(_ token: NERToken) -> Bool {
        if Self.demonymHashes.contains(token.lower) { return true }
        guard token.end - token.start > 3, scalars[token.end - 1] == 115 else { return false }
        return Self.demonymHashes.contains(NERText.hashLower(scalars[token.start..<token.end - 1]))
    }
}

extension NERDocument {
    /// "Psychology major at University of Texas Arlington Amneh Jafari heard …" and later "Jafari
    /// said": an organization's span of four words or more whose last two are plain name words,
    /// the last one a person's name elsewhere in the article, ends before them, and they are
    /// that person (the article's own use says whose name the last word is).
    mutating func splitTrailingPersons() {
        var x = 0
        while x < spans.count {
            defer { x += 1 }
            let s = spans[x]
            guard s.type == 2, s.to - s.from >= 4 else { continue }
            let t = sentences[s.sentence].tokens
            let given = s.to - 2
            // The words first: few organizations' names end in two plain name words.
            guard isPlainNameWord(t[given]), isPlainNameWord(t[s.to - 1]), nextTo(t, given),
                  t[given - 1].flags.contains(.capitalized), !t[given - 1].flags.contains(.orgHead),
                  namesNoPlace(t, given, s.to) else { continue }
            let surname = t[s.to - 1].lower
            guard spans.contains(where: { $0.type == 1 && sentences[$0.sentence].tokens[$0.to - 1].lower == surname }) else { continue }
            var person = Span(sentence: s.sentence, from: given, to: s.to, type: 1, tagged: s.tagged)
            setKey(&person)
            // "U.S. Representative | Geoff Davis": a place and an office before the name are no organization.
            if (s.from..<given).allSatisfy({ t[$0].flags.contains(.title) || NERPlaces.contains(t[$0...$0]) }) {
                spans[x] = person
                continue
            }
            var organization = s
            organization.to = given
            setKey(&organization)
            spans[x] = organization
            spans.insert(person, at: x + 1)
            x += 1
        }
    }
}
