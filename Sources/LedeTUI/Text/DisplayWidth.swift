/// Terminal display width of text, in pure Swift.
///
/// Curses only places what it is told; deciding how many columns a character
/// takes is ours, so layout and truncation stay testable without a terminal.
public enum DisplayWidth {
  /// Columns one grapheme cluster occupies: 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // A variation selector 16 or an emoji modifier asks for the emoji (wide) form.
    if scalars.count > 1 {
      for scalar in scalars.dropFirst() {
        if scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) { return 2 }
        if scalar.value == 0x200D { return 2 }  // a ZWJ sequence is drawn as one emoji
      }
      // Two regional indicators make one flag.
      if isRegionalIndicator(first) { return 2 }
    }
    return of(first)
  }

  /// Columns one scalar occupies on its own.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    if isZeroWidth(scalar) { return 0 }
    if isWide(v) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Columns a whole string occupies.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    // Hangul medial vowels and final consonants join the preceding syllable.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
    if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return true }
    if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return false
    }
  }

  /// East Asian Wide and Fullwidth blocks plus the emoji planes.
  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
      0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F2FF, 0x1F300...0x1F64F,
      0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

/// Text cleaning and fitting for the screen.
public enum TextFit {
  /// Removes control characters, terminal escape sequences and bidi overrides.
  ///
  /// Article text comes from strangers; an escape sequence reaching curses could
  /// retitle the window or move the cursor. Tabs become a space and newlines
  /// are kept only when `keepNewlines` is set.
  public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    var out = String.UnicodeScalarView()
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let p = pending { pending = nil; return p }
      return iterator.next()
    }
    while let scalar = next() {
      let v = scalar.value
      if v == 0x1B || v == 0x9B || v == 0x9D || v == 0x90 {
        skipEscape(introducer: scalar, next: next, pushBack: { pending = $0 })
        continue
      }
      if v == 0x0A {
        if keepNewlines { out.append(scalar) } else { out.append(" ") }
        continue
      }
      if v == 0x09 { out.append(" "); continue }
      if v == 0x0D { continue }
      if v < 0x20 || (0x7F..<0xA0).contains(v) { continue }
      if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { continue }
      if v == 0x2028 || v == 0x2029 {
        out.append(keepNewlines ? "\n" : " ")
        continue
      }
      out.append(scalar)
    }
    return String(out)
  }

  private static func skipEscape(
    introducer: Unicode.Scalar, next: () -> Unicode.Scalar?, pushBack: (Unicode.Scalar) -> Void
  ) {
    var kind = introducer.value
    if kind == 0x1B {
      guard let second = next() else { return }
      switch second.value {
      case 0x5B: kind = 0x9B  // ESC [  → CSI
      case 0x5D, 0x50, 0x58, 0x5E, 0x5F: kind = 0x9D  // OSC, DCS, SOS, PM, APC: string until ST
      default:
        // Two-character escape (ESC c, ESC 7 …) or intermediates then a final byte.
        var s = second
        while (0x20...0x2F).contains(s.value) {
          guard let n = next() else { return }
          s = n
        }
        if s.value < 0x20 { pushBack(s) }
        return
      }
    }
    if kind == 0x9B {
      // Parameters and intermediates, ended by a final byte in @…~.
      while let s = next() {
        if (0x40...0x7E).contains(s.value) { return }
        if !(0x20...0x3F).contains(s.value) { pushBack(s); return }
      }
      return
    }
    // String types end at BEL or ST (ESC \ or 0x9C).
    while let s = next() {
      if s.value == 0x07 || s.value == 0x9C { return }
      if s.value == 0x1B {
        if let t = next(), t.value != 0x5C { pushBack(t) }
        return
      }
    }
  }

  /// Cuts text to at most `width` columns, ending with "…" when anything was cut.
  public static func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }

  /// Pads or truncates to exactly `width` columns.
  public static func fit(_ text: String, width: Int) -> String {
    let cut = truncate(text, width: width)
    let w = DisplayWidth.of(cut)
    return w < width ? cut + String(repeating: " ", count: width - w) : cut
  }

  /// Greedy word wrap by display width; words longer than a line are split.
  ///
  /// Returns, for each line, the range of `Character` offsets it covers in the
  /// input, so callers can map styles (highlights, search matches) onto lines.
  public static func wrap(_ text: String, width: Int) -> [Range<Int>] {
    guard width > 0 else { return [] }
    let chars = Array(text)
    var lines: [Range<Int>] = []
    var lineStart = 0
    var lineWidth = 0
    var lastBreak: Int? = nil  // index just after a space on this line
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\n" {
        lines.append(lineStart..<i)
        i += 1
        lineStart = i
        lineWidth = 0
        lastBreak = nil
        continue
      }
      let w = DisplayWidth.of(c)
      if lineWidth + w > width, i > lineStart {
        if c == " " {
          lines.append(lineStart..<i)
          i += 1
          lineStart = i
          lineWidth = 0
          lastBreak = nil
          continue
        }
        if let b = lastBreak, b > lineStart {
          lines.append(lineStart..<(b - 1))
          lineStart = b
        } else {
          lines.append(lineStart..<i)
          lineStart = i
        }
        lastBreak = nil
        lineWidth = 0
        for j in lineStart..<i { lineWidth += DisplayWidth.of(chars[j]) }
        continue
      }
      lineWidth += w
      if c == " " { lastBreak = i + 1 }
      i += 1
    }
    if lineStart < chars.count || lines.isEmpty || chars.last == "\n" {
      lines.append(lineStart..<chars.count)
    }
    return lines
  }
}
