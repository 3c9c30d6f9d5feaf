import Foundation
import Testing
@testable import LedeTUI

struct KeyMapTests {
  @Test("the default keys follow the design")
  func defaults() {
    let map = KeyMap.standard
    let expected: [(Key, Command)] = [
      (.char("j"), .moveDown), (.down, .moveDown), (.char("k"), .moveUp), (.up, .moveUp), (.char("g"), .top),
      (.char("G"), .bottom), (.pageUp, .pageUp), (.pageDown, .pageDown), (.tab, .nextPane), (.backTab, .previousPane),
      (.enter, .open), (.char("f"), .toggleFullText), (.char("/"), .search), (.char("e"), .entitySearch),
      (.char("n"), .nextMatch), (.char("N"), .previousMatch), (.escape, .back), (.char("o"), .openLink),
      (.char("s"), .toggleStar), (.char("?"), .help), (.char("q"), .quit),
    ]
    for (key, command) in expected { #expect(map.command(for: key) == command, "\(key.name)") }
  }

  @Test("refresh stays hidden until feeds exist")
  func refreshHidden() {
    #expect(KeyMap.standard.command(for: .char("r")) == nil)
    #expect(!KeyMap.standard.helpLines().contains { $0.summary.contains("[refresh]") })
  }

  @Test("help is generated from the bindings, one line per visible command")
  func help() {
    var map = KeyMap.standard
    map.bind(.toggleStar, to: [.char("S"), .ctrl("s")])
    let lines = map.helpLines()
    #expect(lines.count == Command.allCases.count - 1)
    #expect(lines.contains { $0.keys == "S ^S" && $0.summary == "star or unstar the article  [toggle-star]" })
    #expect(lines.first?.keys == "j ↓")
  }

  @Test("the README key table is generated from the same bindings")
  func markdown() {
    let table = KeyMap.standard.markdownTable().split(separator: "\n")
    #expect(table.count == 2 + Command.allCases.count - 1)
    #expect(table[2] == "| `j` `↓` | move down (scroll in the reading pane) | `move-down` |")
  }

  @Test("every command has a stable kebab-case name")
  func names() {
    for command in Command.allCases {
      #expect(command.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(command)")
    }
    #expect(Set(Command.allCases.map(\.rawValue)).count == Command.allCases.count)
  }

  @Test("key names read back to the same key", arguments: ["j", "G", "ctrl-d", "pgdn", "pgup", "shift-tab", "enter", "esc", "space", "f5", "up", "home", "?"])
  func keyNames(name: String) throws {
    let key = try #require(Key(name: name))
    #expect(Key(name: key.name) == key)
  }
}

struct ConfigTests {
  @Test("config sets the theme, bullets, browser and rebinds keys")
  func parses() {
    let text = """
      # mine
      theme = "gruvbox"
      bullets = 3
      browser = "firefox --new-tab"

      [keys]
      move-down = ["j", "ctrl-n"]
      toggle-star = "S"
      quit = []
      unbind = ["u"]
      """
    let config = Config.parse(text, file: "config.toml")
    #expect(config.problems.isEmpty)
    #expect(config.theme == "gruvbox")
    #expect(config.bulletsPerArticle == 3)
    #expect(config.browser == "firefox --new-tab")
    #expect(config.keyMap.command(for: .ctrl("n")) == .moveDown)
    #expect(config.keyMap.command(for: .down) == nil)
    #expect(config.keyMap.command(for: .char("S")) == .toggleStar)
    #expect(config.keyMap.command(for: .char("s")) == nil)
    #expect(config.keyMap.command(for: .char("q")) == nil)
    #expect(config.keyMap.command(for: .char("u")) == nil)
  }

  @Test("binding a key takes it away from its old command")
  func steal() {
    let config = Config.parse("[keys]\nhelp = \"q\"\n", file: "c")
    #expect(config.keyMap.command(for: .char("q")) == .help)
    #expect(config.keyMap.keys(for: .quit).isEmpty)
  }

  @Test("a bad config is reported with file and line and the defaults remain")
  func bad() {
    let config = Config.parse("theme = 3\n[keys]\nfly = \"x\"\nmove-up = \"hyper-k\"\n", file: "c.toml")
    #expect(config.problems.count == 3)
    #expect(config.problems[0] == "c.toml:1: theme: expected a string")
    #expect(config.problems[1].hasPrefix("c.toml:3: keys.fly: unknown action"))
    #expect(config.problems[2].hasPrefix("c.toml:4: keys.move-up: not a key name"))
    #expect(config.keyMap == .standard)
    let broken = Config.parse("theme = \"unterminated\n", file: "c.toml")
    #expect(broken.problems == ["c.toml:1: unterminated string; config ignored"])
  }

  @Test("full-text-feeds matches a feed by its address or by host and subdomain, nothing else")
  func fullTextFeeds() {
    let config = Config.parse("full-text-feeds = [\"https://a.example/feed.xml\", \"news.example.org\"]\n", file: "c")
    #expect(config.problems.isEmpty)
    #expect(config.wantsFullText(feedURL: "https://a.example/feed.xml"))
    #expect(!config.wantsFullText(feedURL: "https://a.example/other.xml"))
    #expect(config.wantsFullText(feedURL: "https://news.example.org/rss"))
    #expect(config.wantsFullText(feedURL: "http://www.news.example.org/rss"))
    #expect(!config.wantsFullText(feedURL: "https://badnews.example.org/rss"))
    let wrong = Config.parse("full-text-feeds = [3]\n", file: "c")
    #expect(wrong.problems.count == 1 && wrong.fullTextFeeds.isEmpty)
  }

  @Test("NO_COLOR, LEDE_THEME and the first-frame switch come from the environment")
  func environment() {
    let options = TUIOptions.fromEnvironment(environment: ["NO_COLOR": "1", "LEDE_THEME": "gruvbox", "LEDE_EXIT_AFTER_FIRST_FRAME": "1"])
    #expect(options.noColor && options.exitAfterFirstFrame && options.theme == "gruvbox")
    #expect(TUIOptions.fromEnvironment(theme: "light", environment: ["LEDE_THEME": "gruvbox"]).theme == "light")
    let plain = TUIOptions.fromEnvironment(environment: ["NO_COLOR": ""])
    #expect(!plain.noColor && !plain.exitAfterFirstFrame && plain.theme == nil)
  }

  @Test("the config lives under XDG_CONFIG_HOME, else ~/.config")
  func path() {
    #expect(Config.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/lede/config.toml")
    #expect(Config.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/lede/config.toml")
  }
}

struct ReadmeKeyTableTests {
  @Test("README's key table is exactly the one generated from the key map")
  func readmeTable() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    var everything = KeyMap.standard
    everything.hidden = []
    let table = everything.markdownTable()
    let begin = try #require(text.range(of: "<!-- keys:begin -->\n"))
    let end = try #require(text.range(of: "\n<!-- keys:end -->"))
    #expect(String(text[begin.upperBound..<end.lowerBound]) == table, "README keys should be:\n\(table)")
  }
}
