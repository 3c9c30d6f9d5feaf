import Foundation

/// Settings read from `$XDG_CONFIG_HOME/lede/config.toml`.
///
/// ```toml
/// theme = "gruvbox"
/// bullets = 4              # bullets shown per article
/// browser = "firefox"      # else $BROWSER, else xdg-open
/// [keys]
/// move-down = ["j", "down", "ctrl-n"]   # replaces the defaults of that action
/// toggle-star = "S"
/// quit = []                              # unbinds the action
/// unbind = ["u"]                         # frees keys, whatever they did
/// ```
///
/// Top-level `full-text-feeds = ["https://example.com/feed.xml", "news.example.org"]` names feeds
/// whose teaser items `lede refresh` completes from the pages they link to, by feed address or host.
public struct Config: Equatable, Sendable {
  public var theme: String?
  public var bulletsPerArticle: Int?
  public var browser: String?
  /// Feeds (by address, or by host) whose teaser items are completed from their pages on refresh.
  public var fullTextFeeds: [String] = []
  public var keyMap: KeyMap = .standard
  /// Problems found while reading; each names the file and line. Lede still starts.
  public var problems: [String] = []

  public init() {}

  /// The config file's path: `$XDG_CONFIG_HOME/lede/config.toml`, else `~/.config/lede/config.toml`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/lede/config.toml" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.config/lede/config.toml"
  }

  /// Reads the file at `path`; a missing file is the defaults, an unreadable one a problem.
  public static func load(path: String) -> Config {
    guard FileManager.default.fileExists(atPath: path) else { return Config() }
    guard let data = FileManager.default.contents(atPath: path) else {
      var config = Config()
      config.problems.append("\(path): cannot read the config file")
      return config
    }
    return parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Parses config text, collecting problems instead of failing.
  public static func parse(_ text: String, file: String) -> Config {
    var config = Config()
    let entries: [TOMLEntry]
    do {
      entries = try MiniTOML.parse(text)
    } catch {
      config.problems.append("\(file):\(error.line): \(error.message); config ignored")
      return config
    }
    var bindings: [(Command, [Key])] = []
    var unbinds: [Key] = []
    for entry in entries {
      let key = entry.table.isEmpty ? entry.key : "\(entry.table).\(entry.key)"
      func problem(_ message: String) { config.problems.append("\(file):\(entry.line): \(key): \(message)") }
      switch (entry.table, entry.key, entry.value) {
      case ("", "theme", .string(let name)): config.theme = name
      case ("", "bullets", .integer(let n)) where (1...20).contains(n): config.bulletsPerArticle = n
      case ("", "bullets", _): problem("expected a number from 1 to 20")
      case ("", "browser", .string(let command)): config.browser = command
      case ("", "theme", _), ("", "browser", _): problem("expected a string")
      case ("", "full-text-feeds", .array(let items)):
        var feeds: [String] = []
        for item in items {
          guard case .string(let feed) = item, !feed.isEmpty else {
            problem("expected feed addresses or host names, e.g. [\"https://example.com/feed.xml\", \"example.org\"]")
            feeds = []
            break
          }
          feeds.append(feed)
        }
        config.fullTextFeeds += feeds
      case ("", "full-text-feeds", _): problem("expected a list of feed addresses or host names")
      case ("keys", "unbind", let value):
        guard let keys = keyList(value, problem: problem) else { continue }
        unbinds += keys
      case ("keys", let name, let value):
        guard let command = Command(rawValue: name) else {
          problem("unknown action; actions are \(Command.allCases.map(\.rawValue).joined(separator: ", "))")
          continue
        }
        guard let keys = keyList(value, problem: problem) else { continue }
        bindings.append((command, keys))
      default:
        problem("unknown setting")
      }
    }
    config.keyMap.unbind(unbinds)
    for (command, keys) in bindings { config.keyMap.bind(command, to: keys) }
    return config
  }

  /// Whether the feed at `feedURL` is one whose teasers the config asks to complete: an entry is
  /// the feed's address, or a host name that the feed's host is or ends in (".example.org").
  public func wantsFullText(feedURL: String) -> Bool {
    let host = URL(string: feedURL)?.host?.lowercased()
    return fullTextFeeds.contains { entry in
      if entry == feedURL { return true }
      guard !entry.contains("/"), let host else { return false }
      let name = entry.lowercased()
      return host == name || host.hasSuffix("." + name)
    }
  }

  private static func keyList(_ value: TOMLValue, problem: (String) -> Void) -> [Key]? {
    let names: [TOMLValue]
    switch value {
    case .string: names = [value]
    case .array(let items): names = items
    default:
      problem("expected a key name or a list of key names")
      return nil
    }
    var keys: [Key] = []
    for item in names {
      guard case .string(let name) = item, let key = Key(name: name) else {
        problem("not a key name: \(item); use e.g. \"j\", \"ctrl-d\", \"pgdn\", \"shift-tab\", \"f5\"")
        return nil
      }
      keys.append(key)
    }
    return keys
  }
}
