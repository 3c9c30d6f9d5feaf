import Foundation

/// What a document is, decided from its content (the name is only a last resort for plain text).
public enum DocumentKind: Equatable, Sendable {
    /// A feed; the format when the sniffing could tell it.
    case feed(FeedFormat?)
    case html
    /// Something else: plain text, other XML, other JSON, binary data, nothing at all.
    case other
}

/// Format detection by content: byte order marks, leading whitespace, the first element or JSON key.
public enum ContentSniffer {
    /// Says whether the bytes are a feed, an HTML page or neither. `filename` (a path or URL) only
    /// breaks ties for documents that do not say what they are.
    public static func detect(_ data: Data, filename: String? = nil) -> DocumentKind {
        switch sniff(data) {
        case .empty, .binary: return .other
        case .text:
            let lower = (filename ?? "").lowercased()
            return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .other
        case .json:
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return .other }
            let version = object["version"] as? String ?? ""
            if version.contains("jsonfeed.org/version/1.1") || version == "1.1" { return .feed(.jsonFeed11) }
            if version.contains("jsonfeed.org/version/") || version == "1" || version == "1.0" { return .feed(.jsonFeed10) }
            return .other
        case .markup:
            return classifyMarkup(data)
        }
    }

    enum Sniffed { case empty, json, markup, text, binary }

    /// The first meaningful byte, after any BOM and whitespace, decides between JSON and markup.
    static func sniff(_ data: Data) -> Sniffed {
        let prefix = [UInt8](data.prefix(1024))
        guard !prefix.isEmpty else { return .empty }
        var i = 0
        var step = 1
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        else if prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0xFF, 0xFE]) { return .markup }
        else if prefix.count >= 2 && (prefix[0] == 0 || prefix[1] == 0) && prefix.contains(0x3C) {
            // UTF-16 without a BOM: read every other byte.
            i = prefix[0] == 0 ? 1 : 0
            step = 2
        }
        while i < prefix.count, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(prefix[i]) { i += step }
        guard i < prefix.count else { return .empty }
        let controls = prefix.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        if step == 1 && controls > prefix.count / 20 { return .binary }
        switch prefix[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return .markup
        default:
            // A little junk before the markup still counts as markup.
            return prefix.contains(UInt8(ascii: "<")) && prefix.contains(UInt8(ascii: ">")) ? .markup : .text
        }
    }

    private static func classifyMarkup(_ data: Data) -> DocumentKind {
        let decoded = MarkupDecoding.decodeXML(data.prefix(8192))
        let head = String(decoding: decoded.utf8, as: UTF8.self)
        var rest = Substring(head)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            if after.hasPrefix("?") {
                rest = after.drop { $0 != ">" }
                continue
            }
            if after.hasPrefix("!--") {
                guard let end = after.range(of: "-->") else { return .other }
                rest = after[end.upperBound...]
                continue
            }
            if after.hasPrefix("!") {
                if after.lowercased().hasPrefix("!doctype html") { return .html }
                rest = after.drop { $0 != ">" }
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }.lowercased()
            let local = name.split(separator: ":").last.map(String.init) ?? name
            let tag = after.prefix { $0 != ">" }
            switch local {
            case "rss":
                let version = tag.contains("version=\"0.9") || tag.contains("version='0.9")
                return .feed(version ? .rss09x : .rss20)
            case "rdf":
                if head.contains(Namespace.rss090) { return .feed(.rss09x) }
                if head.contains(Namespace.rss10) || head.contains("<channel") || head.contains(":channel") {
                    return .feed(.rss10)
                }
                return .other
            case "feed":
                return .feed(tag.contains(Namespace.atom03) || tag.contains("version=\"0.3\"") ? .atom03 : .atom10)
            case "channel": return .feed(.rss09x)
            case "html", "head", "body": return .html
            default:
                return ["div", "p", "meta", "title", "article", "section", "script", "link"].contains(local) ? .html : .other
            }
        }
        return .other
    }
}
