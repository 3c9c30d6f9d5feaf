import Foundation

/// Content-word counts of a text, the unit of the library's tf-idf statistics.
public enum TermCounter {
    public static func counts(in text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = ScalarTextBuilder(capacity: 32)
        var length = 0
        var hasLetter = false
        func flush() {
            if length >= 3, hasLetter {
                let term = word.string
                if !StopWords.english.contains(term) { counts[term, default: 0] += 1 }
            }
            word.bytes.removeAll(keepingCapacity: true)
            length = 0
            hasLetter = false
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) { word.bytes.append(UInt8(v)); length += 1; hasLetter = true }
                else if (0x41...0x5A).contains(v) { word.bytes.append(UInt8(v + 32)); length += 1; hasLetter = true }
                else if (0x30...0x39).contains(v) { word.bytes.append(UInt8(v)); length += 1 }
                else { flush() }
            } else if scalar.properties.isAlphabetic {
                word.append(scalar.properties.lowercaseMapping)
                length += 1
                hasLetter = true
            } else if scalar.properties.generalCategory == .nonspacingMark {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return counts
    }
}

public enum StopWords {
    /// Function words that carry no topic; shared by term statistics and summaries.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "last", "like", "many", "may", "me", "might", "more", "most",
        "much", "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "says", "she", "should",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "two", "under", "until",
        "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "year", "years", "yet", "you", "your", "yours", "yourself", "yourselves", "according",
        "told", "say", "get", "got", "make", "made", "week", "including", "well", "way", "back", "first",
    ]
}
