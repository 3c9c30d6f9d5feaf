import Foundation

/// Reads one file's bytes into a parsed document, choosing the parser by content.
public struct DocumentReader: Sendable {
    public init() {}

    public enum Kind: String, Sendable {
        case text, markdown, html, feed, json
    }

    /// What the bytes are, judged from their start rather than the file name,
    /// except that `.md` names Markdown (which is text either way).
    public static func kind(of text: String, name: String) -> Kind {
        let head = text.prefix(2048).drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).lowercased()
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") || head.hasPrefix("<rdf:rdf") {
            return head.contains("<html") ? .html : .feed
        }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
            || (head.hasPrefix("<") && (head.contains("<html") || head.contains("<body") || head.contains("<div"))) {
            return .html
        }
        if head.hasPrefix("{"), head.contains("\"version\""), head.contains("jsonfeed.org") { return .feed }
        if head.hasPrefix("{") || head.hasPrefix("[") { return .json }
        let lower = name.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    public func read(data: Data, source: String) throws -> ParsedDocument {
        let text = try TextDecoding.decode(data)
        switch Self.kind(of: text, name: source) {
        case .text, .markdown:
            return try SavedPageParser().parse(text, source: source)
        case .html:
            throw IngestError.unsupportedFormat("an HTML page")
        case .feed:
            throw IngestError.unsupportedFormat("a feed")
        case .json:
            throw IngestError.unreadable("JSON data that is not a JSON Feed, so not an article")
        }
    }

    public func read(fileAt url: URL) throws -> ParsedDocument {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > TextDecoding.maximumBytes {
                throw IngestError.tooLarge(bytes: size, limit: TextDecoding.maximumBytes)
            }
            data = try Data(contentsOf: url)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.unreadable("cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try read(data: data, source: url.path)
    }
}
