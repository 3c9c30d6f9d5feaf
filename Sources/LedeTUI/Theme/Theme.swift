/// A colour as a theme file states it, before the terminal's palette is known.
public enum ThemeColor: Equatable, Sendable, Hashable {
  /// The terminal's own foreground or background.
  case terminalDefault
  /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
  case ansi(Int)
  /// An xterm 256-colour index.
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)

  static let names: [String: Int] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10,
    "bright-yellow": 11, "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14,
    "bright-white": 15,
  ]

  /// Reads `"default"`, a colour name, `"#rrggbb"` or an integer 0–255.
  static func parse(_ value: TOMLValue) -> ThemeColor? {
    switch value {
    case .integer(let n) where (0...255).contains(n):
      return n < 16 ? .ansi(n) : .indexed(n)
    case .string(let s):
      let name = s.lowercased()
      if name == "default" || name == "none" { return .terminalDefault }
      if let n = names[name] { return .ansi(n) }
      if name.hasPrefix("#"), name.count == 7, let v = UInt32(name.dropFirst(), radix: 16) {
        return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
      }
      return nil
    default:
      return nil
    }
  }
}

/// What a role looks like: colours and attributes.
public struct RoleStyle: Equatable, Sendable, Hashable {
  public var fg: ThemeColor
  public var bg: ThemeColor
  public var bold = false
  public var dim = false
  public var italic = false
  public var underline = false
  public var reverse = false

  public init(
    fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, bold: Bool = false,
    dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.italic = italic
    self.underline = underline
    self.reverse = reverse
  }
}

/// A complete colour scheme: one style per role.
public struct Theme: Equatable, Sendable {
  public var name: String
  public var styles: [Role: RoleStyle]

  public init(name: String, styles: [Role: RoleStyle]) {
    self.name = name
    self.styles = styles
  }

  /// The style of a role, falling back along `Role.fallback` when a theme leaves it out.
  public func style(_ role: Role) -> RoleStyle {
    var current: Role? = role
    while let r = current {
      if let s = styles[r] { return s }
      current = r.fallback
    }
    return RoleStyle()
  }

  /// The same theme without colours, for NO_COLOR and monochrome terminals.
  ///
  /// Attributes survive; roles that relied on a background colour to stand out
  /// (selection, status bar, search matches) get reverse video instead.
  public func withoutColor() -> Theme {
    var out: [Role: RoleStyle] = [:]
    for role in Role.allCases {
      var s = style(role)
      if s.bg != .terminalDefault && !s.reverse { s.reverse = true }
      s.fg = .terminalDefault
      s.bg = .terminalDefault
      out[role] = s
    }
    return Theme(name: name, styles: out)
  }

  /// The built-in theme used when no theme file can be read.
  public static let fallback = Theme(
    name: "default",
    styles: [
      .text: RoleStyle(),
      .selection: RoleStyle(reverse: true),
      .selectionInactive: RoleStyle(underline: true),
      .unread: RoleStyle(bold: true),
      .title: RoleStyle(bold: true),
      .byline: RoleStyle(dim: true),
      .highlightPerson: RoleStyle(fg: .ansi(3), bold: true),
      .highlightOrganization: RoleStyle(fg: .ansi(6), bold: true),
      .highlightNumber: RoleStyle(fg: .ansi(2)),
      .highlightTerm: RoleStyle(underline: true),
      .highlightSelected: RoleStyle(reverse: true),
      .kindPerson: RoleStyle(fg: .ansi(3)),
      .kindOrganization: RoleStyle(fg: .ansi(6)),
      .status: RoleStyle(reverse: true),
      .statusKey: RoleStyle(bold: true, reverse: true),
      .error: RoleStyle(fg: .ansi(1), bold: true),
      .searchMatch: RoleStyle(reverse: true),
      .border: RoleStyle(dim: true),
      .paneTitle: RoleStyle(bold: true),
      .star: RoleStyle(fg: .ansi(3)),
      .dim: RoleStyle(dim: true),
    ])
}

extension Role {
  /// The role whose style is used when a theme does not define this one.
  public var fallback: Role? {
    switch self {
    case .text: nil
    case .list, .title, .byline, .bullet, .body, .panel, .border, .prompt, .dim, .star: .text
    case .unread: .list
    case .selection: .text
    case .selectionInactive: .selection
    case .highlightPerson, .highlightOrganization, .highlightNumber, .highlightTerm: .bullet
    case .highlightSelected: .searchMatch
    case .kindPerson: .highlightPerson
    case .kindOrganization: .highlightOrganization
    case .status, .message: .text
    case .statusKey: .status
    case .error: .message
    case .searchMatch: .selection
    case .paneTitle: .border
    }
  }
}
