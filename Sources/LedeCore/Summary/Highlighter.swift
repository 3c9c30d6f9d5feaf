import Foundation

/// Finds the highlight ranges of a bullet: people and organizations, numbers and dates,
/// and the article's key terms, as scalar offsets into the bullet's own text.
///
/// Ranges never overlap; where two kinds compete, a name wins over a number and a number
/// over a term, because the more specific mark tells the reader more.
struct Highlighter {
    private let graph: SentenceGraph
    private let entities: [DocumentEntity]
    /// The graph's term ids of the article's key terms (the highest tf-idf against the
    /// library), strongest first; at most a handful, so a linear search beats any table.
    private let keyTermIDs: [Int32]
    /// Without recognized entities: people the article introduces with a role word
    /// ("cofounder Reid Hoffman"), by the hash of their last name, mapped to the full name,
    /// so that later mentions ("Hoffman") are marked too.
    private let surnames: [UInt64: String]

    /// Every entity mention as (body offsets, index into `entities`), sorted by start.
    private let mentions: [(start: Int, end: Int, entity: Int)]

    private let splitter = SentenceSplitter()

    init(graph: SentenceGraph, entities: [DocumentEntity], terms: any TermStatistics, keyTermCount: Int = 6) {
        self.graph = graph
        self.entities = entities
        var mentions: [(start: Int, end: Int, entity: Int)] = []
        mentions.reserveCapacity(entities.reduce(0) { $0 + $1.mentions.count })
        // By index: copying each mention out would retain its strings.
        for index in entities.indices {
            for m in entities[index].mentions.indices {
                mentions.append((entities[index].mentions[m].start, entities[index].mentions[m].end, index))
            }
        }
        mentions.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        self.mentions = mentions
        self.keyTermIDs = Self.keyTerms(graph: graph, terms: terms, count: keyTermCount)
        self.surnames = entities.isEmpty ? Self.surnames(graph: graph) : [:]
    }

    /// Highlights of a body sentence shown as `text`, whose first scalar is body offset `offset`.
    func highlights(inSentence index: Int, text: [Unicode.Scalar], from offset: Int) -> [Highlight] {
        var candidates: [Highlight] = []
        let end = offset + text.count
        // Mentions in text order: a binary search finds the bullet's first, so each bullet
        // costs its own mentions, not the article's.
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        var m = low
        while m < mentions.count, mentions[m].start < end {
            let mention = mentions[m]
            if mention.end <= end, mention.start < mention.end {
                let entity = entities[mention.entity]
                candidates.append(Highlight(start: mention.start - offset, end: mention.end - offset,
                                            kind: HighlightKind(entity.kind), entity: entity.name))
            }
            m += 1
        }
        // The graph already split this sentence into words and found their terms; shift the
        // words into bullet offsets.
        var words: [TextSpan] = []
        var ids: [Int32] = []
        let sentenceWords = graph.words[index], sentenceTerms = graph.wordTerms[index]
        words.reserveCapacity(sentenceWords.count)
        ids.reserveCapacity(sentenceWords.count)
        for (w, word) in sentenceWords.enumerated() where word.start >= offset && word.end <= end {
            words.append(TextSpan(start: word.start - offset, end: word.end - offset))
            ids.append(sentenceTerms[w])
        }
        return finish(candidates, text: text, words: words, termIDs: ids)
    }

    /// Highlights of the author's key points, whose names are found by matching entity
    /// names. Each entity's distinct surface forms are gathered once for all of them: an
    /// entity named fifty times has one or two forms, not fifty strings to search for in
    /// every key point.
    func highlights(inKeyPoints texts: [[Unicode.Scalar]]) -> [[Highlight]] {
        guard !texts.isEmpty else { return [] }
        var forms: [(form: [Unicode.Scalar], entity: Int)] = []
        for (index, entity) in entities.enumerated() {
            var seen = Set<String>()
            for name in [entity.name] + entity.aliases + entity.mentions.map(\.text)
            where !name.isEmpty && seen.insert(name).inserted {
                forms.append((Array(name.unicodeScalars), index))
            }
        }
        // Longer forms first, so "Elon Musk" is marked whole before "Musk" could be.
        forms.sort { $0.form.count > $1.form.count }
        return texts.map { text in
            var candidates: [Highlight] = []
            for (form, index) in forms {
                let entity = entities[index]
                for start in Self.occurrences(of: form, in: text) {
                    candidates.append(Highlight(start: start, end: start + form.count,
                                                kind: HighlightKind(entity.kind), entity: entity.name))
                }
            }
            return finish(candidates, text: text)
        }
    }

    /// `termIDs`, when given, are the graph's term ids of `words`; otherwise terms are looked up by hash.
    private func finish(_ entityCandidates: [Highlight], text: [Unicode.Scalar], words: [TextSpan]? = nil,
                        termIDs: [Int32]? = nil) -> [Highlight] {
        let words = words ?? splitter.words(in: text)
        var candidates = entityCandidates
        if entities.isEmpty { candidates += nameHighlights(text: text, words: words) }
        candidates += Self.numberHighlights(text: text, words: words)
        // Each key term once per bullet, and at most three, the strongest first: the first
        // mention tells the reader, more is clutter.
        var marked: [(rank: Int, highlight: Highlight)] = []
        for (w, word) in words.enumerated() where !keyTermIDs.isEmpty {
            let id: Int32
            if let termIDs {
                id = termIDs[w]
            } else {
                guard let hash = SentenceGraph.termHash(text, word), let known = graph.existingID(hash) else { continue }
                id = known
            }
            guard id >= 0, let rank = keyTermIDs.firstIndex(of: id),
                  !marked.contains(where: { $0.rank == rank }) else { continue }
            // Leave the possessive outside the mark: "Twitter's" highlights "Twitter".
            var e = word.end
            if e - word.start > 2, text[e - 1] == "s", text[e - 2] == "'" || text[e - 2] == "\u{2019}" { e -= 2 }
            marked.append((rank, Highlight(start: word.start, end: e, kind: .term)))
        }
        candidates += marked.sorted { $0.rank < $1.rank }.prefix(3).map(\.highlight)
        return Self.resolve(candidates, length: text.count)
    }

    /// Keeps in-bounds, non-overlapping highlights, the more specific kind winning.
    static func resolve(_ candidates: [Highlight], length: Int) -> [Highlight] {
        func rank(_ kind: HighlightKind) -> Int {
            switch kind {
            case .person, .organization: return 0
            case .number: return 1
            case .term: return 2
            }
        }
        let ordered = candidates
            .filter { $0.start >= 0 && $0.end <= length && $0.start < $0.end }
            .sorted { a, b in
                if rank(a.kind) != rank(b.kind) { return rank(a.kind) < rank(b.kind) }
                if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
                return a.start < b.start
            }
        var accepted: [Highlight] = []
        for candidate in ordered {
            let span = TextSpan(start: candidate.start, end: candidate.end)
            if accepted.contains(where: { TextSpan(start: $0.start, end: $0.end).overlaps(span) }) { continue }
            accepted.append(candidate)
        }
        return accepted.sorted { $0.start < $1.start }
    }

    /// Start offsets of `form` in `text` at word boundaries.
    static func occurrences(of form: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
        guard form.count <= text.count, let first = form.first else { return [] }
        var result: [Int] = []
        var i = 0
        while i + form.count <= text.count {
            if text[i] == first, text[i..<(i + form.count)].elementsEqual(form),
               i == 0 || !ScalarClass.isWord(text[i - 1]),
               i + form.count == text.count || !ScalarClass.isWord(text[i + form.count]) {
                result.append(i)
                i += form.count
            } else {
                i += 1
            }
        }
        return result
    }

    // MARK: - Numbers

    private static let scaleWords = WordSet([
        "million", "billion", "trillion", "thousand", "hundred", "percent", "bn", "mn", "m", "k", "euros", "euro",
        "dollars", "pounds", "yen", "yuan", "rupees", "francs", "votes", "points", "km", "kg", "miles", "tonnes",
    ])
    private static let months = WordSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])

    /// Amounts, counts, percentages and dates: "$1.13bn", "10,000 GPUs" (the number), "3.5%",
    /// "422,000 euros", "January 23, 2014", "12 April".
    static func numberHighlights(text: [Unicode.Scalar], words: [TextSpan]) -> [Highlight] {
        var result: [Highlight] = []
        var w = 0
        while w < words.count {
            let word = words[w]
            let isNumber = Self.isNumeric(text, word)
            let isMonth = !isNumber && ScalarClass.isUpper(text[word.start])
                && months.contains(text, word)
            if isMonth {
                // A month is a date only next to a day or year: "May" alone may be a verb or a name.
                guard w + 1 < words.count, ScalarClass.isDigit(text[words[w + 1].start]),
                      Self.gap(text, words[w].end, words[w + 1].start, allowing: ".") else {
                    w += 1
                    continue
                }
                var last = w + 1
                if last + 1 < words.count, Self.isYear(text, words[last + 1]),
                   Self.gap(text, words[last].end, words[last + 1].start, allowing: ",") {
                    last += 1
                }
                result.append(Highlight(start: word.start, end: words[last].end, kind: .number))
                w = last + 1
                continue
            }
            guard isNumber else {
                w += 1
                continue
            }
            var start = word.start
            if start > 0, Self.isCurrency(text[start - 1]) {
                start -= 1
                // "US$" and "A$": a prefix of capitals glued to the symbol.
                while start > 0, ScalarClass.isUpper(text[start - 1]), word.start - start < 4 { start -= 1 }
                if start > 0, ScalarClass.isWord(text[start - 1]) { start = word.start - 1 }
            }
            var end = word.end
            var last = w
            if end < text.count, text[end] == "%" || text[end] == "\u{FF05}" { end += 1 }
            if last + 1 < words.count, Self.gap(text, end, words[last + 1].start, allowing: " ") {
                if scaleWords.contains(text, words[last + 1]) {
                    last += 1
                    end = words[last].end
                } else if months.contains(text, words[last + 1]), ScalarClass.isUpper(text[words[last + 1].start]) {
                    last += 1
                    end = words[last].end
                    if last + 1 < words.count, Self.isYear(text, words[last + 1]),
                       Self.gap(text, end, words[last + 1].start, allowing: ",") {
                        last += 1
                        end = words[last].end
                    }
                }
            }
            result.append(Highlight(start: start, end: end, kind: .number))
            w = last + 1
        }
        return result
    }

    private static let unitSuffixes: Set<String> = [
        "", "st", "nd", "rd", "th", "s", "bn", "m", "mn", "k", "am", "pm", "km", "kg", "cm", "mm", "mph", "g", "gb",
        "mb", "tb", "x", "b", "t",
    ]

    /// Digits with an optional unit or ordinal suffix ("22nd", "1990s", "1.13bn") or a hyphened
    /// compound ("14-year-old"); not names that start with a digit ("4chan", "3M").
    static func isNumeric(_ text: [Unicode.Scalar], _ word: TextSpan) -> Bool {
        var i = word.start
        while i < word.end, ScalarClass.isDigit(text[i]) || text[i] == "," || text[i] == "." { i += 1 }
        guard i > word.start, ScalarClass.isDigit(text[word.start]) else { return false }
        if i < word.end, text[i] == "-" { return true }
        var suffix = ""
        for index in i..<word.end {
            if text[index] == "-" { break }
            suffix.unicodeScalars.append(ScalarClass.lowered(text[index]))
        }
        return unitSuffixes.contains(suffix)
    }

    private static func isCurrency(_ c: Unicode.Scalar) -> Bool {
        c == "$" || c == "€" || c == "£" || c == "¥" || c == "₹" || c == "₩" || c == "₽" || c == "₿"
    }

    private static func isYear(_ text: [Unicode.Scalar], _ word: TextSpan) -> Bool {
        word.length == 4 && (word.start..<word.end).allSatisfy { ScalarClass.isDigit(text[$0]) }
    }

    /// Whether only spaces and `mark` (at most 2 scalars) lie between two offsets.
    private static func gap(_ text: [Unicode.Scalar], _ from: Int, _ to: Int, allowing mark: Unicode.Scalar) -> Bool {
        guard to > from, to - from <= 2 else { return false }
        for index in from..<to where text[index] != " " && text[index] != mark { return false }
        return true
    }

    // MARK: - Key terms

    /// The `count` terms with the highest tf-idf against the library; with an empty library,
    /// the most repeated content words. Title-case words used as names are left to the name
    /// highlights, so a key term is a topic word ("GPUs", "iodine"), not a person.
    /// The term ids of the article's key terms, strongest first.
    static func keyTerms(graph: SentenceGraph, terms: any TermStatistics, count: Int) -> [Int32] {
        let documents = terms.documentCount
        var scored: [(id: Int32, hash: UInt64, score: Double)] = []
        let capitalized = graph.titleCaseFrequency
        for id in graph.termHashes.indices {
            let tf = graph.termFrequency[id]
            guard tf >= 2, Double(capitalized[id]) < 0.5 * Double(tf) else { continue }
            let first = graph.termFirstWord[id]
            guard first.length >= 3, !ScalarClass.isDigit(graph.scalars[first.start]),
                  documents > 0 || graph.sentenceFrequency[id] >= 2,
                  !genericWords.contains(graph.termHashes[id]) else { continue }
            var idf = 1.0
            if documents > 0 {
                // Words in most of the library ("council", "said") set nothing apart.
                var surface = BulletEligibility.lower(graph.scalars, first)
                if surface.hasSuffix("'s") || surface.hasSuffix("\u{2019}s") {
                    surface = String(surface.unicodeScalars.dropLast(2))
                }
                let df = terms.documentFrequency(of: surface)
                idf = log(Double(documents + 1) / Double(df + 1))
            }
            if idf > 0.5 { scored.append((Int32(id), graph.termHashes[id], Double(tf) * idf)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.hash < $1.hash }
        // A term far weaker than the strongest does not characterize the article.
        if let top = scored.first?.score { scored.removeAll { $0.score < 0.25 * top } }
        return scored.prefix(count).map(\.id)
    }

    /// Words too common in any news text to set an article apart; only consulted when the
    /// library has no statistics yet (tf-idf discounts them once it has).
    private static let genericWords: Set<UInt64> = {
        let words = [
            "seem", "found", "find", "left", "leave", "away", "take", "took", "taken", "come", "came", "go", "went",
            "gone", "put", "set", "use", "used", "part", "time", "people", "day", "today", "yesterday", "tomorrow",
            "hard", "pay", "give", "gave", "given", "show", "shown", "want", "look", "looking", "think", "know",
            "known", "see", "seen", "call", "called", "ask", "asked", "tell", "report", "reported", "according",
            "another", "every", "around", "without", "within", "among", "across", "already", "never", "always",
            "often", "recent", "recently", "second", "third", "next", "several", "around", "group", "number",
            "place", "case", "point", "thing", "way", "lot", "part", "side", "end", "high", "low", "long", "good",
            "great", "big", "small", "large", "old", "young", "able", "likely", "former", "become", "became",
            "added", "noted", "early", "late", "later", "far", "less", "least", "best", "better", "based",
        ]
        return Set(words.compactMap { SentenceGraph.rawHash(Array($0.unicodeScalars)) })
    }()

    // MARK: - Names without a recognizer

    private static let particles = WordSet(["de", "van", "von", "der", "da", "di", "du", "la", "le", "bin", "al"])

    /// Words that introduce a person's name: "cofounder Reid Hoffman", "President Barack Obama".
    private static let roles = WordSet([
        "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "senator", "sen", "governor", "gov",
        "professor", "prof", "administrator", "minister", "premier", "judge", "justice", "mayor", "ceo", "cfo",
        "coo", "cto", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "founder",
        "cofounder", "co-founder", "creator", "director", "chief", "prosecutor", "lawyer", "attorney", "curator",
        "secretary", "mp", "rep", "representative", "congressman", "congresswoman", "councillor", "councilor",
        "reporter", "author", "writer", "actor", "actress", "singer", "rapper", "player", "coach", "manager",
        "pope", "king", "queen", "prince", "princess", "bishop", "cardinal", "rabbi", "imam", "general", "gen",
        "captain", "capt", "officer", "detective", "sheriff", "commissioner", "chancellor", "economist",
        "analyst", "scientist", "researcher", "politician", "activist", "candidate", "leader", "head", "founder",
        "investor", "billionaire", "entrepreneur", "editor", "columnist", "host", "artist", "photographer",
        "designer", "architect", "historian", "student", "teacher", "doctor", "nurse", "dean", "principal",
    ])

    /// Capitalized runs (not counting a text's first word) of title-case words and name
    /// particles, each with the word just before it.
    private static func capitalizedRuns(text: [Unicode.Scalar], words: [TextSpan]) -> [(run: [TextSpan], before: TextSpan?)] {
        var runs: [(run: [TextSpan], before: TextSpan?)] = []
        var current: [TextSpan] = []
        var before: TextSpan?
        func flush() {
            while let last = current.last, !isTitleCase(text, last) { current.removeLast() }
            if !current.isEmpty { runs.append((current, before)) }
            current.removeAll()
        }
        for (w, word) in words.enumerated() {
            let adjacent = current.last.map { Self.gap(text, $0.end, word.start, allowing: " ") } ?? true
            if isTitleCase(text, word), w > 0, adjacent {
                if current.isEmpty { before = w > 0 ? words[w - 1] : nil }
                current.append(word)
            } else if !current.isEmpty, adjacent, particles.contains(text, word) {
                current.append(word)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// "Hoffman", "El-Hassan": an upper-case letter, then lower-case letters (each hyphen part too).
    private static func isTitleCase(_ text: [Unicode.Scalar], _ word: TextSpan) -> Bool {
        var e = word.end
        if e - word.start > 2, text[e - 1] == "s", text[e - 2] == "'" || text[e - 2] == "\u{2019}" { e -= 2 }
        guard e - word.start >= 2, ScalarClass.isUpper(text[word.start]) else { return false }
        var partStart = true
        for i in word.start..<e {
            let c = text[i]
            if c == "-" || c == "\u{2010}" {
                partStart = true
                continue
            }
            if partStart {
                if !ScalarClass.isUpper(c) { return false }
                partStart = false
            } else if !ScalarClass.isLower(c), c.properties.generalCategory != .nonspacingMark,
                      c != "'", c != "\u{2019}" {
                return false
            }
        }
        return true
    }

    /// A person's name inside a run: the run after any leading role words ("President"),
    /// when a role word introduces it and 2 or 3 name words remain.
    private static func personName(text: [Unicode.Scalar], run: [TextSpan], before: TextSpan?) -> ArraySlice<TextSpan>? {
        var name = run[...]
        var introduced = before.map { roles.contains(text, $0) } ?? false
        while let first = name.first, roles.contains(text, first) {
            name = name.dropFirst()
            introduced = true
        }
        guard introduced, (2...3).contains(name.count) else { return nil }
        return name
    }

    private static func withoutPossessive(_ text: [Unicode.Scalar], _ word: TextSpan) -> Int {
        var end = word.end
        if end - word.start > 2, text[end - 1] == "s", text[end - 2] == "'" || text[end - 2] == "\u{2019}" { end -= 2 }
        return end
    }

    /// People the article introduces with a role word, by the hash of their last name.
    ///
    /// Only words followed by a title-case word are looked up as roles, so the scan stays
    /// cheap on every article.
    private static func surnames(graph: SentenceGraph) -> [UInt64: String] {
        var names: [UInt64: String] = [:]
        let text = graph.scalars
        for words in graph.words where words.count > 2 {
            var w = 0
            while w + 1 < words.count {
                let next = words[w + 1]
                guard ScalarClass.isUpper(text[next.start]), isTitleCase(text, next), roles.contains(text, words[w]) else {
                    w += 1
                    continue
                }
                // The name: title-case words after the role words, joined by single spaces.
                var start = w + 1
                while start < words.count, roles.contains(text, words[start]), isTitleCase(text, words[start]) { start += 1 }
                var end = start
                while end < words.count, isTitleCase(text, words[end]),
                      end == start || gap(text, words[end - 1].end, words[end].start, allowing: " ") {
                    end += 1
                }
                if (2...3).contains(end - start), let hash = SentenceGraph.termHash(text, words[end - 1]), names[hash] == nil {
                    names[hash] = makeString(text[words[start].start..<withoutPossessive(text, words[end - 1])])
                }
                w = max(end, w + 1)
            }
        }
        return names
    }

    /// People named in `text` when there is no recognizer output: names the article
    /// introduces with a role word ("cofounder Reid Hoffman"), and later mentions of their
    /// last name. Organizations cannot be told from places by form alone, so they stay unmarked.
    private func nameHighlights(text: [Unicode.Scalar], words: [TextSpan]) -> [Highlight] {
        guard !surnames.isEmpty else { return [] }
        var result: [Highlight] = []
        // The first word of a bullet counts too: "Hoffman, for his part, …".
        var runs = Self.capitalizedRuns(text: text, words: words)
        if let first = words.first, Self.isTitleCase(text, first), runs.first?.run.first != first {
            runs.insert(([first], nil), at: 0)
        }
        for (run, before) in runs {
            let name = Self.personName(text: text, run: run, before: before) ?? run.suffix(min(run.count, 3))
            guard let first = name.first, let last = name.last, let hash = SentenceGraph.termHash(text, last),
                  let canonical = surnames[hash] else { continue }
            result.append(Highlight(start: first.start, end: Self.withoutPossessive(text, last), kind: .person,
                                    entity: canonical))
        }
        return result
    }
}

extension HighlightKind {
    init(_ kind: EntityKind) {
        switch kind {
        case .person: self = .person
        case .organization: self = .organization
        }
    }
}
