import CLibXML2
import Foundation

/// Builds, without libxml2, the tree libxml2's HTML parser builds for the plain fragments most feed
/// items carry (`<p>`, `<br>`, `<a href>`, emphasis, simple lists, entities).
///
/// Feeds escape each item's HTML, so every item is parsed a second time; handing those fragments
/// to libxml2 (wrapped in a whole document) was most of a large refresh. Anything this reader is not
/// sure libxml2 would read the same way — unknown tags, comments, misnesting, an unclosed element,
/// implied structure, odd entities or characters — makes it give up (nil), and the caller falls back
/// to libxml2. Tests compare both paths over the feed corpus.
enum SimpleHTML {
    enum Tag: UInt8 {
        case p, br, a, em, strong, i, b, u, ul, ol, li, span, code

        init?(name: ArraySlice<UInt8>) {
            switch name.count {
            case 1:
                switch name[name.startIndex] {
                case UInt8(ascii: "p"): self = .p
                case UInt8(ascii: "a"): self = .a
                case UInt8(ascii: "i"): self = .i
                case UInt8(ascii: "b"): self = .b
                case UInt8(ascii: "u"): self = .u
                default: return nil
                }
            case 2:
                switch (name[name.startIndex], name[name.startIndex + 1]) {
                case (UInt8(ascii: "b"), UInt8(ascii: "r")): self = .br
                case (UInt8(ascii: "e"), UInt8(ascii: "m")): self = .em
                case (UInt8(ascii: "u"), UInt8(ascii: "l")): self = .ul
                case (UInt8(ascii: "o"), UInt8(ascii: "l")): self = .ol
                case (UInt8(ascii: "l"), UInt8(ascii: "i")): self = .li
                default: return nil
                }
            default:
                if name.elementsEqual("strong".utf8) { self = .strong }
                else if name.elementsEqual("span".utf8) { self = .span }
                else if name.elementsEqual("code".utf8) { self = .code }
                else { return nil }
            }
        }

        var name: String {
            switch self {
            case .p: "p"
            case .br: "br"
            case .a: "a"
            case .em: "em"
            case .strong: "strong"
            case .i: "i"
            case .b: "b"
            case .u: "u"
            case .ul: "ul"
            case .ol: "ol"
            case .li: "li"
            case .span: "span"
            case .code: "code"
            }
        }

        var isInline: Bool {
            switch self {
            case .a, .em, .strong, .i, .b, .u, .span, .code, .br: true
            case .p, .ul, .ol, .li: false
            }
        }
    }

    /// The `html` root libxml2 would return for `<html><head>…</head><body>` + fragment, or nil.
    static func parse(_ html: String, base: URL?) -> MarkupElement? {
        var copy = html
        var tree = TreeBuilder(base: base)
        guard copy.withUTF8({ read(bytes: $0, into: &tree) }) else { return nil }
        let root = MarkupElement(name: "html", namespace: nil, attributes: [:], base: base)
        let head = MarkupElement(name: "head", namespace: nil, attributes: [:], base: base)
        root.children = [.element(head), .element(tree.body)]
        return root
    }

    /// The text `HTMLText` renders from the tree `parse` builds, without building it, or nil where
    /// `parse` gives up; `linked` says whether a link reference was written.
    static func render(_ html: String, base: URL?, linkReferences: Bool) -> (text: String, linked: Bool)? {
        var copy = html
        var renderer = SimpleHTMLRenderer(linkReferences: linkReferences, base: base)
        guard copy.withUTF8({ read(bytes: $0, into: &renderer) }) else { return nil }
        return (renderer.finish(), !renderer.links.isEmpty)
    }

    /// Reads the fragment, telling `sink` its text, start tags and end tags as libxml2 would build
    /// them; false when the fragment is not one this reader is sure of (what `sink` heard is then moot).
    private static func read<Sink: SimpleHTMLSink>(bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
        var stack: [Tag] = []
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            sink.text(&text)
        }
        let count = bytes.count
        var i = 0
        while i < count {
            let c = bytes[i]
            if c == UInt8(ascii: "<") {
                guard i + 1 < count else { return false }
                if bytes[i + 1] == UInt8(ascii: "/") {
                    // An end tag must close the innermost open element, spelled exactly `</name>`.
                    var j = i + 2
                    let start = j
                    while j < count, isNameByte(bytes[j]) { j += 1 }
                    guard j < count, bytes[j] == UInt8(ascii: ">"), j > start,
                          let tag = Tag(name: lowered(bytes, start, j)),
                          let top = stack.last, top == tag else { return false }
                    flushText()
                    stack.removeLast()
                    sink.close(tag)
                    i = j + 1
                    continue
                }
                var j = i + 1
                let start = j
                while j < count, isNameByte(bytes[j]) { j += 1 }
                guard j > start, isLetter(bytes[start]), let tag = Tag(name: lowered(bytes, start, j)) else { return false }
                // Where libxml2 would close or imply elements, its tree is not the markup's; leave it to libxml2.
                let parent = stack.last
                switch tag {
                case .p: guard stack.isEmpty else { return false }
                case .ul, .ol: guard parent == nil || parent == .li else { return false }
                case .li: guard parent == .ul || parent == .ol else { return false }
                case .a: guard !stack.contains(.a) else { return false }
                default: guard parent != .ul && parent != .ol else { return false }
                }
                var attributes: [String: String] = [:]
                var selfClosing = false
                // Attributes: name="value" or name='value', nothing else.
                while true {
                    guard j < count else { return false }
                    let b = bytes[j]
                    if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") {
                        j += 1
                        continue
                    }
                    if b == UInt8(ascii: ">") { j += 1; break }
                    if b == UInt8(ascii: "/") {
                        guard j + 1 < count, bytes[j + 1] == UInt8(ascii: ">") else { return false }
                        selfClosing = true
                        j += 2
                        break
                    }
                    let nameStart = j
                    while j < count, isLetter(bytes[j]) || bytes[j] == UInt8(ascii: "-") { j += 1 }
                    guard j > nameStart, j + 1 < count, bytes[j] == UInt8(ascii: "=") else { return false }
                    let key = String(decoding: lowered(bytes, nameStart, j), as: UTF8.self)
                    let quote = bytes[j + 1]
                    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
                    j += 2
                    var value: [UInt8] = []
                    while true {
                        guard j < count else { return false }
                        let v = bytes[j]
                        if v == quote { j += 1; break }
                        if v < 0x20 || v == UInt8(ascii: "<") { return false }
                        if v == UInt8(ascii: "&") {
                            guard let next = reference(bytes, at: j, into: &value) else { return false }
                            j = next
                        } else {
                            value.append(v)
                            j += 1
                        }
                    }
                    guard attributes[key] == nil else { return false }
                    attributes[key] = String(decoding: value, as: UTF8.self)
                }
                if selfClosing && tag != .br { return false }
                flushText()
                sink.open(tag, attributes: attributes)
                if tag != .br {
                    // Deep nesting is left to libxml2 and the converter, which cap it; a deep tree here
                    // would exhaust the stack when it is walked or freed.
                    guard stack.count < 64 else { return false }
                    stack.append(tag)
                }
                i = j
                continue
            }
            if c == UInt8(ascii: "&") {
                guard let next = reference(bytes, at: i, into: &text) else { return false }
                i = next
                continue
            }
            // A run of text up to the next tag or reference.
            let inList = stack.last.map { $0 == .ul || $0 == .ol } ?? false
            let runStart = i
            while i < count {
                let c = bytes[i]
                // Printable ASCII other than the two delimiters, nearly every byte, with the fewest tests.
                if c &- 0x20 < 0x5F, c != UInt8(ascii: "<"), c != UInt8(ascii: "&"), !inList || c == 0x20 {
                    i += 1
                    continue
                }
                if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") { break }
                if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return false }
                // U+FFFE and U+FFFF are not XML characters.
                if c == 0xEF, i + 2 < count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
                if inList, !isSpace(c) { return false }
                i += 1
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
        }
        guard stack.isEmpty else { return false }
        flushText()
        return true
    }

    /// Builds the `body` element of the tree libxml2 would build.
    private struct TreeBuilder: SimpleHTMLSink {
        let base: URL?
        let body: MarkupElement
        var open: [MarkupElement] = []

        init(base: URL?) {
            self.base = base
            body = MarkupElement(name: "body", namespace: nil, attributes: [:], base: base)
        }

        mutating func text(_ bytes: inout [UInt8]) {
            (open.last ?? body).children.append(.text(String(decoding: bytes, as: UTF8.self)))
            bytes.removeAll(keepingCapacity: true)
        }

        mutating func open(_ tag: Tag, attributes: [String: String]) {
            let element = MarkupElement(name: tag.name, namespace: nil, attributes: attributes, base: base)
            (open.last ?? body).children.append(.element(element))
            if tag != .br { open.append(element) }
        }

        mutating func close(_ tag: Tag) {
            open.removeLast()
        }
    }

    /// Decodes `&name;`, `&#123;` or `&#x7B;` at `index`, appending UTF-8; nil for anything libxml2
    /// would read differently (no semicolon, unknown name, a value that is not an XML character).
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into out: inout [UInt8]) -> Int? {
        var j = index + 1
        let count = bytes.count
        guard j < count else { return nil }
        var value: UInt32 = 0
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var radix: UInt32 = 10
            if j < count, bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X") {
                radix = 16
                j += 1
            }
            let start = j
            while j < count, j - start < 8 {
                let d = bytes[j]
                if d >= 0x30 && d <= 0x39 {
                    value = value * radix + UInt32(d - 0x30)
                } else if radix == 16, let hex = hexValue(d) {
                    value = value * radix + hex
                } else {
                    break
                }
                j += 1
            }
            guard j > start, j < count, bytes[j] == UInt8(ascii: ";") else { return nil }
            let isXMLChar = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            guard isXMLChar else { return nil }
        } else {
            // libxml2 keeps what is not a known `&name;` as literal text: "&" alone when no name follows,
            // "&name" (the ";" then reads as text) when the name is unknown or unterminated.
            let start = j
            guard isLetter(bytes[j]) else {
                let b = bytes[j]
                guard b < 0x80, b != UInt8(ascii: "_"), b != UInt8(ascii: ":") else { return nil }
                out.append(UInt8(ascii: "&"))
                return j
            }
            while j < count, j - start < 32, isNameByte(bytes[j]) { j += 1 }
            guard j < count else { return nil }
            let after = bytes[j]
            guard after < 0x80, after != UInt8(ascii: "."), after != UInt8(ascii: "-"), after != UInt8(ascii: "_"),
                  after != UInt8(ascii: ":"), !isNameByte(after) else { return nil }
            var name = Array(bytes[start..<j])
            name.append(0)
            let entity = after == UInt8(ascii: ";")
                ? name.withUnsafeBufferPointer { buf in buf.baseAddress.flatMap { htmlEntityLookup($0) } } : nil
            guard let entity, entity.pointee.value > 0 else {
                out.append(contentsOf: bytes[(start - 1)..<j])
                return j
            }
            value = UInt32(entity.pointee.value)
        }
        guard value > 0, let scalar = Unicode.Scalar(value) else { return nil }
        out.append(contentsOf: String(Character(scalar)).utf8)
        return j + 1
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        ArraySlice(bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

/// What `SimpleHTML` reads from a fragment: merged text (entities decoded), start tags (`br` too,
/// which never gets an end tag) and end tags.
protocol SimpleHTMLSink {
    /// Takes the text, leaving `bytes` empty (a sink may keep the buffer and hand back another).
    mutating func text(_ bytes: inout [UInt8])
    mutating func open(_ tag: SimpleHTML.Tag, attributes: [String: String])
    mutating func close(_ tag: SimpleHTML.Tag)
}

/// `HTMLText`'s renderer for the elements `SimpleHTML` reads, working on UTF-8 bytes as they are
/// read: building the element tree and walking it again was half the time of rendering a feed item.
/// Each step mirrors the renderer's handling of the same element, so the text is the same; tests
/// compare the two on the feed corpus and on random fragments.
struct SimpleHTMLRenderer: SimpleHTMLSink {
    let linkReferences: Bool
    let base: URL?
    /// The finished blocks, joined as `HTMLText` joins them.
    private var out: [UInt8] = []
    private var blockCount = 0
    private var lastListItem = false
    private var inline: [UInt8] = []
    private(set) var links: [String] = []
    private var listStack: [(ordered: Bool, counter: Int)] = []
    private var pendingPrefix: [UInt8] = []
    /// Per open `<a>`: its href, and the length of the inline text in Characters when it opened.
    private var anchors: [(href: String?, before: Int)] = []

    init(linkReferences: Bool, base: URL?) {
        self.linkReferences = linkReferences
        self.base = base
        out.reserveCapacity(1_024)
        inline.reserveCapacity(1_024)
    }

    mutating func text(_ bytes: inout [UInt8]) {
        // A paragraph's text usually arrives whole: take its buffer rather than copy it.
        if inline.isEmpty {
            swap(&inline, &bytes)
        } else {
            inline.append(contentsOf: bytes)
        }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func open(_ tag: SimpleHTML.Tag, attributes: [String: String]) {
        switch tag {
        case .br, .p:
            flush()
        case .a:
            let href = attributes["href"]
            // Characters, as the renderer counts them: only a link that is referenced needs the count.
            let before = linkReferences && href.map(HTMLText.isReferenced) == true ? characterCount(inline) : 0
            anchors.append((href, before))
        case .ul, .ol:
            flush()
            listStack.append((ordered: tag == .ol, counter: 0))
        case .li:
            flush(listItem: true)
            pendingPrefix = Array(HTMLText.nextListItemPrefix(&listStack).utf8)
        case .em, .strong, .i, .b, .u, .span, .code:
            break
        }
    }

    mutating func close(_ tag: SimpleHTML.Tag) {
        switch tag {
        case .p:
            flush()
        case .a:
            guard let anchor = anchors.popLast() else { return }
            guard linkReferences, let href = anchor.href, HTMLText.isReferenced(href),
                  characterCount(inline) > anchor.before,
                  let resolved = URLResolver.resolve(href, against: base) else { return }
            inline.append(contentsOf: "[\(HTMLText.referenceNumber(of: resolved, in: &links))]".utf8)
        case .ul, .ol:
            flush(listItem: true)
            listStack.removeLast()
        case .li:
            flush(listItem: true)
        case .br, .em, .strong, .i, .b, .u, .span, .code:
            break
        }
    }

    private func characterCount(_ bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self).count
    }

    /// The inline text so far as a block, when it has any text once normalized.
    private mutating func flush(listItem: Bool = false) {
        defer { inline.removeAll(keepingCapacity: true) }
        let isListItem = listItem || !pendingPrefix.isEmpty
        let mark = out.count
        if blockCount > 0 {
            out.append(0x0A)
            if !(isListItem && lastListItem) { out.append(0x0A) }
        }
        out.append(contentsOf: pendingPrefix)
        let textStart = out.count
        inline.withUnsafeBufferPointer { HTMLText.appendNormalizedInline($0, to: &out) }
        guard out.count > textStart else {
            out.removeSubrange(mark...)
            return
        }
        blockCount += 1
        lastListItem = isListItem
        pendingPrefix.removeAll()
    }

    mutating func finish() -> String {
        flush()
        if linkReferences && !links.isEmpty {
            if !out.isEmpty { out.append(contentsOf: [0x0A, 0x0A]) }
            out.append(contentsOf: links.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n").utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
