/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
  public var x: Int, y: Int, width: Int, height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  static let zero = Rect(x: 0, y: 0, width: 0, height: 0)
}

/// The three panes.
public enum Pane: Int, CaseIterable, Sendable {
  case list, reader, entities

  var title: String {
    switch self {
    case .list: "Articles"
    case .reader: "Summary"
    case .entities: "People & orgs"
    }
  }
}

/// Where each pane goes for a terminal size; pure, shared by reducer and renderer.
public struct Layout: Equatable, Sendable {
  public enum Mode: Equatable, Sendable {
    /// All three panes side by side.
    case three
    /// One pane at a time (below 60×15): the focused one.
    case single
    /// Too small to show anything useful; a one-line notice.
    case tooSmall
  }

  public var mode: Mode
  /// Inner content rectangles, borders excluded; zero-sized when a pane is not shown.
  public var list: Rect
  public var reader: Rect
  public var entities: Rect
  public var statusRow: Int

  public static let minimumThreePane = (cols: 60, rows: 15)
  public static let minimum = (cols: 20, rows: 5)

  public init(cols: Int, rows: Int, focus: Pane) {
    statusRow = rows - 1
    let contentHeight = rows - 3
    if cols < Layout.minimum.cols || rows < Layout.minimum.rows {
      mode = .tooSmall
      list = .zero
      reader = .zero
      entities = .zero
      return
    }
    if cols < Layout.minimumThreePane.cols || rows < Layout.minimumThreePane.rows {
      mode = .single
      let rect = Rect(x: 1, y: 1, width: cols - 2, height: contentHeight)
      list = focus == .list ? rect : .zero
      reader = focus == .reader ? rect : .zero
      entities = focus == .entities ? rect : .zero
      return
    }
    mode = .three
    let panelWidth = min(30, max(16, cols / 5))
    let remaining = cols - 4 - panelWidth
    let listWidth = min(50, max(20, remaining * 2 / 5))
    let readerWidth = remaining - listWidth
    list = Rect(x: 1, y: 1, width: listWidth, height: contentHeight)
    // One column of padding on each side keeps text off the borders.
    reader = Rect(x: listWidth + 3, y: 1, width: readerWidth - 2, height: contentHeight)
    entities = Rect(x: listWidth + readerWidth + 3, y: 1, width: panelWidth, height: contentHeight)
  }

  /// Rows of the article list that fit, at least one so paging math never divides by zero.
  public var listRows: Int { max(1, list.height > 0 ? list.height : statusRow - 2) }
}
