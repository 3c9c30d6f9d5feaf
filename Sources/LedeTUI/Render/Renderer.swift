import Foundation

/// Draws the whole UI for a state into a cell buffer: a pure function, tested as text.
public func render(_ s: AppState) -> CellBuffer {
  var buffer = CellBuffer(width: s.cols, height: s.rows)
  guard s.cols > 0, s.rows > 0 else { return buffer }
  let layout = s.layout
  switch layout.mode {
  case .tooSmall:
    let notice = s.cols >= 10 ? "lede: terminal too small (min \(Layout.minimum.cols)×\(Layout.minimum.rows))" : "lede"
    buffer.write(TextFit.truncate(notice, width: s.cols), x: 0, y: 0, style: CellStyle(.message))
    return buffer
  case .single:
    let title = "\(s.focus.title) \(s.focus.rawValue + 1)/3 · Tab"
    drawBox(&buffer, x: 0, width: s.cols, rows: s.rows, titles: [(0, title, true)], dividers: [])
  case .three:
    let dividers = [layout.reader.x - 2, layout.entities.x - 1]
    drawBox(
      &buffer, x: 0, width: s.cols, rows: s.rows,
      titles: [
        (0, listTitle(s), s.focus == .list),
        (layout.reader.x - 2, s.reader.profile == nil ? (s.reader.mode == .fullText ? "Full text" : "Summary") : "Profile", s.focus == .reader),
        (layout.entities.x - 1, Pane.entities.title, s.focus == .entities),
      ],
      dividers: dividers)
  }
  drawList(&buffer, s, layout.list)
  drawReader(&buffer, s, layout.reader)
  drawEntities(&buffer, s, layout.entities)
  drawOverlay(&buffer, s)
  drawStatus(&buffer, s, row: layout.statusRow)
  return buffer
}

private func listTitle(_ s: AppState) -> String {
  let count = s.list.totalIsExact ? "\(s.list.total)" : "\(s.list.total - 1)+"
  switch s.list.source {
  case .all: return s.list.loaded ? "Articles (\(count))" : "Articles"
  case .entity(_, let name): return "\(name) (\(count))"
  case .search(let q): return "/\(q) (\(count))"
  }
}

// MARK: - Frame

private func drawBox(
  _ b: inout CellBuffer, x: Int, width: Int, rows: Int, titles: [(Int, String, Bool)], dividers: [Int]
) {
  let border = CellStyle(.border)
  let bottom = rows - 2
  guard width >= 2, bottom >= 1 else { return }
  b.write("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: 0, style: border)
  b.write("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: bottom, style: border)
  for row in 1..<bottom {
    b.write("│", x: x, y: row, style: border)
    b.write("│", x: x + width - 1, y: row, style: border)
    for d in dividers { b.write("│", x: d, y: row, style: border) }
  }
  for d in dividers {
    b.write("┬", x: d, y: 0, style: border)
    b.write("┴", x: d, y: bottom, style: border)
  }
  let edges = titles.map(\.0) + [x + width - 1]
  for (n, (start, title, focused)) in titles.enumerated() {
    let room = edges[n + 1] - start - 3
    guard room > 0 else { continue }
    let text = " " + TextFit.truncate(title, width: room) + " "
    b.write(text, x: start + 1, y: 0, style: focused ? CellStyle(.paneTitle, bold: true, reverse: true) : CellStyle(.paneTitle))
  }
}

// MARK: - Panes

private func drawList(_ b: inout CellBuffer, _ s: AppState, _ r: Rect) {
  guard r.width > 0, r.height > 0 else { return }
  b.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: CellStyle(.list))
  if !s.list.loaded {
    b.write(TextFit.truncate("loading…", width: r.width), x: r.x, y: r.y, style: CellStyle(.dim))
    return
  }
  if s.list.total == 0 {
    let message: String
    switch s.list.source {
    case .all: message = "No articles yet.\nAdd some with:\nlede add PATH"
    case .search: message = "No matches."
    case .entity: message = "No articles."
    }
    for (i, line) in SpanStyler(message, base: CellStyle(.dim)).wrapped(width: r.width).prefix(r.height).enumerated() {
      line.draw(into: &b, x: r.x, y: r.y + i, width: r.width)
    }
    return
  }
  let query = s.searchQuery
  for row in 0..<r.height {
    let index = s.list.scroll + row
    guard index < s.list.total else { break }
    let y = r.y + row
    let isSelected = index == s.list.selected
    guard let item = s.list.item(at: index) else {
      b.write(TextFit.truncate("  …", width: r.width), x: r.x, y: y, style: CellStyle(.dim))
      continue
    }
    let base: CellStyle
    if isSelected {
      base = CellStyle(s.focus == .list ? .selection : .selectionInactive, bold: !item.isRead)
    } else {
      base = CellStyle(item.isRead ? .list : .unread, bold: !item.isRead)
    }
    b.fill(x: r.x, y: y, width: r.width, height: 1, style: base)
    let marker = item.isStarred ? "★" : (item.isRead ? " " : "•")
    b.write(marker, x: r.x, y: y, maxWidth: 1, style: isSelected ? base : CellStyle(item.isStarred ? .star : .unread))
    var dateText = ""
    if r.width >= 46, let date = item.published { dateText = " " + ReaderContent.isoDay(date) }
    let titleWidth = r.width - 2 - DisplayWidth.of(dateText)
    var styler = SpanStyler(TextFit.truncate(item.title, width: titleWidth), base: base)
    if !isSelected { styler.applyMatches(of: query, CellStyle(.searchMatch, bold: !item.isRead)) }
    var col = 0
    for run in (styler.wrapped(width: 10_000).first ?? StyledLine()).runs {
      col += b.write(run.text, x: r.x + 2 + col, y: y, maxWidth: titleWidth - col, style: run.style)
    }
    if !dateText.isEmpty {
      b.write(dateText, x: r.x + r.width - DisplayWidth.of(dateText), y: y, style: isSelected ? base : CellStyle(.dim))
    }
  }
}

private func drawReader(_ b: inout CellBuffer, _ s: AppState, _ r: Rect) {
  guard r.width > 0, r.height > 0 else { return }
  b.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: CellStyle(.body))
  let lines = ReaderContent.lines(s)
  let start = min(s.reader.scroll, max(0, lines.count - 1))
  for (i, line) in lines.dropFirst(start).prefix(r.height).enumerated() {
    line.draw(into: &b, x: r.x, y: r.y + i, width: r.width)
  }
  if lines.count > r.height {
    // How far down the text is, in the border below the pane so it never covers text.
    let last = min(lines.count, start + r.height)
    let marker = " \(last * 100 / max(1, lines.count))% "
    if r.width > DisplayWidth.of(marker) + 2 {
      b.write(marker, x: r.x + r.width - DisplayWidth.of(marker), y: r.y + r.height, style: CellStyle(.border))
    }
  }
}

private func drawEntities(_ b: inout CellBuffer, _ s: AppState, _ r: Rect) {
  guard r.width > 0, r.height > 0 else { return }
  b.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: CellStyle(.panel))
  let entities = s.panelEntities
  if entities.isEmpty {
    let text = s.reader.article == nil ? "" : "No people or organizations found."
    for (i, line) in SpanStyler(text, base: CellStyle(.dim)).wrapped(width: r.width).prefix(r.height).enumerated() {
      line.draw(into: &b, x: r.x, y: r.y + i, width: r.width)
    }
    return
  }
  let scroll = max(0, s.entitySelected - r.height + 1)
  let emphasized = s.emphasizedEntity
  for (row, entity) in entities.dropFirst(scroll).prefix(r.height).enumerated() {
    let index = scroll + row
    let y = r.y + row
    let style: CellStyle
    if index == s.entitySelected && s.focus == .entities {
      style = CellStyle(.selection)
    } else if entity.name == emphasized {
      style = CellStyle(.highlightSelected)
    } else {
      style = CellStyle(.panel)
    }
    b.fill(x: r.x, y: y, width: r.width, height: 1, style: style)
    let (marker, role) = ReaderContent.kindMarker(entity.kind)
    b.write(marker, x: r.x, y: y, maxWidth: 1, style: style.role == .panel ? CellStyle(role) : style)
    let count = String(entity.mentionCount)
    let countWidth = DisplayWidth.of(count)
    let nameWidth = r.width - 2 - countWidth - 1
    b.write(TextFit.truncate(entity.name, width: max(0, nameWidth)), x: r.x + 2, y: y, maxWidth: max(0, nameWidth), style: style)
    if r.width > countWidth + 3 {
      b.write(count, x: r.x + r.width - countWidth, y: y, style: style.role == .panel ? CellStyle(.dim) : style)
    }
  }
}

// MARK: - Overlays and status

private func drawOverlay(_ b: inout CellBuffer, _ s: AppState) {
  switch s.overlay {
  case .none, .search:
    return
  case .help(let scroll):
    var lines: [StyledLine] = [StyledLine("Keys", CellStyle(.title)), StyledLine()]
    let help = s.keyMap.helpLines()
    let keyWidth = min(16, (help.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2)
    for (keys, summary) in help {
      lines.append(StyledLine([(TextFit.fit(keys, width: keyWidth), CellStyle(.statusKey)), (summary, CellStyle(.text))]))
    }
    lines.append(StyledLine())
    lines.append(StyledLine("Rebind in \(Config.defaultPath().replacingHome()) under [keys].", CellStyle(.dim)))
    if !s.about.isEmpty {
      lines.append(StyledLine())
      for paragraph in paragraphs(s.about) {
        lines += SpanStyler(paragraph, base: CellStyle(.dim)).wrapped(width: popupWidth(s) - 4)
      }
    }
    drawPopup(&b, s, title: "Help · any key closes", lines: Array(lines.dropFirst(min(scroll, max(0, lines.count - 1)))))
  case .entitySearch(let text, let hits, let selected):
    var lines: [StyledLine] = []
    if hits.isEmpty {
      lines.append(StyledLine(text.isEmpty ? "No people or organizations in the library yet." : "No match for “\(text)”.", CellStyle(.dim)))
    }
    for (i, hit) in hits.enumerated() {
      let (marker, role) = ReaderContent.kindMarker(hit.kind)
      let isSelected = i == selected
      let base = CellStyle(isSelected ? .selection : .text)
      let counts = "  \(hit.articleCount) art · \(hit.mentionCount)"
      lines.append(StyledLine([(marker + " ", isSelected ? base : CellStyle(role)), (hit.name, base), (counts, isSelected ? base : CellStyle(.dim))]))
    }
    drawPopup(&b, s, title: "Entities: \(text)▏ · Enter picks · Esc cancels", lines: lines, selected: selected + (hits.isEmpty ? 0 : 0))
  }
}

extension String {
  fileprivate func replacingHome() -> String {
    if let home = ProcessInfoEnvironment.home, !home.isEmpty, hasPrefix(home) { return "~" + dropFirst(home.count) }
    return self
  }
}

/// Text split at blank lines, each paragraph's hard line breaks joined.
func paragraphs(_ text: String) -> [String] {
  text.components(separatedBy: "\n\n").map {
    $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }.filter { !$0.isEmpty }
}

private func popupWidth(_ s: AppState) -> Int { min(s.cols - 2, max(40, min(84, s.cols * 4 / 5))) }

private func drawPopup(_ b: inout CellBuffer, _ s: AppState, title: String, lines: [StyledLine], selected: Int? = nil) {
  let width = popupWidth(s)
  let height = min(s.rows - 3, max(6, lines.count + 2))
  guard width >= 6, height >= 3 else { return }
  let x = (s.cols - width) / 2
  let y = max(0, (s.rows - 1 - height) / 2)
  let border = CellStyle(.border)
  b.fill(x: x, y: y, width: width, height: height, style: CellStyle(.text))
  b.write("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: border)
  b.write("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: border)
  for row in (y + 1)..<(y + height - 1) {
    b.write("│", x: x, y: row, style: border)
    b.write("│", x: x + width - 1, y: row, style: border)
  }
  b.write(" " + TextFit.truncate(title, width: width - 4) + " ", x: x + 1, y: y, style: CellStyle(.paneTitle, bold: true))
  let inner = height - 2
  var first = 0
  if let selected, selected >= inner { first = selected - inner + 1 }
  for (i, line) in lines.dropFirst(first).prefix(inner).enumerated() {
    line.draw(into: &b, x: x + 2, y: y + 1 + i, width: width - 4)
  }
}

private func drawStatus(_ b: inout CellBuffer, _ s: AppState, row: Int) {
  guard row >= 0 else { return }
  let status = CellStyle(.status)
  b.fill(x: 0, y: row, width: s.cols, height: 1, style: status)
  switch s.overlay {
  case .search(let text):
    b.write("/" + text + "▏", x: 0, y: row, style: CellStyle(.prompt))
    return
  case .entitySearch(let text, _, _):
    b.write("entity: " + text + "▏", x: 0, y: row, style: CellStyle(.prompt))
    return
  default: break
  }
  var position = ""
  if s.list.total > 0 {
    position = " \(s.list.selected + 1)/\(s.list.totalIsExact ? "\(s.list.total)" : "\(s.list.total - 1)+") "
  }
  let available = s.cols - DisplayWidth.of(position)
  switch s.status {
  case .info(let message):
    b.write(TextFit.truncate(" " + message, width: available), x: 0, y: row, style: CellStyle(.message))
  case .error(let message):
    b.write(TextFit.truncate(" " + message, width: available), x: 0, y: row, style: CellStyle(.error))
  case nil:
    var col = 1
    for (key, word) in s.keyMap.hints() {
      let need = DisplayWidth.of(key) + 1 + DisplayWidth.of(word) + 2
      guard col + need <= available else { break }
      col += b.write(key, x: col, y: row, style: CellStyle(.statusKey))
      col += b.write(" " + word + "  ", x: col, y: row, style: status)
    }
  }
  if !position.isEmpty, available > 0 {
    b.write(position, x: available, y: row, style: status)
  }
}
