import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns bytes of unknown encoding into UTF-8, the way feedparser does: byte order mark first,
/// then the declared encoding, then UTF-8, then Windows-1252 (which can decode anything).
enum MarkupDecoding {
    struct Result {
        var utf8: [UInt8]
        var encoding: String
        var warning: String?
    }

    /// Decodes an XML document. `declared` comes from the XML declaration when not given.
    static func decodeXML(_ data: Data, declared: String? = nil) -> Result {
        let bytes = [UInt8](data)
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            let body = Array(bytes[bomLength...])
            if encoding == "UTF-8" { return finishUTF8(body, declaredLabel: "UTF-8") }
            if let converted = convert(body, from: encoding) { return Result(utf8: converted, encoding: encoding) }
        }
        if let utf16 = sniffUTF16WithoutBOM(bytes), let converted = convert(bytes, from: utf16) {
            return Result(utf8: converted, encoding: utf16)
        }
        let label = declared ?? xmlDeclaredEncoding(bytes)
        return decode(bytes, label: label)
    }

    /// Decodes an HTML page: BOM, then `<meta charset>`, then UTF-8, then Windows-1252.
    static func decodeHTML(_ data: Data) -> Result {
        let bytes = [UInt8](data)
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            let body = Array(bytes[bomLength...])
            if encoding == "UTF-8" { return finishUTF8(body, declaredLabel: "UTF-8") }
            if let converted = convert(body, from: encoding) { return Result(utf8: converted, encoding: encoding) }
        }
        return decode(bytes, label: htmlDeclaredEncoding(bytes))
    }

    private static func decode(_ bytes: [UInt8], label: String?) -> Result {
        let normalized = label.map(normalize)
        if let normalized, normalized != "UTF-8" {
            if let converted = convert(bytes, from: normalized) {
                return Result(utf8: converted, encoding: normalized)
            }
            if isValidUTF8(bytes) {
                return Result(utf8: bytes, encoding: "UTF-8",
                              warning: "declared encoding \(label ?? "") does not match the bytes; read as UTF-8")
            }
            return Result(utf8: convert(bytes, from: "WINDOWS-1252") ?? latin1(bytes), encoding: "WINDOWS-1252",
                          warning: "declared encoding \(label ?? "") does not match the bytes; read as Windows-1252")
        }
        return finishUTF8(bytes, declaredLabel: label)
    }

    private static func finishUTF8(_ bytes: [UInt8], declaredLabel: String?) -> Result {
        if isValidUTF8(bytes) { return Result(utf8: bytes, encoding: "UTF-8") }
        let what = declaredLabel == nil ? "no encoding declared and the bytes are not UTF-8"
            : "declared UTF-8 but the bytes are not"
        return Result(utf8: convert(bytes, from: "WINDOWS-1252") ?? latin1(bytes), encoding: "WINDOWS-1252",
                      warning: "\(what); read as Windows-1252")
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    private static func latin1(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes.map { UInt16($0) }, as: UTF16.self).utf8)
    }

    static func normalize(_ label: String) -> String {
        let upper = label.trimmedWhitespace.uppercased()
        switch upper {
        case "UTF8", "UTF-8", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "US-ASCII", "ASCII", "ANSI_X3.4-1968": return "UTF-8" // ASCII is a subset; non-ASCII bytes fall through to the checks
        case "ISO-8859-1", "LATIN1", "LATIN-1", "ISO8859-1", "ISO_8859-1": return "WINDOWS-1252" // as browsers do
        case "GB2312", "GBK": return "GB18030"
        case "UTF-16", "UTF16": return "UTF-16"
        default: return upper
        }
    }

    private static func byteOrderMark(_ b: [UInt8]) -> (String, Int)? {
        if b.count >= 4 && b[0] == 0x00 && b[1] == 0x00 && b[2] == 0xFE && b[3] == 0xFF { return ("UTF-32BE", 4) }
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0x00 && b[3] == 0x00 { return ("UTF-32LE", 4) }
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return ("UTF-16BE", 2) }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return ("UTF-16LE", 2) }
        return nil
    }

    /// UTF-16 or UTF-32 without a byte order mark, recognised by the zero bytes around the first "<".
    private static func sniffUTF16WithoutBOM(_ b: [UInt8]) -> String? {
        guard b.count >= 4 else { return nil }
        if b[0] == 0x00 && b[1] == 0x00 && b[2] == 0x00 && b[3] == 0x3C { return "UTF-32BE" }
        if b[0] == 0x3C && b[1] == 0x00 && b[2] == 0x00 && b[3] == 0x00 { return "UTF-32LE" }
        if b[0] == 0x00 && b[1] == 0x3C && b[2] == 0x00 { return "UTF-16BE" }
        if b[0] == 0x3C && b[1] == 0x00 && b[3] == 0x00 { return "UTF-16LE" }
        return nil
    }

    /// The `encoding="…"` of an XML declaration at the start of the bytes.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
        guard let start = head.range(of: "<?xml"), let end = head.range(of: "?>", range: start.upperBound..<head.endIndex)
        else { return nil }
        return attributeValue("encoding", in: String(head[start.upperBound..<end.lowerBound]))
    }

    private static func htmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if let xml = xmlDeclaredEncoding(bytes) { return xml }
        var searchRange = head.startIndex..<head.endIndex
        while let meta = head.range(of: "<meta", range: searchRange) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = String(head[meta.upperBound..<tagEnd])
            if let charset = attributeValue("charset", in: tag) { return charset }
            if let content = attributeValue("content", in: tag), let r = content.range(of: "charset=") {
                return String(content[r.upperBound...].prefix { $0 != ";" && $0 != " " })
            }
            searchRange = tagEnd..<head.endIndex
        }
        return nil
    }

    private static func attributeValue(_ name: String, in text: String) -> String? {
        guard let r = text.range(of: name) else { return nil }
        var rest = text[r.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        if let quote = rest.first, quote == "\"" || quote == "'" {
            return String(rest.dropFirst().prefix { $0 != quote })
        }
        return String(rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
    }

    /// Converts with iconv; nil when the encoding is unknown or the bytes are invalid in it.
    static func convert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return [] }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr = outBuf.baseAddress
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 || inLeft != 0 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return output.prefix(produced).map { UInt8(bitPattern: $0) }
    }
}
