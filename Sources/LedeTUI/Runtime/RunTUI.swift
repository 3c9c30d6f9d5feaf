import Foundation

/// How `runTUI` should start.
public struct TUIOptions: Sendable {
  /// A theme name (`Themes/NAME.toml`) or a path; nil means the config's, else "default".
  public var theme: String?
  /// The config file; nil means `$XDG_CONFIG_HOME/lede/config.toml`.
  public var configPath: String?
  /// The config, when the caller has read it already (the feed refresher needs it too).
  public var config: Config?
  /// Draw without colours; `fromEnvironment` sets it from `NO_COLOR`.
  public var noColor: Bool
  /// Shown in the status bar at start and in help: the demo credits its sources here.
  public var about: String
  /// Exit after the first full frame and report its time and peak memory on stderr.
  public var exitAfterFirstFrame: Bool
  /// Refreshes the library's feeds (run off the UI thread) and sums up the result; nil hides `r`.
  public var refreshFeeds: RefreshFeeds?

  public init(
    theme: String? = nil, configPath: String? = nil, noColor: Bool = false, about: String = "",
    exitAfterFirstFrame: Bool = false
  ) {
    self.theme = theme
    self.configPath = configPath
    self.noColor = noColor
    self.about = about
    self.exitAfterFirstFrame = exitAfterFirstFrame
  }

  /// Options with `NO_COLOR`, `LEDE_THEME` and `LEDE_EXIT_AFTER_FIRST_FRAME` read from the environment.
  ///
  /// An explicit `theme` (the `--theme` flag) wins over `LEDE_THEME`, which wins over the config.
  public static func fromEnvironment(
    theme: String? = nil, configPath: String? = nil, about: String = "",
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TUIOptions {
    let environmentTheme = environment["LEDE_THEME"].flatMap { $0.isEmpty ? nil : $0 }
    return TUIOptions(
      theme: theme ?? environmentTheme, configPath: configPath, noColor: !(environment["NO_COLOR"] ?? "").isEmpty, about: about,
      exitAfterFirstFrame: environment["LEDE_EXIT_AFTER_FIRST_FRAME"] == "1")
  }
}

/// Runs the terminal UI on a library until the user quits.
///
/// The terminal is restored when this returns or throws, and on SIGINT/SIGTERM.
public func runTUI(library: any LibraryReading, options: TUIOptions) throws {
  guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
  let configPath = options.configPath ?? Config.defaultPath()
  let config = options.config ?? Config.load(path: configPath)
  let configDirectory = (configPath as NSString).deletingLastPathComponent
  let (theme, themeProblem) = ThemeLoader.load(options.theme ?? config.theme ?? "default", configDirectory: configDirectory)
  let terminal = try CursesTerminal(theme: theme, noColor: options.noColor)
  defer { terminal.close() }
  let browser = config.browser
  let runtime = makeRuntime(
    library: library, terminal: terminal, config: config, about: options.about, browser: browser,
    refreshFeeds: options.refreshFeeds)
  let problems = config.problems + (themeProblem.map { [$0] } ?? [])
  try runLoop(runtime: runtime, terminal: terminal, problems: problems, exitAfterFirstFrame: options.exitAfterFirstFrame)
}

func makeRuntime(
  library: any LibraryReading, terminal: some TerminalBackend, config: Config, about: String, browser: String?,
  refreshFeeds: RefreshFeeds? = nil
) -> Runtime {
  let size = terminal.size
  var keyMap = config.keyMap
  // `r` is offered only where there is something to refresh.
  if refreshFeeds != nil { keyMap.hidden.remove(.refresh) }
  let state = AppState(
    cols: size.cols, rows: size.rows, keyMap: keyMap, bulletsPerArticle: config.bulletsPerArticle ?? 5,
    about: about)
  return Runtime(state: state, library: library, refreshFeeds: refreshFeeds) { url in
    terminal.suspend { LinkOpener.open(url, browser: browser) }
  }
}

/// Reads keys and repaints until the state says stop.
func runLoop(runtime: Runtime, terminal: some TerminalBackend, problems: [String], exitAfterFirstFrame: Bool) throws {
  runtime.start()
  if let first = problems.first {
    let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
    runtime.send(.failed(first + more))
  }
  terminal.draw(render(runtime.state))
  if exitAfterFirstFrame {
    terminal.close()
    FileHandle.standardError.write(Data((FirstFrameReport.current().line + "\n").utf8))
    return
  }
  while runtime.state.isRunning {
    let key = terminal.readKey()
    if key == .tick {
      if runtime.pollBackground() { terminal.draw(render(runtime.state)) }
      continue
    }
    runtime.send(.key(key))
    if runtime.state.isRunning { terminal.draw(render(runtime.state)) }
  }
}

/// Opens a URL in the user's browser: the config's, `$BROWSER`, else xdg-open.
enum LinkOpener {
  static func open(_ url: String, browser: String?) -> String? {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      ["http", "https", "file"].contains(scheme)
    else { return "not opening \(url): only http, https and file links are opened" }
    let environmentBrowser = ProcessInfo.processInfo.environment["BROWSER"]?
      .split(separator: ":").first.map(String.init)
    let command = [browser, environmentBrowser].compactMap { $0 }.first { !$0.isEmpty } ?? "xdg-open"
    // No shell: the URL is one argument, whatever it contains.
    var words = command.split(separator: " ").map(String.init)
    if let i = words.firstIndex(of: "%s") { words[i] = url } else { words.append(url) }
    guard let executable = words.first else { return "no browser configured" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = words
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      return "cannot run \(executable): \(error.localizedDescription)"
    }
    return process.terminationStatus == 0 ? nil : "\(executable) exited with status \(process.terminationStatus)"
  }
}

/// Time from process start to the first frame, and peak resident memory.
struct FirstFrameReport {
  var milliseconds: Double
  var peakRSSKilobytes: Int

  var line: String {
    let mb = Double(peakRSSKilobytes) / 1024
    return "lede first-frame-ms=\(String(format: "%.1f", milliseconds)) peak-rss-mb=\(String(format: "%.1f", mb))"
  }

  static func current() -> FirstFrameReport {
    FirstFrameReport(milliseconds: millisecondsSinceProcessStart() ?? -1, peakRSSKilobytes: peakRSS() ?? -1)
  }

  /// From the kernel's record of when the process started (since boot, in clock ticks).
  static func millisecondsSinceProcessStart() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name; starttime is field 22 overall, 20th after ")".
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
    let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    let nowSeconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    return (nowSeconds - ticks / hz) * 1000
  }

  static func peakRSS() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
    return nil
  }
}
