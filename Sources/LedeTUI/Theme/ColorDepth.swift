/// How many colours the terminal can show, and how theme colours are reduced to fit.
public enum ColorDepth: Equatable, Sendable {
  /// NO_COLOR or a monochrome terminal: attributes only.
  case none
  case ansi8
  case ansi16
  case indexed256
  /// 24-bit colour, colour numbers are 0xRRGGBB (ncurses direct-colour terminals).
  case direct

  /// The depth for a terminal reporting `colors` colours.
  public init(colors: Int) {
    switch colors {
    case ..<8: self = .none
    case 8..<16: self = .ansi8
    case 16..<256: self = .ansi16
    case 256..<0x1000000: self = .indexed256
    default: self = .direct
    }
  }

  /// The curses colour number for a theme colour; -1 is the terminal default.
  public func number(for color: ThemeColor) -> Int {
    switch (self, color) {
    case (.none, _), (_, .terminalDefault): return -1
    case (.direct, _): return rgb(color).map { Int($0.0) << 16 | Int($0.1) << 8 | Int($0.2) } ?? -1
    case (.indexed256, .ansi(let n)), (.indexed256, .indexed(let n)): return n
    case (.indexed256, .rgb(let r, let g, let b)): return ColorDepth.nearest256(r, g, b)
    case (.ansi16, .ansi(let n)): return n
    case (.ansi8, .ansi(let n)): return n % 8
    case (.ansi16, _), (.ansi8, _):
      guard let (r, g, b) = rgb(color) else { return -1 }
      let n = ColorDepth.nearest(r, g, b, among: 0..<(self == .ansi8 ? 8 : 16))
      return n
    }
  }

  private func rgb(_ color: ThemeColor) -> (UInt8, UInt8, UInt8)? {
    switch color {
    case .terminalDefault: nil
    case .rgb(let r, let g, let b): (r, g, b)
    case .ansi(let n), .indexed(let n): ColorDepth.paletteRGB(n)
    }
  }

  /// The xterm palette colour of an index.
  static func paletteRGB(_ n: Int) -> (UInt8, UInt8, UInt8) {
    let ansi: [(UInt8, UInt8, UInt8)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
      (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    if n < 16 { return ansi[max(0, n)] }
    if n < 232 {
      let i = n - 16
      let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
      return (levels[i / 36], levels[i / 6 % 6], levels[i % 6])
    }
    let grey = UInt8(min(255, 8 + (n - 232) * 10))
    return (grey, grey, grey)
  }

  static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    nearest(r, g, b, among: 16..<256)
  }

  /// The palette index closest to a colour, by weighted RGB distance.
  ///
  /// Among the 8/16 ANSI colours the chroma must match too, or dark greys
  /// would become blue and ambers green; so saturation counts double there.
  static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among range: Range<Int>) -> Int {
    var best = range.lowerBound
    var bestDistance = Int.max
    for n in range {
      let (pr, pg, pb) = paletteRGB(n)
      let dr = Int(r) - Int(pr), dg = Int(g) - Int(pg), db = Int(b) - Int(pb)
      var d = 2 * dr * dr + 4 * dg * dg + 3 * db * db
      if range.upperBound <= 16 {
        let c1 = chroma(r, g, b), c2 = chroma(pr, pg, pb)
        d += 4 * (c1 - c2) * (c1 - c2)
      }
      if d < bestDistance {
        bestDistance = d
        best = n
      }
    }
    return best
  }

  private static func chroma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    Int(max(r, g, b)) - Int(min(r, g, b))
  }
}
