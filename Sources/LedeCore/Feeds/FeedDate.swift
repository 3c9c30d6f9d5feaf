import Foundation

/// Dates as feeds write them: RFC 822 and its sloppy variants, ISO 8601 / W3CDTF, named time zones.
public enum FeedDate {
    /// Parses a feed date; nil when no date can be read from the text.
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmedWhitespace
        guard !text.isEmpty, text.count < 100 else { return nil }
        if let d = parseISO(text) { return d }
        if let d = parseRFC822(text) { return d }
        return parseLoose(text)
    }

    /// Formats as ISO 8601 in UTC, second precision ("2023-04-11T00:00:00Z").
    public static func iso8601(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    // MARK: - ISO 8601 / W3CDTF

    private static func parseISO(_ s: String) -> Date? {
        var scanner = Scanner(Array(s.unicodeScalars))
        guard let year = scanner.digits(exactly: 4) else { return nil }
        var month = 1, day = 1
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if scanner.peek == "-" {
            scanner.advance()
            guard let m = scanner.digits(exactly: 2) else {
                // Ordinal date: 2003-335
                return nil
            }
            month = m
            if scanner.peek == "-" {
                scanner.advance()
                guard let d = scanner.digits(exactly: 2) else { return nil }
                day = d
            }
        } else if let m = scanner.digits(exactly: 2) {
            month = m
            guard let d = scanner.digits(exactly: 2) else { return nil }
            day = d
        }
        var offset: Int?
        if scanner.peek == "T" || scanner.peek == "t" || (scanner.peek == " " && scanner.peek(1).map(isDigit) == true) {
            scanner.advance()
            guard let h = scanner.digits(exactly: 2) else { return nil }
            hour = h
            if scanner.peek == ":" { scanner.advance() }
            if let m = scanner.digits(exactly: 2) {
                minute = m
                if scanner.peek == ":" { scanner.advance() }
                if let sec = scanner.digits(exactly: 2) {
                    second = sec
                    if scanner.peek == "." || scanner.peek == "," {
                        scanner.advance()
                        var digits = ""
                        while let c = scanner.peek, isDigit(c) { digits.unicodeScalars.append(c); scanner.advance() }
                        fraction = Double("0." + digits) ?? 0
                    }
                }
            }
            while scanner.peek == " " { scanner.advance() }
            if scanner.peek == "Z" || scanner.peek == "z" {
                scanner.advance()
                offset = 0
            } else if scanner.peek == "+" || scanner.peek == "-" {
                let sign = scanner.peek == "-" ? -1 : 1
                scanner.advance()
                guard let oh = scanner.digits(exactly: 2) else { return nil }
                if scanner.peek == ":" { scanner.advance() }
                let om = scanner.digits(exactly: 2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            } else if !scanner.atEnd {
                let rest = String(String.UnicodeScalarView(scanner.rest)).trimmedWhitespace
                guard let named = zoneOffset(rest) else { return nil }
                offset = named
            }
        } else if scanner.peek == "Z" {
            scanner.advance()
            offset = 0
        }
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                        offset: offset ?? 0, fraction: fraction)
    }

    // MARK: - RFC 822 and everything sloppier

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
        "august": 8, "sept": 9, "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// Minutes east of UTC.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "cet": 60, "met": 60, "mez": 60, "cest": 120,
        "mest": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 5 * 60 + 30, "jst": 9 * 60, "kst": 9 * 60,
        "hkt": 8 * 60, "sgt": 8 * 60, "awst": 8 * 60, "acst": 9 * 60 + 30, "aest": 10 * 60, "aedt": 11 * 60,
        "nzst": 12 * 60, "nzdt": 13 * 60, "ast": -4 * 60, "adt": -3 * 60, "est": -5 * 60, "edt": -4 * 60,
        "cst": -6 * 60, "cdt": -5 * 60, "mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60,
        "akst": -9 * 60, "akdt": -8 * 60, "hst": -10 * 60, "nst": -(3 * 60 + 30), "ndt": -(2 * 60 + 30),
    ]

    /// Seconds east of UTC for a zone name or numeric offset.
    static func zoneOffset(_ raw: String) -> Int? {
        var s = raw.lowercased()
        if s.first == "(" || s.last == ")" { s = s.filter { $0 != "(" && $0 != ")" }.trimmedWhitespace }
        if let minutes = zones[s] { return minutes * 60 }
        if s.count == 1, let c = s.unicodeScalars.first, c.isASCII, c.properties.isAlphabetic {
            // Military zones; RFC 1123 notes their signs were historically reversed, so feeds treat them as unreliable.
            return 0
        }
        var t = Substring(s)
        for prefix in ["utc", "gmt", "ut"] where t.hasPrefix(prefix) { t = t.dropFirst(prefix.count); break }
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let digits = t.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let n = Int(digits) else {
            return nil
        }
        let (h, m) = digits.count <= 2 ? (n, 0) : (n / 100, n % 100)
        guard h <= 14, m < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }

    /// The canonical RFC 822 form nearly every RSS item uses ("Tue, 11 Apr 2023 10:00:00 GMT",
    /// "11 Apr 2023 10:00 +0200"), read from its bytes; nil for anything else, which `parseLoose`
    /// reads (it gives the same instant for these, at many times the cost).
    static func parseRFC822(_ s: String) -> Date? {
        var copy = s
        return copy.withUTF8 { bytes -> Date? in
            var i = 0
            let n = bytes.count
            func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            func isLetterByte(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            func lowered(_ start: Int, _ end: Int) -> String {
                String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
            }
            func number(width: ClosedRange<Int>) -> Int? {
                let start = i
                var value = 0
                while i < n, isDigitByte(bytes[i]), i - start < width.upperBound {
                    value = value * 10 + Int(bytes[i] - 0x30)
                    i += 1
                }
                return width.contains(i - start) && (i == n || !isDigitByte(bytes[i])) ? value : nil
            }
            func space() -> Bool {
                guard i < n, bytes[i] == 0x20 else { return false }
                i += 1
                return true
            }
            // An optional day name: three letters and a comma.
            if i + 4 < n, isLetterByte(bytes[0]) {
                guard isLetterByte(bytes[1]), isLetterByte(bytes[2]), bytes[3] == UInt8(ascii: ","), bytes[4] == 0x20,
                      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains(lowered(0, 3)) else { return nil }
                i = 5
            }
            guard let day = number(width: 1...2), space() else { return nil }
            guard i + 3 < n, isLetterByte(bytes[i]), isLetterByte(bytes[i + 1]), isLetterByte(bytes[i + 2]),
                  let month = months[lowered(i, i + 3)] else { return nil }
            i += 3
            // A four-digit year above 1000 is what the loose reader takes as the year.
            guard space(), let year = number(width: 4...4), year > 1000, space() else { return nil }
            guard let hour = number(width: 2...2), i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let minute = number(width: 2...2) else { return nil }
            var second = 0
            if i < n, bytes[i] == UInt8(ascii: ":") {
                i += 1
                guard let s = number(width: 2...2) else { return nil }
                second = s
            }
            guard space(), i < n else { return nil }
            let zoneStart = i
            let offset: Int
            if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                guard n - i == 5, bytes[(i + 1)..<n].allSatisfy(isDigitByte),
                      let value = zoneOffset(String(decoding: bytes[i..<n], as: UTF8.self)) else { return nil }
                offset = value
            } else {
                guard bytes[zoneStart..<n].allSatisfy(isLetterByte), let minutes = zones[lowered(zoneStart, n)] else { return nil }
                offset = minutes * 60
            }
            return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
        }
    }

    static func parseLoose(_ s: String) -> Date? {
        // Tokens: runs of digits, runs of letters, "+"/"-" signed offsets; everything else separates.
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        let scalars = Array(s.unicodeScalars)
        for (index, ch) in scalars.enumerated() {
            let digit = isDigit(ch)
            let signsNumber = index + 1 < scalars.count && isDigit(scalars[index + 1])
            let letter = ch.properties.isAlphabetic
            if ch == ":" && currentIsDigit {
                current.unicodeScalars.append(ch)
            } else if digit || letter {
                if !current.isEmpty && digit != currentIsDigit && !(current.hasPrefix("+") || current.hasPrefix("-")) {
                    flush()
                }
                current.unicodeScalars.append(ch)
                currentIsDigit = digit
            } else if (ch == "+" || ch == "-") && signsNumber && (current.contains(Character(":")) || tokens.contains(where: { $0.contains(Character(":")) })) {
                // A sign starts an offset only after the time; before it, "-" separates "01-Jan-2004".
                flush()
                current = String(ch)
                currentIsDigit = true
            } else {
                flush()
            }
        }
        flush()

        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        var numbers: [Int] = []
        var pm: Bool?
        for token in tokens {
            let lower = token.lowercased()
            if token.contains(Character(":")) && !token.hasPrefix("+") && !token.hasPrefix("-") {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
                hour = h
                minute = m
                if parts.count > 2, let sec = parts[2] { second = sec }
            } else if let m = months[lower] ?? months[String(lower.prefix(3))].flatMap({ lower.count <= 9 ? $0 : nil }),
                      month == nil, lower.count >= 3 {
                month = m
            } else if lower == "am" || lower == "pm" {
                pm = lower == "pm"
            } else if let n = Int(token), !token.hasPrefix("+"), !token.hasPrefix("-") {
                numbers.append(n)
                if token.count == 4 && year == nil && n > 1000 { year = n; numbers.removeLast() }
            } else if let z = zoneOffset(token) {
                offset = z
            } else if ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains(where: { lower.hasPrefix($0) }) {
                continue
            } else if lower == "t" || lower == "at" || lower == "of" || lower == "the" {
                continue
            } else if offset == nil, (token.hasPrefix("+") || token.hasPrefix("-")), let z = zoneOffset(token) {
                offset = z
            } else {
                // Unknown zone abbreviations are taken as UTC rather than losing the date.
                if token.count <= 5, token.allSatisfy(\.isLetter), month != nil || !numbers.isEmpty { offset = offset ?? 0; continue }
                return nil
            }
        }
        if let m = month {
            guard let d = numbers.first else { return nil }
            day = d
            if year == nil, numbers.count >= 2 { year = numbers[1] }
            _ = m
        } else {
            // Purely numeric: Y M D with the 4-digit year already taken, or D/M/Y.
            guard year != nil, numbers.count >= 2 else { return nil }
            month = numbers[0]
            day = numbers[1]
        }
        guard var y = year, let mo = month, let d = day else { return nil }
        if y < 100 { y += y < 50 ? 2000 : 1900 }
        if let pm { if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 } }
        return makeDate(year: y, month: mo, day: d, hour: hour, minute: minute, second: second, offset: offset ?? 0)
    }

    private static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                                 offset: Int, fraction: Double = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (1...9999).contains(year) else { return nil }
        if year >= 1600 {
            // Foundation's calendar is proleptic Gregorian from 1582 on, so plain arithmetic gives the same
            // instant without building a Calendar per item. Hour 24 and second 60 roll over as the calendar does.
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            guard day <= monthDays || hour == 24 || second == 60 else { return nil }
            let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200)).addingTimeInterval(fraction - Double(offset))
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(secondsFromGMT: 0) else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components) else { return nil }
        // Reject dates the calendar rolled over (31 February).
        guard calendar.component(.day, from: date) == day || hour == 24 || second == 60 else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm); days past the
    /// end of the month count on into the next.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        func peek(_ ahead: Int) -> Unicode.Scalar? { index + ahead < scalars.count ? scalars[index + ahead] : nil }
        var rest: ArraySlice<Unicode.Scalar> { scalars[min(index, scalars.count)...] }
        mutating func advance() { index += 1 }
        mutating func digits(exactly n: Int) -> Int? {
            guard index + n <= scalars.count else { return nil }
            var value = 0
            for i in index..<(index + n) {
                guard isDigit(scalars[i]) else { return nil }
                value = value * 10 + Int(scalars[i].value - 48)
            }
            index += n
            return value
        }
    }
}
