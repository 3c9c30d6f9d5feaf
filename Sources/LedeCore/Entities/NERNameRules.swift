import Foundation

/// Tag-level rules for names the tagger breaks apart or mistypes in news: particles and Arabic
/// prefixes inside a person's name, hyphenated given names, sports teams named after their city.
/// Each rewrites one sentence's tags before spans are built, so the span rules see one name.
extension NERDocument {
    /// A capitalized word that is no name's own: a common word, an office, an organization's word.
    @inline(__always)
    func isPlainNameWord(_ token: NERToken) -> Bool {
        let f = token.flags
        return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.commonLower) && !f.contains(.orgHead)
            && !f.contains(.title) && !f.contains(.knownOrg) && token.length >= 2 && !Self.neverHashes.contains(token.lower)
    }

    @inline(__always)
    func nextTo(_ t: [NERToken], _ a: Int) -> Bool { Self.nextTo(t, a, scalars) }

    static let arabicPrefixHashes = NERHashSet(["al", "el", "bin", "ibn", "abu", "abd"].map(NERText.hashLower))

    /// The rules of `markNameParts` that can change a sentence's tags: each starts only from a
    /// word of its own (a particle, a hyphen, a firm's last word, a known given name …), and most
    /// sentences hold few of them.
    struct NameRuleTriggers: OptionSet {
        let rawValue: UInt32
        static let particle = NameRuleTriggers(rawValue: 1 << 0)
        static let hyphen = NameRuleTriggers(rawValue: 1 << 1)
        static let cityTeam = NameRuleTriggers(rawValue: 1 << 2)
        static let officeOf = NameRuleTriggers(rawValue: 1 << 3)
        static let camel = NameRuleTriggers(rawValue: 1 << 4)
        static let suffix = NameRuleTriggers(rawValue: 1 << 5)
        static let company = NameRuleTriggers(rawValue: 1 << 6)
        static let house = NameRuleTriggers(rawValue: 1 << 7)
        static let given = NameRuleTriggers(rawValue: 1 << 8)
        static let nationality = NameRuleTriggers(rawValue: 1 << 9)
        static let appositive = NameRuleTriggers(rawValue: 1 << 10)
        /// A known given name, for a person the tagger passed over (`NERDocument.tag`).
        static let givenName = NameRuleTriggers(rawValue: 1 << 12)
        /// A well-known organization's word, capitalized (`NERDocument.tag`).
        static let knownOrg = NameRuleTriggers(rawValue: 1 << 13)
        /// A Roman numeral after a word (`markRegnalNumbers`).
        static let regnal = NameRuleTriggers(rawValue: 1 << 14)
        /// An epithet ("Elder", "Great": `joinEpithets`).
        static let epithet = NameRuleTriggers(rawValue: 1 << 15)
        /// A noun of nationality ("Scotsman": `dropNationalityBeforeName`).
        static let demonymNoun = NameRuleTriggers(rawValue: 1 << 16)
        /// "spokesman" in lower case (`markSpokespeopleOrganizations`).
        static let spokesperson = NameRuleTriggers(rawValue: 1 << 17)
        /// ".com" and the like glued to a word (`extendWithDomains`).
        static let domain = NameRuleTriggers(rawValue: 1 << 18)
        /// An opening bracket (`markAcronymExpansions`).
        static let bracket = NameRuleTriggers(rawValue: 1 << 19)
        /// A quotation mark (`isInsideQuotedTitle`).
        static let quote = NameRuleTriggers(rawValue: 1 << 20)
        /// "organization" in lower case after a capitalized word (`NERDocument.markOrganizationNouns`).
        static let organizationNoun = NameRuleTriggers(rawValue: 1 << 21)
        /// "Sheriff" capitalized (`markSheriffsOffices`).
        static let sheriff = NameRuleTriggers(rawValue: 1 << 22)
        /// "by the name" (handle, moniker …: `NERDocument.markNamesGoneBy`).
        static let nameGoneBy = NameRuleTriggers(rawValue: 1 << 23)
        /// "site" or "website" before a capitalized word (`NERDocument.markSiteNames`).
        static let siteNoun = NameRuleTriggers(rawValue: 1 << 24)
        /// The first word of a well-known firm's or club's name, before a capital or a sign (`markWellKnownNames`).
        static let wellKnown = NameRuleTriggers(rawValue: 1 << 25)
    }

    static let trailingOrganizationNounHashes = NERHashSet(["organization", "organisation"].map(NERText.hashLower))

    /// Every word some rule starts from by its hash; the lexicon marks them (`TokenFlags.ruleWord`)
    /// so that only those few tokens are told apart here.
    static let ruleWordHashes: NERHashSet = {
        var words = innerParticles
        for set in [arabicPrefixHashes, nameSuffixHashes, companySuffixHashes, demonymHashes, epithetHashes, nationalityNounHashes,
                    spokespersonHashes, domainHashes, clubPrefixHashes, trailingOrganizationNounHashes, nameNounHashes, siteNounHashes] { words.formUnion(set) }
        words.insert(houseHash)
        return words
    }()

    /// Which rules have their starting word somewhere in the sentence, from one pass over its
    /// tokens. Each test is implied by its rule's own first conditions, so a rule left out could
    /// not have changed a tag.
    func nameRuleTriggers(_ tokens: [NERToken]) -> NameRuleTriggers {
        var on: NameRuleTriggers = []
        let news = Self.newspaperHashes
        let punct = TokenFlags.isPunct.rawValue, capitalized = TokenFlags.capitalized.rawValue
        let ruleWord = TokenFlags.ruleWord.rawValue, title = TokenFlags.title.rawValue
        let wellKnownFirst = NERLexicon.wellKnownFirstWordHashes
        // A known given name that `isPlainNameWord` may accept (its word-list look-up left to the rule).
        let givenMask = TokenFlags.firstName.rawValue | capitalized | TokenFlags.allCaps.rawValue | TokenFlags.commonLower.rawValue
            | TokenFlags.orgHead.rawValue | TokenFlags.title.rawValue | TokenFlags.knownOrg.rawValue
        let givenValue = TokenFlags.firstName.rawValue | capitalized
        // The same without the organization's word and the length, as `NERDocument.tag` looks for one.
        let givenNameMask = TokenFlags.firstName.rawValue | capitalized | TokenFlags.allCaps.rawValue
            | TokenFlags.commonLower.rawValue | TokenFlags.title.rawValue | TokenFlags.knownOrg.rawValue
        // A team's last word: capitalized, not all capitals, a title or a number, three scalars or more.
        let teamMask = capitalized | TokenFlags.allCaps.rawValue | TokenFlags.title.rawValue | TokenFlags.hasDigit.rawValue
        // Through the buffers: this reads every token of every sentence.
        tokens.withUnsafeBufferPointer { tokens in
        scalars.withUnsafeBufferPointer { s in
            let n = tokens.count
            // Most tokens are none of the kinds tested below (a lower-case word of no rule or
            // office): one test of their flags passes them over.
            let tested = punct | ruleWord | capitalized | title | TokenFlags.knownOrg.rawValue
            for k in 0..<n {
                let f = tokens[k].flags.rawValue
                if f & tested == 0 { continue }
                if f & punct != 0 {
                    guard tokens[k].length == 1 else { continue }
                    let c = s[tokens[k].start]
                    if NERText.isHyphen(c) {
                        on.insert(.hyphen)
                    } else if c == 40 {
                        on.insert(.bracket)
                    } else if NERDocument.isQuote(c) {
                        on.insert(.quote)
                    } else if c == 44, k >= 1 {
                        // An office word in lower case before the comma ("the minister, …").
                        if isLowerOffice(tokens[k - 1]) { on.insert(.appositive) }
                    }
                    continue
                }
                // An office of something: "Minister of Finance Name" (capitalized) or "the secretary general
                // of CEI …, Name Name," (lower case, a name set off after the organization).
                if f & title != 0, k + 1 < n, tokens[k + 1].lower == Self.ofHash {
                    on.insert(f & capitalized != 0 ? .officeOf : .appositive)
                }
                if f & title != 0, f & capitalized != 0, tokens[k].lower == Self.sheriffHash { on.insert(.sheriff) }
                if f & ruleWord != 0 {
                    let lower = tokens[k].lower
                    if Self.innerParticles.contains(lower) || Self.arabicPrefixHashes.contains(lower) { on.insert(.particle) }
                    if Self.nameSuffixHashes.contains(lower) { on.insert(.suffix) }
                    if Self.companySuffixHashes.contains(lower) || Self.clubPrefixHashes.contains(lower) { on.insert(.company) }
                    if Self.demonymHashes.contains(lower) {
                        on.insert(.nationality)
                        // "Louis the German": a nationality after "the" may be an epithet.
                        if k >= 1, tokens[k - 1].lower == Self.theHash { on.insert(.epithet) }
                    }
                    if lower == Self.houseHash { on.insert(.house) }
                    // "the Elder", capitalized after "the" ("a great deal" is none).
                    if f & capitalized != 0, k >= 1, tokens[k - 1].lower == Self.theHash, Self.epithetHashes.contains(lower) {
                        on.insert(.epithet)
                    }
                    if Self.nationalityNounHashes.contains(lower) { on.insert(.demonymNoun) }
                    if f & capitalized == 0, k >= 1, Self.spokespersonHashes.contains(lower) { on.insert(.spokesperson) }
                    if f & capitalized == 0, k + 1 < n, tokens[k + 1].flags.contains(.capitalized), Self.siteNounHashes.contains(lower) {
                        on.insert(.siteNoun)
                    }
                    if f & capitalized == 0, k >= 2, tokens[k - 1].lower == Self.theHash, tokens[k - 2].lower == Self.byHash,
                       Self.nameNounHashes.contains(lower) {
                        on.insert(.nameGoneBy)
                    }
                    if f & capitalized == 0, k >= 1, tokens[k - 1].flags.contains(.capitalized), Self.trailingOrganizationNounHashes.contains(lower) {
                        on.insert(.organizationNoun)
                    }
                    if f & capitalized == 0, k >= 2, tokens[k].start == tokens[k - 1].end, Self.domainHashes.contains(lower) {
                        on.insert(.domain)
                    }
                }
                // "a spinoff of 4chan": a known name that begins with a digit has no capital.
                if f & TokenFlags.knownOrg.rawValue != 0, f & TokenFlags.hasDigit.rawValue != 0 { on.insert(.knownOrg) }
                guard f & capitalized != 0 else { continue }
                if k + 1 < n, tokens[k + 1].flags.rawValue & (capitalized | punct) != 0, wellKnownFirst.contains(tokens[k].lower) {
                    on.insert(.wellKnown)
                }
                let length = tokens[k].length
                if f & givenMask == givenValue, length >= 2 { on.insert(.given) }
                if f & givenNameMask == givenValue { on.insert(.givenName) }
                if f & TokenFlags.knownOrg.rawValue != 0 { on.insert(.knownOrg) }
                guard k >= 1 else { continue }
                // `isCamelSurname` begins with "M", "L" or "D" and has five scalars or more.
                let first = s[tokens[k].start]
                // A Roman numeral: "In", "Iran" or "Vote" only begins like one.
                if length <= 5, first == 73 || first == 86 || first == 88, isRomanNumeral(tokens[k]) { on.insert(.regnal) }
                if length >= 5, first == 77 || first == 76 || first == 68, isCamelSurname(tokens[k]) { on.insert(.camel) }
                // ("United" ends a club's name, not "United States" or "United Nations".)
                if f & teamMask == capitalized, length >= 3,
                   isPlural(tokens[k]) || news.contains(tokens[k].lower)
                    || (tokens[k].lower == NERDocument.unitedHash && (k + 1 == n || !tokens[k + 1].flags.contains(.capitalized))),
                   isTeamWord(tokens[k]) {
                    on.insert(.cityTeam)
                }
            }
        }
        }
        return on
    }

    /// All of this file's tag rules, in order, each run only when `on` (the sentence's
    /// `nameRuleTriggers`) holds its starting word: running all eleven over every token was a
    /// tenth of the recognizer's time.
    func markNameParts(_ tags: inout [Int], _ si: Int, _ on: NameRuleTriggers) {
        let t = sentences[si].tokens
        guard t.count >= 2, !on.isEmpty else { return }
        if on.contains(.particle) { joinParticleSurnames(&tags, t) }
        if on.contains([.hyphen, .given]) { markHyphenatedFirstNames(&tags, t) }
        if on.contains(.cityTeam) {
            markCityTeams(&tags, t)
            markNewspapersWithThe(&tags, t)
            markTwoWordNewspapers(&tags, t)
        }
        if on.contains(.officeOf) { splitOfficeOfName(&tags, t) }
        if on.contains(.sheriff) { markSheriffsOffices(&tags, t) }
        if on.contains(.camel) { joinCamelSurnames(&tags, t) }
        if on.contains(.suffix) { joinNameSuffixes(&tags, t) }
        if on.contains(.company) {
            markCompanyNames(&tags, t)
            markClubNames(&tags, t)
        }
        if on.contains(.house) { markHouseOf(&tags, t) }
        if on.contains(.given) { joinGivenNameToMistypedSurname(&tags, t) }
        if on.contains([.nationality, .given]) { splitNationalityFromName(&tags, t) }
        if on.contains(.appositive) { markAppositiveNames(&tags, t) }
        if on.contains(.bracket) { markAcronymExpansions(&tags, t) }
    }

    /// "Luiz Inacio Lula | da | Silva", "Jaap | de | Hoop Scheffer", "Amer | Al-Enezi": a person's
    /// name, a lower-case name particle (or a capitalized Arabic prefix joined by a hyphen) and one
    /// or two capitalized words the tagger gave another kind are one person's name: a particle
    /// does not begin a place's or an organization's name after a person's.
    func joinParticleSurnames(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        var i = 1
        while i + 1 < t.count {
            defer { i += 1 }
            guard tags[i - 1] == bPER || tags[i - 1] == iPER, tags[i] != iPER, nextTo(t, i - 1) else { continue }
            let f = t[i].flags
            var j: Int
            if Self.innerParticles.contains(t[i].lower), !f.contains(.capitalized) {
                j = i + 1
                // "al-Maliki": the particle's hyphen.
                if j + 1 < t.count, isHyphen(t[j]), t[j].start == t[i].end, t[j + 1].start == t[j].end { j += 1 }
                else if !nextTo(t, i) { continue }
            } else if Self.arabicPrefixHashes.contains(t[i].lower), f.contains(.capitalized), i + 2 < t.count,
                      isHyphen(t[i + 1]), t[i + 1].start == t[i].end, t[i + 2].start == t[i + 1].end {
                j = i + 2
            } else {
                continue
            }
            // The words after the particle: capitalized, no organization's or office's words, and
            // the whole of whatever span the tagger made of them.
            var end = j
            while end < t.count, end - j < 2, isPlainNameWord(t[end]), end == j || nextTo(t, end - 1) { end += 1 }
            guard end > j else { continue }
            if end < t.count, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct) { continue }
            if end < t.count, let next = NERTag(rawValue: tags[end]), next.isInside { continue }
            if NERPlaces.contains(t[j..<end]) { continue }
            for k in i..<end { tags[k] = iPER }
            i = end - 1
        }
    }

    /// "Frank-Walter Steinmeier", "Jean-Pierre Raffarin": two known given names joined by a hyphen
    /// and followed by a capitalized word begin a person's name (the tagger, seeing an unknown
    /// hyphenated word, often tags only the part after the hyphen, or nothing).
    func markHyphenatedFirstNames(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        func given(_ k: Int) -> Bool {
            let f = t[k].flags
            return f.contains(.firstName) && isPlainNameWord(t[k])
        }
        func free(_ k: Int) -> Bool { tags[k] == 0 || tags[k] == bPER || tags[k] == iPER }
        var a = 0
        while a + 3 < t.count {
            defer { a += 1 }
            let h = a + 1, b = a + 2, c = a + 3
            guard given(a), isHyphen(t[h]), t[h].start == t[a].end, t[b].start == t[h].end, given(b),
                  nextTo(t, b), isPlainNameWord(t[c]), free(a), free(h), free(b), free(c) else { continue }
            // The start of a longer capitalized run is some other name's.
            if a > 0, t[a - 1].flags.contains(.capitalized), !t[a - 1].flags.contains(.title), tags[a] != bPER,
               !startsSentence(t, a - 1) { continue }
            var end = c + 1
            while end < t.count, tags[end] == iPER || (tags[end] == 0 && isPlainNameWord(t[end]) && end - c < 2 && nextTo(t, end - 1)) {
                end += 1
            }
            if end < t.count, tags[end] == bPER, nextTo(t, end - 1) { continue }
            tags[a] = bPER
            for k in h..<end { tags[k] = iPER }
            a = end - 1
        }
    }

    /// "Morgan Stanley said", "Real Madrid beat Barcelona": a well-known firm's or club's name of
    /// two to four words (`NERLexicon.wellKnownNames`), standing alone between words that are not
    /// capitalized, is that organization, whatever the tagger made of it (a person, a place, nothing).
    static func markWellKnownNames(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue
        let names = NERLexicon.wellKnownNameHashes, firstWords = NERLexicon.wellKnownFirstWordHashes
        var k = 0
        while k + 1 < t.count {
            defer { k += 1 }
            k = NERFlaggedTokens.first(t, TokenFlags.capitalized.rawValue, from: k)
            guard k + 1 < t.count, firstWords.contains(t[k].lower),
                  k == 0 || !t[k - 1].flags.contains(.capitalized) || t[k - 1].flags.contains(.isPunct)
            else { continue }
            var hash = nerCombine(NERPlaces.emptyHash, t[k].lower)
            var end = k + 1
            var match = -1
            while end < t.count, end - k < 5 {
                hash = nerCombine(hash, t[end].lower)
                end += 1
                if names.contains(hash) { match = end }
            }
            guard match > 0, match == t.count || !t[match].flags.contains(.capitalized) || t[match].flags.contains(.isPunct) else { continue }
            tags[k] = bORG
            for m in (k + 1)..<match { tags[m] = iORG }
            k = match - 1
        }
    }

    /// Tokens `from..<to` are one of `NERLexicon.wellKnownNames` (their first word looked up
    /// first: most spans begin none of them).
    func isWellKnownName(_ t: [NERToken], _ from: Int, _ to: Int) -> Bool {
        to - from >= 2 && to - from <= 5 && NERLexicon.wellKnownFirstWordHashes.contains(t[from].lower)
            && NERLexicon.wellKnownNameHashes.contains(NERPlaces.hash(t[from..<to]))
    }

    static let sheriffHash = NERText.hashLower("sheriff")
    static let countyHash = NERText.hashLower("county")
    static let sheriffsUnitHashes = NERHashSet(["office", "department"].map(NERText.hashLower))

    /// "Sheriff's office" or "Sheriff's Department" ending at token `end` (exclusive).
    func isSheriffsOffice(_ t: [NERToken], _ end: Int) -> Bool {
        end >= 3 && Self.sheriffsUnitHashes.contains(t[end - 1].lower) && isPossessive(t[end - 2])
            && t[end - 3].lower == Self.sheriffHash && t[end - 3].flags.contains(.capitalized)
    }

    /// "a detective for the Los Angeles Sheriff's office", "the LA County Sheriff's Department": a
    /// place (or its capitals), "County" if written, and "Sheriff's office" are one body, the
    /// office written in lower case or not (the tagger read "Angeles Sheriff" as a person).
    func markSheriffsOffices(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue
        for k in 1..<max(t.count - 2, 1) where t[k].lower == Self.sheriffHash && isSheriffsOffice(t, k + 3) {
            var placeEnd = k
            if t[k - 1].lower == Self.countyHash, t[k - 1].flags.contains(.capitalized) { placeEnd -= 1 }
            guard placeEnd >= 1 else { continue }
            var from = -1
            let letters = t[placeEnd - 1]
            if letters.flags.contains(.allCaps), letters.length >= 2, letters.length <= 3 { from = placeEnd - 1 }
            for start in stride(from: placeEnd - 1, through: max(0, placeEnd - 3), by: -1)
                where t[start].flags.contains(.capitalized) && NERPlaces.contains(t[start..<placeEnd]) {
                from = start
            }
            guard from >= 0 else { continue }
            tags[from] = bORG
            for m in (from + 1)..<(k + 3) { tags[m] = iORG }
        }
    }

    /// "Volunteer organization Comic Corps of Canada collects …": the tagger's name of two or more
    /// capitalized words for an organization, "of" and a known place it tagged as one, with nothing
    /// capitalized after, are one organization's name (the country is in the name, as in "Royal
    /// Society of Canada"), not a body and a place.
    static func joinOrganizationOfPlace(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue, bLOC = NERTag.bLOC.rawValue, iLOC = NERTag.iLOC.rawValue
        var k = 2
        while k + 1 < t.count {
            defer { k += 1 }
            // (The tagger may have tagged only "Corps": the capitalized word before it joins the name later.)
            guard tags[k + 1] == bLOC, t[k].lower == ofHash,
                  tags[k - 1] == iORG || (tags[k - 1] == bORG && t[k - 2].flags.contains(.capitalized)) else { continue }
            var end = k + 2
            while end < t.count, tags[end] == iLOC { end += 1 }
            guard end == t.count || !t[end].flags.contains(.capitalized), NERPlaces.contains(t[(k + 1)..<end]) else { continue }
            for m in k..<end { tags[m] = iORG }
            k = end - 1
        }
    }

    /// "the Houston Astros", "Los Angeles Lakers", "Texas Longhorns": a well-known place followed
    /// by one or two capitalized words, the last a plural, is a team or a company named after the
    /// place (the tagger took several for persons), and so is one ending in "United" ("Manchester
    /// United"); "Houston Chronicle", "Fort Worth
    /// Star-Telegram": the last a newspaper's word, a newspaper. The team's own word alone ("the Lakers") is
    /// found by the document-level passes from this full name.
    func markCityTeams(_ tags: inout [Int], _ t: [NERToken]) {
        // Run only where a team's last word (a plural or a newspaper's word after the first word)
        // is (`nameRuleTriggers`): elsewhere the place look-ups below find nothing to mark.
        let places = NERPlaces.hashes
        var a = 0
        while a + 1 < t.count {
            defer { a += 1 }
            guard t[a].flags.contains(.capitalized), !t[a].flags.contains(.isPunct) else { continue }
            // The longest place name (up to three words) starting here: the hashes of its one, two
            // and three words built one from the other, as `NERPlaces.contains` combines them.
            let most = min(3, t.count - 1 - a)
            let h1 = nerCombine(NERPlaces.emptyHash, t[a].lower)
            let h2 = most >= 2 ? nerCombine(h1, t[a + 1].lower) : 0
            let h3 = most >= 3 ? nerCombine(h2, t[a + 2].lower) : 0
            let placeEnd = most >= 3 && places.contains(h3) ? a + 3 : most >= 2 && places.contains(h2) ? a + 2
                : places.contains(h1) ? a + 1 : 0
            guard placeEnd > 0 else { continue }
            var end = placeEnd, words = 0
            while end < t.count, words < 2, nextTo(t, end - 1) {
                if isTeamWord(t[end]) {
                    end += 1
                    words += 1
                } else if end > placeEnd, end + 1 < t.count, isHyphen(t[end]), t[end].end == t[end + 1].start,
                          t[end].start == t[end - 1].end, isTeamWord(t[end + 1]) {
                    // "Star-Telegram", "Sun-Times".
                    end += 2
                } else {
                    break
                }
            }
            // "Manchester United" ends in no plural but is a club as well.
            guard end > placeEnd, isPlural(t[end - 1]) || Self.newspaperHashes.contains(t[end - 1].lower)
                || t[end - 1].lower == Self.unitedHash else { a = placeEnd - 1; continue }
            if end < t.count, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct) { a = end - 1; continue }
            // A word of a place, a thing or a nationality is not a team's.
            if (placeEnd..<end).contains(where: { k in
                isHyphen(t[k]) ? false :
                Self.placeHashes.contains(t[k].lower) || Self.thingHashes.contains(t[k].lower) || Self.notTeamHashes.contains(t[k].lower)
                    || Self.demonymHashes.contains(t[k].lower) || NERPlaces.contains(t[k...k])
            }) { a = end - 1; continue }
            // "Champion Texas Longhorns": a common word the tagger put before the place is not the team's.
            if a > 0, let before = NERTag(rawValue: tags[a - 1]), before != .o, t[a - 1].flags.contains(.commonLower),
               a - 1 == 0 || NERTag(rawValue: tags[a - 2])?.isInside != true {
                tags[a - 1] = 0
            }
            Self.tagName(&tags, a, end, type: 2)
            a = end - 1
        }
    }

    /// "Matthew Ingram of The Globe and Mail", "a column in The Independent": a capitalized "The"
    /// inside a sentence, then capitalized words ("and", "of" or "&" may join two) ending in a
    /// newspaper's word, is a newspaper's name, "The" and all (as the corpora annotate it); a
    /// tagged name that is those words without "The" takes it in.
    ///
    /// At a sentence's start the capital says nothing, so there only a paper's name ending in a
    /// masthead's word ("The Straits Times noted …", "The Washington Post reported …") takes its
    /// "The"; broadcasters' and dailies' "News" and "Daily" names seldom do ("The Deseret News
    /// observed …" is Deseret News).
    func markNewspapersWithThe(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue
        var k = 0
        while k + 1 < t.count {
            defer { k += 1 }
            guard t[k].lower == Self.theHash, t[k].flags.contains(.capitalized), tags[k] == 0 else { continue }
            let initial = startsSentence(t, k)
            if !initial {
                let before = t[k - 1].flags
                guard (before.contains(.hasLetter) && !before.contains(.capitalized)) || isCommaOrDash(t[k - 1]) else { continue }
            }
            var end = k + 1
            while end < t.count, end - k <= 5 {
                if isTeamWord(t[end]) {
                    end += 1
                } else if end > k + 1, end + 1 < t.count, Self.newspaperJoinerHashes.contains(t[end].lower) || isAmpersand(t[end]),
                          isTeamWord(t[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            guard end > k + 1, Self.newspaperHashes.contains(t[end - 1].lower), end - k <= 5,
                  !initial || !Self.newspaperHeadsWithoutTheHashes.contains(t[end - 1].lower) else { continue }
            // What the tagger made of the words must be nothing, or one organization's name that is exactly them.
            let untagged = (k + 1..<end).allSatisfy { tags[$0] == 0 }
            let taggedWhole = tags[k + 1] == bORG && (k + 2..<end).allSatisfy { tags[$0] == iORG }
                && (end == t.count || tags[end] != iORG)
            guard untagged || taggedWhole else { k = end - 1; continue }
            tags[k] = bORG
            for m in (k + 1)..<end { tags[m] = iORG }
            k = end - 1
        }
    }

    /// "Louis Post Dispatch called it …", "the Pittsburgh Post-Gazette", "the Chicago Sun-Times":
    /// two newspaper's words in a row, after one or two capitalized words (the town; "St." and
    /// all), end a newspaper's name, whatever the tagger made of them (it called "Louis Post
    /// Dispatch" a person). The town need not be a known place, as `markCityTeams` needs.
    func markTwoWordNewspapers(_ tags: inout [Int], _ t: [NERToken]) {
        func news(_ k: Int) -> Bool { isNewspaperWord(t[k]) }
        var e = 1
        while e < t.count {
            defer { e += 1 }
            guard news(e), e + 1 == t.count || !t[e + 1].flags.contains(.capitalized) || t[e + 1].flags.contains(.isPunct) else { continue }
            let first: Int
            if news(e - 1), nextTo(t, e - 1) {
                first = e - 1
            } else if e >= 2, isHyphen(t[e - 1]), t[e - 1].start == t[e - 2].end, t[e].start == t[e - 1].end, news(e - 2) {
                first = e - 2
            } else {
                continue
            }
            var from = first
            while from > 0, first - from < 2, nextTo(t, from - 1) {
                let f = t[from - 1].flags
                guard f.contains(.capitalized), !f.contains(.isPunct), t[from - 1].lower != Self.theHash,
                      !Self.newspaperHashes.contains(t[from - 1].lower) else { break }
                from -= 1
            }
            guard from < first else { continue }
            // "St. Louis": the abbreviation and its period are the town's.
            if from >= 2, t[from - 1].length == 1, scalars[t[from - 1].start] == 46, t[from - 1].start == t[from - 2].end,
               Self.saintHashes.contains(t[from - 2].lower), t[from - 2].flags.contains(.capitalized) {
                from -= 2
            }
            Self.tagName(&tags, from, e + 1, type: 2)
        }
    }

    /// A newspaper's word written as a name's: "Post", "Dispatch" (not "POST").
    func isNewspaperWord(_ token: NERToken) -> Bool {
        token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) && Self.newspaperHashes.contains(token.lower)
    }

    static let saintHashes = NERHashSet(["st", "ste", "ft", "mt"].map(NERText.hashLower))

    /// Newspapers' last words whose papers seldom put "The" in their names.
    static let newspaperHeadsWithoutTheHashes = NERHashSet(["news", "daily"].map(NERText.hashLower))

    static let newspaperJoinerHashes = NERHashSet(["and", "of", "on"].map(NERText.hashLower))

    func isCommaOrDash(_ token: NERToken) -> Bool {
        token.length == 1 && (scalars[token.start] == 44 || NERText.isHyphen(scalars[token.start]) || scalars[token.start] == 0x2014)
    }

    func isAmpersand(_ token: NERToken) -> Bool { token.length == 1 && scalars[token.start] == 38 }

    /// Tags tokens `from..<to` as one name of `type` (1 a person's, 2 an organization's); a name
    /// the tagger ran on past them begins anew after them.
    static func tagName(_ tags: inout [Int], _ from: Int, _ to: Int, type: Int) {
        tags[from] = NERTag.begin(type).rawValue
        for k in (from + 1)..<to { tags[k] = NERTag.inside(type).rawValue }
        if to < tags.count, let next = NERTag(rawValue: tags[to]), next.isInside { tags[to] = NERTag.begin(next.type).rawValue }
    }

    /// Last words of a newspaper's name after its city's ("Houston Chronicle", "Fort Worth
    /// Star-Telegram", "Nottingham Journal").
    static let newspaperHashes = NERHashSet(["chronicle", "herald", "tribune", "gazette", "times", "post", "journal",
        "star", "telegram", "statesman", "dispatch", "examiner", "inquirer", "observer", "courier", "globe", "sun",
        "bee", "register", "telegraph", "mail", "express", "sentinel", "courant", "enquirer", "independent",
        "daily", "news", "press", "mirror", "standard", "guardian", "record", "review", "citizen", "advertiser",
        "weekly",
    ].map(NERText.hashLower))

    /// Plurals after a place's name that name a region or an event, not a team ("Netherlands
    /// Antilles", "Beijing Games", "Scottish Highlands").
    static let notTeamHashes = NERHashSet(["games", "antilles", "highlands", "lowlands", "territories", "provinces",
        "states", "emirates", "isles", "keys", "plains", "talks", "elections", "olympics", "finals", "open"].map(NERText.hashLower))

    /// A capitalized word that can name a team: not a title, a date or a word never a name.
    @inline(__always)
    func isTeamWord(_ token: NERToken) -> Bool {
        let f = token.flags
        return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.title) && !f.contains(.hasDigit)
            && token.length >= 3 && !Self.neverHashes.contains(token.lower) && !Self.dateHashes.contains(token.lower)
    }

    /// Ends in "s" but not in "ss", "us" or "is" ("Astros", "Lakers"; not "Congress", "Campus").
    func isPlural(_ token: NERToken) -> Bool {
        guard token.length >= 4 else { return false }
        let last = scalars[token.end - 1], before = NERText.lowered(scalars[token.end - 2])
        return last == 115 && before != 115 && before != 117 && before != 105
    }

    /// Whether the span is a place's name and then one or two words, the last a plural: a team
    /// named after its city ("Houston Astros"), as `markCityTeams` marks them.
    func isCityTeam(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.to - s.from >= 2, isPlural(t[s.to - 1]) else { return false }
        for n in 1...min(3, s.to - s.from - 1) where s.to - s.from - n <= 2 && NERPlaces.contains(t[s.from..<(s.from + n)]) {
            return true
        }
        return false
    }

    /// "the Houston Astros … helped the Astros": a team's last word alone names the team, as a
    /// surname names a person; recorded as an alias so the short form is found and grouped.
    mutating func addTeamAliases(_ aliasOf: inout [Int: Int]) {
        for s in spans where kinds[s.id] == 2 && isCityTeam(s) {
            let t = sentences[s.sentence].tokens
            let last = t[s.to - 1]
            // Only a key some span or rule already has is made an organization's here.
            let known = keyID(last.start, last.end, insert: false)
            if known >= 0, aliasOf[known] != nil { continue }
            aliasOf[known >= 0 ? known : keyID(last.start, last.end)] = s.id
            if known >= 0 { kinds[known] = 2 }
        }
        syncKinds()
    }

    /// "U.S. Secretary of State Condoleezza Rice", "Minister of Foreign Affairs Sergei Lavrov": after
    /// an office title and "of", the common words naming the office's field end where a name
    /// that is no common word begins; that name is a person's, whatever span the tagger ran it
    /// into ("State Condoleezza Rice" as one organization). The office words keep their tags unless
    /// one word was run into the name.
    func splitOfficeOfName(_ tags: inout [Int], _ t: [NERToken]) {
        var k = 0
        while k + 3 < t.count {
            defer { k += 1 }
            guard t[k].flags.contains(.title), t[k].flags.contains(.capitalized), t[k + 1].lower == Self.ofHash else { continue }
            var j = k + 2
            // The office's field: capitalized common words, "and" between them.
            while j < t.count, j - k < 6 {
                let f = t[j].flags
                if f.contains(.capitalized), f.contains(.commonLower), !f.contains(.allCaps) {
                    j += 1
                } else if t[j].lower == Self.andHash, j > k + 2, j + 1 < t.count, t[j + 1].flags.contains(.capitalized) {
                    j += 1
                } else {
                    break
                }
            }
            guard j > k + 2, j < t.count, isPlainNameWord(t[j]), nextTo(t, j - 1) else { continue }
            var end = j + 1
            while end < t.count, end - j < 3, nextTo(t, end - 1) {
                let f = t[end].flags
                guard f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.orgHead), !f.contains(.title),
                      !f.contains(.knownOrg), !Self.dateHashes.contains(t[end].lower) else { break }
                end += 1
            }
            if end < t.count, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct),
               !Self.dateHashes.contains(t[end].lower) { continue }
            guard end - j >= 2, namesNoPlace(t, j, end) else { continue }
            // One office word the tagger ran into the name is no name on its own (as
            // `splitAtSeparators` drops "Education" of "Minister of Education Stefania Giannini").
            if j == k + 3, NERTag(rawValue: tags[j])?.isInside == true { tags[k + 2] = 0 }
            Self.tagName(&tags, j, end, type: 1)
            k = end - 1
        }
    }

    /// Tokens `from..<to` hold no place's name and no nationality (checked before spans exist).
    func namesNoPlace(_ t: [NERToken], _ from: Int, _ to: Int) -> Bool {
        !NERPlaces.contains(t[from..<to]) && !(from..<to).contains { k in
            Self.demonymHashes.contains(t[k].lower) || NERPlaces.contains(t[k...k])
        }
    }

    /// "McCain", "MacArthur", "LaBrocca", "DiCaprio": a surname of a prefix and a capitalized rest.
    func isCamelSurname(_ token: NERToken) -> Bool {
        guard token.length >= 5, token.flags.contains(.capitalized), !token.flags.contains(.allCaps),
              !token.flags.contains(.knownOrg) else { return false }
        let s = scalars
        let a = token.start
        func lower(_ v: UInt32) -> Bool { v >= 97 && v <= 122 }
        func upper(_ v: UInt32) -> Bool { v >= 65 && v <= 90 }
        // Mc + Capital, Mac + Capital; La, Le, De, Di, Du + Capital.
        let second = s[a + 1]
        if s[a] == 77, second == 99, upper(s[a + 2]) { return lower(s[a + 3]) }
        if s[a] == 77, second == 97, s[a + 2] == 99, upper(s[a + 3]) { return lower(s[a + 4]) }
        // A switch, not an array of pairs: this runs for most capitalized words of every sentence.
        switch (s[a], second) {
        case (76, 97), (76, 101), (68, 101), (68, 105), (68, 117):
            return upper(s[a + 2]) && lower(s[a + 3]) && lower(s[a + 4])
        default:
            return false
        }
    }

    /// "John McCain", "Dan McNeill", "Jesse LaBrocca": a known given name, then a surname of a
    /// prefix and a capitalized rest, is one person's name (the tagger, reading the inner capital
    /// as an acronym's or a brand's, cuts it or calls it an organization).
    func joinCamelSurnames(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        for k in 1..<t.count where tags[k] != iPER && isCamelSurname(t[k]) && nextTo(t, k - 1) {
            let g = t[k - 1]
            let startsHere = tags[k - 1] == 0 || NERTag(rawValue: tags[k - 1])?.isBegin == true
            if tags[k - 1] == bPER || tags[k - 1] == iPER {
                tags[k] = iPER
            } else if startsHere, g.flags.contains(.firstName), isPlainNameWord(g),
                      k < 2 || !t[k - 2].flags.contains(.capitalized) || t[k - 2].flags.contains(.title) || tags[k - 1] != 0 {
                tags[k - 1] = bPER
                tags[k] = iPER
            } else {
                continue
            }
            if k + 1 < t.count, let next = NERTag(rawValue: tags[k + 1]), next.isInside, next != .iPER {
                tags[k + 1] = NERTag.begin(next.type).rawValue
            }
        }
    }

    static let nameSuffixHashes = NERHashSet(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].map(NERText.hashLower))
    static let commaSuffixHashes = NERHashSet(["jr", "jr.", "sr", "sr."].map(NERText.hashLower))

    /// Tokens `from..<to` are a generational suffix ("Jr.", "Sr", "III"), or a comma and "Jr."/"Sr.".
    func isNameSuffix(_ t: [NERToken], _ from: Int, _ to: Int) -> Bool {
        guard from < to, from < t.count else { return false }
        var k = from
        if t[k].length == 1, scalars[t[k].start] == 44 {
            k += 1
            guard k < t.count, Self.commaSuffixHashes.contains(t[k].lower) else { return false }
        } else {
            guard Self.nameSuffixHashes.contains(t[k].lower), t[k].flags.contains(.capitalized) else { return false }
        }
        k += 1
        // "Jr" and its period as two tokens.
        if k < to, t[k].length == 1, scalars[t[k].start] == 46, t[k].start == t[k - 1].end { k += 1 }
        return k == to
    }

    /// "Martin Luther King Jr.", "Martin Luther King, Jr.", "Davis Love III": a generational suffix
    /// after a person's name belongs to it; a name the tagger called an organization that
    /// begins with a known given name and ends in such a suffix is a person's.
    func joinNameSuffixes(_ tags: inout [Int], _ t: [NERToken]) {
        var k = 1
        while k < t.count {
            defer { k += 1 }
            guard Self.nameSuffixHashes.contains(t[k].lower), t[k].flags.contains(.capitalized) else { continue }
            let comma = t[k - 1].length == 1 && scalars[t[k - 1].start] == 44
            if comma, !Self.commaSuffixHashes.contains(t[k].lower) { continue }
            let e = comma ? k - 2 : k - 1
            guard e >= 0, t[e].flags.contains(.capitalized), tags[e] != 0, comma || nextTo(t, e) else { continue }
            var b = e
            while b > 0, NERTag(rawValue: tags[b])?.isInside == true { b -= 1 }
            guard let begin = NERTag(rawValue: tags[b]), begin.isBegin, begin.type == 1 || begin.type == 2 else { continue }
            if begin.type == 2 {
                guard e > b, t[b].flags.contains(.firstName), isPlainNameWord(t[b]) else { continue }
            }
            var end = k + 1
            if end < t.count, t[end].length == 1, scalars[t[end].start] == 46, t[end].start == t[k].end { end += 1 }
            Self.tagName(&tags, b, end, type: 1)
            k = end - 1
        }
    }

    /// "Ban Ki-moon": the hyphen's left part a short capitalized syllable (up to three letters, no
    /// common word), its right part a short lower-case syllable (up to four letters), even when
    /// that is also an English word.
    func isSyllableGivenName(_ t: [NERToken], _ left: Int, _ right: Int) -> Bool {
        let l = t[left], r = t[right]
        return l.length >= 2 && l.length <= 3 && l.flags.contains(.capitalized) && !l.flags.contains(.allCaps)
            && !l.flags.contains(.commonLower) && r.length <= 4 && !r.flags.contains(.hasDigit)
            && !Self.compoundSuffixes.contains(r.lower)
    }

    /// "Indonesian President Susilo | Bambang Yudhoyono", "president, Susilo | Bambang Yudhoyono": a
    /// capitalized word no list knows, right before a person's name of two words or more the tagger
    /// began after it, and itself after an office title, a punctuation mark or a lower-case word,
    /// is the name's first word.
    func withNameWordBefore(_ span: Span) -> Span {
        let t = sentences[span.sentence].tokens
        // A name that begins with a known given name ("Washington | Chris Gregoire", "Scientologist |
        // Tom Cruise") begins where the tagger began it.
        guard span.type == 1, span.to - span.from >= 2, span.from >= 2, !t[span.from].flags.contains(.firstName),
              !(span.from..<span.to).contains(where: { t[$0].flags.contains(.isPunct) || NERPlaces.contains(t[$0...$0]) })
        else { return span }
        let k = span.from - 1
        let w = t[k]
        guard isPlainNameWord(w), !w.flags.contains(.firstName), !w.flags.contains(.lowerInDocument),
              t[span.from].start == w.end + 1, scalars[w.end] == 32, !Self.dateHashes.contains(w.lower),
              !Self.demonymHashes.contains(w.lower), !NERPlaces.contains(t[k...k]), !isInitial(span.sentence, k) else { return span }
        let p = t[k - 1].flags
        let opens = (p.contains(.title) && p.contains(.capitalized)) || p.contains(.isPunct)
            || (p.contains(.hasLetter) && !p.contains(.capitalized) && !p.contains(.uncased))
        guard opens else { return span }
        var s = span
        s.from = k
        return s
    }

    /// "Nouri al-Maliki's United Iraqi Alliance": a person's span holding a possessive, then
    /// capitalized words ending in an organization's head word, is the person and the organization.
    func splitPersonPossessive(_ span: Span) -> (Span, Span?)? {
        let t = sentences[span.sentence].tokens
        guard span.to - span.from >= 4, t[span.to - 1].flags.contains(.orgHead) else { return nil }
        for p in (span.from + 1)..<(span.to - 1) where isPossessive(t[p]) {
            guard t[p + 1].flags.contains(.capitalized) else { return nil }
            var head = span, tail = span
            head.to = p
            tail.from = p + 1
            tail.type = 2
            return (head, tail)
        }
        return nil
    }

    /// "Nouri al-Maliki's United Iraqi Alliance", "George Bush's Republican Party": an institution's
    /// name found from its head word that begins with the end of a person's name and its possessive
    /// is only what follows the possessive ("New People's Party", "Ethiopian People's Revolutionary
    /// Democratic Front" stay one name).
    func isPersonsOwnedName(_ owner: Span, _ owned: Span) -> Bool {
        let t = sentences[owner.sentence].tokens
        guard owned.to - owned.from >= 2, owner.to - owner.from == 1, owner.from > 0 else { return false }
        let o = t[owner.from]
        guard isPlainNameWord(o), !o.flags.contains(.firstName) || o.flags.contains(.surname) else { return false }
        let before = t[owner.from - 1]
        if isHyphen(before), before.end == o.start, owner.from >= 2, t[owner.from - 2].flags.contains(.particle) { return true }
        return before.flags.contains(.firstName) && isPlainNameWord(before) && nextTo(t, owner.from - 1)
    }

    /// Where a person's tagged span `from..<to` should end when it runs into an institution's
    /// name (`inOrg`) after a possessive: before the possessive; `to` otherwise.
    func personBeforeInstitution(_ si: Int, _ inOrg: [Bool], _ from: Int, _ to: Int) -> Int {
        guard let cut = (from..<to).first(where: { inOrg[$0] }), cut - from >= 2 else { return to }
        let p = sentences[si].tokens[cut - 1]
        return isPossessive(p) ? cut - 1 : to
    }

    static let secondHeadHashes = NERHashSet(["district", "board", "department", "division", "trust", "authority",
        "system", "corporation", "company", "group", "service", "office", "council"].map(NERText.hashLower))

    /// The end of an institution's name whose head is the word before `to`, when the word at `to`
    /// is still the name's; `to` otherwise:
    /// - a second head word: "Coronado Unified School District", "Police Department" (a district is
    ///   otherwise a place's word, and was cut off as one);
    /// - the sport after "League": "Major League Baseball", "Major League Soccer";
    /// - a newspaper's second word of its kind: "Louis Post Dispatch", "Pittsburgh Post-Gazette".
    func afterSecondHead(_ t: [NERToken], _ to: Int) -> Int {
        guard to < t.count else { return to }
        let head = t[to - 1], next = t[to]
        if next.flags.contains(.capitalized), !next.flags.contains(.allCaps), nextTo(t, to - 1),
           Self.secondHeadHashes.contains(next.lower)
            || (head.lower == Self.leagueHash && Self.sportHashes.contains(next.lower))
            || (isNewspaperWord(head) && isNewspaperWord(next)) {
            return to + 1
        }
        if isNewspaperWord(head), to + 1 < t.count, isHyphen(next), next.start == head.end, t[to + 1].start == next.end,
           isNewspaperWord(t[to + 1]) {
            return to + 2
        }
        return to
    }

    /// "William C. Cesaroni. Cesaroni Design": a period after a word longer than an initial,
    /// before a capitalized word, ends a sentence the splitter left whole; no name runs across it.
    func isNameBreak(_ t: [NERToken], _ k: Int, _ from: Int) -> Bool {
        guard t[k].length == 1, scalars[t[k].start] == 46, k > from, k + 1 < t.count else { return false }
        let before = t[k - 1]
        return before.length >= 2 && before.end == t[k].start && !before.flags.contains(.allCaps)
            && t[k + 1].flags.contains(.capitalized)
    }

    static let internationalHash = NERText.hashLower("international")

    /// Last words that only a firm's name ends in (unlike "Design" or "Miller"): "Cesaroni Design
    /// Associates", "Yum Brands".
    static let companySuffixHashes = NERHashSet(["associates", "brands", "consultants", "consulting", "bancorp",
        "holdings", "partners", "enterprises", "industries", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc",
        "plc", "gmbh", "co.", "pharmaceuticals", "laboratories", "outfitters", "architects", "solicitors",
        // "Amnesty International", "Transparency International", "Marriott International" (GMB: an
        // organization 47 times, a tournament 3, a place 2, and "Amnesty International" left out 15).
        "international"].map(NERText.hashLower))

    /// "Cesaroni Design Associates", "KFC parent Yum Brands": one to three capitalized words ending
    /// in a word only a firm's name ends in are an organization, whatever kind the tagger gave them.
    func markCompanyNames(_ tags: inout [Int], _ t: [NERToken]) {
        for e in 1..<t.count where t[e].flags.contains(.capitalized) && Self.companySuffixHashes.contains(t[e].lower) {
            // "Washington Dulles International | Airport": "International" ends a firm's name only
            // where no capitalized word goes on.
            if t[e].lower == Self.internationalHash, e + 1 < t.count, t[e + 1].flags.contains(.capitalized) { continue }
            var b = e
            while b > 0, e - b < 3, nextTo(t, b - 1), t[b - 1].flags.contains(.capitalized), !t[b - 1].flags.contains(.isPunct),
                  !t[b - 1].flags.contains(.title), !startsSentence(t, b - 1) || !t[b - 1].flags.contains(.commonLower) {
                b -= 1
            }
            guard b < e, b == 0 || !t[b - 1].flags.contains(.capitalized) || t[b - 1].flags.contains(.isPunct) else { continue }
            // A longer name the tagger found (an organization's with more words) is left to it.
            if let first = NERTag(rawValue: tags[b]), first.type == 2, first.isInside { continue }
            Self.tagName(&tags, b, e + 1, type: 2)
        }
    }

    /// "FC Basel", "FC Lausanne-Sport", "VfB Stuttgart": a club's prefix before capitalized words
    /// (up to three, or two joined by a hyphen) makes them one club's name; the tagger took the
    /// prefix for a name of its own and the town for a place.
    func markClubNames(_ tags: inout [Int], _ t: [NERToken]) {
        var b = 0
        while b + 1 < t.count {
            defer { b += 1 }
            guard Self.clubPrefixHashes.contains(t[b].lower), t[b].flags.contains(.capitalized), nextTo(t, b),
                  isTeamWord(t[b + 1]) || (t[b + 1].flags.contains(.capitalized) && !t[b + 1].flags.contains(.isPunct)
                                             && !t[b + 1].flags.contains(.allCaps) && t[b + 1].length >= 2),
                  b == 0 || !t[b - 1].flags.contains(.capitalized) || t[b - 1].flags.contains(.isPunct) else { continue }
            var e = b + 1
            while e + 1 < t.count, e - b < 3 {
                if nextTo(t, e), isTeamWord(t[e + 1]) {
                    e += 1
                } else if e + 2 < t.count, isHyphen(t[e + 1]), t[e + 1].start == t[e].end, t[e + 2].start == t[e + 1].end,
                          t[e + 2].flags.contains(.capitalized), !t[e + 2].flags.contains(.isPunct) {
                    e += 2
                } else {
                    break
                }
            }
            Self.tagName(&tags, b, e + 1, type: 2)
            b = e
        }
    }

    /// Prefixes of football and sports clubs' names, in capitals or as the clubs write them.
    static let clubPrefixHashes = NERHashSet(["fc", "afc", "cf", "sv", "tsv", "vfb", "vfl", "fk", "ifk", "nk", "sk"]
        .map(NERText.hashLower))

    /// "Cesaroni Design Associates … Cesaroni Design became …": keys of two words or more that
    /// begin a firm's name (one ending in a company word) of the same article name that firm, not
    /// a person. Returns their ids.
    func companyNameKeys() -> [Int] {
        var firms: [Span] = []
        for s in spans where s.to - s.from >= 2 && kinds[s.id] == 2 {
            let t = sentences[s.sentence].tokens
            if Self.companySuffixHashes.contains(t[s.to - 1].lower) { firms.append(s) }
        }
        guard !firms.isEmpty else { return [] }
        var out: [Int] = []
        for s in spans where s.to - s.from >= 2 && kinds[s.id] == 1 {
            let t = sentences[s.sentence].tokens
            let n = s.to - s.from
            let prefix = firms.contains { f in
                let ft = sentences[f.sentence].tokens
                return f.to - f.from > n && (0..<n).allSatisfy { ft[f.from + $0].lower == t[s.from + $0].lower }
            }
            if prefix { out.append(s.id) }
        }
        return out
    }

    /// Whether a person's last word may be looked for alone as the person ("Musk"): not a
    /// nationality ("All-American", "Irish-American"), a well-known place ("Chiang Mai -
    /// Bangkok") or a word never a name.
    func canStandAlone(_ t: [NERToken], _ k: Int) -> Bool {
        !Self.demonymHashes.contains(t[k].lower) && !NERPlaces.contains(t[k...k]) && !Self.neverHashes.contains(t[k].lower)
    }

    static let houseHash = NERText.hashLower("house")

    /// "the House of Commons", "House of Representatives", "House of Lords": "House of" and the
    /// capitalized words after it are one body's name (the tagger split "House" from "Commons").
    func markHouseOf(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue
        var k = 0
        while k + 2 < t.count {
            defer { k += 1 }
            guard t[k].lower == Self.houseHash, t[k].flags.contains(.capitalized), t[k + 1].lower == Self.ofHash else { continue }
            var end = k + 2
            while end < t.count, end - k < 5, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct),
                  !Self.dateHashes.contains(t[end].lower) { end += 1 }
            guard end > k + 2 else { continue }
            // Inside an organization's span the tagger began earlier ("U.S. House of …"): that span grows.
            if tags[k] != iORG || k == 0 { tags[k] = bORG }
            for m in (k + 1)..<end { tags[m] = iORG }
            if end < t.count, let next = NERTag(rawValue: tags[end]), next.isInside { tags[end] = NERTag.begin(next.type).rawValue }
            k = end - 1
        }
    }

    /// "Bruce Springsteen", "Fernando Zevallos" tagged as organizations: a known given name (not a
    /// common word) and one or two capitalized words no list knows (no surname list either, so
    /// the "Dwain Chambers" vote does not apply), none a common, organization's, office's or
    /// place's word, are most likely a person.
    func isGivenNameAndUnknownWord(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.type == 2, s.to - s.from >= 2, s.to - s.from <= 3, t[s.from].flags.contains(.firstName),
              isPlainNameWord(t[s.from]), !NERPlaces.contains(t[s.from...s.from]) else { return false }
        // "Houston Astros", "Orlando Sentinel": a team's or a newspaper's last word.
        let last = t[s.to - 1]
        if isPlural(last) || Self.newspaperHashes.contains(last.lower) || Self.polityHashes.contains(last.lower) { return false }
        for k in (s.from + 1)..<s.to {
            let f = t[k]
            guard isPlainNameWord(f), f.flags.rawValue & TokenFlags.lexiconMask == 0, !f.flags.contains(.lowerInDocument),
                  !Self.demonymHashes.contains(f.lower), !NERPlaces.contains(t[k...k]) else { return false }
        }
        return !NERPlaces.contains(t[s.from..<s.to])
    }

    /// A state's or a dynasty's last word ("Roman Empire", "Ming Dynasty").
    static let polityHashes = NERHashSet(["empire", "kingdom", "republic", "dynasty", "caliphate", "sultanate",
                                          "emirate", "principality", "duchy", "confederacy"].map(NERText.hashLower))

    static let functionWordSurnameHashes = NERHashSet(["or", "to", "so"].map(NERText.hashLower))

    /// "Commissioner Louis | Michel said": a person's span of one known given name, then one space and
    /// a capitalized word no list knows (not a place, date or nationality), ends with that word.
    func withNameWordAfter(_ span: Span) -> Span {
        let t = sentences[span.sentence].tokens
        guard span.type == 1, span.to - span.from == 1, span.to < t.count else { return span }
        let g = t[span.from], w = t[span.to]
        // "councillor Wilson Or was elected", "James To said": Cantonese family names spelled like
        // an English function word, which is never capitalized inside a sentence otherwise.
        let shortSurname = Self.functionWordSurnameHashes.contains(w.lower) && w.flags.contains(.capitalized)
            && !w.flags.contains(.allCaps) && span.to + 1 < t.count && !t[span.to + 1].flags.contains(.capitalized)
            && !t[span.to + 1].flags.contains(.isPunct)
        guard g.flags.contains(.firstName), isPlainNameWord(g), w.start == g.end + 1, scalars[g.end] == 32,
              shortSurname || (isPlainNameWord(w) && !w.flags.contains(.lowerInDocument)),
              !Self.dateHashes.contains(w.lower), !Self.demonymHashes.contains(w.lower),
              !NERPlaces.contains(t[span.to...span.to]) else { return span }
        // The word starts no longer capitalized run (another name).
        if span.to + 1 < t.count, t[span.to + 1].flags.contains(.capitalized), !t[span.to + 1].flags.contains(.isPunct) { return span }
        var s = span
        s.to += 1
        return s
    }

    /// "Senate Majority Leader Harry | Reid": a known given name the tagger left out, right before
    /// one word it tagged as an organization or a place (no known organization, place or word of
    /// one), after an office title, punctuation or a lower-case word, is one person's name with it.
    func joinGivenNameToMistypedSurname(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        var k = 1
        while k + 1 < t.count {
            defer { k += 1 }
            let g = t[k], w = t[k + 1]
            guard tags[k] == 0, g.flags.contains(.firstName), isPlainNameWord(g), let tag = NERTag(rawValue: tags[k + 1]),
                  tag.isBegin, tag.type != 1, k + 2 == t.count || NERTag(rawValue: tags[k + 2])?.isInside != true,
                  isPlainNameWord(w), !w.flags.contains(.firstName) || w.flags.contains(.surname), w.start == g.end + 1,
                  !NERPlaces.contains(t[(k + 1)...(k + 1)]), !Self.demonymHashes.contains(w.lower) else { continue }
            let p = t[k - 1].flags
            guard (p.contains(.title) && p.contains(.capitalized)) || p.contains(.isPunct)
                    || (p.contains(.hasLetter) && !p.contains(.capitalized)) else { continue }
            tags[k] = bPER
            tags[k + 1] = iPER
            k += 1
        }
    }

    /// "American Thomas Schelling and Israeli-American Robert Aumann" tagged as one organization: a
    /// nationality (or two joined by a hyphen) inside an organization's span, before a known given
    /// name and one or two more capitalized words, is no part of the name, and the name is a
    /// person's; "and" or a comma after it ends it.
    func splitNationalityFromName(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue, bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue
        var k = 0
        while k + 2 < t.count {
            defer { k += 1 }
            guard tags[k] == bORG || tags[k] == iORG, Self.demonymHashes.contains(t[k].lower) else { continue }
            var j = k + 1
            if j + 1 < t.count, isHyphen(t[j]), Self.demonymHashes.contains(t[j + 1].lower), tags[j + 1] == iORG { j += 2 }
            guard j < t.count, tags[j] == iORG, t[j].flags.contains(.firstName), isPlainNameWord(t[j]), nextTo(t, j - 1) else { continue }
            var end = j + 1
            while end < t.count, end - j < 3, tags[end] == iORG, isPlainNameWord(t[end]), nextTo(t, end - 1) { end += 1 }
            guard end - j >= 2, end == t.count || !t[end].flags.contains(.capitalized) || t[end].flags.contains(.isPunct) else { continue }
            // The organization's words before the nationality, if any, stay one span of their own.
            for m in k..<j { tags[m] = 0 }
            tags[j] = bPER
            for m in (j + 1)..<end { tags[m] = iPER }
            if end < t.count, tags[end] == iORG {
                let joiner = t[end].lower == Self.andHash || (t[end].length == 1 && scalars[t[end].start] == 44)
                if joiner {
                    tags[end] = 0
                    if end + 1 < t.count, tags[end + 1] == iORG { tags[end + 1] = bORG }
                } else {
                    tags[end] = bORG
                }
            }
            k = end - 1
        }
    }

    /// "CEI (Italian Episcopal Conference)", "the Organization of Petroleum Exporting Countries (OPEC)": a name and, in brackets
    /// right after it, its acronym, or an acronym and its name in brackets, are one organization
    /// named twice when the acronym's letters are the name's initials (in any order for a name of
    /// three words or more, as a translated name reorders them), and the name has an organization's
    /// word. A person's name, a place, a common noun's acronym ("GDP") or a thing ("Space
    /// Station") is left as it is.
    func markAcronymExpansions(_ tags: inout [Int], _ t: [NERToken]) {
        let bORG = NERTag.bORG.rawValue, iORG = NERTag.iORG.rawValue, bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        func isBracket(_ k: Int, _ v: UInt32) -> Bool { t[k].length == 1 && scalars[t[k].start] == v }
        func isAcronymWord(_ k: Int) -> Bool {
            let f = t[k].flags
            return f.contains(.allCaps) && t[k].length >= 2 && t[k].length <= 6 && !Self.neverHashes.contains(t[k].lower)
                && !NERPlaces.contains(t[k...k])
        }
        func letters(_ k: Int) -> [UInt32] { acronymLetters(t[k]) }
        func initials(_ from: Int, _ to: Int) -> [UInt32]? { nameInitials(t, from, to) }
        func matches(_ name: [UInt32], _ acronym: [UInt32]) -> Bool {
            name == acronym || (name.count >= 3 && name.sorted() == acronym.sorted())
        }
        func claimable(_ from: Int, _ to: Int) -> Bool {
            guard to - from >= 2, t[from].flags.contains(.capitalized) || t[from].flags.contains(.hasDigit) else { return false }
            for k in from..<to where tags[k] == bPER || tags[k] == iPER || Self.thingHashes.contains(t[k].lower)
                || Self.placeHashes.contains(t[k].lower) { return false }
            // An organization's word says what kind of thing the name is ("Antarctic Circumpolar
            // Current (ACC)" and "Computer Aided Design (CAD)" are none).
            return !NERPlaces.contains(t[from..<to])
                && (from..<to).contains { t[$0].flags.contains(.orgHead) || Self.institutionHeadHashes.contains(t[$0].lower) }
        }
        var k = 1
        while k + 2 < t.count {
            defer { k += 1 }
            guard isBracket(k, 40) else { continue }
            var close = k + 1
            while close < t.count, close - k <= 8, !isBracket(close, 41) { close += 1 }
            guard close < t.count, close - k <= 8, close > k + 1 else { continue }
            if close == k + 2, isAcronymWord(k + 1), t[k - 1].end + 1 == t[k].start || t[k - 1].end == t[k].start {
                // Name (ACR): the longest run of words before the bracket whose initials match.
                let acronym = letters(k + 1)
                var from = k - 1
                while from > 0, k - from < acronym.count + 3, !t[from - 1].flags.contains(.isPunct) { from -= 1 }
                for start in from..<(k - 1) where t[start].flags.contains(.capitalized) || t[start].flags.contains(.hasDigit) {
                    guard let name = initials(start, k), matches(name, acronym), claimable(start, k),
                          start == 0 || !t[start - 1].flags.contains(.capitalized) || startsSentence(t, start - 1) else { continue }
                    Self.tagName(&tags, start, k, type: 2)
                    tags[k + 1] = bORG
                    break
                }
            } else if k >= 1, isAcronymWord(k - 1), tags[k - 1] != bPER, let name = initials(k + 1, close),
                      matches(name, letters(k - 1)), claimable(k + 1, close) {
                // ACR (Name).
                Self.tagName(&tags, k + 1, close, type: 2)
                if tags[k - 1] != iORG { tags[k - 1] = bORG }
            }
            k = close
        }
    }

    /// An acronym's letters and digits, without its dots.
    func acronymLetters(_ token: NERToken) -> [UInt32] {
        var out: [UInt32] = []
        for i in token.start..<token.end where scalars[i] != 46 { out.append(scalars[i]) }
        return out
    }

    /// The initials of the capitalized words and numbers of tokens `from..<to`; lower-case
    /// connectors ("of", "and") are skipped, any other word or punctuation gives nil.
    func nameInitials(_ t: [NERToken], _ from: Int, _ to: Int) -> [UInt32]? {
        var out: [UInt32] = []
        for k in from..<to {
            let f = t[k].flags
            if f.contains(.capitalized) || (f.contains(.hasDigit) && !f.contains(.isPunct)) {
                out.append(scalars[t[k].start])
            } else if f.contains(.isPunct) || !Self.innerConnectorHashes.contains(t[k].lower) {
                return nil
            }
        }
        return out
    }

    func isLowerOffice(_ token: NERToken) -> Bool {
        token.flags.contains(.title) && !token.flags.contains(.capitalized) && token.flags.contains(.hasLetter)
    }

    /// "The secretary general of CEI (Italian Episcopal Conference), | Nunzio Galantino, …": an
    /// office word, "of", an organization's capitalized words and perhaps its bracketed other name
    /// end right before the comma.
    func isOfficeOfOrganization(_ t: [NERToken], before comma: Int) -> Bool {
        var k = comma - 1
        if k > 0, t[k].length == 1, scalars[t[k].start] == 41 {
            let close = k
            while k > 0, close - k <= 8, !(t[k].length == 1 && scalars[t[k].start] == 40) { k -= 1 }
            guard k > 0, close - k <= 8, close - k > 1 else { return false }
            k -= 1
        }
        let last = k
        while k > 0, last - k < 6, t[k].flags.contains(.capitalized) { k -= 1 }
        if k < last, t[k].lower == Self.theHash { k -= 1 }
        return k < last && k >= 1 && t[k].lower == Self.ofHash && isLowerOffice(t[k - 1])
    }

    /// "Romania's agriculture minister, Gheorghe Flutur, said…", "the group's spokesman, Abu
    /// Obeida, said": two or three capitalized words no list calls common, set off by commas right
    /// after a lower-case office word, are the office holder's name.
    func markAppositiveNames(_ tags: inout [Int], _ t: [NERToken]) {
        let bPER = NERTag.bPER.rawValue, iPER = NERTag.iPER.rawValue
        var k = 2
        while k + 2 < t.count {
            defer { k += 1 }
            let comma = t[k - 1]
            guard comma.length == 1, scalars[comma.start] == 44, isPlainNameWord(t[k]),
                  isLowerOffice(t[k - 2]) || isOfficeOfOrganization(t, before: k - 1) else { continue }
            var end = k + 1
            while end < t.count, end - k < 4, isPlainNameWord(t[end]), nextTo(t, end - 1) { end += 1 }
            // "its leader, Aung San Suu Kyi and other political prisoners": a comma, a period or "and" ends it.
            guard end - k >= 2, end < t.count,
                  t[end].length == 1 && (scalars[t[end].start] == 44 || scalars[t[end].start] == 46) || t[end].lower == Self.andHash,
                  namesNoPlace(t, k, end), tags[k] != iPER else { continue }
            if (k..<end).allSatisfy({ tags[$0] == (($0 == k) ? bPER : iPER) }) { k = end; continue }
            tags[k] = bPER
            for m in (k + 1)..<end { tags[m] = iPER }
            k = end
        }
    }
}
