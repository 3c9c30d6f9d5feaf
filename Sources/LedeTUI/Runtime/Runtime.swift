import Foundation

/// Runs effects against a library and feeds their results back into the reducer.
///
/// Everything is synchronous on one thread: SQLite answers a page or an article
/// in well under a frame, so there is nothing to gain from concurrency here and
/// a lot of ordering to lose.
public final class Runtime {
  public private(set) var state: AppState
  let library: any LibraryReading
  /// Opens a link; returns an error message or nil. Injected so tests need no browser.
  var openLink: (String) -> String?
  /// Refreshes the feeds and sums up what happened; runs off the UI thread. Nil: no feeds.
  let refreshFeeds: RefreshFeeds?
  private let finished = Mailbox()

  public init(state: AppState, library: any LibraryReading, refreshFeeds: RefreshFeeds? = nil,
              openLink: @escaping (String) -> String? = { _ in nil }) {
    self.state = state
    self.library = library
    self.refreshFeeds = refreshFeeds
    self.openLink = openLink
  }

  /// Delivers what background work has finished since the last call; true when the state changed.
  @discardableResult
  public func pollBackground() -> Bool {
    let events = finished.takeAll()
    for event in events {
      switch event {
      case .progress(let message, let newArticles): send(.refreshProgress(message, reloadList: newArticles))
      case .finished(let message): send(.refreshFinished(message))
      }
    }
    return !events.isEmpty
  }

  /// Blocks until background work finishes (for tests), then delivers it.
  func waitForBackground(timeout: TimeInterval = 10) {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
      pollBackground()
      if !state.isRefreshing { return }
      usleep(10_000)
    } while Date() < deadline
  }

  /// Starts the UI: the first page of the list and its count.
  public func start() {
    var s = state
    var effects: [Effect] = []
    show(.all, &s, &effects)
    state = s
    run(effects)
    if let about = paragraphs(state.about).first, state.status == nil {
      state.status = .info(about + "  (? for help)")
    }
  }

  /// Applies an action and every effect it leads to.
  public func send(_ action: Action) {
    let (next, effects) = reduce(state, action)
    state = next
    run(effects)
  }

  private func run(_ effects: [Effect]) {
    for effect in effects {
      if let result = execute(effect) { send(result) }
    }
  }

  func execute(_ effect: Effect) -> Action? {
    do {
      switch effect {
      case .loadList(let source, let offset, let limit, let count):
        switch source {
        case .all, .entity:
          let entityID: Int64?
          if case .entity(let id, _) = source { entityID = id } else { entityID = nil }
          let items = try library.listArticles(offset: offset, limit: limit, entityID: entityID)
          let total = count ? try library.countArticles(entityID: entityID) : nil
          return .listLoaded(source: source, offset: offset, items: items, total: total)
        case .search(let query):
          let items = try library.searchArticles(query, offset: offset, limit: limit)
          return .listLoaded(source: source, offset: offset, items: items, total: nil)
        }
      case .loadArticle(let id):
        return .articleLoaded(id: id, try library.loadArticle(id: id))
      case .searchEntities(let query):
        let hits = try library.searchEntities(query.isEmpty ? nil : query, limit: entitySearchLimit)
        return .entitiesFound(query: query, hits)
      case .loadProfile(let id):
        return .profileLoaded(id: id, try library.loadEntityProfile(id: id))
      case .setRead(let read, let id):
        try library.markRead(read, articleID: id)
        return nil
      case .setStarred(let starred, let id):
        try library.markStarred(starred, articleID: id)
        return nil
      case .openLink(let url):
        if let problem = openLink(url) { return .failed(problem) }
        return .notice("opened \(url)")
      case .refreshFeeds:
        guard let refreshFeeds else { return .refreshFinished("no feeds to refresh: add one with `lede feeds add URL`") }
        // The UI keeps answering keys; the result is picked up on a tick.
        let mailbox = finished
        Thread {
          let summary = refreshFeeds { message, newArticles in mailbox.put(.progress(message, newArticles: newArticles)) }
          mailbox.put(.finished(summary))
        }.start()
        return nil
      case .quit:
        return nil
      }
    } catch {
      return .failed(describe(error))
    }
  }

  private func describe(_ error: any Error) -> String {
    let text = String(describing: error)
    // Read-only libraries (the demo) refuse writes; say so plainly.
    if text.localizedCaseInsensitiveContains("readonly") || text.localizedCaseInsensitiveContains("read-only") {
      return "this library is read-only; changes are not saved"
    }
    return text
  }
}

/// Refreshes the feeds off the UI thread. It calls `progress` along the way (a status line, and
/// whether new articles are now stored, so the list should reload) and returns the summary.
public typealias RefreshFeeds = @Sendable (_ progress: @escaping @Sendable (_ message: String, _ newArticles: Bool) -> Void) -> String

/// What a background refresh has to say to the UI thread.
enum BackgroundEvent: Equatable {
  case progress(String, newArticles: Bool)
  case finished(String)
}

/// Events handed from a background thread to the UI thread, in order. Progress that the UI has
/// not picked up yet is replaced by newer progress, so a slow UI never falls behind.
final class Mailbox: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [BackgroundEvent] = []

  func put(_ event: BackgroundEvent) {
    lock.lock()
    if case .progress(let message, let newArticles) = event, case .progress(_, let earlier)? = events.last {
      events[events.count - 1] = .progress(message, newArticles: newArticles || earlier)
    } else {
      events.append(event)
    }
    lock.unlock()
  }

  func takeAll() -> [BackgroundEvent] {
    lock.lock()
    defer { lock.unlock() }
    let taken = events
    events.removeAll()
    return taken
  }
}
