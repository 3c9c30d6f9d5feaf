import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ data: Data, url: URL?) throws(FeedError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw FeedError.invalidJSON(reason: "the JSON does not parse")
        }
        guard let root = object as? [String: Any] else { throw FeedError.invalidJSON(reason: "the top level is not an object") }
        var warnings: [String] = []
        let version = root["version"] as? String ?? ""
        let format: FeedFormat
        // gofeed and some generators write the bare number instead of the version URL.
        if version.contains("jsonfeed.org/version/1.1") || version == "1.1" {
            format = .jsonFeed11
        } else if version.contains("jsonfeed.org/version/1") || version == "1" || version == "1.0" {
            format = .jsonFeed10
        } else if root["items"] is [Any] {
            format = .jsonFeed10
            warnings.append("no JSON Feed version; read as JSON Feed 1.0")
        } else {
            throw FeedError.notAFeed(found: "JSON that is not a JSON Feed")
        }
        let base = (root["feed_url"] as? String).flatMap(URL.init(string:)) ?? url
        let title = HTMLText.normalizeInline(root["title"] as? String ?? "")
        let link = FeedText.url(root["home_page_url"] as? String, base: base)
        let feedAuthor = author(root)
        let rawItems = root["items"] as? [Any] ?? []
        var items: [FeedItem] = []
        for raw in rawItems {
            guard let item = raw as? [String: Any] else {
                warnings.append("an item that is not an object was skipped")
                continue
            }
            items.append(parseItem(item, base: base, feedAuthor: feedAuthor))
        }
        return Feed(format: format, title: title, link: link, items: items, warnings: warnings)
    }

    private static func parseItem(_ item: [String: Any], base: URL?, feedAuthor: String?) -> FeedItem {
        let link = FeedText.url(item["url"] as? String, base: base) ?? FeedText.url(item["external_url"] as? String, base: base)
        let title = HTMLText.normalizeInline(item["title"] as? String ?? "")
        var content: (text: String, html: String?, plain: String?)?
        if let html = item["content_html"] as? String, !html.isEmpty {
            let texts = HTMLText.texts(fromHTML: html, base: base)
            content = (texts.withReferences, html, texts.plain)
        } else if let text = item["content_text"] as? String, !text.isEmpty {
            content = (FeedText.paragraphs(text), nil, nil)
        }
        let summary = (item["summary"] as? String).map(FeedText.paragraphs)
        let published = (item["date_published"] as? String).flatMap(FeedDate.parse)
            ?? (item["date_modified"] as? String).flatMap(FeedDate.parse)
        let text = content?.text ?? summary ?? ""
        let id: String
        if let s = item["id"] as? String, !s.isEmpty {
            id = s
        } else if let n = item["id"] as? NSNumber {
            id = n.stringValue
        } else {
            id = link ?? FeedText.digest([title, item["date_published"] as? String ?? "", text])
        }
        return FeedItem(id: id, title: title, link: link, published: published, author: author(item) ?? feedAuthor,
                        text: text, html: content?.html, summary: summary, content: content?.text,
                        plainText: content?.plain)
    }

    private static func author(_ object: [String: Any]) -> String? {
        if let authors = object["authors"] as? [[String: Any]] {
            let names = authors.compactMap { $0["name"] as? String }.filter { !$0.isEmpty }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        if let author = object["author"] as? [String: Any], let name = author["name"] as? String, !name.isEmpty {
            return name
        }
        return nil
    }
}
