import Foundation

/// Why a file's bytes cannot be read as an article.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case unsupportedFormat(String)
    case noText
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary: return "the file looks binary, not text"
        case let .tooLarge(bytes, limit):
            return "the file is \(bytes / 1_048_576) MB, over the \(limit / 1_048_576) MB limit for one article"
        case let .unsupportedFormat(format): return "\(format) is not supported yet"
        case .noText: return "no article text found"
        case let .unreadable(reason): return reason
        }
    }
}

/// Turns raw bytes into text: BOM and encoding detection, then sanitizing.
public enum TextDecoding {
    /// Articles are short; anything past this is a log, a dump or an attack.
    public static let maximumBytes = 16 * 1_048_576

    public static func decode(_ data: Data) throws -> String {
        guard !data.isEmpty else { throw IngestError.empty }
        guard data.count <= maximumBytes else { throw IngestError.tooLarge(bytes: data.count, limit: maximumBytes) }
        let bytes = [UInt8](data)
        if let text = decodeWithBOM(bytes) { return text }
        if looksLikeUTF16(bytes) { return try decodeUTF16WithoutBOM(bytes) }
        guard !looksBinary(bytes) else { throw IngestError.binary }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return decodeWindows1252(bytes)
    }

    private static func decodeWithBOM(_ b: [UInt8]) -> String? {
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return String(data: Data(b.dropFirst(4)), encoding: .utf32BigEndian) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return String(data: Data(b.dropFirst(4)), encoding: .utf32LittleEndian) }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(b.dropFirst(3))
            return String(validating: rest, as: UTF8.self) ?? decodeWindows1252(rest)
        }
        if b.starts(with: [0xFE, 0xFF]) { return String(data: Data(b.dropFirst(2)), encoding: .utf16BigEndian) }
        if b.starts(with: [0xFF, 0xFE]) { return String(data: Data(b.dropFirst(2)), encoding: .utf16LittleEndian) }
        return nil
    }

    /// UTF-16 text without a BOM shows up as ASCII with every other byte zero.
    private static func looksLikeUTF16(_ b: [UInt8]) -> Bool {
        let sample = b.prefix(512)
        guard sample.count >= 4 else { return false }
        var evenZeros = 0, oddZeros = 0
        for (i, byte) in sample.enumerated() where byte == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        return (evenZeros > half * 8 / 10 && oddZeros == 0) || (oddZeros > half * 8 / 10 && evenZeros == 0)
    }

    private static func decodeUTF16WithoutBOM(_ b: [UInt8]) throws -> String {
        let bigEndian = b.first == 0
        guard let text = String(data: Data(b), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) else {
            throw IngestError.unreadable("the file looks like UTF-16 but does not decode")
        }
        return text
    }

    /// Binary files have NUL bytes or many control bytes; text has almost none.
    private static func looksBinary(_ b: [UInt8]) -> Bool {
        let sample = b.prefix(8192)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B { control += 1 }
        }
        return control * 20 > sample.count
    }

    /// Windows-1252 is a superset of Latin-1 for printable text, so it serves as the fallback for both.
    public static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, let mapped = windows1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
