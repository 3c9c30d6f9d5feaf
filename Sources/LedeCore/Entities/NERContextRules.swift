import Foundation

/// Rules that read a name's kind from the words around it rather than from the name itself:
/// what a one-word name does in its sentence says whether it is someone.
extension NERDocument {
    /// "Hawass says …", "…, says Tarlo.": one plain capitalized word (no place) that is the
    /// subject of a speech verb, right before it or right after it at the end of the clause, is
    /// someone speaking; so is one before what only a person does (`hasPersonCue`: ", whose",
    /// "was born", "died"). Only a span of one token is looked at, so the check is a few lookups.
    func speaks(_ s: Span) -> Bool {
        guard s.to - s.from == 1 else { return false }
        let t = sentences[s.sentence].tokens
        guard isPlainNameWord(t[s.from]), !t[s.from].flags.contains(.lowerInDocument),
              !NERPlaces.contains(t[s.from..<s.to]) else { return false }
        if hasPersonCue(t, s.from), isLoneName(s.sentence, s.from) { return true }
        if s.to < t.count, Self.speechVerbs.contains(t[s.to].lower) { return true }
        guard s.from > 0, Self.speechVerbs.contains(t[s.from - 1].lower) else { return false }
        return s.to == t.count || t[s.to].flags.contains(.isPunct)
    }

    /// "NIST", "WHO", "EUFOR": a word of three to six capital letters (no digits, dots or a
    /// Roman numeral's letters only) in a sentence that is not shouted is an abbreviation, most
    /// often an organization's: its capitals are not those of a sentence's first word, and the
    /// common word it spells ("WHO") is not what it means.
    func isAcronym(_ token: NERToken) -> Bool {
        guard token.flags.contains(.allCaps), !token.flags.contains(.hasDigit), token.length >= 3, token.length <= 6,
              !Self.neverHashes.contains(token.lower) else { return false }
        var roman = true
        for k in token.start..<token.end {
            let v = scalars[k]
            guard v >= 65, v <= 90 else { return false }
            // I V X L C D M
            if v != 73, v != 86, v != 88, v != 76, v != 67, v != 68, v != 77 { roman = false }
        }
        return !roman
    }

    /// "Here, specialists make instruments for NIST researchers": an abbreviation standing alone
    /// (no capitalized word next to it) that the tagger passed over and that spells no common
    /// word is an organization. Runs on the tokens the sentence's spans left uncovered.
    mutating func addAcronyms(_ si: Int, _ covered: [Bool]) {
        let t = sentences[si].tokens
        for k in NERFlaggedTokens(t, [.allCaps, .hasDigit]) where !covered[k] {
            let f = t[k].flags
            let callSign = isCallSign(t[k])
            guard callSign || (f.contains(.allCaps) && !f.contains(.commonLower) && !f.contains(.title) && isAcronym(t[k])) else { continue }
            // "15:11 GMT", "40 MW": after a number, a time zone or a unit ("882 6PR" is a station's frequency).
            if k > 0, t[k - 1].flags.contains(.capitalized) || (t[k - 1].flags.contains(.hasDigit) && !callSign) { continue }
            if k + 1 < t.count, t[k + 1].flags.contains(.capitalized) { continue }
            // "@POTUS", "GPT-4", "STS-135": part of a handle or of a model's or a mission's designation.
            if k > 0, t[k - 1].end == t[k].start, !Self.isOpening(scalars[t[k - 1].start]) { continue }
            if k + 1 < t.count, t[k + 1].start == t[k].end, Self.joinsWord(scalars[t[k + 1].start]) { continue }
            if NERPlaces.contains(t[k...k]) { continue }
            var span = Span(sentence: si, from: k, to: k + 1, type: 2, tagged: false)
            // "882 6PR": the station's frequency is part of the name it goes by.
            if callSign, k > 0, !covered[k - 1], t[k - 1].length >= 3, t[k - 1].length <= 4, t[k - 1].flags.contains(.hasDigit),
               !t[k - 1].flags.contains(.hasLetter), !t[k - 1].flags.contains(.isPunct), t[k - 1].end + 1 == t[k].start,
               !isYear(t[k - 1]) {
                span.from = k - 1
            }
            setKey(&span)
            spans.append(span)
        }
    }

    /// "6PR", "3AW", "2UE": a radio station's call sign, a digit and two or three capitals (not a
    /// size, a time or a drive: "4GB", "9AM", "4WD").
    func isCallSign(_ token: NERToken) -> Bool {
        guard token.length == 3 || token.length == 4 else { return false }
        let first = scalars[token.start]
        guard first >= 49, first <= 57 else { return false }
        for k in (token.start + 1)..<token.end where !(scalars[k] >= 65 && scalars[k] <= 90) { return false }
        let last2 = (scalars[token.end - 2] << 8) | scalars[token.end - 1]
        return !Self.notCallSignEndings.contains(last2)
    }

    /// Four digits from 1700 to 2099: "In 1994 6PR …" is a date, not the station's frequency.
    func isYear(_ token: NERToken) -> Bool {
        guard token.length == 4 else { return false }
        var value: UInt32 = 0
        for k in token.start..<token.end {
            let v = scalars[k]
            guard v >= 48, v <= 57 else { return false }
            value = value * 10 + (v - 48)
        }
        return value >= 1700 && value <= 2099
    }

    /// Two capitals that end sizes, times, drives and formats ("GB", "AM", "WD", "DS", "FA").
    static let notCallSignEndings: Set<UInt32> = Set(["GB", "MB", "KB", "TB", "AM", "PM", "WD", "DS", "FA", "HZ", "MW", "KW",
        "GW", "TV", "CD", "PS", "GL", "BR", "XL"].map { w -> UInt32 in
            let u = Array(w.unicodeScalars)
            return (u[0].value << 8) | u[1].value
        })

    /// A bracket or a quotation mark that opens: a word right after one still stands alone.
    static func isOpening(_ v: UInt32) -> Bool {
        v == 40 || v == 91 || v == 34 || v == 0x201C || v == 0x2018 || v == 39
    }

    /// A hyphen, slash, "@", "#", "&", "_" or a digit or letter: a word touching one of these is part of a longer token.
    static func joinsWord(_ v: UInt32) -> Bool {
        v == 45 || v == 0x2010 || v == 0x2011 || v == 0x2013 || v == 47 || v == 64 || v == 35 || v == 38 || v == 95
            || (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }

    /// Token `k` is one word of a name's own (`isOwnNameWord`), alone (no capitalized word before
    /// it but a sentence's first), and no plural ("Palestinians, who") unless a known surname
    /// ("Jones").
    func isLoneName(_ si: Int, _ k: Int) -> Bool {
        let t = sentences[si].tokens
        guard isOwnNameWord(t, k), !isPlural(t[k]) || t[k].flags.contains(.surname) else { return false }
        if k > 0, t[k - 1].flags.contains(.capitalized), !isInitial(si, k - 1) { return false }
        return true
    }
}

extension NERDocument {
    /// A party's members named in the plural ("the Tories", "Republicans captured the Senate"):
    /// the party, never people by name.
    static let partyMemberHashes = NERHashSet(["republicans", "democrats", "tories", "whigs", "conservatives", "liberals",
        "socialists", "communists", "bolsheviks", "mensheviks", "federalists", "labourites"].map(NERText.hashLower))

    /// One member of a party: "Democrat" where the party is "the Democrats".
    static let partyMemberSingularHashes = NERHashSet(["republican", "democrat", "tory", "whig", "conservative", "liberal",
        "socialist", "communist", "bolshevik", "menshevik", "federalist", "labourite"].map(NERText.hashLower))

    /// Marks each capitalized party plural of the sentence an organization: a span the tagger
    /// began on it becomes one, and one word it passed over is one.
    mutating func markPartyMembers(_ si: Int, _ covered: [Bool], from sentenceStart: Int) {
        let t = sentences[si].tokens
        // Only a capitalized word ending in "s" is looked up.
        for k in NERFlaggedTokens(t, .capitalized) where !t[k].flags.contains(.allCaps) && t[k].length >= 5
            && scalars[t[k].end - 1] == 115 && Self.partyMemberHashes.contains(t[k].lower) {
            if let x = (sentenceStart..<spans.count).first(where: { spans[$0].from <= k && k < spans[$0].to }) {
                if spans[x].to - spans[x].from == 1 { spans[x].type = 2 }
                continue
            }
            guard !covered[k] else { continue }
            var span = Span(sentence: si, from: k, to: k + 1, type: 2, tagged: true)
            setKey(&span)
            spans.append(span)
        }
    }
}

extension NERDocument {
    static let foundedHashes = NERHashSet(["founded", "established", "incorporated", "formed"].map(NERText.hashLower))

    /// "Caloi was founded in 1898 by … Luigi Caloi": a name of one or two words that "was
    /// founded" (established, incorporated, formed) is an organization in the whole article, even
    /// where it is a founder's surname and the tagger read it as a person. Returns the key ids,
    /// one per such span.
    func foundedKeys() -> [Int] {
        var out: [Int] = []
        for s in spans where s.to - s.from <= 2 {
            let t = sentences[s.sentence].tokens
            guard s.to + 1 < t.count, t[s.to].lower == Self.wasHash, Self.foundedHashes.contains(t[s.to + 1].lower),
                  !NERPlaces.contains(t[s.from..<s.to]) else { continue }
            out.append(s.id)
        }
        return out
    }
}
