import Foundation

/// Span rules for organizations that news names in ways the tagger and the general span rules get
/// wrong. Each looks only at a span already found and the words next to it, so none of them adds
/// a pass over the sentence's tokens.
extension NERDocument {
    /// Buildings that stand for a government by metonymy and are listed among the places
    /// (`NERPlaces`): "the White House", "Downing Street". Hashed as `NERPlaces.contains` hashes a span.
    static let seatOfGovernmentHashes = NERHashSet(["White House", "Downing Street", "Elysee Palace", "Élysée Palace",
                                                    "Blue House"].map { name in
        let s = name.unicodeScalars.map(\.value)
        return NERText.tokenize(s, from: 0, to: s.count).reduce(NERPlaces.emptyHash) {
            nerCombine($0, NERText.hashLower(s[$1.0..<$1.1]))
        }
    })

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
        return Self.seatOfGovernmentHashes.contains(t[s.from..<s.to].reduce(NERPlaces.emptyHash) { nerCombine($0, $1.lower) })
    }
}

extension NERDocument {
    /// Lower-case nouns for a kind of organization that news puts right before its name, as an
    /// apposition: "the band Sigur Rós", "relief agency Tearfund", "oil firm Yukos". Nouns that
    /// also stand before a person's name ("manufacturer", "publisher", "duo") are left out.
    static let organizationNounHashes = NERHashSet(["band", "company", "firm", "agency", "label", "newspaper",
        "magazine", "airline", "network", "broadcaster", "bank", "retailer", "charity", "organization",
        "organisation", "conglomerate", "automaker", "carmaker", "insurer", "lender", "startup", "quartet",
        "orchestra"].map(NERText.hashLower))

    /// The organization rules of one sentence, run after the person rules once its spans are
    /// appended (`sentenceStart..<spans.count`).
    mutating func applyOrganizationRules(_ si: Int, _ sentenceStart: Int, _ covered: inout [Bool]) {
        guard sentenceStart < spans.count else { return }
        // The sentence's tokens once: both rules read only the words right around each span.
        let t = sentences[si].tokens
        var x = sentenceStart
        while x < spans.count {
            let from = spans[x].from, to = spans[x].to
            if spans[x].type != 2, from > 0, isOrganizationNoun(t[from - 1]) { spans[x].type = 2 }
            if spans[x].type == 2, to < t.count, t[to].length == 1, t[to].flags.contains(.isPunct) {
                joinAmpersandTail(x, sentenceStart, &covered)
            }
            x += 1
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
        let amp = spans[x].to
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
        span.to = end
        setKey(&span)
        spans[x] = span
        for k in amp..<end { covered[k] = true }
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
