import Foundation

/// Finds the feeds a web page advertises, for `lede feeds add https://site/`.
public enum FeedDiscovery {
    public struct Candidate: Hashable, Sendable {
        public var url: String
        public var title: String?
        /// The advertised format, from the link's MIME type.
        public var type: String
    }

    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                         "application/json", "application/rdf+xml", "application/x.atom+xml",
                                         "application/x-atom+xml", "text/xml", "application/xml"]

    /// `<link rel="alternate" type="application/rss+xml" href="…">` and kin, resolved against the page URL,
    /// in page order, without duplicates. Falls back to `<a href>`s that look like feed URLs.
    public static func feeds(inHTML data: Data, url: URL?) -> [Candidate] {
        let decoded = MarkupDecoding.decodeHTML(data)
        guard let root = MarkupParser.parseHTML(utf8: decoded.utf8, url: url) else { return [] }
        var seen: Set<String> = []
        var found: [Candidate] = []
        for link in root.descendants(where: { $0.name == "link" }) {
            let rel = (link.attributes["rel"] ?? "").lowercased().split(separator: " ")
            let type = (link.attributes["type"] ?? "").lowercased().trimmedWhitespace
            guard rel.contains("alternate") || rel.contains("feed"), feedTypes.contains(type) || rel.contains("feed"),
                  let href = link.attributes["href"], let resolved = URLResolver.resolve(href, against: link.base ?? url),
                  !seen.contains(resolved) else { continue }
            seen.insert(resolved)
            found.append(Candidate(url: resolved, title: link.attributes["title"], type: type))
        }
        if found.isEmpty {
            for a in root.descendants(where: { $0.name == "a" }) {
                guard let href = a.attributes["href"] else { continue }
                let lower = href.lowercased()
                let looksLikeFeed = lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix("/feed")
                    || lower.hasSuffix("/feed/") || lower.hasSuffix("/rss") || lower.hasSuffix("rss.xml")
                    || lower.hasSuffix("atom.xml") || lower.hasSuffix("feed.json") || lower.hasSuffix("feed.xml")
                guard looksLikeFeed, let resolved = URLResolver.resolve(href, against: a.base ?? url),
                      !seen.contains(resolved) else { continue }
                seen.insert(resolved)
                found.append(Candidate(url: resolved, title: HTMLText.normalizeInline(a.textContent), type: ""))
            }
        }
        return found
    }
}
