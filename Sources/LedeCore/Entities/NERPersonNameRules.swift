import Foundation

/// Person rules about the shape of a name itself rather than what is said around it: a regnal
/// number ("Thutmose III", "Mojmír I"), an epithet ("Lucas Cranach the Elder", "Louis the German"),
/// each a word the tagger, trained on modern news, seldom saw in a name; a nationality glued to
/// the front of a name ("Scotsman James Watt"); a given name alone that names a person named in
/// full elsewhere ("Hans"); a foreign person's two-word name taken for a place ("Ashraf Qazi").
extension NERDocument {
    /// The rules of one sentence, run once its spans are appended (`sentenceStart..<spans.count`)
    /// and the person and given-name passes are done; `covered` marks the tokens spans hold.
    /// Each starts from a word few sentences have (`on`, from `nameRuleTriggers`).
    mutating func applyPersonNameRules(_ si: Int, _ sentenceStart: Int, _ on: NameRuleTriggers, _ covered: inout [Bool]) {
        if on.contains(.regnal) { markRegnalNumbers(si, sentenceStart, &covered) }
        if on.contains(.epithet) { joinEpithets(si, sentenceStart, &covered) }
        if !on.isDisjoint(with: [.nationality, .demonymNoun]) { dropNationalityBeforeName(si, sentenceStart) }
        for x in sentenceStart..<spans.count where spans[x].type == 3 && isUnknownPersonName(spans[x]) { spans[x].type = 1 }
    }

    /// A Roman numeral of up to five letters, in capitals ("I", "III", "XVI").
    func isRomanNumeral(_ token: NERToken) -> Bool {
        guard token.length <= 5, token.flags.contains(.capitalized) else { return false }
        for i in token.start..<token.end {
            let v = scalars[i]
            guard v == 73 || v == 86 || v == 88 else { return false }
        }
        return true
    }

    /// A capitalized word that may be a person's own name: no common, organization's, office's
    /// or place's word, no nationality, not written in lower case elsewhere in the article.
    func isOwnNameWord(_ t: [NERToken], _ k: Int) -> Bool {
        let f = t[k].flags
        guard isPlainNameWord(t[k]), f.contains(.hasLetter), !f.contains(.hasDigit), !f.contains(.lowerInDocument),
              !isDemonymWord(t[k]), !NERPlaces.contains(t[k...k]) else { return false }
        return true
    }

    /// "since the time of Thutmose III", "replaced Mojmír I with his nephew", "Pope Benedict XVI":
    /// a Roman numeral right after a name word is a ruler's number, part of the person's name. A
    /// person's span that ends before it takes it in; a name word the tagger passed over (or took
    /// for a place) becomes a person with it, when no other capitalized word precedes it
    /// (an office title may: "King Carlos I"). "World War II", "Phase III": a common word
    /// is no name.
    mutating func markRegnalNumbers(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        let n = t.count
        var k = 1
        while k < n {
            defer { k += 1 }
            guard !covered[k], isRomanNumeral(t[k]), nextTo(t, k - 1), isOwnNameWord(t, k - 1), !isRomanNumeral(t[k - 1]) else { continue }
            // "Mojmír I", not "… I think": the numeral ends the name.
            if k + 1 < n, t[k + 1].flags.contains(.capitalized), !t[k + 1].flags.contains(.isPunct) { continue }
            if let x = (sentenceStart..<spans.count).first(where: { spans[$0].to == k && spans[$0].from < k }) {
                let s = spans[x]
                guard s.type == 1 || (s.type == 3 && s.to - s.from == 1) else { continue }
                var longer = s
                longer.to = k + 1
                longer.type = 1
                setKey(&longer)
                spans[x] = longer
                covered[k] = true
                continue
            }
            guard !covered[k - 1] else { continue }
            if k >= 2, t[k - 2].flags.contains(.capitalized), !t[k - 2].flags.contains(.title), !isInitial(si, k - 2) { continue }
            var span = Span(sentence: si, from: k - 1, to: k + 1, type: 1, tagged: true)
            setKey(&span)
            if isNotName(span) { continue }
            spans.append(span)
            covered[k - 1] = true
            covered[k] = true
        }
    }

    /// Epithets that follow a ruler's or an artist's name after "the".
    static let epithetHashes = NERHashSet([
        "elder", "younger", "great", "bald", "pious", "wise", "conqueror", "confessor", "magnificent", "terrible",
        "lionheart", "navigator", "unready", "venerable", "apostle", "baptist", "evangelist", "liberator", "lawgiver",
    ].map(NERText.hashLower))

    /// "Lucas Cranach the Elder", "Louis the German", "Alexander the Great": "the" and a
    /// capitalized epithet (or a nationality, after a one-word name) right after a person's span
    /// are part of the name, when nothing capitalized follows.
    mutating func joinEpithets(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        let t = sentences[si].tokens
        let n = t.count
        let the = Self.theHash
        for k in 1..<max(n - 1, 1) where t[k].lower == the && t[k + 1].flags.contains(.capitalized) {
            guard !covered[k], k + 2 == n || !t[k + 2].flags.contains(.capitalized) || t[k + 2].flags.contains(.isPunct),
                  let x = (sentenceStart..<spans.count).first(where: { spans[$0].to == k && spans[$0].type == 1 }) else { continue }
            let epithet = Self.epithetHashes.contains(t[k + 1].lower)
            let people = spans[x].to - spans[x].from == 1 && Self.demonymHashes.contains(t[k + 1].lower)
                && t[spans[x].from].flags.contains(.firstName)
            guard epithet || people else { continue }
            // The epithet's own span ("German" tagged as a place) gives way.
            if covered[k + 1] {
                guard let y = (sentenceStart..<spans.count).first(where: { spans[$0].from == k + 1 && spans[$0].to == k + 2 })
                else { continue }
                spans.remove(at: y)
            }
            guard let x2 = (sentenceStart..<spans.count).first(where: { spans[$0].to == k && spans[$0].type == 1 }) else { continue }
            var named = spans[x2]
            named.to = k + 2
            setKey(&named)
            spans[x2] = named
            covered[k] = true
            covered[k + 1] = true
        }
    }

    /// "Hans Wieck" named in full, then "Hans returns to Germany": the first word of a person's
    /// name of two words or more is that person alone elsewhere in the article (`findRepeats`)
    /// when it is a known given name and no common, place or nationality word, and the name
    /// does not end in a ruler's number ("Coleman II" may be a place's name, as here).
    func isGivenNameOfFullName(_ t: [NERToken], _ s: Span) -> Bool {
        let f = t[s.from].flags
        guard s.to - s.from >= 2, f.contains(.firstName), f.contains(.capitalized), !f.contains(.allCaps),
              t[s.from].length >= 3, !Self.monthHashes.contains(t[s.from].lower), isOwnNameWord(t, s.from),
              !isRomanNumeral(t[s.to - 1]) else { return false }
        return true
    }

    /// No capitalized word next to token `k` but a sentence's first: "Andy" of "the Andy Warhol
    /// Photographic Legacy Program" or "Angeles" of "Los Angeles" is no given name alone.
    func isLoneWord(_ si: Int, _ k: Int) -> Bool {
        let t = sentences[si].tokens
        if k > 0, t[k - 1].flags.contains(.capitalized), !t[k - 1].flags.contains(.isPunct), !isInitial(si, k - 1) { return false }
        return k + 1 == t.count || !t[k + 1].flags.contains(.capitalized) || t[k + 1].flags.contains(.isPunct)
    }

    /// "his wife Manju Sam": token `k`, right before a known person's surname, is a given name no
    /// list knows — a capitalized word that may be a person's own name (no common, office, place
    /// or nationality word, no month or weekday), not a known given name (the tagger finds those),
    /// and with no capitalized word before it but a sentence's first.
    func isRelativeGivenName(_ si: Int, _ k: Int) -> Bool {
        let t = sentences[si].tokens
        guard k >= 0, t[k].length >= 3, !t[k].flags.contains(.firstName), !t[k].flags.contains(.surname),
              !Self.dateHashes.contains(t[k].lower), isOwnNameWord(t, k) else { return false }
        // `isOwnNameWord` has turned down common words, sentence-initial or not.
        return k == 0 || !t[k - 1].flags.contains(.capitalized) || t[k - 1].flags.contains(.isPunct) || isInitial(si, k - 1)
    }

    /// "May", a month before it is a given name ("Theresa May" aside), and the months' short forms.
    static let monthHashes = NERHashSet(["may", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                         "nov", "dec"].map(NERText.hashLower))

    /// Nouns of nationality that stand before a name ("Scotsman James Watt").
    static let nationalityNounHashes = NERHashSet([
        "scotsman", "scotswoman", "englishman", "englishwoman", "frenchman", "frenchwoman", "irishman", "irishwoman",
        "welshman", "welshwoman", "dutchman", "spaniard", "briton", "dane", "swede", "countryman", "countrywoman",
        "compatriot",
    ].map(NERText.hashLower))

    /// "brought about by Scotsman James Watt": a nationality before a known given name and a
    /// surname in a person's span is no part of the name.
    mutating func dropNationalityBeforeName(_ si: Int, _ sentenceStart: Int) {
        let t = sentences[si].tokens
        for x in sentenceStart..<spans.count where spans[x].type == 1 && spans[x].to - spans[x].from >= 3 {
            let s = spans[x]
            let w = t[s.from].lower
            guard Self.nationalityNounHashes.contains(w) || Self.demonymHashes.contains(w),
                  t[s.from + 1].flags.contains(.firstName), isPlainNameWord(t[s.from + 1]) else { continue }
            var named = s
            named.from += 1
            setKey(&named)
            spans[x] = named
        }
    }

    /// Words after which a name is a place's ("in", "near", "around") or a thing's ("the").
    static let placePrepositionHashes = NERHashSet(["in", "at", "near", "outside", "from", "to", "of", "into", "across",
        "through", "like", "between", "toward", "towards", "around", "via", "the", "or", "&", "/"].map(NERText.hashLower))

    /// "sold to the manufacturer Georg Reichenbach", "They included … Franciszek Mickiewicz and
    /// Eweryst Estkowski", "Pakistani diplomat Ashraf Qazi": two capitalized words, no common,
    /// organization's, office's or place's word (the first may be a known given name, the second a
    /// known surname), alone after a lower-case word, not after a preposition of place, are a
    /// foreign person's name the tagger took for a place. (Taking organizations too lowered
    /// GMB's organizations.)
    func isUnknownPersonName(_ s: Span) -> Bool {
        guard s.to - s.from == 2, s.type == 3 else { return false }
        let t = sentences[s.sentence].tokens
        // "Fremantle Dockers": a team.
        if isPlural(t[s.to - 1]) { return false }
        for k in s.from..<s.to {
            let f = t[k].flags
            guard f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.hasDigit), !f.contains(.lowerInDocument),
                  t[k].length >= 3, !Self.neverHashes.contains(t[k].lower), !isDemonymWord(t[k]), !NERPlaces.contains(t[k...k])
            else { return false }
            let allowed = k == s.from ? TokenFlags.firstName.rawValue : TokenFlags.surname.rawValue
            guard f.rawValue & TokenFlags.lexiconMask & ~allowed == 0 else { return false }
            if k > s.from, !nextTo(t, k - 1) { return false }
        }
        if s.from > 0 {
            let p = t[s.from - 1]
            if p.flags.contains(.capitalized), !p.flags.contains(.isPunct), !isInitial(s.sentence, s.from - 1) { return false }
            // "Teofil Lenartowicz, Franciszek Mickiewicz and Eweryst Estkowski": after "and" or a
            // comma only in a list of persons ("in Mastung and Dera Ghazi Khan" is one of places).
            if p.lower == Self.andHash || p.lower == Self.commaHash {
                // This sentence's spans are the last ones.
                var person = false
                for x in spans.indices.reversed() {
                    guard spans[x].sentence == s.sentence else { break }
                    if spans[x].to == s.from - 1, spans[x].type == 1 { person = true; break }
                }
                guard person else { return false }
            } else if Self.placePrepositionHashes.contains(p.lower) {
                return false
            } else if p.flags.contains(.isPunct) {
                // "( German translation : Trauriger Sonntag )".
                return false
            }
        }
        if s.to < t.count, t[s.to].flags.contains(.capitalized), !t[s.to].flags.contains(.isPunct) { return false }
        // "Brampton Spider-Gwen": part of a compound.
        if s.to < t.count, isHyphen(t[s.to]) { return false }
        return !NERPlaces.contains(t[s.from..<s.to])
    }
}
