/// Everything that can happen to the UI: input, and results coming back from effects.
public enum Action: Equatable, Sendable {
  /// A key press; dispatched through the key map, or typed into a prompt.
  case key(Key)
  /// A named command, as if its key had been pressed.
  case command(Command)
  case resize(cols: Int, rows: Int)
  case listLoaded(source: ListSource, offset: Int, items: [ArticleItem], total: Int?)
  case articleLoaded(id: Int64, ArticleDetail?)
  case entitiesFound(query: String, [EntityHit])
  case profileLoaded(id: Int64, EntityProfileDetail?)
  /// An effect failed; the message goes to the status bar.
  case failed(String)
  case notice(String)
  /// A background feed refresh ended; the message summarizes it.
  case refreshFinished(String)
  /// A refresh is still running: a status line, and whether new articles were just stored.
  case refreshProgress(String, reloadList: Bool)
}

/// Work the reducer asks the runtime to do; its results come back as actions.
public enum Effect: Equatable, Sendable {
  /// Load rows `offset ..< offset+limit`; `count` also asks for the total.
  case loadList(ListSource, offset: Int, limit: Int, count: Bool)
  case loadArticle(id: Int64)
  case searchEntities(String)
  case loadProfile(id: Int64)
  case setRead(Bool, articleID: Int64)
  case setStarred(Bool, articleID: Int64)
  case openLink(String)
  /// Fetch every subscription in the background; `refreshFinished` reports back.
  case refreshFeeds
  case quit
}
