import ArgumentParser
import Foundation
import LedeCore
import LedeStore

@main
struct Lede: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "A terminal news reader: offline library, bullet summaries, people and organizations.",
        discussion: """
            With no command, lede opens the reader on your library.
            The library is one SQLite file: --library PATH, else $LEDE_LIBRARY, \
            else $XDG_DATA_HOME/lede/library.sqlite (~/.local/share/lede/library.sqlite).
            """,
        version: "0.1.0",
        subcommands: [
            Add.self, Extract.self, List.self, Show.self, Search.self, Entities.self, EntityCommand.self,
            Export.self, Feeds.self, Refresh.self, OPMLCommand.self, Demo.self,
        ])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reader: ReaderOptions

    mutating func run() throws {
        let library = try global.openLibrary()
        try Reader.open(library: library, options: global, theme: reader.theme, about: nil)
    }
}

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library file to use.", valueName: "path"))
    var library: String?

    func libraryPath() -> String {
        LibraryLocation.resolve(explicit: library, environment: ProcessInfo.processInfo.environment)
    }

    /// Commands that only read pass `mustExist`, so a mistyped `--library` path is reported
    /// instead of becoming a new empty library.
    func openLibrary(mustExist: Bool = false) throws -> Library {
        let path = libraryPath()
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no library at \(path) yet; add articles with `lede add PATH` or `lede feeds add URL`")
        }
        do {
            return try Library(path: path)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

struct ReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The reader's colour theme: a name from Themes/ (default, light, solarized-dark, gruvbox, high-contrast, mono) or a .toml path.", valueName: "name"))
    var theme: String?
}

enum LibraryLocation {
    static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return expand(explicit) }
        if let fromEnvironment = environment["LEDE_LIBRARY"], !fromEnvironment.isEmpty { return expand(fromEnvironment) }
        return dataDirectory(environment).appendingPathComponent("lede/library.sqlite").path
    }

    static func dataDirectory(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg) }
        return home(environment).appendingPathComponent(".local/share")
    }

    static func cacheDirectory(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg) }
        return home(environment).appendingPathComponent(".cache")
    }

    static func home(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
    }

    static func expand(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }
}

/// An error the command line reports as one line and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    /// Text from articles goes through the sanitizer before it reaches a terminal.
    static func safe(_ text: String) -> String {
        TextSanitizer.clean(text)
    }

    static func json(_ value: JSONValue) {
        print(value.serialized())
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The day in UTC ("2023-04-11"); a format style, not a new DateFormatter for every row listed.
    static func date(_ date: Date?) -> String {
        date?.formatted(.iso8601.year().month().day()) ?? ""
    }
}
