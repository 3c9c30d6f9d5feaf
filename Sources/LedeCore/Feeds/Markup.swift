import CLibXML2
import Foundation

/// A parsed XML or HTML element, copied out of libxml2 so the rest of lede works on plain Swift values.
///
/// Names are lower-cased local names: feeds in the wild mix `pubDate`, `pubdate` and `PUBDATE`,
/// and feedparser accepts all of them.
public final class MarkupElement: @unchecked Sendable {
    public let name: String
    /// The namespace URI, nil when the element has none.
    public let namespace: String?
    /// Attributes by lower-cased local name; attributes in the XML namespace are keyed `xml:base`, `xml:lang`.
    public let attributes: [String: String]
    public internal(set) var children: [MarkupNode] = []
    /// The base URL in effect for this element (xml:base resolved against its ancestors and the document URL).
    public let base: URL?

    init(name: String, namespace: String?, attributes: [String: String], base: URL?) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.base = base
    }

    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Child elements with this local name, optionally restricted to a namespace (nil matches any).
    func children(_ name: String, ns: String? = nil) -> [MarkupElement] {
        elements.filter { $0.name == name && (ns == nil || $0.namespace == ns) }
    }

    func child(_ name: String, ns: String? = nil) -> MarkupElement? {
        for case .element(let e) in children where e.name == name && (ns == nil || e.namespace == ns) {
            return e
        }
        return nil
    }

    /// Child elements with this name in any of the namespaces given (`""` stands for "no namespace").
    func child(_ name: String, in namespaces: [String]) -> MarkupElement? {
        for case .element(let e) in children where e.name == name && namespaces.contains(e.namespace ?? "") {
            return e
        }
        return nil
    }

    /// All text below this element, in document order.
    public var textContent: String {
        // Most feed elements hold one text node: hand it over rather than copy it.
        if children.count == 1, case .text(let only) = children[0] { return only }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// Depth-first walk over this element and its descendants.
    func descendants(where match: (MarkupElement) -> Bool, stopAtMatch: Bool = false) -> [MarkupElement] {
        var found: [MarkupElement] = []
        var stack: [MarkupElement] = elements.reversed()
        while let e = stack.popLast() {
            if match(e) {
                found.append(e)
                if stopAtMatch { continue }
            }
            stack.append(contentsOf: e.elements.reversed())
        }
        return found
    }

    /// Serializes the children back to markup (used to hand out item HTML that arrived as inline XHTML).
    var innerMarkup: String {
        var out = ""
        for child in children { Self.serialize(child, into: &out) }
        return out
    }

    private static func serialize(_ node: MarkupNode, into out: inout String) {
        switch node {
        case .text(let t): out += escape(t, quotes: false)
        case .element(let e):
            out += "<" + e.name
            for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) {
                out += " \(k)=\"\(escape(v, quotes: true))\""
            }
            if e.children.isEmpty && HTMLText.voidElements.contains(e.name) {
                out += ">"
                return
            }
            out += ">"
            for c in e.children { serialize(c, into: &out) }
            out += "</\(e.name)>"
        }
    }

    static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

public enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// A parsed XML or HTML document with what was wrong with it.
struct MarkupDocument {
    var root: MarkupElement
    /// Problems the parser recovered from (empty for a well-formed document).
    var warnings: [String]
}

/// Entry points to libxml2's XML and HTML parsers, configured for hostile input.
enum MarkupParser {
    /// Total characters that entity references may expand to in one document.
    static let entityExpansionBudget = 1_000_000
    /// How deep entities may nest inside one another.
    static let entityDepthLimit = 6

    private static let setUp: Void = {
        xmlInitParser()
        lede_xml_silence()
    }()

    /// Parses UTF-8 XML. Never loads a DTD, never touches the network, never substitutes entities
    /// inside libxml2 (lede expands them itself, within a budget).
    static func parseXML(utf8 bytes: [UInt8], url: URL?) throws(FeedError) -> MarkupDocument {
        _ = setUp
        guard let ctxt = xmlNewParserCtxt() else { throw FeedError.unreadable(reason: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        lede_xml_watch_entities(ctxt)
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), url?.absoluteString, "UTF-8", options)
                }
            }
        }
        guard let doc else {
            throw FeedError.unreadable(reason: lastError(ctxt) ?? "the XML parser could not build a document")
        }
        defer { xmlFreeDoc(doc) }
        if lede_xml_entity_guard_fired(ctxt) != 0 { throw FeedError.entityExpansionLimit }
        var warnings: [String] = []
        if ctxt.pointee.wellFormed == 0 || ctxt.pointee.nsWellFormed == 0 {
            warnings.append("ill-formed XML, recovered: " + (lastError(ctxt) ?? "unknown error"))
        }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            throw FeedError.unreadable(reason: lastError(ctxt) ?? "the document has no root element")
        }
        var converter = Converter(doc: doc, html: false)
        let root = try converter.convert(rootNode, parentBase: url)
        if !converter.undefinedEntities.isEmpty {
            let names = converter.undefinedEntities.sorted().prefix(5).map { "&\($0);" }.joined(separator: ", ")
            warnings.append("undefined entities \(names) read as HTML entities")
        }
        return MarkupDocument(root: root, warnings: warnings)
    }

    /// Parses UTF-8 HTML with libxml2's forgiving HTML parser.
    static func parseHTML(utf8 bytes: [UInt8], url: URL?) -> MarkupElement? {
        _ = setUp
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard !bytes.isEmpty else { return nil }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    htmlReadMemory($0, Int32(buf.count), url?.absoluteString, "UTF-8", options)
                }
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let rootNode = xmlDocGetRootElement(doc) else { return nil }
        var converter = Converter(doc: doc, html: true)
        return try? converter.convert(rootNode, parentBase: url)
    }

    /// Parses an HTML fragment (an item's description) into a synthetic root element.
    static func parseHTMLFragment(_ html: String, base: URL?) -> MarkupElement? {
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        return parseHTML(utf8: Array(wrapped.utf8), url: base)
    }

    private static func lastError(_ ctxt: xmlParserCtxtPtr) -> String? {
        guard let msg = ctxt.pointee.lastError.message else { return nil }
        let text = String(cString: msg).trimmedWhitespace
        let line = ctxt.pointee.lastError.line
        return line > 0 ? "\(text) (line \(line))" : text
    }

    private struct Converter {
        let doc: xmlDocPtr
        let html: Bool
        var expanded = 0
        var undefinedEntities: Set<String> = []
        var depth = 0
        var htmlBase: URL?

        init(doc: xmlDocPtr, html: Bool) {
            self.doc = doc
            self.html = html
        }

        mutating func convert(_ node: xmlNodePtr, parentBase: URL?) throws(FeedError) -> MarkupElement {
            var attributes: [String: String] = [:]
            var attr = node.pointee.properties
            while let a = attr {
                let local = String(cString: a.pointee.name).lowercased()
                var key = local
                if let ns = a.pointee.ns, let prefix = ns.pointee.prefix, String(cString: prefix) == "xml" {
                    key = "xml:" + local
                }
                if let value = xmlNodeListGetString(doc, a.pointee.children, 1) {
                    attributes[key] = String(cString: value)
                    lede_xml_free(value)
                } else {
                    attributes[key] = ""
                }
                attr = a.pointee.next
            }
            var base = html ? (htmlBase ?? parentBase) : parentBase
            if html, htmlBase == nil, String(cString: node.pointee.name) == "base", let href = attributes["href"] {
                // HTML's <base href> sets the base for everything after it in the document.
                htmlBase = URLResolver.resolve(href, against: parentBase).flatMap(URL.init(string:))
            }
            if let xmlBase = attributes["xml:base"] {
                base = URLResolver.resolve(xmlBase, against: parentBase).flatMap(URL.init(string:)) ?? parentBase
            }
            // Namespace URIs are compared lower-cased: feeds misspell the case of well-known ones
            // (iTunes' "…/DTDs/PodCast-1.0.dtd").
            let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { interned($0, lowercased: true) }
            var name = interned(node.pointee.name, lowercased: false)
            // The Character search only when there is a colon byte: it ran for every element of a feed.
            if !html, namespace == nil, name.utf8.contains(UInt8(ascii: ":")), let colon = name.lastIndex(of: ":") {
                // An undeclared prefix leaves the qualified name in place; keep the local part.
                name = String(name[name.index(after: colon)...])
            }
            let element = MarkupElement(name: html ? name : loweredName(name), namespace: namespace,
                                        attributes: attributes, base: base)
            depth += 1
            defer { depth -= 1 }
            // Pathologically deep documents are cut off rather than recursed into without bound.
            guard depth < 512 else { return element }
            var children: [MarkupNode] = []
            var child = node.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(.element(try convert(c, parentBase: base)))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content {
                        appendText(String(cString: content), to: &children)
                    }
                case XML_ENTITY_REF_NODE:
                    let name = String(cString: c.pointee.name)
                    appendText(try expandEntity(name, level: 0), to: &children)
                default:
                    break
                }
                child = c.pointee.next
            }
            element.children = children
            return element
        }

        /// libxml2 interns names and namespace URIs, so a feed's thousands of items share a few dozen
        /// pointers; converting each once saves a String and a lower-casing per element.
        var internedStrings: [UnsafeRawPointer: String] = [:]
        var internedLowercased: [UnsafeRawPointer: String] = [:]
        var loweredNames: [String: String] = [:]

        private mutating func interned(_ pointer: UnsafePointer<xmlChar>, lowercased: Bool) -> String {
            let key = UnsafeRawPointer(pointer)
            if lowercased {
                if let known = internedLowercased[key] { return known }
                let value = String(cString: pointer).lowercased()
                if internedLowercased.count < 4_096 { internedLowercased[key] = value }
                return value
            }
            if let known = internedStrings[key] { return known }
            let value = String(cString: pointer)
            if internedStrings.count < 4_096 { internedStrings[key] = value }
            return value
        }

        private mutating func loweredName(_ name: String) -> String {
            if let known = loweredNames[name] { return known }
            let value = name.lowercased()
            if loweredNames.count < 4_096 { loweredNames[name] = value }
            return value
        }

        private func appendText(_ text: String, to children: inout [MarkupNode]) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = children.last {
                children[children.count - 1] = .text(previous + text)
            } else {
                children.append(.text(text))
            }
        }

        /// Expands an entity reference left in the tree: the document's own declarations first
        /// (within a budget, which is what stops billion-laughs files), then HTML's named entities,
        /// which feeds use without declaring.
        mutating func expandEntity(_ name: String, level: Int) throws(FeedError) -> String {
            if let entity = xmlGetDocEntity(doc, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
               let content = entity.pointee.content {
                guard level < MarkupParser.entityDepthLimit else { throw FeedError.entityExpansionLimit }
                let raw = String(cString: content)
                let text = try expandReferences(in: raw, level: level + 1)
                expanded += text.utf8.count
                if expanded > MarkupParser.entityExpansionBudget { throw FeedError.entityExpansionLimit }
                return text
            }
            if let html = htmlEntityLookup(name) {
                expanded += 4
                return Unicode.Scalar(html.pointee.value).map { String(Character($0)) } ?? ""
            }
            if let predefined = xmlGetPredefinedEntity(name), let content = predefined.pointee.content {
                return String(cString: content)
            }
            undefinedEntities.insert(name)
            return "&\(name);"
        }

        /// Entity replacement text may itself contain references (`&lol2;`) and character references.
        private mutating func expandReferences(in raw: String, level: Int) throws(FeedError) -> String {
            guard raw.contains("&") else { return raw }
            var out = ""
            var rest = Substring(raw)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let afterAmp = rest.index(after: amp)
                guard let semi = rest[afterAmp...].firstIndex(of: ";"),
                      rest.distance(from: afterAmp, to: semi) <= 32 else {
                    out += "&"
                    rest = rest[afterAmp...]
                    continue
                }
                let ref = String(rest[afterAmp..<semi])
                if ref.hasPrefix("#") {
                    out += CharacterReference.decode(ref) ?? "&\(ref);"
                } else {
                    out += try expandEntity(ref, level: level)
                    if expanded + out.utf8.count > MarkupParser.entityExpansionBudget {
                        throw FeedError.entityExpansionLimit
                    }
                }
                rest = rest[rest.index(after: semi)...]
            }
            out += rest
            return out
        }
    }
}

enum CharacterReference {
    /// Decodes the body of a numeric character reference (`#233`, `#x E9`).
    static func decode(_ ref: String) -> String? {
        var digits = ref.dropFirst()
        var radix = 10
        if digits.first == "x" || digits.first == "X" {
            radix = 16
            digits = digits.dropFirst()
        }
        guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }
}

enum URLResolver {
    /// Resolves a possibly relative reference against a base; returns the reference unchanged when
    /// there is no base or it cannot be resolved.
    static func resolve(_ reference: String, against base: URL?) -> String? {
        let trimmed = reference.trimmedWhitespace
        if trimmed.isEmpty { return base?.absoluteString }
        // Most links are already absolute and plain; parsing them into a URL only to print them again
        // was a large share of feed parsing time.
        if trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://"),
           !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F || $0 == "\\" }) {
            return trimmed
        }
        if let absolute = URL(string: trimmed), absolute.scheme != nil { return absolute.absoluteString }
        guard let base else { return trimmed }
        let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"])) ?? trimmed
        return URL(string: encoded, relativeTo: base)?.absoluteURL.absoluteString ?? trimmed
    }
}
