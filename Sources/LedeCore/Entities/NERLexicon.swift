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
    /// The upper 32 bits of each key (the low bits chose the slot) beside its flags: 8 bytes a
    /// slot keeps the table small enough to stay mostly in cache.
    private var table: [(key: UInt32, flags: UInt32)] = []
    private var tableMask = 0

    package init(fileText: String?) {
        for (words, flag) in Self.builtIn {
            for w in words { add(w, flag) }
        }
        if let text = fileText { load(text) }
        for h in NERDocument.ruleWordHashes.elements { flags[h, default: 0] |= TokenFlags.ruleWord.rawValue }
        buildTable()
    }

    private mutating func buildTable() {
        var size = 16
        while size * 2 < flags.count * 3 { size <<= 1 }
        tableMask = size - 1
        table = [(key: UInt32, flags: UInt32)](repeating: (0, 0), count: size)
        for (k, v) in flags where k >> 32 != 0 {
            var i = Int(truncatingIfNeeded: k) & tableMask
            while table[i].key != 0 { i = (i + 1) & tableMask }
            table[i] = (UInt32(truncatingIfNeeded: k >> 32), v)
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
        let tag = UInt32(truncatingIfNeeded: lower >> 32)
        guard tag != 0, !table.isEmpty else { return [] }
        return table.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: lower) & tableMask
            while true {
                let k = slots[i].key
                if k == tag { return TokenFlags(rawValue: slots[i].flags) }
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
        var out = tokenized(s, from: from, to: to)
        addLexiconFlags(&out, s)
        return out
    }

    /// The same tokens, built in `scratch` (room for `to - from` tokens or more; a range longer
    /// than it is tokenized as above) and copied out to an array of their exact number: an array
    /// with room for a token per scalar was several times a sentence's tokens in size, and
    /// allocating (and freeing) that for every sentence cost more than the copy.
    package func tokens(_ s: [UInt32], from: Int, to: Int, scratch: UnsafeMutableBufferPointer<NERToken>) -> [NERToken] {
        let (from, to) = (max(0, from), min(to, s.count))
        guard to - from <= scratch.count else { return tokens(s, from: from, to: to) }
        var n = 0
        s.withUnsafeBufferPointer { p in
            NERText.tokens(p, from: from, to: to) { token in
                scratch.initializeElement(at: n, to: token)
                n += 1
            }
        }
        var out = Array(UnsafeBufferPointer(rebasing: scratch[0..<n]))
        addLexiconFlags(&out, s)
        return out
    }

    private func tokenized(_ s: [UInt32], from: Int, to: Int) -> [NERToken] {
        var out: [NERToken]
        let (from, to) = (max(0, from), min(to, s.count))
        if to - from <= 2048 {
            // A token has at least one scalar, so a sentence's scalars bound its tokens: each token
            // is built straight into the array's storage, where appending checked the array's
            // uniqueness and capacity and copied the token once more. (A longer range, the whole
            // text of an article without sentences, is not worth that much room per scalar.)
            out = [NERToken](unsafeUninitializedCapacity: max(0, to - from)) { buf, count in
                var n = 0
                s.withUnsafeBufferPointer { p in
                    NERText.tokens(p, from: from, to: to) { token in
                        buf.initializeElement(at: n, to: token)
                        n += 1
                    }
                }
                count = n
            }
        } else {
            out = []
            // News text runs about five scalars a token, punctuation included; a third of the scalars
            // leaves room for dense sentences, so the array is almost never reallocated and copied.
            out.reserveCapacity((to - from) / 3 + 8)
            s.withUnsafeBufferPointer { p in
                NERText.tokens(p, from: from, to: to) { out.append($0) }
            }
        }
        return out
    }

    /// The lexicon's flags of each token, and `.plainWord` where the context says so.
    private func addLexiconFlags(_ out: inout [NERToken], _ s: [UInt32]) {
        // One pass: a token's `.plainWord` reads its own flags, the lexicon's included, and only
        // the tokenizer's flags of the next token, so it is decided as soon as the token's own are
        // looked up. Through the buffers: indexing the arrays checks uniqueness and bounds at every
        // token, and the table's look-up opened its buffer once per token.
        table.withUnsafeBufferPointer { addLexiconFlags(&out, s, $0) }
    }

    @inline(__always)
    private func addLexiconFlags(_ out: inout [NERToken], _ s: [UInt32], _ slots: UnsafeBufferPointer<(key: UInt32, flags: UInt32)>) {
        let tableMask = tableMask
        let names = TokenFlags.firstName.rawValue | TokenFlags.surname.rawValue | TokenFlags.knownOrg.rawValue
            | TokenFlags.orgHead.rawValue | TokenFlags.title.rawValue | TokenFlags.particle.rawValue
        out.withUnsafeMutableBufferPointer { out in
            let n = out.count
            for k in 0..<n {
                // `lookup`, on the buffer opened once.
                let lower = out[k].lower
                let tag = UInt32(truncatingIfNeeded: lower >> 32)
                if tag != 0, !slots.isEmpty {
                    var i = Int(truncatingIfNeeded: lower) & tableMask
                    while true {
                        let key = slots[i].key
                        if key == tag {
                            out[k].flags.formUnion(TokenFlags(rawValue: slots[i].flags))
                            break
                        }
                        if key == 0 { break }
                        i = (i + 1) & tableMask
                    }
                }
                let f = out[k].flags.rawValue
                if f & TokenFlags.isPunct.rawValue != 0, k + 1 < n, out[k + 1].start == out[k].end,
                   out[k].end == out[k].start + 1, s[out[k].start] == 0x23 {
                    out[k + 1].flags.insert(.plainWord)
                    continue
                }
                guard f & TokenFlags.capitalized.rawValue != 0, f & TokenFlags.commonLower.rawValue != 0,
                      f & (names | TokenFlags.allCaps.rawValue) == 0 else { continue }
                if k + 1 < n, out[k + 1].flags.contains(.capitalized) || out[k + 1].flags.contains(.hasDigit) { continue }
                out[k].flags.insert(.plainWord)
            }
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
        "municipality", "planetarium",
    ]

    /// Well-known organizations named by one word (companies, news media, agencies and
    /// international bodies, parties and armed groups, sports bodies and clubs, universities):
    /// the kind of list any news recognizer ships, written for lede from general knowledge (see
    /// Resources/ner/SOURCE.md). One-word names only: longer names are the tagger's and the
    /// institution rules' job. Names that are mostly people or places ("Chelsea", "Liverpool",
    /// "Delta") are left out; the recognizer still checks context (not sentence-initial when
    /// also a common word, not inside a longer capitalized name).
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
        // Companies.
        "pinterest", "shopify", "etsy", "expedia", "tripadvisor", "zillow", "palantir", "broadcom", "micron",
        "infosys", "wipro", "accenture", "deloitte", "kpmg", "pwc", "mckinsey", "nokia", "ericsson", "motorola",
        "asus", "acer", "bosch", "daimler", "porsche", "audi", "volvo", "renault", "peugeot",
        "stellantis", "fiat", "ferrari", "lamborghini", "mazda", "subaru", "mitsubishi", "yamaha",
        "honeywell", "raytheon", "lockheed", "northrop", "bombardier", "embraer", "abb", "basf", "bayer",
        "novartis", "roche", "sanofi", "astrazeneca", "glaxosmithkline", "gsk", "merck", "abbvie", "amgen",
        "gilead", "biogen", "regeneron", "medtronic", "biontech", "novavax", "walgreens", "cvs", "costco",
        "kroger", "tesco", "carrefour", "aldi", "lidl", "ikea", "h&m", "uniqlo", "gucci", "prada",
        "chanel", "lvmh", "rolex", "nestlé", "danone", "mondelez", "colgate", "pepsi",
        "heineken", "carlsberg", "diageo", "citi", "citibank", "blackrock", "blackstone", "kkr", "berkshire",
        "santander", "bnp", "commerzbank", "rabobank", "nomura", "mizuho", "allianz", "axa",
        "prudential", "metlife", "aig", "natwest", "euronext", "telefonica", "airtel", "docomo", "softbank",
        "rakuten", "meituan", "pinduoduo", "temu", "shein", "weibo", "wechat", "gojek", "tokopedia", "naver",
        "kakao", "lg", "foxconn", "adani", "rosneft", "lukoil", "sberbank", "aeroflot", "petrobras", "pemex",
        "equinor", "totalenergies", "bp", "repsol", "conocophillips", "halliburton", "schlumberger",
        "sinopec", "petrochina", "cnooc", "lufthansa", "qantas", "ryanair", "easyjet", "klm", "jetblue",
        "fedex", "dhl", "maersk", "caterpillar", "3m", "gm", "vw", "nissan", "ibm",
        "openai", "xai", "nvidia", "asml", "tsmc", "samsung", "sk", "hynix", "zte", "dji", "byd",
        "nio", "xpeng", "rivian", "waymo", "zoox", "netflix", "hulu", "roku", "peloton",
        "doordash", "instacart", "grubhub", "deliveroo", "zomato", "swiggy", "flipkart", "paytm",
        "klarna", "revolut", "monzo", "venmo", "zelle", "ftx", "tether",
        // News media.
        "newsweek", "vox", "buzzfeed", "huffpost", "gizmodo", "mashable", "propublica", "mediapart", "semafor",
        "breitbart", "newsmax", "euronews", "sputnik", "haaretz", "ynet", "asahi", "yomiuri", "nikkei",
        "spiegel", "bild", "libération", "figaro", "repubblica", "cbc", "ctv", "sbs", "rté", "itv",
        "telemundo", "univision", "paramount", "lionsgate", "pixar", "marvel", "dreamworks", "miramax", "mgm",
        "vevo", "soundcloud", "iheartradio", "siriusxm", "substack", "tumblr", "quora", "wikimedia",
        "craigslist", "wikinews", "gawker", "4chan", "variety", "billboard", "scmp", "ndtv", "rfi", "dw", "nhk", "kbs",
        "mbc", "abc", "bfm", "ansa", "efe", "dpa", "pti", "bernama", "antara", "wafa", "irna",
        "anadolu", "tasnim",
        // Governments' agencies, international bodies, armed and political groups.
        "eu", "unhcr", "unrwa", "undp", "wto", "oecd", "asean", "iaea", "icc", "icj", "europol", "frontex",
        "fema", "epa", "fda", "cdc", "nih", "nhs", "faa", "fcc", "ftc", "sec", "irs", "dhs", "doj", "atf", "dea",
        "usda", "noaa", "nsf", "darpa", "esa", "jaxa", "isro", "roscosmos", "cnsa", "mi5", "mi6", "gchq",
        "mossad", "kgb", "fsb", "stasi", "isis", "isil", "daesh", "fatah", "pkk", "ira", "farc", "greenpeace",
        "oxfam", "amnesty", "wwf", "aclu", "naacp", "nra", "aarp", "gop", "labour", "likud", "fidesz", "syriza",
        "podemos", "spd", "cdu", "csu", "afd", "bjp", "anc", "kuomintang", "kmt", "bundestag", "knesset",
        "duma", "bundesbank", "eurostat", "bundeswehr", "ecb", "fed", "opcw", "unesco", "unicef", "wfp",
        "unaids", "unfpa", "ohchr", "msf", "icrc", "ifrc", "osce", "g7", "g20", "brics", "apec", "ecowas",
        "mercosur", "nafta", "usmca", "idf", "pla", "kcna", "sanef",
        // Sports bodies and clubs.
        "nfl", "nba", "mlb", "nhl", "ncaa", "mls", "ioc", "wada", "atp", "wta", "pga", "nascar", "fia",
        "arsenal", "juventus", "bayern", "ajax", "benfica", "psg", "lakers", "celtics", "yankees", "dodgers",
        "knicks", "bcci", "icc",
        // Universities usually named by one word.
        "harvard", "yale", "stanford", "princeton", "mit", "caltech", "cornell", "ucla", "nyu", "sorbonne",
        "usc", "lse", "eth", "epfl", "kaist",
    ]

    /// Well-known firms and clubs whose names of two words or more read as a person's or a place's
    /// ("Morgan Stanley", "Wells Fargo", "Real Madrid", "Manchester City"): the kind of list any
    /// news recognizer ships, written for lede from general knowledge. Not a tagger feature: the
    /// tag rules mark them (`NERDocument.markWellKnownNames`), so the weights do not depend on it.
    static let wellKnownNames = [
        // Firms named like people or places.
        // (Not those that are also their founders' names, as "Walt Disney" or "Ralph Lauren".)
        "Morgan Stanley", "Wells Fargo", "Dow Jones", "Lockheed Martin", "Johnson & Johnson", "Procter & Gamble",
        "Ernst & Young", "Marks & Spencer", "Rolls-Royce", "Harley-Davidson", "Mercedes-Benz", "Hewlett-Packard",
        "Hewlett Packard Enterprise", "Credit Suisse", "Bank of America", "Standard Chartered", "Merrill Lynch",
        "Lehman Brothers", "Bear Stearns", "Sherwin-Williams", "Abercrombie & Fitch", "Barnes & Noble",
        "Simon & Schuster", "Warner Bros.", "Warner Bros", "Paramount Global", "General Electric", "General Mills",
        "General Dynamics", "Hugo Boss", "Booz Allen Hamilton", "Booz Allen", "T. Rowe Price", "Philip Morris",
        // Clubs named by their city alone or with a word that is no plural.
        "Real Madrid", "Atletico Madrid", "Real Sociedad", "Real Betis", "Manchester City", "Manchester United",
        "Leicester City", "Norwich City", "Stoke City", "Swansea City", "Cardiff City", "Bristol City", "Hull City",
        "Birmingham City", "Aston Villa", "West Ham", "West Ham United", "Crystal Palace", "Tottenham Hotspur",
        "Newcastle United", "Leeds United", "Sheffield United", "Sheffield Wednesday", "Nottingham Forest",
        "Bayern Munich", "Borussia Dortmund", "Bayer Leverkusen", "Inter Milan", "AC Milan", "Paris Saint-Germain",
        "Olympique Lyonnais", "Olympique de Marseille", "Ajax Amsterdam", "Sporting Lisbon",
        "Boca Juniors", "River Plate", "Inter Miami", "LA Galaxy", "Orlando City", "New York City FC",
    ]

    /// `wellKnownNames` hashed as a span of their words is (`NERPlaces.hash`).
    static let wellKnownNameHashes = NERHashSet(wellKnownNames.map(NERPlaces.hash(ofPhrase:)))
    /// Their first words: most capitalized words begin none of them and are passed over on one look-up.
    static let wellKnownFirstWordHashes = NERHashSet(wellKnownNames.compactMap { NERText.wordHashes($0).first })

    /// Fictional characters famous enough that news names them like people ("a secret elevator in
    /// Bruce Wayne's manor"): no one, as a reader's list of people goes. Written for lede from
    /// general knowledge; full names, and one-word names no real person goes by.
    static let fictionalCharacters = [
        // Comics and their films.
        "bruce wayne", "clark kent", "lois lane", "peter parker", "mary jane watson", "tony stark", "steve rogers",
        "bruce banner", "natasha romanoff", "diana prince", "barry allen", "hal jordan", "arthur curry",
        "wade wilson", "logan howlett", "charles xavier", "jean grey", "lex luthor", "dick grayson", "harley quinn",
        "selina kyle", "alfred pennyworth", "commissioner gordon", "nick fury", "thanos", "batman", "superman",
        "spider-man", "spiderman", "iron man", "captain america", "wonder woman", "black widow", "catwoman",
        "nightwing", "the joker", "deadpool", "hulk", "the hulk", "aquaman", "green lantern", "the flash",
        "doctor strange", "black panther", "captain marvel", "scarlet witch", "ant-man", "hawkeye",
        // Books, plays and their films.
        "harry potter", "hermione granger", "ron weasley", "albus dumbledore", "lord voldemort", "voldemort",
        "severus snape", "sherlock holmes", "john watson", "dr. watson", "hercule poirot", "miss marple",
        "james bond", "jack ryan", "jason bourne", "atticus finch", "holden caulfield", "jay gatsby",
        "elizabeth bennet", "mr. darcy", "jane eyre", "oliver twist", "ebenezer scrooge", "tom sawyer",
        "huckleberry finn", "frodo baggins", "bilbo baggins", "gandalf", "aragorn", "katniss everdeen",
        "lisbeth salander", "hannibal lecter", "count dracula", "dracula", "frankenstein's monster", "don quixote",
        "robinson crusoe", "winnie the pooh", "peter pan", "captain hook", "alice in wonderland", "romeo and juliet",
        // Films, television and games.
        "luke skywalker", "darth vader", "han solo", "princess leia", "leia organa", "obi-wan kenobi", "yoda",
        "indiana jones", "ethan hunt", "john mcclane", "rocky balboa", "forrest gump", "lara croft",
        "master chief", "super mario", "donkey kong", "sonic the hedgehog", "pikachu", "homer simpson",
        "bart simpson", "marge simpson", "lisa simpson", "walter white", "tony soprano", "don draper", "jon snow",
        "daenerys targaryen", "tyrion lannister", "mickey mouse", "minnie mouse", "donald duck", "bugs bunny",
        "daffy duck", "spongebob squarepants", "scooby-doo", "shrek", "buzz lightyear", "optimus prime",
        "captain kirk", "james t. kirk", "mr. spock", "jean-luc picard", "the doctor", "doctor who", "santa claus",
    ]

    /// `fictionalCharacters` hashed as a span of their words is (`NERPlaces.hash`).
    static let fictionalHashes = NERHashSet(fictionalCharacters.map(NERPlaces.hash(ofPhrase:)))

    /// Lower-case words that begin names: "al-Assad", "van Gogh", "de la Rúa", "bin Laden".
    static let particles = [
        "di", "de", "da", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "du",
        "dos", "das", "ter", "ten", "abu", "ben", "mac", "st", "y",
    ]

    static let builtIn: [([String], TokenFlags)] = [
        (titles, .title), (orgHeads, .orgHead), (knownOrgs, .knownOrg), (particles, .particle),
        (NERDocument.workCues, .workCue), (NERDocument.thingNouns, .thingNoun),
        (NERDocument.pluralInstitutionHeads, .pluralHead),
    ]

    package static let titleWords: Set<String> = Set(titles)
    package static let orgHeadWords: Set<String> = Set(orgHeads)
}
