/// A named place in the UI that a theme colours.
///
/// The raw value is the key used in theme files; renaming one breaks themes.
public enum Role: String, CaseIterable, Sendable, Hashable {
  case text
  case list
  case unread
  case selection
  case selectionInactive = "selection-inactive"
  case title
  case byline
  case bullet
  case body
  case highlightPerson = "highlight.person"
  case highlightOrganization = "highlight.organization"
  case highlightNumber = "highlight.number"
  case highlightTerm = "highlight.term"
  case highlightSelected = "highlight.selected"
  case panel
  case kindPerson = "kind.person"
  case kindOrganization = "kind.organization"
  case status
  case statusKey = "status.key"
  case message
  case error
  case searchMatch = "search-match"
  case border
  case paneTitle = "pane-title"
  case prompt
  case star
  case dim
}

/// How a cell is drawn: a theme role plus emphasis layered on top.
public struct CellStyle: Equatable, Sendable, Hashable {
  public var role: Role
  /// Bold on top of the role (unread articles, the chosen entity).
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(_ role: Role, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
    self.role = role
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
  }
}

/// One terminal cell.
public struct Cell: Equatable, Sendable {
  /// The grapheme drawn here; empty for the right half of a wide character,
  /// which the terminal fills itself and the backend must skip.
  public var text: String
  public var style: CellStyle

  public init(_ text: String, style: CellStyle) {
    self.text = text
    self.style = style
  }

  public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells: what one frame looks like, independent of any terminal.
public struct CellBuffer: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, style: CellStyle = CellStyle(.text)) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Fills a rectangle with blanks of one style.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle) {
    let x0 = max(0, x), y0 = max(0, y)
    let x1 = min(width, x + w), y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    for row in y0..<y1 {
      for col in x0..<x1 { cells[row * width + col] = Cell(" ", style: style) }
    }
  }

  /// Writes text at (x, y), clipped to `maxWidth` columns and the buffer edge.
  ///
  /// A wide character that would straddle the clip edge is replaced by a space,
  /// so alignment never breaks. Returns the number of columns written.
  @discardableResult
  public mutating func write(
    _ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: CellStyle
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
    var col = x
    for character in text {
      if col >= limit { break }
      let w = DisplayWidth.of(character)
      if w == 0 {
        // Combining marks attach to the previous cell's grapheme.
        if col > x, col - 1 >= 0, col - 1 < width {
          var base = col - 1
          if cells[y * width + base].isContinuation, base > 0 { base -= 1 }
          cells[y * width + base].text.append(character)
        }
        continue
      }
      if col < 0 { col += w; continue }
      if col + w > limit {
        cells[y * width + col] = Cell(" ", style: style)
        col += 1
        break
      }
      cells[y * width + col] = Cell(String(character), style: style)
      if w == 2 { cells[y * width + col + 1] = Cell("", style: style) }
      col += w
    }
    return col - x
  }

  /// Sets the style of a run of cells without changing their text.
  public mutating func restyle(x: Int, y: Int, width w: Int, style: CellStyle) {
    guard y >= 0, y < height else { return }
    for col in max(0, x)..<min(width, x + max(0, w)) { cells[y * width + col].style = style }
  }

  /// The text of each row, continuation cells skipped, trailing spaces kept.
  public var lines: [String] {
    (0..<height).map { row in
      var line = ""
      for col in 0..<width where !self[col, row].isContinuation { line += self[col, row].text }
      return line
    }
  }

  /// Each row with trailing spaces removed: handy for readable test expectations.
  public var trimmedLines: [String] {
    lines.map { line in
      var s = Substring(line)
      while s.last == " " { s = s.dropLast() }
      return String(s)
    }
  }
}
