import Foundation

/// Fast string building and trimming on Unicode scalars.
///
/// Appending scalar by scalar to a String, `trimmingCharacters` (an NSString round trip
/// on Linux) and Character properties dominated ingestion profiles; these do the same
/// work on UTF-8 bytes.
public struct ScalarTextBuilder {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    public mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public var isEmpty: Bool { bytes.isEmpty }
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Walks a string's UTF-8 bytes, with ASCII taken byte by byte and anything else decoded to its
/// scalar: most news text is ASCII, and the string's scalar view cost several times as much.
enum UTF8Walk {
    /// The scalar whose (valid) UTF-8 sequence starts at `index`, and the sequence's length.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        // A Swift string is valid UTF-8, so the continuation bytes are there.
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether `text` contains `needle`, byte for byte: for ASCII phrases in lower-cased text,
    /// where Foundation's `contains` cost a search through NSString per phrase.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard !wanted.isEmpty else { return true }
                guard let base = haystack.baseAddress, let wantedBase = wanted.baseAddress, haystack.count >= wanted.count else {
                    return false
                }
                // Candidates by their first byte (memchr), then the rest compared (memcmp).
                let first = Int32(wanted[0])
                var offset = 0
                let lastStart = haystack.count - wanted.count
                while offset <= lastStart, let hit = memchr(base + offset, first, lastStart - offset + 1) {
                    let start = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + start, wantedBase, wanted.count) == 0 { return true }
                    offset = start + 1
                }
                return false
            }
        }
    }

    /// The lines of `text` ("\n" separated, empty ones kept), found with memchr.
    static func lines(of text: String) -> [Substring] {
        var text = text
        var newlines: [Int] = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                newlines.append(found)
                offset = found + 1
            }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(newlines.count + 1)
        var start = utf8.startIndex
        for newline in newlines {
            let end = utf8.index(utf8.startIndex, offsetBy: newline)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }
}

extension Unicode.Scalar {
    @inline(__always)
    var isSpaceLike: Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || (value > 0x7F && properties.isWhitespace)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.isSpaceLike }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }
}
