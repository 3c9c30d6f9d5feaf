import Foundation

/// A problem in a theme file, precise enough to fix it.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var key: String?
  public var message: String

  public var description: String {
    let keyPart = key.map { " key \"\($0)\":" } ?? ""
    return "\(file):\(line):\(keyPart) \(message)"
  }
}

/// Reads theme files and finds them on disk.
public enum ThemeLoader {
  /// Parses theme text; `file` is only used to name the file in errors.
  public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
    let entries: [TOMLEntry]
    do {
      entries = try MiniTOML.parse(text)
    } catch {
      throw ThemeError(file: file, line: error.line, key: nil, message: error.message)
    }
    var name = (file as NSString).lastPathComponent
    if name.hasSuffix(".toml") { name = String(name.dropLast(5)) }
    var styles: [Role: RoleStyle] = [:]
    for entry in entries {
      let key = entry.table.isEmpty ? entry.key : entry.table + "." + entry.key
      func fail(_ message: String) -> ThemeError {
        ThemeError(file: file, line: entry.line, key: key, message: message)
      }
      if key == "name" || key == "description" || key == "author" || key == "license" {
        if key == "name", case .string(let s) = entry.value { name = s }
        continue
      }
      // Roles may be written at top level or under a [roles] table.
      let roleName = entry.table == "roles" ? entry.key : key
      guard let role = Role(rawValue: roleName) else {
        throw fail("unknown role; known roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard case .table(let pairs) = entry.value else {
        throw fail("expected an inline table like { fg = \"white\", bg = \"default\", attrs = [\"bold\"] }, got \(entry.value.typeName)")
      }
      var style = RoleStyle()
      for (field, value) in pairs {
        switch field {
        case "fg", "bg":
          guard let color = ThemeColor.parse(value) else {
            throw fail("\(field): not a colour (use a name like \"cyan\", \"#rrggbb\", 0–255 or \"default\")")
          }
          if field == "fg" { style.fg = color } else { style.bg = color }
        case "attrs":
          guard case .array(let items) = value else { throw fail("attrs must be an array of strings") }
          for item in items {
            guard case .string(let attr) = item else { throw fail("attrs must be an array of strings") }
            switch attr {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "italic": style.italic = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            default: throw fail("unknown attribute \"\(attr)\" (bold, dim, italic, underline, reverse)")
            }
          }
        default:
          throw fail("unknown field \"\(field)\" (fg, bg, attrs)")
        }
      }
      styles[role] = style
    }
    return Theme(name: name, styles: styles)
  }

  /// Folders searched for `NAME.toml`, most specific first.
  public static func searchPaths(configDirectory: String?) -> [String] {
    var paths: [String] = []
    if let dir = configDirectory { paths.append(dir + "/themes") }
    if let env = ProcessInfo.processInfo.environment["LEDE_THEMES"], !env.isEmpty { paths.append(env) }
    paths.append(contentsOf: bundledDirectories)
    return paths
  }

  /// Where the themes bundled with LedeTUI may be.
  ///
  /// SwiftPM's generated `Bundle.module` traps when the bundle is missing (a
  /// binary copied elsewhere), so the same places are probed by hand and a
  /// missing bundle just means the built-in fallback theme.
  static var bundledDirectories: [String] {
    let bundleName = "lede_LedeTUI.resources"
    var dirs: [String] = []
    let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      let dir = URL(fileURLWithPath: real).deletingLastPathComponent()
      dirs.append(dir.appendingPathComponent(bundleName).appendingPathComponent("Themes").path)
      dirs.append(dir.appendingPathComponent("../share/lede/themes").standardized.path)
    }
    dirs.append(exe.deletingLastPathComponent().appendingPathComponent(bundleName).appendingPathComponent("Themes").path)
    dirs.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Themes").path)
    var seen = Set<String>()
    return dirs.filter { seen.insert($0).inserted && FileManager.default.fileExists(atPath: $0) }
  }

  /// Names of the themes shipped with lede.
  public static var bundledNames: [String] {
    guard let dir = bundledDirectories.first,
      let files = try? FileManager.default.contentsOfDirectory(atPath: dir)
    else { return [] }
    return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Loads a theme by name or path; on any problem returns the default theme and the reason.
  public static func load(_ nameOrPath: String, configDirectory: String?) -> (Theme, String?) {
    var candidates: [String] = []
    if nameOrPath.contains("/") {
      candidates.append(nameOrPath)
    } else {
      candidates = searchPaths(configDirectory: configDirectory).map { "\($0)/\(nameOrPath).toml" }
    }
    for path in candidates where FileManager.default.fileExists(atPath: path) {
      do {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        return (try parse(String(decoding: data, as: UTF8.self), file: path), nil)
      } catch {
        return (loadDefault(configDirectory: configDirectory), "theme error: \(error); using the default theme")
      }
    }
    let message = nameOrPath == "default" ? nil : "theme \"\(nameOrPath)\" not found; using the default theme"
    return (loadDefault(configDirectory: configDirectory), message)
  }

  private static func loadDefault(configDirectory: String?) -> Theme {
    for dir in searchPaths(configDirectory: nil) {
      let path = dir + "/default.toml"
      if let data = FileManager.default.contents(atPath: path),
        let theme = try? parse(String(decoding: data, as: UTF8.self), file: path)
      {
        return theme
      }
    }
    return .fallback
  }
}
