/// A key press (or terminal event) as LedeTUI sees it, free of curses codes.
public enum Key: Hashable, Sendable {
  case char(Character)
  /// Control plus a letter, e.g. `.ctrl("l")`.
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case tab, backTab, enter, escape, backspace, delete
  case function(Int)
  case resize(cols: Int, rows: Int)
  /// The input timeout passed with nothing pressed.
  case tick

  /// The name used in config files and the help screen.
  public var name: String {
    switch self {
    case .char(" "): "space"
    case .char(let c): String(c)
    case .ctrl(let c): "ctrl-\(c)"
    case .up: "up"
    case .down: "down"
    case .left: "left"
    case .right: "right"
    case .pageUp: "pgup"
    case .pageDown: "pgdn"
    case .home: "home"
    case .end: "end"
    case .tab: "tab"
    case .backTab: "shift-tab"
    case .enter: "enter"
    case .escape: "esc"
    case .backspace: "backspace"
    case .delete: "delete"
    case .function(let n): "f\(n)"
    case .resize: "resize"
    case .tick: "tick"
    }
  }

  /// How the key is shown to people: arrows as symbols, names capitalised.
  public var label: String {
    switch self {
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Bksp"
    case .delete: "Del"
    case .char(" "): "Space"
    case .ctrl(let c): "^\(c.uppercased())"
    case .function(let n): "F\(n)"
    default: name
    }
  }

  /// Reads a key name from a config file ("j", "ctrl-d", "pgdn", "shift-tab", "f5").
  public init?(name raw: String) {
    let name = raw.count == 1 ? raw : raw.lowercased()
    switch name {
    case "up": self = .up
    case "down": self = .down
    case "left": self = .left
    case "right": self = .right
    case "pgup", "pageup", "page-up": self = .pageUp
    case "pgdn", "pagedown", "page-down": self = .pageDown
    case "home": self = .home
    case "end": self = .end
    case "tab": self = .tab
    case "shift-tab", "backtab", "s-tab": self = .backTab
    case "enter", "return": self = .enter
    case "esc", "escape": self = .escape
    case "backspace": self = .backspace
    case "delete", "del": self = .delete
    case "space": self = .char(" ")
    default:
      if name.count == 1, let c = name.first {
        self = .char(c)
      } else if name.hasPrefix("ctrl-"), name.count == 6, let c = name.last, c.isLetter {
        self = .ctrl(c)
      } else if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...24).contains(n) {
        self = .function(n)
      } else {
        return nil
      }
    }
  }
}
