/// Something the user can ask for with a key; each has a stable config name.
///
/// Keys map to commands, never straight to code, so one table drives dispatch,
/// the status-bar hints and the help screen.
public enum Command: String, CaseIterable, Sendable, Hashable {
  case moveDown = "move-down"
  case moveUp = "move-up"
  case top = "top"
  case bottom = "bottom"
  case pageDown = "page-down"
  case pageUp = "page-up"
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  case open = "open"
  case toggleFullText = "toggle-full-text"
  case search = "search"
  case entitySearch = "entity-search"
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  case back = "back"
  case openLink = "open-link"
  case toggleStar = "toggle-star"
  case toggleRead = "toggle-read"
  case refresh = "refresh"
  case help = "help"
  case quit = "quit"

  /// One line for the help screen.
  public var summary: String {
    switch self {
    case .moveDown: "move down (scroll in the reading pane)"
    case .moveUp: "move up"
    case .top: "go to the top"
    case .bottom: "go to the bottom"
    case .pageDown: "page down"
    case .pageUp: "page up"
    case .nextPane: "focus the next pane"
    case .previousPane: "focus the previous pane"
    case .open: "open the article or entity under the cursor"
    case .toggleFullText: "switch between summary and full text"
    case .search: "full-text search"
    case .entitySearch: "find a person or organization"
    case .nextMatch: "next search hit"
    case .previousMatch: "previous search hit"
    case .back: "back: close, clear the filter, leave the pane"
    case .openLink: "open the article's link in the browser"
    case .toggleStar: "star or unstar the article"
    case .toggleRead: "mark the article read or unread"
    case .refresh: "refresh feeds"
    case .help: "show or hide this help"
    case .quit: "quit"
    }
  }

  /// The word shown in the status bar's key hints, if this command gets one.
  public var hint: String? {
    switch self {
    case .search: "search"
    case .entitySearch: "entities"
    case .nextPane: "pane"
    case .open: "open"
    case .toggleFullText: "full text"
    case .help: "help"
    case .quit: "quit"
    default: nil
    }
  }
}

/// Which keys trigger which commands.
public struct KeyMap: Equatable, Sendable {
  /// Commands in help order, each with its keys in display order.
  public private(set) var bindings: [(command: Command, keys: [Key])]
  /// Commands that exist but are not offered yet (refresh before feeds exist).
  public var hidden: Set<Command>

  public static func == (lhs: KeyMap, rhs: KeyMap) -> Bool {
    lhs.hidden == rhs.hidden && lhs.bindings.count == rhs.bindings.count
      && zip(lhs.bindings, rhs.bindings).allSatisfy { $0.command == $1.command && $0.keys == $1.keys }
  }

  /// The keys of DESIGN.md: vim and newsboat habits.
  public static let standard = KeyMap(
    bindings: [
      (.moveDown, [.char("j"), .down]),
      (.moveUp, [.char("k"), .up]),
      (.top, [.char("g"), .home]),
      (.bottom, [.char("G"), .end]),
      (.pageDown, [.pageDown, .char(" ")]),
      (.pageUp, [.pageUp]),
      (.nextPane, [.tab]),
      (.previousPane, [.backTab]),
      (.open, [.enter]),
      (.toggleFullText, [.char("f")]),
      (.search, [.char("/")]),
      (.entitySearch, [.char("e")]),
      (.nextMatch, [.char("n")]),
      (.previousMatch, [.char("N")]),
      (.back, [.escape]),
      (.openLink, [.char("o")]),
      (.toggleStar, [.char("s")]),
      (.toggleRead, [.char("u")]),
      (.refresh, [.char("r")]),
      (.help, [.char("?")]),
      (.quit, [.char("q")]),
    ],
    hidden: [.refresh])

  public init(bindings: [(command: Command, keys: [Key])], hidden: Set<Command> = []) {
    self.bindings = bindings
    self.hidden = hidden
  }

  /// The command a key triggers, if any; hidden commands do not fire.
  public func command(for key: Key) -> Command? {
    for (command, keys) in bindings where keys.contains(key) && !hidden.contains(command) {
      return command
    }
    return nil
  }

  /// Keys bound to a command.
  public func keys(for command: Command) -> [Key] {
    bindings.first { $0.command == command }?.keys ?? []
  }

  /// Replaces a command's keys; the keys are taken away from any other command.
  public mutating func bind(_ command: Command, to keys: [Key]) {
    unbind(keys)
    if let i = bindings.firstIndex(where: { $0.command == command }) {
      bindings[i].keys = keys
    } else {
      bindings.append((command, keys))
    }
  }

  /// Frees keys from whatever they were bound to.
  public mutating func unbind(_ keys: [Key]) {
    for i in bindings.indices { bindings[i].keys.removeAll { keys.contains($0) } }
  }

  /// The help screen's lines, generated from the bindings: "j ↓      move down".
  public func helpLines() -> [(keys: String, summary: String)] {
    bindings.compactMap { command, keys in
      guard !hidden.contains(command) else { return nil }
      let label = keys.isEmpty ? "(unbound)" : keys.map(\.label).joined(separator: " ")
      return (label, "\(command.summary)  [\(command.rawValue)]")
    }
  }

  /// The key table for the README, generated like the help screen so the two never disagree.
  public func markdownTable() -> String {
    var lines = ["| keys | action | config name |", "|---|---|---|"]
    for (command, keys) in bindings where !hidden.contains(command) {
      let label = keys.isEmpty ? "(unbound)" : keys.map { "`\($0.label)`" }.joined(separator: " ")
      lines.append("| \(label) | \(command.summary) | `\(command.rawValue)` |")
    }
    return lines.joined(separator: "\n")
  }

  /// Short "key word" hints for the status bar, in binding order.
  public func hints() -> [(key: String, word: String)] {
    bindings.compactMap { command, keys in
      guard let word = command.hint, let key = keys.first, !hidden.contains(command) else { return nil }
      return (key.label, word)
    }
  }
}
