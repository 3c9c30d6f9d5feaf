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
