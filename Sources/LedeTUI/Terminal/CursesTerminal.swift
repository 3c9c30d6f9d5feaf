import CNcurses
import Foundation

/// The one place lede talks to ncurses: cell buffers out, keys in.
public final class CursesTerminal: TerminalBackend {
  private let window: UnsafeMutablePointer<WINDOW>?
  private var isOpen = true
  private var attrsByRole: [Role: attr_t] = [:]
  private var pairByRole: [Role: Int32] = [:]
  private var lastFrame: CellBuffer?

  /// Starts curses on the controlling terminal with a theme's colours.
  public init(theme: Theme, noColor: Bool) throws {
    // Without the locale, UTF-8 titles print as mojibake.
    setlocale(LC_ALL, "")
    // newterm, not initscr: initscr prints to stderr and exits the process when
    // TERM names a terminal without a terminfo entry; newterm lets lede say why.
    guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
      newterm(nil, output, input) != nil, let screen = lede_stdscr()
    else {
      throw TerminalError.cannotStart(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
    }
    window = screen
    CursesTerminal.installSignalHandlers()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    curs_set(0)
    // Short, so Esc feels instant and Alt+x still arrives as ESC then x.
    set_escdelay(25)
    wtimeout(window, 250)
    configureColors(theme: theme, noColor: noColor)
  }

  private func configureColors(theme: Theme, noColor: Bool) {
    let colorful = !noColor && has_colors()
    var depth = ColorDepth.none
    if colorful {
      start_color()
      // Lets -1 mean the terminal's own colours, so transparent backgrounds survive.
      use_default_colors()
      depth = ColorDepth(colors: Int(lede_colors()))
    }
    let effective = depth == .none ? theme.withoutColor() : theme
    var pairs: [String: Int32] = [:]
    for role in Role.allCases {
      let style = effective.style(role)
      var attrs = lede_a_normal()
      if style.bold { attrs |= lede_a_bold() }
      if style.dim { attrs |= lede_a_dim() }
      if style.italic { attrs |= lede_a_italic() }
      if style.underline { attrs |= lede_a_underline() }
      if style.reverse { attrs |= lede_a_reverse() }
      attrsByRole[role] = attrs
      guard depth != .none else { continue }
      let fg = Int32(depth.number(for: style.fg))
      let bg = Int32(depth.number(for: style.bg))
      let key = "\(fg)/\(bg)"
      if let existing = pairs[key] {
        pairByRole[role] = existing
        continue
      }
      let pair = Int32(pairs.count + 1)
      guard pair < lede_color_pairs() else { continue }
      let ok = depth == .direct ? init_extended_pair(pair, fg, bg) : init_pair(Int16(pair), Int16(fg), Int16(bg))
      if ok != ERR {
        pairs[key] = pair
        pairByRole[role] = pair
      }
    }
  }

  public var size: (cols: Int, rows: Int) {
    (Int(lede_getmaxx(window)), Int(lede_getmaxy(window)))
  }

  public func draw(_ buffer: CellBuffer) {
    guard isOpen else { return }
    let full = lastFrame.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
    if full { werase(window) }
    var wide: [wchar_t] = []
    wide.reserveCapacity(buffer.width * 2)
    for y in 0..<buffer.height {
      // ncurses diffs too, but skipping unchanged rows saves the conversion work.
      if !full, let last = lastFrame, rowEqual(last, buffer, y) { continue }
      var x = 0
      while x < buffer.width {
        let style = buffer[x, y].style
        let start = x
        wide.removeAll(keepingCapacity: true)
        while x < buffer.width && buffer[x, y].style == style {
          let cell = buffer[x, y]
          if !cell.isContinuation {
            for scalar in cell.text.unicodeScalars { wide.append(wchar_t(bitPattern: scalar.value)) }
          }
          x += 1
        }
        apply(style)
        // The bottom-right cell may report ERR as the cursor cannot advance; harmless.
        _ = wide.withUnsafeBufferPointer { mvwaddnwstr(window, Int32(y), Int32(start), $0.baseAddress, Int32($0.count)) }
      }
    }
    lastFrame = buffer
    wnoutrefresh(window)
    doupdate()
  }

  private func rowEqual(_ a: CellBuffer, _ b: CellBuffer, _ y: Int) -> Bool {
    let start = y * a.width
    return a.cells[start..<(start + a.width)] == b.cells[start..<(start + b.width)]
  }

  private func apply(_ style: CellStyle) {
    var attrs = attrsByRole[style.role] ?? lede_a_normal()
    if style.bold { attrs |= lede_a_bold() }
    if style.underline { attrs |= lede_a_underline() }
    if style.reverse { attrs |= lede_a_reverse() }
    _ = lede_attr_set(window, attrs, pairByRole[style.role] ?? 0)
  }

  public func readKey() -> Key {
    var ch: wint_t = 0
    let result = wget_wch(window, &ch)
    switch result {
    case OK:
      return CursesTerminal.key(character: ch)
    case KEY_CODE_YES:
      if Int32(ch) == KEY_RESIZE {
        lastFrame = nil
        return .resize(cols: size.cols, rows: size.rows)
      }
      return CursesTerminal.key(code: Int32(ch)) ?? .tick
    default:
      return .tick
    }
  }

  static func key(character ch: wint_t) -> Key {
    switch ch {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
    default:
      guard let scalar = Unicode.Scalar(ch) else { return .tick }
      return .char(Character(scalar))
    }
  }

  static func key(code: Int32) -> Key? {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_HOME: .home
    case KEY_END: .end
    case KEY_BTAB: .backTab
    case KEY_ENTER: .enter
    case KEY_BACKSPACE: .backspace
    case KEY_DC: .delete
    case (KEY_F0 + 1)...(KEY_F0 + 24): .function(Int(code - KEY_F0))
    default: nil
    }
  }

  public func suspend<T>(_ body: () throws -> T) rethrows -> T {
    def_prog_mode()
    endwin()
    defer {
      reset_prog_mode()
      lastFrame = nil
      clearok(window, true)
      wrefresh(window)
    }
    return try body()
  }

  /// Restores the terminal; safe to call more than once.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    endwin()
  }

  deinit { close() }

  private static func installSignalHandlers() {
    // endwin is not strictly async-signal-safe, but leaving the terminal in raw
    // mode is worse; this is what curses programs customarily do.
    let handler: @convention(c) (Int32) -> Void = { signal in
      endwin()
      _exit(128 + signal)
    }
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
    signal(SIGHUP, handler)
  }
}

/// Why the terminal UI could not start.
public enum TerminalError: Error, CustomStringConvertible {
  case cannotStart(term: String)
  case notATerminal

  public var description: String {
    switch self {
    case .cannotStart(let term) where term.isEmpty: "cannot start the terminal UI: TERM is not set"
    case .cannotStart(let term): "cannot start the terminal UI: no terminfo entry for TERM=\(term) (try TERM=xterm-256color)"
    case .notATerminal: "the terminal UI needs a terminal; use lede list / lede show for scripts"
    }
  }
}
