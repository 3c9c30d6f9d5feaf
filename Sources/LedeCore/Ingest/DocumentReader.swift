import Foundation

/// Reads bytes into parsed documents, choosing the parser by content: a feed gives
/// one document per item, a web page or a text file gives one.
public struct DocumentReader: Sendable {
    public init() {}

    public enum Kind: String, Sendable {
        case text, markdown, html, feed, json
    }

    /// What the bytes are, judged from their content rather than the file name,
    /// except that `.md` names Markdown (which is text either way).
    public static func kind(of data: Data, name: String) -> Kind {
        switch ContentSniffer.detect(data, filename: name) {
        case .feed: return .feed
        case .html: return .html
        case .other:
            let head = data.prefix(64).drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
            if let first = head.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
               (try? JSONSerialization.jsonObject(with: data)) != nil {
                return .json
            }
            let lower = name.lowercased()
            return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .text
        }
    }

    /// Every document in the bytes: a feed's items, or the one article of a page or text.
    public func documents(data: Data, source: String, url: URL? = nil) throws -> [ParsedDocument] {
        try documents(data: data, source: source, url: url, kind: Self.kind(of: data, name: source))
    }

    private func documents(data: Data, source: String, url: URL?, kind: Kind) throws -> [ParsedDocument] {
        guard !data.isEmpty else { throw IngestError.empty }
        guard data.count <= TextDecoding.maximumBytes else {
            throw IngestError.tooLarge(bytes: data.count, limit: TextDecoding.maximumBytes)
        }
        switch kind {
        case .feed:
            let feed: Feed
            do {
                feed = try FeedParser.parse(data, url: url)
            } catch {
                throw IngestError.unreadable("not a readable feed: \(error)")
            }
            let documents = feed.items.map { $0.document(in: feed, feedURL: url?.absoluteString ?? source).sanitized() }
                .filter { !$0.body.isEmpty || !$0.title.isEmpty }
            guard !documents.isEmpty else { throw IngestError.unreadable("the feed has no items") }
            return documents
        case .html:
            do {
                return [try ArticleExtractor.extract(data, url: url, source: source).sanitized()]
            } catch {
                throw IngestError.unreadable("\(error)")
            }
        case .json:
            throw IngestError.unreadable("JSON data that is not a JSON Feed, so not an article")
        case .text, .markdown:
            return [try SavedPageParser().parse(try TextDecoding.decode(data), source: source)]
        }
    }

    /// The one document in the bytes; a feed is many, and is refused with a pointer to what reads it.
    public func read(data: Data, source: String, url: URL? = nil) throws -> ParsedDocument {
        // Sniffed once: for JSON the sniffing parses the whole document.
        let kind = Self.kind(of: data, name: source)
        if kind == .feed {
            throw IngestError.unreadable("this is a feed, not one article; `lede feeds inspect` shows it and `lede add` stores its items")
        }
        guard let document = try documents(data: data, source: source, url: url, kind: kind).first else { throw IngestError.noText }
        return document
    }

    public func documents(fileAt url: URL) throws -> [ParsedDocument] {
        try documents(data: try Self.contents(of: url), source: url.path, url: url)
    }

    public func read(fileAt url: URL) throws -> ParsedDocument {
        try read(data: try Self.contents(of: url), source: url.path, url: url)
    }

    /// The file's bytes, refusing oversized files before reading them.
    static func contents(of url: URL) throws -> Data {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            // Devices and pipes never end (/dev/zero) or block (a FIFO nobody writes to).
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                throw IngestError.unreadable("not a regular file")
            }
            if let size = attributes[.size] as? Int, size > TextDecoding.maximumBytes {
                throw IngestError.tooLarge(bytes: size, limit: TextDecoding.maximumBytes)
            }
            return try Data(contentsOf: url)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.unreadable("cannot read the file (\((error as NSError).localizedDescription))")
        }
    }
}

extension ParsedDocument {
    /// The same document with every text field through the sanitizer, for text that came from markup.
    public func sanitized() -> ParsedDocument {
        var copy = self
        copy.title = TextSanitizer.singleLine(title)
        copy.byline = byline.map(TextSanitizer.singleLine)
        copy.feed = feed.map(TextSanitizer.singleLine)
        copy.body = TextSanitizer.clean(body)
        copy.keyPoints = keyPoints.map(TextSanitizer.singleLine)
        return copy
    }
}
