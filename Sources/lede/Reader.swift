import Foundation
import LedeCore
import LedeStore
import LedeTUI

/// Opens the reader on a library.
enum Reader {
    static func open(library: Library, options: GlobalOptions, theme: String?, about: String?) throws {
        // The TUI needs a terminal; piped, lede prints the newest articles instead.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try printList(library: library, about: about)
            return
        }
        do {
            var tuiOptions = TUIOptions.fromEnvironment(theme: theme, about: about ?? "")
            let config = Config.load(path: tuiOptions.configPath ?? Config.defaultPath())
            tuiOptions.config = config
            if about == nil, (try? library.feeds().isEmpty) == false {
                var refresher = FeedRefresher(library: library)
                refresher.config = config
                tuiOptions.refreshFeeds = { [refresher] progress in refresher.refreshSynchronously(progress: progress) }
            }
            try runTUI(library: library, options: tuiOptions)
        } catch let error as TerminalError {
            throw CLIError(error.description)
        }
    }

    private static func printList(library: Library, about: String?) throws {
        if let about {
            Output.line(about)
            Output.line("Sample library: \(library.path)")
            Output.line()
        }
        let rows = try library.articles(offset: 0, limit: 50)
        if rows.isEmpty {
            Output.line("The library is empty. Add articles with `lede add PATH`.")
        } else {
            Printer.rows(rows)
        }
    }
}
