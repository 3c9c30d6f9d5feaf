import Foundation

/// Span rules for organizations that news names in ways the tagger and the general span rules get
/// wrong. Each looks only at a span already found and the words next to it, so none of them adds
/// a pass over the sentence's tokens.
extension NERDocument {
    /// Buildings that stand for a government by metonymy and are listed among the places
    /// (`NERPlaces`): "the White House", "Downing Street".
    static let seatOfGovernmentHashes = NERHashSet(["White House", "Downing Street", "Elysee Palace", "Élysée Palace",
                                                    "Blue House"].map(NERPlaces.hash(ofPhrase:)))

    /// Words after a seat of government that make it the government acting or speaking ("the White
    /// House said", "a White House spokesman", "White House officials"), not the building one goes to.
    static let seatActionHashes: NERHashSet = {
        var words = speechVerbs
        for w in ["announced", "rejected", "welcomed", "warned", "denied", "dismissed", "confirmed", "urged",
                  "condemned", "criticized", "responded", "declined", "wants", "intends", "has", "will", "does",
                  "spokesman", "spokeswoman", "spokesperson", "statement", "official", "officials", "staff",
                  "aide", "aides", "adviser", "advisers", "advisor", "counsel", "press", "announcement", "report",
                  "source", "sources"] {
            words.insert(NERText.hashLower(w))
        }
        return words
    }()

    /// "The White House says…", "a White House spokesman": a seat of government followed by a
    /// verb of speaking or acting, or by a word for its staff or its statements, is the
    /// government, an organization (GMB tags it so in 272 of 276 cases); named as where
    /// something happens ("invited to the White House") it stays a place.
    func isActingSeatOfGovernment(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        // The word after first: most places are followed by none of those words.
        guard s.to < t.count, s.to - s.from <= 3, Self.seatActionHashes.contains(t[s.to].lower) else { return false }
        return Self.seatOfGovernmentHashes.contains(NERPlaces.hash(t[s.from..<s.to]))
    }
}

extension NERDocument {
    /// Lower-case nouns for a kind of organization that news puts right before its name, as an
    /// apposition: "the band Sigur Rós", "relief agency Tearfund", "oil firm Yukos". Nouns that
    /// also stand before a person's name ("manufacturer", "publisher", "duo") are left out.
    static let organizationNounHashes = NERHashSet(["band", "company", "firm", "agency", "label", "newspaper",
        "magazine", "airline", "network", "broadcaster", "bank", "retailer", "charity", "organization",
        "organisation", "conglomerate", "automaker", "carmaker", "insurer", "lender", "startup", "quartet",
        "orchestra", "team"].map(NERText.hashLower))

    /// The organization rules of one sentence, run after the person rules once its spans are
    /// appended (`sentenceStart..<spans.count`).
    mutating func applyOrganizationRules(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        guard sentenceStart < spans.count else { return }
        // The sentence's tokens once: both rules read only the words right around each span.
        let t = sentences[si].tokens
        var x = sentenceStart
        // The end of the last span named after a plural noun for organizations ("the schools Santo
        // Spirito and Immacolata"): a span listed right after it is one more of them.
        var listEnd = -1
        // The end of the last span named after a singular noun for organizations ("US team Cloud9
        // and Immortals"): one word listed right after it that is no one's name is one more.
        var namedEnd = -1
        while x < spans.count {
            let from = spans[x].from, to = spans[x].to
            let named = from > 0 && isOrganizationNoun(t[from - 1])
            if spans[x].type != 2, named { spans[x].type = 2 }
            if from > 0, !t[from - 1].flags.contains(.capitalized), Self.pluralOrganizationNounHashes.contains(t[from - 1].lower) {
                cue(x, 2)
                listEnd = to
            } else if listEnd >= 0, isListedAfter(t, listEnd, from) {
                cue(x, 2)
                listEnd = to
            } else {
                listEnd = -1
            }
            if named {
                namedEnd = to
            } else if namedEnd >= 0, to - from == 1, isListedAfter(t, namedEnd, from), isNoOnesWord(t, from),
                      to == t.count || !t[to].flags.contains(.capitalized) {
                cue(x, 2)
                namedEnd = -1
            } else {
                namedEnd = -1
            }
            if from > 0, isArtistBeforeName(t, from, to) { cue(x, 1) }
            if spans[x].type == 1, to - from >= 2, to + 1 < t.count, t[to].lower == Self.ofHash {
                if !covered[to + 1] {
                    markAffiliation(si, to + 1, &covered)
                } else if let y = (x + 1..<spans.count).first(where: { spans[$0].from == to + 1 }), spans[y].type == 3,
                          isAffiliationName(t, to + 1, spans[y].to) {
                    // "musician Nick Rhodes of Duran Duran": the tagger's place, when no list knows it
                    // as one, is the body the person belongs to.
                    cue(y, 2)
                }
            }
            if spans[x].type == 1, to - from >= 2, from >= 2, isPossessive(t[from - 1]) {
                if !covered[from - 2] {
                    markOwnerOfPerson(si, from - 2, &covered)
                } else if x > sentenceStart, spans[x - 1].to == from - 1, spans[x - 1].from == from - 2,
                          spans[x - 1].type == 3, isOwnerOfPerson(t, from - 2) {
                    // The tagger's place for the owner ("Youngspiration") gives way; its person
                    // ("Putin's Dmitry Peskov") stays.
                    cue(x - 1, 2)
                }
            }
            if to + 3 < t.count, t[to].length == 1, t[to].flags.contains(.isPunct), isAppositiveOrganization(t, to) {
                cue(x, 2)
            }
            if spans[x].type == 2, spans[x].tagged, from > 0, !covered[from - 1] { extendOverCapitalizedWords(si, x, &covered) }
            if spans[x].type == 2, to < t.count, t[to].length == 1 && t[to].flags.contains(.isPunct)
                || (to + 1 < t.count && t[to + 1].length == 1 && t[to].flags.contains(.capitalized) && !covered[to]) {
                joinAmpersandTail(x, sentenceStart, &covered)
            }
            x += 1
        }
    }

    /// Nouns for a kind of organization that an apposition names after a comma: "Instituto Gonzaga,
    /// a catholic school in Milan", "Cerberus Capital Management, a private equity firm".
    static let appositiveOrganizationHashes: NERHashSet = {
        var words = organizationNounHashes
        for w in ["school", "university", "college", "group", "party", "club", "team", "maker", "manufacturer",
                  "publisher", "nonprofit", "non-profit", "foundation", "institute", "association", "union", "league",
                  "brewery", "studio", "studios", "chain", "supplier", "outlet", "carrier", "utility", "insurer",
                  "broadcaster", "daily", "weekly", "tabloid"] {
            words.insert(NERText.hashLower(w))
        }
        return words
    }()
    static let appositiveStopHashes = NERHashSet(["a", "an", "the", "of", "for", "to", "in", "at", "on", "by", "with",
        "from", "who", "and", "or", "as", "his", "her", "their", "its"].map(NERText.hashLower))

    /// After the comma at `comma`: "a", "an" or "the", at most three lower-case words (no preposition,
    /// article or pronoun: "a spokesman for the group" names a person's job), then a noun for a
    /// kind of organization ending the phrase.
    func isAppositiveOrganization(_ t: [NERToken], _ comma: Int) -> Bool {
        guard scalars[t[comma].start] == 44, Self.articleHashes.contains(t[comma + 1].lower) else { return false }
        var k = comma + 2
        while k < t.count, k <= comma + 5 {
            let f = t[k].flags
            if f.contains(.capitalized) || f.contains(.isPunct) || Self.appositiveStopHashes.contains(t[k].lower) { return false }
            if Self.appositiveOrganizationHashes.contains(t[k].lower) {
                // The noun ends the phrase: "a school in Milan", "a firm that…", "a group." — not "a group leader".
                return k + 1 == t.count || t[k + 1].flags.contains(.isPunct) || !t[k + 1].flags.contains(.hasLetter)
                    || Self.appositiveStopHashes.contains(t[k + 1].lower) || Self.appositiveEndHashes.contains(t[k + 1].lower)
            }
            k += 1
        }
        return false
    }
    static let appositiveEndHashes = NERHashSet(["that", "which", "whose", "based", "owned", "founded", "known",
                                                 "headquartered", "run", "led"].map(NERText.hashLower))

    static let domainHashes = NERHashSet(["com", "org", "net", "co", "io", "info", "biz", "tv", "fm"].map(NERText.hashLower))

    /// Tokens `dot` and `dot + 1` are a web domain's ending glued to the word before: ".com" in
    /// "Gawker.com" (and nothing glued after it, which would make it a longer address).
    func isDomainSuffix(_ t: [NERToken], _ dot: Int) -> Bool {
        let d = t[dot], tld = t[dot + 1]
        guard d.length == 1, scalars[d.start] == 46, d.start == t[dot - 1].end, tld.start == d.end,
              !tld.flags.contains(.capitalized), Self.domainHashes.contains(tld.lower) else { return false }
        return dot + 2 == t.count || t[dot + 2].start > tld.end || t[dot + 2].flags.contains(.isPunct)
    }

    /// "Gawker.com", "Amazon.com": a name with its web domain is a company's name. Run on a
    /// sentence's spans once every rule has added its own; the tagger may have taken the dot in
    /// ("Gawker .") or not.
    mutating func extendWithDomains(_ si: Int, _ sentenceStart: Int) {
        let t = sentences[si].tokens
        for x in sentenceStart..<spans.count {
            let from = spans[x].from, to = spans[x].to
            let dot = to - from >= 2 && t[to - 1].length == 1 && scalars[t[to - 1].start] == 46 ? to - 1 : to
            guard dot + 1 < t.count, dot > from, isDomainSuffix(t, dot) else { continue }
            var span = spans[x]
            span.to = dot + 2
            setKey(&span)
            spans[x] = span
            cue(x, 2)
        }
    }

    /// Span `x` is of `kind` by its context, here and in the document-wide vote.
    /// "musician Nick Rhodes of Duran Duran", "disco club owner Steve Rubell of Studio 54": the
    /// capitalized words right after "of" after a person's full name, which no tag or rule claimed,
    /// name what the person belongs to: an organization, unless they are a place, a nationality
    /// or a date.
    mutating func markAffiliation(_ si: Int, _ k: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        let f = t[k].flags
        guard f.contains(.capitalized), !f.contains(.isPunct), !f.contains(.title), t[k].length >= 2 else { return }
        var end = k + 1
        while end < t.count, end - k < 4, !covered[end], Self.nextTo(t, end - 1, scalars), !t[end].flags.contains(.isPunct),
              t[end].flags.contains(.capitalized) || t[end].flags.contains(.hasDigit) {
            end += 1
        }
        // A longer name goes on, or a part of one was claimed: not for this rule.
        guard end == t.count || covered[end] == false, end == t.count || !t[end].flags.contains(.capitalized)
                || t[end].flags.contains(.isPunct) else { return }
        guard isAffiliationName(t, k, end) else { return }
        var span = Span(sentence: si, from: k, to: end, type: 2, tagged: true)
        span.cued = true
        setKey(&span)
        if isNotName(span) { return }
        spans.append(span)
        for j in k..<end { covered[j] = true }
    }

    /// Tokens `k..<end` after "Name of" can name a body: no place, nationality, date or word no
    /// name has, and not one common word ("of Health", "of Defense" name an office's field).
    func isAffiliationName(_ t: [NERToken], _ k: Int, _ end: Int) -> Bool {
        if NERPlaces.contains(t[k..<end]) { return false }
        for j in k..<end {
            let w = t[j]
            if NERPlaces.contains(t[j...j]) || Self.demonymHashes.contains(w.lower) || Self.dateHashes.contains(w.lower)
                || Self.placeHashes.contains(w.lower) || Self.neverHashes.contains(w.lower) { return false }
        }
        let f = t[k].flags
        return !(end - k == 1 && (f.contains(.commonLower) || lowerInDocument.contains(t[k].lower) || f.contains(.firstName)))
    }

    /// "Youngspiration's Yau Wai-ching", "VOA's Jane Smith": one capitalized word that no tag, rule
    /// or name list claimed, owning a person's full name, is the body the person speaks for; a
    /// place ("Pakistan's Pervez Musharraf") is claimed by the place list.
    mutating func markOwnerOfPerson(_ si: Int, _ k: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        guard isOwnerOfPerson(t, k), k == 0 || !t[k - 1].flags.contains(.capitalized) || isInitial(si, k - 1) else { return }
        var span = Span(sentence: si, from: k, to: k + 1, type: 2, tagged: true)
        span.cued = true
        setKey(&span)
        if isNotName(span) { return }
        spans.append(span)
        covered[k] = true
    }

    /// Token `k` (before "'s" and a person's name) can be a body: capitalized, in no name list or
    /// place list, and not a word the article also writes in lower case. GMB labels such an owner
    /// an organization 146 times, a place 119 times (nearly all of them countries, which the
    /// place list holds) and a person twice.
    func isOwnerOfPerson(_ t: [NERToken], _ k: Int) -> Bool {
        let f = t[k].flags
        let known = TokenFlags.firstName.rawValue | TokenFlags.surname.rawValue | TokenFlags.commonLower.rawValue
            | TokenFlags.title.rawValue | TokenFlags.isPunct.rawValue
        return f.contains(.capitalized) && f.rawValue & known == 0 && t[k].length >= 3 && Self.nextTo(t, k, scalars)
            && !NERPlaces.contains(t[k...k]) && !Self.demonymHashes.contains(t[k].lower) && !Self.neverHashes.contains(t[k].lower)
            && !lowerInDocument.contains(t[k].lower)
    }

    mutating func cue(_ x: Int, _ kind: Int) {
        spans[x].type = kind
        spans[x].cued = true
    }

    /// Plural nouns for kinds of organization before the names of some of them: "the religious
    /// schools Santo Spirito and Immacolata", "the banks HSBC and Barclays".
    static let pluralOrganizationNounHashes = NERHashSet(["schools", "companies", "firms", "bands", "banks", "newspapers",
        "magazines", "airlines", "agencies", "charities", "universities", "colleges", "parties", "clubs", "broadcasters",
        "retailers", "carmakers", "automakers", "insurers", "lenders", "startups", "labels", "networks", "organizations",
        "organisations"].map(NERText.hashLower))
    static let listJoinHashes = NERHashSet([",", "and", "or"].map(NERText.hashLower))

    /// A plain name word (`isPlainNameWord`) that is no known given name or surname either:
    /// "Immortals" (an esports team), not "Cook" or "Apple".
    func isNoOnesWord(_ t: [NERToken], _ k: Int) -> Bool {
        isPlainNameWord(t, k) && !t[k].flags.contains(.firstName) && !t[k].flags.contains(.surname)
    }

    /// The span starting at `from` is the next item of a list whose previous item ended at `end`:
    /// "X and Y", "X, Y", "X, and Y".
    func isListedAfter(_ t: [NERToken], _ end: Int, _ from: Int) -> Bool {
        guard from > end, from - end <= 2 else { return false }
        for k in end..<from where !Self.listJoinHashes.contains(t[k].lower) { return false }
        return true
    }

    /// Lower-case nouns for an artist or a performer that news puts right before a person's name:
    /// "fashion designer Halston", "photographer Helmut Newton". Nouns that also stand before a
    /// firm's or a label's name ("publisher", "manufacturer", "producer") are left out.
    static let artistNounHashes = NERHashSet(["designer", "photographer", "photographers", "musician", "musicians",
        "painter", "sculptor", "novelist", "poet", "composer", "songwriter", "singer-songwriter", "rapper",
        "comedian", "playwright", "filmmaker", "screenwriter", "guitarist", "drummer", "pianist", "violinist",
        "cellist", "saxophonist", "bassist", "dancer", "choreographer", "cartoonist", "illustrator",
        // An owner named right after the word is a person too: "the restaurant owner László hires …".
        "owner"].map(NERText.hashLower))

    /// "fashion designer Halston", "photographers Nat Finkelstein": one to three capitalized words
    /// right after a lower-case noun for an artist name a person, whatever the tagger made of them,
    /// unless a word of them belongs to an organization's name or the words are a known place.
    func isArtistBeforeName(_ t: [NERToken], _ from: Int, _ to: Int) -> Bool {
        let p = t[from - 1]
        guard to - from <= 3, !p.flags.contains(.capitalized), Self.artistNounHashes.contains(p.lower) else { return false }
        for k in from..<to where t[k].flags.contains(.orgHead) || t[k].flags.contains(.knownOrg) { return false }
        return !NERPlaces.contains(t[from..<to])
    }

    static let spokespersonHashes = NERHashSet(["spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
                                                "spokespeople", "spokespersons"].map(NERText.hashLower))

    /// "Environment Canada spokesperson Julie Hahn", "A Harley-Davidson spokeswoman said": the
    /// capitalized words right before a lower-case "spokesman" are the body it speaks for (GMB
    /// tags them so 289 times; its 245 "O"s are "A", "The" and common words such as "Military").
    /// A person's name there ("Obama spokesman") stays a person, a nationality ("Iranian") or a
    /// known place alone stays what it is, and a span the tagger took for an unknown place becomes
    /// the organization.
    mutating func markSpokespeopleOrganizations(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        for k in 1..<max(t.count, 1) {
            guard !t[k].flags.contains(.capitalized), Self.spokespersonHashes.contains(t[k].lower),
                  t[k - 1].flags.contains(.capitalized), !t[k - 1].flags.contains(.isPunct) else { continue }
            if covered[k - 1] {
                // "Wikinews spokesperson": a span the tagger made a place, not a known one, is the body.
                if let x = (sentenceStart..<spans.count).first(where: { spans[$0].to == k && spans[$0].from < k }),
                   spans[x].type == 3, !NERPlaces.contains(t[spans[x].from..<k]), !isDemonymWord(t[spans[x].from]) {
                    cue(x, 2)
                }
                continue
            }
            // The capitalized run before it, through hyphens that join its words ("Harley-Davidson").
            var from = k - 1
            while from > 0 {
                let p = t[from - 1]
                if p.flags.contains(.capitalized), !p.flags.contains(.isPunct), !covered[from - 1] { from -= 1; continue }
                if from >= 2, isHyphen(p), p.start == t[from - 2].end, t[from].start == p.end,
                   t[from - 2].flags.contains(.capitalized), !covered[from - 2] {
                    from -= 2
                    continue
                }
                break
            }
            // "A Harley-Davidson spokeswoman": the tagger's one-word name before a hyphen joined to the
            // run is the compound's first word, and the whole is the body.
            if from >= 2, isHyphen(t[from - 1]), t[from - 1].start == t[from - 2].end, t[from].start == t[from - 1].end,
               covered[from - 2], t[from - 2].flags.contains(.capitalized),
               let x = (sentenceStart..<spans.count).first(where: { spans[$0].from == from - 2 && spans[$0].to == from - 1 }) {
                var span = spans[x]
                span.to = k
                span.type = 2
                span.cued = true
                setKey(&span)
                if isNotName(span) { continue }
                spans[x] = span
                for j in from..<k { covered[j] = true }
                continue
            }
            // "Harley - Davidson": a spaced dash may join or part the words, so neither is taken.
            if from > 0, isHyphen(t[from - 1]) { continue }
            // "The Pentagon spokesman": an article is no name's first word.
            while from < k - 1, Self.articleHashes.contains(t[from].lower) { from += 1 }
            let words = (from..<k).filter { !isHyphen(t[$0]) }
            let weak = TokenFlags.commonLower.rawValue | TokenFlags.title.rawValue
            if words.allSatisfy({ t[$0].flags.rawValue & weak != 0 || isDemonymWord(t[$0]) }) { continue }
            if NERPlaces.contains(t[from..<k]) || Self.neverHashes.contains(t[from].lower) { continue }
            var span = Span(sentence: si, from: from, to: k, type: 2, tagged: true, cued: true)
            setKey(&span)
            if isNotName(span) { continue }
            spans.append(span)
            for j in from..<k { covered[j] = true }
        }
    }

    /// "the Icelandic band Sigur Rós released…", "British relief agency Tearfund said…": a name
    /// right after a lower-case noun for a kind of organization is that organization's name,
    /// whatever the tagger or the person rules made of it.
    @inline(__always)
    func isOrganizationNoun(_ p: NERToken) -> Bool {
        !p.flags.contains(.capitalized) && Self.organizationNounHashes.contains(p.lower)
    }

    /// "Social Science | & Medicine", "Evergreen Aviation | & Space Museum": an organization's
    /// name followed by "&" and capitalized words goes on through them: "&" between capitalized
    /// words joins one name ("Procter & Gamble"), where "and" may join two (held out: GMB's "Artist &
    /// Repertoire"; wikinews: "Social Science & Medicine"). A span the tagger
    /// began on the words after "&" is taken in; one of another kind stops the rule.
    mutating func joinAmpersandTail(_ x: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[spans[x].sentence].tokens
        // "Social | Science & Medicine": one plain capitalized word the tagger left between the
        // name and "&" is the name's as well.
        var amp = spans[x].to
        if amp + 1 < t.count, !covered[amp], t[amp].flags.contains(.capitalized), !t[amp].flags.contains(.allCaps),
           !t[amp].flags.contains(.isPunct), !Self.dateHashes.contains(t[amp].lower) {
            amp += 1
        }
        // "MTV & Wild on E!": after an acronym, "&" rather lists two names.
        guard amp + 1 < t.count, t[amp].length == 1, scalars[t[amp].start] == 38, !t[amp - 1].flags.contains(.allCaps),
              t[amp + 1].flags.contains(.capitalized) else { return }
        var end = amp + 1
        while end < t.count, t[end].flags.contains(.capitalized), !t[end].flags.contains(.isPunct),
              !Self.dateHashes.contains(t[end].lower) {
            end += 1
        }
        // A span already on those words: of another kind it wins; an organization's is taken in.
        if let y = (sentenceStart..<spans.count).first(where: { $0 != x && spans[$0].from < end && spans[$0].to > amp }) {
            guard spans[y].type == 2, spans[y].from == amp + 1 else { return }
            end = max(end, spans[y].to)
            spans.remove(at: y)
            if y < x { return joinAmpersandTail(x - 1, sentenceStart, &covered) }
        }
        var span = spans[x]
        let taken = span.to
        span.to = end
        setKey(&span)
        spans[x] = span
        for k in taken..<end { covered[k] = true }
    }

    /// "for Food Standards | Australia New Zealand", "at the Paxton Water Tower and Pump | House": one or
    /// two plain capitalized words right before the tagger's organization, inside a sentence,
    /// begin its name. Days, titles, nationalities, known places and names of people stay out.
    mutating func extendOverCapitalizedWords(_ si: Int, _ x: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        var from = spans[x].from
        while from > 0, spans[x].from - from < 2, !covered[from - 1], !isInitial(si, from - 1) {
            let f = t[from - 1].flags
            guard f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.isPunct), !f.contains(.title),
                  !f.contains(.firstName), !Self.dateHashes.contains(t[from - 1].lower),
                  !isPlaceOrNationality(t[(from - 1)...(from - 1)]), !Self.neverHashes.contains(t[from - 1].lower) else { break }
            from -= 1
        }
        guard from < spans[x].from, from == 0 || !t[from - 1].flags.contains(.capitalized) else { return }
        // "National Champion | Texas Longhorns": a team named by its place keeps the words before
        // it out, as `markCityTeams` has it.
        if isPlural(t[spans[x].to - 1]), NERPlaces.contains(t[spans[x].from...spans[x].from]) { return }
        var span = spans[x]
        for k in from..<span.from { covered[k] = true }
        span.from = from
        setKey(&span)
        spans[x] = span
    }

    /// "Los | Angeles Sheriff", "Saudi | Arabia Sunday": a person's name whose first word ends a
    /// known place's name begun by the word before it is the tagger's cut through the place.
    func beginsInsidePlace(_ s: Span) -> Bool {
        guard s.type == 1, s.from > 0 else { return false }
        let t = sentences[s.sentence].tokens
        guard t[s.from - 1].flags.contains(.capitalized) else { return false }
        return NERPlaces.contains(t[(s.from - 1)...s.from])
            || (s.from > 1 && t[s.from - 2].flags.contains(.capitalized) && NERPlaces.contains(t[(s.from - 2)...s.from]))
    }
}

extension NERDocument {
    /// "NASA's Near-Earth Object Office", "Cuba's Ministry of Foreign Relations": before a
    /// possessive, an acronym or a known place (`last` is its last word) owns the institution
    /// named after it and is not part of its name, as `splitOwner` has it for the tagger's spans
    /// ("Hong Kong's High Court"); "New People's Party" keeps its possessive.
    func isOwnerBeforePossessive(_ t: [NERToken], _ last: Int) -> Bool {
        let f = t[last].flags
        if f.contains(.allCaps), t[last].length >= 2 { return true }
        for first in stride(from: last, through: max(0, last - 2), by: -1) where t[first].flags.contains(.capitalized) {
            if NERPlaces.contains(t[first...last]) { return true }
        }
        return false
    }
}
