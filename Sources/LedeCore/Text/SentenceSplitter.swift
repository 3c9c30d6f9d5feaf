import Foundation

/// Splits text into sentences, keeping scalar offsets into the text.
public struct SentenceSplitter: Sendable {
    public init() {}

    public func sentences(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var spans: [TextSpan] = []
        var start = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { spans.append(TextSpan(start: s, end: e)) }
            start = end
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                emit(i)
            } else if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, scalars[j] == "\"" || scalars[j] == "\u{201D}" || scalars[j] == ")" { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count,
                   scalars[j + 1].properties.isUppercase || scalars[j + 1] == "\"" || scalars[j + 1] == "\u{201C}" {
                    emit(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(scalars.count)
        return spans
    }
}
