import Foundation
import Testing
@testable import LedeTUI

/// A state with a loaded list of `count` articles, as if the store had answered.
private func loaded(count: Int, cols: Int = 120, rows: Int = 40) -> AppState {
  var state = AppState(cols: cols, rows: rows)
  let items = (0..<min(count, 90)).map { ArticleItem(id: Int64($0 + 1), title: "Article \($0 + 1)", source: "s") }
  state = reduce(state, .listLoaded(source: .all, offset: 0, items: items, total: count)).0
  return state
}

struct ReducerTests {
  @Test("moving down selects the next article and loads it")
  func moveDown() {
    let state = loaded(count: 10)
    #expect(state.reader.articleID == 1)
    let (next, effects) = reduce(state, .key(.char("j")))
    #expect(next.list.selected == 1)
    #expect(effects == [.loadArticle(id: 2)])
    let (up, upEffects) = reduce(next, .key(.up))
    #expect(up.list.selected == 0)
    #expect(upEffects == [.loadArticle(id: 1)])
  }

  @Test("moving past either end stays put and loads nothing")
  func ends() {
    let state = loaded(count: 3)
    let (same, effects) = reduce(state, .key(.char("k")))
    #expect(same.list.selected == 0)
    #expect(effects.isEmpty)
    let bottom = reduce(state, .key(.char("G"))).0
    #expect(bottom.list.selected == 2)
    #expect(reduce(bottom, .key(.char("j"))).1.isEmpty)
  }

  @Test("going to the bottom of a large library loads only a page near the end")
  func paging() {
    let state = loaded(count: 100_000)
    let (bottom, effects) = reduce(state, .command(.bottom))
    #expect(bottom.list.selected == 99_999)
    guard case .loadList(.all, let offset, let limit, false) = effects.first else {
      Issue.record("expected a page request, got \(effects)")
      return
    }
    #expect(offset > 99_000 && limit <= 200)
    #expect(offset + limit >= 100_000)
  }

  @Test("opening an unread article marks it read and focuses the reading pane")
  func open() {
    let state = loaded(count: 5)
    let (opened, effects) = reduce(state, .key(.enter))
    #expect(opened.focus == .reader)
    #expect(opened.list.selectedItem?.isRead == true)
    #expect(effects == [.setRead(true, articleID: 1)])
    #expect(reduce(opened, .key(.enter)).1.isEmpty)
  }

  @Test("s stars and unstars the selected article")
  func star() {
    let state = loaded(count: 5)
    let (starred, effects) = reduce(state, .key(.char("s")))
    #expect(starred.list.selectedItem?.isStarred == true)
    #expect(effects == [.setStarred(true, articleID: 1)])
    #expect(reduce(starred, .key(.char("s"))).1 == [.setStarred(false, articleID: 1)])
  }

  @Test("Tab and Shift-Tab cycle the focus through the three panes")
  func panes() {
    var state = loaded(count: 5)
    state = reduce(state, .key(.tab)).0
    #expect(state.focus == .reader)
    state = reduce(state, .key(.tab)).0
    #expect(state.focus == .entities)
    state = reduce(state, .key(.tab)).0
    #expect(state.focus == .list)
    state = reduce(state, .key(.backTab)).0
    #expect(state.focus == .entities)
  }

  @Test("typing a search and pressing Enter lists the results")
  func search() {
    var state = loaded(count: 5)
    state = reduce(state, .key(.char("/"))).0
    for c in "gpus" { state = reduce(state, .key(.char(c))).0 }
    #expect(state.overlay == .search(text: "gpus"))
    let (searching, effects) = reduce(state, .key(.enter))
    #expect(searching.list.source == .search("gpus"))
    #expect(searching.overlay == .none)
    guard case .loadList(.search("gpus"), 0, _, false) = effects.first else {
      Issue.record("expected a search request, got \(effects)")
      return
    }
  }

  @Test("n and N step through search hits; without a search they explain")
  func nextMatch() {
    var state = AppState(cols: 120, rows: 40)
    state = reduce(state, .key(.char("/"))).0
    state = reduce(state, .key(.char("x"))).0
    state = reduce(state, .key(.enter)).0
    let items = (1...3).map { ArticleItem(id: Int64($0), title: "x \($0)", source: "s") }
    state = reduce(state, .listLoaded(source: .search("x"), offset: 0, items: items, total: nil)).0
    #expect(state.list.total == 3 && state.list.totalIsExact)
    let (second, effects) = reduce(state, .key(.char("n")))
    #expect(second.list.selected == 1)
    #expect(effects == [.loadArticle(id: 2)])
    #expect(reduce(second, .key(.char("N"))).0.list.selected == 0)
    let plain = loaded(count: 3)
    #expect(reduce(plain, .key(.char("n"))).0.status == .info("no search: press / to search"))
  }

  @Test("entity search asks the store on every keystroke and Enter filters by the pick")
  func entitySearch() {
    var state = loaded(count: 5)
    var effects: [Effect]
    (state, effects) = reduce(state, .key(.char("e")))
    #expect(effects == [.searchEntities("")])
    (state, effects) = reduce(state, .key(.char("m")))
    #expect(effects == [.searchEntities("m")])
    (state, effects) = reduce(state, .key(.char("u")))
    #expect(effects == [.searchEntities("mu")])
    let hit = EntityHit(id: 7, name: "Elon Musk", kind: .person, articleCount: 3, mentionCount: 9)
    state = reduce(state, .entitiesFound(query: "m", [])).0  // stale answer: ignored
    state = reduce(state, .entitiesFound(query: "mu", [hit])).0
    #expect(state.overlay == .entitySearch(text: "mu", hits: [hit], selected: 0))
    (state, effects) = reduce(state, .key(.enter))
    #expect(state.list.source == .entity(id: 7, name: "Elon Musk"))
    #expect(effects.contains(.loadProfile(id: 7)))
    #expect(effects.contains { if case .loadList(.entity(id: 7, _), 0, _, true) = $0 { true } else { false } })
  }

  @Test("Esc goes back from an entity filter to the list it came from")
  func back() {
    var state = loaded(count: 50)
    state = reduce(state, .command(.pageDown)).0
    let before = state.list.selected
    state = reduce(state, .key(.char("e"))).0
    let hit = EntityHit(id: 7, name: "Elon Musk", kind: .person, articleCount: 3, mentionCount: 9)
    state = reduce(state, .entitiesFound(query: "", [hit])).0
    state = reduce(state, .key(.enter)).0
    let (restored, effects) = reduce(state, .key(.escape))
    #expect(restored.list.source == .all)
    #expect(restored.list.selected == before)
    #expect(effects.contains { if case .loadList(.all, _, _, true) = $0 { true } else { false } })
  }

  @Test("Enter on an entity in the panel filters by it")
  func panelEnter() {
    var state = loaded(count: 5)
    state = reduce(state, .articleLoaded(id: 1, Sample.seed)).0
    state = reduce(state, .command(.nextPane)).0
    state = reduce(state, .command(.nextPane)).0
    #expect(state.panelEntities.map(\.name) == ["Elon Musk", "Twitter", "OpenAI", "Reid Hoffman"])
    state = reduce(state, .key(.char("j"))).0
    let (filtered, effects) = reduce(state, .key(.enter))
    #expect(filtered.list.source == .entity(id: 2, name: "Twitter"))
    #expect(filtered.focus == .list)
    #expect(effects.contains(.loadProfile(id: 2)))
  }

  @Test("results for an article no longer selected are dropped")
  func staleArticle() {
    var state = loaded(count: 5)
    state = reduce(state, .key(.char("j"))).0
    state = reduce(state, .articleLoaded(id: 1, Sample.seed)).0
    #expect(state.reader.article == nil)
  }

  @Test("text from the store is sanitized before it is kept")
  func sanitized() {
    let items = [ArticleItem(id: 1, title: "evil\u{1B}[2Jtitle", source: "s")]
    let state = reduce(AppState(cols: 80, rows: 24), .listLoaded(source: .all, offset: 0, items: items, total: 1)).0
    #expect(state.list.window.first?.title == "eviltitle")
  }

  @Test("a resize keeps the selection on screen")
  func resize() {
    var state = loaded(count: 90)
    state = reduce(state, .command(.bottom)).0
    state = reduce(state, .resize(cols: 40, rows: 10)).0
    #expect(state.list.scroll <= state.list.selected)
    #expect(state.list.selected < state.list.scroll + state.layout.listRows)
  }

  @Test("f toggles full text and the reading pane scrolls within its text")
  func fullText() {
    var state = loaded(count: 5, cols: 60, rows: 15)
    var article = Sample.seed
    article.body = (1...40).map { "Paragraph \($0) of the article." }.joined(separator: "\n\n")
    state = reduce(state, .articleLoaded(id: 1, article)).0
    state = reduce(state, .key(.char("f"))).0
    #expect(state.reader.mode == .fullText)
    state = reduce(state, .key(.tab)).0
    state = reduce(state, .key(.char("G"))).0
    let lines = ReaderContent.lines(state).count
    #expect(state.reader.scroll == lines - state.readerHeight)
    state = reduce(state, .key(.char("g"))).0
    #expect(state.reader.scroll == 0)
  }

  @Test("q quits")
  func quit() {
    let (state, effects) = reduce(loaded(count: 1), .key(.char("q")))
    #expect(!state.isRunning)
    #expect(effects == [.quit])
  }

  @Test("help opens on ? and any key closes it")
  func help() {
    var state = reduce(loaded(count: 1), .key(.char("?"))).0
    #expect(state.overlay == .help(scroll: 0))
    state = reduce(state, .key(.char("x"))).0
    #expect(state.overlay == .none)
  }
}

struct RefreshTests {
  @Test("r starts one background refresh, and its end reports and reloads the list in place")
  func refreshInBackground() {
    let state = reduce(reduce(AppState(cols: 120, rows: 40), .listLoaded(
      source: .all, offset: 0, items: [ArticleItem(id: 1, title: "Old", source: "s")], total: 1)).0, .key(.char("j"))).0
    let (refreshing, effects) = reduce(state, .command(.refresh))
    #expect(effects == [.refreshFeeds])
    #expect(refreshing.isRefreshing)
    #expect(reduce(refreshing, .command(.refresh)).1.isEmpty, "a second r while one runs starts nothing")
    let (done, reload) = reduce(refreshing, .refreshFinished("refreshed 2 feeds: 3 new articles"))
    #expect(!done.isRefreshing)
    #expect(done.status == .info("refreshed 2 feeds: 3 new articles"))
    #expect(reload.contains { if case .loadList(.all, _, _, count: true) = $0 { true } else { false } })
  }

  @Test("the runtime runs the refresh off the UI thread and hands the result back on a tick")
  func runtimeRefresh() {
    let library = Sample.library()
    let gate = DispatchSemaphore(value: 0)
    let runtime = Runtime(state: AppState(cols: 100, rows: 30), library: library, refreshFeeds: { _ in
      gate.wait()  // the UI must not be waiting for this
      return "refreshed 1 feeds: 1 new articles, 0 not modified, 0 failed"
    })
    runtime.start()
    runtime.send(.command(.refresh))
    #expect(runtime.state.isRefreshing)
    runtime.send(.key(.char("j")))
    #expect(runtime.state.list.selected == 1, "keys still work during a refresh")
    #expect(!runtime.pollBackground())
    gate.signal()
    runtime.waitForBackground()
    #expect(!runtime.state.isRefreshing)
    #expect(runtime.state.status == .info("refreshed 1 feeds: 1 new articles, 0 not modified, 0 failed"))
  }

  @Test("new articles show as soon as they are stored, and analysis progress reaches the status line")
  func refreshProgress() {
    let state = reduce(AppState(cols: 120, rows: 40), .command(.refresh)).0
    let (stored, reload) = reduce(state, .refreshProgress("3 new articles; analysing…", reloadList: true))
    #expect(stored.isRefreshing)
    #expect(stored.status == .info("3 new articles; analysing…"))
    #expect(reload.contains { if case .loadList(.all, _, _, count: true) = $0 { true } else { false } })
    let (counting, none) = reduce(stored, .refreshProgress("analysing 40/128", reloadList: false))
    #expect(counting.status == .info("analysing 40/128") && none.isEmpty)
    let late = reduce(reduce(stored, .refreshFinished("done")).0, .refreshProgress("analysing 41/128", reloadList: false)).0
    #expect(late.status == .info("done"), "progress after the end is stale")
    #expect(reduce(state, .refreshProgress("evil \u{1B}[2J", reloadList: false)).0.status == .info("evil "))
  }

  @Test("the runtime delivers progress in order and keeps only the newest unread progress line")
  func runtimeProgress() {
    let library = Sample.library()
    let gate = DispatchSemaphore(value: 0)
    let runtime = Runtime(state: AppState(cols: 100, rows: 30), library: library, refreshFeeds: { progress in
      progress("2 new articles; analysing…", true)
      progress("analysing 1/2", false)
      gate.wait()
      return "refreshed 1 feeds: 2 new articles"
    })
    runtime.start()
    runtime.send(.command(.refresh))
    var waited = 0
    while runtime.state.status != .info("analysing 1/2"), waited < 500 {
      runtime.pollBackground()
      usleep(10_000)
      waited += 1
    }
    #expect(runtime.state.status == .info("analysing 1/2"))
    #expect(runtime.state.isRefreshing)
    gate.signal()
    runtime.waitForBackground()
    #expect(runtime.state.status == .info("refreshed 1 feeds: 2 new articles"))
  }
}
