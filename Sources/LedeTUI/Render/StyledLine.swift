import Foundation

/// A line of text made of styled runs, ready to be written into a buffer.
public struct StyledLine: Equatable, Sendable {
  public var runs: [(text: String, style: CellStyle)]

  public init(_ runs: [(text: String, style: CellStyle)] = []) {
    self.runs = runs
  }

  public init(_ text: String, _ style: CellStyle) {
    runs = [(text, style)]
  }

  public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
    lhs.runs.count == rhs.runs.count && zip(lhs.runs, rhs.runs).allSatisfy { $0.text == $1.text && $0.style == $1.style }
  }

  public var text: String { runs.map(\.text).joined() }

  /// Writes the runs left to right, clipped to `width`.
  func draw(into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
    var col = 0
    for run in runs where col < width {
      col += buffer.write(run.text, x: x + col, y: y, maxWidth: width - col, style: run.style)
    }
  }
}

/// Styles for parts of one string, by `Character` offset; later spans win.
struct SpanStyler {
  var characters: [Character]
  var styles: [CellStyle]

  init(_ text: String, base: CellStyle) {
    characters = Array(text)
    styles = Array(repeating: base, count: characters.count)
  }

  mutating func apply(_ range: Range<Int>, _ style: CellStyle) {
    let r = range.clamped(to: 0..<characters.count)
    for i in r { styles[i] = style }
  }

  /// Marks every case-insensitive occurrence of the query's words.
  mutating func applyMatches(of query: String?, _ style: CellStyle) {
    for range in SpanStyler.matches(of: query, in: String(characters)) { apply(range, style) }
  }

  /// Character ranges of each query word in `text`, case- and diacritic-insensitive.
  static func matches(of query: String?, in text: String) -> [Range<Int>] {
    guard let query else { return [] }
    let words = queryWords(query)
    guard !words.isEmpty else { return [] }
    var out: [Range<Int>] = []
    for word in words {
      var searchRange = text.startIndex..<text.endIndex
      while let found = text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive], range: searchRange) {
        let start = text.distance(from: text.startIndex, to: found.lowerBound)
        let length = text.distance(from: found.lowerBound, to: found.upperBound)
        out.append(start..<(start + length))
        guard found.upperBound < text.endIndex else { break }
        searchRange = found.upperBound..<text.endIndex
      }
    }
    return out
  }

  /// The words of a full-text query, without FTS operators and quotes.
  static func queryWords(_ query: String) -> [String] {
    query.split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "(" || $0 == ")" })
      .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "*^+-")) }
      .filter { !$0.isEmpty && !["AND", "OR", "NOT", "NEAR"].contains($0) }
  }

  /// Converts a Unicode-scalar span (the model's unit) to a `Character` range.
  static func characterRange(scalarStart: Int, scalarEnd: Int, in text: String) -> Range<Int>? {
    guard scalarStart >= 0, scalarStart < scalarEnd else { return nil }
    var scalarPos = 0
    var startChar: Int? = nil
    var endChar: Int? = nil
    for (i, c) in text.enumerated() {
      if scalarPos >= scalarEnd {
        endChar = i
        break
      }
      let n = c.unicodeScalars.count
      if startChar == nil && scalarPos + n > scalarStart { startChar = i }
      scalarPos += n
    }
    guard let startChar else { return nil }
    // Past the end of the text: a stale offset, not a highlight to draw.
    if endChar == nil && scalarPos < scalarEnd { return nil }
    return startChar..<(endChar ?? text.count)
  }

  /// Wraps into lines of at most `width` columns, the first prefixed by `first`,
  /// the rest by `rest` (hanging indent), keeping each character's style.
  func wrapped(width: Int, first: (String, CellStyle)? = nil, rest: String = "") -> [StyledLine] {
    let indent = max(DisplayWidth.of(first?.0 ?? ""), DisplayWidth.of(rest))
    let textWidth = width - indent
    guard textWidth > 0 else { return [] }
    let ranges = TextFit.wrap(String(characters), width: textWidth)
    var lines: [StyledLine] = []
    for (n, range) in ranges.enumerated() {
      var line = StyledLine()
      if n == 0, let first {
        line.runs.append(first)
      } else if !rest.isEmpty {
        line.runs.append((rest, styles.first ?? CellStyle(.text)))
      }
      var i = range.lowerBound
      while i < range.upperBound {
        let style = styles[i]
        var j = i
        while j < range.upperBound && styles[j] == style { j += 1 }
        line.runs.append((String(characters[i..<j]), style))
        i = j
      }
      lines.append(line)
    }
    return lines
  }
}
