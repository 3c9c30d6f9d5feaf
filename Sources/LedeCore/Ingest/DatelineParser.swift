import Foundation

/// Recognizes a line that is only a date ("Tuesday, September 22, 2015",
/// "22 March 2023", "2023-04-11", "Apr 11, 2023, 6:00 AM"), as pages print
/// under the headline.
public enum DatelineParser {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let fillers: Set<String> = ["published", "updated", "posted", "on", "at", "am", "pm", "gmt", "utc", "et", "edt", "est", "pt", "pst", "pdt", "bst"]

    public static func date(in line: String) -> Date? {
        let words: [String]
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            // Asked of every line above the story, paragraphs included: an ASCII line is cut on
            // its bytes and given up on at the tenth word.
            guard let ascii = asciiWords(line) else { return nil }
            words = ascii
        } else {
            words = line.lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != ":" && $0 != "-" })
                .map(String.init)
        }
        guard !words.isEmpty, words.count <= maximumWords else { return nil }
        if words.count == 1, let iso = isoDate(words[0]) { return iso }
        var year: Int?, month: Int?, day: Int?
        for word in words {
            if let m = months[word], month == nil {
                month = m
            } else if let n = Int(word) {
                if n >= 1000, n <= 2999, year == nil { year = n }
                else if n >= 1, n <= 31, day == nil { day = n }
                else { return nil }
            } else if weekdays.contains(word) || fillers.contains(word) || word.contains(":") {
                continue
            } else if let ordinal = Int(word.dropLast(2)), ["st", "nd", "rd", "th"].contains(String(word.suffix(2))), day == nil {
                day = ordinal
            } else {
                return nil
            }
        }
        guard let y = year, let m = month, let d = day else { return nil }
        return makeDate(year: y, month: m, day: d)
    }

    static let maximumWords = 9

    /// The lower-cased words of an ASCII line, as the general path cuts them; nil past `maximumWords`.
    static func asciiWords(_ line: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in line.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 32 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == 0x3A || lower == 0x2D {
                current.append(lower)
            } else if !current.isEmpty {
                guard words.count < maximumWords else { return nil }
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty {
            guard words.count < maximumWords else { return nil }
            words.append(String(decoding: current, as: UTF8.self))
        }
        return words
    }

    static func isoDate(_ word: String) -> Date? {
        let parts = word.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, parts[0] >= 1000 else { return nil }
        return makeDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func makeDate(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
