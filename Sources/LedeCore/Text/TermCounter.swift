import Foundation

/// Content-word counts of a text, the unit of the library's tf-idf statistics.
public enum TermCounter {
    public static func counts(in text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = ""
        func flush() {
            if word.count >= 3, !StopWords.english.contains(word), !word.allSatisfy(\.isNumber) {
                counts[word, default: 0] += 1
            }
            word.removeAll(keepingCapacity: true)
        }
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if ch == "'" || ch == "\u{2019}" {
                flush()
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
