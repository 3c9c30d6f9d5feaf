import Foundation

/// Span rules added on top of the tagger for boundaries it often gets wrong: office titles inside a
/// name's span and lone given names. Kept apart from the tagging passes so each reads on its own.
extension NERDocument {
    /// A token that is one hyphen ("-", U+2010, U+2011): the rules below check for it between words.
    @inline(__always)
    func isHyphen(_ token: NERToken) -> Bool {
        token.length == 1 && NERText.isHyphen(scalars[token.start])
    }
}

extension NERDocument {
    /// Words naming an office or a form of address: what follows them is a person, what precedes
    /// them (in the same span) the body the office belongs to.
    static let officeTitleHashes = NERHashSet([
        "president", "minister", "secretary", "chairman", "chairwoman", "chairperson", "ambassador", "commissioner",
        "director", "spokesman", "spokeswoman", "spokesperson", "ceo", "cfo", "coo", "cto", "governor", "senator",
        "mayor", "judge", "admiral", "general", "colonel", "captain", "lieutenant", "sergeant", "commander",
        "chancellor", "premier", "king", "queen", "prince", "princess", "sheikh", "envoy", "mr", "mr.", "mrs",
        "mrs.", "ms", "ms.", "dr", "dr.", "professor", "prof.", "coach", "pope", "cardinal", "bishop", "archbishop",
        "rabbi", "imam", "ayatollah", "sultan", "emperor", "reverend", "rev.", "gen.", "sen.", "gov.", "rep.",
        "lt.", "col.", "sgt.", "capt.", "maj.", "adm.", "deputy", "congressman", "congresswoman",
    ].map(NERText.hashLower))

    static let officeQualifierHashes = NERHashSet(["special", "senior", "acting", "interim", "managing", "assistant",
                                                   "associate", "top", "chief", "executive", "first"].map(NERText.hashLower))

    /// "U.N. Secretary-General Ban Ki-moon", "Federal Reserve Chairman Ben Bernanke", "Judge Jones",
    /// "U.N. Secretary": an office title inside a tagged span ends the organization's name before it
    /// and begins a person's name after it (when the words after it look like a person's name); a
    /// nationality or a country before the title ("German Chancellor Angela Merkel") is neither.
    func splitAtTitle(_ span: Span) -> SpanPair {
        let t = sentences[span.sentence].tokens
        guard span.to - span.from >= 2, span.type == 1 || span.type == 2 else { return SpanPair(span) }
        for p in span.from..<span.to where Self.officeTitleHashes.contains(t[p].lower) && t[p].flags.contains(.capitalized) {
            // "General Electric": a well-known firm's title-like word is its name's (`markWellKnownNames`).
            if span.type == 2, isWellKnownName(t, span.from, span.to) { return SpanPair(span) }
            // "Office of the President", "Department of Justice": the office names the body.
            if p > span.from, Self.innerConnectorHashes.contains(t[p - 1].lower) { continue }
            // The whole run of titles: "Vice Admiral", "Deputy Foreign Minister", "Secretary-General".
            var q = p + 1
            while q < span.to {
                if t[q].flags.contains(.title), t[q].flags.contains(.capitalized) { q += 1; continue }
                if q + 1 < span.to, isHyphen(t[q]), t[q].start == t[q - 1].end,
                   t[q + 1].start == t[q].end, t[q + 1].flags.contains(.title) {
                    q += 2
                    continue
                }
                break
            }
            // "U.N. Special Envoy", "French Foreign Minister": the office's own words before the title.
            var p = p
            while p > span.from, t[p - 1].flags.contains(.capitalized),
                  t[p - 1].flags.contains(.title) || Self.officeQualifierHashes.contains(t[p - 1].lower) {
                p -= 1
            }
            var out = SpanPair()
            if p > span.from, !isNationality(span.sentence, span.from, p) {
                var head = span
                head.to = p
                head.type = 2
                // A person's span ("Microsoft CEO Satya Nadella") gives its head to an organization only
                // when the head shows it is one.
                let orgLike = (span.from..<p).contains { k in
                    let f = t[k].flags
                    return f.contains(.knownOrg) || f.contains(.orgHead) || f.contains(.allCaps)
                }
                if span.type == 2 || orgLike { out.append(head) }
            }
            if isNameSuffix(t, q, span.to) { return SpanPair(span) }
            if q == span.to {
                // A title ending an organization's span is the office, not part of the name; not the
                // surname of "Martin Luther King".
                let personHead = t[span.from].flags.contains(.firstName) && !t[span.from].flags.contains(.commonLower)
                // "Adnan Z. Amin, General Director of …": office words alone name no body.
                if span.type == 2, p == span.from { return SpanPair() }
                return span.type == 2 && p > span.from && !personHead ? out : SpanPair(span)
            }
            guard looksLikePersonName(span.sentence, q, span.to) else { return SpanPair(span) }
            var person = span
            person.from = q
            person.type = 1
            out.append(person)
            return out
        }
        return SpanPair(span)
    }

    /// Tokens `from..<to` are one to four capitalized words (and hyphens within them) that are not
    /// an organization's words, common words or titles.
    func looksLikePersonName(_ sentence: Int, _ from: Int, _ to: Int) -> Bool {
        let t = sentences[sentence].tokens
        guard to - from >= 1, to - from <= 6 else { return false }
        var words = 0
        for k in from..<to {
            let f = t[k].flags
            if isHyphen(t[k]), k > from, k + 1 < to { continue }
            // "Ki-moon": the lower-case part of a hyphenated given name.
            let hyphenTail = k - 1 > from && isHyphen(t[k - 1])
                && t[k - 1].start == t[k - 1 - 1].end && t[k].start == t[k - 1].end
            guard f.contains(.capitalized) || f.contains(.uncased) || hyphenTail else { return false }
            if f.contains(.orgHead) || f.contains(.knownOrg) || f.contains(.title) { return false }
            if f.contains(.allCaps), t[k].length > 2, !scalars[t[k].start..<t[k].end].contains(46) { return false }
            if f.contains(.commonLower), !f.contains(.firstName), !f.contains(.surname), !hyphenTail { return false }
            if Self.neverHashes.contains(t[k].lower) || NERPlaces.contains(t[k...k]) { return false }
            words += 1
        }
        return words >= 1 && words <= 4
    }

    /// "German", "Sri Lankan", "Israeli", "U.S.": words before a title that say which country the
    /// office is of.
    func isNationality(_ sentence: Int, _ from: Int, _ to: Int) -> Bool {
        let t = sentences[sentence].tokens
        if NERPlaces.contains(t[from..<to]) || Self.demonymHashes.contains(t[to - 1].lower) { return true }
        let last = t[to - 1]
        guard last.flags.contains(.capitalized), !last.flags.contains(.allCaps), !last.flags.contains(.orgHead),
              !last.flags.contains(.knownOrg) else { return false }
        let word = Self.string(scalars, last.start, last.end, lower: true)
        return word.hasSuffix("an") || word.hasSuffix("ese") || word.hasSuffix("ish") || word.hasSuffix("ch")
            || (word.hasSuffix("i") && word.count >= 5)
    }
}

extension NERDocument {
    /// Keys (local indices, as in `group`) whose every mention is one word that is a known given
    /// name and not a known surname ("Andy", "Marilyn").
    func givenNameKeys(keyOf: [Int], keyCount: Int) -> [Bool] {
        var given = [Bool](repeating: true, count: keyCount)
        var seen = [Bool](repeating: false, count: keyCount)
        for (i, s) in spans.enumerated() {
            let k = keyOf[i]
            seen[k] = true
            let f = sentences[s.sentence].tokens[s.from].flags
            if s.to - s.from != 1 || !f.contains(.firstName) || f.contains(.surname) { given[k] = false }
        }
        for k in 0..<keyCount where !seen[k] { given[k] = false }
        return given
    }

    /// "Andy Warhol … Andy": the person named in full whose given name a lone given name is (the
    /// most mentioned when several share it), or -1.
    func fullNameStarting(with key: Int, _ firstWord: [UInt64?], _ wordCount: [Int], _ kinds: [Int], _ count: [Int]) -> Int {
        guard let first = firstWord[key] else { return -1 }
        var best = -1
        for o in firstWord.indices where o != key && kinds[o] == 1 && wordCount[o] >= 2 && firstWord[o] == first {
            if best < 0 || count[o] > count[best] { best = o }
        }
        return best
    }
}

extension NERDocument {
    static let articleHashes = NERHashSet(["a", "an", "the"].map(NERText.hashLower))

    /// The span follows "a", "an" or "the" directly or after one lower-case word ("a pink Marilyn").
    func afterArticle(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        guard span.from > 0 else { return false }
        if Self.articleHashes.contains(t[span.from - 1].lower) { return true }
        guard span.from > 1 else { return false }
        let f = t[span.from - 1].flags
        return f.contains(.hasLetter) && !f.contains(.capitalized) && !f.contains(.uncased)
            && Self.articleHashes.contains(t[span.from - 2].lower)
    }
}

extension NERDocument {
    /// Adjectives and nouns of nationality, region or faith ("American", "Sri Lankan", "Tamils"):
    /// written for lede from general knowledge, like `NERPlaces`.
    static let demonymHashes = NERHashSet([
        "afghan", "albanian", "algerian", "american", "angolan", "argentine", "argentinian", "armenian", "australian",
        "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "belarusian", "belgian", "bolivian", "bosnian",
        "brazilian", "british", "bulgarian", "burmese", "burundian", "cambodian", "cameroonian", "canadian",
        "chadian", "chilean", "chinese", "colombian", "congolese", "croatian", "cuban", "cypriot", "czech",
        "danish", "dutch", "ecuadorian", "egyptian", "emirati", "english", "eritrean", "estonian", "ethiopian",
        "european", "filipino", "finnish", "french", "georgian", "german", "ghanaian", "greek", "guatemalan",
        "guinean", "haitian", "honduran", "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi",
        "irish", "israeli", "italian", "ivorian", "jamaican", "japanese", "jordanian", "kazakh", "kenyan", "korean",
        "kosovar", "kurdish", "kuwaiti", "kyrgyz", "laotian", "latvian", "lebanese", "liberian", "libyan",
        "lithuanian", "macedonian", "malagasy", "malawian", "malaysian", "malian", "maltese", "mauritanian",
        "mexican", "moldovan", "mongolian", "montenegrin", "moroccan", "mozambican", "namibian", "nepalese",
        "nepali", "nicaraguan", "nigerian", "nigerien", "norwegian", "omani", "pakistani", "palestinian",
        "panamanian", "paraguayan", "persian", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian",
        "rwandan", "salvadoran", "saudi", "scottish", "senegalese", "serbian", "serb", "singaporean",
        "slovak", "slovenian", "somali", "sudanese", "swedish", "swiss", "syrian", "taiwanese", "tajik",
        "tanzanian", "thai", "tibetan", "togolese", "tunisian", "turkish", "turkmen", "ugandan", "ukrainian",
        "uruguayan", "uzbek", "venezuelan", "vietnamese", "welsh", "yemeni", "zambian", "zimbabwean", "lankan",
        "african", "asian", "arab", "arabian", "caribbean", "scandinavian", "balkan", "baltic",
        "americans", "afghans", "australians", "britons", "canadians", "germans", "iraqis", "iranians", "israelis",
        "palestinians", "pakistanis", "russians", "syrians", "europeans", "africans", "asians", "arabs", "kurds",
        "tamils", "sinhalese", "pashtun", "pashtuns", "baluch", "uighur", "uighurs", "uyghur", "uyghurs",
        "muslim", "muslims", "christians", "jewish", "jews", "hindu", "hindus", "buddhist",
        "buddhists", "sikh", "sikhs", "catholic", "catholics", "protestant", "protestants", "sunni", "sunnis",
        "shiite", "shiites", "shi'ite", "shi'ites", "islamic", "islamist", "islamists", "western", "westerners",
        "soviet", "ottoman", "byzantine", "mexicans", "koreans", "indians",
        "egyptians", "turks", "greeks", "serbs", "croats", "bosniaks", "albanians", "somalis",
        "ethiopians", "nigerians", "kenyans", "ilocano", "latino", "latinos", "hispanic", "hispanics",
    ].map(NERText.hashLower))

    /// "Sri Lankan authorities", "an American football player": one or two words ending in a word of
    /// nationality, used as an adjective (the next word is lower case) or alone, name no one.
    func isDemonymPhrase(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.to - s.from <= 2, Self.demonymHashes.contains(t[s.to - 1].lower) else { return false }
        if s.to - s.from == 2 {
            let f = t[s.from].flags
            guard Self.demonymHashes.contains(t[s.from].lower) || NERPlaces.contains(t[s.from..<s.from + 1])
                    || !(f.contains(.firstName) || f.contains(.surname)) else { return false }
        }
        guard s.to < t.count else { return true }
        let next = t[s.to].flags
        return !next.contains(.capitalized) || next.contains(.isPunct)
    }
}

extension NERDocument {
    /// "Federal Reserve Chairman Alan | Greenspan": a known given name (not a common word or a title)
    /// one space before a person's name the tagger began after it is the name's first word.
    func withGivenNameBefore(_ span: Span) -> Span {
        let t = sentences[span.sentence].tokens
        guard span.from > 0 else { return span }
        let k = span.from - 1
        let f = t[k].flags
        guard f.contains(.firstName), f.contains(.capitalized), !f.contains(.allCaps), !f.contains(.commonLower),
              !f.contains(.title), !f.contains(.orgHead), !f.contains(.knownOrg), t[k].length >= 2,
              t[span.from].start == t[k].end + 1, scalars[t[k].end] == 32 else { return span }
        var s = span
        s.from = k
        return s
    }
}

extension NERDocument {
    static let ministryHash = NERText.hashLower("ministry")

    /// "Hong Kong's High Court", "Iran's Atomic Energy Organization", "Discovery Institute's Center
    /// for Science and Culture": an organization's span that is a place's (or another organization's)
    /// possessive before a name ending in an organization's head word is that name, owned; the place
    /// is not reported, the owning organization is one of its own. "Chinese Foreign Ministry",
    /// "Iran Foreign Ministry": a country's foreign or defense ministry is named without the country.
    func splitOwner(_ span: Span) -> SpanPair {
        let t = sentences[span.sentence].tokens
        guard span.type == 2, span.to - span.from >= 3 else { return SpanPair(span) }
        let lastFlags = t[span.to - 1].flags
        if t[span.to - 1].lower == Self.ministryHash,
           Self.demonymHashes.contains(t[span.from].lower) || NERPlaces.contains(t[span.from..<span.from + 1]),
           t[span.from + 1].flags.contains(.capitalized) {
            var rest = span
            rest.from += 1
            return SpanPair(rest)
        }
        guard lastFlags.contains(.orgHead) || lastFlags.contains(.knownOrg) else { return SpanPair(span) }
        for p in (span.from + 1)..<(span.to - 1) where isPossessive(t[p]) {
            var owner = span, owned = span
            owner.to = p
            owned.from = p + 1
            guard t[owned.from].flags.contains(.capitalized) else { return SpanPair(span) }
            if NERPlaces.contains(t[owner.from..<owner.to]) { return SpanPair(owned) }
            let ownerHead = t[owner.to - 1].flags
            if owner.to - owner.from >= 2, ownerHead.contains(.orgHead) { return SpanPair(owner, owned) }
            if isPersonsOwnedName(owner, owned) { return SpanPair(owned) }
            return SpanPair(span)
        }
        return SpanPair(span)
    }
}

extension NERDocument {
    /// Nouns of a made thing that a work's title modifies ("the Silver Clouds installation").
    static let workNounHashes = NERHashSet([
        "installation", "installations", "sculpture", "sculptures", "painting", "paintings", "artwork", "artworks",
        "mural", "murals", "album", "song", "novel", "film", "movie", "poem", "trilogy", "franchise", "musical",
        "photograph", "photographs", "portrait", "portraits", "series",
        // Craft and events: "the Venus Express probe", "the Copa America tournament" (GMB: no organization).
        "satellite", "probe", "spacecraft", "telescope", "rover", "lander", "capsule", "tournament", "competition",
    ].map(NERText.hashLower))

    /// "The Silver Clouds installation were silver balloons": capitalized words the tagger took for an
    /// organization, right before a lower-case noun of a made thing, are that work's title.
    func isWorkBeforeNoun(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        guard span.type == 2, span.to < t.count, Self.workNounHashes.contains(t[span.to].lower),
              !t[span.to].flags.contains(.capitalized) else { return false }
        let last = t[span.to - 1].flags
        return !last.contains(.orgHead) && !last.contains(.knownOrg) && !last.contains(.allCaps)
    }
}

extension NERDocument {
    static let labelVerbHashes = NERHashSet(["as", "called", "dubbed", "nicknamed", "labelled", "labeled", "termed",
                                             "so-called"].map(NERText.hashLower))

    /// "commonly known as "Super District Council" seats": a name in quotation marks after "known
    /// as", "dubbed" or "so-called", used as a modifier of the lower-case noun after it, is a label
    /// for a thing (here seats), not a mention of a body or a person.
    func isQuotedLabel(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        guard span.from >= 2, span.to + 1 < t.count else { return false }
        let open = t[span.from - 1], close = t[span.to], next = t[span.to + 1]
        guard open.length == 1, Self.isQuote(scalars[open.start]), close.length == 1, Self.isQuote(scalars[close.start]),
              Self.labelVerbHashes.contains(t[span.from - 2].lower),
              next.flags.contains(.hasLetter), !next.flags.contains(.capitalized), !next.flags.contains(.uncased) else { return false }
        // "dubbed "Anonymous" said": a verb after the name makes it the subject, a name after all.
        return !Self.speechVerbs.contains(next.lower)
    }

    /// Small words a title leaves in lower case: "Photographs and Prints from the University Collection".
    static let titleSmallWordHashes = NERHashSet(["a", "an", "the", "and", "or", "but", "nor", "of", "from", "to", "in",
        "on", "at", "for", "with", "by", "as", "into", "n't", "vs", "vs."].map(NERText.hashLower))

    /// A word a title may hold, or a quotation mark: capitalized, a number, punctuation or a small word.
    func mayBeInTitle(_ token: NERToken) -> Bool {
        let f = token.flags
        return f.contains(.capitalized) || f.contains(.hasDigit) || f.contains(.isPunct) || Self.titleSmallWordHashes.contains(token.lower)
    }

    /// "curator of "Andy Warhol: Photographs and Prints from the University Collection"", "his song
    /// "Her Father Didn't Like Me Anyway"": a name strictly inside a quoted title — three to fifteen
    /// words, each capitalized or a small word — is part of the title, not a mention. A quoted name
    /// that is the whole quotation ("approved by "Goldman Sachs"") is not affected, and
    /// quoted speech is written in sentence case.
    func isInsideQuotedTitle(_ span: Span) -> Bool {
        let t = sentences[span.sentence].tokens
        func isQuoteToken(_ k: Int) -> Bool { t[k].length == 1 && Self.isQuote(scalars[t[k].start]) }
        func fitsTitle(_ k: Int) -> Bool { !isQuoteToken(k) && mayBeInTitle(t[k]) }
        var open = span.from - 1
        while open >= 0, !isQuoteToken(open), span.from - open <= 15, fitsTitle(open) { open -= 1 }
        guard open >= 0, isQuoteToken(open) else { return false }
        var close = span.to
        while close < t.count, !isQuoteToken(close), close - open <= 16, fitsTitle(close) { close += 1 }
        guard close < t.count, isQuoteToken(close) else { return false }
        let inner = close - open - 1
        guard inner >= 3, inner <= 15, inner > span.to - span.from else { return false }
        // Lower-case small words alone do not make a title: at least half the words are capitalized.
        let capitalized = (open + 1..<close).filter { t[$0].flags.contains(.capitalized) }.count
        return 2 * capitalized >= inner
    }
}

extension NERDocument {
    /// "Saddam Hussein … Saddam's forces": a one-word name voted an organization that is the first
    /// word of a person named in full in the same article (and not a known organization's name) is
    /// that person. Returns the key ids to make persons.
    func firstWordsOfPersons() -> [Int] {
        var firstWords = NERHashSet(capacity: 32)
        var any = false
        for s in spans where kinds[s.id] == 1 && s.to - s.from >= 2 {
            let f = sentences[s.sentence].tokens[s.from].flags
            guard f.contains(.capitalized), !f.contains(.title), !f.contains(.allCaps) else { continue }
            firstWords.insert(sentences[s.sentence].tokens[s.from].lower)
            any = true
        }
        guard any else { return [] }
        var out: [Int] = []
        for s in spans where s.to - s.from == 1 && kinds[s.id] == 2 {
            let token = sentences[s.sentence].tokens[s.from]
            let f = token.flags
            guard firstWords.contains(token.lower), !f.contains(.knownOrg), !f.contains(.orgHead), !f.contains(.allCaps)
            else { continue }
            out.append(s.id)
        }
        return out
    }
}

extension NERDocument {
    /// "Wong Pik-wan", "Shiu Ka-chun", "Ban Ki-moon": a short capitalized family name, then a given
    /// name of two short syllables joined by a hyphen, the second in lower case, is a person's name
    /// (the tagger, trained on few such names, splits them or calls them places). Rewrites the
    /// sentence's tags so the tokens are one person's span.
    func markHyphenatedGivenNames(_ tags: inout [Int], _ si: Int) {
        let t = sentences[si].tokens
        guard t.count >= 4 else { return }
        func short(_ k: Int) -> Bool { t[k].length >= 1 && t[k].length <= 6 && !t[k].flags.contains(.hasDigit) }
        func plainCap(_ k: Int) -> Bool {
            let f = t[k].flags
            return f.contains(.capitalized) && !f.contains(.allCaps) && !f.contains(.title) && !f.contains(.orgHead)
                && !f.contains(.knownOrg) && !Self.neverHashes.contains(t[k].lower)
        }
        var a = 0
        while a + 3 < t.count {
            defer { a += 1 }
            let b = a + 1, h = a + 2, c = a + 3
            guard plainCap(a), plainCap(b), short(a), short(b), short(c), t[a].length >= 2,
                  t[b].start == t[a].end + 1, scalars[t[a].end] == 32,
                  isHyphen(t[h]), t[h].start == t[b].end, t[c].start == t[h].end,
                  t[c].flags.contains(.hasLetter), !t[c].flags.contains(.capitalized),
                  !Self.compoundSuffixes.contains(t[c].lower),
                  !(isInitial(si, a) && t[a].flags.contains(.commonLower)),
                  !NERPlaces.contains(t[a...b]) else { continue }
            // The name stands alone: not the tail of a longer capitalized name, nor followed by another word of it.
            if a > 0, t[a - 1].flags.contains(.capitalized), !isInitial(si, a - 1) { continue }
            if c + 1 < t.count, t[c + 1].start == t[c].end, NERText.isHyphen(scalars[t[c + 1].start]) { continue }
            // Already one person's span (perhaps running on): left as the tagger had it.
            if tags[a] == NERTag.bPER.rawValue || tags[a] == NERTag.iPER.rawValue,
               (b...c).allSatisfy({ tags[$0] == NERTag.iPER.rawValue }) {
                a = c
                continue
            }
            tags[a] = NERTag.bPER.rawValue
            for k in b...c { tags[k] = NERTag.iPER.rawValue }
            if c + 1 < t.count, let next = NERTag(rawValue: tags[c + 1]), next.isInside {
                tags[c + 1] = NERTag.begin(next.type).rawValue
            }
            a = c
        }
    }
}

extension NERDocument {
    /// "Pik-wan", "Kwok-hung": a person's span ending in a short capitalized syllable, a hyphen and a
    /// short lower-case one keeps it even when that is also an English word ("wan", "hung", "moon").
    func isShortGivenNameTail(_ s: Span) -> Bool {
        let t = sentences[s.sentence].tokens
        guard s.type == 1, s.to - s.from >= 3 else { return false }
        let last = t[s.to - 1], first = t[s.to - 3]
        return last.length <= 4 && first.length <= 6 && first.flags.contains(.capitalized)
            && !first.flags.contains(.allCaps) && !Self.compoundSuffixes.contains(last.lower)
    }
}

extension NERDocument {
    /// "I'm", "We're", "Don't": a pronoun or a verb with its contraction, capitalized in a quote,
    /// is never a name (one of `neverNames`' words).
    static let contractions: [String] =
        ["i'm", "i've", "i'd", "i'll", "you're", "you've", "you'll", "you'd", "we're", "we've", "we'll", "we'd",
         "they're", "they've", "they'll", "they'd", "he'd", "he'll", "she'd", "she'll", "it'll", "that'll",
         "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "couldn't",
         "wouldn't", "shouldn't", "haven't", "hasn't", "let's"].flatMap { word in
            // Each with a typographic apostrophe too, swapped scalar by scalar: Foundation's
            // `replacingOccurrences` took more instructions than recognizing an article.
            let curly: Unicode.Scalar = "\u{2019}"
            return [word, String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "'" ? curly : $0 }))]
        }
}

extension NERDocument {
    /// "Ennio Morricone and Bruno Nicolai", "Alvin Yeung, Goffredo Petrassi and …": a name of two or
    /// three plain capitalized words that the tagger took for an organization or a place, joined by
    /// "and", a comma or both to a person's name, is most likely a person too. Returns the key ids
    /// of such spans (one per span) to vote for a person.
    func coordinatedWithPersons() -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < spans.count {
            var j = i
            while j < spans.count, spans[j].sentence == spans[i].sentence { j += 1 }
            let t = sentences[spans[i].sentence].tokens
            for a in i..<j where spans[a].type >= 2 && spans[a].to - spans[a].from >= 2 && spans[a].to - spans[a].from <= 3 {
                let s = spans[a]
                guard looksLikePersonName(s.sentence, s.from, s.to),
                      !(s.from..<s.to).contains(where: { t[$0].flags.contains(.commonLower) }) else { continue }
                let joined = (i..<j).contains { b in
                    let o = spans[b]
                    guard b != a, o.type == 1, o.to - o.from >= 2 else { return false }
                    if o.from == s.to + 1 { return isCoordinator(t[s.to]) }
                    if s.from == o.to + 1 { return isCoordinator(t[o.to]) }
                    // "…, Robert Mapplethorpe, and Helmut Newton": a serial comma before "and".
                    if s.from == o.to + 2 { return scalars[t[o.to].start] == 44 && t[o.to + 1].lower == Self.andHash }
                    return false
                }
                if joined { out.append(s.id) }
            }
            i = j
        }
        return out
    }

    private func isCoordinator(_ token: NERToken) -> Bool {
        token.lower == Self.andHash || (token.length == 1 && scalars[token.start] == 44)
    }
}
