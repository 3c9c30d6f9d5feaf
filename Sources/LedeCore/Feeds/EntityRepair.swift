import CLibXML2
import Foundation

/// Feeds use HTML's named entities (`&eacute;`, `&nbsp;`) without declaring them. libxml2 drops
/// such references even in recovery mode, so before parsing they become numeric references, and
/// names that mean nothing become literal text, as feedparser leaves them.
enum EntityRepair {
    static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Returns the repaired bytes and the undefined names met, or nil when nothing needed repair.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], names: [String])? {
        guard bytes.contains(UInt8(ascii: "&")) else { return nil }
        let declared = declaredEntities(bytes)
        var out: [UInt8] = []
        var names: [String] = []
        var changed = false
        var i = 0
        let n = bytes.count
        out.reserveCapacity(n + 64)
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), bytes[i...].starts(with: cdataOpen) {
                // CDATA content is literal: copy it untouched.
                var j = i + cdataOpen.count
                while j < n, !bytes[j...].starts(with: cdataClose) { j += 1 }
                let end = min(n, j + cdataClose.count)
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < n, j - i <= 33, isNameByte(bytes[j]) { j += 1 }
            guard j < n, j > i + 1, bytes[j] == UInt8(ascii: ";"), isLetter(bytes[i + 1]) else {
                out.append(b)
                i += 1
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if predefined.contains(name) || declared.contains(name) {
                out.append(contentsOf: bytes[i...j])
            } else if let entity = htmlEntityLookup(name) {
                out.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
                names.append(name)
                changed = true
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                out.append(contentsOf: bytes[(i + 1)...j])
                names.append(name)
                changed = true
            }
            i = j + 1
        }
        return changed ? (out, names) : nil
    }

    /// Names declared with `<!ENTITY name …>` in the document's internal subset.
    private static func declaredEntities(_ bytes: [UInt8]) -> Set<String> {
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

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}
