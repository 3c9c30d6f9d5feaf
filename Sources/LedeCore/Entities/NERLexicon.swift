import Foundation

/// Word lists the tagger uses as features and the recognizer uses as rules.
///
/// Two sources: the built-in lists below (titles, organization heads, well-known outlets and
/// companies) and `Resources/ner/lexicon.txt`, written by `lede-train-ner` from the census
/// name lists and the training text ("word<TAB>flags" per line).
package struct NERLexicon: Sendable {
    package private(set) var flags: [UInt64: UInt32] = [:]
    /// `flags` as an open-addressing table (keys are already mixed hashes, so their low bits
    /// index it directly): one or two probes per token instead of a SipHash per lookup.
    private var tableKeys: [UInt64] = []
    private var tableValues: [UInt32] = []
    private var tableMask = 0

    package init(fileText: String?) {
        for (words, flag) in Self.builtIn {
            for w in words { add(w, flag) }
        }
        if let text = fileText { load(text) }
        buildTable()
    }

    private mutating func buildTable() {
        var size = 16
        while size < flags.count * 2 { size <<= 1 }
        tableMask = size - 1
        tableKeys = [UInt64](repeating: 0, count: size)
        tableValues = [UInt32](repeating: 0, count: size)
        for (k, v) in flags where k != 0 {
            var i = Int(truncatingIfNeeded: k) & tableMask
            while tableKeys[i] != 0 { i = (i + 1) & tableMask }
            tableKeys[i] = k
            tableValues[i] = v
        }
    }

    mutating func add(_ word: String, _ flag: TokenFlags) {
        flags[NERText.hashLower(word), default: 0] |= flag.rawValue
    }

    private mutating func load(_ text: String) {
        var utf8 = Array(text.utf8)
        utf8.append(10)
        var lineStart = 0
        var tab = -1
        for i in 0..<utf8.count {
            let b = utf8[i]
            if b == 9 { tab = i; continue }
            guard b == 10 else { continue }
            if tab > lineStart {
                var f: UInt32 = 0
                for j in (tab + 1)..<i where utf8[j] >= 48 && utf8[j] <= 57 { f = f * 10 + UInt32(utf8[j] - 48) }
                let word = String(decoding: utf8[lineStart..<tab], as: UTF8.self)
                flags[NERText.hashLower(word), default: 0] |= f & 0xFF00
            }
            lineStart = i + 1
            tab = -1
        }
    }

    @inline(__always)
    package func lookup(_ lower: UInt64) -> TokenFlags {
        guard lower != 0, !tableKeys.isEmpty else { return [] }
        return tableKeys.withUnsafeBufferPointer { keys in
            var i = Int(truncatingIfNeeded: lower) & tableMask
            while true {
                let k = keys[i]
                if k == lower { return TokenFlags(rawValue: tableValues[i]) }
                if k == 0 { return [] }
                i = (i + 1) & tableMask
            }
        }
    }

    package func has(_ word: String, _ flag: TokenFlags) -> Bool {
        lookup(NERText.hashLower(word)).contains(flag)
    }

    /// Tokenizes and annotates `s[from..<to]`.
    package func tokens(_ s: [UInt32], from: Int, to: Int) -> [NERToken] {
        NERText.tokenize(s, from: from, to: to).map { r in
            var t = NERText.token(s, r.0, r.1)
            t.flags.formUnion(lookup(t.lower))
            return t
        }
    }

    static let titles = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "prime", "minister", "secretary",
        "senator", "sen.", "governor", "gov.", "king", "queen", "prince", "princess", "pope", "general", "gen.",
        "chancellor", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "chief", "judge", "justice",
        "ambassador", "commander", "admiral", "representative", "rep.", "congressman", "congresswoman", "pastor",
        "reverend", "rev.", "bishop", "cardinal", "archbishop", "lieutenant", "lt.", "colonel", "col.", "sergeant",
        "sgt.", "captain", "capt.", "premier", "spokesman", "spokeswoman", "spokesperson", "deputy", "vice",
        "sheikh", "ayatollah", "emperor", "sultan", "professor", "prof.", "mayor", "director", "founder",
        "cofounder", "co-founder", "executive", "lord", "lady", "sir", "dame", "coach", "manager", "officer",
        "analyst", "detective", "inspector", "superintendent", "commissioner", "sheriff", "attorney", "lawyer",
        "economist", "curator", "editor", "reporter", "correspondent", "actor", "actress", "singer", "author",
        "founder", "chairperson", "treasurer", "head", "leader", "foreign", "defense", "defence", "interior",
        "finance", "opposition", "former", "late", "st.", "saint", "mrs", "miss", "madam", "brother", "sister",
        "father", "uncle", "aunt", "dean", "principal", "rabbi", "imam", "cleric", "marshal", "major", "maj.",
    ]

    static let orgHeads = [
        "inc", "inc.", "corp", "corp.", "corporation", "co.", "ltd", "ltd.", "llc", "plc", "gmbh", "ag", "llp",
        "group", "bank", "university", "college", "institute", "institution", "school", "academy", "ministry",
        "department", "agency", "authority", "commission", "committee", "council", "party", "foundation",
        "museum", "gallery", "galleries", "association", "society", "federation", "union", "league", "club",
        "company", "holdings", "partners", "labs", "laboratories", "laboratory", "systems", "technologies",
        "airlines", "airways", "news", "times", "post", "journal", "magazine", "press", "network", "networks",
        "broadcasting", "media", "studios", "records", "fc", "board", "bureau", "office", "services", "court",
        "parliament", "congress", "senate", "assembly", "army", "navy", "police", "forces", "church", "hospital",
        "center", "centre", "fund", "trust", "organization", "organisation", "alliance", "coalition", "front",
        "movement", "brigade", "brigades", "tribunal", "guard", "council", "cabinet", "administration",
        "enterprises", "industries", "motors", "pharmaceuticals", "capital", "ventures", "securities",
        "insurance", "energy", "petroleum", "telecom", "communications", "entertainment", "publishing",
        "herald", "tribune", "gazette", "chronicle", "daily", "weekly", "review", "reuters", "channel",
        "radio", "television", "tv", "orchestra", "band", "choir", "team", "squad", "brewery", "restaurant",
        "hotel", "airport", "station", "initiative", "program", "programme", "project", "service", "unit",
        "division", "directorate", "secretariat", "observatory", "consortium", "cooperative", "syndicate",
    ]

    /// Well-known organizations whose one-word names are also common words or unlike names.
    static let knownOrgs = [
        "reuters", "bloomberg", "cnn", "bbc", "cnbc", "nbc", "abc", "cbs", "fox", "npr", "pbs", "ap", "afp",
        "msnbc", "espn", "hbo", "netflix", "google", "alphabet", "apple", "microsoft", "amazon", "facebook",
        "meta", "twitter", "tesla", "spacex", "openai", "deepmind", "nvidia", "intel", "amd", "ibm", "oracle",
        "samsung", "sony", "toyota", "honda", "ford", "boeing", "airbus", "walmart", "uber", "lyft", "airbnb",
        "linkedin", "youtube", "instagram", "tiktok", "bytedance", "alibaba", "tencent", "huawei", "baidu",
        "xiaomi", "snapchat", "reddit", "wikipedia", "insider", "axios", "politico", "guardian",
        "telegraph", "economist", "forbes", "fortune", "wired", "techcrunch", "engadget", "mozilla",
        "anthropic", "paypal", "visa", "mastercard", "goldman", "jpmorgan", "citigroup", "barclays", "hsbc",
        "ubs", "pfizer", "moderna", "nestle", "unilever", "shell", "exxonmobil", "exxon", "chevron", "siemens",
        "volkswagen", "bmw", "nissan", "hyundai", "panasonic", "nintendo", "disney", "spotify", "dropbox",
        "salesforce", "adobe", "cisco", "qualcomm", "tsmc", "nasa", "fbi", "cia", "nsa", "nato", "imf",
        "opec", "fifa", "uefa", "unicef", "unesco", "interpol", "pentagon", "kremlin", "hamas", "hezbollah",
        "taliban", "al-qaida", "al-qaeda", "gazprom", "yahoo", "ebay", "starbucks", "mcdonald's", "nike",
        "adidas", "coca-cola", "pepsico", "aramco", "toshiba", "hitachi", "fujitsu", "lenovo", "dell", "hp",
        "vodafone", "verizon", "comcast", "at&t", "xerox", "kodak", "polaroid", "yandex", "telegram", "whatsapp",
        "signal", "discord", "twitch", "stripe", "coinbase", "binance", "robinhood", "nasdaq", "interfax",
        "xinhua", "itar-tass", "tass", "kyodo", "yonhap", "al-jazeera", "nyt", "wsj", "wapo", "un",
    ]

    /// Lower-case words that begin names: "al-Assad", "van Gogh", "de la Rúa", "bin Laden".
    static let particles = [
        "di", "de", "da", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "du",
        "dos", "das", "ter", "ten", "abu", "ben", "mac", "st", "y",
    ]

    static let builtIn: [([String], TokenFlags)] = [
        (titles, .title), (orgHeads, .orgHead), (knownOrgs, .knownOrg), (particles, .particle),
    ]

    package static let titleWords: Set<String> = Set(titles)
    package static let orgHeadWords: Set<String> = Set(orgHeads)
}
