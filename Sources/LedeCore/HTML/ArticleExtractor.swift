import Foundation

/// Why a web page gave no article.
public enum PageError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unreadable
    /// The page parsed but nothing on it reads like an article body.
    case noArticle

    public var description: String {
        switch self {
        case .empty: return "the page is empty"
        case .unreadable: return "the page could not be parsed as HTML"
        case .noArticle: return "no article text found on the page"
        }
    }
}

/// A readability-style main-content extractor: metadata from meta tags, JSON-LD and the markup,
/// the body from the block of the page where paragraph text concentrates, minus navigation, ads,
/// cookie banners, comments, related links and footers.
public enum ArticleExtractor {
    /// Extracts the article from HTML bytes. `url` resolves relative links and is the default source.
    public static func extract(_ data: Data, url: URL? = nil, source: String? = nil) throws(PageError) -> ParsedDocument {
        guard !data.isEmpty else { throw PageError.empty }
        let decoded = MarkupDecoding.decodeHTML(data)
        guard let root = MarkupParser.parseHTML(utf8: decoded.utf8, url: url) else { throw PageError.unreadable }
        return try extract(root: root, url: url, source: source)
    }

    static func extract(root: MarkupElement, url: URL?, source: String?) throws(PageError) -> ParsedDocument {
        let meta = PageMetadata(root: root)
        let body = Scorer.body(of: root, title: meta.title, byline: meta.byline)
        // Script-rendered pages ship an empty shell ("Loading…") and the text only in JSON-LD.
        let ldBody = meta.ldArticleBody.map(FeedText.paragraphs) ?? ""
        let text = ldBody.count > max(body.count * 2, 200) ? ldBody : body
        guard !text.isEmpty else { throw PageError.noArticle }
        let title = meta.title ?? text.split(separator: "\n").first.map { String($0.prefix(80)) } ?? ""
        let canonical = meta.canonical.flatMap { URLResolver.resolve($0, against: url) } ?? url?.absoluteString
        return ParsedDocument(title: title, byline: meta.byline, published: meta.published,
                              source: source ?? url?.absoluteString ?? canonical ?? "", link: canonical,
                              feed: nil, body: text)
    }
}

/// Title, byline, date and canonical link, from the most explicit source that has them.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: Date?
    var canonical: String?
    var ldArticleBody: String?

    init(root: MarkupElement) {
        var metas: [String: String] = [:]
        var titleTag: String?
        var relAuthor: String?
        var canonicalLink: String?
        var ldObjects: [[String: Any]] = []
        var h1s: [String] = []
        var bylineText: String?
        var timeDatetime: String?
        var printedDate: Date?
        // Comment threads name their authors with the same classes as the article's byline.
        let discussion = Set(root.descendants(where: Self.isDiscussion, stopAtMatch: true)
            .flatMap { [$0] + $0.descendants(where: { _ in true }) }.map(ObjectIdentifier.init))
        for e in root.descendants(where: { _ in true }) {
            switch e.name {
            case "meta":
                let key = (e.attributes["property"] ?? e.attributes["name"] ?? e.attributes["itemprop"] ?? "").lowercased()
                if !key.isEmpty, let content = e.attributes["content"], metas[key] == nil {
                    metas[key] = content.trimmedWhitespace
                }
            case "title":
                if titleTag == nil { titleTag = HTMLText.normalizeInline(e.textContent) }
            case "link":
                let rel = (e.attributes["rel"] ?? "").lowercased()
                if rel == "canonical", canonicalLink == nil { canonicalLink = e.attributes["href"] }
            case "a":
                if (e.attributes["rel"] ?? "").lowercased().contains("author"), relAuthor == nil {
                    relAuthor = HTMLText.normalizeInline(e.textContent)
                }
            case "script":
                if (e.attributes["type"] ?? "").lowercased().contains("ld+json") {
                    ldObjects += Self.jsonLDArticles(e.textContent)
                }
            case "h1":
                h1s.append(HTMLText.normalizeInline(e.textContent))
            case "time":
                if timeDatetime == nil { timeDatetime = e.attributes["datetime"] }
            case _ where e.attributes["itemprop"]?.lowercased() == "datepublished":
                if metas["datepublished"] == nil { metas["datepublished"] = e.attributes["content"] ?? e.attributes["datetime"] }
            default:
                break
            }
            if bylineText == nil, Self.looksLikeByline(e), !discussion.contains(ObjectIdentifier(e)) {
                let (text, date) = Self.bylineParts(of: e)
                if !text.isEmpty && text.count <= 100 { bylineText = text }
                if printedDate == nil { printedDate = date }
            }
            if printedDate == nil, !discussion.contains(ObjectIdentifier(e)), Self.mayPrintDate(e) {
                let text = HTMLText.normalizeInline(e.textContent)
                // "May 8, 2009 · 4 min read": the date is one of the pieces.
                if text.count <= 80 {
                    printedDate = text.split(whereSeparator: { "·|•".contains($0) }).lazy
                        .compactMap { DatelineParser.date(in: String($0)) }.first
                }
            }
        }
        let ld = ldObjects.first
        let ldTitle = (ld?["headline"] as? String) ?? (ld?["name"] as? String)
        let candidates = [metas["og:title"], metas["twitter:title"], ldTitle].compactMap { $0 }.filter { !$0.isEmpty }
        if let explicit = candidates.first {
            title = HTMLText.normalizeInline(explicit)
        } else if let h1 = h1s.first(where: { !$0.isEmpty }), titleTag.map({ $0.contains(h1) }) ?? true || h1s.count == 1 {
            title = h1
        } else if let titleTag {
            title = Self.strippingSiteName(titleTag)
        }
        let ldAuthor = ld.flatMap { Self.names(in: $0["author"]) }
        let metaAuthor = [metas["author"], metas["article:author"], metas["dc.creator"], metas["sailthru.author"]]
            .compactMap { $0 }.first { !$0.isEmpty && !$0.hasPrefix("http") }
        byline = (metaAuthor ?? ldAuthor ?? relAuthor ?? bylineText).map(Self.cleanByline).flatMap { $0.isEmpty ? nil : $0 }
        let dateText = [metas["article:published_time"], metas["og:published_time"], metas["datepublished"],
                        ld?["datePublished"] as? String, metas["date"], metas["pubdate"], metas["publishdate"],
                        metas["dc.date.issued"], metas["dc.date"], timeDatetime, metas["article:modified_time"]]
            .compactMap { $0 }
        published = dateText.lazy.compactMap(FeedDate.parse).first ?? printedDate
        canonical = canonicalLink ?? metas["og:url"]
        ldArticleBody = ld?["articleBody"] as? String
    }

    private static func isDiscussion(_ e: MarkupElement) -> Bool {
        let marker = ((e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "")).lowercased()
        return ["comment", "respon", "reply", "discussion", "conversation", "disqus"].contains { marker.contains($0) }
    }

    /// Elements where pages print the date for readers: `<time>` without a machine date, and
    /// blocks whose class says date, time or published.
    private static func mayPrintDate(_ e: MarkupElement) -> Bool {
        if e.name == "time" { return true }
        let marker = ((e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "")).lowercased()
        return ["date", "time", "publish", "posted", "meta", "byline", "dateline", "when"].contains { marker.contains($0) }
    }

    /// The byline block's text without the date, reading time and job titles printed beside the name:
    /// its pieces of text, dates dropped; the piece that starts with "By" when there is one.
    static func bylineParts(of e: MarkupElement) -> (name: String, date: Date?) {
        var pieces: [String] = []
        var date: Date?
        func collect(_ node: MarkupElement) {
            guard node.name != "time" else { return }
            for child in node.children {
                switch child {
                case .text(let t):
                    let piece = HTMLText.normalizeInline(t).trimmingCharacters(in: CharacterSet(charactersIn: " |·•-–—,"))
                    if let printed = DatelineParser.date(in: piece) {
                        date = date ?? printed
                    } else if !piece.isEmpty, piece.rangeOfCharacter(from: .letters) != nil,
                       !piece.lowercased().hasSuffix("min read") {
                        pieces.append(piece)
                    }
                case .element(let c): collect(c)
                }
            }
        }
        collect(e)
        let withBy = pieces.first { $0.hasPrefix("By ") || $0.hasPrefix("by ") || $0.hasPrefix("BY ") }
        if let withBy, withBy.count > 3 { return (withBy, date) }
        // "By" in its own element, the name in the next.
        if let index = pieces.firstIndex(where: { ["by", "by:"].contains($0.lowercased()) }), index + 1 < pieces.count {
            return (pieces[index + 1], date)
        }
        return (pieces.joined(separator: " "), date)
    }

    private static func looksLikeByline(_ e: MarkupElement) -> Bool {
        let marker = ((e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "") + " "
            + (e.attributes["itemprop"] ?? "") + " " + (e.attributes["rel"] ?? "")).lowercased()
        return marker.contains("byline") || marker.contains("author") && !marker.contains("bio")
            && ["span", "div", "p", "a", "address"].contains(e.name)
    }

    /// "By Jane Doe and John Roe, Staff Writers" → "Jane Doe and John Roe, Staff Writers".
    static func cleanByline(_ raw: String) -> String {
        var text = HTMLText.normalizeInline(raw)
        for prefix in ["by ", "By ", "BY ", "Written by ", "Posted by "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " |·-–—,"))
    }

    /// "Storm hits coast | The Daily News" → "Storm hits coast".
    static func strippingSiteName(_ title: String) -> String {
        for separator in [" | ", " — ", " – ", " - ", " :: ", " · ", " » "] where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            let best = parts.max { $0.split(separator: " ").count < $1.split(separator: " ").count } ?? title
            if best.split(separator: " ").count >= 3 { return best.trimmedWhitespace }
        }
        return title
    }

    private static func names(in value: Any?) -> String? {
        if let s = value as? String { return s }
        if let d = value as? [String: Any] { return d["name"] as? String }
        if let a = value as? [Any] {
            let all = a.compactMap { names(in: $0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }

    static func jsonLDArticles(_ text: String) -> [[String: Any]] {
        guard let data = text.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var found: [[String: Any]] = []
        func visit(_ value: Any, depth: Int) {
            guard depth < 6 else { return }
            if let array = value as? [Any] {
                array.forEach { visit($0, depth: depth + 1) }
            } else if let dict = value as? [String: Any] {
                let types: [String] = (dict["@type"] as? [String]) ?? [(dict["@type"] as? String) ?? ""]
                if types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }) {
                    found.append(dict)
                }
                if let graph = dict["@graph"] { visit(graph, depth: depth + 1) }
            }
        }
        visit(object, depth: 0)
        return found
    }
}

/// Scores blocks by the paragraph text they hold and renders the best one.
enum Scorer {
    static let unlikely = try? NSRegularExpression(pattern:
        "comment|disqus|cookie|consent|gdpr|banner|promo|advert|^ads?$|[-_ ]ads?[-_ ]|^ad-|[-_]ad$|sponsor|related|recommend|"
        + "share|sharing|social|newsletter|subscribe|signup|sign-up|popup|modal|breadcrumb|sidebar|footer|menu|"
        + "navigation|^nav|masthead|widget|outbrain|taboola|pagination|pager|skip|toolbar|trending|most-?read|"
        + "popular|read-?more|more-stories|author-bio|tags|caption|credit|^image\\b|\\bimage__|paywall|donate|byline|dateline", options: [.caseInsensitive])
    static let likely = try? NSRegularExpression(pattern:
        "article|body|content|entry|main|post|story|text|prose", options: [.caseInsensitive])
    /// Words that keep a block whose class also says "related" or "share": "post" and "entry" are not
    /// among them, because "relatedposts" and "share-entry" are exactly the furniture to drop.
    static let rescuing = try? NSRegularExpression(pattern:
        "article|body|content|main|story|prose", options: [.caseInsensitive])
    static let dropped: Set<String> = ["nav", "aside", "footer", "form", "button", "figure", "iframe", "select",
                                       "noscript", "script", "style", "svg", "header", "menu", "dialog", "template"]
    static let droppedRoles: Set<String> = ["navigation", "complementary", "banner", "contentinfo", "dialog",
                                            "alertdialog", "menu", "menubar", "search"]

    static func matches(_ regex: NSRegularExpression?, _ s: String) -> Bool {
        guard let regex, !s.isEmpty else { return false }
        return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// A copy of the tree without the parts that are never article text.
    static func pruned(_ e: MarkupElement, inArticle: Bool = false) -> MarkupElement? {
        if dropped.contains(e.name) && !(e.name == "header" && inArticle) { return nil }
        if let role = e.attributes["role"]?.lowercased(), droppedRoles.contains(role) { return nil }
        if e.attributes["hidden"] != nil || e.attributes["aria-hidden"] == "true" { return nil }
        if let style = e.attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return nil }
        let marker = ((e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "")).trimmedWhitespace
        if e.name != "body" && e.name != "html" && e.name != "article" && e.name != "main",
           matches(unlikely, marker), !matches(rescuing, marker) {
            return nil
        }
        let copy = MarkupElement(name: e.name, namespace: e.namespace, attributes: e.attributes, base: e.base)
        let nowInArticle = inArticle || e.name == "article" || e.name == "main"
        copy.children = e.children.compactMap { child in
            switch child {
            case .text: return child
            case .element(let c): return pruned(c, inArticle: nowInArticle).map(MarkupNode.element)
            }
        }
        return copy
    }

    static func body(of root: MarkupElement, title: String?, byline: String? = nil) -> String {
        let body = root.descendants(where: { $0.name == "body" }, stopAtMatch: true).first ?? root
        guard let clean = pruned(body) else { return "" }
        var scores: [ObjectIdentifier: Double] = [:]
        var elements: [ObjectIdentifier: MarkupElement] = [:]
        var stack: [MarkupElement] = []
        func visit(_ e: MarkupElement) {
            stack.append(e)
            defer { stack.removeLast() }
            if e.name == "p" || e.name == "pre" || (["div", "td"].contains(e.name) && e.elements.allSatisfy { !HTMLText.blocks.contains($0.name) }) {
                let text = HTMLText.normalizeInline(e.textContent)
                if text.count >= 25 {
                    var score = 1.0 + Double(text.filter { $0 == "," }.count) + min(Double(text.count) / 100, 3)
                    score *= 1 - linkDensity(e)
                    // Old layouts write a whole article into one cell, paragraphs split by <br><br>:
                    // that cell is the article, not one paragraph of its parent.
                    let lineBreaks = e.descendants(where: { $0.name == "br" }, stopAtMatch: true).count
                    let holdsParagraphs = e.name != "p" && lineBreaks >= 4 && text.count >= 500
                    if holdsParagraphs { score = Double(lineBreaks) * 3 + Double(text.count) / 100 }
                    // The paragraph's parent gets the full score, the grandparent half, further ancestors less.
                    let scored = holdsParagraphs ? Array(stack.reversed().prefix(3)) : Array(stack.dropLast().reversed().prefix(3))
                    for (level, ancestor) in scored.enumerated() {
                        let id = ObjectIdentifier(ancestor)
                        if scores[id] == nil {
                            scores[id] = initialScore(ancestor)
                            elements[id] = ancestor
                        }
                        scores[id, default: 0] += score / Double(level == 0 ? 1 : level * 2)
                    }
                }
                return
            }
            e.elements.forEach(visit)
        }
        visit(clean)
        guard let best = scores.max(by: { $0.value < $1.value }), let top = elements[best.key] else {
            return render(clean, title: title, byline: byline)
        }
        // A top candidate that holds few of the paragraphs is usually one section of a split article:
        // climb while the parent holds clearly more paragraph text.
        var chosen = top
        var chain = ancestors(of: top, in: clean)
        while let parent = chain.popLast() {
            let mine = paragraphText(chosen), theirs = paragraphText(parent)
            guard Double(theirs) > Double(mine) * 1.25, linkDensity(parent) < 0.35 else { break }
            chosen = parent
        }
        return render(chosen, title: title, byline: byline)
    }

    private static func ancestors(of target: MarkupElement, in root: MarkupElement) -> [MarkupElement] {
        var path: [MarkupElement] = []
        func search(_ e: MarkupElement) -> Bool {
            if e === target { return true }
            path.append(e)
            for c in e.elements where search(c) { return true }
            path.removeLast()
            return false
        }
        _ = search(root)
        return path
    }

    private static func paragraphText(_ e: MarkupElement) -> Int {
        e.descendants(where: { $0.name == "p" }, stopAtMatch: true).reduce(0) { $0 + $1.textContent.count }
    }

    private static func initialScore(_ e: MarkupElement) -> Double {
        var score: Double
        switch e.name {
        case "article", "main": score = 10
        case "div": score = 5
        case "pre", "td", "blockquote": score = 3
        case "ol", "ul", "dl", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let marker = (e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "")
        if matches(likely, marker) { score += 25 }
        if matches(unlikely, marker) { score -= 25 }
        return score
    }

    static func linkDensity(_ e: MarkupElement) -> Double {
        let total = e.textContent.count
        guard total > 0 else { return 0 }
        let linked = e.descendants(where: { $0.name == "a" }, stopAtMatch: true).reduce(0) { $0 + $1.textContent.count }
        return Double(linked) / Double(total)
    }

    /// Renders the chosen block, leaving out link lists and short boilerplate lines, and the headline
    /// when the page repeats it above the text.
    private static func render(_ e: MarkupElement, title: String?, byline: String?) -> String {
        let filtered = filterLinkLists(e)
        let text = HTMLText.text(of: filtered, linkReferences: false)
        var paragraphs = text.components(separatedBy: "\n\n")
        let normalizedTitle = title.map { HTMLText.normalizeInline($0).lowercased() }
        paragraphs.removeAll { p in
            let lower = p.lowercased()
            if let normalizedTitle, lower == normalizedTitle { return true }
            // A short line naming the author is the byline block, already kept as metadata.
            if let byline, !byline.isEmpty, p.count < byline.count + 60, p.contains(byline) { return true }
            // A line that is only a date is the dateline, kept as metadata.
            if p.count <= 60, DatelineParser.date(in: p) != nil { return true }
            return boilerplate.contains { lower.hasPrefix($0) } && p.count < 120
        }
        return paragraphs.joined(separator: "\n\n")
    }

    private static let boilerplate = ["advertisement", "share this", "share on", "read more", "sign up", "subscribe",
                                      "follow us", "follow me", "related:", "recommended", "click here", "©", "copyright",
                                      "all rights reserved", "this article was", "we use cookies", "accept cookies",
                                      "send this", "email this", "print this", "printer-friendly", "share this story"]

    /// Lists and blocks that are mostly links (related stories, tag clouds) are not article text.
    private static func filterLinkLists(_ e: MarkupElement) -> MarkupElement {
        let copy = MarkupElement(name: e.name, namespace: e.namespace, attributes: e.attributes, base: e.base)
        copy.children = e.children.compactMap { child in
            guard case .element(let c) = child else { return child }
            if ["ul", "ol", "div", "section", "table", "p"].contains(c.name) {
                let text = HTMLText.normalizeInline(c.textContent)
                if !text.isEmpty && linkDensity(c) > (c.name == "p" ? 0.8 : 0.5) { return nil }
            }
            return .element(filterLinkLists(c))
        }
        return copy
    }
}
