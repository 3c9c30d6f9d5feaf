import CLibXML2
import Foundation

/// Feeds use HTML's named entities (`&eacute;`, `&nbsp;`) without declaring them. libxml2 drops
/// such references even in recovery mode, so before parsing they become numeric references, and
/// names that mean nothing become literal text, as feedparser leaves them.
enum EntityRepair {
    static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Returns the repaired bytes and the undefined names met, or nil when nothing needed repair.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], names: [String], problems: [String])? {
        guard bytes.contains(UInt8(ascii: "&")) else { return nil }
        let declared = declaredEntities(bytes)
        // Well-formed feeds are the common case: check every reference without copying anything first.
        guard needsRepair(bytes, declared: declared) else { return nil }
        return repair(bytes, declared: declared)
    }

    private static func needsRepair(_ bytes: [UInt8], declared: Set<String>) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                guard b[i] == UInt8(ascii: "&") else { i += 1; continue }
                var j = i + 1
                if j < n, b[j] == UInt8(ascii: "#") {
                    j += 1
                    let hex = j < n && b[j] == UInt8(ascii: "x")
                    if j < n && b[j] == UInt8(ascii: "X") { return true }
                    if hex { j += 1 }
                    let start = j
                    while j < n, isHexDigit(b[j], hex: hex) { j += 1 }
                    if j == start || j >= n || b[j] != UInt8(ascii: ";") { return true }
                } else {
                    let start = j
                    while j < n, j - i <= 33, isNameByte(b[j]) { j += 1 }
                    if j == start || j >= n || b[j] != UInt8(ascii: ";") || !isLetter(b[start]) { return true }
                    let nameBytes = UnsafeBufferPointer(rebasing: b[start..<j])
                    if !isPredefined(nameBytes) {
                        let name = String(decoding: nameBytes, as: UTF8.self)
                        if !declared.contains(name) { return true }
                    }
                }
                i = j + 1
            }
            return false
        }
    }

    /// `predefined` without building a String: escaped item HTML makes these most of a feed's references.
    private static func isPredefined(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return (name[0] == UInt8(ascii: "l") || name[0] == UInt8(ascii: "g")) && name[1] == UInt8(ascii: "t")
        case 3: return name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p")
        case 4: return name.elementsEqual("quot".utf8) || name.elementsEqual("apos".utf8)
        default: return false
        }
    }

    private static func repair(_ bytes: [UInt8], declared: Set<String>) -> (bytes: [UInt8], names: [String], problems: [String])? {
        // Inside the DTD, entity values and parameter references must stay as written.
        if let doctype = firstIndex(of: Array("<!DOCTYPE".utf8), in: bytes), let close = firstIndex(of: Array("]>".utf8), in: bytes),
           close > doctype {
            guard let rest = repair(Array(bytes[(close + 2)...]), declared: declared) else { return nil }
            return (Array(bytes[..<(close + 2)]) + rest.bytes, rest.names, rest.problems)
        }
        var out: [UInt8] = []
        var names: [String] = []
        var problems: Set<String> = []
        var changed = false
        var i = 0
        let n = bytes.count
        out.reserveCapacity(n + 64)
        let literalSections: [(open: [UInt8], close: [UInt8])] = [
            (Array("<![CDATA[".utf8), Array("]]>".utf8)), (Array("<!--".utf8), Array("-->".utf8)),
        ]
        scan: while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                // CDATA and comments are literal: copy them untouched.
                for section in literalSections where bytes[i...].starts(with: section.open) {
                    var j = i + section.open.count
                    while j < n, !bytes[j...].starts(with: section.close) { j += 1 }
                    let end = min(n, j + section.close.count)
                    out.append(contentsOf: bytes[i..<end])
                    i = end
                    continue scan
                }
            }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            if i + 1 < n, bytes[i + 1] == UInt8(ascii: "#") {
                var j = i + 2
                let hex = j < n && (bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X"))
                if hex { j += 1 }
                let digitsStart = j
                while j < n, j - i <= 12, isHexDigit(bytes[j], hex: hex) { j += 1 }
                if j < n, j > digitsStart, bytes[j] == UInt8(ascii: ";") {
                    // XML allows only a lower-case x; HTML habits write &#X41;.
                    out.append(contentsOf: Array((hex ? "&#x" : "&#").utf8))
                    out.append(contentsOf: bytes[digitsStart...j])
                    if hex && bytes[i + 2] == UInt8(ascii: "X") {
                        changed = true
                        problems.insert("character references with an upper-case X")
                    }
                } else {
                    out.append(contentsOf: Array("&amp;".utf8))
                    changed = true
                    problems.insert("bare '&' read as text")
                    j = i
                }
                i = j + 1
                continue
            }
            var j = i + 1
            while j < n, j - i <= 33, isNameByte(bytes[j]) { j += 1 }
            guard j < n, j > i + 1, bytes[j] == UInt8(ascii: ";"), isLetter(bytes[i + 1]) else {
                // A bare ampersand (a query string's "&c") is text, as feedparser reads it.
                out.append(contentsOf: Array("&amp;".utf8))
                changed = true
                problems.insert("bare '&' read as text")
                i += 1
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if predefined.contains(name) || declared.contains(name) {
                out.append(contentsOf: bytes[i...j])
            } else if let entity = htmlEntityLookup(name) {
                out.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
                names.append(name)
                problems.insert("undefined entities read as HTML entities")
                changed = true
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                out.append(contentsOf: bytes[(i + 1)...j])
                names.append(name)
                problems.insert("unknown entities kept as text")
                changed = true
            }
            i = j + 1
        }
        return changed ? (out, names, problems.sorted()) : nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count, let first = needle.first else { return nil }
        var i = 0
        let limit = min(bytes.count - needle.count, 200_000)
        while i <= limit {
            if bytes[i] == first && bytes[i...].starts(with: needle) { return i }
            i += 1
        }
        return nil
    }

    /// Names declared with `<!ENTITY name …>` in the document's internal subset.
    private static func declaredEntities(_ bytes: [UInt8]) -> Set<String> {
        // Bytes first: nearly no feed declares entities, and Foundation's search of a 200 KB head
        // cost more than the rest of this check. (The search below matches only where these bytes are.)
        guard firstIndex(of: Array("<!ENTITY".utf8), in: bytes) != nil else { return [] }
        let head = String(decoding: bytes.prefix(200_000), as: UTF8.self)
        guard head.contains("<!ENTITY") else { return [] }
        var names: Set<String> = []
        var rest = Substring(head)
        while let r = rest.range(of: "<!ENTITY") {
            var after = rest[r.upperBound...].drop { $0.isWhitespace }
            if after.first == "%" { after = after.dropFirst().drop { $0.isWhitespace } }
            names.insert(String(after.prefix { !$0.isWhitespace }))
            rest = rest[r.upperBound...]
        }
        return names
    }

    private static func isHexDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}
