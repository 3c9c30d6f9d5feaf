import LedeCore

/// What the article list shows.
public enum ListSource: Equatable, Sendable {
  case all
  /// Articles that mention one entity.
  case entity(id: Int64, name: String)
  /// Full-text search results.
  case search(String)
}

/// The article list: a window of rows paged from the store around the cursor.
public struct ArticleListState: Equatable, Sendable {
  public var source: ListSource = .all
  /// Number of rows; a lower bound while `totalIsExact` is false (search results).
  public var total = 0
  public var totalIsExact = false
  /// Rows `windowOffset ..< windowOffset + window.count`; the rest of the list is not in memory.
  public var window: [ArticleItem] = []
  public var windowOffset = 0
  public var selected = 0
  public var scroll = 0
  /// The page asked for and not yet delivered, so it is not asked for twice.
  public var pending: Range<Int>? = nil
  public var loaded = false

  public func item(at index: Int) -> ArticleItem? {
    let i = index - windowOffset
    return window.indices.contains(i) ? window[i] : nil
  }

  public var selectedItem: ArticleItem? { item(at: selected) }
}

/// Summary bullets or the whole text.
public enum ReaderMode: Equatable, Sendable {
  case summary, fullText
}

/// The reading pane.
public struct ReaderState: Equatable, Sendable {
  public var articleID: Int64? = nil
  public var article: ArticleDetail? = nil
  public var mode: ReaderMode = .summary
  public var scroll = 0
  /// The entity profile shown instead of the article, after choosing an entity.
  public var profile: EntityProfileDetail? = nil
}

/// Something drawn over the panes.
public enum Overlay: Equatable, Sendable {
  case none
  case help(scroll: Int)
  /// `/`: typing a full-text query.
  case search(text: String)
  /// `e`: typing an entity name; results update as you type.
  case entitySearch(text: String, hits: [EntityHit], selected: Int)
}

/// A line in the status bar that is not the key hints.
public enum StatusMessage: Equatable, Sendable {
  case info(String)
  case error(String)
}

/// Where to go back to on Esc.
public struct Snapshot: Equatable, Sendable {
  public var source: ListSource
  public var selected: Int
  public var scroll: Int
  public var focus: Pane
}

/// The whole UI state. Rendering is a pure function of it.
public struct AppState: Equatable, Sendable {
  public var cols: Int
  public var rows: Int
  public var focus: Pane = .list
  public var list = ArticleListState()
  public var reader = ReaderState()
  /// Cursor in the people & orgs panel.
  public var entitySelected = 0
  public var overlay: Overlay = .none
  public var status: StatusMessage? = nil
  public var backStack: [Snapshot] = []
  public var keyMap: KeyMap
  public var bulletsPerArticle: Int
  /// Shown when the library is empty (demo credits, how to add articles).
  public var about: String
  public var isRunning = true
  /// A feed refresh is running in the background.
  public var isRefreshing = false

  public init(cols: Int, rows: Int, keyMap: KeyMap = .standard, bulletsPerArticle: Int = 5, about: String = "") {
    self.cols = cols
    self.rows = rows
    self.keyMap = keyMap
    self.bulletsPerArticle = bulletsPerArticle
    self.about = about
  }

  public var layout: Layout { Layout(cols: cols, rows: rows, focus: focus) }

  /// The search query whose matches are highlighted, if the list shows search results.
  public var searchQuery: String? {
    if case .search(let q) = list.source { return q }
    return nil
  }

  /// The entity to emphasize wherever it appears: the filter, else the panel cursor.
  public var emphasizedEntity: String? {
    if case .entity(_, let name) = list.source { return name }
    if focus == .entities, let e = panelEntities[safe: entitySelected] { return e.name }
    return nil
  }

  /// The current article's entities, most mentioned first.
  public var panelEntities: [ArticleEntity] {
    guard let article = reader.article else { return [] }
    return article.entities.sorted {
      $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.name < $1.name
    }
  }

  /// Width the reading pane's text is laid out at, even while it is hidden.
  public var readerWidth: Int {
    let layout = self.layout
    switch layout.mode {
    case .three: return layout.reader.width
    case .single: return max(0, cols - 2)
    case .tooSmall: return 0
    }
  }

  public var readerHeight: Int { max(1, rows - 3) }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
