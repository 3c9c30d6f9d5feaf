import Foundation
import LedeCore

/// How many entity-search results are asked for per keystroke.
let entitySearchLimit = 50

/// The whole UI logic: a new state and the effects to run, for one action.
///
/// Pure: no I/O, no curses, no clock. The runtime executes the effects and feeds
/// their results back in as actions.
public func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
  var s = state
  var effects: [Effect] = []
  switch action {
  case .key(let key):
    if case .resize(let cols, let rows) = key {
      return reduce(state, .resize(cols: cols, rows: rows))
    }
    if key == .tick { return (s, []) }
    s.status = nil
    handleKey(key, &s, &effects)
  case .command(let command):
    s.status = nil
    handle(command, &s, &effects)
  case .resize(let cols, let rows):
    s.cols = max(0, cols)
    s.rows = max(0, rows)
    scrollToSelection(&s)
    clampReaderScroll(&s)
    ensureWindow(&s, &effects)
  case .listLoaded(let source, let offset, let items, let total):
    guard source == s.list.source else { break }
    s.list.pending = nil
    s.list.window = items.map(sanitized)
    s.list.windowOffset = offset
    if let total {
      s.list.total = total
      s.list.totalIsExact = true
    } else if !s.list.totalIsExact || !s.list.loaded {
      // Search results come without a count: a short page is the end,
      // a full one means there may be more.
      let pageLimit = pageSize(s)
      let seen = offset + items.count
      if items.count < pageLimit {
        s.list.total = seen
        s.list.totalIsExact = true
      } else {
        s.list.total = max(s.list.total, seen + 1)
        s.list.totalIsExact = false
      }
    }
    s.list.loaded = true
    if s.list.total > 0 {
      s.list.selected = min(s.list.selected, s.list.total - 1)
    } else {
      s.list.selected = 0
    }
    if !s.list.totalIsExact, s.list.selected >= offset + items.count, !items.isEmpty {
      s.list.selected = offset + items.count - 1
    }
    scrollToSelection(&s)
    loadSelectedArticle(&s, &effects)
  case .articleLoaded(let id, let detail):
    guard id == s.reader.articleID else { break }
    s.reader.article = detail.map(sanitized)
    s.entitySelected = min(s.entitySelected, max(0, (detail?.entities.count ?? 0) - 1))
    clampReaderScroll(&s)
  case .entitiesFound(let query, let hits):
    if case .entitySearch(let text, _, let selected) = s.overlay, text == query {
      s.overlay = .entitySearch(text: text, hits: hits.map(sanitized), selected: min(selected, max(0, hits.count - 1)))
    }
  case .profileLoaded(let id, let profile):
    if case .entity(let current, _) = s.list.source, current == id {
      s.reader.profile = profile.map(sanitized)
      s.reader.scroll = 0
    }
  case .failed(let message):
    s.status = .error(TextFit.sanitize(message))
    s.list.pending = nil
  case .refreshFinished(let message):
    s.isRefreshing = false
    s.status = .info(TextFit.sanitize(message))
    // New articles sort to the top: reload the list where it is, keeping the cursor; the open
    // article may have just got its bullets and entities.
    show(s.list.source, &s, &effects, selected: s.list.selected, scroll: s.list.scroll)
  case .refreshProgress(let message, let reloadList):
    guard s.isRefreshing else { break }
    s.status = .info(TextFit.sanitize(message))
    if reloadList { show(s.list.source, &s, &effects, selected: s.list.selected, scroll: s.list.scroll) }
  case .notice(let message):
    s.status = .info(TextFit.sanitize(message))
  }
  return (s, effects)
}

// MARK: - Keys

private func handleKey(_ key: Key, _ s: inout AppState, _ effects: inout [Effect]) {
  switch s.overlay {
  case .search(let text):
    switch key {
    case .escape: s.overlay = .none
    case .enter:
      s.overlay = .none
      let query = text.trimmingCharacters(in: .whitespaces)
      guard !query.isEmpty else { return }
      pushSnapshot(&s)
      show(.search(query), &s, &effects)
      s.focus = .list
    case .backspace, .ctrl("h"):
      s.overlay = .search(text: String(text.dropLast()))
    case .ctrl("u"): s.overlay = .search(text: "")
    case .char(let c): s.overlay = .search(text: text + String(c))
    default: break
    }
    return
  case .entitySearch(let text, let hits, let selected):
    switch key {
    case .escape: s.overlay = .none
    case .enter:
      s.overlay = .none
      if let hit = hits[safe: selected] { chooseEntity(id: hit.id, name: hit.name, &s, &effects) }
    case .down, .tab, .ctrl("n"):
      s.overlay = .entitySearch(text: text, hits: hits, selected: min(selected + 1, max(0, hits.count - 1)))
    case .up, .backTab, .ctrl("p"):
      s.overlay = .entitySearch(text: text, hits: hits, selected: max(0, selected - 1))
    case .backspace, .ctrl("h"):
      let next = String(text.dropLast())
      s.overlay = .entitySearch(text: next, hits: hits, selected: 0)
      effects.append(.searchEntities(next))
    case .ctrl("u"):
      s.overlay = .entitySearch(text: "", hits: hits, selected: 0)
      effects.append(.searchEntities(""))
    case .char(let c):
      let next = text + String(c)
      s.overlay = .entitySearch(text: next, hits: hits, selected: 0)
      effects.append(.searchEntities(next))
    default: break
    }
    return
  case .help:
    if let command = s.keyMap.command(for: key), command == .moveDown || command == .moveUp {
      if case .help(let scroll) = s.overlay {
        s.overlay = .help(scroll: max(0, scroll + (command == .moveDown ? 1 : -1)))
      }
      return
    }
    if key == .tick { return }
    s.overlay = .none
    if let command = s.keyMap.command(for: key), command == .quit { handle(.quit, &s, &effects) }
    return
  case .none:
    guard let command = s.keyMap.command(for: key) else { return }
    handle(command, &s, &effects)
  }
}

// MARK: - Commands

private func handle(_ command: Command, _ s: inout AppState, _ effects: inout [Effect]) {
  switch command {
  case .quit:
    s.isRunning = false
    effects.append(.quit)
  case .help:
    s.overlay = .help(scroll: 0)
  case .search:
    s.overlay = .search(text: "")
  case .entitySearch:
    s.overlay = .entitySearch(text: "", hits: [], selected: 0)
    effects.append(.searchEntities(""))
  case .nextPane, .previousPane:
    let step = command == .nextPane ? 1 : Pane.allCases.count - 1
    s.focus = Pane(rawValue: (s.focus.rawValue + step) % Pane.allCases.count) ?? .list
    scrollToSelection(&s)
    ensureWindow(&s, &effects)
  case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp:
    move(command, &s, &effects)
  case .open:
    switch s.focus {
    case .list, .reader:
      guard let item = s.list.selectedItem else { return }
      if s.focus == .list { s.focus = .reader }
      s.reader.profile = nil
      if !item.isRead { setRead(true, item.id, &s, &effects) }
    case .entities:
      if let entity = s.panelEntities[safe: s.entitySelected] {
        chooseEntity(id: entity.id, name: entity.name, &s, &effects)
      }
    }
  case .toggleFullText:
    s.reader.profile = nil
    s.reader.mode = s.reader.mode == .summary ? .fullText : .summary
    s.reader.scroll = 0
  case .back:
    back(&s, &effects)
  case .nextMatch, .previousMatch:
    nextMatch(forward: command == .nextMatch, &s, &effects)
  case .openLink:
    guard let item = s.list.selectedItem else { return }
    if let link = item.link, !link.isEmpty {
      effects.append(.openLink(link))
    } else {
      s.status = .info("this article has no link")
    }
  case .toggleStar:
    guard let item = s.list.selectedItem else { return }
    let starred = !item.isStarred
    updateItem(item.id, &s) { $0.isStarred = starred }
    effects.append(.setStarred(starred, articleID: item.id))
    s.status = .info(starred ? "starred" : "unstarred")
  case .toggleRead:
    guard let item = s.list.selectedItem else { return }
    setRead(!item.isRead, item.id, &s, &effects)
    s.status = .info(item.isRead ? "marked unread" : "marked read")
  case .refresh:
    if s.isRefreshing {
      s.status = .info("already refreshing feeds…")
    } else {
      s.isRefreshing = true
      s.status = .info("refreshing feeds in the background…")
      effects.append(.refreshFeeds)
    }
  }
}

private func setRead(_ read: Bool, _ id: Int64, _ s: inout AppState, _ effects: inout [Effect]) {
  updateItem(id, &s) { $0.isRead = read }
  effects.append(.setRead(read, articleID: id))
}

private func updateItem(_ id: Int64, _ s: inout AppState, _ change: (inout ArticleItem) -> Void) {
  for i in s.list.window.indices where s.list.window[i].id == id { change(&s.list.window[i]) }
  if s.reader.article?.item.id == id, var article = s.reader.article {
    change(&article.item)
    s.reader.article = article
  }
}

// MARK: - Movement

private func move(_ command: Command, _ s: inout AppState, _ effects: inout [Effect]) {
  switch s.focus {
  case .list:
    let page = max(1, s.layout.listRows - 1)
    var target = s.list.selected
    switch command {
    case .moveDown: target += 1
    case .moveUp: target -= 1
    case .top: target = 0
    case .bottom: target = s.list.total - 1
    case .pageDown: target += page
    case .pageUp: target -= page
    default: break
    }
    select(target, &s, &effects)
  case .reader:
    let lines = ReaderContent.lineCount(s)
    let page = max(1, s.readerHeight - 1)
    var scroll = s.reader.scroll
    switch command {
    case .moveDown: scroll += 1
    case .moveUp: scroll -= 1
    case .top: scroll = 0
    case .bottom: scroll = lines
    case .pageDown: scroll += page
    case .pageUp: scroll -= page
    default: break
    }
    s.reader.scroll = max(0, min(scroll, max(0, lines - s.readerHeight)))
  case .entities:
    let count = s.panelEntities.count
    var target = s.entitySelected
    switch command {
    case .moveDown: target += 1
    case .moveUp: target -= 1
    case .top: target = 0
    case .bottom: target = count - 1
    case .pageDown: target += s.readerHeight
    case .pageUp: target -= s.readerHeight
    default: break
    }
    s.entitySelected = max(0, min(target, count - 1))
  }
}

/// Moves the list cursor, loading the rows and the article it lands on.
private func select(_ index: Int, _ s: inout AppState, _ effects: inout [Effect]) {
  guard s.list.total > 0 else { return }
  let target = max(0, min(index, s.list.total - 1))
  guard target != s.list.selected else { return }
  s.list.selected = target
  s.reader.profile = nil
  scrollToSelection(&s)
  ensureWindow(&s, &effects)
  loadSelectedArticle(&s, &effects)
}

private func scrollToSelection(_ s: inout AppState) {
  let rows = s.layout.listRows
  if s.list.selected < s.list.scroll { s.list.scroll = s.list.selected }
  if s.list.selected >= s.list.scroll + rows { s.list.scroll = s.list.selected - rows + 1 }
  s.list.scroll = max(0, min(s.list.scroll, max(0, s.list.total - rows)))
}

/// Rows per store request: the screen plus a screen of margin on each side.
func pageSize(_ s: AppState) -> Int { max(30, s.layout.listRows * 3) }

/// Asks for a new window when the visible rows or the cursor fall outside the one in memory.
private func ensureWindow(_ s: inout AppState, _ effects: inout [Effect]) {
  guard s.list.loaded, s.list.total > 0 else { return }
  let rows = s.layout.listRows
  let needed = s.list.scroll..<min(s.list.total, max(s.list.scroll + rows, s.list.selected + 1))
  let have = s.list.windowOffset..<(s.list.windowOffset + s.list.window.count)
  if needed.clamped(to: have) == needed { return }
  let limit = pageSize(s)
  let offset = max(0, s.list.scroll - rows)
  let request = offset..<(offset + limit)
  if s.list.pending == request { return }
  s.list.pending = request
  effects.append(.loadList(s.list.source, offset: offset, limit: limit, count: false))
}

private func loadSelectedArticle(_ s: inout AppState, _ effects: inout [Effect]) {
  guard let item = s.list.selectedItem else {
    if s.list.total == 0 {
      s.reader.articleID = nil
      s.reader.article = nil
    }
    return
  }
  guard item.id != s.reader.articleID else { return }
  s.reader.articleID = item.id
  s.reader.article = nil
  s.reader.scroll = 0
  s.entitySelected = 0
  effects.append(.loadArticle(id: item.id))
}

private func clampReaderScroll(_ s: inout AppState) {
  let lines = ReaderContent.lineCount(s)
  s.reader.scroll = max(0, min(s.reader.scroll, max(0, lines - s.readerHeight)))
}

// MARK: - Navigation

/// Replaces the list's contents; the first page and the count are requested.
func show(_ source: ListSource, _ s: inout AppState, _ effects: inout [Effect], selected: Int = 0, scroll: Int = 0) {
  s.list = ArticleListState()
  s.list.source = source
  s.list.selected = selected
  s.list.scroll = scroll
  s.reader.profile = nil
  s.reader.scroll = 0
  let limit = pageSize(s)
  let offset = max(0, scroll - s.layout.listRows)
  s.list.pending = offset..<(offset + limit)
  let countable: Bool
  if case .search = source { countable = false } else { countable = true }
  effects.append(.loadList(source, offset: offset, limit: limit, count: countable))
}

private func pushSnapshot(_ s: inout AppState) {
  s.backStack.append(Snapshot(source: s.list.source, selected: s.list.selected, scroll: s.list.scroll, focus: s.focus))
  if s.backStack.count > 50 { s.backStack.removeFirst() }
}

private func chooseEntity(id: Int64, name: String, _ s: inout AppState, _ effects: inout [Effect]) {
  pushSnapshot(&s)
  show(.entity(id: id, name: name), &s, &effects)
  s.focus = .list
  effects.append(.loadProfile(id: id))
}

private func back(_ s: inout AppState, _ effects: inout [Effect]) {
  if s.focus != .list && s.layout.mode == .three {
    s.focus = .list
    return
  }
  if s.reader.mode == .fullText && s.focus == .reader {
    s.reader.mode = .summary
    s.reader.scroll = 0
    return
  }
  if let snapshot = s.backStack.popLast() {
    let articleID = s.reader.articleID
    show(snapshot.source, &s, &effects, selected: snapshot.selected, scroll: snapshot.scroll)
    s.focus = snapshot.focus == .entities ? .list : snapshot.focus
    // Keep the current article on screen until the restored list says otherwise.
    s.reader.articleID = articleID
    return
  }
  if s.focus != .list { s.focus = .list }
}

private func nextMatch(forward: Bool, _ s: inout AppState, _ effects: inout [Effect]) {
  guard let query = s.searchQuery else {
    s.status = .info("no search: press \(s.keyMap.keys(for: .search).first?.label ?? "/") to search")
    return
  }
  if s.focus == .reader && s.reader.mode == .fullText {
    let lines = ReaderContent.matchLines(s, query: query)
    let target = forward
      ? lines.first { $0 > s.reader.scroll }
      : lines.last { $0 < s.reader.scroll }
    if let target {
      s.reader.scroll = max(0, min(target, max(0, ReaderContent.lineCount(s) - s.readerHeight)))
    } else {
      s.status = .info(forward ? "no more matches below" : "no more matches above")
    }
    return
  }
  let target = s.list.selected + (forward ? 1 : -1)
  if target < 0 || target >= s.list.total {
    s.status = .info(forward ? "last search hit" : "first search hit")
    return
  }
  select(target, &s, &effects)
}

// MARK: - Sanitizing

private func sanitized(_ item: ArticleItem) -> ArticleItem {
  var out = item
  out.title = TextFit.sanitize(item.title)
  out.byline = item.byline.map { TextFit.sanitize($0) }
  out.source = TextFit.sanitize(item.source)
  out.feed = item.feed.map { TextFit.sanitize($0) }
  return out
}

private func sanitized(_ detail: ArticleDetail) -> ArticleDetail {
  ArticleDetail(
    item: sanitized(detail.item),
    body: TextFit.sanitize(detail.body, keepNewlines: true),
    // Highlight offsets index the original text: when sanitizing removed
    // anything they would point at the wrong words, so they are dropped.
    bullets: detail.bullets.map { bullet in
      let clean = TextFit.sanitize(bullet.text)
      let same = clean.unicodeScalars.count == bullet.text.unicodeScalars.count
      return Bullet(text: clean, highlights: same ? bullet.highlights : [])
    },
    entities: detail.entities.map {
      ArticleEntity(
        id: $0.id, name: TextFit.sanitize($0.name), kind: $0.kind, aliases: $0.aliases.map { TextFit.sanitize($0) },
        mentionCount: $0.mentionCount)
    })
}

private func sanitized(_ hit: EntityHit) -> EntityHit {
  var out = hit
  out.name = TextFit.sanitize(hit.name)
  out.aliases = hit.aliases.map { TextFit.sanitize($0) }
  return out
}

private func sanitized(_ profile: EntityProfileDetail) -> EntityProfileDetail {
  EntityProfileDetail(
    entity: sanitized(profile.entity),
    linked: profile.linked.map {
      LinkedEntityItem(
        id: $0.id, name: TextFit.sanitize($0.name), kind: $0.kind, weight: $0.weight,
        label: $0.label.map { TextFit.sanitize($0) }, evidence: $0.evidence.map { TextFit.sanitize($0) })
    })
}
