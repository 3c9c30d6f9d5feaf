import Foundation
import Testing
@testable import LedeTUI

struct ThemeTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let themesFolder = repository.appendingPathComponent("Themes")
  static let bundledFolder = repository.appendingPathComponent("Sources/LedeTUI/Resources/Themes")

  static var themeFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: themesFolder.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
  }

  @Test("the six themes of the design ship")
  func shipped() {
    #expect(Self.themeFiles == ["default.toml", "gruvbox.toml", "high-contrast.toml", "light.toml", "mono.toml", "solarized-dark.toml"])
  }

  @Test("every theme file parses and styles every role", arguments: themeFiles)
  func parses(file: String) throws {
    let path = Self.themesFolder.appendingPathComponent(file).path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let theme = try ThemeLoader.parse(text, file: path)
    #expect(theme.name == String(file.dropLast(5)))
    let missing = Role.allCases.filter { theme.styles[$0] == nil }
    #expect(missing.isEmpty, "\(file) leaves out \(missing)")
  }

  @Test("the bundled theme files are the same as the top-level Themes folder", arguments: themeFiles)
  func bundledCopy(file: String) throws {
    let top = try Data(contentsOf: Self.themesFolder.appendingPathComponent(file))
    let bundled = try Data(contentsOf: Self.bundledFolder.appendingPathComponent(file))
    #expect(top == bundled, "copy Themes/\(file) to Sources/LedeTUI/Resources/Themes/")
  }

  @Test("a theme error names the file, the line and the key")
  func errorLocation() {
    let text = "name = \"x\"\nselection = { fg = \"white\" }\ntitle = { fg = \"chartreuse-ish\" }\n"
    #expect(throws: ThemeError(file: "bad.toml", line: 3, key: "title", message: "fg: not a colour (use a name like \"cyan\", \"#rrggbb\", 0–255 or \"default\")")) {
      try ThemeLoader.parse(text, file: "bad.toml")
    }
    do {
      _ = try ThemeLoader.parse("highlight.persn = { fg = \"red\" }", file: "t.toml")
      Issue.record("an unknown role was accepted")
    } catch {
      #expect(error.description.hasPrefix("t.toml:1: key \"highlight.persn\": unknown role"))
    }
  }

  @Test("a broken theme falls back to the default theme with a message")
  func fallback() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-theme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("broken.toml").path
    try "title = { fg = \"red\"".write(toFile: path, atomically: true, encoding: .utf8)
    let (theme, message) = ThemeLoader.load(path, configDirectory: nil)
    #expect(theme.name == "default")
    #expect(message?.contains("broken.toml:1") == true)
    let (_, missing) = ThemeLoader.load("no-such-theme", configDirectory: nil)
    #expect(missing == "theme \"no-such-theme\" not found; using the default theme")
  }

  @Test("the bundled themes are found at run time")
  func bundledAtRuntime() {
    #expect(ThemeLoader.bundledNames.contains("gruvbox"))
    let (theme, message) = ThemeLoader.load("solarized-dark", configDirectory: nil)
    #expect(message == nil)
    #expect(theme.style(.text).bg == .rgb(0x00, 0x2b, 0x36))
  }
}

struct ColorDepthTests {
  @Test("true-colour terminals get the exact colour")
  func direct() {
    #expect(ColorDepth.direct.number(for: .rgb(0x12, 0x34, 0x56)) == 0x123456)
  }

  @Test("256-colour terminals get the nearest palette entry")
  func indexed() {
    #expect(ColorDepth.indexed256.number(for: .rgb(0xff, 0xaf, 0x00)) == 214)
    #expect(ColorDepth.indexed256.number(for: .rgb(0x30, 0x30, 0x30)) == 236)
    #expect(ColorDepth.indexed256.number(for: .ansi(4)) == 4)
  }

  @Test("8-colour terminals get the hue, not a random neighbour")
  func eight() {
    #expect(ColorDepth.ansi8.number(for: .rgb(0xff, 0xaf, 0x00)) == 3)  // amber → yellow
    #expect(ColorDepth.ansi8.number(for: .rgb(0x5f, 0xd7, 0xff)) == 6)  // sky → cyan
    #expect(ColorDepth.ansi8.number(for: .ansi(11)) == 3)
    #expect(ColorDepth.ansi8.number(for: .terminalDefault) == -1)
  }

  @Test("without colour, selection and status keep standing out in reverse video")
  func noColor() {
    let theme = Theme(name: "t", styles: [.selection: RoleStyle(fg: .ansi(0), bg: .ansi(6)), .text: RoleStyle(fg: .ansi(7))])
    let plain = theme.withoutColor()
    #expect(plain.style(.selection) == RoleStyle(reverse: true))
    #expect(plain.style(.text) == RoleStyle())
    #expect(ColorDepth.none.number(for: .rgb(1, 2, 3)) == -1)
  }
}
